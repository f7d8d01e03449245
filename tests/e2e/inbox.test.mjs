// The officers' inbox of inquiries (/inbox, web/inbox.js): an officer sees
// the inquiries the API lists, opens one, sets its status, assigns it to
// themselves and writes a note, and the list, the API and the audit trail
// have it; the filters by status and by owner list what the API lists for
// them, are kept in the address, and the CSV and XLSX links carry them
// and answer those leads; an owner the API refuses is said next to its
// field in the page's language; a change saved meanwhile by someone else
// is said, overwrites nothing, and the reload lists what was typed; a
// viewer is told the page is not for their role and the API refuses them,
// a visitor is asked to sign in and comes back to the inbox; the staff's
// links show in the header only for staff.
//
// The default data has no inquiry: two are sent here through the public
// form's API (POST /api/v1/leads). One address may send 5 in 10 minutes
// (src/api/leads.c) and investor.test.mjs sends 2, so this file sends 2.
// tests/scripts/test_e2e.sh creates the accounts and passes them in
// KHU_E2E_OFFICER, KHU_E2E_VIEWER and KHU_E2E_PASSWORD.
import { test, assert, assertEqual, BASE, parseCSV, screenshotPath } from './harness.mjs';
import { s, open, ready, startIn, injectAxe, pageAs, text, focused, session } from './common.mjs';

const OFFICER = process.env.KHU_E2E_OFFICER || '';
const VIEWER = process.env.KHU_E2E_VIEWER || '';
const PASSWORD = process.env.KHU_E2E_PASSWORD || '';
const RUN = Date.now().toString(36);

function accounts(...names) {
  assert(PASSWORD && names.every(Boolean), 'KHU_E2E_OFFICER, KHU_E2E_VIEWER and KHU_E2E_PASSWORD are not set (tests/scripts/test_e2e.sh creates the accounts)');
}

async function get(cookie, path) {
  const r = await fetch(BASE + path, { headers: { Accept: 'application/json', Cookie: cookie } });
  return { status: r.status, etag: r.headers.get('etag'), type: r.headers.get('content-type'), body: r.headers.get('content-type').includes('json') ? await r.json() : Buffer.from(await r.arrayBuffer()) };
}

async function patchLead(cookie, code, fields, etag, l = 'en') {
  const r = await fetch(`${BASE}/api/v1/leads/${code}?lang=${l}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Cookie: cookie, 'If-Match': etag },
    body: JSON.stringify({ fields }),
  });
  return { status: r.status, body: await r.json() };
}

// Two inquiries of this run, sent once through the public form's API.
let made = null;
function leads() {
  if (!made) {
    made = (async () => {
      const out = [];
      for (const [i, zones] of [
        ['A', ['kcn-long-hau']],
        ['B', []],
      ]) {
        const company = `E2E ${i} ${RUN} Co.`;
        const r = await fetch(`${BASE}/api/v1/leads?lang=en`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ name: `Kim ${i}`, company, country: 'KR', email: `kim.${i.toLowerCase()}.${RUN}@example.com`, message: `Looking for 20 ha (${i}).\nSecond line.`, zones }),
        });
        const body = await r.json();
        assertEqual(r.status, 201, `inquiry ${i}: ${JSON.stringify(body)}`);
        out.push({ code: body.code, company, contact: `Kim ${i} <kim.${i.toLowerCase()}.${RUN}@example.com>`, zones });
      }
      return out;
    })();
  }
  return made;
}

const rowCodes = (page) => page.$$eval('#inbox-table tbody tr', (rows) => rows.map((r) => r.dataset.code));
const hashOf = (page) => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).toString());

async function openInbox(page, hash = '') {
  await open(page, `/inbox${hash}`);
  await page.waitForSelector('#inbox-count');
  await page.waitForFunction(() => !document.querySelector('#inbox-list[aria-busy]'));
}

// Chooses a filter's value and waits for the list the page asks for.
async function filter(page, sel, value) {
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/leads');
  await page.selectOption(sel, value);
  await answer;
  await page.waitForFunction(() => !document.querySelector('#inbox-list[aria-busy]'));
}

async function openLead(page, code) {
  await page.click(`button.open-lead[data-code="${code}"]`);
  await page.waitForSelector(`#lead-detail[data-code="${code}"] #lead-form`);
}

async function axe(page, where) {
  await injectAxe(page);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')} (${v.help})`);
  });
  assertEqual(found, [], `${where}: WCAG 2.1 AA`);
}

// The codes of the leads of this run the API lists for a query.
async function apiCodes(cookie, query, mine) {
  const r = await get(cookie, `/api/v1/leads?${query}`);
  assertEqual(r.status, 200, `GET /api/v1/leads?${query}`);
  return r.body.items.map((x) => x.code).filter((c) => mine.includes(c));
}

test('inbox: an officer opens an inquiry, sets its status, takes it and writes a note; the list, the API and the trail have it (vi)', async ({ newPage }) => {
  accounts(OFFICER);
  const l = 'vi';
  const [a, b] = await leads();
  const page = await pageAs(newPage, OFFICER, l);
  await openInbox(page);
  assertEqual(await text(page, 'main h1'), s(l, 'ib_title'), 'heading');
  // the header: the staff's links for an officer, not the admins'
  assertEqual(await page.isVisible('nav.main a[data-nav="inbox"]'), true, 'the inbox link shows for an officer');
  assertEqual(await text(page, 'nav.main a[data-nav="inbox"]'), s(l, 'nav_inbox'), 'its name');
  assertEqual(await page.getAttribute('nav.main a[data-nav="inbox"]', 'aria-current'), 'page', 'the inbox is the current page');
  assertEqual(await page.isVisible('nav.main a[data-nav="audit"]'), true, 'the audit link shows for an officer');
  assertEqual(await page.isVisible('nav.main a[data-nav="users"]'), false, 'no users link for an officer');

  // the list: what the API lists, newest first, in the page's language
  const cookie = await session(OFFICER);
  const all = (await get(cookie, '/api/v1/leads?limit=50')).body;
  assertEqual(await rowCodes(page), all.items.map((x) => x.code), 'the rows are the API\'s leads in its order');
  assertEqual(await text(page, '#inbox-count'), s(l, 'ib_count', { from: 1, to: all.items.length, total: all.total }), 'the count');
  for (const x of [a, b]) {
    const row = `#inbox-table tr[data-code="${x.code}"]`;
    assertEqual(await text(page, `${row} button.open-lead`), x.company, `${x.code}: the company`);
    assertEqual(await text(page, `${row} td.status`), s(l, 'lead_status_new'), `${x.code}: a new lead`);
    assertEqual(await text(page, `${row} td.owner`), s(l, 'ib_owner_none'), `${x.code}: nobody follows it up`);
    assertEqual(await page.getAttribute(`${row} td.contact a`, 'href'), `mailto:${x.contact.replace(/^.*<|>$/g, '')}`, `${x.code}: the e-mail is a mail link`);
  }
  assertEqual(await page.getAttribute(`#inbox-table tr[data-code="${a.code}"] a[href^="/zones/"]`, 'href'), '/zones/kcn-long-hau', 'the zone of interest is a link');
  assertEqual(await page.getAttribute('#inbox-csv', 'href'), `/api/v1/leads.csv?lang=${l}`, 'the CSV of the whole list');
  assertEqual(await page.getAttribute('#inbox-xlsx', 'href'), `/api/v1/leads.xlsx?lang=${l}`, 'the XLSX of the whole list');
  await axe(page, 'the inbox');

  // one lead: the investor's words and the follow-up form
  await openLead(page, a.code);
  assertEqual(await text(page, '#lead-h'), s(l, 'ib_lead_title', { company: a.company }), 'the lead\'s heading');
  assertEqual(await focused(page), 'lead-h', 'focus on the lead');
  assertEqual(await page.$eval('#lead-message', (e) => e.textContent), 'Looking for 20 ha (A).\nSecond line.', 'the message as sent, lines kept');
  assert((await text(page, '#lead-facts')).includes('(KR)'), 'the country');
  assertEqual(await page.inputValue('#lead-status'), 'new', 'the form holds the status');
  assertEqual(await page.inputValue('#lead-owner'), '', 'and no owner');
  assertEqual(await text(page, '#lead-status option[value="visiting"]'), s(l, 'lead_status_visiting'), 'statuses are translated');
  assert((await hashOf(page)).includes(`lead=${a.code}`), 'the address names the lead opened');
  await axe(page, 'a lead and its form');
  await page.selectOption('#lead-status', 'contacted');
  await page.click('#lead-mine');
  assertEqual(await page.inputValue('#lead-owner'), OFFICER, '"Assign to me" writes the officer\'s name');
  const note = 'Đã gọi điện; hẹn khảo sát ngày 20/1.';
  await page.fill('#lead-notes', note);
  const answer = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await page.click('#lead-save');
  const resp = await answer;
  assertEqual(resp.status(), 200, 'saved');
  assert(/^"[0-9a-f]{16}/.test(resp.request().headers()['if-match'] || ''), `sent with the lead's ETag: ${resp.request().headers()['if-match']}`);
  assertEqual(JSON.parse(resp.request().postData()), { fields: { status: 'contacted', owner: OFFICER, notes: note } }, 'the three fields changed');
  const want = s(l, 'ib_saved', { fields: [s(l, 'ib_l_status'), s(l, 'ib_l_owner'), s(l, 'ib_l_notes')].join(', ') });
  await page.waitForFunction((w) => document.querySelector('#lead-saved') && document.querySelector('#lead-saved').textContent === w, want);
  assertEqual(await page.inputValue('#lead-notes'), note, 'the form shows the saved note');
  assertEqual(await text(page, `#inbox-table tr[data-code="${a.code}"] td.status`), s(l, 'lead_status_contacted'), 'the list shows the status');
  assertEqual(await text(page, `#inbox-table tr[data-code="${a.code}"] td.owner`), OFFICER, 'and the owner');
  const row = (await get(cookie, `/api/v1/leads/${a.code}`)).body;
  assertEqual([row.status, row.owner, row.notes], ['contacted', OFFICER, note], 'the API has it');
  const trail = (await get(cookie, `/api/v1/audit?table=leads&key=${a.code}&limit=1`)).body.records[0];
  assertEqual([trail.actor, trail.action, trail.after.status, trail.after.owner], [OFFICER, 'update', 'contacted', OFFICER], 'the audit trail records who changed what');
  await page.screenshot({ path: screenshotPath('inbox-saved-vi'), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(width <= 360, `the inbox with a lead open is ${width} px wide at 360 px`);
  await page.screenshot({ path: screenshotPath('inbox-saved-vi-360px'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // a second change needs no reload: the new ETag is read with the lead
  await page.selectOption('#lead-status', 'visiting');
  const again = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await page.click('#lead-save');
  assertEqual((await again).status(), 200, 'a second change on the new version');
  await page.waitForFunction((w) => document.querySelector('#lead-saved') && document.querySelector('#lead-saved').textContent === w, s(l, 'ib_saved', { fields: s(l, 'ib_l_status') }));
  await page.click('#lead-close');
  assertEqual(await page.locator('#lead-detail').count(), 0, 'the lead closes');
  assertEqual(await focused(page), '', 'focus back on the lead\'s button');
  assertEqual(await page.evaluate(() => document.activeElement.dataset.code), a.code, 'the button of that lead');
});

test('inbox: the filters list what the API lists, stay in the address, and the CSV and XLSX follow them (vi)', async ({ newPage }) => {
  accounts(OFFICER);
  const l = 'vi';
  const [a, b] = await leads();
  const mine = [a.code, b.code];
  const cookie = await session(OFFICER);
  // a is followed up by the officer (the test above, or here)
  const cur = await get(cookie, `/api/v1/leads/${a.code}`);
  if (cur.body.owner !== OFFICER) assertEqual((await patchLead(cookie, a.code, { owner: OFFICER, status: 'visiting' }, cur.etag)).status, 200, 'a is the officer\'s');
  const status = (await get(cookie, `/api/v1/leads/${a.code}`)).body.status;
  const page = await pageAs(newPage, OFFICER, l);
  await openInbox(page);
  await filter(page, '#inbox-status', status);
  const want = await apiCodes(cookie, `status=${status}`, mine);
  assertEqual((await rowCodes(page)).filter((c) => mine.includes(c)), want, `status=${status}: the API's leads`);
  assert(want.includes(a.code) && !want.includes(b.code), 'the filter keeps a, not b');
  for (const st of await page.$$eval('#inbox-table td.status', (els) => els.map((e) => e.textContent.trim()))) assertEqual(st, s(l, `lead_status_${status}`), 'every row has the status');
  assertEqual(await hashOf(page), `status=${status}`, 'the address keeps the filter');
  assertEqual(await page.getAttribute('#inbox-csv', 'href'), `/api/v1/leads.csv?status=${status}&lang=${l}`, 'the CSV follows the filter');
  assertEqual(await page.getAttribute('#inbox-xlsx', 'href'), `/api/v1/leads.xlsx?status=${status}&lang=${l}`, 'the XLSX follows the filter');
  // the downloads, with the page's session
  const csv = await page.evaluate((h) => fetch(h).then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), text: await r.text() })), await page.getAttribute('#inbox-csv', 'href'));
  assertEqual([csv.status, csv.type.split(';')[0]], [200, 'text/csv'], 'the CSV answers');
  const rows = parseCSV(csv.text);
  assertEqual(rows[0].slice(0, 3), ['code', 'received_on', 'company'], 'the CSV\'s header');
  const codeAt = rows[0].indexOf('code');
  const statusAt = rows[0].indexOf('status');
  assertEqual(rows.slice(1).map((r) => r[codeAt]).filter((c) => mine.includes(c)), want, 'the CSV has the filtered leads');
  assert(rows.slice(1).every((r) => r[statusAt] === status), 'only leads of that status');
  const xlsx = await page.evaluate((h) => fetch(h).then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), head: [...new Uint8Array(await r.arrayBuffer()).slice(0, 2)] })), await page.getAttribute('#inbox-xlsx', 'href'));
  assertEqual(xlsx, { status: 200, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', head: [0x50, 0x4b] }, 'the XLSX answers a workbook');

  // by owner: me, nobody
  await filter(page, '#inbox-status', '');
  await filter(page, '#inbox-owner', 'me');
  assertEqual((await rowCodes(page)).filter((c) => mine.includes(c)), await apiCodes(cookie, 'owner=me', mine), 'owner=me: the API\'s leads');
  assert((await rowCodes(page)).includes(a.code) && !(await rowCodes(page)).includes(b.code), 'mine: a, not b');
  assertEqual(await page.getAttribute('#inbox-xlsx', 'href'), `/api/v1/leads.xlsx?owner=me&lang=${l}`, 'the XLSX follows the owner');
  await filter(page, '#inbox-owner', 'none');
  assert((await rowCodes(page)).includes(b.code) && !(await rowCodes(page)).includes(a.code), 'nobody\'s: b, not a');
  for (const o of await page.$$eval('#inbox-table td.owner', (els) => els.map((e) => e.textContent.trim()))) assertEqual(o, s(l, 'ib_owner_none'), 'no row has an owner');
  // a filter that matches nothing says so
  await filter(page, '#inbox-status', 'invested');
  assertEqual(await text(page, '#inbox-count'), s(l, 'ib_none_filtered'), 'nothing matches');
  assertEqual(await page.locator('#inbox-table').count(), 0, 'no table');
  // the address brings the filter back
  await page.reload();
  await ready(page);
  await page.waitForSelector('#inbox-count');
  assertEqual([await page.inputValue('#inbox-status'), await page.inputValue('#inbox-owner')], ['invested', 'none'], 'the filter after a reload');
  assertEqual(await text(page, '#inbox-count'), s(l, 'ib_none_filtered'), 'the same list after a reload');
  await page.screenshot({ path: screenshotPath('inbox-filtered-vi'), fullPage: true });
});

test('inbox: an owner the API refuses is said next to its field, in the page\'s language (en, ko)', async ({ newPage }) => {
  accounts(OFFICER, VIEWER);
  const [, b] = await leads();
  const cookie = await session(OFFICER);
  for (const l of ['en', 'ko']) {
    const { etag } = await get(cookie, `/api/v1/leads/${b.code}`);
    const ref = await patchLead(cookie, b.code, { owner: VIEWER }, etag, l);
    assertEqual(ref.status, 400, `${l}: the API refuses a viewer as owner`);
    const want = ref.body.errors.find((e) => e.param === 'owner').detail;
    const page = await pageAs(newPage, OFFICER, l, { allowHTTP: [[400, `/api/v1/leads/${b.code}`]] });
    await openInbox(page, `#lead=${b.code}`);
    await page.waitForSelector('#lead-form');
    await page.fill('#lead-owner', VIEWER);
    const answer = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await page.click('#lead-save');
    assertEqual((await answer).status(), 400, `${l}: refused`);
    await page.waitForSelector('#lead-owner-err:not(:empty)');
    assertEqual(await text(page, '#lead-owner-err'), want, `${l}: the API's message next to the field`);
    assertEqual(await page.getAttribute('#lead-owner', 'aria-invalid'), 'true', `${l}: the field is marked`);
    assert((await page.getAttribute('#lead-owner', 'aria-describedby')).split(' ').includes('lead-owner-err'), `${l}: and described by it`);
    assertEqual(await focused(page), 'lead-alert', `${l}: focus on the list of problems`);
    assert((await text(page, '#lead-alert')).includes(`${s(l, 'ib_l_owner')}: ${want}`), `${l}: the list names the field by its label`);
    if (l === 'en') await axe(page, 'a lead with a problem');
  }
  const row = (await get(cookie, `/api/v1/leads/${b.code}`)).body;
  assert(row.owner !== VIEWER, 'nothing was written');
});

test('inbox: a change saved meanwhile by someone else is said, overwrites nothing, and the reload lists what was typed (vi)', async ({ newPage }) => {
  accounts(OFFICER);
  const l = 'vi';
  const [, b] = await leads();
  const page = await pageAs(newPage, OFFICER, l, { allowHTTP: [[412, `/api/v1/leads/${b.code}`]] });
  await openInbox(page);
  await openLead(page, b.code);
  await page.fill('#lead-notes', 'e2e: của tôi');
  // meanwhile, another officer changes the lead
  const cookie = await session(OFFICER);
  const { etag } = await get(cookie, `/api/v1/leads/${b.code}`);
  assertEqual((await patchLead(cookie, b.code, { status: 'dropped', notes: 'e2e: của họ' }, etag)).status, 200, 'their change is saved');
  const answer = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await page.click('#lead-save');
  assertEqual((await answer).status(), 412, 'the stale change is refused');
  await page.waitForSelector('#lead-reload');
  assertEqual(await text(page, '#lead-stale'), s(l, 'ib_stale'), 'the page says someone else changed it');
  assert(await page.locator('#lead-save').isHidden(), 'no saving over their change');
  assertEqual((await get(cookie, `/api/v1/leads/${b.code}`)).body.notes, 'e2e: của họ', 'their note stays');
  await page.screenshot({ path: screenshotPath('inbox-stale-vi'), fullPage: false });
  await page.click('#lead-reload');
  await page.waitForSelector('#lead-unsaved');
  assertEqual(await page.inputValue('#lead-notes'), 'e2e: của họ', 'the form holds their note');
  assertEqual(await page.inputValue('#lead-status'), 'dropped', 'and their status');
  assert((await text(page, '#lead-unsaved')).includes('e2e: của tôi'), 'what was typed is listed');
  assertEqual(await focused(page), 'lead-unsaved', 'focus on what was not saved');
  assertEqual(await text(page, `#inbox-table tr[data-code="${b.code}"] td.status`), s(l, 'lead_status_dropped'), 'the list shows their status');
  // made again on the current version, the change is saved
  await page.fill('#lead-notes', 'e2e: của tôi');
  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await page.click('#lead-save');
  assertEqual((await saved).status(), 200, 'saved on the current version');
  assertEqual((await get(cookie, `/api/v1/leads/${b.code}`)).body.notes, 'e2e: của tôi', 'the API has it');
});

test('inbox: a viewer is told the page is not for them and the API refuses them; a visitor signs in and comes back (vi)', async ({ newPage }) => {
  accounts(OFFICER, VIEWER);
  const l = 'vi';
  await leads();
  const roles = [s(l, 'role_admin'), s(l, 'role_officer')].join(', ');
  const viewer = await pageAs(newPage, VIEWER, l, { allowHTTP: [[403, '/api/v1/leads']] });
  await open(viewer, '/inbox');
  await viewer.waitForSelector('#staff-refused');
  assertEqual(await text(viewer, 'main h1'), s(l, 'ib_title'), 'the page\'s heading');
  assertEqual(await text(viewer, '#staff-refused'), s(l, 'adm_not_allowed', { role: s(l, 'role_viewer'), roles }), 'says the role may not');
  assertEqual(await viewer.locator('#inbox-table, #inbox-filters').count(), 0, 'no list, no filter');
  assertEqual(await viewer.locator('nav.main a[data-nav="inbox"]:visible, nav.main a[data-nav="audit"]:visible, nav.main a[data-nav="users"]:visible').count(), 0, 'no staff link in the header');
  const status = await viewer.evaluate(() => fetch('/api/v1/leads').then((r) => r.status));
  assertEqual(status, 403, 'the API refuses a viewer');
  await viewer.screenshot({ path: screenshotPath('inbox-viewer-vi'), fullPage: false });

  const visitor = await pageAs(newPage, null, l);
  await open(visitor, '/inbox');
  await visitor.waitForSelector('#staff-signed-out');
  assertEqual(await text(visitor, '#staff-signed-out'), s(l, 'adm_sign_in_needed', { roles }), 'asks to sign in');
  assertEqual(await visitor.getAttribute('#staff-sign-in', 'href'), `/login#next=${encodeURIComponent('/inbox')}`, 'the link comes back here');
  await visitor.click('#staff-sign-in');
  await visitor.waitForSelector('#login-form');
  await visitor.fill('#login-user', OFFICER);
  await visitor.fill('#login-password', PASSWORD);
  await visitor.click('#login-submit');
  await visitor.waitForURL(`${BASE}/inbox`);
  await visitor.waitForSelector('#inbox-count');
  assertEqual(await visitor.locator('#staff-signed-out').count(), 0, 'signed in, the inbox is shown');
  assertEqual(await visitor.isVisible('nav.main a[data-nav="inbox"]'), true, 'and its link in the header');
  // signing out from the header draws the page again, asking to sign in
  await visitor.click('#sign-out');
  await visitor.waitForSelector('#staff-signed-out');
  assertEqual(await visitor.locator('#inbox-table').count(), 0, 'signed out: the leads are gone from the page');
  assertEqual(await visitor.isVisible('nav.main a[data-nav="inbox"]'), false, 'and the link from the header');
});
