// The zone finder and the map: filters give exactly what the API returns,
// the filter lives in the URL, one marker per zone of the result, the
// downloads carry the rows of the table.
import { readFileSync } from 'node:fs';
import { test, assert, assertEqual, api, parseCSV, BASE } from './harness.mjs';
import { open, ready, apiZones, codes, tableCodes, markerCodes, s, ha, ANY_MARKER } from './common.mjs';

async function waitRows(page, n) {
  await page.waitForFunction((k) => document.querySelectorAll('#zone-table tbody tr').length === k, n);
}

test('a filter in the finder changes the table to exactly what the API returns', async ({ newPage }) => {
  const page = await newPage();
  await open(page, '/finder');
  const all = await apiZones('');
  assertEqual(await tableCodes(page), codes(all), 'unfiltered table');
  const kcn = await apiZones('kind=kcn');
  assert(kcn.length > 0 && kcn.length < all.length, 'the data set has parks and other zones');
  await page.check('input[name="kind"][value="kcn"]');
  await page.waitForURL(/kind=kcn/);
  await waitRows(page, kcn.length);
  assertEqual(await tableCodes(page), codes(kcn), 'kind=kcn');
  const operating = await apiZones('kind=kcn&status=operating');
  await page.check('input[name="status"][value="operating"]');
  await page.waitForURL(/status=operating/);
  await waitRows(page, operating.length);
  assertEqual(await tableCodes(page), codes(operating), 'kind=kcn&status=operating');
  assert(page.url().includes('/finder?kind=kcn&status=operating'), `URL ${page.url()}`);
  const count = await page.textContent('#result-count');
  assert(count.includes(String(operating.length)), `count text "${count}"`);
  // available land of the result: the sum of what the API knows, umbrella
  // zones left out (their members count)
  const umbrellas = new Set(all.map((f) => f.properties.group_code).filter(Boolean));
  const known = operating
    .filter((f) => !umbrellas.has(f.properties.code))
    .map((f) => f.properties.available_ha)
    .filter((v) => v !== null);
  const avail = await page.textContent('#result-available');
  const expected = known.length ? ha('vi', known.reduce((a, b) => a + b, 0)) : s('vi', 'unknown');
  assert(avail.includes(expected), `available land "${avail}", expected ${expected}`);
  // text search ignores diacritics; numbers from a number field
  await page.click('#f-reset');
  const duc = await apiZones('q=duc%20hoa');
  await page.fill('#f-q', 'duc hoa');
  await page.press('#f-q', 'Enter');
  await page.waitForURL(/q=duc/);
  await waitRows(page, duc.length);
  assertEqual(await tableCodes(page), codes(duc), 'q=duc hoa');
  await page.fill('#f-q', '');
  const big = await apiZones('min_total_ha=300');
  await page.click('summary');
  await page.fill('#f-min_total_ha', '300');
  await page.press('#f-min_total_ha', 'Enter');
  await page.waitForURL(/min_total_ha=300/);
  await waitRows(page, big.length);
  assertEqual(await tableCodes(page), codes(big), 'min_total_ha=300');
});

test('the filter lives in the URL and every API filter is a control', async ({ newPage }) => {
  const page = await newPage();
  const units = await api('/api/v1/units?level=district&limit=500');
  const zones = await apiZones('');
  const unit = units.items.find((u) => zones.some((f) => f.properties.unit_code === u.code && f.properties.kind === 'ccn'));
  const q = `kind=ccn&unit=${unit.code}`;
  await open(page, `/finder?${q}`);
  const expected = await apiZones(q);
  assertEqual(await tableCodes(page), codes(expected), q);
  assert(await page.isChecked('input[name="kind"][value="ccn"]'), 'kind=ccn box checked');
  assertEqual(await page.inputValue('#f-unit'), unit.code, 'unit select');
  const doc = await api('/api/v1/openapi.json');
  const params = doc.paths['/api/v1/zones'].get.parameters
    .map((p) => (p.$ref ? doc.components.parameters[p.$ref.split('/').pop()].name : p.name))
    .filter((n) => !['sort', 'limit', 'cursor', 'lang', 'bom'].includes(n)); // paging and output, not filters
  assert(params.length >= 10, `few zone filters in the OpenAPI document: ${params}`);
  for (const p of params) assert(await page.$(`#filters [name="${p}"]`), `no control for the API filter ${p}`);
});

test('sorting the table by a column, unknown values last', async ({ newPage }) => {
  const page = await newPage();
  await open(page, '/finder?kind=kcn');
  await page.click('button.sort[data-sort="total_ha"]');
  await page.waitForURL(/sort=total_ha/);
  const zones = await apiZones('kind=kcn');
  const expected = zones
    .map((f) => f.properties)
    .sort((a, b) => (a.total_ha === null) - (b.total_ha === null) || (a.total_ha ?? 0) - (b.total_ha ?? 0));
  const got = await page.$$eval('#zone-table tbody tr', (rows) => rows.map((r) => r.dataset.code));
  assertEqual(
    got.map((c) => zones.find((f) => f.properties.code === c).properties.total_ha),
    expected.map((z) => z.total_ha),
    'areas in ascending order'
  );
  assertEqual(await page.getAttribute('th:has(button[data-sort="total_ha"])', 'aria-sort'), 'ascending', 'aria-sort');
});

test('the map shows one marker per zone of the result', async ({ newPage }) => {
  const page = await newPage();
  for (const q of ['', 'kind=ccn', 'kind=logistics,port,economic', 'status=planned']) {
    await open(page, `/map${q ? `?${q}` : ''}`);
    const expected = (await apiZones(q)).filter((f) => f.geometry);
    if (expected.length) await page.waitForSelector(ANY_MARKER);
    assertEqual(await markerCodes(page), codes(expected), `markers for "${q}" (a cluster stands for its zones)`);
  }
  // approximate positions look different and say so
  await open(page, '/map');
  await page.waitForSelector('.leaflet-marker-icon.zone-marker');
  // every position but a surveyed one is approximate: a district's centroid
  // or the centre of a mapped area (area_centre, such as an OpenStreetMap way)
  const position = new Map((await apiZones('')).filter((f) => f.geometry).map((f) => [f.properties.code, f.properties.position]));
  const approx = new Set([...position].filter(([, p]) => p !== 'surveyed').map(([code]) => code));
  const drawn = await page.$$eval('.leaflet-marker-icon.zone-marker', (els) => els.map((e) => [e.dataset.code, !!e.querySelector('.zm.approx')]));
  assert(drawn.some(([, dashed]) => dashed), 'no marker drawn as approximate');
  for (const [code, dashed] of drawn) assertEqual(dashed, approx.has(code), `${code}: drawn as approximate exactly when it is`);
  const ringed = '.leaflet-marker-icon.zone-marker:has(.zm.approx)';
  const label = await page.getAttribute(ringed, 'aria-label');
  const why = position.get(await page.getAttribute(ringed, 'data-code')) === 'area_centre' ? 'approx_area_popup' : 'approx_popup';
  assert(label.includes(s('vi', why)), `marker label "${label}"`);
  // a click opens a summary with a link to the zone page
  const code = await page.getAttribute('.leaflet-marker-icon.zone-marker', 'data-code');
  await page.click(`.leaflet-marker-icon.zone-marker[data-code="${code}"]`, { force: true });
  await page.waitForSelector(`.leaflet-popup a[href="/zones/${encodeURIComponent(code)}"]`);
  // the finder's map: the same zones as its table
  await open(page, '/finder?kind=kcn');
  await page.waitForSelector(`#finder-map :is(${ANY_MARKER})`);
  const kcn = (await apiZones('kind=kcn')).filter((f) => f.geometry);
  assertEqual(await markerCodes(page, '#finder-map'), codes(kcn), 'finder map markers');
});

test('the map follows the finder filter', async ({ newPage }) => {
  const page = await newPage();
  await open(page, '/finder');
  await page.check('input[name="kind"][value="ccn"]');
  await page.waitForURL(/kind=ccn/);
  await page.click('nav.main a[data-nav="map"]');
  await page.waitForURL(`${BASE}/map?kind=ccn`);
  await ready(page);
  const expected = (await apiZones('kind=ccn')).filter((f) => f.geometry);
  await page.waitForSelector(ANY_MARKER);
  assertEqual(await markerCodes(page), codes(expected), 'map after the finder');
});

test('the CSV (plain and for Excel) and GeoJSON downloads have the rows of the table', async ({ newPage }) => {
  const page = await newPage();
  await open(page, '/finder?kind=kcn&status=operating,building');
  const rows = await tableCodes(page);
  assert(rows.length > 0, 'empty table');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#dl-csv')]);
  const plain = readFileSync(await csv.path());
  assert(plain[0] === 0x63, `the plain CSV begins with its header, not ${plain.subarray(0, 3).toString('hex')}`);
  const records = parseCSV(plain.toString('utf8')).filter((r) => r.length > 1);
  const col = records[0].indexOf('code');
  assert(col >= 0, `CSV header ${records[0]}`);
  assertEqual(records.slice(1).map((r) => r[col]).sort(), rows, 'CSV codes');
  // the one for Excel: the same bytes after the UTF-8 byte-order mark
  const [excel] = await Promise.all([page.waitForEvent('download'), page.click('#dl-csv-excel')]);
  const bytes = readFileSync(await excel.path());
  assertEqual(bytes.subarray(0, 3).toString('hex'), 'efbbbf', 'byte-order mark');
  assertEqual(bytes.subarray(3).toString('utf8'), plain.toString('utf8'), 'the rest is the plain CSV');
  const [geo] = await Promise.all([page.waitForEvent('download'), page.click('#dl-geojson')]);
  const fc = JSON.parse(readFileSync(await geo.path(), 'utf8'));
  assertEqual(codes(fc.features), rows, 'GeoJSON codes');
});

test('the finder totals never add an umbrella zone to its members', async ({ newPage }) => {
  const all = await apiZones('');
  const umbrellas = new Set(all.map((f) => f.properties.group_code).filter(Boolean));
  const kcn = await apiZones('kind=kcn');
  assert(kcn.some((f) => umbrellas.has(f.properties.code)), 'the parks include an umbrella zone');
  const areas = kcn.filter((f) => !umbrellas.has(f.properties.code)).map((f) => f.properties.total_ha);
  const sum = areas.filter((v) => v !== null).reduce((a, b) => a + b, 0);
  const unknown = areas.filter((v) => v === null).length;
  const page = await newPage();
  await open(page, '/finder?kind=kcn');
  const text = await page.textContent('#results-summary .totals li:first-child');
  assertEqual(text, `${s('vi', 'result_total', { area: ha('vi', sum) })} ${s('vi', 'result_unknown', { n: unknown })}`, 'total area');
});
