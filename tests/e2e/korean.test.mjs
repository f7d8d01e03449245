// Korean all the way through, as a Korean investor meets khu: a ko-KR
// browser that never chose a language lands in Korean, searches for a site,
// reads each zone's summary, confidence reason and sources' reviews in
// Korean, sees every place name beside its Vietnamese original, finds the
// districts sorted in Korean order, gets the API's problems in Korean, and
// downloads a brief whose names carry their originals. A text that has no
// Korean translation says so instead of showing another language silently.
// Screenshots at 1280 and 360 px are kept as artifacts.
import { test, assert, assertEqual, api, screenshotPath } from './harness.mjs';
import { s, open, ready, injectAxe } from './common.mjs';

const QUERY = 'land_ha=20&max_km_hcmc=40';

async function waitResults(page) {
  await page.waitForSelector('#inv-count');
  await page.waitForFunction(() => !document.querySelector('#inv-results[aria-busy]'));
}

// Elements whose text is in another language than the page's ko, outside the
// places where a name or a quoted original is expected; each must sit after
// the notice that the Korean is missing.
async function silentOtherLanguage(page) {
  return page.$$eval('main [lang]:not([lang="ko"])', (els) =>
    els
      .filter((e) => !e.closest('.orig, cite, .as-cited, details.keeper-note, .url, .publisher, .fallback'))
      .filter((e) => !(e.previousElementSibling && e.previousElementSibling.classList.contains('missing-tr')))
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent.slice(0, 60)}`)
  );
}

async function axeClean(page, what) {
  await injectAxe(page);
  const res = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
  assertEqual(res.violations.map((v) => `${v.id}: ${v.nodes.length}`), [], `${what}: axe violations`);
}

test('a ko-KR browser: investor search, zone, dashboard and open data all in Korean (screenshots)', async ({ newPage }) => {
  for (const width of [1280, 360]) {
    const page = await newPage({ locale: 'ko-KR', viewport: { width, height: 900 } });
    await open(page, '/');
    assertEqual(await page.getAttribute('html', 'lang'), 'ko', `${width}: the first visit follows Accept-Language`);
    await page.screenshot({ path: screenshotPath(`ko-journey-${width}-1-dashboard`), fullPage: true });

    // the dashboard: each target's scope in Korean, its values' notes too
    const targets = (await api('/api/v1/targets?lang=ko')).items;
    const targetCards = await page.$$eval('article.target', (els) => els.map((e) => e.dataset.code));
    assert(targetCards.length >= 5, `${width}: the dashboard shows the targets (${targetCards.length})`);
    for (const tg of targets.filter((x) => targetCards.includes(x.code))) {
      const scope = await page.$eval(`article.target[data-code="${tg.code}"] p.scope`, (e) => e.textContent);
      assertEqual(scope, tg.scope_ko, `${width}: scope of ${tg.code} in Korean`);
      const notes = tg.observations.filter((o) => o.note);
      const shown = await page.$$eval(`article.target[data-code="${tg.code}"] .obs-note`, (els) => els.map((e) => e.textContent));
      assertEqual(shown, notes.map((o) => o.note_ko), `${width}: notes of ${tg.code}'s values in Korean`);
    }
    assertEqual(await silentOtherLanguage(page), [], `${width}: dashboard text in another language without saying so`);

    // the investor's search: every card's name beside its Vietnamese original
    await open(page, `/investor?${QUERY}`);
    await waitResults(page);
    const res = await api(`/api/v1/match/sites?${QUERY}&lang=ko`);
    const cards = await page.$$eval('#inv-fits > li, #inv-unverified > li', (els) =>
      els.map((e) => ({ code: e.dataset.code, orig: (e.querySelector('.inv-name .orig') || { textContent: null }).textContent }))
    );
    assert(cards.length > 0, `${width}: the search lists zones`);
    for (const c of cards) {
      const z = [...res.fits, ...res.unverified].find((x) => x.code === c.code);
      assertEqual(c.orig, z.name_vi && z.name_vi !== z.name ? `(${z.name_vi})` : null, `${width}: original of ${c.code}`);
    }
    await page.screenshot({ path: screenshotPath(`ko-journey-${width}-2-investor`), fullPage: true });

    // the districts in Korean order
    const options = await page.$$eval('#inv-units optgroup', (groups) =>
      groups.map((g) => [...g.querySelectorAll('option')].map((o) => o.textContent.replace(/ \(.*$/, '')))
    );
    const coll = new Intl.Collator('ko');
    for (const list of options) assertEqual(list, [...list].sort((a, b) => coll.compare(a, b)), `${width}: districts sorted in Korean`);

    // a zone: its summary and confidence reason in Korean, the keeper's note apart
    const code = cards[0].code;
    await page.click(`[data-code="${code}"] .inv-name`);
    await ready(page);
    const zone = await api(`/api/v1/zones/${code}?lang=ko`);
    const h1orig = await page.$eval('h1 .orig', (e) => e.textContent).catch(() => null);
    assertEqual(h1orig, zone.name_ko && zone.name_ko !== zone.name_vi ? `(${zone.name_vi})` : null, `${width}: heading's original`);
    assertEqual(await page.$eval('.zone-about .summary', (e) => e.textContent), zone.summary_ko, `${width}: summary of ${code} in Korean`);
    if (zone.confidence_note) assertEqual(await page.$eval('.conf-note', (e) => e.textContent), zone.confidence_note_ko, `${width}: confidence reason`);
    if (zone.note) {
      assertEqual(await page.$eval('details.keeper-note summary', (e) => e.textContent), s('ko', 'z_keeper_note'), `${width}: keeper's note labelled`);
      assert(!(await page.$eval('details.keeper-note', (e) => e.open)), `${width}: the keeper's note starts closed`);
    }
    const reviews = await page.$$eval('#sources li[id^="src-"]', (els) =>
      els.map((e) => ({ id: e.id.slice(4), review: (e.querySelector('.review') || { textContent: null }).textContent }))
    );
    for (const r of reviews) {
      const src = await api(`/api/v1/sources/${r.id}`);
      assertEqual(r.review, src.review ? src.review_ko : null, `${width}: review of ${r.id} in Korean`);
    }
    assertEqual(await silentOtherLanguage(page), [], `${width}: zone text in another language without saying so`);
    await page.screenshot({ path: screenshotPath(`ko-journey-${width}-3-zone`), fullPage: true });
    if (width === 1280) await axeClean(page, 'Korean zone page');

    // open data: the reviewed sources' findings in Korean
    await open(page, '/data');
    assertEqual(await silentOtherLanguage(page), [], `${width}: open-data text in another language without saying so`);
    await page.screenshot({ path: screenshotPath(`ko-journey-${width}-4-data`), fullPage: true });
  }
});

test('a Korean reader gets the API problems in Korean', async ({ newPage }) => {
  const page = await newPage({ locale: 'ko-KR', allowHTTP: [[400, '/api/v1/zones?'], [400, '/api/v1/match/sites']] });
  await open(page, '/');
  const problems = await page.evaluate(async () => {
    const get = async (u) => (await fetch(u)).json();
    return [await get('/api/v1/zones?status=bogus'), await get('/api/v1/zones?min_total_ha=abc'), await get('/api/v1/match/sites?land_ha=-1')];
  });
  assertEqual(problems[0].detail, "status은(는) 다음 중 하나여야 합니다: planned, approved, building, operating, cancelled(여러 개는 쉼표로 구분). 입력값: 'bogus'", 'enum filter');
  assertEqual(problems[1].detail, "min_total_ha은(는) 소수점으로 '.'을 쓰는 숫자여야 합니다. 입력값: 'abc'", 'number filter');
  assert(/입력값/.test(JSON.stringify(problems[2])), `the finder's problem in Korean: ${JSON.stringify(problems[2])}`);
});

test('a text without its Korean translation says so and shows the original with its language', async ({ newPage }) => {
  const page = await newPage({ locale: 'ko-KR' });
  await open(page, '/');
  const out = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="modulepreload"][href$="/core.js"]').getAttribute('href');
    const core = await import(href);
    const probe = (row) => {
      const div = document.createElement('div');
      div.innerHTML = core.textHTML(row, 'summary', 'p', 'summary');
      const other = div.querySelector('[lang]');
      return {
        text: div.textContent,
        missing: (div.querySelector('.missing-tr') || { textContent: null }).textContent,
        lang: other && other.getAttribute('lang'),
      };
    };
    return {
      own: probe({ summary: 'English', summary_vi: 'Tiếng Việt', summary_ko: '한국어' }),
      en: probe({ summary: 'Only English' }),
      vi: probe({ summary_vi: 'Chỉ tiếng Việt' }),
      none: probe({}),
      place: core.placeText({ name_vi: 'Huyện Đức Hòa', name_ko: '득화현' }),
      same: core.placeText({ name_vi: 'KCN X', name_ko: 'KCN X' }),
      fallback: core.placeText({ name: 'Ben Luc Beta Park', name_lang: 'en', name_vi: 'KCN Bến Lức Beta', name_en: 'Ben Luc Beta Park' }),
    };
  });
  assertEqual(out.own, { text: '한국어', missing: null, lang: null }, 'the Korean text itself');
  assertEqual(out.en.missing, s('ko', 'text_missing', { lang: s('ko', 'lang_in_en') }), 'missing Korean said, English named');
  assertEqual(out.en.lang, 'en', 'the English marked as English');
  assert(out.en.text.endsWith('Only English'), 'the English shown after the notice');
  assertEqual(out.vi.lang, 'vi', 'Vietnamese when it is the only one');
  assertEqual(out.none.text, '', 'nothing when no language has it');
  assertEqual(out.place, '득화현 (Huyện Đức Hòa)', 'a place beside its Vietnamese original');
  assertEqual(out.same, 'KCN X', 'no original repeated');
  assertEqual(out.fallback, 'Ben Luc Beta Park (KCN Bến Lức Beta)', 'no Korean name: the English one, still beside the original');
});

test("lists sort by the name in the page language: an umbrella's members, the finder's groups", async ({ newPage }) => {
  const umbrellas = (await api('/api/v1/zones?limit=500')).items.filter((z) => z.group_code).map((z) => z.group_code);
  const code = umbrellas[0];
  for (const l of ['ko', 'en', 'vi']) {
    const page = await newPage({ locale: 'ko-KR' });
    await open(page, `/zones/${encodeURIComponent(code)}?lang=${l}`);
    const names = await page.$$eval('ul.members li > a', (els) =>
      els.map((a) => [...a.childNodes].filter((n) => !(n.classList && n.classList.contains('orig'))).map((n) => n.textContent).join('').trim())
    );
    assert(names.length >= 2, `${l}: ${code} lists its members (${names.length})`);
    const coll = new Intl.Collator(l);
    assertEqual(names, [...names].sort((a, b) => coll.compare(a, b)), `${l}: members of ${code} in the language's order`);
    await open(page, `/finder?lang=${l}`);
    const groups = await page.$$eval('select[name="group"] option:not([value=""])', (els) => els.map((o) => o.value));
    const named = (await api(`/api/v1/zones?limit=500&lang=${l}`)).items.filter((z) => umbrellas.includes(z.code));
    const want = named.sort((a, b) => coll.compare(a.name, b.name)).map((z) => z.code);
    assertEqual(groups, want, `${l}: the finder's umbrellas in the language's order`);
  }
});
