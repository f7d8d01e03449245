// Who handles which procedure (/admin/procedures), one of the dossiers'
// settings: for each procedure, for projects in a park and outside, the
// department that receives its dossiers and those consulted, with the days
// each holds and its source (GET /api/v1/procedure_departments, the
// departments' names from GET /api/v1/departments). Everyone may read it;
// an admin also adds a row (POST /api/v1/procedure_departments) and closes
// a row's validity (PATCH /api/v1/procedure_departments/{procedure}/
// {location}/{department} valid_to, with If-Match from its GET): rows are
// never deleted. Every change needs a source.
import { t, fmtDate } from './i18n.js';
import { esc, tableWrap, errorHTML, nameText, sourcesHTML } from './core.js';
import { apiCall, failureText, fieldHTML, announce, showProblems, clearProblems } from './staff.js';
import { PROCEDURES, LOCATIONS, PD_ROLES, codeText, procText, optionsHTML, settingsFrame, sourceFieldsHTML, formShell, sendChange, dateOrNull, showArea, closeArea } from './admin-dossier-settings.js';

const locText = (v) => codeText('ds_loc', v);
const roleText = (v) => codeText('ds_pd_role', v);

function keyOf(r) {
  return `${r.procedure}/${r.location}/${r.department}`;
}

function pathOf(r) {
  return `/api/v1/procedure_departments/${[r.procedure, r.location, r.department].map(encodeURIComponent).join('/')}`;
}

function deptText(page, code) {
  const d = page.departments.get(code);
  return d ? nameText(d) : code;
}

function dateHTML(iso, open) {
  if (!iso) return `<span class="muted">${esc(t(open))}</span>`;
  return `<time datetime="${esc(iso)}">${esc(fmtDate(iso))}</time>`;
}

function rowHTML(page, r) {
  const close =
    page.admin && !r.valid_to
      ? `<button type="button" class="secondary" data-action="close" data-key="${esc(keyOf(r))}" aria-label="${esc(t('ds_close_of', { what: `${procText(r.procedure)}, ${locText(r.location)}, ${deptText(page, r.department)}` }))}">${esc(t('ds_close'))}</button>`
      : '';
  return `<tr data-key="${esc(keyOf(r))}">
<th scope="row" data-procedure="${esc(r.procedure)}">${esc(procText(r.procedure))}</th>
<td class="location" data-location="${esc(r.location)}">${esc(locText(r.location))}</td>
<td class="department" data-department="${esc(r.department)}">${esc(deptText(page, r.department))}</td>
<td class="role" data-role="${esc(r.role)}">${esc(roleText(r.role))}</td>
<td class="valid-from">${dateHTML(r.valid_from, 'ds_no_start')}</td>
<td class="valid-to">${dateHTML(r.valid_to, 'ds_still_valid')}</td>
<td class="source"><details><summary>${esc(t('ds_source_show'))}</summary>${sourcesHTML(r.source)}</details></td>
${page.admin ? `<td class="actions">${close}</td>` : ''}</tr>`;
}

function order(a, b) {
  return PROCEDURES.indexOf(a.procedure) - PROCEDURES.indexOf(b.procedure) || LOCATIONS.indexOf(a.location) - LOCATIONS.indexOf(b.location) || PD_ROLES.indexOf(a.role) - PD_ROLES.indexOf(b.role) || a.department.localeCompare(b.department);
}

function tableHTML(page) {
  const cols = ['ds_c_procedure', 'ds_c_location', 'ds_c_department', 'ds_c_role', 'ds_c_valid_from', 'ds_c_valid_to', 'ds_c_source'].concat(page.admin ? ['ds_c_actions'] : []);
  const head = cols.map((k) => `<th scope="col">${esc(t(k))}</th>`).join('');
  const caption = t('ds_pd_caption', { n: page.rows.length });
  const rows = [...page.rows].sort(order);
  return tableWrap(caption, `<table class="data" id="pd-table"><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows.map((r) => rowHTML(page, r)).join('')}</tbody></table>`);
}

// The procedures with no receiving department in force: said, not hidden.
function missingHTML(page) {
  const missing = [];
  for (const p of PROCEDURES)
    for (const l of LOCATIONS) if (!page.rows.some((r) => r.procedure === p && r.location === l && r.role === 'receiving' && !r.valid_to)) missing.push(`${procText(p)}, ${locText(l)}`);
  if (!missing.length) return '';
  return `<details id="pd-missing"><summary>${esc(t('ds_pd_missing', { n: missing.length }))}</summary><ul>${missing.map((m) => `<li>${esc(m)}</li>`).join('')}</ul></details>`;
}

// ===== the page =====

export async function render(main, ctx) {
  const frame = await settingsFrame(main, ctx, 'procedures', t('ds_pd_title'), t('ds_pd_intro'), () => render(main, ctx));
  if (!frame) return;
  const page = { main, ctx, admin: frame.admin, rows: [], departments: new Map() };
  const deps = await apiCall('/api/v1/departments?limit=500');
  if (!ctx.alive()) return;
  const body = main.querySelector('#ds-body');
  if (!deps.ok) {
    body.innerHTML = errorHTML(new Error(failureText(deps)));
    return;
  }
  page.departments = new Map((deps.body.items || []).map((d) => [d.code, d]));
  body.innerHTML = `${page.admin ? `<div class="buttons" id="pd-buttons"><button type="button" id="pd-add">${esc(t('ds_pd_add'))}</button></div><div id="pd-area"></div>` : ''}
<div id="pd-list"><p class="loading">${esc(t('loading'))}</p></div>`;
  if (page.admin) {
    body.querySelector('#pd-add').addEventListener('click', () => openAdd(page));
    body.querySelector('#pd-list').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-action="close"]');
      if (!b) return;
      const r = page.rows.find((x) => keyOf(x) === b.dataset.key);
      if (r) openClose(page, r);
    });
  }
  await loadRows(page);
}

async function loadRows(page, notice) {
  const { main, ctx } = page;
  const box = main.querySelector('#pd-list');
  const answer = await apiCall('/api/v1/procedure_departments?limit=500');
  if (!ctx.alive() || !box.isConnected) return;
  if (!answer.ok) {
    box.innerHTML = errorHTML(new Error(failureText(answer)));
    return;
  }
  page.rows = answer.body.items || [];
  box.innerHTML = `${missingHTML(page)}${tableHTML(page)}`;
  if (notice) announce(main.querySelector('#ds-status'), notice);
}



function openAdd(page) {
  const depts = [...page.departments.values()].sort((a, b) => nameText(a).localeCompare(nameText(b)));
  const inner = `<div class="edit-grid">
${fieldHTML('pn', 'procedure', t('ds_c_procedure'), `<select {attrs}>${optionsHTML(PROCEDURES, procText, '', t('ds_choose'))}</select>`, { required: true })}
${fieldHTML('pn', 'location', t('ds_c_location'), `<select {attrs}>${optionsHTML(LOCATIONS, locText, '', t('ds_choose'))}</select>`, { required: true })}
${fieldHTML('pn', 'department', t('ds_c_department'), `<select {attrs}>${optionsHTML(depts.map((d) => d.code), (c) => deptText(page, c), '', t('ds_choose'))}</select>`, { required: true })}
${fieldHTML('pn', 'role', t('ds_c_role'), `<select {attrs}>${optionsHTML(PD_ROLES, roleText, '', t('ds_choose'))}</select>`, { required: true })}
${fieldHTML('pn', 'valid_from', t('ds_c_valid_from'), '<input type="date" {attrs}>')}
${fieldHTML('pn', 'valid_to', t('ds_c_valid_to'), '<input type="date" {attrs}>', { hint: t('ds_valid_to_hint') })}
</div>${sourceFieldsHTML('pn')}`;
  const form = showArea(page, 'pd', formShell('pd-new', t('ds_pd_add_title'), inner, t('ds_pd_add_submit')), '#pd-add');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const fields = {};
    for (const n of ['procedure', 'location', 'department', 'role', 'valid_from', 'valid_to']) {
      const v = form.elements[n].value;
      if (v) fields[n] = v;
    }
    const answer = await sendChange(form, 'pn', { path: '/api/v1/procedure_departments', method: 'POST', fields, rowSource: true });
    if (!answer || !page.ctx.alive()) return;
    closeArea(page, 'pd', null);
    await loadRows(page, t('ds_pd_added', { what: `${procText(fields.procedure)}, ${locText(fields.location)}, ${deptText(page, fields.department)}` }));
  });
}

async function openClose(page, r) {
  const path = pathOf(r);
  const row = await apiCall(path);
  if (!page.ctx.alive()) return;
  if (!row.ok) {
    announce(page.main.querySelector('#ds-status'), t('ze_error', { msg: failureText(row) }));
    return;
  }
  const what = `${procText(r.procedure)}, ${locText(r.location)}, ${deptText(page, r.department)}`;
  const inner = `<p>${esc(t('ds_pd_close_intro', { what, role: roleText(r.role) }))}</p>
<div class="edit-grid">${fieldHTML('pc', 'valid_to', t('ds_c_valid_to'), '<input type="date" {attrs}>', { required: true, hint: t('ds_valid_to_hint') })}</div>
${sourceFieldsHTML('pc')}`;
  const back = `button[data-action="close"][data-key="${CSS.escape(keyOf(r))}"]`;
  const form = showArea(page, 'pd', formShell('pd-close', t('ds_pd_close_title'), inner, t('ds_close_submit')), back);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const to = dateOrNull(form.elements.valid_to);
    if (!to) {
      clearProblems(form);
      showProblems(form, 'pc', [{ param: 'valid_to', detail: t('ds_need_valid_to') }]);
      return;
    }
    const answer = await sendChange(form, 'pc', { path, method: 'PATCH', fields: { valid_to: to }, etag: row.etag });
    if (!answer || !page.ctx.alive()) return;
    closeArea(page, 'pd', null);
    await loadRows(page, t('ds_pd_closed', { what, date: fmtDate(to) }));
  });
}
