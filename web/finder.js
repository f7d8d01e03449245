// The zone finder: every filter of /api/v1/zones as a control, the result
// as a sortable table and on a map, its counts and areas, and downloads of
// the same result as CSV, XLSX and GeoJSON. The filter and the sort live in the
// URL (/finder?kind=kcn&sort=-total_ha), so a result can be shared.
import { t, lang, fmtNum, fmtHa, fmtPct, fmtMeasure, fmtDate } from './i18n.js';
import { esc, getAll, getJSON, nameHTML, nameText, placeHTML, placeText, byName, badge, enumText, tableWrap, errorHTML, areaSums, haOrUnknown, valHTML } from './core.js';
import { FILTERS, filterQuery, saveFilter } from './filters.js';
import { createMap, layerControlsHTML, wireLayerControls, unplacedHTML } from './mapdraw.js';
import { mountNewZone } from './zone-edit.js';

const COLUMNS = [
  { key: 'name', label: 'col_name', text: true },
  { key: 'kind', label: 'col_kind', text: true },
  { key: 'status', label: 'col_status', text: true },
  { key: 'unit', label: 'col_unit', text: true },
  { key: 'total_ha', label: 'col_total_ha' },
  { key: 'available_ha', label: 'col_available_ha' },
  { key: 'occupancy_pct', label: 'col_occupancy' },
  { key: 'km_hcmc', label: 'col_km_hcmc' },
  { key: 'confidence', label: 'col_confidence', text: true },
  { key: 'position', label: 'col_position', text: true },
];

function unitOptions(units, selected) {
  const levels = ['province', 'district', 'commune'];
  return levels
    .map((level) => {
      const list = byName(units.filter((u) => u.level === level));
      if (!list.length) return '';
      return `<optgroup label="${esc(t(`level_${level}`))}">${list
        .map((u) => {
          const until = u.valid_to ? ` (${t('unit_until', { date: fmtDate(u.valid_to) })})` : '';
          return `<option value="${esc(u.code)}"${u.code === selected ? ' selected' : ''}>${esc(placeText(u) + until)}</option>`;
        })
        .join('')}</optgroup>`;
    })
    .join('');
}

function sectorOptions(sectors, selected) {
  const versions = [...new Set(sectors.map((s) => s.version))].sort();
  const seen = new Set();
  return versions
    .map(
      (v) =>
        `<optgroup label="VSIC ${esc(v)}">${sectors
          .filter((s) => s.version === v)
          .map((s) => {
            // a code equal in both versions is one choice: the API matches both
            const sel = s.code === selected && !seen.has(s.code);
            if (sel) seen.add(s.code);
            return `<option value="${esc(s.code)}"${sel ? ' selected' : ''}>${esc(`${s.code} — ${nameText(s)}`)}</option>`;
          })
          .join('')}</optgroup>`
    )
    .join('');
}

function groupOptions(all, selected) {
  const codes = new Set(all.map((f) => f.properties.group_code).filter(Boolean));
  return byName(all.filter((f) => codes.has(f.properties.code)), (f) => f.properties)
    .map((f) => `<option value="${esc(f.properties.code)}"${f.properties.code === selected ? ' selected' : ''}>${esc(placeText(f.properties))}</option>`)
    .join('');
}

function controlHTML(f, params, data) {
  const id = `f-${f.param}`;
  const v = params.get(f.param) || '';
  const label = esc(t(f.label));
  switch (f.type) {
    case 'text':
      return `<div class="field"><label for="${id}">${label}</label>
<input id="${id}" name="${f.param}" type="search" value="${esc(v)}" aria-describedby="${id}-hint" autocomplete="off">
<p class="hint" id="${id}-hint">${esc(t(f.hint))}</p></div>`;
    case 'multi': {
      const chosen = new Set(v.split(',').filter(Boolean));
      return `<fieldset class="field checks"><legend>${label}</legend>${f.values
        .map(
          (x) =>
            `<label><input type="checkbox" name="${f.param}" value="${esc(x)}"${chosen.has(x) ? ' checked' : ''}> ${esc(t(`${f.prefix}_${x}`))}</label>`
        )
        .join('')}</fieldset>`;
    }
    case 'unit':
      return `<div class="field"><label for="${id}">${label}</label>
<select id="${id}" name="${f.param}"><option value="">${esc(t('any'))}</option>${unitOptions(data.units.items, v)}</select></div>`;
    case 'sector':
      return `<div class="field"><label for="${id}">${label}</label>
<select id="${id}" name="${f.param}"><option value="">${esc(t('any'))}</option>${sectorOptions(data.sectors.items, v)}</select></div>`;
    case 'group':
      return `<div class="field"><label for="${id}">${label}</label>
<select id="${id}" name="${f.param}"><option value="">${esc(t('any'))}</option>${groupOptions(data.all.features, v)}</select></div>`;
    case 'bool':
      return `<div class="field"><label for="${id}">${label}</label>
<select id="${id}" name="${f.param}"><option value="">${esc(t('any'))}</option>
<option value="1"${v === '1' ? ' selected' : ''}>${esc(t('yes'))}</option>
<option value="0"${v === '0' ? ' selected' : ''}>${esc(t('no'))}</option></select></div>`;
    case 'number':
      return `<div class="field"><label for="${id}">${label}</label>
<input id="${id}" name="${f.param}" type="number" min="0" step="any" inputmode="decimal" value="${esc(v)}"></div>`;
    default:
      return '';
  }
}

// The query string the form describes, in the order of FILTERS.
function formQuery(form) {
  const out = new URLSearchParams();
  for (const f of FILTERS) {
    if (f.type === 'multi') {
      const vals = [...form.querySelectorAll(`input[name="${f.param}"]:checked`)].map((b) => b.value);
      if (vals.length) out.append(f.param, vals.join(','));
    } else {
      const el = form.elements[f.param];
      const v = el ? el.value.trim() : '';
      if (v !== '') out.append(f.param, v);
    }
  }
  return out.toString();
}

function sortValue(z, key, unitNames) {
  switch (key) {
    case 'name':
      return nameText(z);
    case 'kind':
      return z.kind ? t(`kind_${z.kind}`) : null;
    case 'status':
      return z.status ? t(`status_${z.status}`) : null;
    case 'unit':
      return z.unit_code ? unitNames.get(z.unit_code) || z.unit_code : null;
    case 'confidence':
      return { high: 3, medium: 2, low: 1 }[z.confidence] || null;
    case 'position':
      return z.position ? t(`position_${z.position}`) : null;
    default:
      return z[key] === undefined ? null : z[key];
  }
}

// Sorted copy of rows; unknown values always last.
function sortRows(rows, sort, unitNames) {
  if (!sort) return rows;
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  if (!COLUMNS.some((c) => c.key === key)) return rows;
  const coll = new Intl.Collator(lang());
  return rows
    .map((z, i) => ({ z, i, v: sortValue(z, key, unitNames) }))
    .sort((a, b) => {
      if (a.v === null && b.v === null) return a.i - b.i;
      if (a.v === null) return 1;
      if (b.v === null) return -1;
      const c = typeof a.v === 'string' ? coll.compare(a.v, b.v) : a.v - b.v;
      return (desc ? -c : c) || a.i - b.i;
    })
    .map((x) => x.z);
}

function cell(z, key, unitNames) {
  switch (key) {
    case 'name':
      return `<th scope="row"><a href="/zones/${encodeURIComponent(z.code)}">${placeHTML(z)}</a></th>`;
    case 'kind':
      return `<td>${esc(enumText('kind', z.kind))}</td>`;
    case 'status':
      return `<td>${badge('status', z.status)}</td>`;
    case 'unit':
      return `<td>${z.unit_code ? esc(unitNames.get(z.unit_code) || z.unit_code) : valHTML(null)}</td>`;
    case 'total_ha':
    case 'available_ha':
      return `<td class="num">${valHTML(z[key], fmtHa)}</td>`;
    case 'occupancy_pct':
      return `<td class="num">${valHTML(z[key], (v) => fmtPct(v))}</td>`;
    case 'km_hcmc':
      return `<td class="num">${valHTML(z[key], (v) => fmtMeasure(v, 'km', 1))}</td>`;
    case 'confidence':
      return `<td>${esc(enumText('confidence', z.confidence))}</td>`;
    case 'position':
      return `<td>${esc(enumText('position', z.position))}</td>`;
    default:
      return `<td>${valHTML(z[key])}</td>`;
  }
}

function tableHTML(rows, sort, unitNames) {
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const head = COLUMNS.map((c) => {
    const active = c.key === key;
    const aria = active ? ` aria-sort="${desc ? 'descending' : 'ascending'}"` : '';
    const arrow = active ? (desc ? ' ▼' : ' ▲') : '';
    return `<th scope="col"${aria}${c.text ? '' : ' class="num"'}><button type="button" class="sort" data-sort="${c.key}" aria-label="${esc(t('sort_by', { col: t(c.label) }))}">${esc(t(c.label))}<span aria-hidden="true">${arrow}</span></button></th>`;
  }).join('');
  const body = sortRows(rows, sort, unitNames)
    .map((z) => `<tr data-code="${esc(z.code)}">${COLUMNS.map((c) => cell(z, c.key, unitNames)).join('')}</tr>`)
    .join('');
  return tableWrap(
    t('table_caption'),
    `<table class="data zones" id="zone-table"><caption>${esc(t('table_caption'))}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`
  );
}

// Counts and areas of the result. Umbrella zones are listed but never added
// to their members' areas.
function summaryHTML(rows, q, umbrellas) {
  const skipped = rows.filter((z) => umbrellas.has(z.code));
  const s = areaSums(rows.filter((z) => !umbrellas.has(z.code)));
  const l = lang();
  const amp = q ? `${q}&` : '';
  const unk = (n) => (n ? ` ${t('result_unknown', { n: fmtNum(n, 0) })}` : '');
  return `<p id="result-count" class="count" role="status"><strong>${esc(t('result_count', { n: fmtNum(rows.length, 0) }))}</strong></p>
<ul class="totals">
<li>${esc(t('result_total', { area: haOrUnknown(s.total, s.totalKnown) }))}${esc(unk(s.totalUnknown))}</li>
<li id="result-available">${esc(t('result_available', { area: haOrUnknown(s.available, s.availableKnown) }))}${esc(unk(s.availableUnknown))}</li>
</ul>
${skipped.length ? `<p class="note">${esc(t('result_umbrellas', { n: fmtNum(skipped.length, 0) }))}</p>` : ''}
<p class="downloads">
<a id="dl-csv" class="button" href="/api/v1/zones.csv?${esc(amp)}lang=${l}" download="zones.csv">${esc(t('download_csv'))}</a>
<a id="dl-csv-excel" class="button" href="/api/v1/zones.csv?${esc(amp)}lang=${l}&amp;bom=1" download="zones.csv">${esc(t('download_csv_excel'))}</a>
<a id="dl-xlsx" class="button" href="/api/v1/zones.xlsx?${esc(amp)}lang=${l}" download="zones.xlsx">${esc(t('download_xlsx'))}</a>
<a id="dl-geojson" class="button" href="/api/v1/zones.geojson?${esc(amp)}lang=${l}" download="zones.geojson">${esc(t('download_geojson'))}</a>
<a href="/map${q ? `?${esc(q)}` : ''}">${esc(t('show_on_map'))}</a>
</p>`;
}

export async function render(main, ctx) {
  ctx.setTitle(t('finder_title'));
  const data = await getAll(ctx.urls);
  if (!ctx.alive()) return;
  const params = ctx.params;
  const unitNames = new Map(data.units.items.map((u) => [u.code, nameText(u)]));
  const umbrellas = new Set(data.all.features.map((f) => f.properties.group_code).filter(Boolean));
  const basic = FILTERS.filter((f) => !f.more);
  const more = FILTERS.filter((f) => f.more);
  const moreOpen = more.some((f) => params.get(f.param));
  main.innerHTML = `<h1 tabindex="-1">${esc(t('finder_title'))}</h1>
<p>${esc(t('finder_intro'))}</p>
<div id="new-zone" class="new-zone"></div>
<div class="finder">
<form id="filters" class="filters" role="search" aria-labelledby="filters-h">
<h2 id="filters-h">${esc(t('filters'))}</h2>
${basic.map((f) => controlHTML(f, params, data)).join('\n')}
<details${moreOpen ? ' open' : ''}><summary>${esc(t('f_more'))}</summary>
${more.map((f) => controlHTML(f, params, data)).join('\n')}
</details>
<div class="buttons"><button type="submit">${esc(t('apply'))}</button>
<button type="button" id="f-reset" class="secondary">${esc(t('reset'))}</button></div>
</form>
<section class="results" aria-labelledby="results-h">
<h2 id="results-h">${esc(t('results'))}</h2>
<div id="results-summary"></div>
<h3 id="results-map-h">${esc(t('results_map'))}</h3>
${layerControlsHTML('finder-layer')}
<div id="finder-map" class="map medium" role="region" aria-label="${esc(t('results_map'))}"></div>
<div id="finder-unplaced" class="unplaced"></div>
<div id="results"></div>
</section>
</div>`;
  const form = main.querySelector('#filters');
  const results = main.querySelector('#results');
  const summary = main.querySelector('#results-summary');
  const m = createMap(main.querySelector('#finder-map'), { config: data.config, outline: data.outline, units: data.units.items });
  wireLayerControls(main, 'finder-layer', m);
  ctx.onLeave(() => m.remove());
  // officers only: a new zone (zone-edit.js)
  mountNewZone(main.querySelector('#new-zone'), ctx, { units: data.units.items, zones: data.all.features.map((f) => f.properties) });

  let sort = params.get('sort') || '';
  let rows = [];
  let q = filterQuery(ctx.search);
  let seq = 0;

  function show(features) {
    rows = features.map((f) => f.properties);
    summary.innerHTML = summaryHTML(rows, q, umbrellas);
    results.innerHTML = rows.length ? tableHTML(rows, sort, unitNames) : `<p class="empty">${esc(t('no_results'))}</p>`;
    m.setZones(features);
    m.fit(features);
    main.querySelector('#finder-unplaced').innerHTML = unplacedHTML(features);
  }

  function pageURL() {
    const p = new URLSearchParams(q);
    if (sort) p.set('sort', sort);
    if (params.get('lang')) p.set('lang', lang());
    const s = p.toString();
    return `/finder${s ? `?${s}` : ''}`;
  }

  async function update() {
    const my = ++seq;
    q = formQuery(form);
    saveFilter(q);
    ctx.replaceURL(pageURL());
    const url = window.khuRouteData('/finder', `?${q}`, lang()).zones;
    try {
      const fc = await getJSON(url);
      if (my !== seq || !ctx.alive()) return;
      show(fc.features || []);
    } catch (e) {
      if (my !== seq || !ctx.alive()) return;
      summary.innerHTML = errorHTML(e);
      results.innerHTML = '';
      m.setZones([]);
    }
  }

  saveFilter(q);
  show(data.zones.features || []);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update();
  });
  form.addEventListener('change', () => update());
  main.querySelector('#f-reset').addEventListener('click', () => {
    form.reset();
    for (const el of form.querySelectorAll('input[type=checkbox]')) el.checked = false;
    for (const el of form.querySelectorAll('input[type=search], input[type=number]')) el.value = '';
    for (const el of form.querySelectorAll('select')) el.value = '';
    update();
  });
  results.addEventListener('click', (e) => {
    const b = e.target.closest('button.sort');
    if (!b) return;
    const key = b.dataset.sort;
    sort = sort === key ? `-${key}` : sort === `-${key}` ? '' : key;
    ctx.replaceURL(pageURL());
    const left = results.querySelector('.table-wrap').scrollLeft;
    results.innerHTML = tableHTML(rows, sort, unitNames);
    results.querySelector('.table-wrap').scrollLeft = left;
    const again = results.querySelector(`button.sort[data-sort="${key}"]`);
    if (again) again.focus();
  });
}
