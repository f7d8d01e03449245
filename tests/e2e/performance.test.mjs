// The public figures of dossier handling (/performance, web/performance.js)
// on a server of the test's own: a synthetic data set (khu gen --seed 1,
// whose today is 2025-10-31) with the default data's working-day calendar
// (2025 and 2026 official, 2027 provisional), served with KHU_TODAY set to
// that day. What is checked:
//  - the default period is the year up to the server's today, and every
//    figure the page shows, by department and by procedure, in vi, en and
//    ko, is the API's for the same query, formatted as the app formats it;
//  - each chart draws one bar per department (or procedure) and series,
//    with the API's value, and has the same figures in a table behind it;
//  - a period with nothing handled shows unknown, never 0, and draws no bar;
//  - the period chosen in the form is kept in the address and asked for;
//  - the open-data links ask for the same query and answer JSON, CSV and
//    XLSX with their content types;
//  - the deadline calculator across Tết 2026 shows the API's due day and
//    lists each day it skipped, with the holidays' names; across 2027 it
//    says the due day rests on a provisional calendar.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, assert, assertEqual, parseCSV, screenshotPath, LANGS } from './harness.mjs';
import { s, startIn, text, STRINGS } from './common.mjs';
import { startServer, khu, tempDir, removeDir } from './server.mjs';
import { setLang, fmtNum, fmtPct, fmtDate } from '../../web/i18n.js';

const TODAY = '2025-10-31';
const FROM = '2024-11-01';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Runs fn(server) on a fresh synthetic data set; the server stops and its
// directory goes whatever happens.
async function withServer(fn) {
  const dir = tempDir();
  let server = null;
  try {
    khu(['gen', '--seed', '1', '--quiet', join(dir, 'gen')]);
    // the generator writes no calendar: the default data's, with Tết 2026
    copyFileSync(new URL('../../data/calendar_days.csv', import.meta.url), join(dir, 'gen', 'calendar_days.csv'));
    khu(['import', '--dir', join(dir, 'gen'), '--db', join(dir, 'khu.db')]);
    server = await startServer(join(dir, 'khu.db'), TODAY);
    await fn(server);
  } finally {
    if (server) await server.stop();
    removeDir(dir);
  }
}

async function getJSON(server, path) {
  const r = await fetch(server.url + path);
  assertEqual(r.status, 200, `${path}: status`);
  return r.json();
}

// A procedure's name in language l (its code where the app has none).
const procName = (l, code) => STRINGS[l][`proc_${code}`] || code;

// The figures of one row as the app writes them in language l.
function expectedRow(l, g, name) {
  setLang(l);
  const share = g.on_time_share === null ? s(l, 'unknown') : `${fmtPct(g.on_time_share * 100, 1)} (${s(l, 'pf_of', { k: fmtNum(g.on_time, 0), n: fmtNum(g.with_due, 0) })})`;
  const days = (v) => (v === null ? s(l, 'unknown') : fmtNum(v, 1));
  return [name, fmtNum(g.handled, 0), share, days(g.median_working_days), days(g.p90_working_days), fmtNum(g.open, 0), fmtNum(g.overdue, 0)];
}

async function shownRows(page, by) {
  return page.$$eval(`#pf-${by}-table tbody tr`, (rows) => rows.map((r) => ({ group: r.dataset.group, cells: [...r.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim()) })));
}

async function openPage(newPage, server, l, path, opts = {}) {
  const page = await newPage(opts);
  await startIn(page, l);
  await page.goto(server.url + path);
  await page.waitForSelector('main:not([aria-busy]) h1');
  await page.waitForSelector('#pf-figures:not([aria-busy]) section');
  return page;
}

// The page's tables and charts against the API's answers for one period.
async function checkFigures(page, server, l, from, to) {
  const depts = await getJSON(server, `/api/v1/departments?limit=500&lang=${l}`);
  const names = new Map(depts.items.map((d) => [d.code, d[`name_${l}`] || d.name || d.name_vi]));
  for (const by of ['department', 'procedure']) {
    const answer = await getJSON(server, `/api/v1/dossier_stats?by=${by}&from=${from}&to=${to}&lang=${l}`);
    assert(answer.items.length > 0, `${by}: the API lists groups`);
    const shown = await shownRows(page, by);
    assertEqual(
      shown.map((r) => r.group),
      answer.items.map((g) => g.group),
      `${l} ${by}: one row per group of the API, in its order`
    );
    for (const [i, g] of answer.items.entries()) {
      const name = by === 'department' ? names.get(g.group) : procName(l, g.group);
      assertEqual(shown[i].cells, expectedRow(l, g, name), `${l} ${by} ${g.group}: the API's figures`);
    }
    // the share chart: a bar per group with a known share, at its value
    const shareBars = await page.$$eval(`#pf-chart-${by}-share rect.bar`, (rs) => rs.map((r) => [r.dataset.group, Number(r.dataset.value)]));
    assertEqual(
      shareBars,
      answer.items.filter((g) => g.on_time_share !== null).map((g) => [g.group, g.on_time_share * 100]),
      `${l} ${by}: one bar of the share on time per group`
    );
    for (const [j, key] of [
      [0, 'median_working_days'],
      [1, 'p90_working_days'],
    ]) {
      const bars = await page.$$eval(`#pf-chart-${by}-days rect.bar[data-series="${j}"]`, (rs) => rs.map((r) => [r.dataset.group, Number(r.dataset.value)]));
      assertEqual(
        bars,
        answer.items.filter((g) => g[key] !== null).map((g) => [g.group, g[key]]),
        `${l} ${by}: one bar of ${key} per group`
      );
    }
    const unknownBars = await page.locator(`#pf-chart-${by}-share .bar-unknown`).count();
    assertEqual(unknownBars, answer.items.filter((g) => g.on_time_share === null).length, `${l} ${by}: a share not known is written, not drawn`);
    // each chart's data table behind it: the same figures
    setLang(l);
    const dataRows = await page.$$eval(`#pf-chart-${by}-days-data tbody tr`, (rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
    assertEqual(
      dataRows,
      answer.items.map((g) => [
        by === 'department' ? names.get(g.group) : procName(l, g.group),
        g.median_working_days === null ? s(l, 'unknown') : fmtNum(g.median_working_days, 1),
        g.p90_working_days === null ? s(l, 'unknown') : fmtNum(g.p90_working_days, 1),
      ]),
      `${l} ${by}: the chart's data table`
    );
    const summary = await page.$eval(`#pf-chart-${by}-days-fig details summary`, (e) => e.textContent.trim());
    assertEqual(summary, s(l, 'chart_data'), `${l} ${by}: the table is behind the chart`);
  }
}

test('performance: the figures by department and procedure are the API\'s, in vi, en and ko, with a bar per group', async ({ newPage }) => {
  await withServer(async (server) => {
    for (const l of LANGS) {
      const page = await openPage(newPage, server, l, '/performance');
      assertEqual(await text(page, 'main h1'), s(l, 'pf_title'), `${l}: heading`);
      assertEqual(await page.inputValue('#pp-from'), FROM, `${l}: the period starts a year before the server's today`);
      assertEqual(await page.inputValue('#pp-to'), TODAY, `${l}: and ends on it`);
      setLang(l);
      assertEqual(await text(page, '#pf-period-line'), s(l, 'pf_period_is', { from: fmtDate(FROM), to: fmtDate(TODAY), today: fmtDate(TODAY) }), `${l}: the period said`);
      await checkFigures(page, server, l, FROM, TODAY);
      for (const k of ['pf_explain_on_time', 'pf_explain_working']) assert((await text(page, '#pf-explain')).includes(s(l, k)), `${l}: the explanation ${k}`);
      assertEqual(await page.getAttribute('#pf-track a', 'href'), '/track', `${l}: the link to follow a dossier`);
      await page.screenshot({ path: screenshotPath(`performance-${l}`), fullPage: true });
    }
  });
});

test('performance: a period chosen is asked for and kept; nothing handled is unknown, never 0', async ({ newPage }) => {
  await withServer(async (server) => {
    const l = 'en';
    const page = await openPage(newPage, server, l, '/performance');
    await page.fill('#pp-from', '2025-05-01');
    await page.fill('#pp-to', '2025-06-30');
    const asked = page.waitForResponse((r) => r.url().includes('/api/v1/dossier_stats?by=procedure'));
    await page.click('#pf-period-submit');
    const url = new URL((await asked).url());
    assertEqual([url.searchParams.get('from'), url.searchParams.get('to')], ['2025-05-01', '2025-06-30'], 'the period asked for');
    await page.waitForSelector('#pf-figures:not([aria-busy]) section');
    assertEqual(new URL(page.url()).hash, '#from=2025-05-01&to=2025-06-30', 'the period kept in the address');
    await checkFigures(page, server, l, '2025-05-01', '2025-06-30');

    // a period before the data: every department is listed with nothing handled
    const empty = await getJSON(server, '/api/v1/dossier_stats?by=department&from=2010-01-01&to=2010-12-31');
    assert(empty.items.length > 0 && empty.items.every((g) => g.handled === 0 && g.on_time_share === null && g.median_working_days === null), 'the API knows no figure for 2010');
    for (const lg of LANGS) {
      const p = await openPage(newPage, server, lg, '/performance#from=2010-01-01&to=2010-12-31');
      await checkFigures(p, server, lg, '2010-01-01', '2010-12-31');
      const rows = await shownRows(p, 'department');
      for (const r of rows) {
        assertEqual(r.cells.slice(2, 5), [s(lg, 'unknown'), s(lg, 'unknown'), s(lg, 'unknown')], `${lg} ${r.group}: unknown, not 0`);
        assertEqual(r.cells[1], '0', `${lg} ${r.group}: none handled`);
      }
      assertEqual(await p.locator('#pf-chart-department-share rect.bar').count(), 0, `${lg}: no bar for an unknown share`);
      assertEqual(await p.locator('#pf-chart-department-days .bar-unknown').count(), 2 * empty.items.length, `${lg}: each unknown median and p90 written`);
      assert(await p.locator('#pf-chart-department-days .bar-unknown').first().textContent().then((x) => x.includes(s(lg, 'unknown'))), `${lg}: as unknown`);
    }
    // a period that ends before it starts is refused on the page
    await page.fill('#pp-from', '2025-06-30');
    await page.fill('#pp-to', '2025-05-01');
    await page.click('#pf-period-submit');
    assertEqual(await text(page, '#pp-to-err'), s(l, 'pf_to_before_from'), 'said next to the field');
  });
});

test('performance: the open data links ask for the same query and answer JSON, CSV and XLSX', async ({ newPage }) => {
  await withServer(async (server) => {
    for (const l of ['vi', 'ko']) {
      const page = await openPage(newPage, server, l, '/performance');
      for (const by of ['department', 'procedure']) {
        const links = await page.$$eval(`#pf-${by}-links a`, (as) => as.map((a) => [a.dataset.format, a.getAttribute('href')]));
        assertEqual(links.map((x) => x[0]), ['json', 'csv', 'xlsx'], `${l} ${by}: three formats`);
        const api = await getJSON(server, `/api/v1/dossier_stats?by=${by}&from=${FROM}&to=${TODAY}&lang=${l}`);
        for (const [format, href] of links) {
          const u = new URL(href, server.url);
          assertEqual([u.searchParams.get('by'), u.searchParams.get('from'), u.searchParams.get('to'), u.searchParams.get('lang')], [by, FROM, TODAY, l], `${l} ${by} ${format}: the page's query`);
          const r = await fetch(u);
          assertEqual(r.status, 200, `${l} ${by} ${format}: status`);
          const type = r.headers.get('content-type') || '';
          if (format === 'json') {
            assert(type.startsWith('application/json'), `${format}: ${type}`);
            assertEqual((await r.json()).items, api.items, `${l} ${by}: the JSON is the API's`);
          } else if (format === 'csv') {
            assert(type.startsWith('text/csv'), `${format}: ${type}`);
            const rows = parseCSV(await r.text());
            assertEqual(rows[0].slice(0, 5), ['group', 'name_vi', 'name_en', 'name_ko', 'handled'], `${l} ${by}: the CSV header`);
            assertEqual(
              rows.slice(1).map((x) => [x[0], Number(x[4])]),
              api.items.map((g) => [g.group, g.handled]),
              `${l} ${by}: the CSV's rows`
            );
          } else {
            assertEqual(type, XLSX, `${format}: content type`);
            const bytes = new Uint8Array(await r.arrayBuffer());
            assertEqual([bytes[0], bytes[1]], [0x50, 0x4b], `${l} ${by}: the XLSX is a zip`);
          }
        }
      }
    }
  });
});

test('performance: the deadline calculator shows the API\'s due day across Tết 2026 and says when a year is provisional', async ({ newPage }) => {
  await withServer(async (server) => {
    for (const l of LANGS) {
      const page = await openPage(newPage, server, l, '/performance');
      assertEqual(await page.inputValue('#dl-from'), TODAY, `${l}: the calculator starts on the server's today`);
      await page.fill('#dl-from', '2026-02-10');
      await page.fill('#dl-days', '10');
      await page.selectOption('#dl-kind', 'working');
      await page.click('#pf-dl-submit');
      await page.waitForSelector('#pf-dl-due');
      const api = await getJSON(server, `/api/v1/calendar/deadline?from=2026-02-10&days=10&kind=working&lang=${l}`);
      assert(api.skipped.some((d) => d.kind === 'holiday'), 'the API skips Tết');
      setLang(l);
      assertEqual(await text(page, '#pf-dl-due'), fmtDate(api.due), `${l}: the API's due day`);
      const skipped = await page.$$eval('#pf-dl-skipped li', (lis) => lis.map((li) => [li.dataset.date, li.dataset.kind, li.textContent]));
      assertEqual(
        skipped.map((x) => [x[0], x[1]]),
        api.skipped.map((d) => [d.date, d.kind]),
        `${l}: every day skipped, as the API lists them`
      );
      for (const [i, d] of api.skipped.entries()) {
        assert(skipped[i][2].includes(fmtDate(d.date)), `${l} ${d.date}: its date`);
        assert(skipped[i][2].includes(d.kind === 'weekend' ? s(l, 'pf_dl_weekend') : d.name), `${l} ${d.date}: ${d.kind === 'weekend' ? 'a weekend' : d.name}`);
      }
      assertEqual(await page.locator('#pf-dl-warning').count(), 0, `${l}: 2026 is official: no warning`);
      assertEqual(await text(page, '#pf-dl-summary'), s(l, 'pf_dl_summary', { n: fmtNum(api.working_days, 0), k: fmtNum(api.skipped.length, 0), off: fmtNum(api.skipped.filter((d) => d.kind !== 'weekend').length, 0) }), `${l}: the summary`);

      // across Tết 2027, whose calendar is provisional
      await page.fill('#dl-from', '2027-02-01');
      await page.click('#pf-dl-submit');
      await page.waitForSelector('#pf-dl-warning');
      const api27 = await getJSON(server, `/api/v1/calendar/deadline?from=2027-02-01&days=10&kind=working&lang=${l}`);
      assertEqual(api27.provisional, true, 'the API says 2027 is provisional');
      assertEqual(await text(page, '#pf-dl-due'), fmtDate(api27.due), `${l}: 2027's due day`);
      assertEqual(await page.getAttribute('#pf-dl-warning', 'data-why'), 'provisional', `${l}: the warning says why`);
      assert((await text(page, '#pf-dl-warning')).includes(s(l, 'pf_dl_provisional')) && (await text(page, '#pf-dl-warning')).includes(api27.warning), `${l}: the warning in words`);
      if (l === 'en') await page.screenshot({ path: screenshotPath('performance-deadline-en'), fullPage: true });
    }
    // a bad number is the API's problem, said next to its field
    const page = await openPage(newPage, server, 'en', '/performance', { allowHTTP: [[400, '/api/v1/calendar/deadline']] });
    await page.fill('#dl-days', '99999');
    const page400 = page.waitForResponse((r) => r.url().includes('/api/v1/calendar/deadline'));
    await page.click('#pf-dl-submit');
    const r = await page400;
    assertEqual(r.status(), 400, 'the API refuses 99999 days');
    const body = await r.json();
    await page.waitForFunction(() => document.querySelector('#dl-days-err').textContent !== '');
    assertEqual(await text(page, '#dl-days-err'), body.detail, 'the API\'s words next to the field');
  });
});
