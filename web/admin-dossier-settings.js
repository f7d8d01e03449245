// What the three pages of the dossiers' settings share (admin-calendar.js,
// admin-limits.js, admin-procedures.js): their tab bar, the heading and the
// intro, who may change what (everyone reads, as the API lets everyone
// read; only admins see the controls that write), the codes of procedures,
// steps and kinds in the page's language, and the forms' common end: the
// source of the change and the date it is as of, which every change needs,
// and the sending of a change with each problem the API finds shown next
// to its field.
import { t, lang, STRINGS } from './i18n.js';
import { esc } from './core.js';
import { loadIdentity } from './account.js';
import { ADMINS, allowed, followAccount, apiCall, failureText, problemsOf, fieldHTML, clearProblems, sayAlert, showProblems, whileBusy, focusLinks } from './staff.js';

export { PROCEDURES } from './dossier-common.js';
export const LOCATIONS = ['in_park', 'outside_park'];
export const PD_ROLES = ['receiving', 'consulted'];
export const DAY_KINDS = ['working', 'calendar'];
export const CAL_KINDS = ['holiday', 'day_off', 'compensatory', 'working_saturday', 'conditional'];
export const STEPS = ['total', 'full_dossier', 'send_for_opinions', 'consultation_opinion', 'appraisal_report', 'pc_decision', 'after_policy_decision'];

const TABS = [
  ['calendar', '/admin/calendar', 'ds_tab_calendar'],
  ['limits', '/admin/time-limits', 'ds_tab_limits'],
  ['procedures', '/admin/procedures', 'ds_tab_procedures'],
];

function has(key) {
  return STRINGS[lang()][key] !== undefined;
}

// A code shown by its string prefix_code, or as it is when the app has no
// string for it (a code added since).
export function codeText(prefix, v) {
  if (v === null || v === undefined || v === '') return t('unknown');
  return has(`${prefix}_${v}`) ? t(`${prefix}_${v}`) : String(v);
}

export const procText = (v) => codeText('proc', v);

export function optionsHTML(values, textOf, selected, empty) {
  const first = empty === undefined ? '' : `<option value="">${esc(empty)}</option>`;
  return first + values.map((v) => `<option value="${esc(v)}"${v === selected ? ' selected' : ''}>${esc(textOf(v))}</option>`).join('');
}

export function tabsHTML(current) {
  const items = TABS.map(([key, href, label]) => `<li><a href="${href}" data-tab="${key}"${key === current ? ' aria-current="page"' : ''}>${esc(t(label))}</a></li>`).join('');
  return `<nav class="settings-tabs" aria-label="${esc(t('ds_tabs'))}"><ul class="inline-list">${items}</ul></nav>`;
}

// Draws the page's frame (heading, tabs, intro, a line for messages and
// the place of its content, #ds-body) and resolves to {who, admin}; the
// page is drawn again when someone signs in or out.
export async function settingsFrame(main, ctx, key, title, intro, redraw) {
  const who = await loadIdentity();
  if (!ctx.alive()) return null;
  ctx.setTitle(title);
  followAccount(`settings-${key}`, ctx, () => redraw());
  const admin = allowed(who, ADMINS);
  const note = admin ? '' : `<p class="note" id="ds-read-only">${esc(t('ds_read_only'))}</p>`;
  main.innerHTML = `<h1 tabindex="-1">${esc(title)}</h1>
${tabsHTML(key)}
<p class="lead">${esc(intro)}</p>
${note}
<p id="ds-status" class="edit-status" role="status"></p>
<div id="ds-body"><p class="loading">${esc(t('loading'))}</p></div>`;
  return { who, admin };
}

// The fields every change ends with: its source (required) and the day it
// is as of (the day the text was published or announced).
export function sourceFieldsHTML(prefix) {
  return `<fieldset class="edit-group change-source"><legend>${esc(t('ds_change'))}</legend><div class="edit-grid">
${fieldHTML(prefix, 'source', t('ds_l_source'), '<input type="text" {attrs} autocomplete="off">', { required: true, wide: true, hint: t('ds_source_hint') })}
${fieldHTML(prefix, 'as_of', t('ds_l_as_of'), '<input type="date" {attrs}>', { hint: t('ds_as_of_hint') })}
</div></fieldset>`;
}

export function formShell(id, title, inner, submit) {
  return `<form id="${id}" class="edit-form" novalidate aria-labelledby="${id}-h">
<h2 id="${id}-h" tabindex="-1">${esc(title)}</h2>
<div class="edit-alert" id="${id}-alert" role="alert" tabindex="-1"></div>
${inner}
<div class="buttons"><button type="submit" id="${id}-submit">${esc(submit)}</button>
<button type="button" class="secondary form-close" id="${id}-close">${esc(t('ze_close'))}</button></div>
</form>`;
}

// Sends a change made in form (fields of prefix): {path, method, fields,
// etag}. The source is asked for before anything is sent; the API's
// problems are shown next to their fields. Resolves to the API's answer
// when it took the change, else null.
export async function sendChange(form, prefix, { path, method, fields, etag, rowSource }) {
  clearProblems(form);
  const source = form.elements.source.value.trim();
  const asOf = form.elements.as_of.value;
  if (!source) {
    showProblems(form, prefix, [{ param: 'source', detail: t('ds_need_source') }]);
    return null;
  }
  const body = { fields: rowSource ? { ...fields, source } : fields, source };
  if (asOf) body.as_of = asOf;
  const answer = await whileBusy(form, () => apiCall(path, { method, body, etag }));
  if (!answer || !form.isConnected) return null;
  if (answer.ok) return answer;
  if (answer.status === 412) {
    sayAlert(form, `<p>${esc(t('ds_stale'))}</p>`);
    return null;
  }
  if (answer.status === 400 || answer.status === 409 || answer.status === 404) {
    showProblems(form, prefix, problemsOf(answer));
    return null;
  }
  sayAlert(form, `<p>${esc(t('ze_error', { msg: failureText(answer) }))}</p>`);
  return null;
}

// A date of a date input, or null when empty.
export function dateOrNull(el) {
  return el.value === '' ? null : el.value;
}

// Shows a form (html) in the page's area #P-area in place of its buttons
// #P-buttons (P: prefix); its close button puts them back and the focus on
// back (a selector). Returns the form, its heading focused.
export function showArea(page, prefix, html, back) {
  const area = page.main.querySelector(`#${prefix}-area`);
  page.main.querySelector(`#${prefix}-buttons`).hidden = true;
  page.main.querySelector('#ds-status').textContent = '';
  area.innerHTML = html;
  const form = area.querySelector('form');
  focusLinks(form);
  form.querySelector('.form-close').addEventListener('click', () => closeArea(page, prefix, back));
  form.querySelector(`#${form.id}-h`).focus();
  return form;
}

// Takes the form away and puts the buttons back, the focus on back.
export function closeArea(page, prefix, back) {
  page.main.querySelector(`#${prefix}-area`).innerHTML = '';
  page.main.querySelector(`#${prefix}-buttons`).hidden = false;
  const el = back && page.main.querySelector(back);
  if (el) el.focus();
}
