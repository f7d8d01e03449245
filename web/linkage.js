// The linkage desk's results (/linkage): the local supply share (GET
// /api/v1/linkage/share) overall and for each sector of the supporting
// industry, by location and by ownership side by side, with how much of
// the demand has a known value (coverage) and the definition in the
// reader's language; then what the desk achieved (GET
// /api/v1/linkage/outcomes) by sector, period, event or partner, as a
// table and as CSV. The place, the day and the grouping are kept in the
// address's fragment (#unit=80&by=period).
import { t, lang, fmtNum, fmtPct, fmtDate } from './i18n.js';
import { esc, getJSON, nameText, tableWrap } from './core.js';
import { apiCall, failureText, readHash, writeHash, queryOf } from './staff.js';
import { shareText, usd } from './linkage-common.js';

const BYS = ['sector', 'period', 'event', 'partner'];
const PERIODS = ['month', 'quarter', 'year'];
const OUTCOME_COLS = ['demands', 'proposed', 'interests', 'meetings', 'contracts', 'contract_usd', 'contracts_unvalued'];

function formHTML(state, units) {
  const opt = (v, text, cur) => `<option value="${esc(v)}"${v === cur ? ' selected' : ''}>${esc(text)}</option>`;
  return `<form id="lk-filters" class="inline-filters" aria-label="${esc(t('lk_share_filters'))}">
<div class="field"><label for="lk-unit">${esc(t('lk_f_place'))}</label>
<select id="lk-unit" name="unit">${opt('', t('lk_whole_registry'), state.unit)}${units.map((u) => opt(u.code, nameText(u), state.unit)).join('')}</select></div>
<div class="field"><label for="lk-on">${esc(t('lk_f_on'))}</label><input type="date" id="lk-on" name="on" value="${esc(state.on)}"></div>
<div class="field"><label for="lk-by">${esc(t('lk_f_by'))}</label>
<select id="lk-by" name="by">${BYS.map((b) => opt(b, t(`lk_by_${b}`), state.by)).join('')}</select></div>
<div class="field"><label for="lk-period">${esc(t('lk_f_period'))}</label>
<select id="lk-period" name="period">${PERIODS.map((p) => opt(p, t(`lk_period_${p}`), state.period)).join('')}</select></div>
<div class="buttons"><button type="submit" id="lk-apply">${esc(t('adm_apply'))}</button></div>
</form>`;
}

function sectorName(code, sectors) {
  const s = sectors.get(code);
  return s ? `${code} · ${nameText(s)}` : code;
}

// The share's table: one column for the whole set, one per sector; the
// shares by location and by ownership on rows side by side.
function shareHTML(b, sectors) {
  const cols = [{ key: 'overall', label: t('lk_overall'), s: b.overall }, ...b.sectors.map((x) => ({ key: x.vsic, label: sectorName(x.vsic, sectors), s: x.share }))];
  const pct = (v) => (v === null || v === undefined ? t('lk_share_none') : fmtPct(v, 1));
  const rows = [
    ['by_location_pct', 'lk_by_location', (s) => shareText(s.by_location_pct)],
    ['by_ownership_pct', 'lk_by_ownership', (s) => shareText(s.by_ownership_pct)],
    ['base_usd', 'lk_base_usd', (s) => usd(s.base_usd)],
    ['local_usd', 'lk_local_usd', (s) => usd(s.local_usd)],
    ['domestic_usd', 'lk_domestic_usd', (s) => usd(s.domestic_usd)],
    ['demands', 'lk_demands_valued', (s) => t('lk_of', { k: fmtNum(s.demands_valued, 0), n: fmtNum(s.demands, 0) })],
    ['coverage_pct', 'lk_coverage', (s) => pct(s.coverage_pct)],
    ['linkages', 'lk_linkages_valued', (s) => t('lk_of', { k: fmtNum(s.linkages_valued, 0), n: fmtNum(s.linkages, 0) })],
  ];
  return tableWrap(
    t('lk_share_caption'),
    `<table id="lk-share-table"><caption>${esc(t('lk_share_caption'))}</caption>
<thead><tr><th scope="col">${esc(t('lk_measure'))}</th>${cols.map((c) => `<th scope="col" data-col="${esc(c.key)}">${esc(c.label)}</th>`).join('')}</tr></thead>
<tbody>${rows.map(([k, label, f]) => `<tr data-row="${k}"><th scope="row">${esc(t(label))}</th>${cols.map((c) => `<td class="num" data-col="${esc(c.key)}">${esc(f(c.s))}</td>`).join('')}</tr>`).join('')}</tbody></table>`
  );
}

function headlineHTML(b) {
  const o = b.overall;
  return `<div class="lk-headline">
<p class="lk-figure" id="lk-share-location"><span class="lk-figure-label">${esc(t('lk_by_location'))}</span> <strong class="lk-figure-value">${esc(shareText(o.by_location_pct))}</strong></p>
<p class="lk-figure" id="lk-share-ownership"><span class="lk-figure-label">${esc(t('lk_by_ownership'))}</span> <strong class="lk-figure-value">${esc(shareText(o.by_ownership_pct))}</strong></p>
<p class="lk-figure" id="lk-coverage"><span class="lk-figure-label">${esc(t('lk_coverage'))}</span> <strong class="lk-figure-value">${esc(o.coverage_pct === null || o.coverage_pct === undefined ? t('lk_share_none') : fmtPct(o.coverage_pct, 1))}</strong></p>
</div>
<p id="lk-share-on">${esc(t('lk_share_on', { group: b.name || b.group, date: fmtDate(b.on) }))}</p>
${b.undated_demands ? `<p class="hint" id="lk-undated">${esc(t('lk_undated', { n: fmtNum(b.undated_demands, 0), date: fmtDate(b.demands_imported_on) }))}</p>` : ''}`;
}

function outcomesHTML(b, state, sectors) {
  const keyText = (k) => {
    if (k === null || k === undefined) return t('lk_key_none');
    if (state.by === 'sector') return sectorName(k, sectors);
    return k;
  };
  const cell = (g, c) => (c === 'contract_usd' ? usd(g[c]) : fmtNum(g[c], 0));
  const row = (g, total) =>
    `<tr${total ? ' class="total" data-key="total"' : ` data-key="${esc(g.key === null ? '' : g.key)}"`}><th scope="row">${esc(total ? t('lk_total') : keyText(g.key))}</th>${OUTCOME_COLS.map((c) => `<td class="num" data-col="${c}">${esc(cell(g, c))}</td>`).join('')}</tr>`;
  const csv = `/api/v1/linkage/outcomes.csv?${queryOf({ by: state.by, period: state.by === 'period' ? state.period : '', lang: lang() })}`;
  const table = b.groups.length
    ? tableWrap(
        t('lk_outcomes_caption'),
        `<table id="lk-outcomes-table"><caption>${esc(t('lk_outcomes_caption_by', { by: t(`lk_by_${state.by}`) }))}</caption>
<thead><tr><th scope="col">${esc(t(`lk_by_${state.by}`))}</th>${OUTCOME_COLS.map((c) => `<th scope="col">${esc(t(`lk_out_${c}`))}</th>`).join('')}</tr></thead>
<tbody>${b.groups.map((g) => row(g, false)).join('')}</tbody><tfoot>${row(b.total, true)}</tfoot></table>`
      )
    : `<p id="lk-outcomes-none">${esc(t('lk_outcomes_none'))}</p>`;
  return `<p>${esc(t('lk_outcomes_range', { from: fmtDate(b.from), to: fmtDate(b.to) }))}</p>${table}
<p><a id="lk-outcomes-csv" href="${esc(csv)}" download>${esc(t('lk_outcomes_csv'))}</a></p>`;
}

async function load(page) {
  const s = page.state;
  const shareBox = page.main.querySelector('#lk-share');
  const outBox = page.main.querySelector('#lk-outcomes');
  shareBox.setAttribute('aria-busy', 'true');
  outBox.setAttribute('aria-busy', 'true');
  const [share, out] = await Promise.all([
    apiCall(`/api/v1/linkage/share?${queryOf({ unit: s.unit, on: s.on })}`),
    apiCall(`/api/v1/linkage/outcomes?${queryOf({ by: s.by, period: s.by === 'period' ? s.period : '', to: s.on })}`),
  ]);
  if (!page.ctx.alive()) return;
  shareBox.removeAttribute('aria-busy');
  outBox.removeAttribute('aria-busy');
  shareBox.innerHTML = share.ok
    ? `${headlineHTML(share.body)}${shareHTML(share.body, page.sectors)}
<details id="lk-definition-box"><summary>${esc(t('lk_definition'))}</summary><p id="lk-definition">${esc(share.body.definition)}</p>${share.body.source ? `<p class="hint" id="lk-group-source">${esc(share.body.source)}</p>` : ''}</details>`
    : `<div class="error" role="alert">${esc(failureText(share))}</div>`;
  outBox.innerHTML = out.ok ? outcomesHTML(out.body, s, page.sectors) : `<div class="error" role="alert">${esc(failureText(out))}</div>`;
  page.main.dataset.drawn = String(Date.now());
}

export async function render(main, ctx) {
  ctx.setTitle(t('lk_title'));
  const h = readHash();
  const state = { unit: h.get('unit') || '', on: h.get('on') || '', by: h.get('by') || 'sector', period: h.get('period') || 'month' };
  if (!BYS.includes(state.by)) state.by = 'sector';
  if (!PERIODS.includes(state.period)) state.period = 'month';
  const [units, sectors] = await Promise.all([getJSON(`/api/v1/units?limit=500&lang=${lang()}`), getJSON(`/api/v1/sectors?limit=500&lang=${lang()}`)]);
  if (!ctx.alive()) return;
  const sectorMap = new Map();
  for (const x of sectors.items) if (!sectorMap.has(x.code)) sectorMap.set(x.code, x);
  const page = { main, ctx, state, sectors: sectorMap };
  main.innerHTML = `<h1 tabindex="-1">${esc(t('lk_title'))}</h1>
<p class="lead">${esc(t('lk_intro'))}</p>
<p><a href="/suppliers">${esc(t('lk_suppliers_link'))}</a> · <a href="/demands">${esc(t('lk_demands_link'))}</a></p>
${formHTML(state, units.items)}
<section aria-labelledby="lk-share-h"><h2 id="lk-share-h">${esc(t('lk_share_title'))}</h2><div id="lk-share" aria-live="polite"><p class="loading">${esc(t('loading'))}</p></div></section>
<section aria-labelledby="lk-outcomes-h"><h2 id="lk-outcomes-h">${esc(t('lk_outcomes_title'))}</h2><div id="lk-outcomes" aria-live="polite"><p class="loading">${esc(t('loading'))}</p></div></section>`;
  const form = main.querySelector('#lk-filters');
  const periodField = form.querySelector('#lk-period').closest('.field');
  const showPeriod = () => (periodField.hidden = form.elements.by.value !== 'period');
  form.elements.by.addEventListener('change', showPeriod);
  showPeriod();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    state.unit = form.elements.unit.value;
    state.on = form.elements.on.value;
    state.by = form.elements.by.value;
    state.period = form.elements.period.value;
    writeHash(ctx, { unit: state.unit, on: state.on, by: state.by === 'sector' ? '' : state.by, period: state.by === 'period' ? state.period : '' });
    load(page);
  });
  await load(page);
}
