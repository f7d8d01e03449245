// Open data that explains itself: the open-data page in every language
// lists every dataset of the catalog with its rows, last change, downloads
// that work (the Excel CSV starts with the byte-order mark) and every field
// with its meaning in the page's language; a zone's page links each figure
// to its own source with publisher, title and date, shows month-only dates
// as months, and says why a confidence was lowered. Screenshots go to the
// artefacts.
import { test, assert, assertEqual, api, apiText, parseCSV, BASE, LANGS, screenshotPath } from './harness.mjs';
import { s, open } from './common.mjs';

test('the open-data page lists every dataset with its fields, rows, date and downloads', async ({ newPage }) => {
  for (const l of LANGS) {
    const cat = await api(`/api/v1/datasets?lang=${l}`);
    const page = await newPage();
    await open(page, `/data?lang=${l}`);
    assertEqual((await page.textContent('main h1')).trim(), s(l, 'od_title'), `${l}: heading`);
    const shown = await page.$$eval('section.dataset', (els) => els.map((e) => e.id));
    assertEqual(shown.join(' '), cat.datasets.map((d) => `ds-${d.name}`).join(' '), `${l}: every dataset, in order`);
    for (const d of cat.datasets) {
      const sec = `#ds-${d.name}`;
      assertEqual((await page.textContent(`${sec} h2`)).includes(s(l, `ds_${d.name}`)), true, `${l} ${d.name}: title`);
      const rows = (await page.textContent(`${sec} .rows`)).trim();
      if (d.rows > 0) assert(rows.replace(/\D/g, '') === String(d.rows), `${l} ${d.name}: rows "${rows}" vs ${d.rows}`);
      else assertEqual(rows, s(l, 'od_no_rows'), `${l} ${d.name}: no rows`);
      assert(d.updated_at, `${d.name}: the import recorded its date`);
      assertEqual(await page.getAttribute(`${sec} .updated time`, 'datetime'), d.updated_at, `${l} ${d.name}: date`);
      const names = await page.$$eval(`${sec} table.dict tbody th code`, (els) => els.map((e) => e.textContent));
      assertEqual(names.join(' '), d.fields.map((f) => f.name).join(' '), `${l} ${d.name}: every field`);
      const meanings = await page.$$eval(`${sec} table.dict tbody td:last-child`, (els) => els.map((e) => e.textContent));
      assertEqual(meanings.join('|'), d.fields.map((f) => f.meaning).join('|'), `${l} ${d.name}: meanings in ${l}`);
      assert(d.fields.every((f) => f.meaning && f.meaning.trim().length > 2), `${l} ${d.name}: a field without meaning`);
      const links = await page.$$eval(`${sec} ul.downloads a, ${sec} .xlsx-downloads a`, (els) => els.map((a) => a.getAttribute('href')));
      assertEqual(links.length, d.downloads.length, `${l} ${d.name}: downloads`);
      assert(d.downloads.some((dl) => dl.format.startsWith('xlsx')), `${l} ${d.name}: a spreadsheet in the catalog`);
    }
    if (l === 'ko') {
      // the dictionary is Korean on the Korean page, not English
      const m = cat.datasets.find((d) => d.name === 'zones').fields.find((f) => f.name === 'total_ha').meaning;
      assert(/[\uac00-\ud7a3]/.test(m), `ko: total_ha meaning is not Korean: ${m}`);
    }
    assertEqual((await page.textContent('#od-publisher')).trim(), s(l, 'od_publisher_default'), `${l}: publisher not configured`);
    await page.screenshot({ path: screenshotPath(`opendata-${l}`), fullPage: true });
    const narrow = await newPage({ viewport: { width: 360, height: 800 } });
    await open(narrow, `/data?lang=${l}`);
    await narrow.click('#ds-zones details.dict summary');
    const over = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(over <= 0, `${l}: the page overflows 360 px by ${over} px`);
    await narrow.screenshot({ path: screenshotPath(`opendata-${l}-360`), fullPage: true });
  }
});

test('each download link answers the dataset: CSV rows, the Excel BOM, XLSX, JSON and GeoJSON', async () => {
  const cat = await api('/api/v1/datasets');
  for (const d of cat.datasets) {
    for (const dl of d.downloads) {
      const r = await fetch(BASE + dl.url);
      assertEqual(r.status, 200, `${d.name} ${dl.format}`);
      const body = Buffer.from(await r.arrayBuffer());
      const bom = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
      assertEqual(bom, dl.format.endsWith('excel'), `${d.name} ${dl.format}: byte-order mark`);
      if (dl.format === 'csv') {
        const rows = parseCSV(body.toString('utf8'));
        assertEqual(rows.length - 1, d.rows, `${d.name}: CSV rows`);
        assertEqual(rows[0].slice(0, d.fields.length).join(','), d.fields.map((f) => f.name).join(','), `${d.name}: CSV header is the dictionary`);
      }
      if (dl.format.startsWith('xlsx')) assertEqual(body.subarray(0, 2).toString('latin1'), 'PK', `${d.name}: a workbook`);
      if (dl.format === 'geojson') assertEqual(JSON.parse(body.toString('utf8')).type, 'FeatureCollection', `${d.name}: GeoJSON`);
      if (dl.format === 'json') assert(Array.isArray(JSON.parse(body.toString('utf8')).items), `${d.name}: JSON items`);
    }
  }
});

test('a zone links each figure to its own source, with publisher, title and date', async ({ newPage }) => {
  const zones = (await api('/api/v1/zones?limit=500')).items;
  const withProv = zones.find((z) => z.provenance);
  assert(withProv, 'the data names the source of some figure');
  const z = await api(`/api/v1/zones/${encodeURIComponent(withProv.code)}`);
  const [field, code] = z.provenance.split(' ')[0].split('=');
  const src = await api(`/api/v1/sources/${encodeURIComponent(code)}`);
  for (const l of LANGS) {
    const page = await newPage();
    await open(page, `/zones/${encodeURIComponent(z.code)}?lang=${l}`);
    const hrefs = await page.$$eval(`tr[data-field="${field}"] a.src-ref`, (els) => els.map((a) => a.getAttribute('href')));
    assertEqual(hrefs.join(' '), `#src-${code}`, `${l}: ${field} links to its own source`);
    const item = `#sources li#src-${code}`;
    const text = await page.textContent(item);
    if (src.publisher) assert(text.includes(src.publisher), `${l}: publisher shown`);
    const title = src[`title_${l}`] || src.title;
    if (title) assert(text.includes(title), `${l}: title in ${l} shown: ${title}`);
    if (src.url) assertEqual(await page.getAttribute(`${item} a.url`, 'href'), src.url, `${l}: links to the source itself`);
    await page.click(`tr[data-field="${field}"] a.src-ref`);
    assertEqual(await page.evaluate(() => location.hash), `#src-${code}`, `${l}: the link goes to that source`);
  }
});

test('month-only dates stay months and a lowered confidence says why', async ({ newPage }) => {
  const zones = (await api('/api/v1/zones?limit=500')).items;
  const monthly = zones.find((z) => z.as_of && z.as_of_precision === 'month');
  assert(monthly, 'some zone is dated to the month only');
  const lowered = zones.find((z) => z.confidence_note && /^Lowered/.test(z.confidence_note));
  assert(lowered, 'some zone had its confidence lowered');
  for (const l of LANGS) {
    const page = await newPage();
    await open(page, `/zones/${encodeURIComponent(monthly.code)}?lang=${l}`);
    const dt = await page.getAttribute('tr[data-field="as_of"] time', 'datetime');
    assertEqual(dt, monthly.as_of.slice(0, 7), `${l}: as_of is a month`);
    const shown = await page.textContent('tr[data-field="as_of"] td.value');
    assert(!shown.includes(monthly.as_of.slice(8, 10) + '/') && shown.includes(s(l, 'prec_month')), `${l}: "${shown}" looks like a day`);
    const nowrap = await page.$eval('tr[data-field="as_of"] time', (e) => getComputedStyle(e).whiteSpace);
    assertEqual(nowrap, 'nowrap', `${l}: a date never breaks`);
    await open(page, `/zones/${encodeURIComponent(lowered.code)}?lang=${l}`);
    const why = l === 'en' ? lowered.confidence_note : lowered[`confidence_note_${l}`];
    assert(why, `${l}: the reason is translated`);
    assertEqual((await page.textContent('.conf-note')).trim(), why, `${l}: why the confidence is lowered, in the page's language`);
    if (l === 'ko') await page.screenshot({ path: screenshotPath('zone-sources-ko'), fullPage: true });
  }
});

test('the API catalog refuses what it does not know', async () => {
  const r = await fetch(`${BASE}/api/v1/datasets?format=xml`);
  assertEqual(r.status, 400, 'unknown parameter');
  const p = await r.json();
  assert(p.detail.includes('format'), `the problem names the parameter: ${p.detail}`);
  const csv = await apiText('/api/v1/sources.csv');
  assert(csv.split('\n')[0].startsWith('code,cite,url,publisher,title'), 'sources CSV header');
});
