// Signing in and out in the web app (/login and the header of every page),
// in Vietnamese and Korean (and English for a display name): a wrong
// password shows the API's own message in the page's language and signs
// nobody in; an officer who signs in from the header's link sees their
// name and translated role and lands back on the page they came from, stays
// signed in after a reload, and after signing out the API says nobody is
// signed in; the session cookie is HttpOnly; a next that leads off the site
// goes to the dashboard; too many failures show the API's 429 message.
//
// tests/scripts/test_e2e.sh creates the accounts and passes them in
// KHU_E2E_OFFICER (an officer), KHU_E2E_VIEWER (a viewer with a display
// name) and KHU_E2E_PASSWORD (the password of both). Failed sign-ins are
// limited per account and per address (docs/api.md): this file makes at
// most 7 failures, from the one address, per run.
import { test, assert, assertEqual, BASE, screenshotPath } from './harness.mjs';
import { s, open, ready, startIn, injectAxe } from './common.mjs';
import { safeNext, nextOf, signInHref } from '../../web/account.js';

const OFFICER = process.env.KHU_E2E_OFFICER || '';
const VIEWER = process.env.KHU_E2E_VIEWER || '';
const PASSWORD = process.env.KHU_E2E_PASSWORD || '';
// a user name that has no account: the API answers it as a wrong password
const NOBODY = 'nobody-e2e';
const WRONG = 'not the password, e2e';
const LOGIN_ERRORS = [[401, '/api/v1/login'], [429, '/api/v1/login']];

function accounts(...names) {
  assert(PASSWORD && names.every(Boolean), 'KHU_E2E_OFFICER, KHU_E2E_VIEWER and KHU_E2E_PASSWORD are not set (tests/scripts/test_e2e.sh creates the accounts)');
}

// POSTs a sign-in from outside the browser: {status, retryAfter, body}.
async function apiLogin(l, user, password) {
  const r = await fetch(`${BASE}/api/v1/login?lang=${l}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ user, password }),
  });
  return { status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.json() };
}

// GET /api/v1/me as the page asks it, with the page's cookie.
function meOf(page) {
  return page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()));
}

async function sessionCookie(page) {
  return (await page.context().cookies(BASE)).find((c) => c.name === 'khu_session') || null;
}

async function axe(page) {
  await injectAxe(page);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')} (${v.help})`);
  });
}

// Types the user name and password with the keyboard and sends the form
// with Enter; resolves to the API's response.
async function signIn(page, user, password) {
  await page.focus('#login-user');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(user);
  await page.keyboard.press('Tab');
  assertEqual(await page.evaluate(() => document.activeElement.id), 'login-password', 'Tab from the user name');
  await page.keyboard.type(password);
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/login' && r.request().method() === 'POST');
  await page.keyboard.press('Enter');
  return answer;
}

test('accounts: next is only ever a path of this site, and the header link carries the page back', async () => {
  const cases = [
    ['/', '/'],
    ['/finder?kind=kcn&sort=-total_ha', '/finder?kind=kcn&sort=-total_ha'],
    ['/zones/kcn-long-hau', '/zones/kcn-long-hau'],
    ['//evil.example/x', null],
    ['/\\evil.example', null],
    ['/\t/evil.example', null],
    ['https://evil.example/', null],
    ['javascript:alert(1)', null],
    ['finder', null],
    ['', null],
    [null, null],
  ];
  for (const [next, want] of cases) assertEqual(safeNext(next), want, `safeNext(${JSON.stringify(next)})`);
  const from = { pathname: '/finder', search: '?kind=kcn&status=operating', hash: '' };
  const href = signInHref(from);
  assertEqual(href, `/login#next=${encodeURIComponent('/finder?kind=kcn&status=operating')}`, 'the sign-in link');
  const url = new URL(href, BASE);
  assertEqual(nextOf(url), '/finder?kind=kcn&status=operating', 'the login page reads the link back');
  assertEqual(nextOf({ search: '?next=%2Fdata', hash: '' }), '/data', '?next= is read too');
  assertEqual(nextOf({ search: '', hash: `#next=${encodeURIComponent('//evil.example')}` }), '/', 'another site: the dashboard');
  assertEqual(nextOf({ search: '', hash: '' }), '/', 'no next: the dashboard');
  assertEqual(signInHref({ pathname: '/login', search: '', hash: '#next=%2Fmap' }), '/login#next=%2Fmap', 'on /login the link keeps its next');
});

test('accounts: a wrong password shows the API\'s message in the page\'s language and signs nobody in (vi, ko)', async ({ newPage }) => {
  accounts(OFFICER);
  // the API's own words for a refused sign-in, in each language
  const want = {};
  for (const l of ['vi', 'ko']) {
    const r = await apiLogin(l, NOBODY, WRONG);
    assertEqual(r.status, 401, `${l}: the API refuses a wrong password`);
    want[l] = r.body.detail;
  }
  assert(want.vi && want.ko && want.vi !== want.ko, `the API's message is translated: ${JSON.stringify(want)}`);
  for (const l of ['vi', 'ko']) {
    // a Vietnamese browser: only the page's language makes the message Korean
    const page = await newPage({ allowHTTP: LOGIN_ERRORS });
    await startIn(page, l);
    await open(page, '/login');
    assertEqual((await page.textContent('main h1')).trim(), s(l, 'login_title'), `${l}: heading`);
    await page.waitForSelector('#sign-in');
    assertEqual((await page.textContent('#sign-in')).trim(), s(l, 'account_sign_in'), `${l}: the header's link`);
    assertEqual(await page.textContent('label[for="login-user"]'), s(l, 'login_user'), `${l}: user name label`);
    assertEqual(await page.textContent('label[for="login-password"]'), s(l, 'login_password'), `${l}: password label`);
    assertEqual(await page.getAttribute('#login-user', 'autocomplete'), 'username', `${l}: user name autocomplete`);
    assertEqual(await page.getAttribute('#login-password', 'autocomplete'), 'current-password', `${l}: password autocomplete`);
    assertEqual(await page.getAttribute('#login-password', 'type'), 'password', `${l}: the password is not shown`);
    assertEqual(await page.getAttribute('#login-msg', 'role'), 'alert', `${l}: the message is announced`);
    const header = await page.innerHTML('#account-who');
    const resp = await signIn(page, OFFICER, WRONG);
    assertEqual(resp.status(), 401, `${l}: the page's sign-in is refused`);
    assertEqual(new URL(resp.url()).searchParams.get('lang'), l, `${l}: the page asks in its language`);
    await page.waitForFunction(() => document.querySelector('#login-msg').textContent !== '');
    assertEqual(await page.textContent('#login-msg'), want[l], `${l}: the API's message`);
    assertEqual(await page.innerHTML('#account-who'), header, `${l}: the header did not change`);
    assertEqual(new URL(page.url()).pathname, '/login', `${l}: still on the sign-in page`);
    assertEqual(await page.inputValue('#login-password'), '', `${l}: the password is cleared`);
    assertEqual(await page.evaluate(() => document.activeElement.id), 'login-password', `${l}: focus back on the password`);
    assertEqual((await meOf(page)).signed_in, false, `${l}: /api/v1/me: nobody signed in`);
    assertEqual(await sessionCookie(page), null, `${l}: no session cookie`);
    assertEqual(await axe(page), [], `${l}: the sign-in page with its message, WCAG 2.1 AA`);
    await page.screenshot({ path: screenshotPath(`login-wrong-${l}`), fullPage: true });
  }
});

test('accounts: an officer signs in from the header, lands on next, stays signed in after a reload, and signs out (vi, ko)', async ({ newPage }) => {
  accounts(OFFICER);
  for (const l of ['vi', 'ko']) {
    const page = await newPage();
    await startIn(page, l);
    await open(page, '/finder?kind=kcn');
    await page.waitForSelector('#sign-in');
    const here = await page.evaluate(() => location.pathname + location.search);
    assert(here.startsWith('/finder?') && here.includes('kind=kcn'), `${l}: the finder's address ${here}`);
    const href = await page.getAttribute('#sign-in', 'href');
    assertEqual(href, `/login#next=${encodeURIComponent(here)}`, `${l}: the sign-in link comes back here`);
    // the keyboard follows the link
    await page.focus('#sign-in');
    await page.keyboard.press('Enter');
    await page.waitForURL(BASE + href);
    await ready(page);
    assertEqual((await page.textContent('main h1')).trim(), s(l, 'login_title'), `${l}: the sign-in page`);
    await page.screenshot({ path: screenshotPath(`login-${l}`), fullPage: true });

    const resp = await signIn(page, OFFICER, PASSWORD);
    assertEqual(resp.status(), 200, `${l}: signed in`);
    await page.waitForURL(BASE + here);
    await ready(page);
    await page.waitForSelector('#account-name');
    const me = await meOf(page);
    assertEqual([me.signed_in, me.user, me.role], [true, OFFICER, 'officer'], `${l}: /api/v1/me after signing in`);
    assertEqual(await page.textContent('#account-name'), me.display_name || me.user, `${l}: the header names the user`);
    assertEqual(await page.textContent('#account-role'), s(l, 'role_officer'), `${l}: the header's role`);
    assertEqual((await page.textContent('#sign-out')).trim(), s(l, 'account_sign_out'), `${l}: the sign-out button`);
    assertEqual(await page.locator('#sign-in').count(), 0, `${l}: no sign-in link while signed in`);
    // the session is in a cookie no script can read
    const cookie = await sessionCookie(page);
    assert(cookie, `${l}: no session cookie`);
    assertEqual([cookie.httpOnly, cookie.sameSite], [true, 'Strict'], `${l}: the cookie's flags`);
    const visible = await page.evaluate(() => document.cookie);
    assert(!visible.includes('khu_session') && !visible.includes(cookie.value), `${l}: document.cookie shows the session: ${visible}`);
    await page.screenshot({ path: screenshotPath(`signed-in-${l}`), fullPage: false });

    // every page's header, and after a reload
    await page.click('nav.main a[data-nav="dashboard"]');
    await page.waitForURL(`${BASE}/`);
    await ready(page);
    assertEqual(await page.textContent('#account-name'), me.display_name || me.user, `${l}: the dashboard's header`);
    await page.reload();
    await ready(page);
    await page.waitForSelector('#account-name');
    assertEqual(await page.textContent('#account-role'), s(l, 'role_officer'), `${l}: the role after a reload`);
    assertEqual((await meOf(page)).user, OFFICER, `${l}: /api/v1/me after a reload`);

    // signing out, with the keyboard
    await page.focus('#sign-out');
    const out = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/logout');
    await page.keyboard.press('Enter');
    assertEqual((await out).status(), 200, `${l}: signed out`);
    await page.waitForSelector('#sign-in');
    assertEqual((await page.textContent('#sign-in')).trim(), s(l, 'account_sign_in'), `${l}: the header's link after signing out`);
    assertEqual(await page.getAttribute('#sign-in', 'href'), `/login#next=${encodeURIComponent('/')}`, `${l}: it comes back to the dashboard`);
    assertEqual(await page.locator('#account-name, #sign-out').count(), 0, `${l}: no name nor button after signing out`);
    assertEqual(await page.textContent('#account-status'), s(l, 'account_signed_out'), `${l}: signing out is announced`);
    assertEqual(await page.evaluate(() => document.activeElement.id), 'sign-in', `${l}: focus on the sign-in link`);
    assertEqual((await meOf(page)).signed_in, false, `${l}: /api/v1/me after signing out`);
    assertEqual(await sessionCookie(page), null, `${l}: the cookie is gone`);
    await page.reload();
    await ready(page);
    await page.waitForSelector('#sign-in');
    assertEqual(await page.locator('#account-name').count(), 0, `${l}: still signed out after a reload`);
  }
});

test('accounts: a display name stands for the user, and a next that leaves the site goes to the dashboard (en, 360 px)', async ({ newPage }) => {
  accounts(VIEWER);
  const page = await newPage({ viewport: { width: 360, height: 740 } });
  await startIn(page, 'en');
  await open(page, `/login#next=${encodeURIComponent('//evil.example/x')}`);
  assertEqual((await signIn(page, VIEWER, PASSWORD)).status(), 200, 'signed in');
  await page.waitForURL(`${BASE}/`);
  await ready(page);
  await page.waitForSelector('#account-name');
  const me = await meOf(page);
  assert(me.display_name && me.display_name !== me.user, `the viewer has a display name: ${JSON.stringify(me)}`);
  assertEqual(await page.textContent('#account-name'), me.display_name, 'the display name in the header');
  assertEqual(await page.textContent('#account-role'), s('en', `role_${me.role}`), 'the role');
  assertEqual(me.role, 'viewer', 'the role of the account');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(width <= 360, `signed in, the page is ${width} px wide at 360 px`);
  await page.screenshot({ path: screenshotPath('signed-in-en-360px'), fullPage: false });
  // the sign-in page, when already signed in, says so and leads on
  await open(page, `/login#next=${encodeURIComponent('/data')}`);
  assertEqual(await page.locator('#login-form').count(), 0, 'no form while signed in');
  assert((await page.textContent('#login-already')).includes(me.display_name), 'says who is signed in');
  assertEqual(await page.getAttribute('#login-continue', 'href'), '/data', 'leads to next');
  await page.click('#sign-out');
  await page.waitForSelector('#login-form');
  assertEqual((await meOf(page)).signed_in, false, 'signed out from the sign-in page');
});

test('accounts: after too many failures the page shows the API\'s 429 message (ko)', async ({ newPage }) => {
  // the account with no user: failed until the API holds it back (5 failures)
  let ref = null;
  for (let i = 0; i < 6 && !(ref && ref.status === 429); i++) ref = await apiLogin('ko', NOBODY, WRONG);
  assertEqual(ref.status, 429, 'the API holds the account back');
  assert(Number(ref.retryAfter) > 0, `Retry-After: ${ref.retryAfter}`);
  const page = await newPage({ allowHTTP: LOGIN_ERRORS });
  await startIn(page, 'ko');
  await open(page, '/login');
  const resp = await signIn(page, NOBODY, WRONG);
  assertEqual(resp.status(), 429, 'the page is held back too');
  await page.waitForFunction(() => document.querySelector('#login-msg').textContent !== '');
  const shown = await page.textContent('#login-msg');
  const after = await apiLogin('ko', NOBODY, WRONG);
  // the minutes left may have turned between the two
  assert(shown === ref.body.detail || shown === after.body.detail, `the API's message: ${JSON.stringify([shown, ref.body.detail])}`);
  assertEqual(await page.locator('#account-name').count(), 0, 'nobody signed in');
  await page.screenshot({ path: screenshotPath('login-429-ko'), fullPage: true });
});
