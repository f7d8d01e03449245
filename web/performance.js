// The public figures of dossier handling (/performance): for each
// department (its consultations) and each procedure (its dossiers), how
// many were handled in a period, the share on time, the median and 90th
// percentile of working days taken, and how many are open and overdue
// today (GET /api/v1/dossier_stats, by=department and by=procedure), as
// tables and as bar charts, each chart with its figures in a table behind
// it; the same query as open data (JSON, CSV, XLSX); what on time and
// working days mean; a deadline calculator for investors (GET
// /api/v1/calendar/deadline: the due day, the days off it skipped, and
// whether it rests on a provisional year of the calendar); and the way to
// follow one's own dossier (/track). A figure the API does not know
// (null) is written unknown, never 0.
import { t, lang, STRINGS, fmtNum, fmtPct, fmtDate, locale } from './i18n.js';
import { esc, tableWrap, errorHTML, unknownHTML, nameText } from './core.js';
import { apiCall, failureText, fieldHTML, clearProblems, showProblems, focusLinks, whileBusy, readHash, writeHash } from './staff.js';

const COLOURS = ['#0b5cad', '#a34700'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function procText(code) {
  return STRINGS[lang()][`proc_${code}`] !== undefined ? t(`proc_${code}`) : code;
}

// ===== the figures as text =====

export function shareText(v) {
  return v === null || v === undefined ? t('unknown') : fmtPct(v * 100, 1);
}

export function daysText(v) {
  return v === null || v === undefined ? t('unknown') : fmtNum(v, 1);
}

function cell(text, v, cls) {
  return `<td class="num ${cls}">${v === null || v === undefined ? unknownHTML() : esc(text)}</td>`;
}

// The day a year before iso (the period's first day: a year up to iso).
export function yearBefore(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y - 1, m - 1, d + 1)).toISOString().slice(0, 10);
}

function weekday(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

// ===== one group's table =====

function groupName(section, g) {
  return section.name(g);
}

function tableHTML(section, answer) {
  const cols = ['pf_c_handled', 'pf_c_on_time', 'pf_c_median', 'pf_c_p90', 'pf_c_open', 'pf_c_overdue'];
  const head = `<th scope="col" style="min-width:14em">${esc(t(section.col))}</th>${cols.map((k) => `<th scope="col" class="num">${esc(t(k))}</th>`).join('')}`;
  const rows = answer.items
    .map(
      (g) => `<tr data-group="${esc(g.group)}"><th scope="row">${esc(groupName(section, g))}</th>
<td class="num handled">${esc(fmtNum(g.handled, 0))}</td>
<td class="num share">${g.on_time_share === null ? unknownHTML() : `${esc(shareText(g.on_time_share))} <span class="muted counts">(${esc(t('pf_of', { k: fmtNum(g.on_time, 0), n: fmtNum(g.with_due, 0) }))})</span>`}</td>
${cell(daysText(g.median_working_days), g.median_working_days, 'median')}
${cell(daysText(g.p90_working_days), g.p90_working_days, 'p90')}
<td class="num open">${esc(fmtNum(g.open, 0))}</td>
<td class="num overdue">${esc(fmtNum(g.overdue, 0))}</td></tr>`
    )
    .join('');
  const caption = t(section.caption, { from: fmtDate(answer.from), to: fmtDate(answer.to), today: fmtDate(answer.today) });
  return tableWrap(caption, `<table class="data" id="pf-${section.by}-table"><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`);
}

// ===== charts: horizontal bars, one per group and series =====

// rows: [{key, label}]; series: [{label, values: Map key -> number|null}];
// max: the scale's end; format: a value as text.
function barsSVG(id, title, rows, series, max, format) {
  const W = 640;
  const BAR = 16;
  const labelH = 18;
  const groupH = labelH + series.length * (BAR + 4) + 10;
  const H = rows.length * groupH + 4;
  const span = 470;
  const parts = [];
  rows.forEach((r, i) => {
    const y0 = i * groupH;
    parts.push(`<text x="0" y="${y0 + 13}" font-size="13" fill="#1d2329">${esc(r.label)}</text>`);
    series.forEach((s, j) => {
      const v = s.values.get(r.key);
      const y = y0 + labelH + j * (BAR + 4);
      if (v === null || v === undefined) {
        parts.push(`<text x="0" y="${y + 12}" font-size="12" fill="#5b6570" class="bar-unknown" data-group="${esc(r.key)}" data-series="${j}">${esc(`${s.label}: ${t('unknown')}`)}</text>`);
        return;
      }
      const w = max > 0 ? Math.max(1, (v / max) * span) : 1;
      parts.push(
        `<rect class="bar" x="0" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${COLOURS[j % COLOURS.length]}" data-group="${esc(r.key)}" data-series="${j}" data-value="${v}"><title>${esc(`${r.label}, ${s.label}: ${format(v)}`)}</title></rect>`,
        `<text x="${(w + 6).toFixed(1)}" y="${y + 12}" font-size="12" fill="#1d2329">${esc(format(v))}</text>`
      );
    });
  });
  return `<svg id="${id}" class="bars" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(`${title}. ${t('pf_chart_table_below')}`)}" style="max-width:${W}px;height:auto">${parts.join('')}</svg>`;
}

function legendHTML(series) {
  if (series.length < 2) return '';
  return `<p class="muted bars-legend" aria-hidden="true">${series
    .map((s, j) => `<span style="display:inline-block;width:0.8em;height:0.8em;background:${COLOURS[j]};margin:0 0.3em 0 0.6em;vertical-align:middle"></span>${esc(s.label)}`)
    .join('')}</p>`;
}

function chartFigure(section, answer, kind) {
  const rows = answer.items.map((g) => ({ key: g.group, label: groupName(section, g) }));
  let series;
  let max;
  let format;
  let title;
  if (kind === 'share') {
    title = t('pf_chart_share', { what: t(section.what) });
    series = [{ label: t('pf_c_on_time'), values: new Map(answer.items.map((g) => [g.group, g.on_time_share === null ? null : g.on_time_share * 100])) }];
    max = 100;
    format = (v) => fmtPct(v, 1);
  } else {
    title = t('pf_chart_days', { what: t(section.what) });
    series = [
      { label: t('pf_c_median'), values: new Map(answer.items.map((g) => [g.group, g.median_working_days])) },
      { label: t('pf_c_p90'), values: new Map(answer.items.map((g) => [g.group, g.p90_working_days])) },
    ];
    max = Math.max(0, ...answer.items.map((g) => Math.max(g.median_working_days || 0, g.p90_working_days || 0)));
    format = (v) => fmtNum(v, 1);
  }
  const id = `pf-chart-${section.by}-${kind}`;
  const head = `<th scope="col">${esc(t(section.col))}</th>${series.map((s) => `<th scope="col" class="num">${esc(s.label)}</th>`).join('')}`;
  const body = rows
    .map(
      (r) => `<tr data-group="${esc(r.key)}"><th scope="row">${esc(r.label)}</th>${series
        .map((s) => {
          const v = s.values.get(r.key);
          return `<td class="num">${v === null || v === undefined ? unknownHTML() : esc(format(v))}</td>`;
        })
        .join('')}</tr>`
    )
    .join('');
  return `<figure class="chart-figure card" id="${id}-fig" style="margin:0.8rem 0">
<figcaption><h3>${esc(title)}</h3></figcaption>
${legendHTML(series)}
${rows.length ? barsSVG(id, title, rows, series, max, format) : `<p>${esc(t('pf_none'))}</p>`}
<details><summary>${esc(t('chart_data'))}</summary>
${tableWrap(title, `<table class="data" id="${id}-data"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`)}
</details>
</figure>`;
}

// ===== the open data of the same query =====

function query(by, period, extra) {
  const p = new URLSearchParams({ by });
  if (period.from) p.set('from', period.from);
  if (period.to) p.set('to', period.to);
  p.set('lang', lang());
  if (extra) for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

function linksHTML(section, period) {
  const base = '/api/v1/dossier_stats';
  return `<ul class="downloads" id="pf-${section.by}-links" aria-label="${esc(t('pf_open_data', { what: t(section.what) }))}">
<li><a href="${esc(`${base}?${query(section.by, period)}`)}" data-format="json">${esc(t('pf_json'))}</a></li>
<li><a href="${esc(`${base}.csv?${query(section.by, period, { bom: '1' })}`)}" download data-format="csv">${esc(t('pf_csv'))}</a></li>
<li><a href="${esc(`${base}.xlsx?${query(section.by, period)}`)}" download data-format="xlsx">${esc(t('pf_xlsx'))}</a></li>
</ul>`;
}

function sectionHTML(section, answer, period) {
  const body = answer.items.length
    ? `${tableHTML(section, answer)}<div class="pf-charts">${chartFigure(section, answer, 'share')}${chartFigure(section, answer, 'days')}</div>`
    : `<p id="pf-${section.by}-none">${esc(t('pf_none'))}</p>`;
  return `<section class="card" id="pf-${section.by}" aria-labelledby="pf-${section.by}-h">
<h2 id="pf-${section.by}-h">${esc(t(section.title))}</h2>
${body}
<h3>${esc(t('pf_open_data', { what: t(section.what) }))}</h3>
${linksHTML(section, period)}
</section>`;
}

// ===== the deadline calculator =====

function calculatorHTML(today) {
  return `<section class="card" id="pf-deadline" aria-labelledby="pf-deadline-h">
<h2 id="pf-deadline-h">${esc(t('pf_dl_title'))}</h2>
<p>${esc(t('pf_dl_intro'))}</p>
<form id="pf-dl-form" class="edit-form" novalidate aria-labelledby="pf-deadline-h">
<div class="edit-alert" id="pf-dl-alert" role="alert" tabindex="-1"></div>
<div class="edit-grid">
${fieldHTML('dl', 'from', t('pf_dl_from'), `<input type="date" {attrs} value="${esc(today || '')}">`, { required: true, hint: t('pf_dl_from_hint') })}
${fieldHTML('dl', 'days', t('pf_dl_days'), '<input type="number" min="0" max="3650" step="1" inputmode="numeric" {attrs} value="15">', { required: true })}
${fieldHTML('dl', 'kind', t('pf_dl_kind'), `<select {attrs}><option value="working">${esc(t('pf_dl_working'))}</option><option value="calendar">${esc(t('pf_dl_calendar'))}</option></select>`)}
</div>
<div class="buttons"><button type="submit" id="pf-dl-submit">${esc(t('pf_dl_submit'))}</button></div>
</form>
<div id="pf-dl-result" aria-live="polite"></div>
</section>`;
}

function dayLine(d) {
  const what = d.kind === 'weekend' ? t('pf_dl_weekend') : `${t(`pf_dl_kind_${d.kind}`)}${d.name ? `: ${d.name}` : ''}`;
  const prov = d.provisional ? ` <span class="badge lead-contacted">${esc(t('pf_dl_provisional_day'))}</span>` : '';
  return `<li data-date="${esc(d.date)}" data-kind="${esc(d.kind)}"><time datetime="${esc(d.date)}">${esc(fmtDate(d.date))}</time> (${esc(weekday(d.date))}): ${esc(what)}${prov}</li>`;
}

function resultHTML(r) {
  const skippedOff = r.skipped.filter((d) => d.kind !== 'weekend').length;
  const warning = !r.calendar_complete
    ? `<p class="filter-note" id="pf-dl-warning" data-why="incomplete"><strong>${esc(t('pf_dl_incomplete'))}</strong> ${esc(r.warning || '')}</p>`
    : r.provisional
      ? `<p class="filter-note" id="pf-dl-warning" data-why="provisional"><strong>${esc(t('pf_dl_provisional'))}</strong> ${esc(r.warning || '')}</p>`
      : '';
  const counted = r.counted.length ? `<h3>${esc(t('pf_dl_counted'))}</h3><ul id="pf-dl-counted">${r.counted.map(dayLine).join('')}</ul>` : '';
  return `<p class="pf-due" id="pf-dl-due-line">${esc(t('pf_dl_due_is'))} <strong id="pf-dl-due"><time datetime="${esc(r.due)}">${esc(fmtDate(r.due))}</time></strong> (${esc(weekday(r.due))})</p>
<p id="pf-dl-summary">${esc(t('pf_dl_summary', { n: fmtNum(r.working_days, 0), k: fmtNum(r.skipped.length, 0), off: fmtNum(skippedOff, 0) }))}</p>
${warning}
<h3>${esc(t('pf_dl_skipped'))}</h3>
${r.skipped.length ? `<ul id="pf-dl-skipped">${r.skipped.map(dayLine).join('')}</ul>` : `<p id="pf-dl-skipped-none">${esc(t('pf_dl_none_skipped'))}</p>`}
${counted}
<p class="note">${esc(r.rule)}</p>`;
}

async function calculate(form, box) {
  clearProblems(form);
  const from = form.elements.from.value;
  const days = form.elements.days.value;
  const local = [];
  if (!from) local.push({ param: 'from', detail: t('pf_dl_need_from') });
  if (days === '') local.push({ param: 'days', detail: t('pf_dl_need_days') });
  if (local.length) {
    showProblems(form, 'dl', local);
    return;
  }
  const q = new URLSearchParams({ from, days, kind: form.elements.kind.value });
  const answer = await whileBusy(form, () => apiCall(`/api/v1/calendar/deadline?${q.toString()}`));
  if (!answer || !form.isConnected) return;
  if (!answer.ok) {
    box.innerHTML = '';
    showProblems(form, 'dl', [{ param: answer.body && answer.body.param, detail: failureText(answer) }]);
    return;
  }
  box.innerHTML = resultHTML(answer.body);
}

// ===== the page =====

function explainHTML() {
  return `<section class="card" id="pf-explain" aria-labelledby="pf-explain-h">
<h2 id="pf-explain-h">${esc(t('pf_explain_title'))}</h2>
<p>${esc(t('pf_explain_handled'))}</p>
<p>${esc(t('pf_explain_on_time'))}</p>
<p>${esc(t('pf_explain_working'))}</p>
<p>${esc(t('pf_explain_days'))}</p>
</section>`;
}

function periodFormHTML(period) {
  return `<form id="pf-period" class="inline-filters" novalidate aria-label="${esc(t('pf_period'))}">
<div class="edit-alert" id="pf-period-alert" role="alert" tabindex="-1"></div>
${fieldHTML('pp', 'from', t('pf_from'), `<input type="date" {attrs} value="${esc(period.from)}">`)}
${fieldHTML('pp', 'to', t('pf_to'), `<input type="date" {attrs} value="${esc(period.to)}">`)}
<div class="buttons"><button type="submit" id="pf-period-submit">${esc(t('pf_show'))}</button></div>
</form>`;
}

export async function render(main, ctx) {
  ctx.setTitle(t('pf_title'));
  // the period chosen is kept in the address's fragment (#from=…&to=…)
  const kept = readHash();
  const from = kept.get('from') || '';
  const to = kept.get('to') || '';
  const [deps, open] = await Promise.all([apiCall('/api/v1/departments?limit=500'), apiCall('/api/v1/dossier_stats?only=open')]);
  if (!ctx.alive()) return;
  if (!deps.ok || !open.ok) {
    main.innerHTML = `<h1 tabindex="-1">${esc(t('pf_title'))}</h1>${errorHTML(new Error(failureText(deps.ok ? open : deps)))}`;
    return;
  }
  const today = open.body.today;
  const period = DATE.test(from) || DATE.test(to) ? { from: DATE.test(from) ? from : '', to: DATE.test(to) ? to : '' } : { from: yearBefore(today), to: today };
  const departments = new Map((deps.body.items || []).map((d) => [d.code, d]));
  const sections = [
    { by: 'department', title: 'pf_by_department', what: 'pf_what_departments', col: 'pf_c_department', caption: 'pf_dep_caption', name: (g) => (departments.has(g.group) ? nameText(departments.get(g.group)) : g.name || g.group) },
    { by: 'procedure', title: 'pf_by_procedure', what: 'pf_what_procedures', col: 'pf_c_procedure', caption: 'pf_proc_caption', name: (g) => procText(g.group) },
  ];
  main.innerHTML = `<h1 tabindex="-1">${esc(t('pf_title'))}</h1>
<p class="lead">${esc(t('pf_intro'))}</p>
<p id="pf-track"><a href="/track">${esc(t('pf_track_link'))}</a></p>
${periodFormHTML(period)}
<p id="pf-period-line" role="status"></p>
<div id="pf-figures"><p class="loading">${esc(t('loading'))}</p></div>
${explainHTML()}
${calculatorHTML(today)}`;
  const form = main.querySelector('#pf-period');
  focusLinks(form);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearProblems(form);
    const p = { from: form.elements.from.value, to: form.elements.to.value };
    if (p.from && p.to && p.from > p.to) {
      showProblems(form, 'pp', [{ param: 'to', detail: t('pf_to_before_from') }]);
      return;
    }
    writeHash(ctx, p);
    loadFigures(main, ctx, sections, p, form);
  });
  const dl = main.querySelector('#pf-dl-form');
  focusLinks(dl);
  dl.addEventListener('submit', (e) => {
    e.preventDefault();
    calculate(dl, main.querySelector('#pf-dl-result'));
  });
  await loadFigures(main, ctx, sections, period, form);
}

async function loadFigures(main, ctx, sections, period, form) {
  const box = main.querySelector('#pf-figures');
  box.setAttribute('aria-busy', 'true');
  const answers = await Promise.all(sections.map((s) => apiCall(`/api/v1/dossier_stats?${query(s.by, period).replace(/&lang=[a-z]+/, '')}`)));
  if (!ctx.alive() || !box.isConnected) return;
  box.removeAttribute('aria-busy');
  const bad = answers.find((a) => !a.ok);
  if (bad) {
    if (bad.status === 400 && bad.body && bad.body.param) showProblems(form, 'pp', [{ param: bad.body.param, detail: failureText(bad) }]);
    else box.innerHTML = errorHTML(new Error(failureText(bad)));
    return;
  }
  const a = answers[0].body;
  main.querySelector('#pf-period-line').textContent = t(a.from && a.to ? 'pf_period_is' : a.from ? 'pf_period_since' : a.to ? 'pf_period_until' : 'pf_period_all', {
    from: fmtDate(a.from),
    to: fmtDate(a.to),
    today: fmtDate(a.today),
  });
  box.innerHTML = sections.map((s, i) => sectionHTML(s, answers[i].body, period)).join('');
}
