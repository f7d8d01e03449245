// The linkage desk in the web app, on a server of its own (its own
// database, KHU_TODAY): a supplier accepts an expression of interest on
// /pipeline; a buyer posts a demand on /demands, finds a supplier among
// those that fit on /demands/{code} and sends it an interest; the officer
// records the meeting and the contract on /pipeline, and /linkage shows the
// local supply share moved. The directory and a supplier's profile show
// what the API says of it. Every figure on the pages is checked against the
// API's answer, never against numbers written here.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, assert, assertEqual, LOCALES, LANGS } from './harness.mjs';
import { s, startIn, injectAxe } from './common.mjs';
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

function num(l, v, digits) {
  return new Intl.NumberFormat(LOCALES[l], { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(v);
}

// A share as the app writes it in language l (Vietnamese sets the sign apart).
function pct(l, v) {
  if (v === null) return s(l, 'lk_share_none');
  return l === 'vi' ? `${num(l, v, 1)} %` : `${num(l, v, 1)}%`;
}

function norm(x) {
  return x.replace(/[ \t\r\n\u00a0]+/g, ' ').trim();
}

// Waits for the pipeline to be drawn again after an act.
async function actOnCard(page, card, fn) {
  const before = await page.getAttribute('#main', 'data-drawn');
  const done = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/matches\//.test(r.url()));
  await fn();
  const r = await done;
  if (r.ok()) await page.waitForFunction((b) => document.querySelector('#main').dataset.drawn !== b, before);
  return r;
}

const card = (demand, supplier) => `li.lk-card[data-demand="${demand}"][data-supplier="${supplier}"]`;

test('linkage: a supplier accepts an interest, a buyer posts a demand and sends an interest, the officer records the meeting and the contract; the local share moves (en, vi, ko)', async ({ newPage }) => {
  const w = await world();
  try {
    // the officer proposes the plastics supplier for the other buyer's demand, with an interest at once
    const off = await as(newPage, w, 'lk.officer', 'en');
    await openAt(off, w, '/pipeline');
    const proposed = await apiAs(off, '/api/v1/matches', { demand: 'NC-CAPS', supplier: PLASTICS, interest: true });
    assertEqual(proposed.stage, 'interest', 'the officer sent an interest');

    // (a) the supplier signs in, sees the interest on its pipeline and accepts it
    const sup = await as(newPage, w, 'anphat', 'en');
    await openAt(sup, w, '/pipeline');
    await sup.waitForSelector(`#lk-col-1 ${card('NC-CAPS', PLASTICS)}`);
    const mine = await apiAs(sup, '/api/v1/matches');
    assertEqual(mine.items.length, 1, 'the supplier sees its one match');
    const acts = await sup.getAttribute(card('NC-CAPS', PLASTICS), 'data-acts');
    assertEqual(acts, mine.items[0].acts.join(' '), 'the card offers the acts the API gives');
    const buttons = await sup.$$eval(`${card('NC-CAPS', PLASTICS)} button.lk-act, ${card('NC-CAPS', PLASTICS)} details.lk-act-form`, (l) => l.map((b) => b.dataset.act).sort());
    assertEqual(buttons.join(' '), [...mine.items[0].acts].sort().join(' '), 'a button or form per act, no more');
    assertEqual(await text(sup, `${card('NC-CAPS', PLASTICS)} .lk-stage`), s('en', 'lk_stage_interest'), 'the stage in English');
    await actOnCard(sup, card('NC-CAPS', PLASTICS), () => sup.click(`${card('NC-CAPS', PLASTICS)} button[data-act="accept"]`));
    assertEqual((await apiAs(sup, '/api/v1/matches')).items[0].stage, 'accepted', 'the API has it accepted');
    await sup.waitForSelector(`#lk-col-1 ${card('NC-CAPS', PLASTICS)}[data-stage="accepted"]`);

    // the share before the buyer's demand, on the page and in the API (unit 80, Long An)
    const share0 = await apiAs(off, '/api/v1/linkage/share?unit=80&lang=en');
    await openAt(off, w, '/linkage#unit=80');
    await off.waitForSelector('#lk-share-location .lk-figure-value');
    assertEqual(await text(off, '#lk-share-location .lk-figure-value'), pct('en', share0.overall.by_location_pct), 'the share by location before');

    // (b) the buyer posts a demand; a value written with a comma is refused next to its field
    const buyer = await as(newPage, w, 'daesung', 'en', [[400, '/api/v1/demands']]);
    await openAt(buyer, w, '/demands');
    await buyer.waitForSelector('#dem-form');
    const code = 'NC-HOUSING-1';
    await buyer.fill('#dem-title', 'Plastic housings for car audio');
    await buyer.fill('#dem-code', code);
    await buyer.fill('#dem-vsic', '2220');
    await buyer.fill('#dem-capabilities', 'injection-moulding');
    await buyer.fill('#dem-annual_usd', '120000,5');
    const refused = buyer.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/v1/demands'));
    await buyer.click('#dem-send');
    assertEqual((await refused).status(), 400, 'a comma in the value: refused');
    await buyer.waitForFunction(() => document.querySelector('#dem-annual_usd-err').textContent.length > 0);
    assertEqual(await buyer.getAttribute('#dem-annual_usd', 'aria-invalid'), 'true', 'the field is marked');
    await buyer.fill('#dem-annual_usd', '120000');
    await buyer.click('#dem-send');
    await buyer.waitForURL(`**/demands/${code}`);
    await buyer.waitForSelector('#lk-group-fits li[data-tax]');
    const posted = await apiAs(buyer, `/api/v1/demands/${code}`);
    assertEqual([posted.buyer_tax_code, posted.status, posted.posted_on, posted.annual_usd], [BUYER, 'open', TODAY, 120000], 'the demand is the buyer’s, open, posted today');
    const ranked = await apiAs(buyer, `/api/v1/match/suppliers?demand=${code}&lang=en`);
    const fit = ranked.fits.find((x) => x.tax_code === PLASTICS);
    assert(fit, 'the API ranks the plastics supplier among those that fit');
    const li = `#lk-group-fits li[data-tax="${PLASTICS}"]`;
    assertEqual(await text(buyer, `${li} .lk-score`), s('en', 'lk_score', { score: num('en', fit.score, 1) }), 'its score');
    const contrib = await buyer.$$eval(`${li} .lk-contrib li`, (l) => l.map((x) => [x.dataset.criterion, x.querySelector('.num').textContent]));
    assertEqual(JSON.stringify(contrib), JSON.stringify(Object.entries(fit.contributions).map(([k, v]) => [k, num('en', v, 1)])), 'the contribution of each criterion');
    const reasons = await buyer.$$eval(`${li} .reasons li`, (l) => l.map((x) => x.textContent));
    assertEqual(JSON.stringify(reasons), JSON.stringify(fit.reasons.map((r) => r.text)), 'the reasons');
    assert(!(await buyer.$(`#lk-group-fits li[data-tax="${METAL}"]`)), 'the metal supplier does not fit');
    // the excluded on a toggle, with why
    await buyer.click('#lk-excluded-toggle');
    await buyer.waitForSelector(`#lk-group-excluded li[data-tax="${METAL}"]`);
    const excluded = await apiAs(buyer, `/api/v1/match/suppliers?demand=${code}&group=excluded&lang=en`);
    assertEqual(await text(buyer, `#lk-group-excluded li[data-tax="${METAL}"] .reasons li`), norm(excluded.excluded.find((x) => x.tax_code === METAL).reasons[0].text), 'why it is excluded');
    // sends the interest
    const sent = buyer.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/v1/matches'));
    await buyer.click(`${li} button.lk-interest`);
    assertEqual((await sent).status(), 201, 'the interest is sent');
    await buyer.waitForSelector(`${li} .lk-in-pipeline .lk-stage-interest`);
    const theirs = await apiAs(buyer, `/api/v1/matches?demand=${code}`);
    assertEqual(theirs.items[0].stage, 'interest', 'the API has the interest');

    // the supplier accepts this one too, in Korean
    const supKo = await as(newPage, w, 'anphat', 'ko');
    await openAt(supKo, w, '/pipeline');
    await supKo.waitForSelector(card(code, PLASTICS));
    assertEqual(await text(supKo, `${card(code, PLASTICS)} .lk-stage`), s('ko', 'lk_stage_interest'), 'the stage in Korean');
    await actOnCard(supKo, card(code, PLASTICS), () => supKo.click(`${card(code, PLASTICS)} button[data-act="accept"]`));

    // (c) the officer records the meeting, then the contract
    await openAt(off, w, '/pipeline');
    const c = card(code, PLASTICS);
    await off.waitForSelector(`#lk-col-1 ${c}`);
    await off.click(`${c} details[data-act="meet"] > summary`);
    await actOnCard(off, c, async () => {
      await off.fill(`${c} form[data-act="meet"] input[name="meeting_on"]`, TODAY);
      await off.check(`${c} form[data-act="meet"] input[name="online"]`);
      await off.fill(`${c} form[data-act="meet"] textarea[name="note"]`, 'Samples by the end of March');
      await off.click(`${c} form[data-act="meet"] button[type="submit"]`);
    });
    await off.waitForSelector(`#lk-col-2 ${c}`);
    await off.click(`${c} details[data-act="contract"] > summary`);
    await actOnCard(off, c, async () => {
      await off.fill(`${c} form[data-act="contract"] input[name="annual_usd"]`, '90000');
      await off.fill(`${c} form[data-act="contract"] input[name="since"]`, TODAY);
      await off.check(`${c} form[data-act="contract"] input[name="demand_matched"]`);
      await off.click(`${c} form[data-act="contract"] button[type="submit"]`);
    });
    await off.waitForSelector(`#lk-col-3 ${c}`);
    const done = (await apiAs(off, `/api/v1/matches?demand=${code}`)).items[0];
    assertEqual([done.stage, done.meeting_on, done.meeting_online, done.linkage_code], ['contract', TODAY, true, `LK-${code}-${PLASTICS}`], 'the API has the meeting and the contract');
    assertEqual((await apiAs(off, `/api/v1/demands/${code}`)).status, 'matched', 'the demand is matched');

    // the local share moved, and the page says what the API says
    const share1 = await apiAs(off, '/api/v1/linkage/share?unit=80&lang=en');
    assert(share1.overall.by_location_pct !== share0.overall.by_location_pct, `the share moved: ${share0.overall.by_location_pct} → ${share1.overall.by_location_pct}`);
    await openAt(off, w, '/linkage#unit=80');
    await off.waitForSelector('#lk-share-location .lk-figure-value');
    assertEqual(await text(off, '#lk-share-location .lk-figure-value'), pct('en', share1.overall.by_location_pct), 'the share by location after');
    assertEqual(await text(off, '#lk-share-ownership .lk-figure-value'), pct('en', share1.overall.by_ownership_pct), 'the share by ownership');
    const plastics = share1.sectors.find((x) => x.vsic === '22');
    assertEqual(await text(off, '#lk-share-table tr[data-row="by_location_pct"] td[data-col="22"]'), pct('en', plastics.share.by_location_pct), 'the plastics sector by location');
    assertEqual(await text(off, '#lk-share-table tr[data-row="by_ownership_pct"] td[data-col="22"]'), pct('en', plastics.share.by_ownership_pct), 'the plastics sector by ownership');
    assertEqual(norm(await off.textContent('#lk-definition')), norm(share1.definition), 'the definition in English');
    // the outcomes by sector, and the CSV link
    const out = await apiAs(off, '/api/v1/linkage/outcomes?by=sector&lang=en');
    const g22 = out.groups.find((g) => g.key === '22');
    for (const col of ['demands', 'proposed', 'interests', 'meetings', 'contracts'])
      assertEqual(await text(off, `#lk-outcomes-table tr[data-key="22"] td[data-col="${col}"]`), num('en', g22[col], 0), `the outcomes' ${col}`);
    assertEqual(await text(off, '#lk-outcomes-table tr[data-key="22"] td[data-col="contract_usd"]'), s('en', 'lk_usd', { v: num('en', g22.contract_usd, 0) }), 'the value of the contracts');
    const csvHref = await off.getAttribute('#lk-outcomes-csv', 'href');
    const csv = await off.evaluate((h) => fetch(h).then((r) => (r.ok ? r.text() : `HTTP ${r.status}`)), csvHref);
    assert(csv.startsWith('key,demands,'), `the CSV link gives the CSV: ${csv.slice(0, 40)}`);

    // the same share in Vietnamese and in Korean, and the definition in each
    for (const l of ['vi', 'ko']) {
      const p = await as(newPage, w, null, l);
      await openAt(p, w, '/linkage#unit=80');
      await p.waitForSelector('#lk-share-location .lk-figure-value');
      const sh = await apiAs(p, `/api/v1/linkage/share?unit=80&lang=${l}`);
      assertEqual(await text(p, '#lk-share-location .lk-figure-value'), pct(l, sh.overall.by_location_pct), `the share by location (${l})`);
      assertEqual(norm(await p.textContent('#lk-definition')), norm(sh.definition), `the definition (${l})`);
      assertEqual(await text(p, '#lk-share-h'), s(l, 'lk_share_title'), `the heading (${l})`);
    }
  } finally {
    await w.end();
  }
});

test("linkage: the directory lists the suppliers, a profile shows its certificates' states and hides the contact from the public, an officer verifies it (en, vi)", async ({ newPage }) => {
  const w = await world();
  try {
    const anon = await as(newPage, w, null, 'en');
    await openAt(anon, w, '/suppliers');
    await anon.waitForSelector('#sup-table');
    const listed = await apiAs(anon, '/api/v1/enterprises?supplier=1&limit=50');
    const rows = await anon.$$eval('#sup-table tbody tr', (l) => l.map((r) => r.dataset.tax).sort());
    assertEqual(rows.join(' '), listed.items.map((x) => x.tax_code).sort().join(' '), 'every supplier the API lists');
    const placed = listed.items.filter((x) => x.lat !== null && x.lon !== null).length;
    assert(placed > 0, 'some suppliers have a place');
    await anon.waitForFunction((n) => document.querySelectorAll('#sup-map path.sup-dot').length === n, placed);
    assertEqual(await text(anon, '#sup-map-count'), s('en', 'lk_sup_map_count', { n: placed, total: listed.items.length }), 'how many are on the map');
    // filtered by unit
    await anon.selectOption('#sup-unit', '795');
    await anon.click('#sup-apply');
    await anon.waitForFunction(() => document.querySelectorAll('#sup-table tbody tr').length === 1);
    assertEqual(await anon.$eval('#sup-table tbody tr', (r) => r.dataset.tax), PLASTICS, 'only the supplier in unit 795');
    assertEqual(await anon.$$eval('#sup-map path.sup-dot', (l) => l.length), 1, 'one dot on the map');
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

async function violations(page) {
  await injectAxe(page);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')} (${v.help})`);
  });
}

test('linkage: every page of the linkage desk meets WCAG 2.1 AA as axe-core checks it, in every language and at 360 px', async ({ newPage }) => {
  const w = await world();
  try {
    const off = await as(newPage, w, 'lk.officer', 'en');
    await openAt(off, w, '/pipeline');
    await apiAs(off, '/api/v1/matches', { demand: 'NC-CAPS', supplier: PLASTICS, interest: true });
    const pages = [
      ['lk.officer', ['/suppliers', `/suppliers/${PLASTICS}`, '/demands/NC-CAPS', '/pipeline', '/linkage#unit=80']],
      ['daesung', ['/demands']],
      ['anphat', ['/pipeline']],
    ];
    for (const [l, width] of [...LANGS.map((x) => [x, 1280]), ['vi', 360]]) {
      for (const [user, paths] of pages) {
        const page = await as(newPage, w, user, l);
        await page.setViewportSize({ width, height: 800 });
        for (const p of paths) {
          await openAt(page, w, p);
          await page.waitForSelector('main:not([aria-busy]) h1');
          await page.waitForFunction(() => !document.querySelector('main [aria-busy="true"], main .loading'));
          // the acts' forms open, so that their fields are checked too
          for (const d of await page.$$('main details')) await d.evaluate((x) => (x.open = true));
          assertEqual(await violations(page), [], `${p} as ${user} in ${l} at ${width} px`);
        }
        await page.close();
      }
    }
  } finally {
    await w.end();
  }
});

test('linkage: a supplier declines with its reason; a meeting dated after today is refused next to its day (en)', async ({ newPage }) => {
  const w = await world();
  try {
    const off = await as(newPage, w, 'lk.officer', 'en', [[400, '/meet']]);
    await openAt(off, w, '/pipeline');
    await apiAs(off, '/api/v1/matches', { demand: 'NC-CAPS', supplier: PLASTICS, interest: true });
    // the supplier declines, saying why
    const sup = await as(newPage, w, 'anphat', 'en');
    await openAt(sup, w, '/pipeline');
    const caps = card('NC-CAPS', PLASTICS);
    await sup.waitForSelector(caps);
    await sup.click(`${caps} details[data-act="decline"] > summary`);
    await actOnCard(sup, caps, async () => {
      await sup.fill(`${caps} form[data-act="decline"] textarea[name="note"]`, 'Our moulds are booked until next year');
      await sup.click(`${caps} form[data-act="decline"] button[type="submit"]`);
    });
    await sup.waitForSelector(`#lk-apart ${caps}[data-stage="declined"]`);
    const declined = (await apiAs(sup, '/api/v1/matches')).items[0];
    assertEqual([declined.stage, declined.decline_reason], ['declined', 'Our moulds are booked until next year'], 'the API has the reason');
    assert((await text(sup, `${caps} .lk-steps`)).includes(declined.decline_reason), 'the card shows the reason');
    assertEqual(await sup.getAttribute(caps, 'data-acts'), declined.acts.join(' '), 'and offers what the API allows now');

    // a demand of the buyer, accepted by the supplier; the officer dates the meeting after today
    const buyer = await as(newPage, w, 'daesung', 'en');
    await openAt(buyer, w, '/demands');
    const made = await apiAs(buyer, '/api/v1/demands', { fields: { code: 'NC-TRAYS', status: 'open', title: 'Plastic trays', vsic: '2220', annual_usd: 30000 } });
    assertEqual(made.key, 'NC-TRAYS', 'the demand is posted');
    await apiAs(buyer, '/api/v1/matches', { demand: 'NC-TRAYS', supplier: PLASTICS, interest: true });
    await apiAs(sup, '/api/v1/matches/NC-TRAYS/' + PLASTICS + '/accept', {});
    await openAt(off, w, '/pipeline');
    const trays = card('NC-TRAYS', PLASTICS);
    await off.waitForSelector(`#lk-col-1 ${trays}`);
    await off.click(`${trays} details[data-act="meet"] > summary`);
    const day = `${trays} form[data-act="meet"] input[name="meeting_on"]`;
    await off.fill(day, '2026-03-10');
    await off.fill(`${trays} form[data-act="meet"] input[name="meeting_place"]`, 'Long Hau industrial park');
    const refused = await actOnCard(off, trays, () => off.click(`${trays} form[data-act="meet"] button[type="submit"]`));
    assertEqual(refused.status(), 400, 'a meeting after today is refused');
    const problem = await refused.json();
    const id = await off.getAttribute(day, 'id');
    assertEqual(await text(off, `#${id}-err`), problem.errors.find((e) => e.param === 'meeting_on').detail, 'the problem next to the day');
    assertEqual(await off.getAttribute(day, 'aria-invalid'), 'true', 'the day is marked');
    assertEqual((await apiAs(off, '/api/v1/matches?demand=NC-TRAYS')).items[0].stage, 'accepted', 'nothing changed');
  } finally {
    await w.end();
  }
});
