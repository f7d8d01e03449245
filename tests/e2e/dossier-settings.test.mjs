// The dossiers' settings (web/admin-calendar.js, admin-limits.js,
// admin-procedures.js, with admin-dossier-settings.js) on the main e2e
// server:
//  - an admin lists the API's rows, adds a provisional day to 2027's
//    calendar and edits it (2027 stays provisional for the tests after
//    this one: a year with one confirmed day counts as official); adds a time limit and closes
//    its validity; adds who handles a procedure and closes that row: each
//    change is in the API afterwards and in the audit trail, with its
//    source;
//  - a bad value is the server's message next to its field (a day's as_of
//    after today, a limit's valid_to before its valid_from), and a change
//    without a source is not sent;
//  - the limits in force on a day, with the procedures that have none, are
//    the API's;
//  - on a server of its own, an admin confirms the provisional year 2027:
//    every provisional day becomes confirmed, one audited change each;
//  - an officer reads the three pages but sees no control that writes, and
//    the API refuses the officer's writes; the settings link shows to
//    admins only.
// The rows added are 2027's or new codes of this run: the tests that run
// afterwards on this server (dossiers…) count on no row they use.
import { join } from 'node:path';
import { test, assert, assertEqual, BASE, screenshotPath } from './harness.mjs';
import { s, open, pageAs, session, text, startIn } from './common.mjs';
import { startServer, addUser, tempDir, removeDir, PASSWORD } from './server.mjs';
import { setLang, fmtDate } from '../../web/i18n.js';

const ADMIN = process.env.KHU_E2E_ADMIN || '';
const OFFICER = process.env.KHU_E2E_OFFICER || '';
const RUN = Date.now().toString(36);

function accounts() {
  assert(process.env.KHU_E2E_PASSWORD && ADMIN && OFFICER, 'KHU_E2E_ADMIN, KHU_E2E_OFFICER and KHU_E2E_PASSWORD are not set (tests/scripts/test_e2e.sh creates the accounts)');
}

async function call(cookie, method, path, body) {
  const headers = { Accept: 'application/json', Cookie: cookie };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, body: await r.json().catch(() => null) };
}

async function audit(cookie, table, key) {
  const r = await call(cookie, 'GET', `/api/v1/audit?table=${table}&key=${encodeURIComponent(key)}`);
  assertEqual(r.status, 200, 'the audit trail answers');
  return r.body.records;
}

// Waits for the settings pages' message after a write.
async function said(page, want) {
  await page.waitForFunction((w) => document.querySelector('#ds-status') && document.querySelector('#ds-status').textContent === w, want);
}

async function submitAndWait(page, button, pathPart) {
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith(pathPart) && r.request().method() !== 'GET');
  await page.click(button);
  return answer;
}

test('dossier settings: an admin adds a calendar day and edits it; each change is in the API and the audit trail', async ({ newPage }) => {
  accounts();
  const l = 'en';
  setLang(l);
  const cookie = await session(ADMIN);
  const page = await pageAs(newPage, ADMIN, l, { allowHTTP: [[400, '/api/v1/calendar_days']] });
  await open(page, '/admin/calendar#year=2027');
  await page.waitForSelector('#cal-table');
  assertEqual(await text(page, 'main h1'), s(l, 'ds_cal_title'), 'heading');
  assertEqual(await page.$$eval('.settings-tabs a', (as) => as.map((a) => a.getAttribute('href'))), ['/admin/calendar', '/admin/time-limits', '/admin/procedures'], 'the tabs');
  assertEqual(await page.getAttribute('.settings-tabs a[aria-current="page"]', 'href'), '/admin/calendar', 'this tab is current');
  assertEqual(await page.isVisible('nav.main a[data-nav="settings"]'), true, 'the settings link shows to an admin');
  const y2027 = (await call(cookie, 'GET', '/api/v1/calendar?year=2027&lang=en')).body;
  assertEqual(await page.$$eval('#cal-table tbody tr', (rows) => rows.map((r) => r.dataset.date)), y2027.items.map((d) => d.date), 'the API\'s days of 2027');
  assertEqual(await page.getAttribute('#cal-year-state', 'data-state'), y2027.years[0].calendar, 'how far the calendar knows 2027');
  const first = y2027.items[0];
  assertEqual(await text(page, `#cal-table tr[data-date="${first.date}"] td.kind`), s(l, `ds_kind_${first.kind}`), 'a day\'s kind, translated');
  assertEqual(await text(page, `#cal-table tr[data-date="${first.date}"] td.name`), first.name, 'its name in the page\'s language');

  // a new day: without a source nothing is sent
  const date = '2027-12-30';
  await page.click('#cal-add');
  await page.waitForSelector('#cal-new');
  let posted = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/calendar_days') posted++;
  });
  await page.fill('#cn-date', date);
  await page.selectOption('#cn-kind', 'day_off');
  await page.fill('#cn-name_vi', `Ngày nghỉ thử ${RUN}`);
  await page.fill('#cn-name_en', `Test day off ${RUN}`);
  await page.selectOption('#cn-provisional', '1');
  await page.click('#cal-new-submit');
  assertEqual(await text(page, '#cn-source-err'), s(l, 'ds_need_source'), 'a source is asked for');
  assertEqual(posted, 0, 'nothing sent without a source');
  // an as_of after the server's today: the server's words next to the field
  const source = `Government Office notice (e2e ${RUN})`;
  await page.fill('#cn-source', source);
  await page.fill('#cn-as_of', '2099-01-01');
  let r = await submitAndWait(page, '#cal-new-submit', '/api/v1/calendar_days');
  assertEqual(r.status(), 400, 'the server refuses an as_of in the future');
  const refused = await r.json();
  const asOfProblem = refused.errors.find((e) => e.param === 'as_of');
  assert(asOfProblem && asOfProblem.rule === 'as_of_future', 'the API names as_of');
  await page.waitForFunction(() => document.querySelector('#cn-as_of-err').textContent !== '');
  assertEqual(await text(page, '#cn-as_of-err'), asOfProblem.detail, 'the server\'s message next to as_of');
  assertEqual(await page.getAttribute('#cn-as_of', 'aria-invalid'), 'true', 'the field is marked');
  assertEqual((await call(cookie, 'GET', `/api/v1/calendar_days/${date}`)).status, 404, 'nothing written');
  await page.fill('#cn-as_of', '2026-01-10');
  r = await submitAndWait(page, '#cal-new-submit', '/api/v1/calendar_days');
  assertEqual(r.status(), 201, 'the day is added');
  await said(page, s(l, 'ds_cal_added', { date: fmtDate(date) }));
  const row = `#cal-table tr[data-date="${date}"]`;
  assertEqual(await text(page, `${row} td.kind`), s(l, 'ds_kind_day_off'), 'the new day listed');
  assertEqual(await text(page, `${row} td.provisional`), s(l, 'ds_provisional'), 'as provisional');
  let stored = (await call(cookie, 'GET', `/api/v1/calendar_days/${date}`)).body;
  assertEqual([stored.kind, stored.provisional, stored.name_en, stored.source], ['day_off', 1, `Test day off ${RUN}`, source], 'the API has the day');
  let records = await audit(cookie, 'calendar_days', date);
  assertEqual(records.map((x) => [x.action, x.actor, x.source, x.as_of]), [['insert', ADMIN, source, '2026-01-10']], 'the audit trail has the insert with its source');

  // edit it: another kind and English name
  await page.click(`${row} button[data-action="edit"]`);
  await page.waitForSelector('#cal-edit');
  assertEqual(await page.inputValue('#ce-name_en'), `Test day off ${RUN}`, 'the form holds the stored values');
  assertEqual(await page.inputValue('#ce-provisional'), '1', 'and whether it is provisional');
  await page.selectOption('#ce-kind', 'compensatory');
  await page.fill('#ce-name_en', `Day off in lieu ${RUN}`);
  const source2 = `Decision of the Prime Minister (e2e ${RUN})`;
  await page.fill('#ce-source', source2);
  await page.fill('#ce-as_of', '2026-01-12');
  r = await submitAndWait(page, '#cal-edit-submit', '/api/v1/calendar_days');
  assertEqual(r.status(), 200, 'the change is taken');
  assert(r.request().headers()['if-match'], 'sent with If-Match');
  await said(page, s(l, 'ds_cal_saved', { date: fmtDate(date) }));
  assertEqual(await text(page, `${row} td.kind`), s(l, 'ds_kind_compensatory'), 'listed with its new kind');
  assertEqual(await text(page, `${row} td.name`), `Day off in lieu ${RUN}`, 'and its new name');
  assertEqual(await page.getAttribute('#cal-year-state', 'data-state'), 'provisional', '2027 is still provisional');
  stored = (await call(cookie, 'GET', `/api/v1/calendar_days/${date}`)).body;
  assertEqual([stored.kind, stored.provisional, stored.name_en, stored.source], ['compensatory', 1, `Day off in lieu ${RUN}`, source2], 'the API has the change, on its source');
  records = await audit(cookie, 'calendar_days', date);
  assertEqual(records.map((x) => [x.action, x.source]), [['update', source2], ['insert', source]], 'the audit trail has the update first');
  assertEqual([records[0].before.kind, records[0].after.kind], ['day_off', 'compensatory'], 'the record holds before and after');
  const deadline = (await call(cookie, 'GET', '/api/v1/calendar/deadline?from=2027-12-29&days=1')).body;
  assert(deadline.skipped.some((d) => d.date === date && d.kind === 'compensatory' && d.provisional), 'the next deadline counts on the day');
  await page.screenshot({ path: screenshotPath('settings-calendar-en'), fullPage: true });
});

test('dossier settings: an admin adds a time limit and closes it; a valid_to before valid_from is the server\'s message', async ({ newPage }) => {
  accounts();
  const l = 'vi';
  setLang(l);
  const cookie = await session(ADMIN);
  const page = await pageAs(newPage, ADMIN, l, { allowHTTP: [[400, '/api/v1/time_limits']] });
  await open(page, '/admin/time-limits');
  await page.waitForSelector('#lim-table');
  const all = (await call(cookie, 'GET', '/api/v1/time_limits?lang=vi')).body;
  assertEqual(await page.$$eval('#lim-table tbody tr', (rows) => rows.map((r) => r.dataset.code)), all.items.map((x) => x.code), 'the API\'s limits');
  const unknown = all.items.find((x) => x.days === null);
  assert(unknown, 'the default data has a limit of unknown days');
  assertEqual(await text(page, `#lim-table tr[data-code="${unknown.code}"] td.days`), s(l, 'unknown'), 'unknown days written unknown');
  assertEqual(await text(page, `#lim-table tr[data-code="${unknown.code}"] td.procedure`), s(l, `proc_${unknown.procedure}`) || unknown.procedure, 'the procedure translated');

  // in force on a day: the API's rows and the procedures with none
  await page.fill('#lf-on', '2026-01-15');
  const asked = page.waitForResponse((x) => x.url().includes('/api/v1/time_limits?on=2026-01-15'));
  await page.click('#lim-filter-submit');
  await asked;
  await page.waitForSelector('#lim-unknown');
  const on = (await call(cookie, 'GET', '/api/v1/time_limits?on=2026-01-15&lang=vi')).body;
  assertEqual(await page.$$eval('#lim-table tbody tr', (rows) => rows.map((r) => r.dataset.code)), on.items.map((x) => x.code), 'the limits in force that day');
  assertEqual(await page.$$eval('#lim-unknown li', (lis) => lis.map((li) => li.dataset.procedure)), on.unknown_procedures, 'the procedures with none, said');
  assertEqual(new URL(page.url()).hash, '#on=2026-01-15', 'the day kept in the address');

  // a new limit whose validity ends before it starts
  const code = `e2e-limit-${RUN}`;
  await page.click('#lim-add');
  await page.waitForSelector('#lim-new');
  await page.fill('#ln-code', code);
  await page.selectOption('#ln-procedure', 'irc_adjust');
  await page.fill('#ln-step', 'total');
  await page.fill('#ln-days', '15');
  await page.selectOption('#ln-day_kind', 'working');
  await page.fill('#ln-law', 'Luật thử nghiệm e2e, Điều 1');
  await page.fill('#ln-valid_from', '2027-01-01');
  await page.fill('#ln-valid_to', '2026-12-31');
  const source = `Luật thử nghiệm e2e ${RUN}`;
  await page.fill('#ln-source', source);
  await page.fill('#ln-as_of', '2026-01-02');
  let r = await submitAndWait(page, '#lim-new-submit', '/api/v1/time_limits');
  assertEqual(r.status(), 400, 'refused');
  const problem = (await r.json()).errors.find((e) => e.param === 'valid_to');
  assert(problem && problem.rule === 'before', 'the API names valid_to');
  await page.waitForFunction(() => document.querySelector('#ln-valid_to-err').textContent !== '');
  assertEqual(await text(page, '#ln-valid_to-err'), problem.detail, 'the server\'s message next to valid_to, in Vietnamese');
  assertEqual((await call(cookie, 'GET', `/api/v1/time_limits/${code}`)).status, 404, 'nothing written');
  await page.fill('#ln-valid_to', '');
  r = await submitAndWait(page, '#lim-new-submit', '/api/v1/time_limits');
  assertEqual(r.status(), 201, 'the limit is added');
  await said(page, s(l, 'ds_lim_added', { code }));
  let stored = (await call(cookie, 'GET', `/api/v1/time_limits/${code}`)).body;
  assertEqual([stored.procedure, stored.step, stored.days, stored.day_kind, stored.valid_from, stored.valid_to, stored.source], ['irc_adjust', 'total', 15, 'working', '2027-01-01', null, source], 'the API has the limit');
  // the list still shows the day asked for: the new limit is not in force then
  assertEqual(await page.locator(`#lim-table tr[data-code="${code}"]`).count(), 0, 'not in force on 2026-01-15');
  await page.click('#lim-filter-all');
  await page.waitForSelector(`#lim-table tr[data-code="${code}"]`);
  assertEqual(await text(page, `#lim-table tr[data-code="${code}"] td.days`), s(l, 'ds_n_working', { n: '15' }), 'listed with its days');

  // close its validity
  await page.click(`#lim-table tr[data-code="${code}"] button[data-action="close"]`);
  await page.waitForSelector('#lim-close');
  const source2 = `Văn bản thay thế e2e ${RUN}`;
  await page.fill('#lc-valid_to', '2027-06-30');
  await page.fill('#lc-source', source2);
  r = await submitAndWait(page, '#lim-close-submit', '/api/v1/time_limits');
  assertEqual(r.status(), 200, 'closed');
  await said(page, s(l, 'ds_lim_closed', { code, date: fmtDate('2027-06-30') }));
  assertEqual(await page.locator(`#lim-table tr[data-code="${code}"] button[data-action="close"]`).count(), 0, 'a closed limit cannot be closed again');
  stored = (await call(cookie, 'GET', `/api/v1/time_limits/${code}`)).body;
  assertEqual([stored.valid_to, stored.days], ['2027-06-30', 15], 'the API has the end of its validity');
  const records = await audit(cookie, 'time_limits', code);
  assertEqual(records.map((x) => [x.action, x.actor, x.source]), [['update', ADMIN, source2], ['insert', ADMIN, source]], 'both changes in the audit trail, with their sources');
  assertEqual([records[0].before.valid_to, records[0].after.valid_to], [null, '2027-06-30'], 'before and after');
  await page.screenshot({ path: screenshotPath('settings-limits-vi'), fullPage: true });
});

test('dossier settings: an admin adds who handles a procedure and closes that row', async ({ newPage }) => {
  accounts();
  const l = 'ko';
  setLang(l);
  const cookie = await session(ADMIN);
  const page = await pageAs(newPage, ADMIN, l);
  await open(page, '/admin/procedures');
  await page.waitForSelector('#pd-table');
  const rows = (await call(cookie, 'GET', '/api/v1/procedure_departments?limit=500&lang=ko')).body.items;
  const keyOf = (x) => `${x.procedure}/${x.location}/${x.department}`;
  assertEqual((await page.$$eval('#pd-table tbody tr', (trs) => trs.map((tr) => tr.dataset.key))).sort(), rows.map(keyOf).sort(), 'the API\'s rows');
  const departments = (await call(cookie, 'GET', '/api/v1/departments?limit=500&lang=ko')).body.items;
  const one = rows[0];
  const dept = departments.find((d) => d.code === one.department);
  assertEqual(await text(page, `#pd-table tr[data-key="${keyOf(one)}"] td.department`), dept.name_ko || dept.name, 'the department by its name');
  assertEqual(await text(page, `#pd-table tr[data-key="${keyOf(one)}"] td.role`), s(l, `ds_pd_role_${one.role}`), 'its role translated');

  // a consulted department for land leases in parks, from 2027
  const taken = new Set(rows.map(keyOf));
  const d = departments.find((x) => !taken.has(`land_lease/in_park/${x.code}`));
  assert(d, 'a department not yet consulted on land leases in parks');
  const key = `land_lease/in_park/${d.code}`;
  await page.click('#pd-add');
  await page.waitForSelector('#pd-new');
  await page.selectOption('#pn-procedure', 'land_lease');
  await page.selectOption('#pn-location', 'in_park');
  await page.selectOption('#pn-department', d.code);
  await page.selectOption('#pn-role', 'consulted');
  await page.fill('#pn-valid_from', '2027-01-01');
  let sent = 0;
  page.on('request', (x) => {
    if (x.method() === 'POST' && new URL(x.url()).pathname === '/api/v1/procedure_departments') sent++;
  });
  await page.click('#pd-new-submit');
  assertEqual(await text(page, '#pn-source-err'), s(l, 'ds_need_source'), 'a source is asked for');
  assertEqual(sent, 0, 'nothing sent without a source');
  const source = `UBND tỉnh, quyết định thử e2e ${RUN}`;
  await page.fill('#pn-source', source);
  let r = await submitAndWait(page, '#pd-new-submit', '/api/v1/procedure_departments');
  assertEqual(r.status(), 201, 'the row is added');
  await page.waitForSelector(`#pd-table tr[data-key="${key}"]`);
  const path = `/api/v1/procedure_departments/${key}`;
  let stored = (await call(cookie, 'GET', path)).body;
  assertEqual([stored.role, stored.valid_from, stored.valid_to, stored.source], ['consulted', '2027-01-01', null, source], 'the API has the row');

  await page.click(`#pd-table tr[data-key="${key}"] button[data-action="close"]`);
  await page.waitForSelector('#pd-close');
  await page.fill('#pc-valid_to', '2027-12-31');
  await page.fill('#pc-source', `Quyết định bãi bỏ e2e ${RUN}`);
  r = await submitAndWait(page, '#pd-close-submit', '/api/v1/procedure_departments');
  assertEqual(r.status(), 200, 'closed');
  await page.waitForFunction((k) => {
    const td = document.querySelector(`#pd-table tr[data-key="${k}"] td.valid-to time`);
    return td && td.getAttribute('datetime') === '2027-12-31';
  }, key);
  stored = (await call(cookie, 'GET', path)).body;
  assertEqual(stored.valid_to, '2027-12-31', 'the API has the end of its validity');
  const records = await audit(cookie, 'procedure_departments', key);
  assertEqual(records.map((x) => [x.action, x.actor, x.source]), [['update', ADMIN, `Quyết định bãi bỏ e2e ${RUN}`], ['insert', ADMIN, source]], 'both changes in the audit trail');
  await page.screenshot({ path: screenshotPath('settings-procedures-ko'), fullPage: true });
});

test('dossier settings: an admin confirms the provisional year 2027, one audited change per day', async ({ newPage }) => {
  const dir = tempDir();
  let server = null;
  try {
    const db = join(dir, 'khu.db');
    server = await startServer(db, '2026-01-15');
    addUser(db, 'cal-admin', 'admin');
    const login = await fetch(`${server.url}/api/v1/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'cal-admin', password: PASSWORD }) });
    assertEqual(login.status, 200, 'the admin signs in');
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const before = await (await fetch(`${server.url}/api/v1/calendar?year=2027`)).json();
    const provisional = before.items.filter((d) => d.provisional);
    assertEqual(before.years[0].calendar, 'provisional', '2027 is provisional');
    assert(provisional.length > 0, 'with provisional days');
    const l = 'ko';
    const page = await newPage();
    await startIn(page, l);
    assertEqual((await page.context().request.post(`${server.url}/api/v1/login`, { data: { user: 'cal-admin', password: PASSWORD } })).status(), 200, 'signed in in the browser');
    await page.goto(`${server.url}/admin/calendar#year=2027`);
    await page.waitForSelector('#cal-table');
    assertEqual(await page.getAttribute('#cal-year-state', 'data-state'), 'provisional', 'the page says 2027 is provisional');
    await page.click('#cal-confirm');
    await page.waitForSelector('#cal-confirm-form');
    assertEqual(await page.locator('#cal-confirm-form li').count(), provisional.length, 'the days to confirm listed');
    const source = 'Thông báo của Văn phòng Chính phủ về lịch nghỉ năm 2027 (e2e)';
    await page.fill('#cc-source', source);
    await page.fill('#cc-as_of', '2026-01-14');
    await page.click('#cal-confirm-form-submit');
    await page.waitForFunction((w) => document.querySelector('#ds-status').textContent === w, s(l, 'ds_cal_confirmed', { year: 2027, n: provisional.length }));
    assertEqual(await page.getAttribute('#cal-year-state', 'data-state'), 'official', 'the page says 2027 is official');
    assertEqual(await page.locator('#cal-confirm').count(), 0, 'nothing left to confirm');
    const after = await (await fetch(`${server.url}/api/v1/calendar?year=2027`)).json();
    assertEqual(after.years[0].calendar, 'official', 'the API says 2027 is official');
    assertEqual(after.items.filter((d) => d.provisional).length, 0, 'no provisional day left');
    const trail = await (await fetch(`${server.url}/api/v1/audit?table=calendar_days&limit=500`, { headers: { Cookie: cookie } })).json();
    const confirmed = trail.records.filter((x) => x.action === 'update' && x.source === source && x.before.provisional === 1 && x.after.provisional === 0);
    assertEqual(confirmed.map((x) => x.key).sort(), provisional.map((d) => d.date).sort(), 'one audited change per day confirmed');
  } finally {
    if (server) await server.stop();
    removeDir(dir);
  }
});

test('dossier settings: an officer reads the three pages without a control that writes, and the API refuses the officer', async ({ newPage }) => {
  accounts();
  const l = 'en';
  const cookie = await session(OFFICER);
  const page = await pageAs(newPage, OFFICER, l);
  for (const [path, table, add] of [
    ['/admin/calendar', '#cal-table', '#cal-add'],
    ['/admin/time-limits', '#lim-table', '#lim-add'],
    ['/admin/procedures', '#pd-table', '#pd-add'],
  ]) {
    await open(page, path);
    await page.waitForSelector(table);
    assert((await page.locator(`${table} tbody tr`).count()) > 0, `${path}: the rows are shown`);
    assertEqual(await page.locator(add).count(), 0, `${path}: no add button`);
    assertEqual(await page.locator('main button[data-action], main form.edit-form, #cal-confirm').count(), 0, `${path}: no control that writes`);
    assertEqual(await text(page, '#ds-read-only'), s(l, 'ds_read_only'), `${path}: says who may change it`);
  }
  assertEqual(await page.isVisible('nav.main a[data-nav="settings"]'), false, 'the settings link is not shown to an officer');
  const day = await call(cookie, 'POST', '/api/v1/calendar_days', { fields: { date: '2027-12-29', kind: 'day_off', name_vi: 'x' }, source: 'x', as_of: '2026-01-02' });
  assertEqual(day.status, 403, 'the API refuses an officer a calendar day');
  const limit = await call(cookie, 'POST', '/api/v1/time_limits', { fields: { code: `e2e-officer-${RUN}`, procedure: 'irc_issue', step: 'total', law: 'x' }, source: 'x' });
  assertEqual(limit.status, 403, 'a time limit');
  const pd = await call(cookie, 'POST', '/api/v1/procedure_departments', { fields: { procedure: 'irc_issue', location: 'in_park', department: 'tay-ninh-so-xay-dung', role: 'consulted' }, source: 'x' });
  assertEqual(pd.status, 403, 'a row of who handles a procedure');
  assertEqual((await call(cookie, 'GET', '/api/v1/time_limits/e2e-officer-' + RUN)).status, 404, 'nothing written');
});
