// The admins' page of accounts (/admin/users, web/users.js) and the audit
// trail (/audit, web/audit.js), and what came with them:
//  - an admin lists the users the API lists, adds one (what the page can
//    tell before asking, and the API's refusal, each next to its field in
//    the page's language), changes their role, resets their password
//    (the new one signs in), disables them (they can no longer sign in)
//    and enables them again; the API's refusal of the admin's own lockout
//    is shown as the API words it;
//  - the audit page lists the API's records, filters them by table, key
//    and dates (kept in the address, carried by the XLSX link), shows each
//    record's before and after, puts a filter's problem next to its field,
//    and verifies the chain as the API does; the verdict of a broken chain
//    names the first bad record and why, in the page's language;
//  - an officer is told the users page is not for them (and the API
//    refuses them), but has the audit trail;
//  - a position that is the centre of a mapped area (area_centre) is named
//    and drawn as approximate; every CSV download of a list has its XLSX
//    beside it.
//
// tests/scripts/test_e2e.sh creates the accounts and passes them in
// KHU_E2E_ADMIN, KHU_E2E_OFFICER and KHU_E2E_PASSWORD. The users added
// here are named e2e-…-RUN, so that each run adds its own.
import { readFileSync } from 'node:fs';
import { test, assert, assertEqual, BASE, LOCALES, screenshotPath } from './harness.mjs';
import { s, open, ready, startIn, injectAxe, apiZones, pageAs, text, focused } from './common.mjs';
import { recordChanges, verdictHTML } from '../../web/audit.js';
import { setLang } from '../../web/i18n.js';

const ADMIN = process.env.KHU_E2E_ADMIN || '';
const OFFICER = process.env.KHU_E2E_OFFICER || '';
const PASSWORD = process.env.KHU_E2E_PASSWORD || '';
const RUN = Date.now().toString(36);
const NEW_PASSWORD = 'Sông Vàm Cỏ Đông chảy qua Tây Ninh';
const RESET_PASSWORD = 'Mưa đầu mùa trên cánh đồng Đức Hòa';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function accounts(...names) {
  assert(PASSWORD && names.every(Boolean), 'KHU_E2E_ADMIN, KHU_E2E_OFFICER and KHU_E2E_PASSWORD are not set (tests/scripts/test_e2e.sh creates the accounts)');
}

// A department of the default data set, which the server loaded.
function department() {
  const lines = readFileSync(new URL('../../data/departments.csv', import.meta.url), 'utf8').split('\n');
  return lines[1].split(',')[0];
}

// ===== the API, from outside the browser =====

async function login(user, password) {
  return fetch(`${BASE}/api/v1/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ user, password }),
  });
}

async function session(user) {
  const r = await login(user, PASSWORD);
  assertEqual(r.status, 200, `${user} signs in`);
  return r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function call(cookie, method, path, body) {
  const headers = { Accept: 'application/json', Cookie: cookie };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, body: await r.json().catch(() => null) };
}

async function axe(page, where) {
  await injectAxe(page);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')} (${v.help})`);
  });
  assertEqual(found, [], `${where}: WCAG 2.1 AA`);
}

// Waits for the users page's message after a write.
async function said(page, want) {
  await page.waitForFunction((w) => document.querySelector('#users-status') && document.querySelector('#users-status').textContent === w, want);
}

// Submits the open form of the users page; resolves to the API's response
// (or null when the page sent nothing).
async function submitUser(page, id, expectRequest = true) {
  const answer = expectRequest ? page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/api/v1/users') && r.request().method() !== 'GET') : null;
  await page.click(`#${id}-submit`);
  return answer ? answer : null;
}

const rowOf = (name) => `#users-table tr[data-name="${name}"]`;

test('users: an admin adds a user, changes the role, resets the password, disables and enables them (en)', async ({ newPage }) => {
  accounts(ADMIN);
  const l = 'en';
  const name = `e2e-new-${RUN}`;
  const cookie = await session(ADMIN);
  const page = await pageAs(newPage, ADMIN, l, { allowHTTP: [[400, '/api/v1/users']] });
  await open(page, '/admin/users');
  await page.waitForSelector('#users-table');
  assertEqual(await text(page, 'main h1'), s(l, 'us_title'), 'heading');
  assertEqual(await page.isVisible('nav.main a[data-nav="users"]'), true, 'the users link shows for an admin');
  assertEqual(await page.getAttribute('nav.main a[data-nav="users"]', 'href'), '/admin/users', 'to this page');
  const listed = (await call(cookie, 'GET', '/api/v1/users')).body.users;
  assertEqual(await page.$$eval('#users-table tbody tr', (rows) => rows.map((r) => r.dataset.name)), listed.map((u) => u.name), 'the API\'s users');
  assertEqual(await text(page, `${rowOf(ADMIN)} td.role`), s(l, 'role_admin'), 'the admin\'s role');
  assertEqual(await text(page, `${rowOf(ADMIN)} td.state`), s(l, 'us_state_active'), 'active');
  assert((await text(page, `${rowOf(ADMIN)} th`)).includes(s(l, 'us_you')), 'the admin\'s own row says so');
  await axe(page, 'the users page');

  // an empty form: every field the page can check, at once, no request
  await page.click('#user-new');
  await page.waitForSelector('#user-add');
  assertEqual(await focused(page), 'user-add-h', 'focus on the form');
  let posted = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/users') posted++;
  });
  await submitUser(page, 'user-add', false);
  await page.waitForSelector('#un-name-err:not(:empty)');
  assertEqual(await text(page, '#un-name-err'), s(l, 'us_need_name'), 'the name is asked for');
  assertEqual(await text(page, '#un-role-err'), s(l, 'us_need_role'), 'the role is asked for');
  assertEqual(await text(page, '#un-password-err'), s(l, 'us_need_password'), 'the password is asked for');
  assertEqual(await page.getAttribute('#un-name', 'aria-invalid'), 'true', 'the name is marked');
  assertEqual(await focused(page), 'user-add-alert', 'focus on the list of problems');
  assertEqual(posted, 0, 'nothing was sent');
  // a department's role needs its code; the two passwords must agree
  assertEqual(await page.isVisible('#un-org'), false, 'no organisation before a role that has one');
  await page.fill('#un-name', name);
  await page.fill('#un-display_name', 'Trần Văn Nam');
  await page.selectOption('#un-role', 'department');
  assertEqual(await page.isVisible('#un-org'), true, 'a department\'s role asks for its code');
  assertEqual(await text(page, '#un-org-hint'), s(l, 'us_org_department_hint'), 'with its hint');
  await page.fill('#un-password', NEW_PASSWORD);
  await page.fill('#un-password2', `${NEW_PASSWORD}!`);
  await submitUser(page, 'user-add', false);
  await page.waitForSelector('#un-password2-err:not(:empty)');
  assertEqual(await text(page, '#un-password2-err'), s(l, 'us_password_mismatch'), 'the passwords differ');
  assertEqual(await text(page, '#un-org-err'), s(l, 'us_need_department'), 'the department is asked for');
  assertEqual(await text(page, '#un-name-err'), '', 'the name is fine now');
  assertEqual(posted, 0, 'still nothing sent');
  // the API's refusal, next to its field
  const ref = await call(cookie, 'POST', '/api/v1/users?lang=en', { name, role: 'department', org: 'no-such-department', display_name: 'Trần Văn Nam', password: NEW_PASSWORD });
  assertEqual([ref.status, ref.body.param], [400, 'org'], 'the API refuses a department that does not exist');
  await page.fill('#un-password2', NEW_PASSWORD);
  await page.fill('#un-org', 'no-such-department');
  const refused = await submitUser(page, 'user-add');
  assertEqual(refused.status(), 400, 'refused');
  assertEqual(new URL(refused.url()).searchParams.get('lang'), l, 'asked in the page\'s language');
  await page.waitForSelector('#un-org-err:not(:empty)');
  assertEqual(await text(page, '#un-org-err'), ref.body.detail, 'the API\'s message next to the organisation');
  assertEqual(await page.getAttribute('#un-org', 'aria-invalid'), 'true', 'marked');
  await axe(page, 'the new-user form with a problem');
  await page.screenshot({ path: screenshotPath('users-add-problem-en'), fullPage: true });
  // the right department: added
  const dept = department();
  await page.fill('#un-org', dept);
  const added = await submitUser(page, 'user-add');
  assertEqual(added.status(), 201, 'added');
  assertEqual(JSON.parse(added.request().postData()), { name, role: 'department', password: NEW_PASSWORD, display_name: 'Trần Văn Nam', org: dept }, 'the body');
  await said(page, s(l, 'us_done_added', { name }));
  assertEqual(await page.locator('#user-add').count(), 0, 'the form is closed');
  assertEqual(await focused(page), 'user-new', 'focus back on "Add a user"');
  assertEqual(await text(page, `${rowOf(name)} td.role`), s(l, 'role_department'), 'the new row\'s role');
  assertEqual(await text(page, `${rowOf(name)} td.org`), dept, 'its department');
  assert((await text(page, `${rowOf(name)} th`)).includes('Trần Văn Nam'), 'its display name');
  const made = (await call(cookie, 'GET', '/api/v1/users')).body.users.find((u) => u.name === name);
  assertEqual([made.role, made.org, made.display_name, made.disabled], ['department', dept, 'Trần Văn Nam', null], 'the API has it');
  assertEqual((await login(name, NEW_PASSWORD)).status, 200, 'the new user signs in');

  // the role: officer, which belongs to no organisation
  await page.click(`button[data-action="role"][data-name="${name}"]`);
  await page.waitForSelector('#user-role');
  assertEqual(await text(page, '#user-role-h'), s(l, 'us_role_title', { name }), 'the form names the user');
  assertEqual(await page.inputValue('#ur-role'), 'department', 'it holds the role');
  assertEqual(await page.inputValue('#ur-org'), dept, 'and the department');
  await page.selectOption('#ur-role', 'officer');
  assertEqual(await page.isVisible('#ur-org'), false, 'an officer has no organisation');
  const role = await submitUser(page, 'user-role');
  assertEqual(role.status(), 200, 'the role is changed');
  assertEqual(JSON.parse(role.request().postData()), { role: 'officer', org: null }, 'the body');
  await said(page, s(l, 'us_done_role', { name, role: s(l, 'role_officer') }));
  assertEqual(await text(page, `${rowOf(name)} td.role`), s(l, 'role_officer'), 'the row\'s new role');
  assertEqual(await page.evaluate(() => document.activeElement.dataset.action), 'role', 'focus back on the row\'s button');

  // the password, typed twice
  await page.click(`button[data-action="password"][data-name="${name}"]`);
  await page.waitForSelector('#user-password');
  await page.fill('#up-password', RESET_PASSWORD);
  await page.fill('#up-password2', 'something else entirely');
  await submitUser(page, 'user-password', false);
  await page.waitForSelector('#up-password2-err:not(:empty)');
  assertEqual(await text(page, '#up-password2-err'), s(l, 'us_password_mismatch'), 'the passwords differ');
  await page.fill('#up-password2', RESET_PASSWORD);
  const reset = await submitUser(page, 'user-password');
  assertEqual(reset.status(), 200, 'the password is reset');
  await said(page, s(l, 'us_done_password', { name }));
  assertEqual((await login(name, RESET_PASSWORD)).status, 200, 'the new password signs in');

  // disabled: asked first, then signed out and kept out
  await page.click(`button[data-action="disable"][data-name="${name}"]`);
  await page.waitForSelector('#user-disable');
  assertEqual(await text(page, '#user-disable-h'), s(l, 'us_disable_confirm', { name }), 'the question names the user');
  await axe(page, 'the disable question');
  const off = await submitUser(page, 'user-disable');
  assertEqual(off.status(), 200, 'disabled');
  await said(page, s(l, 'us_done_disabled', { name }));
  assert((await text(page, `${rowOf(name)} td.state`)).startsWith(s(l, 'us_state_disabled')), 'the row says disabled');
  assertEqual(await page.evaluate(() => document.activeElement.dataset.action), 'enable', 'focus on "Enable"');
  assertEqual((await login(name, RESET_PASSWORD)).status, 401, 'a disabled user cannot sign in');
  await page.screenshot({ path: screenshotPath('users-disabled-en'), fullPage: true });
  // enabled again
  const on = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await page.click(`button[data-action="enable"][data-name="${name}"]`);
  assertEqual((await on).status(), 200, 'enabled');
  await said(page, s(l, 'us_done_enabled', { name }));
  assertEqual(await text(page, `${rowOf(name)} td.state`), s(l, 'us_state_active'), 'active again');
  assertEqual((await login(name, RESET_PASSWORD)).status, 200, 'and signs in again');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.click('#user-new');
  await page.waitForSelector('#user-add');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(width <= 360, `the users page with its form is ${width} px wide at 360 px`);
});

test('users: the API\'s refusal of an admin\'s own lockout is shown, in the page\'s language (ko)', async ({ newPage }) => {
  accounts(ADMIN);
  const l = 'ko';
  const cookie = await session(ADMIN);
  const ref = await call(cookie, 'PATCH', `/api/v1/users/${ADMIN}?lang=${l}`, { disabled: true });
  assertEqual(ref.status, 409, 'the API refuses an admin disabling themselves');
  const refRole = await call(cookie, 'PATCH', `/api/v1/users/${ADMIN}?lang=${l}`, { role: 'officer', org: null });
  assertEqual([refRole.status, refRole.body.param], [409, 'role'], 'and taking away their own admin role');
  const page = await pageAs(newPage, ADMIN, l, { allowHTTP: [[409, `/api/v1/users/${ADMIN}`]] });
  await open(page, '/admin/users');
  await page.waitForSelector('#users-table');
  await page.click(`button[data-action="disable"][data-name="${ADMIN}"]`);
  await page.waitForSelector('#user-disable');
  const off = await submitUser(page, 'user-disable');
  assertEqual(off.status(), 409, 'refused');
  await page.waitForSelector('#user-disable-alert:not(:empty)');
  assert((await text(page, '#user-disable-alert')).includes(ref.body.detail), `the API's message: ${await text(page, '#user-disable-alert')}`);
  assertEqual(await focused(page), 'user-disable-alert', 'focus on the message');
  await page.screenshot({ path: screenshotPath('users-self-lockout-ko'), fullPage: false });
  await page.click('#user-disable-close');
  await page.click(`button[data-action="role"][data-name="${ADMIN}"]`);
  await page.waitForSelector('#user-role');
  await page.selectOption('#ur-role', 'officer');
  assertEqual((await submitUser(page, 'user-role')).status(), 409, 'the role change is refused');
  await page.waitForSelector('#ur-role-err:not(:empty)');
  assertEqual(await text(page, '#ur-role-err'), refRole.body.detail, 'the API\'s message next to the role');
  const me = (await call(cookie, 'GET', '/api/v1/users')).body.users.find((u) => u.name === ADMIN);
  assertEqual([me.role, me.disabled], ['admin', null], 'the admin is still an active admin');
});

test('audit: the records the API lists, filtered, each before and after readable, the XLSX, and the chain verified (vi)', async ({ newPage }) => {
  accounts(ADMIN);
  const l = 'vi';
  const name = `e2e-au-${RUN}`;
  const page = await pageAs(newPage, ADMIN, l, { allowHTTP: [[400, '/api/v1/audit']] });
  const cookie = await session(ADMIN);
  assertEqual((await call(cookie, 'POST', '/api/v1/users', { name, role: 'viewer', password: NEW_PASSWORD })).status, 201, 'a user added');
  assertEqual((await call(cookie, 'PATCH', `/api/v1/users/${name}`, { role: 'officer' })).status, 200, 'and made an officer');
  await open(page, '/audit');
  await page.waitForSelector('#audit-table');
  assertEqual(await text(page, 'main h1'), s(l, 'au_title'), 'heading');
  assertEqual(await page.isVisible('nav.main a[data-nav="audit"]'), true, 'the audit link in the header');
  const first = (await call(cookie, 'GET', '/api/v1/audit?limit=50')).body;
  const ids = await page.$$eval('#audit-table tbody tr', (rows) => rows.map((r) => Number(r.dataset.id)));
  // the node's own sign-in above may be newer than the page's list
  assertEqual(ids, first.records.map((r) => r.id).filter((id) => id <= ids[0]).slice(0, ids.length), 'the API\'s records, newest first');
  assertEqual(await page.getAttribute('#audit-xlsx', 'href'), `/api/v1/audit.xlsx?lang=${l}`, 'the XLSX of the whole trail');
  await axe(page, 'the audit page');

  // by table and key: the user's two records
  await page.fill('#au-table', 'users');
  await page.fill('#au-key', name);
  let answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/audit');
  await page.click('#audit-apply');
  await answer;
  await page.waitForFunction(() => !document.querySelector('#audit-list[aria-busy]'));
  const records = (await call(cookie, 'GET', `/api/v1/audit?table=users&key=${name}`)).body.records;
  assertEqual(records.map((r) => r.action), ['user.role', 'user.add'], 'the API has the two records');
  assertEqual(await page.$$eval('#audit-table tbody tr', (rows) => rows.map((r) => Number(r.dataset.id))), records.map((r) => r.id), 'the page lists them');
  const [changed, addedRec] = records.map((r) => `#audit-table tr[data-id="${r.id}"]`);
  assert((await text(page, `${changed} td.action`)).startsWith(s(l, 'au_action_user_role')), 'the action in words');
  assertEqual(await text(page, `${changed} td.action code`), 'user.role', 'and as recorded');
  assertEqual(await text(page, `${changed} li[data-field="role"] .before`), 'viewer', 'the role before');
  assertEqual(await text(page, `${changed} li[data-field="role"] .after`), 'officer', 'the role after');
  assertEqual(await page.locator(`${changed} li[data-field="name"]`).count(), 0, 'a field that did not change is not listed');
  assertEqual(await text(page, `${addedRec} li[data-field="role"] .after`), 'viewer', 'a new user\'s role');
  assertEqual(await text(page, `${addedRec} li[data-field="disabled_ms"] .after`), s(l, 'au_empty'), 'an empty value says so');
  assert((await text(page, `${addedRec} td.actor`)).startsWith(ADMIN), 'who did it');
  assertEqual(await page.evaluate(() => new URLSearchParams(location.hash.slice(1)).toString()), `table=users&key=${name}`, 'the address keeps the filter');
  const href = await page.getAttribute('#audit-xlsx', 'href');
  assertEqual(href, `/api/v1/audit.xlsx?table=users&key=${name}&lang=${l}`, 'the XLSX follows the filter');
  const xlsx = await page.evaluate((h) => fetch(h).then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), head: [...new Uint8Array(await r.arrayBuffer()).slice(0, 2)] })), href);
  assertEqual(xlsx, { status: 200, type: XLSX, head: [0x50, 0x4b] }, 'the XLSX answers a workbook');
  await page.screenshot({ path: screenshotPath('audit-filtered-vi'), fullPage: true });
  // the address brings it back
  await page.reload();
  await ready(page);
  await page.waitForSelector('#audit-table');
  assertEqual([await page.inputValue('#au-table'), await page.inputValue('#au-key')], ['users', name], 'the filter after a reload');
  assertEqual(await page.$$eval('#audit-table tbody tr', (rows) => rows.length), 2, 'the same records');

  // a key without its table: the API's message next to the key
  const bad = await fetch(`${BASE}/api/v1/audit?key=${name}&lang=${l}`, { headers: { Cookie: cookie } }).then((r) => r.json());
  await page.fill('#au-table', '');
  answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/audit');
  await page.click('#audit-apply');
  assertEqual((await answer).status(), 400, 'refused');
  await page.waitForSelector('#au-key-err:not(:empty)');
  assertEqual(await text(page, '#au-key-err'), bad.detail, 'the API\'s message next to the key');
  assertEqual(await page.getAttribute('#au-key', 'aria-invalid'), 'true', 'the key is marked');
  // dates: a day before any record
  await page.fill('#au-key', '');
  await page.fill('#au-to', '2000-01-01');
  answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/audit');
  await page.click('#audit-apply');
  assertEqual((await answer).status(), 200, 'a date filter');
  assertEqual(new URL((await answer).url()).searchParams.get('to'), '2000-01-01', 'sent as the API takes it');
  await page.waitForSelector('#audit-count');
  assertEqual(await text(page, '#audit-count'), s(l, 'au_none_filtered'), 'nothing that old');
  assertEqual(await page.getAttribute('#audit-xlsx', 'href'), `/api/v1/audit.xlsx?to=2000-01-01&lang=${l}`, 'the XLSX follows');
  // cleared: the whole trail, older records on demand
  answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/audit');
  await page.click('#audit-clear');
  await answer;
  await page.waitForSelector('#audit-table');
  assertEqual(await page.getAttribute('#au-key', 'aria-invalid'), null, 'no field marked any more');
  const page1 = (await call(cookie, 'GET', '/api/v1/audit?limit=50')).body;
  if (page1.next_cursor) {
    await page.click('#audit-more');
    await page.waitForFunction((n) => document.querySelectorAll('#audit-table tbody tr').length > n, 50);
    const all = await page.$$eval('#audit-table tbody tr', (rows) => rows.map((r) => Number(r.dataset.id)));
    assert(all.every((id, i) => i === 0 || id < all[i - 1]), 'newest first across pages');
    assertEqual(await focused(page), '', 'focus on the first older record');
  }

  // the chain, as the API verifies it
  await page.click('#audit-verify');
  await page.waitForSelector('#verify-text');
  const v = (await call(cookie, 'GET', '/api/v1/audit/verify')).body;
  assertEqual(v.intact, true, 'the API finds the chain intact');
  const n = new Intl.NumberFormat(LOCALES[l]).format(v.records);
  assertEqual(await text(page, '#verify-text'), s(l, 'au_verify_ok', { n, id: v.head_id }), 'the page says so, with the count');
  assertEqual(await text(page, '#verify-hash'), v.head_hash, 'and the last hash');
  await axe(page, 'the audit page with its verdict');
  await page.screenshot({ path: screenshotPath('audit-verified-vi'), fullPage: false });
  await page.setViewportSize({ width: 360, height: 740 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(width <= 360, `the audit page is ${width} px wide at 360 px`);
});

test('audit: a broken chain names the first bad record and why, in the page\'s language; a record\'s fields read as before and after', async () => {
  setLang('vi');
  const gap = verdictHTML({ intact: false, records: 7, head_id: 5, head_hash: 'ab', bad_id: 7, reason: 'the record before it is missing: the ids jump from 5 to 7' });
  assert(gap.includes(s('vi', 'au_verify_bad', { id: 7 })), `the first bad record: ${gap}`);
  assert(gap.includes(s('vi', 'au_reason_gap', { from: 5, to: 7 })), 'why, in Vietnamese');
  assert(gap.includes(s('vi', 'au_verify_before', { id: 5 })), 'the records before it hold');
  const changed = verdictHTML({ intact: false, records: 1, head_id: 0, head_hash: '', bad_id: 1, reason: 'its hash does not match its content and the record before it: the record was changed, or a record before it was changed or removed' });
  assert(changed.includes(s('vi', 'au_reason_mismatch')) && changed.includes(s('vi', 'au_verify_none_before')), `a changed first record: ${changed}`);
  const other = verdictHTML({ intact: false, records: 3, head_id: 2, head_hash: '', bad_id: 3, reason: 'something new' });
  assert(other.includes('lang="en"') && other.includes('something new'), 'a reason the page does not know: as given, marked English');
  setLang('ko');
  assert(verdictHTML({ intact: true, records: 1234, head_id: 1234, head_hash: 'cd', bad_id: null, reason: null }).includes(s('ko', 'au_verify_ok', { n: '1,234', id: 1234 })), 'intact, in Korean');
  setLang('vi');
  assertEqual(recordChanges({ before: { role: 'viewer', name: 'x' }, after: { role: 'officer', name: 'x' } }), [{ field: 'role', before: 'viewer', after: 'officer' }], 'an update: what changed');
  assertEqual(recordChanges({ before: { total_ha: null }, after: { total_ha: 430 } }), [{ field: 'total_ha', before: null, after: 430 }], 'an edit records the changed columns only');
  assertEqual(recordChanges({ before: null, after: { rows: 3 } }), [{ field: 'rows', after: 3 }], 'a new row: its fields');
  assertEqual(recordChanges({ before: { a: 1 }, after: { a: 1 } }), [], 'nothing changed');
});

test('users: an officer is told the users page is not for them and the API refuses them; the audit trail is theirs (vi)', async ({ newPage }) => {
  accounts(OFFICER);
  const l = 'vi';
  const page = await pageAs(newPage, OFFICER, l);
  await open(page, '/admin/users');
  await page.waitForSelector('#staff-refused');
  assertEqual(await text(page, 'main h1'), s(l, 'us_title'), 'the page\'s heading');
  assertEqual(await text(page, '#staff-refused'), s(l, 'adm_not_allowed', { role: s(l, 'role_officer'), roles: s(l, 'role_admin') }), 'says the role may not');
  assertEqual(await page.locator('#users-table, #user-new').count(), 0, 'no list, no button');
  await page.waitForSelector('nav.main a[data-nav="audit"]', { state: 'visible' });
  assertEqual(await page.isVisible('nav.main a[data-nav="users"]'), false, 'no users link in the header');
  const cookie = await session(OFFICER);
  assertEqual((await call(cookie, 'GET', '/api/v1/users')).status, 403, 'the API refuses an officer the users');
  assertEqual((await call(cookie, 'POST', '/api/v1/users', { name: `e2e-no-${RUN}`, role: 'admin', password: NEW_PASSWORD })).status, 403, 'and adding one');
  await page.screenshot({ path: screenshotPath('users-officer-vi'), fullPage: false });
  await page.click('nav.main a[data-nav="audit"]');
  await page.waitForURL(`${BASE}/audit`);
  await page.waitForSelector('#audit-table');
  await page.click('#audit-verify');
  await page.waitForSelector('.verify-result.ok #verify-text');
});

test('area_centre: a position at the centre of a mapped area is named and drawn as approximate (vi, en, ko)', async ({ newPage }) => {
  const z = (await apiZones('')).find((f) => f.geometry && f.properties.position === 'approximate').properties;
  for (const l of ['vi', 'en', 'ko']) {
    const page = await newPage();
    // the zone as if its position came from a mapped area
    await page.route(
      (url) => url.pathname === `/api/v1/zones/${z.code}` || url.pathname === '/api/v1/zones.geojson',
      async (route) => {
        const r = await route.fetch();
        const body = await r.json();
        if (body.features) for (const f of body.features) if (f.properties.code === z.code) f.properties.position = 'area_centre';
        if (body.code === z.code) body.position = 'area_centre';
        await route.fulfill({ response: r, json: body });
      }
    );
    await startIn(page, l);
    await open(page, `/zones/${z.code}`);
    assertEqual(await text(page, '#zone-fields tr[data-field="position"] td.value'), s(l, 'position_area_centre'), `${l}: the position's kind`);
    assertEqual(await text(page, '#area-centre-note'), s(l, 'area_centre_note'), `${l}: what it means`);
    const marker = `.leaflet-marker-icon.zone-marker[data-code="${z.code}"]`;
    await page.waitForSelector(marker);
    assertEqual(await page.locator(`${marker} .zm.approx`).count(), 1, `${l}: drawn with the dashed ring of an approximate position`);
    assert((await page.getAttribute(marker, 'aria-label')).includes(s(l, 'approx_area_popup')), `${l}: the marker says it is the centre of a mapped area`);
    await page.click(marker, { force: true });
    await page.waitForSelector('.leaflet-popup .popup');
    assert((await text(page, '.leaflet-popup .popup')).includes(s(l, 'approx_area_popup')), `${l}: so does its summary`);
    if (l === 'en') await page.screenshot({ path: screenshotPath('area-centre-en'), fullPage: false });
  }
  // the legend says which positions the dashed ring stands for
  const page = await newPage();
  await startIn(page, 'en');
  await open(page, '/map');
  assert((await text(page, '.legend')).includes(s('en', 'legend_approx_kinds')), 'the legend names both kinds of approximate position');
});

test('xlsx: every CSV download of a list has its XLSX beside it, and each answers a workbook (vi, ko)', async ({ newPage }) => {
  const fetchHead = (page, h) => page.evaluate((x) => fetch(x).then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), head: [...new Uint8Array(await r.arrayBuffer()).slice(0, 2)] })), h);
  const workbook = { status: 200, type: XLSX, head: [0x50, 0x4b] };
  const page = await newPage();
  await open(page, '/finder?kind=kcn');
  await page.waitForSelector('#dl-xlsx');
  assertEqual(await page.getAttribute('#dl-xlsx', 'href'), '/api/v1/zones.xlsx?kind=kcn&lang=vi', 'the finder\'s XLSX follows its filter');
  assertEqual(await text(page, '#dl-xlsx'), s('vi', 'download_xlsx'), 'named');
  assertEqual(await fetchHead(page, await page.getAttribute('#dl-xlsx', 'href')), workbook, 'the finder\'s XLSX');
  await open(page, '/?lang=ko');
  assertEqual(await page.getAttribute('#dash-xlsx', 'href'), '/api/v1/dashboard.xlsx?lang=ko', 'the dashboard\'s XLSX');
  assertEqual(await text(page, '#dash-xlsx'), s('ko', 'dash_xlsx'), 'named in Korean');
  assertEqual(await fetchHead(page, await page.getAttribute('#dash-xlsx', 'href')), workbook, 'the dashboard\'s XLSX answers');
  await open(page, '/data?lang=vi');
  const sets = await page.$$eval('section.dataset', (els) =>
    els.map((e) => ({
      id: e.id,
      csv: e.querySelectorAll('ul.downloads a[data-format="csv"], ul.downloads a[data-format="csv-summary"]').length,
      xlsx: [...e.querySelectorAll('.xlsx-downloads a')].map((a) => a.getAttribute('href')),
    }))
  );
  assert(sets.length > 0, 'the catalog lists datasets');
  for (const d of sets) {
    assertEqual(d.xlsx.length, d.csv, `${d.id}: an XLSX for each CSV`);
    for (const h of d.xlsx) {
      assert(/^\/api\/v1\/[a-z_]+\.xlsx\?lang=vi$/.test(h), `${d.id}: ${h}`);
      assertEqual(await fetchHead(page, h), workbook, `${d.id}: ${h}`);
    }
  }
});
