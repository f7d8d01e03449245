// Drawing zones on a Leaflet map that needs no tile server: a plain frame
// with the centroids and names of the administrative units, the zones as
// markers coloured by kind, filled by status, sized by area, with a dashed
// outline where the position is approximate; the port, border gates and
// logistics centres on a layer of their own. Tiles are drawn only when the
// server is configured with a tile URL.
import { t, fmtHa, fmtNum } from './i18n.js';
import { esc, nameHTML, nameText, badge, enumText } from './core.js';

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

function popupHTML(z) {
  const approx = z.position !== 'surveyed';
  return `<div class="popup">
<p class="popup-name"><a href="/zones/${encodeURIComponent(z.code)}">${nameHTML(z)}</a></p>
<p>${badge('kind', z.kind)} ${badge('status', z.status)}</p>
<dl>
<div><dt>${esc(t('col_total_ha'))}</dt><dd>${esc(fmtHa(z.total_ha))}</dd></div>
<div><dt>${esc(t('col_available_ha'))}</dt><dd>${esc(fmtHa(z.available_ha))}</dd></div>
<div><dt>${esc(t('col_position'))}</dt><dd>${esc(approx ? t('approx_popup') : enumText('position', z.position))}</dd></div>
</dl>
<p><a href="/zones/${encodeURIComponent(z.code)}">${esc(t('open_zone'))}</a></p>
</div>`;
}

// Pixel offsets that spread n markers sharing one point on a sunflower
// pattern, the first at the centre.
function spread(i, n) {
  if (n < 2) return [0, 0];
  const r = 10 * Math.sqrt(i + 0.3);
  const a = i * 2.39996;
  return [Math.round(r * Math.cos(a)), Math.round(r * Math.sin(a))];
}

function zoneMarker(L, f, dx, dy) {
  const z = f.properties;
  const [lon, lat] = f.geometry.coordinates;
  const size = markerSize(z.total_ha);
  const approx = z.position !== 'surveyed';
  const label = `${nameText(z)} (${enumText('kind', z.kind)}, ${enumText('status', z.status)}${
    approx ? `; ${t('approx_popup')}` : ''
  })`;
  const icon = L.divIcon({
    className: 'zone-marker',
    html: symbolHTML(z.kind, z.status, size, approx),
    iconSize: [size, size],
    iconAnchor: [size / 2 - dx, size / 2 - dy],
    popupAnchor: [dx, dy - size / 2],
  });
  const m = L.marker([lat, lon], { icon, title: label, alt: label, keyboard: true, riseOnHover: true });
  m.bindPopup(() => popupHTML(z), { maxWidth: 260 });
  m.on('add', () => {
    const el = m.getElement();
    if (!el) return;
    el.dataset.code = z.code;
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', label);
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
  const unitPoints = [];
  for (const u of opts.units || []) {
    if (u.lat === null || u.lon === null || u.level === 'province') continue;
    unitMarker(L, u).addTo(unitLayer);
    unitPoints.push([u.lat, u.lon]);
  }
  unitLayer.addTo(map);
  zoneLayer.addTo(map);
  logisticsLayer.addTo(map);

  function setZones(features) {
    zoneLayer.clearLayers();
    logisticsLayer.clearLayers();
    const placed = features.filter((f) => f.geometry && f.geometry.type === 'Point');
    const groups = new Map();
    for (const f of placed) {
      const key = f.geometry.coordinates.join(',');
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(f);
    }
    // larger markers first, so that small ones stay on top and clickable
    for (const list of groups.values()) {
      list.sort((a, b) => (b.properties.total_ha || 0) - (a.properties.total_ha || 0));
      list.forEach((f, i) => {
        const [dx, dy] = spread(i, list.length);
        const layer = LOGISTICS_KINDS.includes(f.properties.kind) ? logisticsLayer : zoneLayer;
        zoneMarker(L, f, dx, dy).addTo(layer);
      });
    }
    return placed.length;
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
    map.stop();
    map.closePopup();
    map.off();
    map.remove();
  }

  return { map, zoneLayer, logisticsLayer, unitLayer, setZones, fit, remove };
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
<li>${symbolHTML('kcn', 'operating', 14, true)} ${esc(t('legend_approximate'))}</li>
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
  const pairs = [
    ['zones', m.zoneLayer],
    ['logistics', m.logisticsLayer],
    ['units', m.unitLayer],
  ];
  for (const [id, layer] of pairs) {
    const box = root.querySelector(`#${idPrefix}-${id}`);
    if (!box) continue;
    box.addEventListener('change', () => {
      if (box.checked) layer.addTo(m.map);
      else m.map.removeLayer(layer);
    });
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
