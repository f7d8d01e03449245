// Drawing zones on a Leaflet map that needs no tile server: a plain frame
// with the centroids and names of the administrative units, the zones as
// markers coloured by kind, filled by status, sized by area, with a dashed
// outline where the position is approximate; the port, border gates and
// logistics centres on a layer of their own. Tiles are drawn only when the
// server is configured with a tile URL.
import { t, fmtHa, fmtNum } from './i18n.js';
import { esc, nameHTML, nameText, placeHTML, badge, enumText } from './core.js';
import { GAP, box, touch, clusterSize, ringOffsets, arrange } from './maplayout.js';

export const KINDS = ['kcn', 'ccn', 'hitech', 'logistics', 'economic', 'port'];
export const STATUSES = ['planned', 'approved', 'building', 'operating', 'cancelled'];
// Kinds drawn on the layer of the port, border gates and logistics centres.
export const LOGISTICS_KINDS = ['logistics', 'economic', 'port'];

// Marker diameter in pixels: grows with the square root of the total area.
export function markerSize(totalHa) {
  if (totalHa === null || totalHa === undefined || totalHa <= 0) return 12;
  return Math.round(Math.min(44, 12 + 0.75 * Math.sqrt(totalHa)));
}

function statusClass(s) {
  return `s-${s || 'none'}`;
}

// The HTML of a marker's symbol, also used by the legend.
export function symbolHTML(kind, status, size, approximate) {
  const cls = `zm k-${esc(kind)} ${statusClass(status)}${approximate ? ' approx' : ''}`;
  return `<span class="${cls}" style="width:${size}px;height:${size}px"></span>`;
}

// What a marker says of a position that is not surveyed (every position
// but a surveyed one is drawn as approximate): the centre of the mapped
// area, or the district's centroid.
function approxText(z) {
  return z.position === 'area_centre' ? t('approx_area_popup') : t('approx_popup');
}

function popupHTML(z) {
  const approx = z.position !== 'surveyed';
  return `<div class="popup">
<p class="popup-name"><a href="/zones/${encodeURIComponent(z.code)}">${placeHTML(z)}</a></p>
<p>${badge('kind', z.kind)} ${badge('status', z.status)}</p>
<dl>
<div><dt>${esc(t('col_total_ha'))}</dt><dd>${esc(fmtHa(z.total_ha))}</dd></div>
<div><dt>${esc(t('col_available_ha'))}</dt><dd>${esc(fmtHa(z.available_ha))}</dd></div>
<div><dt>${esc(t('col_position'))}</dt><dd>${esc(approx ? approxText(z) : enumText('position', z.position))}</dd></div>
</dl>
<p><a href="/zones/${encodeURIComponent(z.code)}">${esc(t('open_zone'))}</a></p>
</div>`;
}

// ----- markers that never hide one another (see maplayout.js) -----

// Half the width a zone's symbol takes, with its dashed outline.
function halfOf(f) {
  return markerSize(f.properties.total_ha) / 2 + 4;
}

function zoneMarker(L, f, dx, dy, pane, decorate) {
  const z = f.properties;
  const [lon, lat] = f.geometry.coordinates;
  const size = markerSize(z.total_ha);
  const approx = z.position !== 'surveyed';
  const label = `${nameText(z)} (${enumText('kind', z.kind)}, ${enumText('status', z.status)}${
    approx ? `; ${approxText(z)}` : ''
  })`;
  const icon = L.divIcon({
    className: 'zone-marker',
    html: symbolHTML(z.kind, z.status, size, approx),
    iconSize: [size, size],
    iconAnchor: [size / 2 - dx, size / 2 - dy],
    popupAnchor: [dx, dy - size / 2],
  });
  const m = L.marker([lat, lon], { icon, title: label, alt: label, keyboard: true, autoPanOnFocus: false, riseOnHover: true, pane: pane || 'markerPane' });
  m.bindPopup(() => popupHTML(z), { maxWidth: 260 });
  m.on('add', () => {
    const el = m.getElement();
    if (!el) return;
    el.dataset.code = z.code;
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', label);
    if (decorate) decorate(el, z);
  });
  return m;
}

function unitMarker(L, u) {
  const name = nameText(u).replace(/^(Huyện|Thị xã|Thành phố|Tỉnh) /, '');
  const icon = L.divIcon({
    className: 'unit-label',
    html: `<span class="unit-dot"></span><span class="unit-name">${esc(name)}</span>`,
    iconSize: [0, 0],
    iconAnchor: [0, 0],
  });
  return L.marker([u.lat, u.lon], { icon, interactive: false, keyboard: false });
}

// Creates a map in el. opts: config (from /api/v1/config), units (items),
// small (1: a small static-looking map). Returns an object with the map,
// its layers and setZones(features).
export function createMap(el, opts) {
  const L = window.L;
  const small = !!opts.small;
  const map = L.map(el, {
    zoomControl: false,
    attributionControl: true,
    scrollWheelZoom: !small,
    keyboard: true,
    zoomSnap: 0.25,
  });
  map.attributionControl.setPrefix(false);
  if (!small) L.control.zoom({ zoomInTitle: t('zoom_in'), zoomOutTitle: t('zoom_out') }).addTo(map);
  if (opts.config && opts.config.tiles) {
    L.tileLayer(opts.config.tiles, {
      attribution: esc(opts.config.tiles_attribution || ''),
      maxZoom: 18,
    }).addTo(map);
  } else {
    el.classList.add('no-tiles');
    if (opts.outline) {
      L.geoJSON(opts.outline, {
        interactive: false,
        style: (f) => ({
          color: '#7d8894',
          weight: f.properties.home ? 1.2 : 0.8,
          fillColor: f.properties.home ? '#fbfbf7' : '#e8eae4',
          fillOpacity: 1,
        }),
      }).addTo(map);
      map.attributionControl.addAttribution('Natural Earth');
    }
  }
  L.control.scale({ imperial: false }).addTo(map);
  const unitLayer = L.layerGroup();
  const zoneLayer = L.layerGroup();
  const logisticsLayer = L.layerGroup();
  // clusters, the lines from spread markers to their places, the places
  const overlay = L.layerGroup();
  // an opened cluster is drawn above the other markers, on a pale disc
  map.createPane('khuOpen').style.zIndex = 640;
  map.createPane('khuOpenMarkers').style.zIndex = 645;
  const openRenderer = L.svg({ pane: 'khuOpen', padding: 0.5 });
  const unitPoints = [];
  const unitLabels = [];
  for (const u of opts.units || []) {
    if (u.lat === null || u.lon === null || u.level === 'province') continue;
    const marker = unitMarker(L, u).addTo(unitLayer);
    unitLabels.push({ marker, latlng: L.latLng(u.lat, u.lon), w: 0, h: 0 });
    unitPoints.push([u.lat, u.lon]);
  }
  unitLayer.addTo(map);
  zoneLayer.addTo(map);
  logisticsLayer.addTo(map);
  overlay.addTo(map);

  let features = [];
  let decorate = null;
  let openKey = null; // the codes of the opened cluster
  let shown = []; // what the last layout drew
  let ready = false;
  // what the last layout was made for: the zoom and Leaflet's pixel origin
  // (layer points change with either), and the frame the names were fitted in
  let laidOut = '';
  let framed = '';
  const viewKey = () => `${map.getZoom()}@${map.getPixelOrigin()}`;
  const frameKey = () => String(map.containerPointToLayerPoint([0, 0]));

  const layerOf = (f) => (LOGISTICS_KINDS.includes(f.properties.kind) ? logisticsLayer : zoneLayer);
  const line = (a, b, open) =>
    L.polyline([a, b], { color: '#4a4f55', weight: 1, opacity: 0.9, interactive: false, ...(open ? { pane: 'khuOpen', renderer: openRenderer } : {}) });
  const place = (p, open) =>
    L.circleMarker(map.layerPointToLatLng(p), {
      radius: 3,
      stroke: true,
      color: '#fff',
      weight: 1,
      fillColor: '#22303d',
      fillOpacity: 1,
      interactive: false,
      ...(open ? { pane: 'khuOpen', renderer: openRenderer } : {}),
    });

  // A zone drawn at pixel point d (layer coordinates) away from its own
  // place, with a line to it.
  function spreadZone(m, d, open) {
    const dx = Math.round(d.x - m.p.x);
    const dy = Math.round(d.y - m.p.y);
    const ll = L.latLng(m.f.geometry.coordinates[1], m.f.geometry.coordinates[0]);
    if (dx || dy) line(ll, map.layerPointToLatLng(L.point(m.p.x + dx, m.p.y + dy)), open).addTo(open ? overlay : layerOf(m.f));
    zoneMarker(L, m.f, dx, dy, open ? 'khuOpenMarkers' : null, decorate).addTo(layerOf(m.f));
  }

  function clusterMarker(it, open) {
    const n = it.members.length;
    const size = clusterSize(n);
    const label = t(open ? 'cluster_label_open' : 'cluster_label', { n: fmtNum(n, 0) });
    const icon = L.divIcon({
      className: 'zone-cluster',
      html: `<span class="zc" aria-hidden="true">${esc(fmtNum(n, 0))}</span>`,
      iconSize: [size, size],
    });
    const mk = L.marker(map.layerPointToLatLng(it.c), {
      icon,
      title: label,
      keyboard: true,
      autoPanOnFocus: false,
      riseOnHover: true,
      bubblingMouseEvents: false,
      zIndexOffset: 500,
      pane: open ? 'khuOpenMarkers' : 'markerPane',
    });
    mk.on('add', () => {
      const e = mk.getElement();
      if (!e) return;
      e.dataset.count = String(n);
      e.dataset.codes = it.key;
      e.setAttribute('role', 'button');
      e.setAttribute('aria-label', label);
      e.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
    mk.on('click', () => toggle(it.key));
    mk.on('keydown', (e) => {
      const k = e.originalEvent.key;
      if (k !== 'Enter' && k !== ' ') return;
      e.originalEvent.preventDefault();
      toggle(it.key);
    });
    return mk.addTo(overlay);
  }

  // An opened cluster: its zones on rings around it, above a pale disc;
  // returns the disc's radius.
  function drawOpen(it) {
    const inner = clusterSize(it.members.length) / 2 + 2 + GAP;
    const offs = ringOffsets(it.members.map((m) => m.h), inner);
    let reach = inner;
    offs.forEach(([x, y], i) => (reach = Math.max(reach, Math.hypot(x, y) + it.members[i].h * Math.SQRT2)));
    L.circleMarker(map.layerPointToLatLng(it.c), {
      pane: 'khuOpen',
      renderer: openRenderer,
      radius: reach + 6,
      color: '#4a4f55',
      weight: 1,
      fillColor: '#fff',
      fillOpacity: 0.88,
      interactive: false,
    }).addTo(overlay);
    clusterMarker(it, true);
    const seen = new Set();
    it.members.forEach((m, i) => {
      const k = `${m.p.x},${m.p.y}`;
      if (!seen.has(k) && (m.p.x !== it.c.x || m.p.y !== it.c.y)) place(m.p, true).addTo(overlay);
      seen.add(k);
      spreadZone(m, L.point(it.c.x + offs[i][0], it.c.y + offs[i][1]), true);
    });
    return reach + 6;
  }

  // Lays the markers out for the current zoom and layers.
  function draw() {
    zoneLayer.clearLayers();
    logisticsLayer.clearLayers();
    overlay.clearLayers();
    if (!ready) return;
    laidOut = viewKey();
    const entries = features
      .filter((f) => map.hasLayer(layerOf(f)))
      .map((f) => ({ f, p: map.latLngToLayerPoint([f.geometry.coordinates[1], f.geometry.coordinates[0]]), h: halfOf(f) }));
    const items = arrange(entries);
    shown = items;
    let opened = null;
    for (const it of items) {
      if (it.kind === 'one') zoneMarker(L, it.members[0].f, 0, 0, null, decorate).addTo(layerOf(it.members[0].f));
      else if (it.kind === 'ring') {
        const seen = new Set();
        it.members.forEach((m, i) => {
          const k = `${m.p.x},${m.p.y}`;
          if (!seen.has(k)) place(m.p, false).addTo(overlay);
          seen.add(k);
          spreadZone(m, L.point(it.c.x + it.offs[i][0], it.c.y + it.offs[i][1]), false);
        });
      } else if (it.key === openKey) opened = { it, reach: drawOpen(it) };
      else clusterMarker(it, false);
    }
    if (openKey && !opened) openKey = null;
    placeLabels(items.map((it) => it.box));
    // the zoom laid out, for whoever waits for it (the tests)
    el.dataset.zoom = String(map.getZoom());
    return opened;
  }

  // The units' names beside their dots, clear of the markers and of one
  // another; a name with no room at this zoom is left out.
  function placeLabels(taken) {
    if (!map.hasLayer(unitLayer)) return;
    framed = frameKey();
    // inside the frame, clear of its buttons, scale and attribution
    const size = map.getSize();
    const frame = { tl: map.containerPointToLayerPoint([2, 2]), br: map.containerPointToLayerPoint([size.x - 2, size.y - 2]) };
    const home = el.getBoundingClientRect();
    for (const c of el.querySelectorAll('.leaflet-control')) {
      const r = c.getBoundingClientRect();
      if (!r.width) continue;
      const a = map.containerPointToLayerPoint([r.left - home.left, r.top - home.top]);
      taken.push({ l: a.x, t: a.y, r: a.x + r.width, b: a.y + r.height });
    }
    for (const u of unitLabels) {
      const e = u.marker.getElement();
      const span = e && e.querySelector('.unit-name');
      if (!span) continue;
      if (!u.w) {
        span.hidden = false;
        const r = span.getBoundingClientRect();
        u.w = Math.ceil(r.width);
        u.h = Math.ceil(r.height);
      }
      if (!u.w) continue;
      const q = map.latLngToLayerPoint(u.latlng);
      // how far the drawings over the unit's dot reach from it
      let d = 0;
      for (const b of taken) if (b.l <= q.x && q.x <= b.r && b.t <= q.y && q.y <= b.b) d = Math.max(d, q.x - b.l, b.r - q.x, q.y - b.t, b.b - q.y);
      const spots = [];
      for (const e2 of d ? [0, d, d + 8] : [0, 8])
        spots.push([e2 + 6, -u.h / 2], [-(e2 + 6) - u.w, -u.h / 2], [-u.w / 2, e2 + 4], [-u.w / 2, -(e2 + 4) - u.h]);
      const rect = ([x, y]) => ({ l: q.x + x, t: q.y + y, r: q.x + x + u.w, b: q.y + y + u.h });
      const inside = (r) => r.l >= frame.tl.x && r.t >= frame.tl.y && r.r <= frame.br.x && r.b <= frame.br.y;
      const spot = spots.find((xy) => inside(rect(xy)) && !taken.some((b) => touch(rect(xy), b, 2)));
      span.hidden = !spot;
      if (!spot) continue;
      span.style.left = `${Math.round(spot[0])}px`;
      span.style.top = `${Math.round(spot[1])}px`;
      taken.push(rect(spot));
    }
  }

  // Opens the cluster of these codes, or closes it when open; the focus
  // stays on the cluster, and an opened one is brought into view. A cluster
  // of zones at several places too many to open in the frame is zoomed
  // into instead, the focus going to what then holds its first zone.
  function toggle(key) {
    const focused = el.contains(document.activeElement);
    const it = shown.find((x) => x.key === key);
    if (openKey !== key && it && zoomInto(it, focused)) return;
    openKey = openKey === key ? null : key;
    const opened = draw();
    if (focused) {
      const c = [...el.querySelectorAll('.zone-cluster')].find((x) => x.dataset.codes === key);
      if (c) c.focus();
    }
    if (opened) {
      const cp = map.layerPointToContainerPoint(opened.it.c);
      const size = map.getSize();
      const shift = (v, max) => (2 * opened.reach > max ? v - max / 2 : v - opened.reach < 0 ? v - opened.reach : v + opened.reach > max ? v + opened.reach - max : 0);
      const dx = shift(cp.x, size.x);
      const dy = shift(cp.y, size.y);
      if (dx || dy) map.panBy([Math.round(dx), Math.round(dy)], { animate: false });
    }
  }

  function zoomInto(it, focused) {
    const lls = it.members.map((m) => L.latLng(m.f.geometry.coordinates[1], m.f.geometry.coordinates[0]));
    const b = L.latLngBounds(lls);
    if (b.getNorthEast().equals(b.getSouthWest())) return false;
    const size = map.getSize();
    const inner = clusterSize(it.members.length) / 2 + 2 + GAP;
    const offs = ringOffsets(it.members.map((m) => m.h), inner);
    const reach = offs.reduce((r, [x, y], i) => Math.max(r, Math.hypot(x, y) + it.members[i].h), inner) + 6;
    if (2 * reach <= Math.min(size.x, size.y) - 16) return false;
    const z = Math.min(map.getBoundsZoom(b.pad(0.3)), map.getZoom() + 3, 16);
    if (z <= map.getZoom()) return false;
    map.setView(b.getCenter(), z, { animate: false });
    if (focused) {
      const first = it.members[0].f.properties.code;
      const target =
        el.querySelector(`.zone-marker[data-code="${CSS.escape(first)}"]`) ||
        [...el.querySelectorAll('.zone-cluster')].find((x) => x.dataset.codes.split(' ').includes(first));
      if (target) target.focus();
    }
    return true;
  }

  // A marker reached by the keyboard is brought into the frame, never one
  // focused by a press. Leaflet's own pan on focus is off (autoPanOnFocus):
  // it pans on a press too, and the map then moves between the press and
  // the release, so the click lands on nothing and is lost.
  let pressing = false;
  const released = () => (pressing = false);
  el.addEventListener('pointerdown', () => (pressing = true), true);
  for (const end of ['pointerup', 'pointercancel']) document.addEventListener(end, released, true);
  L.DomEvent.on(el, 'focusin', (e) => {
    const icon = e.target.closest && e.target.closest('.leaflet-marker-icon');
    if (!icon || pressing) return;
    map.stop(); // a glide still going would undo the pan: end it first
    const f = el.getBoundingClientRect();
    const r = icon.getBoundingClientRect();
    const pad = 8;
    const out = (lo, hi, min, max) => (hi - lo > max - min - 2 * pad ? 0 : lo < min + pad ? lo - min - pad : hi > max - pad ? hi - max + pad : 0);
    const dx = out(r.left, r.right, f.left, f.right);
    const dy = out(r.top, r.bottom, f.top, f.bottom);
    if (dx || dy) map.panBy([Math.round(dx), Math.round(dy)], { animate: false });
  });
  // A zoom, or a jump that moves the pixel origin, lays everything out
  // again (once: a jump fires both events); a pan only fits the names into
  // the moved frame.
  map.on('zoomend viewreset', () => {
    if (viewKey() !== laidOut) draw();
  });
  map.on('moveend', () => {
    if (ready && viewKey() === laidOut && frameKey() !== framed) placeLabels(shown.map((it) => it.box));
  });
  map.on('zoomstart', () => {
    openKey = null;
  });
  map.on('click', () => {
    if (openKey) toggle(openKey);
  });
  L.DomEvent.on(el, 'keydown', (e) => {
    if (e.key !== 'Escape' || !openKey) return;
    const key = openKey;
    toggle(key);
    const c = [...el.querySelectorAll('.zone-cluster')].find((x) => x.dataset.codes === key);
    if (c) c.focus();
  });
  map.whenReady(() => {
    ready = true;
    draw();
  });

  // Shows these zones (GeoJSON features; those without a point are left
  // out). opts.decorate(element, properties) is called on every zone
  // marker drawn, whenever it is drawn again.
  function setZones(list, o = {}) {
    features = list.filter((f) => f.geometry && f.geometry.type === 'Point');
    decorate = o.decorate || null;
    openKey = null;
    draw();
    return features.length;
  }

  // Switches a layer ('zones', 'logistics', 'units') on or off.
  function showLayer(id, on) {
    const layer = { zones: zoneLayer, logistics: logisticsLayer, units: unitLayer }[id];
    if (!layer) return;
    if (on) layer.addTo(map);
    else map.removeLayer(layer);
    draw();
  }

  // Fits the view to the zones, or to the units when there are none.
  function fit(features) {
    const pts = features.filter((f) => f.geometry).map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]);
    const all = pts.length ? pts : unitPoints;
    if (!all.length) {
      map.setView([10.7, 106.3], 9, { animate: false });
      return;
    }
    const b = L.latLngBounds(all);
    if (small || pts.length === 1) map.setView(b.getCenter(), small ? 10 : 11, { animate: false });
    else map.fitBounds(b.pad(0.15), { maxZoom: 12, animate: false });
  }

  // Stops what is moving and frees the map (when the page is left).
  function remove() {
    for (const end of ['pointerup', 'pointercancel']) document.removeEventListener(end, released, true);
    map.stop();
    map.closePopup();
    map.off();
    map.remove();
  }

  return { map, zoneLayer, logisticsLayer, unitLayer, setZones, showLayer, fit, remove };
}

// The legend of the markers as HTML.
export function legendHTML(kinds) {
  const ks = kinds || KINDS;
  return `<div class="legend">
<h3>${esc(t('legend'))}</h3>
<p class="legend-h">${esc(t('legend_kind'))}</p>
<ul>${ks.map((k) => `<li>${symbolHTML(k, 'operating', 14, false)} ${esc(t(`kind_${k}`))}</li>`).join('')}</ul>
<p class="legend-h">${esc(t('legend_status'))}</p>
<ul>${[...STATUSES, null]
    .map((s) => `<li>${symbolHTML('kcn', s, 14, false)} ${esc(enumText('status', s))}</li>`)
    .join('')}</ul>
<p class="legend-h">${esc(t('legend_size'))}</p>
<ul class="sizes">${[null, 50, 500, 2000]
    .map((a) => `<li>${symbolHTML('kcn', 'operating', markerSize(a), false)} ${esc(a === null ? t('unknown') : fmtHa(a))}</li>`)
    .join('')}</ul>
<p class="legend-h">${esc(t('legend_position'))}</p>
<ul>
<li>${symbolHTML('kcn', 'operating', 14, false)} ${esc(t('legend_surveyed'))}</li>
<li>${symbolHTML('kcn', 'operating', 14, true)} ${esc(t('legend_approximate'))} ${esc(t('legend_approx_kinds'))}</li>
<li><span class="legend-zc" style="width:${clusterSize(7)}px;height:${clusterSize(7)}px"><span class="zc">7</span></span> ${esc(t('legend_cluster'))}</li>
</ul>
</div>`;
}

// Layer switches (checkboxes) for a map made by createMap.
export function layerControlsHTML(idPrefix) {
  const box = (id, key) =>
    `<label><input type="checkbox" id="${idPrefix}-${id}" checked> ${esc(t(key))}</label>`;
  return `<fieldset class="layers"><legend>${esc(t('layers'))}</legend>
${box('zones', 'layer_zones')}
${box('logistics', 'layer_logistics')}
${box('units', 'layer_units')}
</fieldset>`;
}

export function wireLayerControls(root, idPrefix, m) {
  for (const id of ['zones', 'logistics', 'units']) {
    const box = root.querySelector(`#${idPrefix}-${id}`);
    if (!box) continue;
    box.addEventListener('change', () => m.showLayer(id, box.checked));
  }
}

export function unplacedHTML(features) {
  const missing = features.filter((f) => !f.geometry);
  if (!missing.length) return '';
  return `<p>${esc(t('no_position', { n: fmtNum(missing.length, 0) }))}</p>
<ul class="inline-list">${missing
    .map((f) => `<li><a href="/zones/${encodeURIComponent(f.properties.code)}">${nameHTML(f.properties)}</a></li>`)
    .join('')}</ul>`;
}
