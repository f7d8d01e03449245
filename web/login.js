// The sign-in page (/login): user name and password, POSTed as JSON to
// /api/v1/login in the page's language; the API's answer (wrong password,
// too many failures) shown beside the form; on success the header shows
// the user and the app goes to the page the user came from (#next= or
// ?next=, a path of this site only), else to the dashboard.
import { t, lang } from './i18n.js';
import { esc } from './core.js';
import { loadIdentity, setIdentity, nextOf, roleText } from './account.js';

function formHTML(user) {
  return `<form id="login-form" class="login-form" novalidate>
<div class="field"><label for="login-user">${esc(t('login_user'))}</label>
<input type="text" id="login-user" name="user" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${esc(user)}"></div>
<div class="field"><label for="login-password">${esc(t('login_password'))}</label>
<input type="password" id="login-password" name="password" autocomplete="current-password" required aria-describedby="login-msg"></div>
<p id="login-msg" class="login-msg" role="alert"></p>
<div class="buttons"><button type="submit" id="login-submit">${esc(t('login_submit'))}</button></div>
</form>`;
}

function signedInHTML(me, next) {
  return `<p id="login-already">${esc(t('login_already', { name: me.display_name || me.user, role: roleText(me) }))}</p>
<p><a id="login-continue" href="${esc(next)}">${esc(t('login_continue'))}</a></p>`;
}

// The message of a refused sign-in: the API's own (in the page's
// language), or what went wrong on the way.
async function problemOf(r) {
  const body = await r.json().catch(() => null);
  return { text: (body && body.detail) || t('login_error', { msg: `HTTP ${r.status}` }), param: body && body.param };
}

export async function render(main, ctx) {
  const me = await loadIdentity();
  if (!ctx.alive()) return;
  ctx.setTitle(t('login_title'));
  const next = nextOf(window.location);
  // the user name typed so far outlives a change of language
  const typed = main.querySelector('#login-user');
  const user = typed ? typed.value : '';
  main.innerHTML = `<h1 tabindex="-1">${esc(t('login_title'))}</h1>
<div class="login">
<p class="login-intro">${esc(t('login_intro'))}</p>
<div id="login-body">${me.signed_in ? signedInHTML(me, next) : formHTML(user)}</div>
</div>`;

  // signing in or out in the header redraws the page
  const onAccount = () => {
    if (ctx.alive()) render(main, ctx);
  };
  window.addEventListener('khu:account', onAccount);
  ctx.onLeave(() => window.removeEventListener('khu:account', onAccount));

  const form = main.querySelector('#login-form');
  if (!form) return;
  const msg = form.querySelector('#login-msg');
  const fields = { user: form.elements.user, password: form.elements.password };
  let busy = false;
  const show = (text, param) => {
    msg.textContent = text;
    for (const [k, el] of Object.entries(fields)) {
      if (param === k) el.setAttribute('aria-invalid', 'true');
      else el.removeAttribute('aria-invalid');
    }
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (busy) return;
    const body = { user: fields.user.value.trim(), password: fields.password.value };
    if (!body.user) {
      show(t('login_need_user'), 'user');
      fields.user.focus();
      return;
    }
    if (!body.password) {
      show(t('login_need_password'), 'password');
      fields.password.focus();
      return;
    }
    busy = true;
    const button = form.querySelector('#login-submit');
    button.setAttribute('aria-disabled', 'true');
    form.setAttribute('aria-busy', 'true');
    msg.textContent = '';
    let answer = null;
    let problem = null;
    try {
      const r = await fetch(`/api/v1/login?lang=${lang()}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
      if (r.ok) answer = await r.json();
      else problem = await problemOf(r);
    } catch (err) {
      problem = { text: t('login_error', { msg: err.message || String(err) }) };
    }
    busy = false;
    button.removeAttribute('aria-disabled');
    form.removeAttribute('aria-busy');
    if (answer && answer.signed_in) {
      fields.password.value = '';
      // the page this leads to is drawn, not this one again
      window.removeEventListener('khu:account', onAccount);
      setIdentity(answer);
      ctx.navigate(next);
      return;
    }
    if (!ctx.alive()) return;
    if (!problem) problem = { text: t('login_error', { msg: 'signed_in: false' }) };
    show(problem.text, problem.param);
    // a wrong password is typed again
    if (!problem.param || problem.param === 'password') {
      fields.password.value = '';
      fields.password.focus();
    } else fields.user.focus();
  });
}
