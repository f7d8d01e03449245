// What the end-to-end tests share: the app's own strings and formats, and
// waiting for a page to be drawn.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BASE, LOCALES, api, assertEqual } from './harness.mjs';
import { STRINGS } from '../../web/i18n.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Puts axe-core (npm, pinned) into page. khu's Content-Security-Policy
// refuses inline scripts, so axe is not added as a <script> tag (which the
// policy would block, as it would block an attacker's): it is evaluated
// through the browser's DevTools protocol, which the policy does not govern.
export async function injectAxe(page) {
  await page.evaluate(`${axeSource}\n;void 0`);
}

export { STRINGS };

// The string key in language l, as the app shows it.
export function s(l, key, vars) {
  let v = STRINGS[l][key];
  if (vars) v = v.replace(/\{(\w+)\}/g, (m, k) => String(vars[k]));
  return v;
}

// Hectares as the app writes them in language l: "9.251,6 ha" in Vietnamese.
export function ha(l, v) {
  return `${new Intl.NumberFormat(LOCALES[l], { maximumFractionDigits: 1 }).format(v)} ha`;
}

// Opens path and waits until the app has drawn it.
export async function open(page, path) {
  await page.goto(BASE + path);
  await ready(page);
}

export async function ready(page) {
  await page.waitForSelector('main:not([aria-busy]) h1');
}

// Sets the language the app starts in for every page of the context.
export async function startIn(page, l) {
  await page.context().addInitScript((x) => {
    try {
      if (!sessionStorage.getItem('khu.test.lang-set')) {
        localStorage.setItem('khu.lang', x);
        sessionStorage.setItem('khu.test.lang-set', '1');
      }
    } catch (e) {
      /* storage unavailable */
    }
  }, l);
}

// The codes of the zones the API returns for a query string.
export async function apiZones(query) {
  const fc = await api(`/api/v1/zones.geojson${query ? `?${query}` : ''}`);
  return fc.features;
}

export function codes(features) {
  return features.map((f) => f.properties.code).sort();
}

export async function tableCodes(page) {
  const list = await page.$$eval('#zone-table tbody tr', (rows) => rows.map((r) => r.dataset.code));
  return list.sort();
}

// The zones a map stands for: each zone drawn as its own marker, and each
// zone of a cluster (a numbered circle for several zones at one place).
export async function markerCodes(page, root = '') {
  const list = await page.$$eval(`${root} .leaflet-marker-icon.zone-marker, ${root} .leaflet-marker-icon.zone-cluster`, (els) =>
    els.flatMap((e) => (e.classList.contains('zone-cluster') ? e.dataset.codes.split(' ') : [e.dataset.code]))
  );
  return list.sort();
}

// Any marker of a map drawn: a zone's or a cluster's.
export const ANY_MARKER = '.leaflet-marker-icon.zone-marker, .leaflet-marker-icon.zone-cluster';

// A zone the API knows with a total area but no industrial land recorded.
export async function zoneWithUnknowns() {
  const fc = await apiZones('');
  const f = fc.find((x) => x.properties.total_ha !== null && x.properties.industrial_ha === null && x.properties.group_code);
  return (f || fc.find((x) => x.properties.industrial_ha === null)).properties;
}

// ===== signed-in users (tests/scripts/test_e2e.sh makes the accounts) =====

const E2E_PASSWORD = process.env.KHU_E2E_PASSWORD || '';

// Signs user in through the API (password: the test accounts' own);
// resolves to the Cookie header of the session.
export async function session(user, password = E2E_PASSWORD) {
  const r = await fetch(`${BASE}/api/v1/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ user, password }),
  });
  assertEqual(r.status, 200, `${user} signs in`);
  return r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

// A page whose context is signed in as user (null: nobody), in language l.
export async function pageAs(newPage, user, l, opts = {}) {
  const page = await newPage(opts);
  if (user) {
    const r = await page.context().request.post(`${BASE}/api/v1/login`, { data: { user, password: E2E_PASSWORD } });
    assertEqual(r.status(), 200, `${user} signs in in the browser`);
  }
  await startIn(page, l);
  return page;
}

// The trimmed text of the element sel, and the id of the focused element.
export const text = (page, sel) => page.$eval(sel, (e) => e.textContent.trim());
export const focused = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);
