// The linkage desk in the web app, on a server of its own (its own
// database, KHU_TODAY): the directory and a supplier's profile show what
// the API says of it. Every figure on the pages is checked against the
// API's answer, never against numbers written here.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, assert, assertEqual, LOCALES } from './harness.mjs';
import { s, startIn } from './common.mjs';
import { startServer, khu, addUser, tempDir, removeDir, PASSWORD } from './server.mjs';

const TODAY = '2026-03-02';
const BUYER = '0311111111'; // a Korean-owned maker in Long An (unit 794)
const PLASTICS = '0300000001'; // a Vietnamese plastics supplier (unit 795)
const METAL = '0300000002'; // a metal supplier whose processes do not fit plastics
const OTHER_BUYER = '0322222222';

// A database of its own with the default data and the enterprises, a
// supplier's certificates, one demand already posted, and the users: the
// buyer (investor), the plastics supplier, an officer.
async function world() {
  const dir = tempDir();
  const db = join(dir, 'linkage.db');
  const w = { dir, db, srv: await startServer(db, TODAY) };
  const files = {
    enterprises: `tax_code,name,name_en,country,ownership,unit_code,vsic,capabilities,certifications,supplier,lat,lon,products
${BUYER},Công ty TNHH Daesung Vina (dữ liệu kiểm thử),Daesung Vina (test data),KR,fdi,794,2930,,,0,10.6417,106.4875,
${OTHER_BUYER},Công ty TNHH Hanil Vina (dữ liệu kiểm thử),Hanil Vina (test data),KR,fdi,794,2610,,,0,10.80,106.60,
${PLASTICS},Công ty TNHH Nhựa An Phát (dữ liệu kiểm thử),An Phat Plastics (test data),VN,domestic,795,2220,injection-moulding,iso9001,1,10.70,106.50,Vỏ nhựa ép phun
${METAL},Công ty TNHH Cơ khí Bình Minh (dữ liệu kiểm thử),Binh Minh Metal (test data),VN,domestic,794,2592,stamping,,1,10.65,106.45,
`,
    certifications: `tax_code,standard,number,issuer,valid_from,valid_to
${PLASTICS},iso9001,Q-1,Test Body,2025-01-01,2027-12-31
${PLASTICS},iso14001,E-1,Test Body,2020-01-01,2024-12-31
`,
    supplier_contacts: `tax_code,name,email,phone
${PLASTICS},Chị Lan,lan@anphat.example,+84 272 000 0001
`,
    demands: `code,buyer_tax_code,title,vsic,annual_usd,status,posted_on
NC-CAPS,${OTHER_BUYER},Nắp nhựa,2220,50000,open,2026-01-10
`,
  };
  for (const [table, csv] of Object.entries(files)) {
    writeFileSync(join(dir, `${table}.csv`), csv);
    khu(['import', table, join(dir, `${table}.csv`), '--db', db]);
  }
  addUser(db, 'daesung', 'investor', BUYER);
  addUser(db, 'anphat', 'supplier', PLASTICS);
  addUser(db, 'lk.officer', 'officer');
  w.end = async () => {
    await w.srv.stop();
    removeDir(dir);
  };
  return w;
}

// A page signed in as user (or nobody when user is null) in language l.
async function as(newPage, w, user, l = 'en', allowHTTP = []) {
  const page = await newPage({ locale: LOCALES[l], allowHTTP });
  if (user) {
    const r = await fetch(`${w.srv.url}/api/v1/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ user, password: PASSWORD }),
    });
    assertEqual(r.status, 200, `${user} signs in`);
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith('khu_session='));
    await page.context().addCookies([{ name: 'khu_session', value: cookie.split(';')[0].slice('khu_session='.length), domain: '127.0.0.1', path: '/' }]);
  }
  await startIn(page, l);
  return page;
}

async function openAt(page, w, path) {
  await page.goto(w.srv.url + path);
  await page.waitForSelector('main:not([aria-busy]) h1');
}

// The API's answer as the page's user sees it; with body, a POST of it.
async function apiAs(page, path, body) {
  return page.evaluate(
    ([p, b]) =>
      fetch(p, b === undefined ? { headers: { Accept: 'application/json' }, cache: 'no-store' } : { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(b) }).then((r) =>
        r.json()
      ),
    [path, body]
  );
}

async function text(page, sel) {
  return (await page.textContent(sel)).replace(/[ \t\r\n\u00a0]+/g, ' ').trim();
}

function norm(x) {
  return x.replace(/[ \t\r\n\u00a0]+/g, ' ').trim();
}

test("linkage: the directory lists the suppliers, a profile shows its certificates' states and hides the contact from the public, an officer verifies it (en, vi)", async ({ newPage }) => {
  const w = await world();
  try {
    const anon = await as(newPage, w, null, 'en');
    await openAt(anon, w, '/suppliers');
    await anon.waitForSelector('#sup-table');
    const listed = await apiAs(anon, '/api/v1/enterprises?supplier=1&limit=50');
    const rows = await anon.$$eval('#sup-table tbody tr', (l) => l.map((r) => r.dataset.tax).sort());
    assertEqual(rows.join(' '), listed.items.map((x) => x.tax_code).sort().join(' '), 'every supplier the API lists');
    // filtered by unit
    await anon.selectOption('#sup-unit', '795');
    await anon.click('#sup-apply');
    await anon.waitForFunction(() => document.querySelectorAll('#sup-table tbody tr').length === 1);
    assertEqual(await anon.$eval('#sup-table tbody tr', (r) => r.dataset.tax), PLASTICS, 'only the supplier in unit 795');
    await anon.click(`#sup-table tr[data-tax="${PLASTICS}"] a`);
    await anon.waitForSelector('#sup-certs');
    const profile = await apiAs(anon, `/api/v1/suppliers/${PLASTICS}?lang=en`);
    for (const cert of profile.certifications)
      assertEqual(await text(anon, `#sup-certs tr[data-standard="${cert.standard}"] .lk-cert`), s('en', `lk_cert_${cert.state}`), `the state of ${cert.label}`);
    assert(profile.certifications.some((x) => x.state === 'expired'), 'one certificate has expired');
    assertEqual(profile.contact, null, 'no contact for the public');
    assertEqual(await text(anon, '#sup-contact-note'), norm(profile.contact_note), 'the note on how to see the contact');
    assert(!(await anon.$('#sup-verify')), 'no verify button for the public');
    assertEqual(await anon.getAttribute('#sup-verified', 'data-verified'), '0', 'not verified');
    const could = await apiAs(anon, `/api/v1/match/demands?supplier=${PLASTICS}`);
    const codes = await anon.$$eval('#sup-demands tbody tr', (l) => l.map((r) => r.dataset.code));
    assertEqual(codes.join(' '), [...could.fits, ...could.unverified].map((d) => d.code).join(' '), 'the open demands it could serve');

    // the officer, in Vietnamese, verifies the profile
    const off = await as(newPage, w, 'lk.officer', 'vi');
    await openAt(off, w, `/suppliers/${PLASTICS}`);
    await off.waitForSelector('#sup-verify');
    const answer = off.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/verify'));
    await off.click('#sup-verify');
    assertEqual((await answer).status(), 200, 'verified');
    await off.waitForSelector('#sup-verified[data-verified="1"]');
    const after = await apiAs(off, `/api/v1/suppliers/${PLASTICS}`);
    assertEqual([after.verified_on, after.verified_by], [TODAY, 'lk.officer'], 'the API has the verification');
    const d = new Intl.DateTimeFormat(LOCALES.vi, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${TODAY}T00:00:00Z`));
    assertEqual(await text(off, '#sup-verified'), norm(s('vi', 'lk_verified_by', { date: d, who: 'lk.officer' })), 'who verified it and when, in Vietnamese');
    assert(await off.$('#sup-contact'), 'the officer sees the contact list');
  } finally {
    await w.end();
  }
});
