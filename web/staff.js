// What the officers' and admins' pages share (inbox.js, users.js,
// audit.js): who may open each, the page a visitor sees who may not (sign
// in, or not allowed, never a broken page), the API's JSON asked in the
// page's language and never from a cache, each problem of an answer next
// to its field, and times in the reader's time zone.
import { t, lang, LOCALES } from './i18n.js';
import { esc } from './core.js';
import { loadIdentity, reloadIdentity, signInHref, roleText } from './account.js';

export const STAFF = ['admin', 'officer'];
export const ADMINS = ['admin'];

export function allowed(who, roles) {
  return !!(who && who.signed_in && roles.includes(who.role));
}

// The page for a visitor who may not use it: a link to sign in when
// nobody is signed in, else the role that may not and the roles that may.
export function refusalHTML(who, title, roles) {
  const body =
    who && who.signed_in
      ? `<p id="staff-refused">${esc(t('adm_not_allowed', { role: roleText(who), roles: roles.map((r) => t(`role_${r}`)).join(t('list_sep')) }))}</p>
<p><a href="/">${esc(t('adm_go_home'))}</a></p>`
      : `<p id="staff-signed-out">${esc(t('adm_sign_in_needed', { roles: roles.map((r) => t(`role_${r}`)).join(t('list_sep')) }))}</p>
<p><a id="staff-sign-in" class="button" href="${esc(signInHref())}">${esc(t('account_sign_in'))}</a></p>`;
  return `<h1 tabindex="-1">${esc(title)}</h1>
<div class="staff-refusal" role="status">${body}</div>`;
}

// The start of a page for roles (key: the page's name): its title, and
// redraw() called when someone signs in or out. Resolves to who is signed
// in when of one of roles; otherwise draws the refusal, then more (HTML),
// and resolves to null.
export async function pageFor(main, ctx, key, title, roles, redraw, more = '') {
  const who = await loadIdentity();
  if (!ctx.alive()) return null;
  ctx.setTitle(title);
  followAccount(key, ctx, redraw);
  if (allowed(who, roles)) return who;
  main.innerHTML = `${refusalHTML(who, title, roles)}${more}`;
  return null;
}

// Calls fn(who) whenever someone signs in or out while ctx's page is shown
// (one follower per page: a page drawn again replaces its own).
const followers = new Map();
export function followAccount(key, ctx, fn) {
  const old = followers.get(key);
  if (old) window.removeEventListener('khu:account', old);
  const mine = (e) => {
    if (ctx.alive()) fn(e.detail);
  };
  followers.set(key, mine);
  window.addEventListener('khu:account', mine);
  ctx.onLeave(() => {
    window.removeEventListener('khu:account', mine);
    if (followers.get(key) === mine) followers.delete(key);
  });
}

// Asks the API (method, a path of /api/v1 with or without a query; body:
// a value sent as JSON; etag: for If-Match) in the page's language;
// resolves to {ok, status, body, etag}, or {ok: false, status: 0, error}
// when the server cannot be reached. A 401 (the session ended) makes the
// header and the page ask again who is signed in.
export async function apiCall(path, { method = 'GET', body, etag } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (etag) headers['If-Match'] = etag;
  const sep = path.includes('?') ? '&' : '?';
  let r;
  try {
    r = await fetch(`${path}${sep}lang=${lang()}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch (e) {
    return { ok: false, status: 0, body: null, error: e.message || String(e) };
  }
  const json = await r.json().catch(() => null);
  if (r.status === 401) reloadIdentity();
  return { ok: r.ok, status: r.status, body: json, etag: r.headers.get('ETag') };
}

// The one sentence of a failed answer.
export function failureText(answer) {
  if (answer.error) return t('adm_unreachable', { msg: answer.error });
  return (answer.body && answer.body.detail) || `HTTP ${answer.status}`;
}

// The problems of an answer: each field's, else its one detail (with its
// param when it names one).
export function problemsOf(answer) {
  const b = answer.body || {};
  if (Array.isArray(b.errors) && b.errors.length) return b.errors;
  return [{ param: b.param, detail: failureText(answer), rule: b.rule }];
}

// A time of the API (ISO, UTC) in the reader's time zone.
export function timeText(iso) {
  if (!iso) return '';
  try {
    return new Intl.DateTimeFormat(LOCALES[lang()], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  } catch (e) {
    return iso;
  }
}

export function timeHTML(iso) {
  if (!iso) return `<span class="muted">—</span>`;
  return `<time datetime="${esc(iso)}">${esc(timeText(iso))}</time>`;
}

// ===== a form's fields and their problems =====
// A field called name of a form whose prefix is p has the control #p-name,
// its label, an optional hint #p-name-hint and the place of its problem
// #p-name-err; the form has an alert box .edit-alert listing them all.

// One labelled field. control: the control's HTML without its id, name
// and described-by (use {attrs} in it); opts: {hint, required, wide}.
export function fieldHTML(prefix, name, label, control, opts = {}) {
  const id = `${prefix}-${name}`;
  const hint = opts.hint ? `<p class="hint" id="${id}-hint">${esc(opts.hint)}</p>` : '';
  const req = opts.required ? ` <span class="req">${esc(t('ze_required'))}</span>` : '';
  const attrs = `id="${id}" name="${name}"${opts.hint ? ` aria-describedby="${id}-hint"` : ''}${opts.required ? ' aria-required="true"' : ''}`;
  return `<div class="field${opts.wide ? ' wide' : ''}" data-field="${esc(name)}"${opts.hidden ? ' hidden' : ''}><label for="${id}">${esc(label)}${req}</label>
${control.replace('{attrs}', attrs)}${hint}<p class="field-error" id="${id}-err"></p></div>`;
}

function describe(el, withError) {
  const ids = [];
  if (el.form && el.form.querySelector(`#${el.id}-hint`)) ids.push(`${el.id}-hint`);
  if (withError) ids.push(`${el.id}-err`);
  if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
  else el.removeAttribute('aria-describedby');
}

export function clearProblems(form) {
  for (const p of form.querySelectorAll('.field-error')) p.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    describe(el, false);
  }
  const box = form.querySelector('.edit-alert');
  if (box) box.innerHTML = '';
}

export function sayAlert(form, html) {
  const box = form.querySelector('.edit-alert');
  box.innerHTML = html;
  box.focus();
}

// Shows each problem ({param, detail}) next to its field of form (prefix
// p) and all of them above it, each linked to its field; focus goes to
// the list. A problem of no field of the form is listed only.
export function showProblems(form, prefix, problems) {
  const items = problems.map((p) => {
    const el = p.param ? form.querySelector(`#${prefix}-${CSS.escape(p.param)}`) : null;
    if (!el || el.closest('[hidden]')) return `<li>${esc(p.detail)}</li>`;
    form.querySelector(`#${el.id}-err`).textContent = p.detail;
    el.setAttribute('aria-invalid', 'true');
    describe(el, true);
    const label = form.querySelector(`label[for="${el.id}"]`);
    const name = label ? label.firstChild.textContent.trim() : p.param;
    return `<li><a href="#${esc(el.id)}" data-focus="${esc(el.id)}">${esc(name)}: ${esc(p.detail)}</a></li>`;
  });
  sayAlert(form, `<p>${esc(t('adm_errors', { n: problems.length }))}</p><ul>${items.join('')}</ul>`);
}

// The links of a form's list of problems move the focus to their field.
export function focusLinks(form) {
  form.querySelector('.edit-alert').addEventListener('click', (e) => {
    const a = e.target.closest('a[data-focus]');
    if (!a) return;
    e.preventDefault();
    const el = form.querySelector(`#${CSS.escape(a.dataset.focus)}`);
    if (el) el.focus();
  });
}

// Marks form busy while fn runs; resolves to fn's answer. A second submit
// while busy resolves to null.
export async function whileBusy(form, fn) {
  if (form.getAttribute('aria-busy') === 'true') return null;
  const button = form.querySelector('button[type="submit"]');
  form.setAttribute('aria-busy', 'true');
  if (button) button.setAttribute('aria-disabled', 'true');
  try {
    return await fn();
  } finally {
    form.removeAttribute('aria-busy');
    if (button) button.removeAttribute('aria-disabled');
  }
}

// Puts text in a live region once it is in place, so that it is announced.
export function announce(el, text) {
  if (!el) return;
  el.textContent = '';
  setTimeout(() => {
    el.textContent = text;
  }, 50);
}

// The state a page keeps in its address's fragment (#status=new&owner=me):
// read from it, and written back without a new entry in the history.
export function readHash() {
  return new URLSearchParams((location.hash || '').replace(/^#/, ''));
}

export function writeHash(ctx, state) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) if (v !== '' && v !== null && v !== undefined) p.set(k, String(v));
  const h = p.toString();
  ctx.replaceURL(`${location.pathname}${location.search}${h ? `#${h}` : ''}`);
}

// A query string of the non-empty values of obj (for the API).
export function queryOf(obj) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(obj)) if (v !== '' && v !== null && v !== undefined) p.set(k, String(v));
  return p.toString();
}
