// The list of dossiers (/dossiers) for whoever handles them: an investor's
// own (with the button to file one), every dossier for the officers,
// admins and viewers, those a department is consulted on for its users
// (GET /api/v1/dossiers: the API decides which). Filtered by status and
// procedure, 50 a page, each with its stage and clock; the filter is kept
// in the address's fragment (#status=consulting&procedure=irc_issue).
import { t, fmtDate, fmtNum } from './i18n.js';
import { esc, tableWrap } from './core.js';
import { pageFor, apiCall, failureText, readHash, writeHash, queryOf } from './staff.js';
import { DOSSIER_READERS, PROCEDURES, procName, stageHTML, clockHTML, dossierHref } from './dossier-common.js';

const PAGE = 50;
const STATUSES = ['received', 'returned', 'consulting', 'decided', 'withdrawn'];

function introKey(role) {
  if (role === 'investor') return 'dz_list_intro_investor';
  if (role === 'department') return 'dz_list_intro_department';
  return 'dz_list_intro_staff';
}

function filtersHTML(state) {
  const opt = (v, text, cur) => `<option value="${esc(v)}"${v === cur ? ' selected' : ''}>${esc(text)}</option>`;
  return `<form id="dossier-filters" class="inline-filters" role="search" aria-label="${esc(t('dz_filters'))}">
<div class="field"><label for="dossier-status">${esc(t('dz_f_status'))}</label>
<select id="dossier-status" name="status">${opt('', t('dz_any'), state.status)}${STATUSES.map((s) => opt(s, t(`dz_status_${s}`), state.status)).join('')}</select></div>
<div class="field"><label for="dossier-procedure">${esc(t('dz_f_procedure'))}</label>
<select id="dossier-procedure" name="procedure">${opt('', t('dz_any'), state.procedure)}${PROCEDURES.map((p) => opt(p, procName(p), state.procedure)).join('')}</select></div>
<div class="buttons"><button type="submit" id="dossier-apply">${esc(t('adm_apply'))}</button></div>
</form>`;
}

function rowHTML(x) {
  return `<tr data-code="${esc(x.code)}">
<th scope="row"><a href="${esc(dossierHref(x.code))}">${esc(x.project_name || x.code)}</a><br><span class="muted code">${esc(x.code)}</span></th>
<td>${esc(procName(x.procedure))}</td>
<td class="stage-cell">${stageHTML(x.stage)}</td>
<td>${esc(fmtDate(x.submitted_on))}</td>
<td class="clock-cell">${clockHTML(x.clock)}</td>
</tr>`;
}

function listHTML(body, state) {
  if (!body.items.length) return `<p id="dossier-none">${esc(t(state.status || state.procedure ? 'dz_none_filtered' : 'dz_none'))}</p>`;
  const from = state.offset + 1;
  const to = state.offset + body.items.length;
  const pager = [];
  if (state.offset > 0) pager.push(`<button type="button" class="secondary" id="dossier-prev">${esc(t('dz_prev'))}</button>`);
  if (to < body.total) pager.push(`<button type="button" class="secondary" id="dossier-next">${esc(t('dz_next'))}</button>`);
  return `<p id="dossier-count">${esc(t('dz_count', { from: fmtNum(from, 0), to: fmtNum(to, 0), total: fmtNum(body.total, 0) }))}</p>
${tableWrap(
  t('dz_list_caption'),
  `<table id="dossier-table"><caption>${esc(t('dz_list_caption'))}</caption>
<thead><tr><th scope="col">${esc(t('dz_col_project'))}</th><th scope="col">${esc(t('dz_col_procedure'))}</th><th scope="col">${esc(t('dz_col_stage'))}</th><th scope="col">${esc(t('dz_col_submitted'))}</th><th scope="col">${esc(t('dz_col_clock'))}</th></tr></thead>
<tbody>${body.items.map(rowHTML).join('')}</tbody></table>`
)}
${pager.length ? `<div class="pager">${pager.join(' ')}</div>` : ''}`;
}

async function loadList(page) {
  const box = page.main.querySelector('#dossier-list');
  box.setAttribute('aria-busy', 'true');
  const q = queryOf({ status: page.state.status, procedure: page.state.procedure, limit: PAGE, offset: page.state.offset || '' });
  const a = await apiCall(`/api/v1/dossiers${q ? `?${q}` : ''}`);
  if (!page.ctx.alive()) return;
  box.removeAttribute('aria-busy');
  if (!a.ok) {
    box.innerHTML = `<div class="error" role="alert">${esc(failureText(a))}</div>`;
    return;
  }
  box.innerHTML = listHTML(a.body, page.state);
  const move = (by) => {
    page.state.offset = Math.max(0, page.state.offset + by);
    keep(page);
    loadList(page);
  };
  const prev = box.querySelector('#dossier-prev');
  const next = box.querySelector('#dossier-next');
  if (prev) prev.addEventListener('click', () => move(-PAGE));
  if (next) next.addEventListener('click', () => move(PAGE));
}

function keep(page) {
  const s = page.state;
  writeHash(page.ctx, { status: s.status, procedure: s.procedure, offset: s.offset || '' });
}

export async function render(main, ctx) {
  const who = await pageFor(main, ctx, 'dossiers', t('dz_list_title'), DOSSIER_READERS, () => render(main, ctx), `<p><a href="/track">${esc(t('dz_track_link'))}</a> · <a href="/performance">${esc(t('dz_performance_link'))}</a></p>`);
  if (!who) return;
  const h = readHash();
  const state = { status: h.get('status') || '', procedure: h.get('procedure') || '', offset: Number(h.get('offset')) || 0 };
  if (!STATUSES.includes(state.status)) state.status = '';
  if (!PROCEDURES.includes(state.procedure)) state.procedure = '';
  const page = { main, ctx, state, who };
  const file = who.role === 'investor' ? `<p><a class="button" id="dossier-file" href="/dossiers/new">${esc(t('dz_file_button'))}</a></p>` : '';
  const queue = who.role === 'department' ? `<p><a href="/queue">${esc(t('dz_queue_link'))}</a></p>` : '';
  main.innerHTML = `<h1 tabindex="-1">${esc(t('dz_list_title'))}</h1>
<p class="lead">${esc(t(introKey(who.role)))}</p>
${file}${queue}
${filtersHTML(state)}
<div id="dossier-list" aria-live="polite"><p class="loading">${esc(t('loading'))}</p></div>`;
  main.querySelector('#dossier-filters').addEventListener('submit', (e) => {
    e.preventDefault();
    const f = e.target;
    state.status = f.elements.status.value;
    state.procedure = f.elements.procedure.value;
    state.offset = 0;
    keep(page);
    loadList(page);
  });
  await loadList(page);
}
