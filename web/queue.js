// A department's queue of opinions to give (/queue): the consultations it
// has not answered, the soonest due first, each with its clock (GET
// /api/v1/departments/{code}/queue). A department's user sees its own;
// the province's staff choose a department (kept in the address's
// fragment, #department=…). Overdue and stopped clocks are counted above
// the list.
import { t, fmtDate, fmtNum } from './i18n.js';
import { esc, tableWrap } from './core.js';
import { pageFor, apiCall, failureText, readHash, writeHash } from './staff.js';
import { DOSSIER_STAFF, procName, departments, deptName, clockHTML, limitText, dossierHref } from './dossier-common.js';

const QUEUE_READERS = [...DOSSIER_STAFF, 'department'];

function queueHTML(body, names) {
  const items = body.items || [];
  if (!items.length) return `<p id="queue-none">${esc(t('dz_queue_none', { department: deptName(names, body.department) }))}</p>`;
  const overdue = items.filter((c) => c.clock && c.clock.overdue).length;
  const paused = items.filter((c) => c.clock && c.clock.state === 'paused').length;
  const rows = items.map(
    (c) => `<tr data-code="${esc(c.dossier_code)}"${c.clock && c.clock.overdue ? ' class="overdue"' : ''}>
<th scope="row"><a href="${esc(dossierHref(c.dossier_code))}">${esc(c.project_name || c.dossier_code)}</a><br><span class="muted code">${esc(c.dossier_code)}</span></th>
<td>${esc(procName(c.procedure))}</td>
<td>${esc(fmtDate(c.requested_on))}</td>
<td>${esc(limitText(c.limit_days, c.limit_kind))}</td>
<td class="clock-cell">${clockHTML(c.clock)}</td></tr>`
  );
  return `<p id="queue-summary">${esc(t('dz_queue_summary', { n: fmtNum(items.length, 0), overdue: fmtNum(overdue, 0), paused: fmtNum(paused, 0) }))}</p>
${tableWrap(
  t('dz_queue_caption'),
  `<table id="queue-table"><caption>${esc(t('dz_queue_caption'))}</caption>
<thead><tr><th scope="col">${esc(t('dz_col_project'))}</th><th scope="col">${esc(t('dz_col_procedure'))}</th><th scope="col">${esc(t('dz_c_requested'))}</th><th scope="col">${esc(t('dz_limit'))}</th><th scope="col">${esc(t('dz_col_clock'))}</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>`
)}`;
}

async function loadQueue(page, dept) {
  const box = page.main.querySelector('#queue-list');
  box.setAttribute('aria-busy', 'true');
  const a = await apiCall(`/api/v1/departments/${encodeURIComponent(dept)}/queue`);
  if (!page.ctx.alive()) return;
  box.removeAttribute('aria-busy');
  box.innerHTML = a.ok ? queueHTML(a.body, page.names) : `<div class="error" role="alert">${esc(failureText(a))}</div>`;
}

export async function render(main, ctx) {
  const who = await pageFor(main, ctx, 'queue', t('dz_queue_title'), QUEUE_READERS, () => render(main, ctx));
  if (!who) return;
  const names = await departments();
  if (!ctx.alive()) return;
  const page = { main, ctx, names };
  const own = who.role === 'department';
  let dept = own ? who.department : readHash().get('department') || '';
  if (!own && !names[dept]) dept = Object.keys(names)[0] || '';
  const chooser = own
    ? `<p class="lead" id="queue-department">${esc(deptName(names, dept))}</p>`
    : `<form id="queue-form" class="inline-filters"><div class="field"><label for="queue-dept">${esc(t('dz_c_department'))}</label>
<select id="queue-dept" name="department">${Object.keys(names)
        .map((c) => `<option value="${esc(c)}"${c === dept ? ' selected' : ''}>${esc(names[c])}</option>`)
        .join('')}</select></div><div class="buttons"><button type="submit" id="queue-apply">${esc(t('adm_apply'))}</button></div></form>`;
  main.innerHTML = `<h1 tabindex="-1">${esc(t('dz_queue_title'))}</h1>
<p>${esc(t('dz_queue_intro'))}</p>
${chooser}
<div id="queue-list" aria-live="polite"><p class="loading">${esc(t('loading'))}</p></div>`;
  const form = main.querySelector('#queue-form');
  if (form)
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      dept = form.elements.department.value;
      writeHash(ctx, { department: dept });
      loadQueue(page, dept);
    });
  if (dept) await loadQueue(page, dept);
}
