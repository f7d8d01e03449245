// The working-day calendar (/admin/calendar), one of the dossiers'
// settings: a year's days off and the Saturdays worked to make up a swap
// (GET /api/v1/calendar?year=), each with its kind, name, source and
// whether it is provisional (worked out from the Labour Code's rules
// before the Government announced the year), and how far the calendar
// knows the year. Everyone may read it; an admin also adds a day (POST
// /api/v1/calendar_days), edits one (PATCH /api/v1/calendar_days/{date}
// with If-Match from its GET) and confirms a provisional year (each of its
// provisional days made official, on the source of the Government's
// announcement). Every change needs a source.
import { t, fmtDate, locale } from './i18n.js';
import { esc, tableWrap, errorHTML, unknownHTML, sourcesHTML } from './core.js';
import { apiCall, failureText, fieldHTML, announce, readHash, writeHash, sayAlert } from './staff.js';
import { CAL_KINDS, codeText, optionsHTML, settingsFrame, sourceFieldsHTML, formShell, sendChange, showArea } from './admin-dossier-settings.js';

const kindText = (k) => codeText('ds_kind', k);

function weekday(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

function yearStateHTML(state) {
  const cls = state === 'official' ? 'user-active' : state === 'provisional' ? 'lead-contacted' : 'status-none';
  return `<span class="badge ${cls}" id="cal-year-state" data-state="${esc(state)}">${esc(codeText('ds_year', state))}</span>`;
}

function rowHTML(d, admin) {
  const actions = admin
    ? `<td class="actions"><button type="button" class="secondary" data-action="edit" data-date="${esc(d.date)}" aria-label="${esc(t('ds_cal_edit_of', { date: fmtDate(d.date) }))}">${esc(t('ds_edit'))}</button></td>`
    : '';
  return `<tr data-date="${esc(d.date)}"${d.provisional ? ' class="provisional"' : ''}>
<th scope="row"><time datetime="${esc(d.date)}">${esc(fmtDate(d.date))}</time> <span class="muted">${esc(weekday(d.date))}</span></th>
<td class="kind" data-kind="${esc(d.kind)}">${esc(kindText(d.kind))}</td>
<td class="name">${d.name ? esc(d.name) : unknownHTML()}</td>
<td class="provisional">${d.provisional ? `<span class="badge lead-contacted">${esc(t('ds_provisional'))}</span>` : esc(t('ds_official_day'))}</td>
<td class="source"><details><summary>${esc(t('ds_source_show'))}</summary>${sourcesHTML(d.source)}</details></td>
${actions}</tr>`;
}

function tableHTML(days, year, admin) {
  const cols = ['ds_c_date', 'ds_c_kind', 'ds_c_name', 'ds_c_provisional', 'ds_c_source'].concat(admin ? ['ds_c_actions'] : []);
  const head = cols.map((k) => `<th scope="col">${esc(t(k))}</th>`).join('');
  const caption = t('ds_cal_caption', { year, n: days.length });
  if (!days.length) return `<p id="cal-empty">${esc(t('ds_cal_none', { year }))}</p>`;
  return tableWrap(caption, `<table class="data" id="cal-table"><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${days.map((d) => rowHTML(d, admin)).join('')}</tbody></table>`);
}

// ===== the forms =====

function dayFields(prefix, isNew) {
  return `<div class="edit-grid">
${isNew ? fieldHTML(prefix, 'date', t('ds_c_date'), '<input type="date" {attrs}>', { required: true }) : ''}
${fieldHTML(prefix, 'kind', t('ds_c_kind'), `<select {attrs}>${optionsHTML(CAL_KINDS, kindText, '', t('ds_choose'))}</select>`, { required: true, hint: t('ds_kind_hint') })}
${fieldHTML(prefix, 'name_vi', t('ds_l_name_vi'), '<input type="text" {attrs} lang="vi">', { required: true })}
${fieldHTML(prefix, 'name_en', t('ds_l_name_en'), '<input type="text" {attrs} lang="en">')}
${fieldHTML(prefix, 'name_ko', t('ds_l_name_ko'), '<input type="text" {attrs} lang="ko">')}
${fieldHTML(prefix, 'provisional', t('ds_c_provisional'), `<select {attrs}><option value="0">${esc(t('ds_official_day'))}</option><option value="1">${esc(t('ds_provisional'))}</option></select>`, { hint: t('ds_provisional_hint') })}
</div>
${sourceFieldsHTML(prefix)}`;
}

const DAY_COLS = ['kind', 'name_vi', 'name_en', 'name_ko', 'provisional'];

function formValue(form, col) {
  const v = form.elements[col].value;
  if (col === 'provisional') return Number(v);
  if (col.startsWith('name_')) return v.trim() || (col === 'name_vi' ? '' : null);
  return v || null;
}

// ===== the page =====

export async function render(main, ctx) {
  const frame = await settingsFrame(main, ctx, 'calendar', t('ds_cal_title'), t('ds_cal_intro'), () => render(main, ctx));
  if (!frame) return;
  const page = { main, ctx, admin: frame.admin, year: null, days: [], years: [] };
  const all = await apiCall('/api/v1/calendar');
  if (!ctx.alive()) return;
  const body = main.querySelector('#ds-body');
  if (!all.ok) {
    body.innerHTML = errorHTML(new Error(failureText(all)));
    return;
  }
  page.years = (all.body.years || []).map((y) => y.year);
  const asked = Number(readHash().get('year'));
  const provisional = (all.body.years || []).find((y) => y.calendar === 'provisional');
  page.year = asked >= 1000 && asked <= 9999 ? asked : provisional ? provisional.year : page.years[page.years.length - 1] || new Date().getFullYear();
  page.weekends = all.body.weekends;
  await loadYear(page);
}

function yearOptions(page) {
  const years = [...new Set([...page.years, page.year, page.years.length ? page.years[page.years.length - 1] + 1 : page.year + 1])].sort((a, b) => a - b);
  return years.map((y) => `<option value="${y}"${y === page.year ? ' selected' : ''}>${y}</option>`).join('');
}

async function loadYear(page, notice) {
  const { main, ctx } = page;
  const body = main.querySelector('#ds-body');
  const answer = await apiCall(`/api/v1/calendar?year=${page.year}`);
  if (!ctx.alive() || !body.isConnected) return;
  if (!answer.ok) {
    body.innerHTML = errorHTML(new Error(failureText(answer)));
    return;
  }
  writeHash(ctx, { year: page.year });
  page.days = answer.body.items || [];
  const state = ((answer.body.years || [])[0] || {}).calendar || 'unknown';
  page.state = state;
  const provisionalDays = page.days.filter((d) => d.provisional).length;
  const tools = page.admin
    ? `<div class="buttons" id="cal-buttons"><button type="button" id="cal-add">${esc(t('ds_cal_add'))}</button>${
        provisionalDays ? `<button type="button" class="secondary" id="cal-confirm">${esc(t('ds_cal_confirm', { year: page.year }))}</button>` : ''
      }</div><div id="cal-area"></div>`
    : '';
  body.innerHTML = `<form class="inline-filters" id="cal-year-form">
<div class="field"><label for="cal-year">${esc(t('ds_year'))}</label><select id="cal-year">${yearOptions(page)}</select></div>
</form>
<p id="cal-year-line">${esc(t('ds_year_is', { year: page.year }))} ${yearStateHTML(state)}</p>
<p class="note">${esc(t(`ds_year_${state}_note`))} ${esc(page.weekends || '')}</p>
${tools}
<div id="cal-list">${tableHTML(page.days, page.year, page.admin)}</div>`;
  body.querySelector('#cal-year').addEventListener('change', (e) => {
    page.year = Number(e.target.value);
    loadYear(page);
  });
  if (page.admin) {
    body.querySelector('#cal-add').addEventListener('click', () => openAdd(page));
    const confirm = body.querySelector('#cal-confirm');
    if (confirm) confirm.addEventListener('click', () => openConfirm(page));
    body.querySelector('#cal-list').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-action="edit"]');
      if (b) openEdit(page, b.dataset.date);
    });
  }
  if (notice) announce(main.querySelector('#ds-status'), notice);
}


function openAdd(page) {
  const form = showArea(page, 'cal', formShell('cal-new', t('ds_cal_add_title'), dayFields('cn', true), t('ds_cal_add_submit')), '#cal-add');
  form.elements.provisional.value = '0';
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const fields = { date: form.elements.date.value || null };
    for (const col of DAY_COLS) {
      const v = formValue(form, col);
      if (v !== null && v !== '') fields[col] = v;
    }
    const answer = await sendChange(form, 'cn', { path: '/api/v1/calendar_days', method: 'POST', fields, rowSource: true });
    if (!answer || !page.ctx.alive()) return;
    const year = Number(String(fields.date).slice(0, 4));
    if (year) page.year = year;
    if (!page.years.includes(page.year)) page.years.push(page.year);
    await loadYear(page, t('ds_cal_added', { date: fmtDate(fields.date) }));
  });
}

async function openEdit(page, date) {
  const row = await apiCall(`/api/v1/calendar_days/${encodeURIComponent(date)}`);
  if (!page.ctx.alive()) return;
  if (!row.ok) {
    announce(page.main.querySelector('#ds-status'), t('ze_error', { msg: failureText(row) }));
    return;
  }
  const back = `button[data-action="edit"][data-date="${CSS.escape(date)}"]`;
  const form = showArea(page, 'cal', formShell('cal-edit', t('ds_cal_edit_title', { date: fmtDate(date) }), dayFields('ce', false), t('ds_save')), back);
  const before = row.body;
  for (const col of DAY_COLS) form.elements[col].value = before[col] === null || before[col] === undefined ? '' : String(before[col]);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const fields = {};
    for (const col of DAY_COLS) {
      const v = formValue(form, col);
      const was = before[col] === undefined ? null : before[col];
      if (v !== was && !(v === '' && was === null)) fields[col] = v === '' ? null : v;
    }
    if (!Object.keys(fields).length) {
      sayAlert(form, `<p>${esc(t('ze_nothing'))}</p>`);
      return;
    }
    const answer = await sendChange(form, 'ce', { path: `/api/v1/calendar_days/${encodeURIComponent(date)}`, method: 'PATCH', fields, etag: row.etag });
    if (!answer || !page.ctx.alive()) return;
    await loadYear(page, t('ds_cal_saved', { date: fmtDate(date) }));
  });
}

// Confirming a year: each of its provisional days made official, one
// change each (with its own If-Match), on one source.
function openConfirm(page) {
  const days = page.days.filter((d) => d.provisional);
  const list = days.map((d) => `<li>${esc(fmtDate(d.date))}: ${esc(d.name || kindText(d.kind))}</li>`).join('');
  const inner = `<p>${esc(t('ds_cal_confirm_intro', { year: page.year, n: days.length }))}</p><ul>${list}</ul>${sourceFieldsHTML('cc')}`;
  const form = showArea(page, 'cal', formShell('cal-confirm-form', t('ds_cal_confirm', { year: page.year }), inner, t('ds_cal_confirm_submit')), '#cal-confirm');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    let done = 0;
    for (const d of days) {
      const path = `/api/v1/calendar_days/${encodeURIComponent(d.date)}`;
      const row = await apiCall(path);
      if (!page.ctx.alive() || !form.isConnected) return;
      if (!row.ok) {
        sayAlert(form, `<p>${esc(t('ze_error', { msg: failureText(row) }))}</p>`);
        break;
      }
      if (!row.body.provisional) continue;
      const answer = await sendChange(form, 'cc', { path, method: 'PATCH', fields: { provisional: 0 }, etag: row.etag });
      if (!answer) break;
      done++;
    }
    if (!page.ctx.alive()) return;
    if (done === days.length) await loadYear(page, t('ds_cal_confirmed', { year: page.year, n: done }));
  });
}
