// Zone pages and languages: unknown shown as unknown (never 0), the group,
// projects and enterprises from the API; the language switch changes the
// strings and the number formats and is kept.
import { test, assert, assertEqual, api, LANGS } from './harness.mjs';
import { STRINGS, s, ha, open, ready, startIn, apiZones, zoneWithUnknowns } from './common.mjs';

test('every UI string exists in vi, en and ko', async () => {
  const keys = (l) => Object.keys(STRINGS[l]).sort();
  assertEqual(keys('en'), keys('vi'), 'en keys');
  assertEqual(keys('ko'), keys('vi'), 'ko keys');
  for (const l of LANGS)
    for (const [k, v] of Object.entries(STRINGS[l])) assert(v !== '' || k === 'u_count', `${l}.${k} is empty`);
});

test('a zone page shows unknown where the data is empty, in every language', async ({ newPage }) => {
  const z = await zoneWithUnknowns();
  const item = await api(`/api/v1/zones/${encodeURIComponent(z.code)}`);
  const empty = Object.keys(item).filter((k) => item[k] === null);
  assert(empty.includes('industrial_ha'), 'the chosen zone has no industrial land');
  for (const l of LANGS) {
    const page = await newPage();
    await startIn(page, l);
    await open(page, `/zones/${encodeURIComponent(z.code)}`);
    const cells = await page.$$eval('#zone-fields tr[data-field]', (rows) =>
      Object.fromEntries(rows.map((r) => [r.dataset.field, r.querySelector('td.value').textContent.trim()]))
    );
    let checked = 0;
    for (const k of empty) {
      if (!(k in cells)) continue;
      assertEqual(cells[k], s(l, 'unknown'), `${l}: ${k}`);
      checked++;
    }
    assert(checked >= 5, `${l}: only ${checked} empty fields shown`);
    assert(item.total_ha !== null, 'the chosen zone has a total area');
    const total = new Intl.NumberFormat({ vi: 'vi-VN', en: 'en-GB', ko: 'ko-KR' }[l], { maximumFractionDigits: 2 }).format(item.total_ha);
    assertEqual(cells.total_ha, total, `${l}: total_ha`);
    const unitCell = await page.textContent('#zone-fields tr[data-field="total_ha"] td:nth-child(3)');
    assertEqual(unitCell.trim(), 'ha', `${l}: unit of total_ha`);
    const conf = await page.textContent('#zone-fields tr[data-field="total_ha"] td:nth-child(5)');
    assertEqual(conf.trim(), s(l, `confidence_${item.confidence}`), `${l}: confidence of total_ha`);
    await page.waitForSelector('#zone-map .leaflet-marker-icon.zone-marker');
  }
});

test('a zone page shows its umbrella zone, members, projects and enterprises', async ({ newPage }) => {
  const all = (await apiZones('')).map((f) => f.properties);
  const member = all.find((z) => z.group_code);
  const umbrella = member.group_code;
  const members = (await apiZones(`group=${encodeURIComponent(umbrella)}`)).map((f) => f.properties.code).sort();
  const page = await newPage();
  await open(page, `/zones/${encodeURIComponent(umbrella)}`);
  const links = await page.$$eval('ul.members a', (as) => as.map((a) => decodeURIComponent(a.getAttribute('href').replace('/zones/', ''))));
  assertEqual(links.sort(), members, 'members of the umbrella zone');
  await open(page, `/zones/${encodeURIComponent(member.code)}`);
  assert(await page.$(`#group-h + p a[href="/zones/${encodeURIComponent(umbrella)}"]`), 'link to the umbrella zone');
  const projects = await api(`/api/v1/projects?zone=${encodeURIComponent(member.code)}&limit=500`);
  const enterprises = await api(`/api/v1/enterprises?zone=${encodeURIComponent(member.code)}&limit=500`);
  const section = async (id) => page.$$eval(`section[aria-labelledby="${id}"] tbody tr`, (r) => r.length);
  assertEqual(await section('projects-h'), projects.items.length, 'project rows');
  assertEqual(await section('ent-h'), enterprises.items.length, 'enterprise rows');
  if (!projects.items.length) assert((await page.textContent('section[aria-labelledby="projects-h"]')).includes(s('vi', 'z_no_projects')), 'no-project note');
});

test('the language switch changes the strings and the number formats, and is kept', async ({ newPage }) => {
  const stats = await api('/api/v1/stats');
  const first = stats.reconciliation[0];
  const page = await newPage();
  await open(page, '/');
  const cell = '#recon-table tbody tr:first-child td:nth-child(3)';
  assertEqual(await page.textContent('nav.main a[data-nav="dashboard"]'), s('vi', 'nav_dashboard'), 'vi nav');
  assertEqual(await page.textContent(cell), ha('vi', first.reported_ha), 'vi number');
  assertEqual(await page.textContent('main h1'), s('vi', 'dash_title'), 'vi heading');
  for (const l of ['en', 'ko']) {
    await page.selectOption('#lang', l);
    await page.waitForFunction((x) => document.documentElement.lang === x, l);
    await page.waitForFunction((x) => document.querySelector('main h1').textContent === x, s(l, 'dash_title'));
    await ready(page);
    assertEqual(await page.textContent('nav.main a[data-nav="dashboard"]'), s(l, 'nav_dashboard'), `${l} nav`);
    assertEqual(await page.textContent(cell), ha(l, first.reported_ha), `${l} number`);
    assertEqual(await page.textContent('label[for="lang"]'), s(l, 'lang_label'), `${l} label`);
  }
  assert(ha('vi', 9251.6) === '9.251,6 ha' && ha('en', 9251.6) === '9,251.6 ha', 'locale formats');
  await page.reload();
  await ready(page);
  assertEqual(await page.getAttribute('html', 'lang'), 'ko', 'language kept after a reload');
  assertEqual(await page.textContent('main h1'), s('ko', 'dash_title'), 'ko heading after a reload');
});
