// Build-time helper (make): writes to stdout the country outlines that the
// web app's map draws when it has no tiles, as GeoJSON. Source: Natural
// Earth 1:10m countries (public domain) from the npm package world-atlas
// (pinned in package-lock.json). Vietnam and the land around it, clipped
// to a box around Vietnam's mainland (the box stops west of the Paracel
// and Spratly islands), coordinates rounded to 0.001 degree (about 100 m).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'));
const COUNTRIES = ['Vietnam', 'Cambodia', 'Laos', 'Thailand', 'China'];
const BOX = { west: 101.0, south: 8.0, east: 110.0, north: 23.6 };

// Sutherland-Hodgman clipping of a closed ring to BOX.
function clipRing(ring) {
  const edges = [
    (p) => p[0] >= BOX.west,
    (p) => p[0] <= BOX.east,
    (p) => p[1] >= BOX.south,
    (p) => p[1] <= BOX.north,
  ];
  const cut = [
    (a, b) => [BOX.west, a[1] + ((b[1] - a[1]) * (BOX.west - a[0])) / (b[0] - a[0])],
    (a, b) => [BOX.east, a[1] + ((b[1] - a[1]) * (BOX.east - a[0])) / (b[0] - a[0])],
    (a, b) => [a[0] + ((b[0] - a[0]) * (BOX.south - a[1])) / (b[1] - a[1]), BOX.south],
    (a, b) => [a[0] + ((b[0] - a[0]) * (BOX.north - a[1])) / (b[1] - a[1]), BOX.north],
  ];
  let out = ring.slice(0, -1);
  for (let e = 0; e < 4 && out.length; e++) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i];
      const prev = input[(i + input.length - 1) % input.length];
      const inCur = edges[e](cur);
      const inPrev = edges[e](prev);
      if (inCur) {
        if (!inPrev) out.push(cut[e](prev, cur));
        out.push(cur);
      } else if (inPrev) out.push(cut[e](prev, cur));
    }
  }
  if (out.length < 3) return null;
  const r = out.map(([x, y]) => [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000]);
  r.push(r[0]);
  return r;
}

function clipPolygon(rings) {
  const outer = clipRing(rings[0]);
  if (!outer) return null;
  return [outer, ...rings.slice(1).map(clipRing).filter(Boolean)];
}

const geometries = world.objects.countries.geometries.filter((g) => COUNTRIES.includes(g.properties.name));
const fc = feature(world, { type: 'GeometryCollection', geometries });
const features = [];
for (const f of fc.features) {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const kept = polys.map(clipPolygon).filter(Boolean);
  if (!kept.length) continue;
  features.push({
    type: 'Feature',
    properties: { name: f.properties.name, home: f.properties.name === 'Vietnam' },
    geometry: { type: 'MultiPolygon', coordinates: kept },
  });
}
process.stdout.write(
  JSON.stringify({
    type: 'FeatureCollection',
    source: 'Natural Earth 1:10m countries (public domain), via world-atlas 2.0.2',
    features,
  })
);
