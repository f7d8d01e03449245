// Editing zones in the web app (zone-edit.js) and a zone's history
// (zone-history.js): an officer makes a zone from the finder, changes its
// total area with a source and a date and sees the new figure in the page
// and in the history; a bad value shows the API's message next to its field
// in the page's language (vi, en); an edit made on a zone that someone
// else changed meanwhile says so, overwrites nothing and reloads the
// current values; viewers and visitors see no edit control and the API
// refuses a viewer's change (403); cancelling asks first, then marks the
// zone cancelled; the forms pass axe (WCAG 2.1 AA).
//
// The zones edited here are made by these tests (codes kcn-zz-e2e-…), so
// that the zones of the data set, which the other files check, stay as
// loaded. tests/scripts/test_e2e.sh creates the accounts and passes them in
// KHU_E2E_OFFICER, KHU_E2E_VIEWER and KHU_E2E_PASSWORD.
import { test, assert, assertEqual, BASE, LOCALES, screenshotPath } from './harness.mjs';
import { s, open, ready, startIn, injectAxe, pageAs, text, focused, session } from './common.mjs';

const OFFICER = process.env.KHU_E2E_OFFICER || '';
const VIEWER = process.env.KHU_E2E_VIEWER || '';
const PASSWORD = process.env.KHU_E2E_PASSWORD || '';
const RUN = Date.now().toString(36);
// a date the figures are as of, before any day these tests run on
const AS_OF = '2025-06-30';

function accounts(...names) {
  assert(PASSWORD && names.every(Boolean), 'KHU_E2E_OFFICER, KHU_E2E_VIEWER and KHU_E2E_PASSWORD are not set (tests/scripts/test_e2e.sh creates the accounts)');
}

// ===== the API, from outside the browser =====

// The zone as the API has it now, with its ETag.
async function zoneOf(code) {
  const r = await fetch(`${BASE}/api/v1/zones/${encodeURIComponent(code)}`);
  assertEqual(r.status, 200, `GET ${code}`);
  return { zone: await r.json(), etag: r.headers.get('etag') };
}

async function history(code) {
  const r = await fetch(`${BASE}/api/v1/zones/${encodeURIComponent(code)}/history`);
  assertEqual(r.status, 200, `GET ${code}/history`);
  return r.json();
}

// Sends an edit as cookie's user: {status, body}.
async function edit(cookie, method, path, body, etag, l = 'vi') {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json', Cookie: cookie };
  if (etag) headers['If-Match'] = etag;
  const r = await fetch(`${BASE}${path}?lang=${l}`, { method, headers, body: JSON.stringify(body) });
  return { status: r.status, body: await r.json().catch(() => null) };
}

// A zone of these tests, made once per run through the API.
let shared = null;
function sharedZone() {
  if (!shared) {
    shared = (async () => {
      const code = `kcn-zz-e2e-${RUN}`;
      const r = await edit(await session(OFFICER), 'POST', '/api/v1/zones', { fields: { code, kind: 'kcn', name_vi: 'KCN Thử nghiệm e2e', total_ha: 50 }, source: 'e2e', as_of: AS_OF });
      assertEqual(r.status, 201, `POST ${code}: ${JSON.stringify(r.body)}`);
      return code;
    })();
  }
  return shared;
}

// ===== the browser =====

// Opens a zone's page and waits for its history (and, for an officer, the tools).
async function openZone(page, code, officer) {
  await open(page, `/zones/${encodeURIComponent(code)}`);
  await page.waitForSelector('#history-list, #history-empty');
  if (officer) await page.waitForSelector('#ze-edit');
}

async function axe(page, where) {
  await injectAxe(page);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')} (${v.help})`);
  });
  assertEqual(found, [], `${where}: WCAG 2.1 AA`);
}

function num(l, v, digits = 2) {
  return new Intl.NumberFormat(LOCALES[l], { maximumFractionDigits: digits }).format(v);
}

// Opens the edit form, types values ({selector: value}) and saves;
// resolves to the PATCH's response.
async function editAndSave(page, values) {
  await page.click('#ze-edit');
  await page.waitForSelector('#zone-edit-form');
  for (const [sel, v] of Object.entries(values)) await page.fill(sel, v);
  const answer = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await page.click('#ze-save');
  return answer;
}

test('edit: an officer makes a zone from the finder, changes its total area with a source and a date, and sees it in the page and its history (vi)', async ({ newPage }) => {
  accounts(OFFICER);
  const l = 'vi';
  const code = `kcn-zz-e2e-${RUN}-new`;
  const page = await pageAs(newPage, OFFICER, l);
  await open(page, '/finder');
  await page.click('#ze-new');
  await page.waitForSelector('#zone-new-form');
  assertEqual(await focused(page), 'zn-title', 'focus on the new form');
  await page.fill('#zn-code', code);
  await page.selectOption('#zn-kind', 'kcn');
  await page.fill('#zn-name_vi', 'KCN Thử nghiệm mới');
  await page.fill('#zn-name_en', 'Test park');
  await axe(page, 'the new-zone form');
  const made = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/zones');
  await page.click('#zn-create');
  assertEqual((await made).status(), 201, 'the zone is made');
  await page.waitForURL(`${BASE}/zones/${code}`);
  await openZone(page, code, true);
  assertEqual(await text(page, 'main h1'), 'KCN Thử nghiệm mới', 'the new zone\'s page');
  assertEqual(await page.$$eval('#history-list > li', (x) => x.length), 1, 'its history: one record');
  assert((await text(page, '#history-list > li .change-head')).startsWith(s(l, 'zh_insert')), 'the record says it was created');

  // the edit form: every column, grouped, in the page's language
  await page.click('#ze-edit');
  await page.waitForSelector('#zone-edit-form');
  assertEqual(await focused(page), 'ze-title', 'focus on the form');
  assertEqual(await page.inputValue('#zf-name_en'), 'Test park', 'the form holds the zone\'s values');
  assertEqual(await page.getAttribute('#zf-total_ha', 'type'), 'number', 'a figure is a number');
  assertEqual(await page.getAttribute('#zf-established_on', 'type'), 'date', 'a date is a date');
  assertEqual(await text(page, 'label[for="zf-total_ha"]'), `${s(l, 'field_total_ha')} (ha)`, 'a figure\'s label names its unit');
  assertEqual(await text(page, '#zf-status option[value="operating"]'), s(l, 'status_operating'), 'enums are translated');
  assertEqual(await page.$$eval('#zone-edit-form fieldset legend', (x) => x.length), 7, 'six groups of fields and the change\'s source');
  await axe(page, 'the edit form');
  await page.screenshot({ path: screenshotPath('edit-form-vi'), fullPage: true });
  await page.click('#ze-close');
  assertEqual(await page.locator('#zone-edit-form').count(), 0, 'the form closes');
  assertEqual(await focused(page), 'ze-edit', 'focus back on Edit');

  const answer = await editAndSave(page, { '#zf-total_ha': '432.5', '#zf-change_source': 'Quyết định e2e số 1', '#zf-change_as_of': AS_OF });
  assertEqual(answer.status(), 200, 'saved');
  assertEqual(answer.request().headers()['if-match'] !== undefined, true, 'sent with If-Match');
  assertEqual(JSON.parse(answer.request().postData()), { fields: { total_ha: 432.5 }, source: 'Quyết định e2e số 1', as_of: AS_OF }, 'only the changed field is sent');
  await page.waitForFunction((want) => document.querySelector('#ze-status') && document.querySelector('#ze-status').textContent === want, s(l, 'ze_saved', { fields: s(l, 'field_total_ha') }));
  assertEqual(await page.locator('#zone-edit-form').count(), 0, 'the form is closed after saving');
  assertEqual(await text(page, '#zone-fields tr[data-field="total_ha"] td.value'), num(l, 432.5), 'the page shows the new figure');
  await page.waitForSelector('#history-list > li:nth-child(2)');
  const first = '#history-list > li:first-child';
  assert((await text(page, `${first} .change-head`)).startsWith(s(l, 'zh_update')), 'the newest record is the change');
  assertEqual(await text(page, `${first} [data-field="total_ha"] .change-field`), s(l, 'field_total_ha'), 'the field\'s label');
  assertEqual(await text(page, `${first} [data-field="total_ha"] .before`), s(l, 'unknown'), 'the old value: unknown');
  assertEqual(await text(page, `${first} [data-field="total_ha"] .after`), `${num(l, 432.5, 6)} ha`, 'the new value');
  const src = await text(page, `${first} .change-src`);
  assert(src.includes('Quyết định e2e số 1') && src.includes('30/06/2025'), `the source and date of the change: ${src}`);
  assert((await text(page, `${first} .actor`)).includes(OFFICER), 'who changed it');
  const api = await zoneOf(code);
  assertEqual(api.zone.total_ha, 432.5, 'the API has the new figure');
  const h = await history(code);
  assertEqual([h.changes[0].source, h.changes[0].as_of, h.changes[0].actor], ['Quyết định e2e số 1', AS_OF, OFFICER], 'the API\'s history');
  await page.screenshot({ path: screenshotPath('edit-saved-vi'), fullPage: true });
});

test('edit: a bad value shows the API\'s message next to its field, in the page\'s language (vi, en)', async ({ newPage }) => {
  accounts(OFFICER);
  const code = await sharedZone();
  const cookie = await session(OFFICER);
  const want = {};
  for (const l of ['vi', 'en']) {
    const { etag } = await zoneOf(code);
    const r = await edit(cookie, 'PATCH', `/api/v1/zones/${code}`, { fields: { total_ha: -5 }, source: 'e2e', as_of: AS_OF }, etag, l);
    assertEqual(r.status, 400, `${l}: the API refuses a negative area`);
    want[l] = r.body.errors.find((e) => e.param === 'total_ha').detail;
  }
  assert(want.vi && want.en && want.vi !== want.en, `the API's message is translated: ${JSON.stringify(want)}`);
  for (const l of ['vi', 'en']) {
    const page = await pageAs(newPage, OFFICER, l, { allowHTTP: [[400, `/api/v1/zones/${code}`]] });
    await openZone(page, code, true);
    const answer = await editAndSave(page, { '#zf-total_ha': '-5', '#zf-change_source': 'e2e', '#zf-change_as_of': AS_OF });
    assertEqual(answer.status(), 400, `${l}: refused`);
    assertEqual(new URL(answer.url()).searchParams.get('lang'), l, `${l}: asked in the page's language`);
    await page.waitForSelector('#zf-total_ha-err:not(:empty)');
    assertEqual(await text(page, '#zf-total_ha-err'), want[l], `${l}: the message next to the field`);
    assertEqual(await page.getAttribute('#zf-total_ha', 'aria-invalid'), 'true', `${l}: the field is marked invalid`);
    assert((await page.getAttribute('#zf-total_ha', 'aria-describedby')).split(' ').includes('zf-total_ha-err'), `${l}: the field is described by its message`);
    assertEqual(await focused(page), 'ze-alert', `${l}: focus on the list of problems`);
    assert((await text(page, '#ze-alert')).includes(want[l]), `${l}: the list names the problem`);
    await page.click('#ze-alert a[data-focus="zf-total_ha"]');
    assertEqual(await focused(page), 'zf-total_ha', `${l}: the list's link leads to the field`);
    if (l === 'vi') {
      await axe(page, 'the edit form with a problem');
      await page.screenshot({ path: screenshotPath('edit-problem-vi'), fullPage: false });
      // a figure without its source and date: both asked for, each at its place
      await page.fill('#zf-total_ha', '60');
      await page.fill('#zf-change_source', '');
      await page.fill('#zf-change_as_of', '');
      const again = page.waitForResponse((r) => r.request().method() === 'PATCH');
      await page.click('#ze-save');
      assertEqual((await again).status(), 400, 'refused without a source');
      await page.waitForSelector('#zf-change_source-err:not(:empty)');
      assert((await text(page, '#zf-change_as_of-err')) !== '', 'the date is asked for at its place');
      assertEqual(await text(page, '#zf-total_ha-err'), '', 'the figure itself is fine now');
      assertEqual(await page.getAttribute('#zf-total_ha', 'aria-invalid'), null, 'and no longer marked');
    }
  }
  assertEqual((await zoneOf(code)).zone.total_ha, 50, 'nothing was written');
});

test('edit: switching the language keeps what was typed in the open form, unsaved (vi → en → ko)', async ({ newPage }) => {
  accounts(OFFICER);
  const code = await sharedZone();
  const before = (await zoneOf(code)).zone;
  const page = await pageAs(newPage, OFFICER, 'vi');
  await openZone(page, code, true);
  await page.click('#ze-edit');
  await page.waitForSelector('#zone-edit-form');
  await page.fill('#zf-total_ha', '77.5');
  await page.fill('#zf-change_source', 'e2e: typed before a language switch');
  for (const l of ['en', 'ko']) {
    const [pre, post] = s(l, 'ze_form_title').split('{name}');
    await page.selectOption('#lang', l);
    // the page is drawn anew: wait for the form in the new language
    const drawn = await page
      .waitForFunction(
        ([a, b]) => {
          const h = document.querySelector('#ze-title');
          return h && h.textContent.trim().startsWith(a) && h.textContent.trim().endsWith(b);
        },
        [pre.trim(), post.trim()],
        { timeout: 5000 }
      )
      .then(() => true, () => false);
    assert(drawn, `${l}: the form is open again, in the new language`);
    assertEqual(await page.inputValue('#zf-total_ha'), '77.5', `${l}: the typed area is kept`);
    assertEqual(await page.inputValue('#zf-change_source'), 'e2e: typed before a language switch', `${l}: the typed source is kept`);
  }
  assertEqual((await zoneOf(code)).zone.total_ha, before.total_ha, 'nothing was saved');
  // closed, the form stays closed after the next switch
  await page.click('#ze-close');
  await page.selectOption('#lang', 'vi');
  await page.waitForFunction(() => document.documentElement.lang === 'vi' && document.querySelector('#ze-edit'));
  assertEqual(await page.$('#zone-edit-form'), null, 'a closed form is not reopened');
});

test('edit: a change made meanwhile by someone else is said, overwrites nothing, and the current values are reloaded (vi)', async ({ newPage }) => {
  accounts(OFFICER);
  const l = 'vi';
  const code = await sharedZone();
  const page = await pageAs(newPage, OFFICER, l, { allowHTTP: [[412, `/api/v1/zones/${code}`]] });
  await openZone(page, code, true);
  await page.click('#ze-edit');
  await page.waitForSelector('#zone-edit-form');
  await page.fill('#zf-total_ha', '111');
  await page.fill('#zf-change_source', 'e2e: mine');
  await page.fill('#zf-change_as_of', AS_OF);
  // meanwhile, another officer changes the zone
  const { etag } = await zoneOf(code);
  const other = await edit(await session(OFFICER), 'PATCH', `/api/v1/zones/${code}`, { fields: { total_ha: 222 }, source: 'e2e: theirs', as_of: AS_OF }, etag);
  assertEqual(other.status, 200, 'the other change is saved');
  const answer = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await page.click('#ze-save');
  assertEqual((await answer).status(), 412, 'the stale change is refused');
  await page.waitForSelector('#ze-reload');
  assert((await text(page, '#ze-alert')).includes(s(l, 'ze_stale')), 'the page says someone else changed the zone');
  assert(await page.locator('#ze-save').isHidden(), 'no saving over their change');
  assertEqual((await zoneOf(code)).zone.total_ha, 222, 'their value stays');
  await page.screenshot({ path: screenshotPath('edit-stale-vi'), fullPage: false });

  await page.click('#ze-reload');
  await page.waitForSelector('#ze-unsaved');
  assertEqual(await page.inputValue('#zf-total_ha'), '222', 'the form holds the current value');
  assertEqual(await page.inputValue('#zf-change_source'), '', 'nothing typed is kept in the fields');
  const unsaved = await text(page, '#ze-unsaved');
  assert(unsaved.includes(num(l, 111, 6)) && unsaved.includes('e2e: mine'), `what was typed is listed: ${unsaved}`);
  assertEqual(await text(page, '#zone-fields tr[data-field="total_ha"] td.value'), num(l, 222), 'the page shows the current value');
  // made again on the current version, the change is saved
  await page.fill('#zf-total_ha', '111');
  await page.fill('#zf-change_source', 'e2e: mine');
  await page.fill('#zf-change_as_of', AS_OF);
  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await page.click('#ze-save');
  assertEqual((await saved).status(), 200, 'saved on the current version');
  await page.waitForFunction(() => document.querySelector('#ze-status') && document.querySelector('#ze-status').textContent !== '');
  assertEqual((await zoneOf(code)).zone.total_ha, 111, 'the API has it');
  const h = await history(code);
  assertEqual(h.changes.slice(0, 2).map((c) => c.source), ['e2e: mine', 'e2e: theirs'], 'both changes in the history, newest first');
});

test('edit: viewers and visitors see no edit control, and the API refuses a viewer\'s change (403)', async ({ newPage }) => {
  accounts(OFFICER, VIEWER);
  const code = await sharedZone();
  for (const who of [null, VIEWER]) {
    const page = await pageAs(newPage, who, 'vi', { allowHTTP: [[403, `/api/v1/zones/${code}`]] });
    await openZone(page, code, false);
    await page.waitForSelector(who ? '#account-name' : '#sign-in');
    assertEqual(await page.locator('#ze-edit, #ze-cancel-zone, #zone-edit-form').count(), 0, `${who || 'nobody'}: no edit control on the zone`);
    assertEqual(await page.innerHTML('#zone-tools'), '', `${who || 'nobody'}: no officers' tools`);
    await open(page, '/finder');
    await page.waitForSelector(who ? '#account-name' : '#sign-in');
    assertEqual(await page.locator('#ze-new').count(), 0, `${who || 'nobody'}: no new zone on the finder`);
    if (!who) continue;
    const status = await page.evaluate(async (c) => {
      const g = await fetch(`/api/v1/zones/${c}`);
      const r = await fetch(`/api/v1/zones/${c}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'If-Match': g.headers.get('ETag') },
        body: JSON.stringify({ fields: { name_en: 'viewer was here' } }),
      });
      return r.status;
    }, code);
    assertEqual(status, 403, 'a viewer\'s PATCH is refused');
  }
  assert((await zoneOf(code)).zone.name_en !== 'viewer was here', 'nothing was written');
});

test('edit: marking a zone cancelled asks first, then the page and the history say it is cancelled (vi)', async ({ newPage }) => {
  accounts(OFFICER);
  const l = 'vi';
  const code = await sharedZone();
  const page = await pageAs(newPage, OFFICER, l);
  await openZone(page, code, true);
  await page.click('#ze-cancel-zone');
  await page.waitForSelector('#ze-confirm');
  assertEqual(await focused(page), 'ze-confirm-text', 'focus on the question');
  assert((await text(page, '#ze-confirm-text')).includes('KCN Thử nghiệm e2e'), 'the question names the zone');
  await axe(page, 'the cancel confirmation');
  await page.click('#ze-cancel-no');
  assertEqual(await page.locator('#ze-confirm').count(), 0, 'going back closes the question');
  assertEqual(await focused(page), 'ze-cancel-zone', 'focus back on the button');
  assert((await zoneOf(code)).zone.status !== 'cancelled', 'nothing was written');

  await page.click('#ze-cancel-zone');
  const answer = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await page.click('#ze-cancel-yes');
  assertEqual((await answer).status(), 200, 'cancelled');
  await page.waitForFunction((want) => document.querySelector('#ze-status') && document.querySelector('#ze-status').textContent === want, s(l, 'ze_cancelled_done'));
  assertEqual(await text(page, '.badges .badge.status-cancelled'), s(l, 'status_cancelled'), 'the page shows the status');
  assertEqual(await page.locator('#ze-cancel-zone').count(), 0, 'a cancelled zone cannot be cancelled again');
  assertEqual(await text(page, '#history-list > li:first-child [data-field="status"] .after'), s(l, 'status_cancelled'), 'the history records it');
  assertEqual((await zoneOf(code)).zone.status, 'cancelled', 'the API has it');
  await page.screenshot({ path: screenshotPath('edit-cancelled-vi'), fullPage: false });
});
