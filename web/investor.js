// The investor page of the site finder (/investor): a short form of the
// project's needs, kept in the URL (/investor?land_ha=20&max_km_hcmc=40), the
// zones /api/v1/match/sites ranks (score bars made of the per-criterion
// points, the reasons in the chosen language), the excluded zones with
// theirs, the result on a map, up to four ticked zones side by side, the PDF
// brief and an inquiry to /api/v1/leads. User text is only ever set as text.
import { t, lang, fmtNum, fmtDate, fmtMeasure, fmtPct } from './i18n.js';
import { esc, getAll, getJSON, nameText, placeHTML, placeText, byName, tableWrap, valHTML } from './core.js';
import { createMap, layerControlsHTML, wireLayerControls, unplacedHTML } from './mapdraw.js';
import { fmtDatePrec } from './sources.js';

export const CRITERIA = ['land', 'price', 'km_hcmc', 'km_port', 'wwtp', 'power', 'ready', 'unit', 'sector'];
export const DEFAULT_WEIGHTS = { land: 3, price: 2, km_hcmc: 2, km_port: 1, wwtp: 1, power: 1, ready: 2, unit: 1, sector: 2 };
const NUMBERS = [
  ['land_ha', 'inv_land_ha', 100000],
  ['max_lease_usd_m2', 'inv_max_lease', 10000],
  ['max_km_hcmc', 'inv_max_km_hcmc', 5000],
  ['max_km_port', 'inv_max_km_port', 5000],
  ['min_wwtp_m3_day', 'inv_min_wwtp', 10000000],
  ['min_power_mva', 'inv_min_power', 100000],
];
// Every parameter of the form, in the order of the URL.
export const PARAMS = ['sector', 'land_ha', 'ready_by', ...NUMBERS.slice(1).map((n) => n[0]), 'units', ...CRITERIA.map((c) => `weight_${c}`)];
const MAX_COMPARE = 4;
const FIGURES = [
  ['available_ha', 'field_available_ha', 'ha', 1],
  ['lease_usd_m2', 'field_lease_usd_m2', 'usd_m2', 2],
  ['km_hcmc', 'field_km_hcmc', 'km', 1],
  ['km_port', 'field_km_port', 'km', 1],
  ['wwtp_m3_day', 'field_wwtp_m3_day', 'm3_day', 0],
  ['power_mva', 'field_power_mva', 'mva', 1],
];

// Zones ticked for comparison; kept while the page is redrawn (language).
let ticked = [];

// A zone of the match answer (name in the chosen language or a fallback).
function zoneName(z) {
  const row = { code: z.code, name: z.name, name_lang: z.name_lang, name_vi: z.name_vi };
  if (z.name_lang === lang()) row[`name_${lang()}`] = z.name;
  return placeHTML(row);
}

function zoneNameText(z) {
  return z.name || z.code;
}

function fieldError(id) {
  return `<p class="field-error" id="${id}-err" hidden></p>`;
}

function numberField(param, label, max, v) {
  const id = `inv-${param}`;
  return `<div class="field"><label for="${id}">${esc(t(label))}</label>
<input id="${id}" name="${param}" type="number" min="0" max="${max}" step="any" inputmode="decimal" value="${esc(v)}" aria-describedby="${id}-err">
${fieldError(id)}</div>`;
}

function sectorOptions(sectors, selected) {
  const seen = new Set();
  const list = [];
  // one choice per code: the API matches a code in either VSIC version
  for (const s of sectors) {
    if (seen.has(s.code)) continue;
    seen.add(s.code);
    list.push(s);
  }
  list.sort((a, b) => a.code.localeCompare(b.code));
  return list
    .map((s) => `<option value="${esc(s.code)}"${s.code === selected ? ' selected' : ''}>${esc(`${s.code} — ${nameText(s)}`)}</option>`)
    .join('');
}

function unitOptions(units, selected) {
  return ['district', 'province']
    .map((level) => {
      const list = byName(units.filter((u) => u.level === level));
      if (!list.length) return '';
      return `<optgroup label="${esc(t(`level_${level}`))}">${list
        .map((u) => {
          const until = u.valid_to ? ` (${t('unit_until', { date: fmtDate(u.valid_to) })})` : '';
          return `<option value="${esc(u.code)}"${selected.has(u.code) ? ' selected' : ''}>${esc(placeText(u) + until)}</option>`;
        })
        .join('')}</optgroup>`;
    })
    .join('');
}

function formHTML(params, data) {
  const units = new Set((params.get('units') || '').split(',').filter(Boolean));
  const weightsOpen = CRITERIA.some((c) => params.has(`weight_${c}`));
  const weight = (c) => {
    const id = `inv-weight_${c}`;
    const v = params.has(`weight_${c}`) ? params.get(`weight_${c}`) : String(DEFAULT_WEIGHTS[c]);
    return `<div class="field weight"><label for="${id}">${esc(t(`crit_${c}`))}</label>
<input id="${id}" name="weight_${c}" type="number" min="0" max="100" step="any" inputmode="decimal" value="${esc(v)}" aria-describedby="${id}-err">
${fieldError(id)}</div>`;
  };
  return `<form id="inv-form" class="filters" aria-labelledby="inv-form-h" novalidate>
<h2 id="inv-form-h">${esc(t('inv_form_h'))}</h2>
<div class="field"><label for="inv-sector">${esc(t('inv_sector'))}</label>
<select id="inv-sector" name="sector" aria-describedby="inv-sector-err"><option value="">${esc(t('any'))}</option>${sectorOptions(data.sectors.items, params.get('sector') || '')}</select>
${fieldError('inv-sector')}</div>
${numberField('land_ha', 'inv_land_ha', 100000, params.get('land_ha') || '')}
<div class="field"><label for="inv-ready_by">${esc(t('inv_ready_by'))}</label>
<input id="inv-ready_by" name="ready_by" type="date" value="${esc(params.get('ready_by') || '')}" aria-describedby="inv-ready_by-hint inv-ready_by-err">
<p class="hint" id="inv-ready_by-hint">${esc(t('inv_ready_hint'))}</p>
${fieldError('inv-ready_by')}</div>
${NUMBERS.slice(1).map(([p, label, max]) => numberField(p, label, max, params.get(p) || '')).join('\n')}
<div class="field"><label for="inv-units">${esc(t('inv_units'))}</label>
<select id="inv-units" name="units" multiple size="6" aria-describedby="inv-units-hint inv-units-err">${unitOptions(data.units.items, units)}</select>
<p class="hint" id="inv-units-hint">${esc(t('inv_units_hint'))}</p>
${fieldError('inv-units')}</div>
<details id="inv-weights"${weightsOpen ? ' open' : ''}><summary>${esc(t('inv_weights'))}</summary>
<p class="hint">${esc(t('inv_weights_hint'))}</p>
<div class="weights">${CRITERIA.map(weight).join('\n')}</div>
</details>
<div class="buttons"><button type="submit">${esc(t('inv_search'))}</button>
<button type="button" id="inv-reset" class="secondary">${esc(t('inv_reset'))}</button></div>
<div id="inv-form-error" class="field-error" role="alert" hidden></div>
</form>`;
}

// The query string the form describes (weights only when not the default).
export function formQuery(form) {
  const out = new URLSearchParams();
  for (const p of PARAMS) {
    const el = form.elements[p];
    if (!el) continue;
    if (p === 'units') {
      const vals = [...el.selectedOptions].map((o) => o.value);
      if (vals.length) out.append(p, vals.join(','));
      continue;
    }
    const v = el.value.trim();
    if (v === '') continue;
    if (p.startsWith('weight_') && v === String(DEFAULT_WEIGHTS[p.slice(7)])) continue;
    out.append(p, v);
  }
  return out.toString();
}

function legendHTML() {
  return `<div class="score-legend" id="inv-legend"><p class="legend-h">${esc(t('inv_legend'))}</p>
<ul>${CRITERIA.map((c) => `<li><span class="seg-key c-${c}" aria-hidden="true"></span> ${esc(t(`crit_${c}`))}</li>`).join('')}</ul></div>`;
}

function scoreText(z) {
  return t('inv_score', { score: fmtNum(z.score, 1) });
}

function scoreBarHTML(z) {
  const parts = CRITERIA.filter((c) => z.contributions && z.contributions[c] > 0);
  const label = t('inv_score_label', {
    score: fmtNum(z.score, 1),
    parts: parts.map((c) => `${t(`crit_${c}`)} ${fmtNum(z.contributions[c], 1)}`).join(', '),
  });
  const segs = parts
    .map((c) => {
      const v = z.contributions[c];
      return `<span class="seg c-${c}" data-criterion="${c}" style="width:${Math.max(0, Math.min(100, v))}%" title="${esc(`${t(`crit_${c}`)}: ${fmtNum(v, 1)}`)}"></span>`;
    })
    .join('');
  return `<div class="scorebar" role="img" aria-label="${esc(label)}">${segs}</div>`;
}

export const GROUPS = ['fits', 'unverified', 'excluded'];
const MORE = 50; // zones fetched by "show more"

// What a met requirement's fact says ("17 km to Ho Chi Minh City").
function factText(c, f) {
  switch (c) {
    case 'land':
      return t('inv_fact_land', { ha: fmtMeasure(f.available_ha, 'ha', 1) });
    case 'price':
      return t('inv_fact_price', { v: fmtMeasure(f.lease_usd_m2, 'usd_m2', 2) });
    case 'km_hcmc':
      return t('inv_fact_km_hcmc', { km: fmtMeasure(f.km_hcmc, 'km', 1) });
    case 'km_port':
      return t('inv_fact_km_port', { km: fmtMeasure(f.km_port, 'km', 1) });
    case 'wwtp':
      return t('inv_fact_wwtp', { v: fmtMeasure(f.wwtp_m3_day, 'm3_day', 0) });
    case 'power':
      return t('inv_fact_power', { v: fmtMeasure(f.power_mva, 'mva', 1) });
    case 'ready':
      return f.status === 'operating' ? t('inv_fact_operating') : t('inv_fact_opens', { year: String(f.planned_year) });
    case 'sector':
      return t('inv_fact_sector');
    default:
      return '';
  }
}

// The facts a card leads with: each requirement met (with the figures'
// date), then the zone's size and reported occupancy where known.
function factsHTML(z) {
  const f = z.facts || {};
  const checks = z.checks || {};
  const when = f.as_of ? ` ${t('inv_as_of', { date: fmtDate(f.as_of) })}` : '';
  const items = CRITERIA.filter((c) => checks[c] === 'met').map(
    (c) => `<li class="fact met" data-criterion="${c}"><span aria-hidden="true">✓ </span>${esc(factText(c, f) + (c === 'land' ? when : ''))}</li>`
  );
  if (f.total_ha !== null && f.total_ha !== undefined) items.push(`<li class="fact" data-fact="total_ha">${esc(t('inv_fact_total', { ha: fmtMeasure(f.total_ha, 'ha', 1) }))}</li>`);
  if (checks.land !== 'met' && f.available_ha !== null && f.available_ha !== undefined)
    items.push(`<li class="fact" data-fact="available_ha">${esc(t('inv_fact_land', { ha: fmtMeasure(f.available_ha, 'ha', 1) }) + when)}</li>`);
  if (f.occupancy_reported_pct !== null && f.occupancy_reported_pct !== undefined)
    items.push(
      `<li class="fact" data-fact="occupancy_reported_pct">${esc(
        f.as_of
          ? t('inv_fact_occupancy', { pct: fmtPct(f.occupancy_reported_pct), date: fmtDate(f.as_of) })
          : t('inv_fact_occupancy_undated', { pct: fmtPct(f.occupancy_reported_pct) })
      )}</li>`
    );
  return items.length ? `<ul class="inv-facts" aria-label="${esc(t('inv_facts'))}">${items.join('')}</ul>` : '';
}

function tickHTML(z) {
  const checked = ticked.includes(z.code);
  const full = !checked && ticked.length >= MAX_COMPARE;
  return `<label class="inv-tick"><input type="checkbox" class="compare-box" value="${esc(z.code)}"${checked ? ' checked' : ''}${full ? ' disabled' : ''}> ${esc(t('inv_compare'))}<span class="visually-hidden">: ${esc(zoneNameText(z))}</span></label>`;
}

function reasonsHTML(z) {
  return `<ul class="reasons" aria-label="${esc(t('inv_reasons'))}">${(z.reasons || [])
    .map((r) => `<li class="reason r-${esc(r.kind)}" data-kind="${esc(r.kind)}" data-criterion="${esc(r.criterion || '')}">${esc(r.text)}</li>`)
    .join('')}</ul>`;
}

// A zone that fits or may fit: its facts first, then the score, then what
// is unknown and what to ask.
function zoneHTML(z) {
  const stale = (z.reasons || []).some((r) => r.kind === 'stale_ready');
  return `<li class="inv-zone g-${esc(z.group)}" data-code="${esc(z.code)}" data-score="${esc(z.score)}">
<div class="inv-zone-head">
<span class="inv-rank">${esc(t('inv_rank', { n: fmtNum(z.rank, 0) }))}</span>
<a class="inv-name" href="/zones/${encodeURIComponent(z.code)}">${zoneName(z)}</a>
${z.group === 'unverified' ? `<span class="badge unverified-badge">${esc(t('inv_unverified_badge'))}</span>` : ''}
${stale ? `<span class="badge stale-badge">${esc(t('inv_stale_badge'))}</span>` : ''}
<span class="inv-score">${esc(scoreText(z))}</span>
${tickHTML(z)}
</div>
${factsHTML(z)}
${scoreBarHTML(z)}
${reasonsHTML(z)}
</li>`;
}

// An excluded zone on one line: its name, why, its score.
function excludedHTML(z) {
  const why = (z.reasons || [])[0];
  return `<li class="inv-zone excluded" data-code="${esc(z.code)}" data-score="${esc(z.score)}">
<a class="inv-name" href="/zones/${encodeURIComponent(z.code)}">${zoneName(z)}</a>
<span class="inv-why reason r-${esc(why ? why.kind : '')}">${esc(why ? why.text : '')}</span>
<span class="inv-score">${esc(scoreText(z))}</span>
${tickHTML(z)}
</li>`;
}

function moreHTML(res, g) {
  const left = res.counts[g] - res[g].length;
  if (left <= 0) return '';
  return `<p class="more"><button type="button" class="secondary inv-more" data-group="${g}" id="inv-more-${g}">${esc(
    t('inv_more', { n: fmtNum(Math.min(left, MORE), 0), total: fmtNum(res.counts[g], 0) })
  )}</button></p>`;
}

function countText(res) {
  return t('inv_count', { n: fmtNum(res.counts.fits, 0), u: fmtNum(res.counts.unverified, 0), x: fmtNum(res.counts.excluded, 0) });
}

function resultsHTML(res, excludedOpen) {
  const fits = res.fits || [];
  const unv = res.unverified || [];
  const excl = res.excluded || [];
  return `<p id="inv-count" class="count" role="status"><strong>${esc(countText(res))}</strong></p>
<p class="note" id="inv-order">${esc(t('inv_order'))}</p>
${legendHTML()}
<h3 id="inv-fits-h">${esc(t('inv_fits_h'))}</h3>
${fits.length ? `<ol id="inv-fits" class="inv-list" aria-labelledby="inv-fits-h">${fits.map(zoneHTML).join('')}</ol>` : `<p class="empty" id="inv-fits-empty">${esc(t(unv.length ? 'inv_no_fits_but' : 'inv_no_fits'))}</p>`}
${moreHTML(res, 'fits')}
${
  unv.length
    ? `<h3 id="inv-unverified-h">${esc(t('inv_unverified_h'))}</h3>
<p class="note">${esc(t('inv_unverified_intro'))}</p>
<ol id="inv-unverified" class="inv-list" aria-labelledby="inv-unverified-h">${unv.map(zoneHTML).join('')}</ol>
${moreHTML(res, 'unverified')}`
    : ''
}
${
  excl.length
    ? `<details id="inv-excluded-box"${excludedOpen ? ' open' : ''}><summary id="inv-excluded-h">${esc(t('inv_excluded_h', { n: fmtNum(res.counts.excluded, 0) }))}</summary>
<p class="note">${esc(t('inv_excluded_intro'))}</p>
<ol id="inv-excluded" class="inv-list excluded-lines" aria-labelledby="inv-excluded-h">${excl.map(excludedHTML).join('')}</ol>
${moreHTML(res, 'excluded')}</details>`
    : ''
}`;
}

function figure(zone, key, unit, digits) {
  return valHTML(zone ? zone[key] : null, (v) => fmtMeasure(v, unit, digits));
}

function compareHTML(list) {
  if (!list.length) return `<p class="hint">${esc(t('inv_compare_hint'))}</p>`;
  const head = list.map((z) => `<th scope="col" data-code="${esc(z.code)}">${zoneName(z)}</th>`).join('');
  const row = (label, cells, cls = '') => `<tr${cls ? ` class="${cls}"` : ''}><th scope="row">${esc(label)}</th>${cells}</tr>`;
  const cellOf = (key, render) => list.map((z) => `<td data-field="${key}">${render(z.facts || {}, z)}</td>`).join('');
  const rows = [
    row(t('inv_group'), list.map((z) => `<td data-field="group">${esc(t(`inv_group_${z.group}`))}</td>`).join('')),
    row(t('inv_legend'), list.map((z) => `<td class="num score">${esc(scoreText(z))}</td>`).join(''), 'score-row'),
    ...CRITERIA.map((c) =>
      row(`· ${t(`crit_${c}`)}`, list.map((z) => `<td class="num">${esc(fmtNum(z.contributions ? z.contributions[c] : null, 1))}</td>`).join(''))
    ),
    row(t('field_status'), cellOf('status', (f) => (f.status ? esc(t(`status_${f.status}`)) : valHTML(null)))),
    row(t('field_total_ha'), cellOf('total_ha', (f) => figure(f, 'total_ha', 'ha', 1))),
    row(t('field_industrial_ha'), cellOf('industrial_ha', (f) => figure(f, 'industrial_ha', 'ha', 1))),
    row(t('field_occupancy_reported_pct'), cellOf('occupancy_reported_pct', (f) => figure(f, 'occupancy_reported_pct', 'pct', 1))),
    row(t('field_as_of'), cellOf('as_of', (f) => (f.as_of ? fmtDatePrec(f.as_of) : valHTML(null)))),
    ...FIGURES.map(([key, label, unit, digits]) => row(t(label), cellOf(key, (f) => figure(f, key, unit, digits)))),
  ];
  return tableWrap(
    t('inv_compare_caption'),
    `<table class="data compare" id="inv-compare-table"><caption>${esc(t('inv_compare_caption'))}</caption><thead><tr><th scope="col">${esc(t('inv_figure'))}</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

// Every country (ISO 3166 alpha-2) the browser can name in the page's
// language, sorted by that name: the codes are all two-letter pairs the
// language's region names know, less the codes that are not countries.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'AC', 'CP', 'CQ', 'DG', 'EA', 'IC', 'TA']);
function countryOptions() {
  const names = new Intl.DisplayNames([lang()], { type: 'region', fallback: 'none' });
  const list = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code) || code.startsWith('X') || code.startsWith('Q')) continue;
      let name;
      try {
        name = names.of(code);
      } catch (e) {
        name = undefined;
      }
      if (name && name !== code) list.push([code, name]);
    }
  const collator = new Intl.Collator(lang());
  list.sort((x, y) => collator.compare(x[1], y[1]));
  return list.map(([code, name]) => `<option value="${code}">${esc(name)}</option>`).join('');
}

function leadHTML() {
  const mark = ` <abbr class="req" title="${esc(t('inv_l_required'))}">*</abbr>`;
  const field = (name, label, type, extra = '', required = false) => {
    const id = `lead-${name}`;
    return `<div class="field"><label for="${id}">${esc(t(label))}${required ? mark : ''}</label>
<input id="${id}" name="${name}" type="${type}" aria-describedby="${id}-err"${required ? ' required aria-required="true"' : ''}${extra}>
${fieldError(id)}</div>`;
  };
  return `<form id="lead-form" class="lead" aria-labelledby="lead-h" novalidate>
<h2 id="lead-h">${esc(t('inv_lead_h'))}</h2>
<p>${esc(t('inv_lead_intro'))}</p>
<p class="hint" id="lead-required-note">${esc(t('inv_l_required_note'))}</p>
<p class="form-error" id="lead-summary" role="alert" hidden></p>
${field('name', 'inv_l_name', 'text', ' autocomplete="name" maxlength="200"', true)}
${field('company', 'inv_l_company', 'text', ' autocomplete="organization" maxlength="200"', true)}
<div class="field"><label for="lead-country">${esc(t('inv_l_country'))}</label>
<select id="lead-country" name="country" autocomplete="country" aria-describedby="lead-country-err">
<option value="">${esc(t('inv_l_country_none'))}</option>${countryOptions()}</select>
${fieldError('lead-country')}</div>
${field('email', 'inv_l_email', 'email', ' autocomplete="email" maxlength="254"', true)}
<div class="field"><label for="lead-message">${esc(t('inv_l_message'))}</label>
<textarea id="lead-message" name="message" rows="4" maxlength="5000" aria-describedby="lead-message-err"></textarea>
${fieldError('lead-message')}</div>
<p class="field"><span class="label">${esc(t('inv_l_zones'))}:</span> <span id="lead-zones"></span></p>
${fieldError('lead-zones')}
<div class="buttons"><button type="submit" id="lead-send">${esc(t('inv_l_send'))}</button></div>
<p id="lead-status" role="status" aria-live="polite"></p>
</form>`;
}

// Shows the API's problems next to their fields: every field of the
// answer's "errors" (or its one param), the first one focused; a problem
// of no field goes to formError. Returns the first element shown.
function showProblem(root, prefix, err, formError) {
  const list = err.body && Array.isArray(err.body.errors) && err.body.errors.length ? err.body.errors : [{ param: err.param, detail: err.message }];
  let first = null;
  for (const p of list) {
    const el = p.param ? root.querySelector(`#${prefix}-${CSS.escape(p.param)}-err`) : null;
    const target = el || formError;
    target.textContent = el ? p.detail : err.message;
    target.hidden = false;
    const control = p.param ? root.querySelector(`#${prefix}-${CSS.escape(p.param)}`) : null;
    if (control) control.setAttribute('aria-invalid', 'true');
    if (!first) {
      first = target;
      if (control) control.focus();
    }
  }
  return first;
}

function clearProblems(root) {
  for (const el of root.querySelectorAll('.field-error, .form-error')) {
    el.textContent = '';
    el.hidden = true;
  }
  for (const el of root.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
}

async function fetchProblem(r) {
  const body = await r.json().catch(() => null);
  const e = new Error((body && body.detail) || `HTTP ${r.status}`);
  e.status = r.status;
  e.param = body && body.param;
  e.body = body;
  return e;
}

export async function render(main, ctx) {
  ctx.setTitle(t('inv_title'));
  const data = await getAll(ctx.urls);
  if (!ctx.alive()) return;
  const params = ctx.params;
  const features = new Map(data.all.features.map((f) => [f.properties.code, f]));
  main.innerHTML = `<h1 tabindex="-1">${esc(t('inv_title'))}</h1>
<p>${esc(t('inv_intro'))}</p>
<div class="finder investor">
${formHTML(params, data)}
<section class="results" aria-labelledby="inv-results-h">
<h2 id="inv-results-h">${esc(t('inv_results'))}</h2>
<h3 id="inv-map-h">${esc(t('inv_map_h'))}</h3>
${layerControlsHTML('inv-layer')}
<div id="inv-map" class="map medium" role="region" aria-label="${esc(t('inv_map_h'))}"></div>
<p class="note">${esc(t('inv_map_note'))}</p>
<div id="inv-unplaced" class="unplaced"></div>
<div id="inv-results"><p class="hint">${esc(t('inv_start'))}</p></div>
<section class="compare" aria-labelledby="inv-compare-h">
<h3 id="inv-compare-h">${esc(t('inv_compare_h'))}</h3>
<div id="inv-compare"></div>
<p class="downloads"><a id="inv-pdf" class="button" href="#">${esc(t('inv_pdf'))}</a> <span id="inv-pdf-note" class="hint"></span></p>
</section>
${leadHTML()}
</section>
</div>`;
  const form = main.querySelector('#inv-form');
  const out = main.querySelector('#inv-results');
  const formError = main.querySelector('#inv-form-error');
  const m = createMap(main.querySelector('#inv-map'), { config: data.config, outline: data.outline, units: data.units.items });
  wireLayerControls(main, 'inv-layer', m);
  ctx.onLeave(() => m.remove());
  m.fit([]);

  let result = null;
  let query = new URLSearchParams(ctx.search);
  query.delete('lang');
  query = query.toString();
  let seq = 0;

  function listed() {
    return result ? GROUPS.flatMap((g) => result[g] || []) : [];
  }

  function pdfZones() {
    if (ticked.length) return ticked;
    return result ? [...(result.fits || []), ...(result.unverified || [])].slice(0, 3).map((z) => z.code) : [];
  }

  function drawDownloads() {
    const a = main.querySelector('#inv-pdf');
    const zones = pdfZones();
    const note = main.querySelector('#inv-pdf-note');
    if (!zones.length) {
      a.hidden = true;
      note.textContent = '';
      return;
    }
    a.hidden = false;
    a.setAttribute('href', `/api/v1/brief.pdf?zones=${zones.map(encodeURIComponent).join(',')}&lang=${lang()}${query ? `&${query}` : ''}`);
    note.textContent = t(ticked.length ? 'inv_pdf_ticked' : 'inv_pdf_top');
    const lz = main.querySelector('#lead-zones');
    const byCode = new Map(listed().map((z) => [z.code, z]));
    lz.textContent = ticked.length ? ticked.map((c) => zoneNameText(byCode.get(c) || { code: c })).join(', ') : t('inv_l_zones_none');
  }

  function drawCompare() {
    const byCode = new Map(listed().map((z) => [z.code, z]));
    const list = ticked.map((c) => byCode.get(c)).filter(Boolean);
    const box = main.querySelector('#inv-compare');
    box.innerHTML = compareHTML(list);
    box.dataset.codes = list.map((z) => z.code).join(',');
    for (const b of main.querySelectorAll('.compare-box')) b.disabled = !b.checked && ticked.length >= MAX_COMPARE;
    drawDownloads();
  }

  function drawMap() {
    const excluded = new Set((result.excluded || []).map((z) => z.code));
    const unverified = new Set((result.unverified || []).map((z) => z.code));
    const fs = listed()
      .map((z) => features.get(z.code))
      .filter(Boolean);
    // markers are drawn again at every zoom: each gets its group's look
    m.setZones(fs, {
      decorate: (el, z) => {
        const g = excluded.has(z.code) ? 'excluded' : unverified.has(z.code) ? 'unverified' : null;
        if (!g) return;
        el.classList.add(g);
        el.setAttribute('aria-label', `${el.getAttribute('aria-label')} — ${t(`inv_${g}_badge`)}`);
      },
    });
    m.fit(fs);
    main.querySelector('#inv-unplaced').innerHTML = unplacedHTML(fs);
  }

  async function search(push) {
    const my = ++seq;
    clearProblems(form);
    query = formQuery(form);
    if (push) {
      const p = new URLSearchParams(query);
      if (params.get('lang')) p.set('lang', lang());
      const s = p.toString();
      ctx.replaceURL(`/investor${s ? `?${s}` : ''}`);
    }
    out.setAttribute('aria-busy', 'true');
    try {
      const r = await fetch(`/api/v1/match/sites?${query ? `${query}&` : ''}lang=${lang()}`);
      if (!r.ok) throw await fetchProblem(r);
      const res = await r.json();
      if (my !== seq || !ctx.alive()) return;
      result = res;
      const codes = new Set(listed().map((z) => z.code));
      ticked = ticked.filter((c) => codes.has(c));
      out.innerHTML = resultsHTML(res, false);
      drawMap();
      drawCompare();
    } catch (e) {
      if (my !== seq || !ctx.alive()) return;
      result = null;
      out.innerHTML = `<p class="error" role="alert">${esc(t('inv_error', { msg: e.message }))}</p>`;
      showProblem(form, 'inv', e, formError);
      m.setZones([]);
      drawDownloads();
    } finally {
      if (my === seq) out.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    search(true);
  });
  main.querySelector('#inv-reset').addEventListener('click', () => {
    form.reset();
    for (const el of form.querySelectorAll('input[type=number]:not([name^="weight_"]), input[type=date]')) el.value = '';
    for (const c of CRITERIA) form.elements[`weight_${c}`].value = String(DEFAULT_WEIGHTS[c]);
    form.elements.sector.value = '';
    for (const o of form.elements.units.options) o.selected = false;
    clearProblems(form);
  });
  // "show more": the group's next zones, appended; focus goes to the first
  async function more(g) {
    const have = result[g].length;
    const url = `/api/v1/match/sites?${query ? `${query}&` : ''}group=${g}&offset=${have}&limit=${MORE}&lang=${lang()}`;
    const mine = result;
    try {
      const res = await getJSON(url);
      if (mine !== result || !ctx.alive()) return;
      result[g] = [...result[g], ...(res[g] || [])];
      result.counts = res.counts;
      const open = !!(main.querySelector('#inv-excluded-box') || {}).open;
      out.innerHTML = resultsHTML(result, open);
      drawMap();
      drawCompare();
      const first = out.querySelector(`#inv-${g} > li:nth-child(${have + 1}) .inv-name`);
      if (first) first.focus();
    } catch (e) {
      out.insertAdjacentHTML('beforeend', `<p class="error" role="alert">${esc(t('inv_error', { msg: e.message }))}</p>`);
    }
  }

  out.addEventListener('click', (e) => {
    const b = e.target.closest('button.inv-more');
    if (b) more(b.dataset.group);
  });
  out.addEventListener('change', (e) => {
    const b = e.target.closest('.compare-box');
    if (!b) return;
    if (b.checked && !ticked.includes(b.value)) {
      if (ticked.length >= MAX_COMPARE) {
        b.checked = false;
        return;
      }
      ticked.push(b.value);
    } else if (!b.checked) ticked = ticked.filter((c) => c !== b.value);
    drawCompare();
  });

  const lead = main.querySelector('#lead-form');
  lead.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblems(lead);
    const status = lead.querySelector('#lead-status');
    const body = {};
    for (const k of ['name', 'company', 'country', 'email', 'message']) {
      const v = lead.elements[k].value.trim();
      if (v !== '') body[k] = v;
    }
    if (ticked.length) body.zones = ticked.slice();
    const send = lead.querySelector('#lead-send');
    send.disabled = true;
    status.className = '';
    status.textContent = t('inv_l_sending');
    try {
      const r = await fetch(`/api/v1/leads?lang=${lang()}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
      if (!r.ok) throw await fetchProblem(r);
      const res = await r.json();
      if (!ctx.alive()) return;
      status.className = 'ok';
      status.textContent = t('inv_l_ok', { code: res.code });
      status.dataset.code = res.code;
    } catch (err) {
      if (!ctx.alive()) return;
      status.className = 'error';
      status.textContent = t('inv_l_error', { msg: err.message });
      const summary = lead.querySelector('#lead-summary');
      showProblem(lead, 'lead', err, summary);
      // the fields by their labels in the page's language
      const fields = err.body && Array.isArray(err.body.errors) ? err.body.errors.map((x) => x.param) : [];
      const labels = fields.map((f) => {
        const label = lead.querySelector(`label[for="lead-${CSS.escape(f)}"]`);
        return label ? label.firstChild.textContent.trim() : f;
      });
      const msg = labels.length ? t('inv_l_check', { n: fmtNum(labels.length, 0), list: labels.join(', ') }) : err.message;
      summary.textContent = msg;
      summary.hidden = false;
      status.textContent = t('inv_l_error', { msg });
    } finally {
      send.disabled = false;
    }
  });

  drawDownloads();
  if (PARAMS.some((p) => params.has(p))) await search(false);
}
