// The officer's dashboard: one definition of "counted" stated on the page
// and used by every count; each count opens the finder on exactly the
// zones behind it; a sum known for few zones is not shown as a total; the
// dashboard downloads as CSV and prints as an A4 report.
import { test, assert, assertEqual, api, parseCSV, screenshotPath, BASE, LANGS } from './harness.mjs';
import { s, open, ready, tableCodes } from './common.mjs';

const num = (text) => Number(text.replace(/[^\d]/g, ''));

test('dashboard: the rule of what counts is stated, and the reconciliation and target cards count the same zones', async ({ newPage }) => {
  const stats = await api('/api/v1/stats');
  const targets = await api('/api/v1/targets');
  const units = await api('/api/v1/units?limit=500');
  for (const lang of LANGS) {
    const page = await newPage();
    await open(page, `/?lang=${lang}`);
    assertEqual((await page.textContent('#counted-def p')).trim(), s(lang, 'counted_def'), `${lang}: the rule`);
    for (const r of stats.reconciliation) {
      const sentence = page.locator(`.recon-sentence[data-kind="${r.kind}"]`);
      // the report names its scope: the merged province's parks are not Long An's
      const unit = units.items.find((u) => u.code === r.scope_unit);
      const unitName = lang === 'vi' ? unit.name_vi : lang === 'ko' ? unit.name_ko || unit.name_en : unit.name_en;
      assert((await sentence.textContent()).includes(unitName), `${lang} ${r.kind}: the report's scope ${unitName} is named`);
      const links = sentence.locator('a.drill');
      assertEqual(await links.first().getAttribute('href'), `/finder?${r.zones}`, `${lang} ${r.kind}: count links to its zones`);
      assertEqual(num(await links.first().textContent()), r.registry_count, `${lang} ${r.kind}: count`);
      // the target with the same metric counts the same zones
      const tg = targets.items.find((x) => x.metric === `${r.kind}_count` && x.registry);
      assertEqual(tg.registry.value, r.registry_count, `${r.kind}: target and reconciliation agree`);
      const card = page.locator(`article.target[data-code="${tg.code}"] .registry a.drill`);
      assertEqual(num(await card.first().textContent()), r.registry_count, `${lang} ${r.kind}: the card's count`);
      const left = r.not_counted.filter((x) => x.count > 0);
      assertEqual(await page.locator(`.recon-not-counted[data-kind="${r.kind}"] a.drill`).count(), left.length, `${lang} ${r.kind}: reasons`);
    }
    // the land table counts what the reconciliation counts, kind by kind
    for (const k of stats.land.by_kind.filter((x) => x.key === 'kcn' || x.key === 'ccn')) {
      const r = stats.reconciliation.find((x) => x.kind === k.key);
      assertEqual(k.count, r.registry_count, `${k.key}: land table and reconciliation agree`);
    }
    await page.screenshot({ path: screenshotPath(`dashboard-counted-${lang}`), fullPage: false });
  }
});

test('dashboard: every count opens the finder on exactly the zones behind it', async ({ newPage }) => {
  const page = await newPage();
  await open(page, '/?lang=ko');
  const hrefs = await page.$$eval('main a.drill', (as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
  assert(hrefs.length >= 20, `few links from counts: ${hrefs.length}`);
  // every link's number is the number of zones its filter gives
  for (const [href, text] of hrefs) {
    const q = href.replace('/finder?', '');
    const list = await api(`/api/v1/zones?limit=500&${q}`);
    assertEqual(list.total, num(text), `${href}: the count shown`);
  }
  // and following one shows those zones, with the filter set in its control
  const first = page.locator('.recon-sentence[data-kind="ccn"] a.drill').first();
  const href = await first.getAttribute('href');
  await first.click();
  await page.waitForURL(/\/finder\?/);
  await ready(page);
  await page.waitForSelector('#zone-table tbody tr');
  const want = await api(`/api/v1/zones?limit=500&${href.replace('/finder?', '')}`);
  assertEqual(await tableCodes(page), want.items.map((z) => z.code).sort(), 'the finder lists the counted clusters');
  assertEqual(await page.inputValue('#f-counted'), '1', 'the counted filter is set in its control');
});

test('dashboard: a sum known for fewer than half the zones is a partial sum, not a total', async ({ newPage }) => {
  const stats = await api('/api/v1/stats');
  for (const lang of LANGS) {
    const page = await newPage();
    await open(page, `/?lang=${lang}`);
    const total = stats.land.total;
    const cells = page.locator('#land-kind tr.total td');
    // columns: zones, total, industrial, leased, available, occupancy, area unknown
    const keys = [null, 'total', 'industrial', 'leased', 'available', 'occupancy'];
    for (let i = 1; i < keys.length; i++) {
      const known = total[`${keys[i]}_known`];
      const cell = cells.nth(i);
      const partial = await cell.locator('.partial').count();
      if (known > 0 && 2 * known < total.count) {
        assertEqual(partial, 1, `${lang} ${keys[i]}: partial`);
        const text = (await cell.locator('.partial').textContent()).trim();
        assert(text.startsWith(s(lang, 'partial_of', { k: known, n: total.count })), `${lang} ${keys[i]}: says how many: ${text}`);
        const weight = await cell.locator('.partial').evaluate((e) => getComputedStyle(e).fontWeight);
        assertEqual(weight, '400', `${lang} ${keys[i]}: not bold like a total`);
      } else {
        assertEqual(partial, 0, `${lang} ${keys[i]}: not partial (known ${known} of ${total.count})`);
      }
    }
  }
});

test('dashboard: downloads as CSV with the reconciliation, the targets and the land', async ({ newPage }) => {
  const page = await newPage();
  await open(page, '/?lang=ko');
  const href = await page.getAttribute('#dash-csv', 'href');
  assertEqual(href, '/api/v1/dashboard.csv?lang=ko&bom=1', 'link');
  const bytes = new Uint8Array(await (await fetch(BASE + href)).arrayBuffer());
  assertEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'the byte-order mark Excel needs');
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3));
  assert(text.startsWith('section,subject,name,measure,value,'), 'header');
  const rows = parseCSV(text);
  const stats = await api('/api/v1/stats');
  const targets = await api('/api/v1/targets?lang=ko');
  for (const r of stats.reconciliation) {
    const row = rows.find((x) => x[0] === 'reconciliation' && x[1] === r.kind && x[3] === 'registry_count');
    assertEqual(Number(row[4]), r.registry_count, `${r.kind}: registry count`);
    const rep = rows.find((x) => x[0] === 'reconciliation' && x[1] === r.kind && x[3] === 'reported_count');
    assertEqual(Number(rep[4]), r.reported_count, `${r.kind}: reported count`);
  }
  for (const tg of targets.items) {
    const v = rows.find((x) => x[0] === 'target' && x[1] === tg.code && x[3] === 'verdict');
    assertEqual(v[4], tg.verdict, `${tg.code}: verdict`);
    assertEqual(v[2], tg.name, `${tg.code}: the name in Korean`);
  }
  const occ = rows.find((x) => x[0] === 'land_total' && x[3] === 'occupancy_pct');
  assertEqual(Number(occ[6]), stats.land.total.occupancy_known, 'occupancy known for');
  assertEqual(Number(occ[7]), stats.land.total.count, 'of zones');
});

test('dashboard and zone page print as an A4 report: no navigation, sources at the end, address and date on every page', async ({ newPage }) => {
  for (const [name, path] of [
    ['dashboard', '/?lang=en'],
    ['zone', '/zones/kcn-long-hau?lang=ko'],
  ]) {
    const page = await newPage();
    await open(page, path);
    const closed = await page.locator('main details:not([open])').count();
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    assertEqual(await page.locator('main details:not([open])').count(), 0, `${name}: every detail open`);
    assertEqual(await page.isVisible('header.top'), false, `${name}: no navigation`);
    assertEqual(await page.isVisible('footer.bottom'), false, `${name}: no screen footer`);
    const footer = await page.textContent('#print-page');
    assert(footer.includes(page.url()) && footer.includes('@bottom-left'), `${name}: the address in the page footer`);
    assert(footer.includes('counter(page)'), `${name}: page numbers`);
    if (name === 'dashboard') {
      assert(await page.isVisible('#print-sources li'), 'the sources at the end');
      assertEqual(await page.isVisible('#dash-print'), false, 'no print button on paper');
    } else {
      assert(await page.isVisible('#sources li'), 'the zone sources');
    }
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(width <= 1280, `${name}: nothing wider than the page`);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assertEqual(await page.locator('main details:not([open])').count(), closed, `${name}: details closed again`);
    // printing fires beforeprint and afterprint itself: the PDF is kept to be looked at
    await page.pdf({ path: screenshotPath(`print-${name}`).replace(/\.png$/, '.pdf'), format: 'A4', printBackground: true });
  }
});
