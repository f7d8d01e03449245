// Who is signed in, and the header's part that shows it on every page: the
// user's name and role and a "Sign out" button, or a "Sign in" link to
// /login that brings the user back to the page they were on.
//
// The first answer of GET /api/v1/me comes from the request index.html
// started with the page's other first requests (window.khuMe), so that
// knowing who is signed in never adds a round of requests. The session
// itself is an HttpOnly cookie: no script here ever sees it.
import { t } from './i18n.js';
import { esc } from './core.js';

const SIGNED_OUT = { signed_in: false };

let who = null; // the last answer of /api/v1/me (or of a sign-in); null until known
let known = null;

export function identity() {
  return who;
}

// Resolves to who is signed in ({signed_in: false} when nobody is, or when
// the server cannot be asked).
export function loadIdentity() {
  if (!known) {
    const pre = window.khuMe;
    window.khuMe = null;
    known = (pre || fetch('/api/v1/me', { headers: { Accept: 'application/json' } }))
      .then((r) => (r.ok ? r.json() : SIGNED_OUT))
      .catch(() => SIGNED_OUT)
      .then((me) => {
        setIdentity(me);
        return who;
      });
  }
  return known;
}

// Asks the server again (a page restored from the browser's cache may
// show a session that has ended since).
export function reloadIdentity() {
  known = null;
  window.khuMe = null;
  return loadIdentity();
}

// Records who is signed in (the answer of /api/v1/me or of a sign-in),
// redraws the header and tells the page (event khu:account).
export function setIdentity(me) {
  who = me && me.signed_in ? me : SIGNED_OUT;
  known = Promise.resolve(who);
  drawAccount();
  window.dispatchEvent(new CustomEvent('khu:account', { detail: who }));
}

// The path of a "next" value when it is a path of this site ("/finder?kind=kcn");
// null for anything else: another site ("//host", "https://host"), a
// backslash that browsers read as a slash, control characters.
export function safeNext(next) {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return null;
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return null;
  let url;
  try {
    url = new URL(next, 'http://khu.invalid');
  } catch (e) {
    return null;
  }
  if (url.origin !== 'http://khu.invalid') return null;
  return url.pathname + url.search + url.hash;
}

// Where the sign-in page sends the user afterwards: its next (in the
// fragment, #next=, or the query, ?next=) when that is a path of this
// site, else the dashboard.
export function nextOf(loc) {
  const fromHash = new URLSearchParams((loc.hash || '').replace(/^#/, '')).get('next');
  const fromQuery = new URLSearchParams(loc.search || '').get('next');
  return safeNext(fromHash !== null ? fromHash : fromQuery) || '/';
}

// The sign-in page for coming back to the page at loc (path and query).
// The path to come back to travels in the fragment: the page route /login
// accepts no parameter but lang, and a fragment never reaches the server.
export function signInHref(loc = window.location) {
  if (loc.pathname === '/login') return `/login${loc.hash || ''}`;
  return `/login#next=${encodeURIComponent(loc.pathname + loc.search)}`;
}

export function roleText(me) {
  const role = t(`role_${me.role}`);
  const org = me.department || me.tax_code;
  return org ? `${role} · ${org}` : role;
}

// Keeps the "Sign in" link pointing back at the page as it is now (a
// finder's filter changes the address without drawing the frame again).
export function refreshSignInLink() {
  const a = document.getElementById('sign-in');
  if (a) a.setAttribute('href', signInHref());
}

// The header's account part in the page's language. Its live region
// (#account-status, in index.html) stays in place, so that what is put in
// it is announced.
export function drawAccount() {
  const box = document.getElementById('account-who');
  if (!box) return;
  const status = document.getElementById('account-status');
  if (status && status.lang !== document.documentElement.lang) status.textContent = '';
  if (!who) {
    box.innerHTML = '';
  } else if (who.signed_in) {
    const name = who.display_name || who.user;
    box.innerHTML = `<p class="who"><span class="visually-hidden">${esc(t('account_signed_in'))} </span><span id="account-name" class="who-name">${esc(name)}</span> <span id="account-role" class="who-role">${esc(roleText(who))}</span></p>
<button type="button" id="sign-out" class="secondary">${esc(t('account_sign_out'))}</button>`;
  } else {
    const here = location.pathname === '/login' ? ' aria-current="page"' : '';
    box.innerHTML = `<a id="sign-in" class="sign-in" href="${esc(signInHref())}"${here}>${esc(t('account_sign_in'))}</a>`;
  }
}

function say(text) {
  const el = document.getElementById('account-status');
  if (!el) return;
  el.lang = document.documentElement.lang;
  el.textContent = text;
}

// POSTs /api/v1/logout; then the header shows that nobody is signed in. A
// session that had already ended (401) is as good as signed out.
async function signOut(button) {
  if (button.getAttribute('aria-disabled') === 'true') return;
  button.setAttribute('aria-disabled', 'true');
  let failed = null;
  try {
    const r = await fetch(`/api/v1/logout?lang=${document.documentElement.lang}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{}',
    });
    if (!r.ok && r.status !== 401) {
      const body = await r.json().catch(() => null);
      failed = (body && body.detail) || `HTTP ${r.status}`;
    }
  } catch (e) {
    failed = e.message || String(e);
  }
  button.removeAttribute('aria-disabled');
  if (failed) {
    say(t('account_sign_out_error', { msg: failed }));
    return;
  }
  setIdentity(SIGNED_OUT);
  say(t('account_signed_out'));
  const link = document.getElementById('sign-in');
  if (link) link.focus();
}

// Draws the header's account part now and whenever it changes.
export function startAccount() {
  const box = document.getElementById('account');
  if (box) {
    box.addEventListener('click', (e) => {
      const out = e.target.closest('#sign-out');
      if (out) signOut(out);
      else if (e.target.closest('#sign-in')) refreshSignInLink();
    });
    // before a link is opened in another tab or copied
    for (const type of ['focusin', 'pointerover', 'contextmenu', 'auxclick']) box.addEventListener(type, refreshSignInLink);
  }
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) reloadIdentity();
  });
  drawAccount();
  return loadIdentity();
}
