// The admins' page of accounts (/admin/users): every user with their role,
// organisation, when they were added and last set a password, and whether
// they may sign in (GET /api/v1/users); adding one (POST /api/v1/users:
// name, display name, role, the organisation the role needs, the password
// typed twice); and, for each user, changing the role, resetting the
// password, disabling (which signs them out) or enabling again
// (PATCH /api/v1/users/{name}). What the page can tell before asking (a
// field left empty, two passwords that differ) and each problem the API
// finds are shown next to their field in the page's language; the API's
// refusal of an admin's own lockout (409) is shown as it words it.
import { t } from './i18n.js';
import { esc, tableWrap, errorHTML } from './core.js';
import { loadIdentity } from './account.js';
import {
  ADMINS,
  allowed,
  refusalHTML,
  followAccount,
  apiCall,
  failureText,
  problemsOf,
  fieldHTML,
  clearProblems,
  sayAlert,
  showProblems,
  focusLinks,
  whileBusy,
  announce,
  timeHTML,
} from './staff.js';

export const ROLES = ['admin', 'officer', 'department', 'investor', 'supplier', 'viewer'];

// The organisation a role belongs to: 'department', 'enterprise' or ''.
export function orgKind(role) {
  if (role === 'department') return 'department';
  if (role === 'investor' || role === 'supplier') return 'enterprise';
  return '';
}

function roleOptions(selected) {
  return `<option value="">${esc(t('us_choose_role'))}</option>${ROLES.map((r) => `<option value="${r}"${r === selected ? ' selected' : ''}>${esc(t(`role_${r}`))}</option>`).join('')}`;
}

// ===== the list =====

function stateHTML(u) {
  if (u.disabled) return `<span class="badge user-disabled">${esc(t('us_state_disabled'))}</span> ${timeHTML(u.disabled)}`;
  return `<span class="badge user-active">${esc(t('us_state_active'))}</span>`;
}

function rowHTML(u, me) {
  const name = esc(u.name);
  const self = u.name === me ? ` <span class="badge">${esc(t('us_you'))}</span>` : '';
  const toggle = u.disabled
    ? `<button type="button" class="secondary" data-action="enable" data-name="${name}" aria-label="${esc(`${t('us_enable')}: ${u.name}`)}">${esc(t('us_enable'))}</button>`
    : `<button type="button" class="secondary" data-action="disable" data-name="${name}" aria-label="${esc(`${t('us_disable')}: ${u.name}`)}">${esc(t('us_disable'))}</button>`;
  return `<tr data-name="${name}"${u.disabled ? ' class="disabled"' : ''}>
<th scope="row"><span class="user-name">${name}</span>${self}${u.display_name ? `<br><span class="muted">${esc(u.display_name)}</span>` : ''}</th>
<td class="role">${esc(t(`role_${u.role}`))}</td>
<td class="org">${u.org ? `<span class="code">${esc(u.org)}</span>` : '<span class="muted">—</span>'}</td>
<td>${timeHTML(u.created)}</td>
<td>${timeHTML(u.password_set)}</td>
<td class="state">${stateHTML(u)}</td>
<td class="actions"><div class="row-actions">
<button type="button" class="secondary" data-action="role" data-name="${name}" aria-label="${esc(`${t('us_role')}: ${u.name}`)}">${esc(t('us_role'))}</button>
<button type="button" class="secondary" data-action="password" data-name="${name}" aria-label="${esc(`${t('us_password')}: ${u.name}`)}">${esc(t('us_password'))}</button>
${toggle}</div></td>
</tr>`;
}

function tableHTML(users, me) {
  const head = ['us_c_user', 'us_c_role', 'us_c_org', 'us_c_created', 'us_c_password', 'us_c_state', 'us_c_actions'].map((k) => `<th scope="col">${esc(t(k))}</th>`).join('');
  const table = `<table class="data users" id="users-table"><caption>${esc(t('us_caption', { n: users.length }))}</caption><thead><tr>${head}</tr></thead><tbody>${users.map((u) => rowHTML(u, me)).join('')}</tbody></table>`;
  return tableWrap(t('us_caption', { n: users.length }), table);
}

// ===== the forms =====

function passwordFields(prefix) {
  return `${fieldHTML(prefix, 'password', t('us_l_password'), '<input type="password" {attrs} autocomplete="new-password">', { required: true, hint: t('us_password_hint') })}
${fieldHTML(prefix, 'password2', t('us_l_password2'), '<input type="password" {attrs} autocomplete="new-password">', { required: true })}`;
}

function orgField(prefix, role) {
  const kind = orgKind(role);
  return fieldHTML(prefix, 'org', t('us_l_org'), '<input type="text" {attrs} autocapitalize="none" spellcheck="false" autocomplete="off">', {
    required: true,
    hint: t(kind === 'enterprise' ? 'us_org_enterprise_hint' : 'us_org_department_hint'),
    hidden: !kind,
  });
}

function formShell(id, title, inner, submit) {
  return `<form id="${id}" class="edit-form" novalidate aria-labelledby="${id}-h">
<h2 id="${id}-h" tabindex="-1">${esc(title)}</h2>
<div class="edit-alert" id="${id}-alert" role="alert" tabindex="-1"></div>
${inner}
<div class="buttons"><button type="submit" id="${id}-submit">${esc(submit)}</button>
<button type="button" class="secondary form-close" id="${id}-close">${esc(t('ze_close'))}</button></div>
</form>`;
}

function addFormHTML() {
  return formShell(
    'user-add',
    t('us_add_title'),
    `<p class="note">${esc(t('us_add_intro'))}</p>
<div class="edit-grid">
${fieldHTML('un', 'name', t('us_l_name'), '<input type="text" {attrs} autocapitalize="none" spellcheck="false" autocomplete="off">', { required: true, hint: t('us_name_hint') })}
${fieldHTML('un', 'display_name', t('us_l_display_name'), '<input type="text" {attrs} autocomplete="off">')}
${fieldHTML('un', 'role', t('us_l_role'), `<select {attrs}>${roleOptions('')}</select>`, { required: true })}
${orgField('un', '')}
${passwordFields('un')}
</div>`,
    t('us_add_submit')
  );
}

function roleFormHTML(u) {
  return formShell(
    'user-role',
    t('us_role_title', { name: u.name }),
    `<div class="edit-grid">
${fieldHTML('ur', 'role', t('us_l_role'), `<select {attrs}>${roleOptions(u.role)}</select>`, { required: true })}
${orgField('ur', u.role)}
</div>`,
    t('us_role_submit')
  );
}

function passwordFormHTML(u) {
  return formShell('user-password', t('us_password_title', { name: u.name }), `<p class="note">${esc(t('us_password_intro'))}</p><div class="edit-grid">${passwordFields('up')}</div>`, t('us_password_submit'));
}

function disableFormHTML(u) {
  return `<form id="user-disable" class="confirm" novalidate aria-labelledby="user-disable-h">
<p id="user-disable-h" tabindex="-1">${esc(t('us_disable_confirm', { name: u.name }))}</p>
<div class="edit-alert" id="user-disable-alert" role="alert" tabindex="-1"></div>
<div class="buttons"><button type="submit" id="user-disable-submit">${esc(t('us_disable_yes'))}</button>
<button type="button" class="secondary form-close" id="user-disable-close">${esc(t('ze_cancel_no'))}</button></div>
</form>`;
}

// Shows the organisation's field only for a role that has one, with the
// hint of its kind.
function wireRole(form, prefix) {
  const role = form.elements.role;
  const update = () => {
    const kind = orgKind(role.value);
    const box = form.querySelector(`[data-field="org"]`);
    box.hidden = !kind;
    form.querySelector(`#${prefix}-org-hint`).textContent = t(kind === 'enterprise' ? 'us_org_enterprise_hint' : 'us_org_department_hint');
  };
  role.addEventListener('change', update);
  update();
}

// The problems the page finds before asking the API: required fields left
// empty, the two passwords differing.
function localProblems(form, names) {
  const out = [];
  const v = (n) => (form.elements[n] ? form.elements[n].value : '');
  if (names.includes('name') && !v('name').trim()) out.push({ param: 'name', detail: t('us_need_name') });
  if (names.includes('role') && !v('role')) out.push({ param: 'role', detail: t('us_need_role') });
  if (names.includes('role') && orgKind(v('role')) && !v('org').trim()) out.push({ param: 'org', detail: t(orgKind(v('role')) === 'enterprise' ? 'us_need_tax_code' : 'us_need_department') });
  if (names.includes('password')) {
    if (!v('password')) out.push({ param: 'password', detail: t('us_need_password') });
    else if (v('password') !== v('password2')) out.push({ param: 'password2', detail: t('us_password_mismatch') });
  }
  return out;
}

function doneText(name, done, role) {
  return done
    .map((d) => {
      if (d === 'role') return t('us_done_role', { name, role: t(`role_${role}`) });
      return t(`us_done_${d}`, { name });
    })
    .join(' ');
}

// ===== the page =====

export async function render(main, ctx) {
  const who = await loadIdentity();
  if (!ctx.alive()) return;
  ctx.setTitle(t('us_title'));
  followAccount('users', ctx, () => render(main, ctx));
  if (!allowed(who, ADMINS)) {
    main.innerHTML = refusalHTML(who, t('us_title'), ADMINS);
    return;
  }
  main.innerHTML = `<h1 tabindex="-1">${esc(t('us_title'))}</h1>
<p class="lead">${esc(t('us_intro'))}</p>
<p id="users-status" class="edit-status" role="status"></p>
<div class="buttons" id="users-buttons"><button type="button" id="user-new">${esc(t('us_add'))}</button></div>
<div id="user-area"></div>
<div id="users-list"><p class="loading">${esc(t('loading'))}</p></div>`;
  const page = { main, ctx, who, users: [], back: null };
  main.querySelector('#user-new').addEventListener('click', () => openForm(page, 'add', null));
  main.querySelector('#users-list').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-action]');
    if (!b) return;
    const u = page.users.find((x) => x.name === b.dataset.name);
    if (!u) return;
    if (b.dataset.action === 'enable') enable(page, u, b);
    else openForm(page, b.dataset.action, u);
  });
  await loadUsers(page);
}

async function loadUsers(page) {
  const box = page.main.querySelector('#users-list');
  const answer = await apiCall('/api/v1/users');
  if (!page.ctx.alive() || !box.isConnected) return false;
  if (!answer.ok) {
    box.innerHTML = errorHTML(new Error(failureText(answer)));
    return false;
  }
  page.users = answer.body.users || [];
  box.innerHTML = tableHTML(page.users, page.who.user);
  return true;
}

function focusBack(page, selector) {
  const el = page.main.querySelector(selector);
  if (el) el.focus();
}

function closeForm(page) {
  page.main.querySelector('#user-area').innerHTML = '';
  page.main.querySelector('#users-buttons').hidden = false;
  focusBack(page, page.back || '#user-new');
}

// After a write: the list read again, the form closed, the message said
// and the focus back where the action began.
async function finish(page, text) {
  await loadUsers(page);
  if (!page.ctx.alive()) return;
  page.main.querySelector('#user-area').innerHTML = '';
  page.main.querySelector('#users-buttons').hidden = false;
  announce(page.main.querySelector('#users-status'), text);
  focusBack(page, page.back || '#user-new');
}

function openForm(page, action, u) {
  const area = page.main.querySelector('#user-area');
  page.back = u ? `button[data-action="${action}"][data-name="${CSS.escape(u.name)}"]` : '#user-new';
  page.main.querySelector('#users-status').textContent = '';
  page.main.querySelector('#users-buttons').hidden = true;
  const html = { add: addFormHTML, role: roleFormHTML, password: passwordFormHTML, disable: disableFormHTML }[action](u);
  area.innerHTML = html;
  const form = area.querySelector('form');
  focusLinks(form);
  if (action === 'role' && u.org) form.elements.org.value = u.org;
  if (form.elements.role) wireRole(form, action === 'add' ? 'un' : 'ur');
  form.querySelector('.form-close').addEventListener('click', () => closeForm(page));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(page, action, form, u);
  });
  form.querySelector(`#${form.id}-h`).focus();
}

async function submit(page, action, form, u) {
  const prefix = { add: 'un', role: 'ur', password: 'up', disable: 'ud' }[action];
  clearProblems(form);
  const names = { add: ['name', 'role', 'password'], role: ['role'], password: ['password'], disable: [] }[action];
  const local = localProblems(form, names);
  if (local.length) return showProblems(form, prefix, local);
  const v = (n) => form.elements[n].value;
  let request;
  if (action === 'add') {
    const body = { name: v('name').trim(), role: v('role'), password: v('password') };
    if (v('display_name').trim()) body.display_name = v('display_name').trim();
    if (orgKind(body.role)) body.org = v('org').trim();
    request = { path: '/api/v1/users', method: 'POST', body };
  } else {
    const body = action === 'role' ? { role: v('role'), org: orgKind(v('role')) ? v('org').trim() : null } : action === 'password' ? { password: v('password') } : { disabled: true };
    request = { path: `/api/v1/users/${encodeURIComponent(u.name)}`, method: 'PATCH', body };
  }
  const answer = await whileBusy(form, () => apiCall(request.path, { method: request.method, body: request.body }));
  if (!answer || !page.ctx.alive() || !form.isConnected) return;
  if (answer.ok) {
    for (const el of form.querySelectorAll('input[type="password"]')) el.value = '';
    const name = (answer.body && answer.body.name) || request.body.name;
    const done = (answer.body && answer.body.done) || [];
    if (action === 'add') page.back = null;
    if (action === 'disable') page.back = `button[data-action="enable"][data-name="${CSS.escape(u.name)}"]`;
    return finish(page, doneText(name, done, request.body.role));
  }
  if (answer.status === 400 || answer.status === 409 || answer.status === 404) return showProblems(form, prefix, problemsOf(answer));
  sayAlert(form, `<p>${esc(t('ze_error', { msg: failureText(answer) }))}</p>`);
}

// Lets a disabled user sign in again (no question: nothing is lost).
async function enable(page, u, button) {
  if (button.getAttribute('aria-disabled') === 'true') return;
  button.setAttribute('aria-disabled', 'true');
  page.back = `button[data-action="disable"][data-name="${CSS.escape(u.name)}"]`;
  const answer = await apiCall(`/api/v1/users/${encodeURIComponent(u.name)}`, { method: 'PATCH', body: { disabled: false } });
  if (!page.ctx.alive()) return;
  button.removeAttribute('aria-disabled');
  if (answer.ok) return finish(page, doneText(u.name, answer.body.done || [], null));
  announce(page.main.querySelector('#users-status'), t('ze_error', { msg: failureText(answer) }));
}
