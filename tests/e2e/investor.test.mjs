// The investor page (/investor): a search shows exactly the zones, order,
// scores and reasons /api/v1/match/sites returns, in three groups (fits,
// may fit but unverified, excluded collapsed to one line each); a zone
// reported full is excluded with the report's date; every zone can be seen
// ("show more"); cards lead with the facts that fit; one marker per listed
// zone; the URL reproduces the result; up to four zones side by side with
// their areas, status and occupancy; the PDF brief; the inquiry form (a
// lead, and the API's message for a bad e-mail). In Vietnamese and Korean;
// screenshots in vi, en and ko.
import { test, assert, assertEqual, api, BASE, LOCALES, screenshotPath } from './harness.mjs';
import { s, open, startIn, markerCodes, ANY_MARKER, injectAxe } from './common.mjs';

const QUERY = 'land_ha=20&max_km_hcmc=40';

function num(l, v, digits = 1) {
  return new Intl.NumberFormat(LOCALES[l], { maximumFractionDigits: digits }).format(v);
}

async function match(query, l) {
  return api(`/api/v1/match/sites?${query}&lang=${l}`);
}

async function listedCodes(page, list) {
  return page.$$eval(`#${list} > li`, (els) => els.map((e) => e.dataset.code));
}

async function waitResults(page) {
  await page.waitForSelector('#inv-count');
  await page.waitForFunction(() => !document.querySelector('#inv-results[aria-busy]'));
}

const GROUPS = ['fits', 'unverified', 'excluded'];
const CRITERIA = ['land', 'price', 'km_hcmc', 'km_port', 'wwtp', 'power', 'ready', 'unit', 'sector'];

function allOf(res) {
  return GROUPS.flatMap((g) => res[g]);
}

// The page's three groups equal the API's, in order: the cards of zones that
// fit or may fit with their ranks, scores, score bars and reasons; each
// excluded zone on one line with its first reason.
async function sameAsAPI(page, res, l, what) {
  for (const g of GROUPS) assertEqual(await listedCodes(page, `inv-${g}`), res[g].map((z) => z.code), `${what}: ${g} zones and order`);
  for (const g of ['fits', 'unverified']) {
    const shown = await page.$$eval(`#inv-${g} > li`, (els) =>
      els.map((e) => ({
        rank: e.querySelector('.inv-rank').textContent,
        score: e.querySelector('.inv-score').textContent,
        bar: [...e.querySelectorAll('.scorebar .seg')].reduce((a, x) => a + parseFloat(x.style.width), 0),
        label: e.querySelector('.scorebar').getAttribute('aria-label'),
        reasons: [...e.querySelectorAll('.reasons li')].map((r) => r.textContent),
      }))
    );
    res[g].forEach((z, i) => {
      assertEqual(shown[i].rank, s(l, 'inv_rank', { n: num(l, z.rank, 0) }), `${what}: rank of ${z.code}`);
      assertEqual(shown[i].score, s(l, 'inv_score', { score: num(l, z.score) }), `${what}: score of ${z.code}`);
      assert(Math.abs(shown[i].bar - z.score) < 0.2, `${what}: bar of ${z.code} is ${shown[i].bar}, score ${z.score}`);
      assert(shown[i].label.includes(num(l, z.score)), `${what}: bar label "${shown[i].label}"`);
      assertEqual(shown[i].reasons, z.reasons.map((r) => r.text), `${what}: reasons of ${z.code}`);
    });
  }
  const why = await page.$$eval('#inv-excluded > li .inv-why', (els) => els.map((e) => e.textContent));
  assertEqual(why, res.excluded.map((z) => z.reasons[0].text), `${what}: why each zone is excluded`);
  const count = await page.textContent('#inv-count');
  assertEqual(count, s(l, 'inv_count', { n: num(l, res.counts.fits, 0), u: num(l, res.counts.unverified, 0), x: num(l, res.counts.excluded, 0) }), `${what}: count`);
}

async function axe(page) {
  await injectAxe(page);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')} (${v.help})`);
  });
}

for (const l of ['vi', 'ko']) {
  test(`investor page (${l}): a search shows exactly the API's three groups (fits, unverified with what to ask, excluded collapsed), every zone page by page, the map; the URL reproduces it`, async ({ newPage }) => {
    const page = await newPage();
    await startIn(page, l);
    await open(page, '/investor');
    assertEqual(await page.textContent('main h1'), s(l, 'inv_title'), 'heading');
    assertEqual(await page.getAttribute('nav.main a[data-nav="investor"]', 'aria-current'), 'page', 'nav');
    assertEqual(await page.$$('#inv-fits > li, #inv-unverified > li'), [], 'no result before a search');
    // the sector list has the API's names in this language
    const sectors = await api(`/api/v1/sectors?limit=500&lang=${l}`);
    const sec = sectors.items[0];
    const label = await page.textContent(`#inv-sector option[value="${sec.code}"]`);
    assertEqual(label, `${sec.code} — ${sec[`name_${l}`]}`, 'sector option');
    await page.fill('#inv-land_ha', '20');
    await page.fill('#inv-max_km_hcmc', '40');
    await page.press('#inv-max_km_hcmc', 'Enter');
    await page.waitForURL(`${BASE}/investor?${QUERY}`);
    await waitResults(page);
    const res = await match(QUERY, l);
    // no zone's available land is known, so none is listed as fitting 20 ha
    assertEqual(res.counts.fits, 0, 'no zone fits 20 ha on known figures');
    assert(res.counts.unverified > 20 && res.excluded.length > 0, 'the query has unverified (more than a page) and excluded zones');
    await sameAsAPI(page, res, l, QUERY);
    assertEqual(await page.textContent('#inv-fits-empty'), s(l, 'inv_no_fits_but'), 'no zone fits, and the page says where to look');
    // an unverified zone says what to ask; a stated need never shows as met on an unknown figure
    const unv = res.unverified[0];
    assertEqual(unv.checks.land, 'unknown', 'land unverified');
    assertEqual(unv.reasons[0].kind, 'unverified', 'what to ask first');
    const li = `#inv-unverified > li[data-code="${unv.code}"]`;
    assertEqual(await page.textContent(`${li} .unverified-badge`), s(l, 'inv_unverified_badge'), 'unverified badge');
    const met = await page.$$eval(`${li} .inv-facts .met`, (els) => els.map((e) => e.dataset.criterion));
    assertEqual(met, CRITERIA.filter((c) => unv.checks[c] === 'met'), 'the card leads with the facts that fit');
    assert(!met.includes('land'), 'unknown land is never shown as met');
    if (unv.checks.km_hcmc === 'met')
      assert((await page.textContent(`${li} .inv-facts .met[data-criterion="km_hcmc"]`)).includes(num(l, unv.facts.km_hcmc, 1)), 'distance shown as a fact');
    // Long Hau is reported 100% occupied: excluded, with the report's date
    const lh = res.excluded.find((z) => z.code === 'kcn-long-hau');
    assert(lh, 'Long Hau is excluded');
    assertEqual(lh.reasons[0].kind, 'land_full', 'excluded because reported full');
    assert(lh.reasons[0].text.includes('2022-06-01'), `the report's date in "${lh.reasons[0].text}"`);
    // excluded zones are collapsed: compare comes right after the last unverified zone
    assertEqual(await page.getAttribute('#inv-excluded-box', 'open'), null, 'excluded zones collapsed');
    const gap = await page.evaluate(() => document.querySelector('#inv-compare-h').getBoundingClientRect().top - document.querySelector('#inv-unverified').getBoundingClientRect().bottom);
    assert(gap < 300, `compare is ${gap} px below the last unverified zone`);
    await page.click('#inv-excluded-box > summary');
    assert(await page.isVisible(`#inv-excluded > li[data-code="kcn-long-hau"] .inv-why`), 'an excluded line opens');
    assertEqual(await page.$$(`#inv-fits > li[data-code="${lh.code}"], #inv-unverified > li[data-code="${lh.code}"]`), [], 'excluded zone not ranked');
    // every zone can be seen: the next page of a group continues its ranks
    const next = await match(`${QUERY}&group=unverified&offset=${res.unverified.length}&limit=50`, l);
    await page.click('#inv-more-unverified');
    await page.waitForFunction((n) => document.querySelectorAll('#inv-unverified > li').length === n, res.unverified.length + next.unverified.length);
    assertEqual(await listedCodes(page, 'inv-unverified'), [...res.unverified, ...next.unverified].map((z) => z.code), 'the next page appended in order');
    assertEqual(next.unverified[0].rank, res.unverified.length + 1, 'ranks go on');
    assertEqual(res.unverified.length + next.unverified.length, res.counts.unverified, 'every unverified zone listed');
    assertEqual(await page.$$('#inv-more-unverified'), [], 'no more to show');
    const shown = { ...res, unverified: [...res.unverified, ...next.unverified] };
    // one marker per listed zone that has a position
    const fc = await api('/api/v1/zones.geojson');
    const placed = new Set(fc.features.filter((f) => f.geometry).map((f) => f.properties.code));
    const listed = allOf(shown).map((z) => z.code).filter((c) => placed.has(c));
    await page.waitForSelector(`#inv-map :is(${ANY_MARKER})`);
    assertEqual(await markerCodes(page, '#inv-map'), [...listed].sort(), 'markers (a cluster stands for its zones)');
    // each zone drawn on its own looks like its group: excluded faded, unverified dashed
    const excludedSet = new Set(res.excluded.map((z) => z.code));
    const unverifiedSet = new Set(shown.unverified.map((z) => z.code));
    const drawn = await page.$$eval('#inv-map .leaflet-marker-icon.zone-marker', (els) =>
      els.map((e) => [e.dataset.code, e.classList.contains('excluded'), e.classList.contains('unverified')])
    );
    assert(drawn.length > 0, 'no zone drawn on its own');
    for (const [code, faded, dashed] of drawn) {
      assertEqual(faded, excludedSet.has(code), `${code}: faded exactly when excluded`);
      assertEqual(dashed, unverifiedSet.has(code), `${code}: dashed exactly when unverified`);
    }
    await page.screenshot({ path: screenshotPath(`investor-${l}`), fullPage: true });
    // the URL reproduces the result
    await page.reload();
    await waitResults(page);
    assertEqual(await page.inputValue('#inv-land_ha'), '20', 'land from the URL');
    await sameAsAPI(page, res, l, 'after reload');
    // a link with every kind of parameter fills the form and runs the search
    const units = await api('/api/v1/units?level=district&limit=500');
    const q2 = `sector=${sec.code}&land_ha=5&ready_by=2027-12-31&max_lease_usd_m2=200&max_km_port=60&min_wwtp_m3_day=100&min_power_mva=10&units=${units.items[0].code},${units.items[1].code}&weight_land=5&weight_sector=0`;
    await open(page, `/investor?${q2}`);
    await waitResults(page);
    assertEqual(await page.inputValue('#inv-sector'), sec.code, 'sector from the URL');
    assertEqual(await page.inputValue('#inv-ready_by'), '2027-12-31', 'date from the URL');
    assertEqual(
      (await page.$$eval('#inv-units option:checked', (os) => os.map((o) => o.value))).sort(),
      [units.items[0].code, units.items[1].code].sort(),
      'units from the URL'
    );
    assertEqual(await page.inputValue('#inv-weight_land'), '5', 'weight from the URL');
    assert(await page.isVisible('#inv-weight_land'), 'weights open when set');
    await sameAsAPI(page, await match(q2, l), l, q2);
  });
}

test('investor page in English, and at 360 px, meets WCAG 2.1 AA (screenshot)', async ({ newPage }) => {
  const page = await newPage();
  await startIn(page, 'en');
  await open(page, `/investor?${QUERY}`);
  await waitResults(page);
  assertEqual(await page.textContent('nav.main a[data-nav="investor"]'), s('en', 'nav_investor'), 'nav in English');
  await sameAsAPI(page, await match(QUERY, 'en'), 'en', 'en');
  await page.screenshot({ path: screenshotPath('investor-en'), fullPage: true });
  assertEqual(await axe(page), [], 'axe in English at 1280 px');
  // switching the language runs the search again in that language
  const ko = await match(QUERY, 'ko');
  await page.selectOption('#lang', 'ko');
  const koCount = s('ko', 'inv_count', { n: num('ko', ko.counts.fits, 0), u: num('ko', ko.counts.unverified, 0), x: num('ko', ko.counts.excluded, 0) });
  await page.waitForFunction((x) => (document.querySelector('#inv-count') || {}).textContent === x, koCount);
  await sameAsAPI(page, ko, 'ko', 'after switching to ko');
  const narrow = await newPage({ viewport: { width: 360, height: 740 } });
  await open(narrow, `/investor?${QUERY}`);
  await waitResults(narrow);
  await narrow.check('#inv-unverified > li:nth-child(1) .compare-box');
  await narrow.waitForSelector('#inv-compare-table');
  const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
  assert(width <= 360, `page is ${width} px wide at 360 px`);
  assertEqual(await axe(narrow), [], 'axe in Vietnamese at 360 px');
  // keyboard: the form is reached and sent with keys alone
  await narrow.focus('#inv-land_ha');
  await narrow.keyboard.press('Control+A');
  await narrow.keyboard.type('30');
  await narrow.keyboard.press('Enter');
  await narrow.waitForURL(/land_ha=30/);
  await waitResults(narrow);
  await sameAsAPI(narrow, await match('land_ha=30&max_km_hcmc=40', 'vi'), 'vi', 'keyboard');
});

test("investor page: a bad value is shown next to its control with the API's message", async ({ newPage }) => {
  const page = await newPage({ allowHTTP: [[400, '/api/v1/match/sites']] });
  await open(page, '/investor?land_ha=200000');
  await page.waitForSelector('#inv-land_ha-err:not([hidden])');
  const r = await fetch(`${BASE}/api/v1/match/sites?land_ha=200000&lang=vi`);
  assertEqual(r.status, 400, 'API status');
  const problem = await r.json();
  assertEqual(problem.param, 'land_ha', 'API param');
  assertEqual(await page.textContent('#inv-land_ha-err'), problem.detail, 'message next to the control');
  assertEqual(await page.getAttribute('#inv-land_ha', 'aria-invalid'), 'true', 'aria-invalid');
  assertEqual(await page.$$('#inv-fits > li, #inv-unverified > li'), [], 'no result');
});

for (const l of ['vi', 'ko']) {
  test(`investor page (${l}): compare ticked zones side by side, the PDF brief, an inquiry`, async ({ newPage }) => {
    const page = await newPage({ allowHTTP: [[400, '/api/v1/leads']] });
    await startIn(page, l);
    await open(page, `/investor?${QUERY}`);
    await waitResults(page);
    const res = await match(QUERY, l);
    // PDF of the top three before anything is ticked: those that fit, then the unverified
    const top = [...res.fits, ...res.unverified].slice(0, 3).map((z) => z.code);
    assert((await page.getAttribute('#inv-pdf', 'href')).includes(`zones=${top.join(',')}&`), 'PDF of the top three');
    // tick an unverified and an excluded zone, then two more; a fifth cannot be ticked
    await page.click('#inv-excluded-box > summary');
    const pick = [res.unverified[1].code, res.excluded[0].code, res.unverified[0].code, res.unverified[2].code];
    for (const c of pick) await page.check(`li[data-code="${c}"] .compare-box`);
    await page.waitForFunction((n) => document.querySelectorAll('#inv-compare-table thead th[data-code]').length === n, pick.length);
    assertEqual(await page.$$eval('#inv-compare-table thead th[data-code]', (els) => els.map((e) => e.dataset.code)), pick, 'compared zones in order');
    assert(await page.isDisabled(`li[data-code="${res.unverified[3].code}"] .compare-box`), 'a fifth zone cannot be ticked');
    const all = allOf(res);
    const scores = await page.$$eval('#inv-compare-table tr.score-row td', (els) => els.map((e) => e.textContent));
    assertEqual(scores, pick.map((c) => s(l, 'inv_score', { score: num(l, all.find((z) => z.code === c).score) })), 'scores side by side');
    for (const [i, c] of pick.entries()) {
      const z = await api(`/api/v1/zones/${c}?lang=${l}`);
      const m = all.find((x) => x.code === c);
      const cells = await page.$$eval(`#inv-compare-table td[data-field]:nth-child(${i + 2})`, (els) =>
        Object.fromEntries(els.map((e) => [e.dataset.field, e.textContent]))
      );
      assertEqual(cells.group, s(l, `inv_group_${m.group}`), `${c} group`);
      assertEqual(cells.status, z.status ? s(l, `status_${z.status}`) : s(l, 'unknown'), `${c} status`);
      for (const key of ['total_ha', 'industrial_ha', 'occupancy_reported_pct', 'available_ha', 'lease_usd_m2', 'km_hcmc', 'km_port', 'wwtp_m3_day', 'power_mva']) {
        if (z[key] === null) assertEqual(cells[key], s(l, 'unknown'), `${c} ${key} unknown`);
        else assert(cells[key].startsWith(num(l, z[key], key === 'wwtp_m3_day' ? 0 : key === 'lease_usd_m2' ? 2 : 1)), `${c} ${key}: "${cells[key]}" for ${z[key]}`);
      }
    }
    await page.uncheck(`li[data-code="${pick[0]}"] .compare-box`);
    await page.waitForFunction(() => document.querySelectorAll('#inv-compare-table thead th[data-code]').length === 3);
    const kept = pick.slice(1);
    // the PDF brief of the ticked zones with the same parameters
    const href = await page.getAttribute('#inv-pdf', 'href');
    assert(href.includes(`zones=${kept.join(',')}&lang=${l}&${QUERY}`), `PDF link ${href}`);
    const pdf = await fetch(BASE + href);
    assertEqual(pdf.status, 200, 'PDF status');
    assertEqual(pdf.headers.get('content-type'), 'application/pdf', 'PDF type');
    assertEqual(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-', 'PDF bytes');
    // an empty inquiry: every required field's problem at once, each next to
    // its field, in the page's language, the required fields marked
    for (const f of ['name', 'company', 'email']) {
      assert(await page.$(`label[for="lead-${f}"] abbr.req`), `${f} marked required`);
      assertEqual(await page.getAttribute(`#lead-${f}`, 'aria-required'), 'true', `${f} aria-required`);
    }
    assertEqual(await page.$('label[for="lead-message"] abbr.req'), null, 'the message is not required');
    const isLeads = (r) => r.url().includes('/api/v1/leads?lang=');
    const [empty] = await Promise.all([page.waitForResponse(isLeads), page.click('#lead-send')]);
    assertEqual(empty.status(), 400, 'empty inquiry status');
    const problems = await empty.json();
    assertEqual(problems.errors.map((e) => e.param), ['name', 'company', 'email'], 'every missing field at once');
    for (const e of problems.errors) {
      await page.waitForSelector(`#lead-${e.param}-err:not([hidden])`);
      assertEqual(await page.textContent(`#lead-${e.param}-err`), e.detail, `${e.param}: message next to it`);
      assertEqual(await page.getAttribute(`#lead-${e.param}`, 'aria-invalid'), 'true', `${e.param} invalid`);
    }
    assertEqual(problems.errors[0].detail, { vi: 'Trường này là bắt buộc.', ko: '필수 항목입니다.' }[l], 'in the page language');
    const labels = await Promise.all(['name', 'company', 'email'].map((f) => page.$eval(`label[for="lead-${f}"]`, (x) => x.firstChild.textContent.trim())));
    assertEqual(labels, [s(l, 'inv_l_name'), s(l, 'inv_l_company'), s(l, 'inv_l_email')], 'labels');
    assertEqual(await page.textContent('#lead-summary'), s(l, 'inv_l_check', { n: 3, list: labels.join(', ') }), 'the summary names the fields by their labels');
    assertEqual(await page.evaluate(() => document.activeElement.id), 'lead-name', 'the first bad field focused');
    // countries by name in the page's language, sorted by it
    assertEqual(await page.$eval('#lead-country option[value="KR"]', (o) => o.textContent), { vi: 'Hàn Quốc', ko: '대한민국' }[l], 'Korea named');
    const names = await page.$$eval('#lead-country option', (os) => os.slice(1).map((o) => o.textContent));
    assert(names.length > 200, `${names.length} countries`);
    const sorted = [...names].sort(new Intl.Collator(l).compare);
    assertEqual(names, sorted, 'sorted by name in the page language');
    // a bad e-mail: the API's message next to the field
    await page.fill('#lead-name', `Kim <b>${l}</b>`);
    await page.fill('#lead-company', 'Hanul Co.');
    await page.selectOption('#lead-country', 'KR');
    await page.fill('#lead-email', 'not-an-email');
    await page.fill('#lead-message', '<img src=x onerror=alert(1)> 20 ha');
    const [bad] = await Promise.all([page.waitForResponse(isLeads), page.click('#lead-send')]);
    assertEqual(bad.status(), 400, 'bad e-mail status');
    const badBody = await bad.json();
    assertEqual(badBody.errors.length, 1, 'one problem left');
    const detail = badBody.errors[0].detail;
    assertEqual(detail, { vi: 'Không phải địa chỉ e-mail.', ko: '이메일 주소가 아닙니다.' }[l], 'the message in the page language');
    await page.waitForSelector('#lead-email-err:not([hidden])');
    assertEqual(await page.textContent('#lead-email-err'), detail, 'message next to the e-mail field');
    assertEqual(await page.isHidden('#lead-name-err'), true, 'the fixed field is clear');
    assertEqual(await page.textContent('#lead-status'), s(l, 'inv_l_error', { msg: s(l, 'inv_l_check', { n: 1, list: s(l, 'inv_l_email') }) }), 'status of the bad inquiry');
    // a good one: 201 and its code shown; user text stays text
    await page.fill('#lead-email', `kim.${l}@example.com`);
    const [good] = await Promise.all([page.waitForResponse(isLeads), page.click('#lead-send')]);
    assertEqual(good.status(), 201, 'inquiry status');
    const body = await good.json();
    assert(/^lead-/.test(body.code), `code ${body.code}`);
    assertEqual(JSON.parse(good.request().postData()).zones, kept, 'the ticked zones sent');
    assertEqual(JSON.parse(good.request().postData()).country, 'KR', 'the country chosen by name, sent as its code');
    await page.waitForSelector('#lead-status.ok');
    assertEqual(await page.textContent('#lead-status'), s(l, 'inv_l_ok', { code: body.code }), 'code shown');
    assertEqual(await page.$$('main b, main img[src="x"]'), [], 'no user text as HTML');
    assertEqual(await page.isHidden('#lead-email-err'), true, 'the old message is gone');
  });
}
