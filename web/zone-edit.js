// Editing zones, for a signed-in officer or admin only (viewers and
// visitors never see these controls; the API refuses them anyway):
//  - on a zone's page, the officers' tools: "Edit zone", a form with every
//    column of the zone that sends only the fields changed, with If-Match,
//    and "Mark cancelled" after a confirmation (zones are never deleted);
//  - on the finder, "New zone", a short form that POSTs and goes to the
//    new zone's page.
// Every problem the API finds is shown next to its field, in the page's
// language (the API words it; the page asks with ?lang=). A change made by
// someone else since the zone was read (412) is said plainly, with a
// button that reloads the current values; what the officer typed is then
// listed, never kept in the fields silently.
//
// Also the zone's columns as people read them (labels, values), which the
// history (zone-history.js) shares.
import { t, lang, fmtNum, fmtMeasure, fmtDate, STRINGS } from './i18n.js';
import { esc, byName, nameText, placeText } from './core.js';
import { loadIdentity } from './account.js';

// ===== the zone's columns: how each is entered and shown =====

// Each group of the edit form: its title, and its columns with their
// control: text, long (several lines), num, year, date, enum, bool, zone
// (another zone), district or commune (an administrative unit).
const EDIT_GROUPS = [
  [
    'z_sec_general',
    [
      ['name_vi', 'text'],
      ['name_en', 'text'],
      ['name_ko', 'text'],
      ['kind', 'enum'],
      ['status', 'enum'],
      ['group_code', 'zone'],
      ['unit_code', 'district'],
      ['commune', 'commune'],
      ['planned_year', 'year'],
      ['established_on', 'date'],
      ['developer', 'text'],
    ],
  ],
  [
    'z_sec_land',
    [
      ['total_ha', 'num'],
      ['industrial_ha', 'num'],
      ['leased_ha', 'num'],
      ['occupancy_reported_pct', 'num'],
      ['lease_usd_m2', 'num'],
      ['lease_until', 'date'],
    ],
  ],
  ['z_sec_location', [['lat', 'num'], ['lon', 'num'], ['position', 'enum'], ['km_hcmc', 'num'], ['km_port', 'num']]],
  ['z_sec_infra', [['wwtp_m3_day', 'num'], ['power_mva', 'num'], ['water_m3_day', 'num'], ['infra_complete', 'bool']]],
  ['z_sec_other', [['sectors', 'text'], ['tenants', 'long'], ['as_of', 'date'], ['as_of_precision', 'enum'], ['confidence', 'enum']]],
  [
    'ze_sec_texts',
    [
      ['summary', 'long'],
      ['summary_vi', 'long'],
      ['summary_ko', 'long'],
      ['confidence_note', 'long'],
      ['confidence_note_vi', 'long'],
      ['confidence_note_ko', 'long'],
      ['note', 'long'],
      ['source', 'long'],
      ['provenance', 'long'],
    ],
  ],
];

const CONTROL = new Map([['code', 'text'], ...EDIT_GROUPS.flatMap(([, cols]) => cols)]);

// The measure unit of each figure (the keys u_* of i18n.js).
const UNITS = {
  total_ha: 'ha',
  industrial_ha: 'ha',
  leased_ha: 'ha',
  occupancy_reported_pct: 'pct',
  lease_usd_m2: 'usd_m2',
  km_hcmc: 'km',
  km_port: 'km',
  wwtp_m3_day: 'm3_day',
  power_mva: 'mva',
  water_m3_day: 'm3_day',
};

const ENUMS = {
  kind: ['kcn', 'ccn', 'hitech', 'logistics', 'economic', 'port'],
  status: ['planned', 'approved', 'building', 'operating', 'cancelled'],
  position: ['surveyed', 'approximate', 'area_centre'],
  confidence: ['high', 'medium', 'low'],
  as_of_precision: ['day', 'month', 'year'],
};

const HINTS = { code: 'ze_code_hint', sectors: 'ze_sectors_hint', provenance: 'ze_provenance_hint' };

// The language a column's text is written in ('' when it is not a text of
// one language): the keepers write summary, note and confidence_note in English.
function textLang(col) {
  const m = /_(vi|en|ko)$/.exec(col);
  if (m) return m[1];
  return col === 'summary' || col === 'note' || col === 'confidence_note' ? 'en' : '';
}

function has(key) {
  return STRINGS[lang()][key] !== undefined;
}

// The label of a column, as the zone's page names it (its code when the
// app has no label for it).
export function fieldLabel(col) {
  return has(`field_${col}`) ? t(`field_${col}`) : col;
}

function enumLabel(col, v) {
  if (col === 'as_of_precision') return t(v === 'day' ? 'ze_prec_day' : `prec_${v}`);
  return has(`${col}_${v}`) ? t(`${col}_${v}`) : String(v);
}

// A value of a column as plain text in the page's language: numbers with
// their unit, enums and yes/no translated, dates as the language writes
// them, unknown for null.
export function valueText(col, v) {
  if (v === null || v === undefined || v === '') return t('unknown');
  const control = CONTROL.get(col);
  if (control === 'enum') return enumLabel(col, v);
  if (control === 'bool') return v === true || v === 1 || v === '1' ? t('yes') : t('no');
  if (control === 'num' && typeof v === 'number') return UNITS[col] ? fmtMeasure(v, UNITS[col], 6) : fmtNum(v, 6);
  if (control === 'date') return fmtDate(String(v));
  return String(v);
}

// The same as HTML, marked with the language of the text where it has one.
export function valueHTML(col, v) {
  if (v === null || v === undefined || v === '') return `<span class="unknown">${esc(t('unknown'))}</span>`;
  const l = textLang(col);
  return l ? `<span lang="${l}">${esc(valueText(col, v))}</span>` : esc(valueText(col, v));
}

export function canEdit(who) {
  return !!(who && who.signed_in && (who.role === 'officer' || who.role === 'admin'));
}

// ===== the controls of the forms =====

function option(value, text) {
  return `<option value="${esc(value)}">${esc(text)}</option>`;
}

function selectOptions(col, control, look) {
  if (control === 'enum') return option('', col === 'status' ? t('status_none') : t('unknown')) + ENUMS[col].map((v) => option(v, enumLabel(col, v))).join('');
  if (control === 'bool') return option('', t('unknown')) + option('1', t('yes')) + option('0', t('no'));
  if (control === 'zone') {
    const zones = byName(look.zones.filter((z) => z.code !== look.self));
    return option('', t('ze_none')) + zones.map((z) => option(z.code, `${nameText(z)} · ${z.code}`)).join('');
  }
  const level = control === 'district' ? 'district' : 'commune';
  const units = byName(look.units.filter((u) => u.level === level));
  return option('', t('unknown')) + units.map((u) => option(u.code, `${placeText(u)} · ${u.code}`)).join('');
}

function inputHTML(control, attrs, col, look) {
  if (control === 'long') return `<textarea ${attrs} rows="3"></textarea>`;
  if (control === 'num') return `<input type="number" step="any" inputmode="decimal" ${attrs}>`;
  if (control === 'year') return `<input type="number" step="1" inputmode="numeric" ${attrs}>`;
  if (control === 'date') return `<input type="date" ${attrs}>`;
  if (control === 'text') return `<input type="text" ${attrs}${col === 'code' || col === 'sectors' ? ' autocapitalize="none" spellcheck="false"' : ''}>`;
  return `<select ${attrs}>${selectOptions(col, control, look)}</select>`;
}

// One column as a labelled control, with its hint and the place of its
// problem (#prefix-col-err). The values are set afterwards (fillForm).
function fieldHTML(col, look, prefix, required) {
  const control = CONTROL.get(col);
  const id = `${prefix}-${col}`;
  const unit = UNITS[col] ? ` (${t(`u_${UNITS[col]}`)})` : '';
  const req = required ? ` <span class="req">${esc(t('ze_required'))}</span>` : '';
  const hint = HINTS[col] ? `<p class="hint" id="${id}-hint">${esc(t(HINTS[col]))}</p>` : '';
  const l = textLang(col);
  const attrs = `id="${id}" name="${col}"${hint ? ` aria-describedby="${id}-hint"` : ''}${required ? ' aria-required="true"' : ''}${l ? ` lang="${l}"` : ''}`;
  return `<div class="field${control === 'long' ? ' wide' : ''}" data-col="${col}"><label for="${id}">${esc(fieldLabel(col) + unit)}${req}</label>
${inputHTML(control, attrs, col, look)}${hint}<p class="field-error" id="${id}-err"></p></div>`;
}

// Where the change comes from and the date its figures are as of: not
// columns of the zone but of the change (the audit trail keeps them).
function changeSourceHTML(prefix, sources) {
  const list = sources && sources.size ? `<datalist id="${prefix}-sources">${[...sources.keys()].map((c) => `<option value="${esc(c)}"></option>`).join('')}</datalist>` : '';
  return `<fieldset class="edit-group change-source"><legend>${esc(t('ze_sec_change'))}</legend><div class="edit-grid">
<div class="field wide"><label for="${prefix}-change_source">${esc(t('ze_change_source'))}</label>
<input type="text" id="${prefix}-change_source" name="change_source" aria-describedby="${prefix}-change_source-hint"${list ? ` list="${prefix}-sources"` : ''}>${list}
<p class="hint" id="${prefix}-change_source-hint">${esc(t('ze_change_source_hint'))}</p><p class="field-error" id="${prefix}-change_source-err"></p></div>
<div class="field"><label for="${prefix}-change_as_of">${esc(t('ze_change_as_of'))}</label>
<input type="date" id="${prefix}-change_as_of" name="change_as_of" aria-describedby="${prefix}-change_as_of-hint">
<p class="hint" id="${prefix}-change_as_of-hint">${esc(t('ze_change_as_of_hint'))}</p><p class="field-error" id="${prefix}-change_as_of-err"></p></div>
</div></fieldset>`;
}

// A value as the control holds it.
function toControl(control, v) {
  if (v === null || v === undefined) return '';
  if (control === 'bool') return v === true || v === 1 ? '1' : '0';
  return String(v);
}

// Sets each control of form to the zone's value; a select gains an
// option for a value it does not list, so that nothing shows wrong.
function fillForm(form, zone) {
  for (const el of form.querySelectorAll('[name]')) {
    const control = CONTROL.get(el.name);
    if (!control) continue;
    const v = toControl(control, zone[el.name]);
    if (el.tagName === 'SELECT' && v !== '' && ![...el.options].some((o) => o.value === v)) el.insertAdjacentHTML('beforeend', option(v, v));
    el.value = v;
  }
}

const BAD = Symbol('bad input');

// The value a control holds, as the API takes it (null: unknown).
function fromControl(control, el) {
  if (control === 'num' || control === 'year') {
    if (el.value === '') return el.validity && el.validity.badInput ? BAD : null;
    return Number(el.value);
  }
  if (control === 'bool') return el.value === '' ? null : el.value === '1';
  if (control === 'text' || control === 'long') return el.value.trim() || null;
  return el.value === '' ? null : el.value;
}

function same(control, a, b) {
  const norm = (v) => (v === undefined || v === '' ? null : control === 'bool' && v !== null ? v === true || v === 1 : v);
  return norm(a) === norm(b);
}

// The columns of form whose value differs from zone's ({} for a new zone):
// {fields, problems} (problems: numbers the browser could not read).
function changedFields(form, zone) {
  const fields = {};
  const problems = [];
  for (const el of form.querySelectorAll('[name]')) {
    const control = CONTROL.get(el.name);
    if (!control) continue;
    const before = zone[el.name];
    // a text left as it was is unchanged, even with spaces around it
    if ((control === 'text' || control === 'long') && el.value === (before === null || before === undefined ? '' : String(before))) continue;
    const v = fromControl(control, el);
    if (v === BAD) problems.push({ param: el.name, detail: t('ze_not_number') });
    else if (!same(control, v, before)) fields[el.name] = v;
  }
  return { fields, problems };
}

// The change's source and date, as the body of a PATCH or POST takes them.
function changeNote(form) {
  const out = {};
  const source = form.elements.change_source.value.trim();
  const asOf = form.elements.change_as_of.value;
  if (source) out.source = source;
  if (asOf) out.as_of = asOf;
  return out;
}

// ===== problems next to their fields =====

// The rules the API gives to the change's own source and as_of (the zone
// also has columns called source and as_of).
const CHANGE_RULES = new Set(['source_needed', 'source_text', 'as_of_needed', 'as_of_future', 'as_of_date']);

function controlOf(form, problem, sent) {
  const p = problem.param;
  if (!p) return null;
  if ((p === 'source' || p === 'as_of') && (CHANGE_RULES.has(problem.rule) || !sent.has(p))) return form.elements[`change_${p}`] || null;
  const el = form.elements[p];
  return el && el.id ? el : null;
}

// Points the control's aria-describedby at its hint and, while it has
// one, its problem.
function describe(el, withError) {
  const ids = [];
  if (el.form.querySelector(`#${el.id}-hint`)) ids.push(`${el.id}-hint`);
  if (withError) ids.push(`${el.id}-err`);
  if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
  else el.removeAttribute('aria-describedby');
}

function clearProblems(form) {
  for (const p of form.querySelectorAll('.field-error')) p.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    describe(el, false);
  }
  form.querySelector('.edit-alert').innerHTML = '';
}

// Shows each problem next to its field and all of them above the form,
// each linked to its field; focus goes to that list.
function showProblems(form, problems, sent) {
  const items = problems.map((p) => {
    const el = controlOf(form, p, sent);
    if (!el) return `<li>${esc(p.detail)}</li>`;
    form.querySelector(`#${el.id}-err`).textContent = p.detail;
    el.setAttribute('aria-invalid', 'true');
    describe(el, true);
    const label = form.querySelector(`label[for="${el.id}"]`);
    return `<li><a href="#${esc(el.id)}" data-focus="${esc(el.id)}">${esc(label ? label.textContent : p.param)}: ${esc(p.detail)}</a></li>`;
  });
  sayAlert(form, `<p>${esc(t('ze_errors', { n: problems.length }))}</p><ul>${items.join('')}</ul>`);
}

function sayAlert(form, html) {
  const box = form.querySelector('.edit-alert');
  box.innerHTML = html;
  box.focus();
}

// The problems of an API answer: each field's, else its one detail.
function problemsOf(answer) {
  const b = answer.body || {};
  if (Array.isArray(b.errors) && b.errors.length) return b.errors;
  return [{ param: b.param, detail: b.detail || `HTTP ${answer.status}`, rule: b.rule }];
}

// ===== talking to the API =====

// Sends body to the API (method POST or PATCH) in the page's language;
// resolves to {ok, status, body, etag}; rejects when the server cannot be
// reached.
async function send(method, path, body, etag) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (etag) headers['If-Match'] = etag;
  const r = await fetch(`${path}?lang=${lang()}`, { method, headers, body: JSON.stringify(body) });
  return { ok: r.ok, status: r.status, body: await r.json().catch(() => null), etag: r.headers.get('ETag') };
}

function zonePath(code) {
  return `/api/v1/zones/${encodeURIComponent(code)}`;
}

// Marks form busy while fn runs; resolves to fn's answer, or to
// {error: message} when the server could not be reached.
async function whileBusy(form, fn) {
  const button = form.querySelector('button[type="submit"], .confirm-yes');
  form.setAttribute('aria-busy', 'true');
  if (button) button.setAttribute('aria-disabled', 'true');
  try {
    return await fn();
  } catch (e) {
    return { error: e.message || String(e) };
  } finally {
    form.removeAttribute('aria-busy');
    if (button) button.removeAttribute('aria-disabled');
  }
}

function savedNotice(answer) {
  const changed = (answer.body && answer.body.changed) || [];
  if (!changed.length) return t('ze_saved_none');
  return t('ze_saved', { fields: changed.map(fieldLabel).join(t('list_sep')) });
}

// ===== a zone's page: the officers' tools =====

function toolsHTML(zone) {
  const cancel = zone.status === 'cancelled' ? '' : `<button type="button" id="ze-cancel-zone" class="secondary">${esc(t('ze_cancel_zone'))}</button>`;
  return `<div class="zone-tools" role="region" aria-label="${esc(t('ze_tools'))}">
<div class="buttons" id="ze-buttons"><button type="button" id="ze-edit">${esc(t('ze_edit'))}</button>${cancel}</div>
<p id="ze-status" class="edit-status" role="status"></p>
<div id="ze-area"></div>
</div>`;
}

// What the officer typed and was not saved, listed above the form.
function unsavedHTML(typed) {
  if (!typed) return '';
  const items = Object.entries(typed.fields).map(([col, v]) => `<li>${esc(fieldLabel(col))}: ${valueHTML(col, v)}</li>`);
  if (typed.source) items.push(`<li>${esc(t('ze_change_source'))}: ${esc(typed.source)}</li>`);
  if (typed.as_of) items.push(`<li>${esc(t('ze_change_as_of'))}: ${esc(fmtDate(typed.as_of))}</li>`);
  return `<div class="unsaved" id="ze-unsaved"><p>${esc(t('ze_unsaved'))}</p><ul>${items.join('')}</ul></div>`;
}

function editFormHTML(page, typed) {
  const look = { units: page.units, zones: page.zones, self: page.zone.code };
  const groups = EDIT_GROUPS.map(
    ([title, cols]) => `<fieldset class="edit-group"><legend>${esc(t(title))}</legend><div class="edit-grid">
${cols.map(([col]) => fieldHTML(col, look, 'zf', col === 'name_vi' || col === 'kind')).join('\n')}</div></fieldset>`
  ).join('\n');
  return `<form id="zone-edit-form" class="edit-form" novalidate aria-labelledby="ze-title">
<h2 id="ze-title" tabindex="-1">${esc(t('ze_form_title', { name: nameText(page.zone) }))}</h2>
<p class="note">${esc(t('ze_form_intro'))}</p>
${unsavedHTML(typed)}<div class="edit-alert" id="ze-alert" role="alert" tabindex="-1"></div>
${groups}
${changeSourceHTML('zf', page.sources)}
<div class="buttons"><button type="submit" id="ze-save">${esc(t('ze_save'))}</button>
<button type="button" id="ze-close" class="secondary">${esc(t('ze_close'))}</button></div>
</form>`;
}

// Shows or hides the tools' buttons (hidden while a form is open, so
// that one thing is done at a time).
function showButtons(box, shown) {
  box.querySelector('#ze-buttons').hidden = !shown;
}

function closeArea(box, focusId) {
  box.querySelector('#ze-area').innerHTML = '';
  showButtons(box, true);
  const b = box.querySelector(`#${focusId}`) || box.querySelector('#ze-edit');
  if (b) b.focus();
}

// Links of a list of problems move the focus to their field.
function focusLinks(form) {
  form.querySelector('.edit-alert').addEventListener('click', (e) => {
    const a = e.target.closest('a[data-focus]');
    if (!a) return;
    e.preventDefault();
    const el = form.querySelector(`#${a.dataset.focus}`);
    if (el) el.focus();
  });
}

// The answer 412: the zone changed since it was read. Nothing was saved;
// the button reloads the zone and opens the form again with its current
// values, listing what was typed (typed; null after a cancellation).
function showStale(form, page, typed) {
  const save = form.querySelector('#ze-save, .confirm-yes');
  if (save) save.hidden = true;
  sayAlert(form, `<p>${esc(t('ze_stale'))}</p><div class="buttons"><button type="button" id="ze-reload">${esc(t('ze_reload'))}</button></div>`);
  form.querySelector('#ze-reload').addEventListener('click', () => page.refresh(typed ? { reopen: typed } : { focus: 'ze-edit' }));
}

async function saveEdit(form, page) {
  if (form.getAttribute('aria-busy') === 'true') return;
  clearProblems(form);
  const { fields, problems } = changedFields(form, page.zone);
  const sent = new Set(Object.keys(fields));
  if (problems.length) return showProblems(form, problems, sent);
  if (!sent.size) return sayAlert(form, `<p>${esc(t('ze_nothing'))}</p>`);
  const body = { fields, ...changeNote(form) };
  const answer = await whileBusy(form, () => send('PATCH', zonePath(page.zone.code), body, page.etag));
  if (!page.alive()) return;
  if (answer.ok) return page.refresh({ notice: savedNotice(answer), focus: 'ze-edit' });
  if (answer.status === 412) return showStale(form, page, body);
  if (answer.status === 400) return showProblems(form, problemsOf(answer), sent);
  sayAlert(form, `<p>${esc(t('ze_error', { msg: answer.error || problemsOf(answer)[0].detail }))}</p>`);
}

function openEditForm(box, page, typed) {
  const area = box.querySelector('#ze-area');
  showButtons(box, false);
  area.innerHTML = editFormHTML(page, typed);
  const form = area.querySelector('form');
  fillForm(form, page.zone);
  focusLinks(form);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    saveEdit(form, page);
  });
  form.querySelector('#ze-close').addEventListener('click', () => closeArea(box, 'ze-edit'));
  form.querySelector('#ze-title').focus();
}

// "Mark cancelled": a confirmation, then PATCH status=cancelled.
function openCancel(box, page) {
  const area = box.querySelector('#ze-area');
  showButtons(box, false);
  area.innerHTML = `<form class="confirm" id="ze-confirm" aria-labelledby="ze-confirm-text" novalidate>
<p id="ze-confirm-text" tabindex="-1">${esc(t('ze_cancel_confirm', { name: nameText(page.zone) }))}</p>
<div class="edit-alert" id="ze-alert" role="alert" tabindex="-1"></div>
<div class="buttons"><button type="submit" id="ze-cancel-yes" class="confirm-yes">${esc(t('ze_cancel_yes'))}</button>
<button type="button" id="ze-cancel-no" class="secondary">${esc(t('ze_cancel_no'))}</button></div>
</form>`;
  const form = area.querySelector('form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (form.getAttribute('aria-busy') === 'true') return;
    const body = { fields: { status: 'cancelled' } };
    const answer = await whileBusy(form, () => send('PATCH', zonePath(page.zone.code), body, page.etag));
    if (!page.alive()) return;
    if (answer.ok) return page.refresh({ notice: t('ze_cancelled_done'), focus: 'ze-edit' });
    if (answer.status === 412) return showStale(form, page, null);
    sayAlert(form, `<p>${esc(t('ze_error', { msg: answer.error || problemsOf(answer)[0].detail }))}</p>`);
  });
  form.querySelector('#ze-cancel-no').addEventListener('click', () => closeArea(box, 'ze-cancel-zone'));
  form.querySelector('#ze-confirm-text').focus();
}

// What the page asked for after it was drawn again: a message to
// announce, a button to focus, the form to open again.
function afterRefresh(box, page) {
  const after = page.after || {};
  if (after.reopen) return openEditForm(box, page, after.reopen);
  if (after.focus) {
    const b = box.querySelector(`#${after.focus}`);
    if (b) b.focus();
  }
  // put in the live region once it is in place, so that it is announced
  if (after.notice) setTimeout(() => (box.querySelector('#ze-status').textContent = after.notice), 50);
}

// What an officer had typed in the open edit form when the page was drawn
// again without saving it (a change of language draws every page anew):
// {code, version, values by control id}. The form opens again with those
// values when the same zone, unchanged since, is drawn next, so that a
// language switch loses nothing typed; a zone changed meanwhile is not
// refilled (the values were typed over another version).
let kept = null;

// The row's version: the part of its ETag before "." ("VERSION.HASH"); the
// hash differs between languages, the version only when the row changes.
function versionOf(etag) {
  return String(etag || '').replace(/"/g, '').split('.')[0];
}

function formValues(form) {
  const values = {};
  for (const el of form.elements) if (el.id) values[el.id] = el.type === 'checkbox' ? el.checked : el.value;
  return values;
}

function restoreValues(form, values) {
  for (const el of form.elements) {
    if (!el.id || !(el.id in values)) continue;
    if (el.type === 'checkbox') el.checked = values[el.id];
    else el.value = values[el.id];
  }
}

// Draws the officers' tools in box for an officer or admin (nothing for
// anyone else), following sign-ins and sign-outs. page: {zone, etag,
// units, zones, sources, after, alive(), refresh(after)}. Returns the
// function that stops following them.
export function mountZoneTools(box, page) {
  let gone = false;
  let first = true;
  const draw = (who) => {
    if (gone || !page.alive()) return;
    box.innerHTML = canEdit(who) ? toolsHTML(page.zone) : '';
    if (!canEdit(who)) return;
    box.querySelector('#ze-edit').addEventListener('click', () => openEditForm(box, page, null));
    const cancel = box.querySelector('#ze-cancel-zone');
    if (cancel) cancel.addEventListener('click', () => openCancel(box, page));
    if (first) {
      const k = kept;
      kept = null;
      const reopen = page.after && page.after.reopen;
      if (k && !reopen && k.code === page.zone.code && k.version === versionOf(page.etag)) {
        openEditForm(box, page, null);
        restoreValues(box.querySelector('#zone-edit-form'), k.values);
      } else afterRefresh(box, page);
    }
    first = false;
  };
  const onAccount = (e) => draw(e.detail);
  window.addEventListener('khu:account', onAccount);
  loadIdentity().then(draw);
  return () => {
    const form = !gone && box.querySelector('#zone-edit-form');
    kept = form ? { code: page.zone.code, version: versionOf(page.etag), values: formValues(form) } : null;
    gone = true;
    window.removeEventListener('khu:account', onAccount);
  };
}

// ===== the finder: a new zone =====

const NEW_COLS = ['code', 'kind', 'name_vi', 'name_en', 'name_ko', 'status', 'unit_code', 'commune', 'total_ha'];
const NEW_REQUIRED = new Set(['code', 'kind', 'name_vi']);

function newFormHTML(look) {
  return `<form id="zone-new-form" class="edit-form" novalidate aria-labelledby="zn-title">
<h2 id="zn-title" tabindex="-1">${esc(t('ze_new'))}</h2>
<p class="note">${esc(t('ze_new_intro'))}</p>
<div class="edit-alert" id="zn-alert" role="alert" tabindex="-1"></div>
<fieldset class="edit-group"><legend>${esc(t('z_sec_general'))}</legend><div class="edit-grid">
${NEW_COLS.map((col) => fieldHTML(col, look, 'zn', NEW_REQUIRED.has(col))).join('\n')}</div></fieldset>
${changeSourceHTML('zn', null)}
<div class="buttons"><button type="submit" id="zn-create">${esc(t('ze_create'))}</button>
<button type="button" id="zn-close" class="secondary">${esc(t('ze_close'))}</button></div>
</form>`;
}

async function createZone(form, ctx) {
  if (form.getAttribute('aria-busy') === 'true') return;
  clearProblems(form);
  const { fields, problems } = changedFields(form, {});
  const sent = new Set(Object.keys(fields));
  if (problems.length) return showProblems(form, problems, sent);
  const answer = await whileBusy(form, () => send('POST', '/api/v1/zones', { fields, ...changeNote(form) }));
  if (!ctx.alive()) return;
  if (answer.ok) return ctx.navigate(`/zones/${encodeURIComponent((answer.body && answer.body.key) || fields.code)}`);
  if (answer.status === 400 || answer.status === 409) return showProblems(form, problemsOf(answer), sent);
  sayAlert(form, `<p>${esc(t('ze_error', { msg: answer.error || problemsOf(answer)[0].detail }))}</p>`);
}

function drawNewZone(box, ctx, look) {
  box.innerHTML = `<div class="buttons"><button type="button" id="ze-new" class="secondary">${esc(t('ze_new'))}</button></div><div id="zn-area"></div>`;
  const button = box.querySelector('#ze-new');
  button.addEventListener('click', () => {
    button.hidden = true;
    const area = box.querySelector('#zn-area');
    area.innerHTML = newFormHTML(look);
    const form = area.querySelector('form');
    focusLinks(form);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      createZone(form, ctx);
    });
    form.querySelector('#zn-close').addEventListener('click', () => {
      area.innerHTML = '';
      button.hidden = false;
      button.focus();
    });
    form.querySelector('#zn-title').focus();
  });
}

// Draws "New zone" in box for an officer or admin (nothing for anyone
// else), following sign-ins and sign-outs while ctx's page is shown.
// look: {units, zones} (rows).
export function mountNewZone(box, ctx, look) {
  const draw = (who) => {
    if (!ctx.alive()) return;
    if (canEdit(who)) drawNewZone(box, ctx, { ...look, self: null });
    else box.innerHTML = '';
  };
  const onAccount = (e) => draw(e.detail);
  window.addEventListener('khu:account', onAccount);
  ctx.onLeave(() => window.removeEventListener('khu:account', onAccount));
  loadIdentity().then(draw);
}
