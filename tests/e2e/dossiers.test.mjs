// Whole journeys of a dossier in the web app, each on a server of its own
// whose "today" (KHU_TODAY) moves on as the journey does (the server is
// started again on the same database): an investor files and follows,
// the receiving officer accepts or returns, a department answers from its
// queue, the officer decides; a Tết break inside a department's clock; an
// overdue opinion whose alerts reach the officer's and the head's mail
// through an SMTP sink this test runs on 127.0.0.1. What the pages show
// is checked against the API's answers and the calendar's own deadline
// arithmetic (GET /api/v1/calendar/deadline), never against numbers
// written here.
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, assert, assertEqual, LOCALES, BASE } from './harness.mjs';
import { s, startIn } from './common.mjs';
import { startServer, khu, addUser, tempDir, removeDir, PASSWORD } from './server.mjs';

const INVESTOR_TAX = '0312345678';
const CONSTRUCTION = 'tay-ninh-so-xay-dung';
const ENVIRONMENT = 'tay-ninh-so-nong-nghiep-moi-truong';
// A tiny but well-formed PDF: what a browser user would pick from disk.
const PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

// A database of its own with the default data, one enterprise to invest
// (test data, said so in its name), an investor, an officer and the users
// of two departments; served on day.
async function world(day, env = {}, args = []) {
  const dir = tempDir();
  const db = join(dir, 'dossiers.db');
  const w = { dir, db, srv: await startServer(db, day, env, args) };
  writeFileSync(
    join(dir, 'enterprises.csv'),
    `tax_code,name,name_en,ownership,country,zone_code\n${INVESTOR_TAX},Công ty TNHH Thử nghiệm Hanil (dữ liệu kiểm thử),Hanil Test Co. (test data),fdi,KR,kcn-long-hau\n`
  );
  khu(['import', 'enterprises', join(dir, 'enterprises.csv'), '--db', db]);
  addUser(db, 'hanil', 'investor', INVESTOR_TAX);
  addUser(db, 'le.officer', 'officer');
  addUser(db, 'sxd', 'department', CONSTRUCTION);
  addUser(db, 'snnmt', 'department', ENVIRONMENT);
  w.moveTo = async (next, e = env, a = args) => {
    assertEqual(await w.srv.stop(), 0, 'the server stops cleanly');
    w.srv = await startServer(db, next, e, a);
  };
  w.end = async () => {
    await w.srv.stop();
    removeDir(dir);
  };
  return w;
}

// A page signed in as user (its session cookie from the API's sign-in) in
// language l. Cookies are per host, not per port: the session holds when
// the server starts again on another port.
async function as(newPage, w, user, l = 'vi', allowHTTP = [], password = PASSWORD) {
  const r = await fetch(`${w.srv.url}/api/v1/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ user, password }),
  });
  assertEqual(r.status, 200, `${user} signs in`);
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('khu_session='));
  const page = await newPage({ locale: LOCALES[l], allowHTTP });
  await page.context().addCookies([{ name: 'khu_session', value: cookie.split(';')[0].slice('khu_session='.length), domain: '127.0.0.1', path: '/' }]);
  await startIn(page, l);
  page.khuUser = user;
  return page;
}

async function openAt(page, w, path) {
  await page.goto(w.srv.url + path);
  await page.waitForSelector('main:not([aria-busy]) h1');
}

// The API's answer for path as the page's user sees it (the page's cookie).
async function apiAs(page, path) {
  return page.evaluate((p) => fetch(p, { headers: { Accept: 'application/json' }, cache: 'no-store' }).then((r) => r.json()), path);
}

// A date as the app writes it in language l.
function day(l, iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALES[l], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d))).replace(/ /g, '\u00a0');
}

// The text of an element, spaces made plain.
async function text(page, sel) {
  return (await page.textContent(sel)).replace(/[ \t\r\n]+/g, ' ').trim();
}

// Sends an act's form; when the act is done, waits for the dossier to be
// drawn again (a refusal leaves the form as it was, with its problems).
async function act(page, id, fill = async () => {}) {
  await fill();
  const before = await page.getAttribute('#main', 'data-drawn');
  const done = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/dossiers\//.test(r.url()));
  await page.click(`#act-${id}-send`);
  const r = await done;
  // a done act draws the dossier again (main's data-drawn changes)
  if (r.ok()) await page.waitForFunction((b) => document.querySelector('#main').dataset.drawn !== b, before);
  return r;
}

// Files a dossier from the page /dossiers/new: a new project in zone;
// resolves to {code, secret} as the page showed them.
async function file(page, w, procedure, project, zone) {
  await openAt(page, w, '/dossiers/new');
  await page.selectOption('#file-procedure', procedure);
  await page.selectOption('#file-project_code', '');
  await page.fill('#file-project_name', project);
  await page.selectOption('#file-zone_code', zone);
  const sent = page.waitForResponse((r) => r.url().includes('/api/v1/dossiers') && r.request().method() === 'POST');
  await page.click('#file-send');
  assertEqual((await sent).status(), 201, 'the dossier is filed');
  await page.waitForSelector('#filed-code');
  return { code: await text(page, '#filed-code'), secret: await text(page, '#filed-secret') };
}

async function upload(page, prefix, w, name) {
  const path = join(w.dir, name);
  writeFileSync(path, PDF);
  await page.setInputFiles(`#${prefix}-file`, path);
  const before = await page.getAttribute('#main', 'data-drawn');
  const sent = page.waitForResponse((r) => r.url().includes('/documents?') && r.request().method() === 'POST');
  await page.click(`#${prefix}-send`);
  assertEqual((await sent).status(), 201, `${name} is added`);
  // on a dossier's page, it is drawn again with the document
  if (before !== null) await page.waitForFunction((b) => document.querySelector('#main').dataset.drawn !== b, before);
}

// The due day GET /api/v1/calendar/deadline gives for days of kind after from.
async function deadline(w, from, days, kind) {
  const r = await fetch(`${w.srv.url}/api/v1/calendar/deadline?from=${from}&days=${days}&kind=${kind}`);
  return r.json();
}

test('dossiers: an investor files, the officer accepts, a department answers from its queue, the officer decides; each page says what the API says (vi, en, ko)', async ({ newPage }) => {
  // Monday 2 March 2026: the new Investment Law is in force
  const w = await world('2026-03-02');
  try {
    const inv = await as(newPage, w, 'hanil', 'en');
    const filed = await file(inv, w, 'env_permit', 'Hanil electronics plant', 'kcn-long-hau');
    assert(/^hs-20260302-/.test(filed.code), `a code of the day: ${filed.code}`);
    assert(filed.secret.length > 20, 'the secret is shown once');
    await upload(inv, 'filed-doc', w, 'site-plan.pdf');
    await inv.waitForSelector('#filed-docs li');
    await inv.click('#filed-open');
    await inv.waitForSelector('#dossier-facts');
    assertEqual(await text(inv, '.lead .stage'), s('en', 'dz_stage_received'), 'the stage after filing');
    assertEqual(await text(inv, '#dossier-clock'), s('en', 'dz_clock_not_started'), 'no clock before acceptance');
    assertEqual(await inv.$$eval('#document-list li', (l) => l.length), 1, 'the document is listed');

    // the officer sees it in the list and accepts it, consulting the
    // Department of Construction; the opinions' limit is given as no source gives it
    const off = await as(newPage, w, 'le.officer', 'vi');
    await openAt(off, w, '/dossiers');
    await off.waitForSelector(`#dossier-table tr[data-code="${filed.code}"]`);
    await off.click(`#dossier-table tr[data-code="${filed.code}"] a`);
    await off.waitForSelector('#act-accept');
    await act(off, 'accept', async () => {
      await off.check(`#act-accept input[value="${CONSTRUCTION}"]`);
      await off.fill('#act-accept-consult_days', '7');
      await off.selectOption('#act-accept-consult_kind', 'working');
    });
    const accepted = await apiAs(off, `/api/v1/dossiers/${filed.code}`);
    assertEqual(accepted.stage, 'consulting', 'the API has it consulted on');
    // env_permit: 30 calendar days (Law 72/2020), from the day of acceptance
    const due = await deadline(w, '2026-03-02', 30, 'calendar');
    assertEqual(accepted.clock.due, due.due, "the dossier's due day is the calendar's");
    assertEqual(await text(off, '#dossier-clock .clock'), s('vi', 'dz_clock_left', { due: day('vi', due.due), n: String(accepted.clock.working_days_left) }), "the dossier's clock in Vietnamese");
    const consultDue = await deadline(w, '2026-03-02', 7, 'working');
    const row = `#consult-table tr[data-department="${CONSTRUCTION}"]`;
    assertEqual(await text(off, `${row} .clock`), s('vi', 'dz_clock_left', { due: day('vi', consultDue.due), n: '7' }), "the department's clock");

    // two working days later the department finds it first in its queue (ko)
    await w.moveTo('2026-03-04');
    const sxd = await as(newPage, w, 'sxd', 'ko', [[400, '/opinion']]);
    await openAt(sxd, w, '/queue');
    await sxd.waitForSelector('#queue-table');
    assertEqual(await sxd.$eval('#queue-table tbody tr', (r) => r.dataset.code), filed.code, 'first in the queue');
    assertEqual(await text(sxd, '#queue-table tbody tr .clock'), s('ko', 'dz_clock_left', { due: day('ko', consultDue.due), n: '5' }), 'five working days left');
    await sxd.click('#queue-table tbody tr a');
    await sxd.waitForSelector('#act-opinion');
    // a note is required unless the department simply agrees: the server's refusal, next to the field, in Korean
    await sxd.selectOption('#act-opinion-opinion', 'agree_with_conditions');
    const refused = await act(sxd, 'opinion');
    assertEqual(refused.status(), 400, 'no note: refused');
    assert((await text(sxd, '#act-opinion-note-err')).length > 0, 'the problem is next to the note');
    await act(sxd, 'opinion', () => sxd.fill('#act-opinion-note', '배수 계획을 보완할 것'));
    const answered = await apiAs(sxd, `/api/v1/dossiers/${filed.code}`);
    const mine = answered.consultations.find((c) => c.department === CONSTRUCTION);
    assertEqual([mine.answered_on, mine.opinion], ['2026-03-04', 'agree_with_conditions'], 'the opinion is recorded');
    assertEqual(await text(sxd, `${row} .opinion strong`), s('ko', 'dz_opinion_agree_with_conditions'), 'the opinion on the page');
    await openAt(sxd, w, '/queue');
    await sxd.waitForSelector('#queue-none');

    // the investor sees that the department answered, not what it said
    await openAt(inv, w, `/dossiers/${filed.code}`);
    assertEqual(await inv.$$eval(`${row} .opinion`, (l) => l.length), 0, 'no opinion column for the investor');
    assertEqual(await text(inv, `${row} td:nth-child(5)`), day('en', '2026-03-04'), 'the day it answered');

    // the officer appraises and decides on 10 March
    await w.moveTo('2026-03-10');
    await openAt(off, w, `/dossiers/${filed.code}`);
    await act(off, 'appraise', () => off.fill('#act-appraise-appraisal', 'Hồ sơ đủ điều kiện cấp phép'));
    await act(off, 'decide', async () => {
      await off.selectOption('#act-decide-decision', 'approved');
      await off.fill('#act-decide-certificate_no', '123/GPMT-BQL');
    });
    assertEqual(await text(off, '.lead .stage'), s('vi', 'dz_stage_decided'), 'decided');
    const decided = await apiAs(off, `/api/v1/dossiers/${filed.code}`);
    assertEqual([decided.decision, decided.decided_on, decided.certificate_no], ['approved', '2026-03-10', '123/GPMT-BQL'], 'the decision in the API');
    assertEqual(await text(off, '#dossier-clock .clock'), s('vi', decided.clock.late ? 'dz_clock_done_late' : 'dz_clock_done', { n: String(decided.clock.working_days_taken) }), 'the clock stopped on the decision');
    assertEqual(await off.$$eval('#dossier-acts', (l) => l.length), 0, 'nothing more to do');

    // anyone with the code and the secret, without signing in (ko)
    const anon = await newPage({ locale: LOCALES.ko, allowHTTP: [[404, '/dossier_stage']] });
    await startIn(anon, 'ko');
    await openAt(anon, w, `/track?code=${filed.code}`);
    await anon.fill('#track-secret', filed.secret);
    await anon.click('#track-send');
    await anon.waitForSelector('#track-result');
    assertEqual(await text(anon, '#track-result .stage'), s('ko', 'dz_stage_decided'), 'the stage for the secret holder');
    assertEqual(await text(anon, `#track-departments li[data-department="${CONSTRUCTION}"]`).then((x) => x.endsWith(s('ko', 'dz_track_answered', { date: day('ko', '2026-03-04') }))), true, 'the department answered');
    assert(!(await text(anon, '#track-result')).includes('배수'), 'not what it said');
    // a wrong secret tells nothing
    await anon.fill('#track-secret', `${filed.secret}x`);
    const wrong = anon.waitForResponse((r) => r.url().includes('/dossier_stage'));
    await anon.click('#track-send');
    assertEqual((await wrong).status(), 404, 'a wrong secret is refused');
    await anon.waitForSelector('#track-alert li');
    assertEqual(await anon.$$eval('#track-result', (l) => l.length), 0, 'and shows no stage');

    // every act is in the audit trail, with its actor
    const trail = await apiAs(off, `/api/v1/audit?table=dossiers&limit=50`);
    const actors = new Set((trail.records || []).map((x) => x.actor));
    for (const who of ['hanil', 'le.officer']) assert(actors.has(who), `${who} is in the trail of dossiers: ${[...actors]}`);
  } finally {
    await w.end();
  }
});

test('dossiers: a dossier returned for completion runs no clock until the investor files again (vi)', async ({ newPage }) => {
  const w = await world('2026-03-02');
  try {
    const inv = await as(newPage, w, 'hanil');
    const filed = await file(inv, w, 'construction_permit', 'Nhà xưởng số 2', 'kcn-long-hau');
    const off = await as(newPage, w, 'le.officer');
    await openAt(off, w, `/dossiers/${filed.code}`);
    await act(off, 'return', () => off.fill('#act-return-missing', 'Thiếu bản vẽ mặt bằng tổng thể'));
    assertEqual(await text(off, '.lead .stage'), s('vi', 'dz_stage_returned'), 'returned');

    await w.moveTo('2026-03-09');
    await openAt(inv, w, `/dossiers/${filed.code}`);
    assertEqual(await text(inv, '#dossier-missing'), 'Thiếu bản vẽ mặt bằng tổng thể', 'the investor reads what is missing');
    assertEqual(await text(inv, '#dossier-clock'), s('vi', 'dz_clock_not_started'), 'no clock while it is returned');
    await upload(inv, 'act-upload', w, 'mat-bang.pdf');
    await inv.waitForSelector('#document-list li');
    await act(inv, 'resubmit');
    assertEqual(await text(inv, '.lead .stage'), s('vi', 'dz_stage_received'), 'received again');

    // accepted the day after: the limit (20 calendar days, Law 50/2014) counts from then
    await w.moveTo('2026-03-10');
    await openAt(off, w, `/dossiers/${filed.code}`);
    await act(off, 'accept');
    const d = await apiAs(off, `/api/v1/dossiers/${filed.code}`);
    assertEqual(d.accepted_on, '2026-03-10', 'accepted on the day');
    assertEqual(d.clock.due, (await deadline(w, '2026-03-10', 20, 'calendar')).due, 'the clock counts from acceptance, not from filing');
    assertEqual(await off.$eval('#dossier-clock .clock', (e) => e.dataset.state), 'running', 'the clock runs');
  } finally {
    await w.end();
  }
});

test('dossiers: a Tết break inside a department clock moves its due day past the holiday (vi, en)', async ({ newPage }) => {
  // Monday 9 February 2026; Tết: Saturday 14 to Sunday 22 February
  const w = await world('2026-02-09');
  try {
    const inv = await as(newPage, w, 'hanil', 'en');
    const filed = await file(inv, w, 'policy_approval', 'Hanil logistics hub', 'kcn-long-hau');
    const off = await as(newPage, w, 'le.officer');
    await openAt(off, w, `/dossiers/${filed.code}`);
    await act(off, 'accept', async () => {
      await off.check(`#act-accept input[value="${ENVIRONMENT}"]`);
      await off.fill('#act-accept-consult_days', '7');
      await off.selectOption('#act-accept-consult_kind', 'working');
    });
    const due = await deadline(w, '2026-02-09', 7, 'working');
    assertEqual(due.due, '2026-02-25', 'seven working days from 9/2 skip the nine days of Tết');
    assert(due.skipped.some((x) => x.date === '2026-02-17'), 'mùng 1 Tết is among the days skipped');
    const d = await apiAs(off, `/api/v1/dossiers/${filed.code}`);
    const c = d.consultations.find((x) => x.department === ENVIRONMENT);
    assertEqual(c.clock.due, due.due, "the department's due day is the calendar's");
    const row = `#consult-table tr[data-department="${ENVIRONMENT}"]`;
    assertEqual(await text(off, `${row} .clock`), s('vi', 'dz_clock_left', { due: day('vi', due.due), n: '7' }), 'the page says it');
    // policy approval: 35 calendar days, moved to the next working day when it ends on a day off
    assertEqual(d.clock.due, (await deadline(w, '2026-02-09', 35, 'calendar')).due, "the dossier's due day");

    // the Friday before Tết and the Monday after: nine days apart, one working day
    await w.moveTo('2026-02-13');
    const sn = await as(newPage, w, 'snnmt', 'en');
    await openAt(sn, w, '/queue');
    assertEqual(await text(sn, '#queue-table tbody tr .clock'), s('en', 'dz_clock_left', { due: day('en', due.due), n: '3' }), 'three working days left on Friday 13/2');
    await w.moveTo('2026-02-23');
    await openAt(sn, w, '/queue');
    assertEqual(await text(sn, '#queue-table tbody tr .clock'), s('en', 'dz_clock_left', { due: day('en', due.due), n: '2' }), 'two on Monday 23/2, after the nine days of Tết');
  } finally {
    await w.end();
  }
});

test('dossiers: a due day counted into a year whose calendar is provisional says so, beside the clock (en)', async ({ newPage }) => {
  // Monday 21 December 2026: 2027's days off are worked out from the Labour Code, not announced
  const w = await world('2026-12-21');
  try {
    const inv = await as(newPage, w, 'hanil', 'en');
    const filed = await file(inv, w, 'irc_adjust', 'Hanil plant, phase 2', 'kcn-long-hau');
    const off = await as(newPage, w, 'le.officer', 'en');
    await openAt(off, w, `/dossiers/${filed.code}`);
    // no source gives the limit of an adjustment under the 2025 law: the officer sets this dossier's
    await act(off, 'accept', async () => {
      await off.fill('#act-accept-limit_days', '15');
      await off.selectOption('#act-accept-limit_kind', 'working');
    });
    const d = await apiAs(off, `/api/v1/dossiers/${filed.code}`);
    const due = await deadline(w, '2026-12-21', 15, 'working');
    assertEqual([d.clock.due, d.clock.calendar, due.provisional], [due.due, 'provisional', true], 'the API: due in 2027, on a provisional calendar');
    assertEqual(await text(off, '#dossier-clock .clock-provisional'), s('en', 'dz_provisional'), 'the page marks it');
    assertEqual(await off.getAttribute('#dossier-clock .clock-provisional', 'title'), s('en', 'dz_provisional_note'), 'and says what it means');
    // the investor reads the same
    await openAt(inv, w, `/dossiers/${filed.code}`);
    assertEqual(await text(inv, '#dossier-clock .clock-provisional'), s('en', 'dz_provisional'), "on the investor's page too");
  } finally {
    await w.end();
  }
});

// ===== an SMTP sink: takes every message, keeps it, refuses nothing =====

function smtpSink() {
  const mails = [];
  const server = createServer((sock) => {
    let buf = '';
    let data = null;
    let mail = null;
    sock.setEncoding('utf8');
    sock.write('220 sink.test ESMTP\r\n');
    sock.on('data', (chunk) => {
      buf += chunk;
      for (;;) {
        if (data !== null) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          mail.data = data + buf.slice(0, end);
          mails.push(mail);
          buf = buf.slice(end + 5);
          data = null;
          sock.write('250 queued\r\n');
          continue;
        }
        const eol = buf.indexOf('\r\n');
        if (eol < 0) return;
        const line = buf.slice(0, eol);
        buf = buf.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') sock.write('250 sink.test\r\n');
        else if (verb === 'MAIL') {
          mail = { from: line, to: [] };
          sock.write('250 ok\r\n');
        } else if (verb === 'RCPT') {
          mail.to.push(/<([^>]*)>/.exec(line)[1]);
          sock.write('250 ok\r\n');
        } else if (verb === 'DATA') {
          data = '';
          sock.write('354 go on\r\n');
        } else if (verb === 'QUIT') {
          sock.end('221 bye\r\n');
          return;
        } else sock.write('250 ok\r\n');
      }
    });
    sock.on('error', () => {});
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ port: server.address().port, mails, close: () => new Promise((r) => server.close(r)) })));
}

test("dossiers: an overdue opinion alerts the officer and the department's head, in the web app and by mail (vi)", async ({ newPage }) => {
  const sink = await smtpSink();
  const w = await world('2026-03-02');
  try {
    khu(['user', 'contact', 'le.officer', '--email', 'le.officer@tayninh.test', '--db', w.db]);
    khu(['user', 'contact', 'sxd', '--email', 'truong.phong@sxd.tayninh.test', '--head', 'yes', '--db', w.db]);
    const inv = await as(newPage, w, 'hanil');
    const filed = await file(inv, w, 'env_permit', 'Xưởng sơn tĩnh điện', 'kcn-long-hau');
    const off = await as(newPage, w, 'le.officer');
    await openAt(off, w, `/dossiers/${filed.code}`);
    await act(off, 'accept', async () => {
      await off.check(`#act-accept input[value="${CONSTRUCTION}"]`);
      await off.fill('#act-accept-consult_days', '3');
      await off.selectOption('#act-accept-consult_kind', 'working');
    });
    const due = (await deadline(w, '2026-03-02', 3, 'working')).due;
    assertEqual(due, '2026-03-05', 'three working days');
    // two working days after the due day the server, started with a relay,
    // looks at the clocks at once and mails its alerts
    const mail = ['--smtp', `127.0.0.1:${sink.port}`, '--mail-from', 'khu@tayninh.test', '--site', 'http://khu.tayninh.test'];
    await w.moveTo('2026-03-09', {}, mail);
    await openAt(off, w, '/notifications');
    for (let i = 0; i < 50 && !(await off.$('#note-list li[data-kind="overdue"]')); i++) {
      await off.waitForTimeout(200);
      await openAt(off, w, '/notifications');
    }
    const item = '#note-list li[data-kind="overdue"]';
    const names = await apiAs(off, '/api/v1/departments?limit=500&lang=vi');
    const dept = names.items.find((x) => x.code === CONSTRUCTION).name;
    assertEqual(await text(off, `${item} strong`), s('vi', 'dz_note_overdue', { department: dept, due: day('vi', due) }), 'the alert says which department and since when');
    assert((await text(off, item)).includes(s('vi', 'dz_note_mailed')), 'and that it was mailed');
    for (let i = 0; i < 50 && sink.mails.length < 2; i++) await off.waitForTimeout(100);
    const to = sink.mails.flatMap((m) => m.to).sort();
    assertEqual(to, ['le.officer@tayninh.test', 'truong.phong@sxd.tayninh.test'], 'the officer and the head are mailed');
    for (const m of sink.mails) {
      assert(m.data.includes(filed.code), 'the mail names the dossier');
      assert(m.data.includes(`http://khu.tayninh.test/dossiers/${filed.code}`) || m.data.includes('http://khu.tayninh.test'), 'and links to it');
    }
    // the alert opens the dossier, where the clock says overdue
    await off.click(`${item} a.note-open`);
    await off.waitForSelector('#consult-table');
    const row = `#consult-table tr[data-department="${CONSTRUCTION}"]`;
    assertEqual(await text(off, `${row} .clock`), s('vi', 'dz_clock_overdue', { due: day('vi', due), n: '2' }), 'overdue by two working days');
    // marked read once opened
    await openAt(off, w, '/notifications');
    await off.waitForSelector(`${item}.read`);
    // the investor is not alerted
    await openAt(inv, w, '/notifications');
    await inv.waitForSelector('#note-none');
    const mine = await apiAs(inv, '/api/v1/notifications');
    assertEqual(mine.items.length, 0, 'no alert for the investor');
  } finally {
    await w.end();
    await sink.close();
  }
});


test('dossiers: the demonstration data set says on every page that it is made up; its accounts see their dossiers and queue (vi, en, ko)', async ({ newPage }) => {
  const dir = tempDir();
  const db = join(dir, 'demo.db');
  let srv = null;
  try {
    const out = khu(['demo', '--db', db, '--today', '2026-11-25']);
    const password = /password: (\S+)/.exec(out)[1];
    srv = await startServer(db, '2026-11-25');
    const w = { srv, dir };
    for (const l of ['vi', 'en', 'ko']) {
      const page = await as(newPage, w, 'demo-investor', l, [], password);
      await openAt(page, w, '/dossiers');
      assert(await page.isVisible('#synthetic-banner'), `the banner shows (${l})`);
      assertEqual(await text(page, '#synthetic-banner'), s(l, 'synthetic_banner'), `in the page's language (${l})`);
      await page.waitForSelector('#dossier-table');
      const api = await apiAs(page, '/api/v1/dossiers');
      const shown = await page.$$eval('#dossier-table tbody tr', (rows) => rows.map((r) => r.dataset.code));
      assertEqual(shown, api.items.map((x) => x.code), `the investor's own dossiers, as the API lists them (${l})`);
    }
    const dept = await as(newPage, w, 'demo-department', 'en', [], password);
    await openAt(dept, w, '/queue');
    const queue = await apiAs(dept, '/api/v1/departments/tay-ninh-so-xay-dung/queue');
    const overdue = queue.items.filter((c) => c.clock.overdue).length;
    const paused = queue.items.filter((c) => c.clock.state === 'paused').length;
    assert(overdue > 0 && paused > 0, 'the demonstration queue has overdue and stopped opinions');
    assertEqual(await text(dept, '#queue-summary'), s('en', 'dz_queue_summary', { n: String(queue.items.length), overdue: String(overdue), paused: String(paused) }), 'the queue counts them');
    assertEqual(await dept.$$eval('#queue-table tbody tr.overdue', (l) => l.length), overdue, 'overdue rows are marked');
    // the shipped data is real: no banner on the main server
    const real = await newPage();
    await real.goto(`${BASE}/`);
    await real.waitForSelector('main:not([aria-busy]) h1');
    assert(!(await real.isVisible('#synthetic-banner')), 'no banner over the real data');
  } finally {
    if (srv) await srv.stop();
    removeDir(dir);
  }
});
