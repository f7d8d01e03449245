// The dashboard: the registry beside the province's reported totals, the
// province's targets with progress, trend and verdict, the reported series
// as charts, occupancy and available land by kind and by unit.
import { t, lang, fmtNum, fmtHa, fmtPct, fmtMeasure, fmtDate, measureKey } from './i18n.js';
import { loadSources, sourceListHTML, fmtDatePrec } from './sources.js';
import { esc, getAll, nameHTML, nameText, placeText, textHTML, badge, tableWrap, sourcesHTML, valHTML, unknownHTML, tHTML, finderLink } from './core.js';

const CHARTS = [
  { id: 'occupancy', title: 'chart_occupancy', metrics: ['kcn_occupancy_pct', 'ccn_occupancy_pct'], unit: 'pct', digits: 1 },
  { id: 'fdi-capital', title: 'chart_fdi_capital', metrics: ['fdi_capital_usd_bn_cumulative'], unit: 'usd_bn', digits: 2 },
  { id: 'fdi-projects', title: 'chart_fdi_projects', metrics: ['fdi_projects_cumulative'], unit: 'count', digits: 0 },
];
const COLOURS = ['#0b5cad', '#b3261e', '#2e7d32'];

function digitsFor(unit) {
  return { count: 0, ha: 1, pct: 1, usd_bn: 2 }[unit] ?? 2;
}

function measure(v, unit) {
  return fmtMeasure(v, unit, digitsFor(unit));
}

function signed(v, unit) {
  if (v === null || v === undefined) return t('unknown');
  const s = measure(Math.abs(v), unit);
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${s}${t('per_year')}`;
}

// ----- the registry beside the reported totals -----

// units: the units by code, to name the scope of each report
function reconHTML(recon, units) {
  if (!recon || !recon.length) return '';
  const sentences = recon
    .map((r) => {
      const kind = t(`kinds_${r.kind}`);
      const parts = [];
      if (r.reported_count !== null || r.reported_ha !== null) {
        parts.push(
          t('recon_reported', {
            count: fmtNum(r.reported_count, 0),
            kind,
            area: fmtHa(r.reported_ha),
            date: fmtDate(r.reported_on),
            scope: r.scope_unit ? (units.get(r.scope_unit) ? placeText(units.get(r.scope_unit)) : r.scope_unit) : t('recon_scope_registry'),
          })
        );
      }
      const html = parts.map(esc);
      html.push(
        tHTML('recon_registry', {
          count: finderLink(r.zones, fmtNum(r.registry_count, 0)),
          area: fmtHa(r.registry_ha),
          unknown: r.registry_area_unknown
            ? { html: tHTML('recon_unknown', { n: finderLink(r.area_unknown_zones, fmtNum(r.registry_area_unknown, 0)) }) }
            : '',
        })
      );
      const dc = r.difference_count;
      const dh = r.difference_ha;
      if (dc !== null && dh !== null) {
        if (dc < 0 || (dc === 0 && dh < 0)) html.push(esc(t('recon_fewer', { count: fmtNum(-dc, 0), area: fmtHa(-dh) })));
        else if (dc > 0 || dh > 0) html.push(esc(t('recon_more', { count: fmtNum(dc, 0), area: fmtHa(dh) })));
        else html.push(esc(t('recon_equal')));
      }
      const left = (r.not_counted || []).filter((x) => x.count > 0);
      const notCounted = left.length
        ? `<p class="recon-not-counted" data-kind="${esc(r.kind)}">${tHTML('recon_not_counted', {
            list: { html: left.map((x) => tHTML(`nc_${x.reason}`, { n: finderLink(x.zones, fmtNum(x.count, 0)) })).join(t('list_sep')) },
          })}</p>`
        : '';
      return `<p class="recon-sentence" data-kind="${esc(r.kind)}"><strong>${esc(t(`kind_${r.kind}`))}.</strong> ${html.join(' ')}</p>${notCounted}`;
    })
    .join('');
  const rows = recon
    .map(
      (r) => `<tr><th scope="row">${esc(t(`kind_${r.kind}`))}</th>
<td class="num">${valHTML(r.reported_count, (v) => fmtNum(v, 0))}</td><td class="num">${valHTML(r.reported_ha, fmtHa)}</td>
<td class="num">${finderLink(r.zones, fmtNum(r.registry_count, 0)).html}</td><td class="num">${valHTML(r.registry_ha, fmtHa)}</td>
<td class="num">${valHTML(r.difference_count, (v) => fmtNum(v, 0))}</td><td class="num">${valHTML(r.difference_ha, fmtHa)}</td></tr>`
    )
    .join('');
  const head = `<thead><tr><td></td><th scope="colgroup" colspan="2">${esc(t('recon_col_reported'))}</th>
<th scope="colgroup" colspan="2">${esc(t('recon_col_registry'))}</th><th scope="colgroup" colspan="2">${esc(t('recon_col_diff'))}</th></tr>
<tr><th scope="col">${esc(t('col_kind'))}</th>${[1, 2, 3]
    .map(() => `<th scope="col" class="num">${esc(t('recon_count'))}</th><th scope="col" class="num">${esc(t('recon_area'))}</th>`)
    .join('')}</tr></thead>`;
  const sources = [...new Set(recon.map((r) => r.source).filter(Boolean))].join(' ; ');
  return `<section aria-labelledby="recon-h" class="card">
<h2 id="recon-h">${esc(t('recon_title'))}</h2>
${sentences}
${tableWrap(t('recon_title'), `<table class="data" id="recon-table">${head}<tbody>${rows}</tbody></table>`)}
<p class="note">${esc(t('recon_note'))}</p>
<details><summary>${esc(t('sources'))}</summary>${sourcesHTML(sources)}</details>
</section>`;
}

// ----- targets -----

// The registry's own figure for a target, with the zones behind it: every
// zone the figure considers, and those whose figure is missing.
function registryHTML(reg, unit, isBasis) {
  const zones = reg.counted + reg.unknown;
  const value = reg.value === null ? t('unknown') : measure(reg.value, unit);
  if (!reg.zones) return `<p class="registry">${esc(t('t_registry_records', { value, n: fmtNum(zones, 0) }))}</p>`;
  const count = finderLink(reg.zones, fmtNum(zones, 0));
  const unknown =
    reg.unknown > 0
      ? { html: tHTML('t_registry_unknown', { n: reg.unknown_zones ? finderLink(reg.unknown_zones, fmtNum(reg.unknown, 0)) : fmtNum(reg.unknown, 0) }) }
      : '';
  return `<p class="registry">${tHTML(isBasis ? 't_registry_basis' : 't_registry', { value, zones: count, unknown })}</p>`;
}

function targetHTML(tg, units) {
  const unit = measureKey(tg.measure_unit);
  const hasValue = tg.value !== null && tg.value !== undefined;
  const increase = tg.direction !== 'decrease';
  let pct = null;
  if (hasValue && tg.target_value) pct = increase ? (100 * tg.value) / tg.target_value : (100 * tg.target_value) / tg.value;
  const shown = pct === null ? 0 : Math.max(0, Math.min(100, pct));
  const progressText =
    pct === null
      ? t('unknown')
      : t('t_progress', { value: measure(tg.value, unit), target: measure(tg.target_value, unit) });
  const scopeUnit = units.get(tg.scope_unit);
  const basis = tg.basis === 'registry' ? t('t_basis_registry') : t('t_basis_reported');
  const reg = tg.registry;
  const registry = reg ? registryHTML(reg, unit, tg.basis === 'registry') : '';
  const share =
    tg.share_done !== null && tg.share_done !== undefined
      ? `<p class="share">${esc(t('t_share', { pct: fmtPct(100 * tg.share_done, 0) }))}</p>`
      : '';
  return `<article class="target tv-${esc(tg.verdict)}" data-code="${esc(tg.code)}" aria-labelledby="tg-${esc(tg.code)}">
<h3 id="tg-${esc(tg.code)}">${nameHTML(tg)}</h3>
<p class="verdict">${badge('verdict', tg.verdict)}${
    tg.verdict_why ? ` <span class="muted verdict-why">${esc(t('verdict_why_' + tg.verdict_why))}</span>` : ''
  }</p>
<div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100"${
    pct === null ? '' : ` aria-valuenow="${Math.round(shown)}"`
  } aria-valuetext="${esc(progressText)}" aria-labelledby="tg-${esc(tg.code)}"><span class="bar" style="width:${shown.toFixed(1)}%"></span></div>
<p class="progress-text">${esc(progressText)}${pct === null ? '' : ` (${esc(fmtPct(pct, 0))})`}</p>
${share}
<dl class="facts">
<div><dt>${esc(t('t_now'))}</dt><dd>${valHTML(tg.value, (v) => measure(v, unit))}${
    hasValue ? ` <span class="muted">(${fmtDatePrec(tg.value_on, precisionOn([tg], tg.value_on))}, ${esc(basis)})</span>` : ''
  }</dd></div>
<div><dt>${esc(t('t_target'))}</dt><dd>${valHTML(tg.target_value, (v) => measure(v, unit))}</dd></div>
<div><dt>${esc(t('t_due'))}</dt><dd>${tg.due_on ? fmtDatePrec(tg.due_on) : unknownHTML()}</dd></div>
<div><dt>${esc(t('t_baseline'))}</dt><dd>${valHTML(tg.baseline_value, (v) => measure(v, unit))}${
    tg.baseline_on ? ` <span class="muted">(${fmtDatePrec(tg.baseline_on, tg.baseline_precision)})</span>` : ''
  }</dd></div>
<div><dt>${esc(t('t_trend'))}</dt><dd>${valHTML(tg.trend_per_year, (v) => signed(v, unit))}</dd></div>
<div><dt>${esc(t('t_projected'))}</dt><dd>${valHTML(tg.projected, (v) => measure(v, unit))}</dd></div>
</dl>
${registry}
<details><summary>${esc(t('sources'))}</summary>
<p><span class="muted">${esc(t('t_scope'))}:</span> ${esc(scopeUnit ? placeText(scopeUnit) : tg.scope_unit || '')}</p>
${textHTML(tg, 'scope', 'p', 'scope')}
${observationNotesHTML(tg, unit)}
${sourceListHTML(tg.source_refs, SOURCES, tg.source, tg.source_unregistered, `src-${tg.code}`)}</details>
</article>`;
}

// The target's reported values that carry a note on how they were read
// from their source, each with its date and value.
function observationNotesHTML(tg, unit) {
  const rows = (tg.observations || []).filter((o) => o.note || o.note_vi || o.note_ko);
  if (!rows.length) return '';
  return `<p class="muted">${esc(t('t_obs_notes'))}</p><ul class="obs-notes">${rows
    .map((o) => `<li>${fmtDatePrec(o.observed_on, o.observed_precision)}: ${esc(measure(o.value, unit))} — ${textHTML(o, 'note', 'span', 'obs-note')}</li>`)
    .join('')}</ul>`;
}

// ----- reported series -----

function seriesOf(targets, metric) {
  return targets.find((x) => x.metric === metric);
}

function toSeconds(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 1000;
}

function isoOf(sec) {
  return new Date(sec * 1000).toISOString().slice(0, 10);
}

function chartFigure(def, targets) {
  const series = def.metrics.map((m) => seriesOf(targets, m)).filter((s) => s && s.observations.length);
  if (!series.length) return '';
  const dates = [...new Set(series.flatMap((s) => s.observations.map((o) => o.observed_on)))].sort();
  const rows = dates
    .map(
      (d) => `<tr><th scope="row">${fmtDatePrec(d, precisionOn(series, d))}</th>${series
        .map((s) => {
          const o = s.observations.find((x) => x.observed_on === d);
          return `<td class="num">${o ? esc(measure(o.value, def.unit)) : ''}</td>`;
        })
        .join('')}</tr>`
    )
    .join('');
  const latest = series
    .map((s) => `${nameText(s)}: ${measure(s.value, def.unit)} (${fmtDate(s.value_on)})`)
    .join('; ');
  return `<figure class="chart-figure card" id="chart-${def.id}">
<figcaption><h3>${esc(t(def.title))}</h3><p class="muted">${esc(t('series_latest'))}: ${esc(latest)}</p></figcaption>
<div class="chart" role="img" aria-label="${esc(`${t(def.title)}. ${t('series_latest')}: ${latest}`)}"></div>
<details><summary>${esc(t('chart_data'))}</summary>
${tableWrap(t('chart_data'), `<table class="data"><thead><tr><th scope="col">${esc(t('date'))}</th>${series
    .map((s) => `<th scope="col" class="num">${nameHTML(s)}</th>`)
    .join('')}</tr></thead><tbody>${rows}</tbody></table>`)}
${series.map((s) => seriesSourcesHTML(s)).join('')}
</details>
</figure>`;
}

function drawChart(el, def, targets, ctx) {
  const uPlot = window.uPlot;
  const series = def.metrics.map((m) => seriesOf(targets, m)).filter((s) => s && s.observations.length);
  if (!uPlot || !series.length) return;
  const dates = [...new Set(series.flatMap((s) => s.observations.map((o) => o.observed_on)))].sort();
  const xs = dates.map(toSeconds);
  const ys = series.map((s) =>
    dates.map((d) => {
      const o = s.observations.find((x) => x.observed_on === d);
      return o ? o.value : null;
    })
  );
  const height = 220;
  const DAY = 86400;
  // ticks on the first of January, every year or every few years
  const yearSplits = (u, axis, min, max) => {
    const y0 = new Date(min * 1000).getUTCFullYear() + 1;
    const y1 = new Date(max * 1000).getUTCFullYear();
    const room = Math.max(1, Math.floor(u.bbox.width / devicePixelRatio / 60));
    const step = Math.max(1, Math.ceil((y1 - y0 + 1) / room));
    const out = [];
    for (let y = y0; y <= y1; y += step) out.push(Date.UTC(y, 0, 1) / 1000);
    return out;
  };
  const opts = {
    width: Math.max(260, el.clientWidth),
    height,
    scales: {
      x: {
        time: true,
        range: (u, min, max) => {
          const pad = Math.max(60 * DAY, (max - min) * 0.06);
          return [min - pad, max + pad];
        },
      },
    },
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
    series: [
      { label: t('date'), value: (u, v) => (v === null ? '' : fmtDate(isoOf(v))) },
      ...series.map((s, i) => ({
        label: nameText(s),
        stroke: COLOURS[i % COLOURS.length],
        width: 2,
        spanGaps: true,
        points: { show: true, size: 7, fill: COLOURS[i % COLOURS.length] },
        value: (u, v) => (v === null || v === undefined ? '—' : measure(v, def.unit)),
      })),
    ],
    axes: [
      {
        stroke: '#333',
        grid: { stroke: '#e5e5e5' },
        splits: yearSplits,
        values: (u, splits) => splits.map((v) => String(new Date(v * 1000).getUTCFullYear())),
      },
      {
        stroke: '#333',
        grid: { stroke: '#e5e5e5' },
        size: 60,
        values: (u, splits) => splits.map((v) => fmtNum(v, def.digits)),
      },
    ],
  };
  const plot = new uPlot(opts, [xs, ...ys], el);
  const ro = new ResizeObserver(() => {
    const w = Math.max(260, el.clientWidth);
    if (w !== plot.width) plot.setSize({ width: w, height });
  });
  ro.observe(el);
  ctx.onLeave(() => {
    ro.disconnect();
    plot.destroy();
  });
}

function otherSeriesHTML(targets, charted) {
  const others = targets.filter((x) => x.target_value === null && x.observations.length && !charted.has(x.metric));
  if (!others.length) return '';
  const rows = others
    .map((s) => {
      const unit = measureKey(s.measure_unit);
      return `<tr><th scope="row">${nameHTML(s)}</th><td class="num">${valHTML(s.value, (v) => measure(v, unit))}</td>
<td>${s.value_on ? fmtDatePrec(s.value_on, precisionOn([s], s.value_on)) : unknownHTML()}</td><td class="num">${valHTML(s.trend_per_year, (v) => signed(v, unit))}</td></tr>`;
    })
    .join('');
  return `<section aria-labelledby="other-h"><h3 id="other-h">${esc(t('series_other'))}</h3>
${tableWrap(t('series_other'), `<table class="data"><thead><tr><th scope="col">${esc(t('series_name'))}</th><th scope="col" class="num">${esc(t('series_latest'))}</th><th scope="col">${esc(t('date'))}</th><th scope="col" class="num">${esc(t('t_trend'))}</th></tr></thead><tbody>${rows}</tbody></table>`)}
</section>`;
}

// ----- occupancy and available land -----

// A sum over the zones of a row: the value when every zone has the
// figure; with "known for k of n" when at least half do; otherwise not
// a total but a partial sum, said so first and set apart.
function knownHTML(v, known, n, format) {
  if (!known || v === null || v === undefined) return unknownHTML();
  if (known >= n) return esc(format(v));
  const of = { k: fmtNum(known, 0), n: fmtNum(n, 0) };
  if (2 * known >= n) return `${esc(format(v))}<span class="known">${esc(t('known_of', of))}</span>`;
  return `<span class="partial">${esc(t('partial_of', of))}<span class="partial-v">(${esc(format(v))})</span></span>`;
}

function landTable(id, label, rows) {
  const head = ['col_zones', 'col_total_ha', 'col_industrial_ha', 'col_leased_ha', 'col_available_ha', 'col_occupancy', 'col_area_unknown']
    .map((k) => `<th scope="col" class="num">${esc(t(k))}</th>`)
    .join('');
  const body = rows
    .map(([name, a, cls]) => {
      const n = a.count;
      const areaUnknown = n - a.total_known;
      return `<tr${cls ? ` class="${cls}"` : ''}><th scope="row">${name}</th>
<td class="num">${finderLink(a.zones, fmtNum(n, 0)).html}</td>
<td class="num">${knownHTML(a.total_ha, a.total_known, n, fmtHa)}</td>
<td class="num">${knownHTML(a.industrial_ha, a.industrial_known, n, fmtHa)}</td>
<td class="num">${knownHTML(a.leased_ha, a.leased_known, n, fmtHa)}</td>
<td class="num">${knownHTML(a.available_ha, a.available_known, n, fmtHa)}</td>
<td class="num">${knownHTML(a.occupancy_pct, a.occupancy_known, n, (v) => fmtPct(v))}</td>
<td class="num">${areaUnknown ? finderLink(`${a.zones}&missing=total_ha`, fmtNum(areaUnknown, 0)).html : esc(fmtNum(0, 0))}</td></tr>`;
    })
    .join('');
  return tableWrap(label, `<table class="data" id="${id}"><caption>${esc(label)}</caption><thead><tr><td></td>${head}</tr></thead><tbody>${body}</tbody></table>`);
}

function landHTML(land, targets) {
  if (!land) return '';
  const byKind = land.by_kind.map((k) => [esc(t(`kind_${k.key}`)), k]);
  byKind.push([esc(t('total')), land.total, 'total']);
  const collator = new Intl.Collator(lang());
  const byUnit = land.by_unit
    .map((u) => [u.key ? esc(u.name || u.key) : `<span class="unknown">${esc(t('no_unit'))}</span>`, u, '', u.name || u.key || '\uffff'])
    .sort((a, b) => collator.compare(a[3], b[3]));
  byUnit.push([esc(t('total')), land.total, 'total']);
  const reported = ['kcn_occupancy_pct', 'ccn_occupancy_pct']
    .map((m) => seriesOf(targets, m))
    .filter((s) => s && s.value !== null)
    .map((s) => `${nameText(s)}: ${fmtPct(s.value)} (${fmtDate(s.value_on)})`);
  return `<section aria-labelledby="land-h" class="card">
<h2 id="land-h">${esc(t('land_title'))}</h2>
${reported.length ? `<p>${esc(t('land_reported', { list: reported.join('; ') }))}</p>` : ''}
<p>${tHTML('land_counted', { n: finderLink(land.total.zones, fmtNum(land.total.count, 0)) })}</p>
<h3>${esc(t('land_by_kind'))}</h3>
${landTable('land-kind', t('land_by_kind'), byKind)}
<h3>${esc(t('land_by_unit'))}</h3>
${landTable('land-unit', t('land_by_unit'), byUnit)}
<p class="note">${esc(t('land_note'))}</p>
</section>`;
}

// How precisely the observations of series dated d know their date: the
// coarsest precision among them (a day of a computed value is a day).
function precisionOn(series, d) {
  const rank = { day: 0, month: 1, year: 2 };
  let p = 'day';
  for (const s of series) for (const o of s.observations || []) if (o.observed_on === d && o.observed_precision && rank[o.observed_precision] > rank[p]) p = o.observed_precision;
  return p;
}

// The registered sources of a series' observations, once each, with the
// texts as cited.
function seriesSourcesHTML(s) {
  const refs = [...new Set(s.observations.flatMap((o) => o.source_refs || []))];
  const unreg = [...new Set(s.observations.flatMap((o) => o.source_unregistered || []))];
  const text = s.observations.map((o) => o.source).filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(' ; ');
  return sourceListHTML(refs, SOURCES, text, unreg, `src-obs-${s.code}`);
}

// Every source the page cites, once, for the end of a printed report
// (on screen each sits under its own figure).
function printSourcesHTML(recon, targets) {
  const all = [
    ...(recon || []).map((r) => r.source),
    ...targets.map((x) => x.source),
    ...targets.flatMap((x) => x.observations.map((o) => o.source)),
  ]
    .filter(Boolean)
    .flatMap((s) => s.split(/\s;\s/))
    .map((s) => s.trim())
    .filter((s, i, a) => s && a.indexOf(s) === i);
  return `<section class="print-only" id="print-sources" aria-hidden="true"><h2>${esc(t('print_sources'))}</h2>${sourcesHTML(all.join(' ; '))}</section>`;
}

// The registered sources the page cites (code -> row), loaded per render.
let SOURCES = new Map();

export async function render(main, ctx) {
  ctx.setTitle(t('dash_title'));
  const data = await getAll(ctx.urls);
  if (!ctx.alive()) return;
  const targets = data.targets.items || [];
  // the sources came with the page's first requests; only those beyond
  // that page of sources are asked for
  SOURCES = new Map((data.sources.items || []).map((x) => [x.code, x]));
  const cited = targets.flatMap((x) => [...(x.source_refs || []), ...x.observations.flatMap((o) => o.source_refs || [])]);
  const missing = cited.filter((c) => !SOURCES.has(c));
  if (missing.length) for (const [k, v] of await loadSources(missing)) SOURCES.set(k, v);
  if (!ctx.alive()) return;
  const units = new Map(data.units.items.map((u) => [u.code, u]));
  const withTarget = targets.filter((x) => x.target_value !== null && x.target_value !== undefined);
  const charted = new Set(CHARTS.flatMap((c) => c.metrics));
  main.innerHTML = `<h1 tabindex="-1">${esc(t('dash_title'))}</h1>
<p class="lead">${esc(t('dash_intro'))}</p>
<p class="dash-tools"><a href="/api/v1/dashboard.csv?lang=${esc(lang())}&amp;bom=1" download id="dash-csv">${esc(t('dash_csv'))}</a>
<a href="/api/v1/dashboard.xlsx?lang=${esc(lang())}" download id="dash-xlsx">${esc(t('dash_xlsx'))}</a>
<button type="button" id="dash-print">${esc(t('dash_print'))}</button></p>
<section class="card counted-def" id="counted-def" aria-labelledby="counted-h">
<h2 id="counted-h">${esc(t('counted_title'))}</h2>
<p>${esc(t('counted_def'))}</p>
</section>
${reconHTML(data.stats.reconciliation, units)}
<section aria-labelledby="targets-h">
<h2 id="targets-h">${esc(t('targets_title'))}</h2>
<div class="targets">${withTarget.map((x) => targetHTML(x, units)).join('')}</div>
</section>
<section aria-labelledby="series-h">
<h2 id="series-h">${esc(t('series_title'))}</h2>
<p>${esc(t('series_intro'))}</p>
<div class="charts">${CHARTS.map((c) => chartFigure(c, targets)).join('')}</div>
${otherSeriesHTML(targets, charted)}
</section>
${landHTML(data.stats.land, targets)}
${printSourcesHTML(data.stats.reconciliation, targets)}`;
  main.querySelector('#dash-print').addEventListener('click', () => window.print());
  for (const def of CHARTS) {
    const fig = main.querySelector(`#chart-${def.id} .chart`);
    if (fig) drawChart(fig, def, targets, ctx);
  }
}
