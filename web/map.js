// The map page: every zone of the current filter (the finder's, kept in the
// URL) as a marker, with the layers, the legend and the zones that have no
// position listed below.
import { t, fmtNum } from './i18n.js';
import { esc, getAll } from './core.js';
import { createMap, legendHTML, layerControlsHTML, wireLayerControls, unplacedHTML } from './mapdraw.js';
import { filterQuery } from './filters.js';

export async function render(main, ctx) {
  ctx.setTitle(t('map_title'));
  const data = await getAll(ctx.urls);
  if (!ctx.alive()) return;
  const features = data.zones.features || [];
  const q = filterQuery(ctx.search);
  const filtered = q
    ? `<p class="filter-note">${esc(t('filtered_by'))} <a href="/finder?${esc(q)}">${esc(t('edit_filter'))}</a> · <a href="/map" data-clear-filter>${esc(t('clear_filter'))}</a></p>`
    : '';
  main.innerHTML = `<h1 tabindex="-1">${esc(t('map_title'))}</h1>
${filtered}
<p id="map-count" class="count" role="status">${esc(t('shown_count', { n: fmtNum(features.filter((f) => f.geometry).length, 0) }))}</p>
<div class="map-layout">
<div id="zone-map" class="map big" role="region" aria-label="${esc(t('map_label'))}"></div>
<aside class="map-side">
${layerControlsHTML('map-layer')}
${legendHTML()}
</aside>
</div>
<p class="note">${data.config.tiles ? '' : `${esc(t('no_tiles'))}. `}${esc(t('approx_note'))}${features.some((f) => f.properties.position === 'area_centre') ? ` ${esc(t('area_centre_note'))}` : ''}</p>
<div class="unplaced">${unplacedHTML(features)}</div>`;
  const m = createMap(main.querySelector('#zone-map'), { config: data.config, outline: data.outline, units: data.units.items });
  m.setZones(features);
  m.fit(features);
  wireLayerControls(main, 'map-layer', m);
  ctx.onLeave(() => m.remove());
}
