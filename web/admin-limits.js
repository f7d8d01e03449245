// The statutory time limits (/admin/time-limits), one of the dossiers'
// settings: every limit of every procedure's steps with the law that sets
// it and the days it applies between (GET /api/v1/time_limits), or those
// in force on a day (?on=), with the procedures that have none that day; a
// limit no source gives is shown as unknown, never as none. Everyone may
// read it; an admin also adds a new law's limit (POST
// /api/v1/time_limits) and closes an old one's validity (PATCH
// /api/v1/time_limits/{code} valid_to, with If-Match from its GET): rows
// are never deleted. Every change needs a source.
import { t, fmtDate, fmtNum } from './i18n.js';
import { esc, tableWrap, errorHTML, unknownHTML } from './core.js';
import { apiCall, failureText, fieldHTML, focusLinks, announce, readHash, writeHash, showProblems, clearProblems } from './staff.js';
import { PROCEDURES, STEPS, DAY_KINDS, codeText, procText, optionsHTML, settingsFrame, sourceFieldsHTML, formShell, sendChange, dateOrNull, showArea } from './admin-dossier-settings.js';

const stepText = (v) => codeText('ds_step', v);
const dayKindText = (v) => codeText('ds_day_kind', v);

function daysHTML(l) {
  if (l.days === null || l.days === undefined) return unknownHTML();
  const n = fmtNum(l.days, 0);
  if (!l.day_kind) return `${esc(n)} <span class="unknown">(${esc(t('ds_day_kind_unknown'))})</span>`;
  return esc(t(l.day_kind === 'working' ? 'ds_n_working' : 'ds_n_calendar', { n }));
}

function dateHTML(iso, open) {
  if (!iso) return `<span class="muted">${esc(t(open))}</span>`;
  return `<time datetime="${esc(iso)}">${esc(fmtDate(iso))}</time>`;
}

function rowHTML(l, admin) {
  const close =
    admin && !l.valid_to
      ? `<button type="button" class="secondary" data-action="close" data-code="${esc(l.code)}" aria-label="${esc(t('ds_close_of', { what: l.code }))}">${esc(t('ds_close'))}</button>`
      : '';
  return `<tr data-code="${esc(l.code)}">
<th scope="row"><span class="code">${esc(l.code)}</span></th>
<td class="procedure" data-procedure="${esc(l.procedure)}">${esc(procText(l.procedure))}</td>
<td class="step">${esc(stepText(l.step))}</td>
<td class="days">${daysHTML(l)}</td>
<td class="law">${l.law ? `<span lang="vi">${esc(l.law)}</span>` : unknownHTML()}</td>
<td class="valid-from">${dateHTML(l.valid_from, 'ds_no_start')}</td>
<td class="valid-to">${dateHTML(l.valid_to, 'ds_still_valid')}</td>
<td class="is-known">${l.known ? esc(t('yes')) : `<span class="unknown">${esc(t('ds_limit_unknown'))}</span>`}</td>
${admin ? `<td class="actions">${close}</td>` : ''}</tr>`;
}

function tableHTML(items, admin, on) {
  const cols = ['ds_c_code', 'ds_c_procedure', 'ds_c_step', 'ds_c_days', 'ds_c_law', 'ds_c_valid_from', 'ds_c_valid_to', 'ds_c_known'].concat(admin ? ['ds_c_actions'] : []);
  const head = cols.map((k) => `<th scope="col">${esc(t(k))}</th>`).join('');
  const caption = on ? t('ds_lim_caption_on', { n: items.length, date: fmtDate(on) }) : t('ds_lim_caption', { n: items.length });
  return tableWrap(caption, `<table class="data" id="lim-table"><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${items.map((l) => rowHTML(l, admin)).join('')}</tbody></table>`);
}

function unknownProceduresHTML(answer) {
  if (!answer.on) return '';
  const list = answer.unknown_procedures || [];
  if (!list.length) return `<p id="lim-unknown">${esc(t('ds_lim_all_known', { date: fmtDate(answer.on) }))}</p>`;
  return `<div id="lim-unknown"><p>${esc(t('ds_lim_unknown_on', { date: fmtDate(answer.on) }))}</p><ul>${list.map((p) => `<li data-procedure="${esc(p)}">${esc(procText(p))}: <span class="unknown">${esc(t('unknown'))}</span></li>`).join('')}</ul></div>`;
}

// ===== the page =====

export async function render(main, ctx) {
  const frame = await settingsFrame(main, ctx, 'limits', t('ds_lim_title'), t('ds_lim_intro'), () => render(main, ctx));
  if (!frame) return;
  const on = readHash().get('on') || '';
  const page = { main, ctx, admin: frame.admin, on: /^\d{4}-\d{2}-\d{2}$/.test(on) ? on : '', items: [] };
  const body = main.querySelector('#ds-body');
  body.innerHTML = `<form class="inline-filters" id="lim-filter" novalidate>
<div class="edit-alert" id="lim-filter-alert" role="alert" tabindex="-1"></div>
${fieldHTML('lf', 'on', t('ds_lim_on'), '<input type="date" {attrs}>', { hint: t('ds_lim_on_hint') })}
<div class="buttons"><button type="submit" id="lim-filter-submit">${esc(t('ds_show'))}</button><button type="button" class="secondary" id="lim-filter-all">${esc(t('ds_lim_all'))}</button></div>
</form>
${page.admin ? `<div class="buttons" id="lim-buttons"><button type="button" id="lim-add">${esc(t('ds_lim_add'))}</button></div><div id="lim-area"></div>` : ''}
<div id="lim-list"><p class="loading">${esc(t('loading'))}</p></div>`;
  const filter = body.querySelector('#lim-filter');
  focusLinks(filter);
  filter.elements.on.value = page.on;
  filter.addEventListener('submit', (e) => {
    e.preventDefault();
    page.on = filter.elements.on.value;
    loadLimits(page);
  });
  body.querySelector('#lim-filter-all').addEventListener('click', () => {
    filter.elements.on.value = '';
    page.on = '';
    loadLimits(page);
  });
  if (page.admin) {
    body.querySelector('#lim-add').addEventListener('click', () => openAdd(page));
    body.querySelector('#lim-list').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-action="close"]');
      if (b) openClose(page, b.dataset.code);
    });
  }
  await loadLimits(page);
}

async function loadLimits(page, notice) {
  const { main, ctx } = page;
  const box = main.querySelector('#lim-list');
  const filter = main.querySelector('#lim-filter');
  clearProblems(filter);
  const answer = await apiCall(`/api/v1/time_limits${page.on ? `?on=${encodeURIComponent(page.on)}` : ''}`);
  if (!ctx.alive() || !box.isConnected) return;
  if (!answer.ok) {
    if (answer.status === 400) showProblems(filter, 'lf', [{ param: answer.body && answer.body.param, detail: failureText(answer) }]);
    else box.innerHTML = errorHTML(new Error(failureText(answer)));
    return;
  }
  writeHash(ctx, { on: page.on });
  page.items = answer.body.items || [];
  box.innerHTML = `${unknownProceduresHTML(answer.body)}${tableHTML(page.items, page.admin, answer.body.on)}<p class="note">${esc(answer.body.note || '')}</p>`;
  if (notice) announce(main.querySelector('#ds-status'), notice);
}


function addFieldsHTML() {
  const steps = `<datalist id="ln-steps">${STEPS.map((s) => `<option value="${esc(s)}">${esc(stepText(s))}</option>`).join('')}</datalist>`;
  return `<p class="note">${esc(t('ds_lim_add_intro'))}</p><div class="edit-grid">
${fieldHTML('ln', 'code', t('ds_c_code'), '<input type="text" {attrs} autocapitalize="none" spellcheck="false" autocomplete="off">', { required: true, hint: t('ds_lim_code_hint') })}
${fieldHTML('ln', 'procedure', t('ds_c_procedure'), `<select {attrs}>${optionsHTML(PROCEDURES, procText, '', t('ds_choose'))}</select>`, { required: true })}
${fieldHTML('ln', 'step', t('ds_c_step'), `<input type="text" {attrs} list="ln-steps" autocapitalize="none" spellcheck="false" autocomplete="off">${steps}`, { required: true, hint: t('ds_step_hint') })}
${fieldHTML('ln', 'days', t('ds_l_days'), '<input type="number" step="1" min="0" inputmode="numeric" {attrs}>', { hint: t('ds_days_hint') })}
${fieldHTML('ln', 'day_kind', t('ds_l_day_kind'), `<select {attrs}>${optionsHTML(DAY_KINDS, dayKindText, '', t('unknown'))}</select>`)}
${fieldHTML('ln', 'law', t('ds_c_law'), '<input type="text" {attrs} lang="vi">', { required: true, wide: true, hint: t('ds_law_hint') })}
${fieldHTML('ln', 'valid_from', t('ds_c_valid_from'), '<input type="date" {attrs}>')}
${fieldHTML('ln', 'valid_to', t('ds_c_valid_to'), '<input type="date" {attrs}>', { hint: t('ds_valid_to_hint') })}
</div>${sourceFieldsHTML('ln')}`;
}

function openAdd(page) {
  const form = showArea(page, 'lim', formShell('lim-new', t('ds_lim_add_title'), addFieldsHTML(), t('ds_lim_add_submit')), '#lim-add');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = (n) => form.elements[n].value.trim();
    const daysEl = form.elements.days;
    if (daysEl.validity && daysEl.validity.badInput) {
      clearProblems(form);
      showProblems(form, 'ln', [{ param: 'days', detail: t('ze_not_number') }]);
      return;
    }
    const fields = { code: v('code'), procedure: v('procedure') || null, step: v('step'), law: v('law') };
    if (v('days') !== '') fields.days = Number(v('days'));
    if (v('day_kind')) fields.day_kind = v('day_kind');
    if (v('valid_from')) fields.valid_from = v('valid_from');
    if (v('valid_to')) fields.valid_to = v('valid_to');
    const answer = await sendChange(form, 'ln', { path: '/api/v1/time_limits', method: 'POST', fields, rowSource: true });
    if (!answer || !page.ctx.alive()) return;
    page.main.querySelector('#lim-area').innerHTML = '';
    page.main.querySelector('#lim-buttons').hidden = false;
    await loadLimits(page, t('ds_lim_added', { code: fields.code }));
  });
}

async function openClose(page, code) {
  const path = `/api/v1/time_limits/${encodeURIComponent(code)}`;
  const row = await apiCall(path);
  if (!page.ctx.alive()) return;
  if (!row.ok) {
    announce(page.main.querySelector('#ds-status'), t('ze_error', { msg: failureText(row) }));
    return;
  }
  const l = row.body;
  const inner = `<p>${esc(t('ds_lim_close_intro', { code, from: l.valid_from ? fmtDate(l.valid_from) : t('ds_no_start') }))}</p>
<div class="edit-grid">${fieldHTML('lc', 'valid_to', t('ds_c_valid_to'), '<input type="date" {attrs}>', { required: true, hint: t('ds_valid_to_hint') })}</div>
${sourceFieldsHTML('lc')}`;
  const form = showArea(page, 'lim', formShell('lim-close', t('ds_lim_close_title', { code }), inner, t('ds_close_submit')), `button[data-action="close"][data-code="${CSS.escape(code)}"]`);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const to = dateOrNull(form.elements.valid_to);
    if (!to) {
      clearProblems(form);
      showProblems(form, 'lc', [{ param: 'valid_to', detail: t('ds_need_valid_to') }]);
      return;
    }
    const answer = await sendChange(form, 'lc', { path, method: 'PATCH', fields: { valid_to: to }, etag: row.etag });
    if (!answer || !page.ctx.alive()) return;
    page.main.querySelector('#lim-area').innerHTML = '';
    page.main.querySelector('#lim-buttons').hidden = false;
    await loadLimits(page, t('ds_lim_closed', { code, date: fmtDate(to) }));
  });
}
