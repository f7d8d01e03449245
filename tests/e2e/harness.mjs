// A small test harness for the end-to-end tests: Debian's chromium driven
// by playwright-core, headless, against a running `khu serve`. Every page a
// test opens records its console errors, uncaught exceptions, failed
// requests and HTTP errors; a test fails when any occurred, besides its own
// assertions.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const BASE = process.env.KHU_URL || 'http://127.0.0.1:8080';
export const ARTIFACTS = process.env.KHU_E2E_ARTIFACTS || 'build/e2e-artifacts';
export const LANGS = ['vi', 'en', 'ko'];
export const LOCALES = { vi: 'vi-VN', en: 'en-GB', ko: 'ko-KR' };

const tests = [];

export function test(name, fn) {
  tests.push({ name, fn });
}

export class AssertionError extends Error {}

export function assert(cond, message) {
  if (!cond) throw new AssertionError(message);
}

export function assertEqual(actual, expected, message) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${message}: expected ${e.slice(0, 400)}, got ${a.slice(0, 400)}`);
}

// The JSON of an API path, fetched from the same server as the pages.
export async function api(path) {
  const r = await fetch(BASE + path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.json();
}

export async function apiText(path) {
  const r = await fetch(BASE + path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.text();
}

// RFC 4180 CSV into an array of records (arrays of strings).
export function parseCSV(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function screenshotPath(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, `${name}.png`);
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function run() {
  const filter = process.env.KHU_E2E_ONLY || '';
  let passed = 0;
  let failed = 0;
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.KHU_CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
  } catch (e) {
    console.log(`not ok - launch chromium: ${e.message.split('\n')[0]}`);
    console.log('test_e2e: 0 passed, 1 failed');
    return 1;
  }
  for (const tc of tests) {
    if (filter && !tc.name.includes(filter)) continue;
    const started = Date.now();
    const problems = [];
    const contexts = [];
    // Opens a page in a fresh browser context (own storage) that records
    // every console error of its pages.
    const newPage = async (opts = {}) => {
      const context = await browser.newContext({
        viewport: opts.viewport || { width: 1280, height: 900 },
        locale: opts.locale || 'vi-VN',
        acceptDownloads: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(30000);
      const where = () => page.url().replace(BASE, '');
      // opts.allowHTTP: [[status, part of the URL]] a test expects to fail
      const allowed = (status, url) => (opts.allowHTTP || []).some(([st, part]) => (!status || st === status) && url.includes(part));
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        if (/^Failed to load resource/.test(m.text()) && allowed(0, (m.location() && m.location().url) || '')) return;
        problems.push(`console error on ${where()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`uncaught exception on ${where()}: ${e.message}`));
      page.on('requestfailed', (r) => {
        const why = r.failure() ? r.failure().errorText : '';
        if (why !== 'net::ERR_ABORTED') problems.push(`request failed on ${where()}: ${r.url()} ${why}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400 && !allowed(r.status(), r.url())) problems.push(`HTTP ${r.status()} on ${where()}: ${r.url()}`);
      });
      return page;
    };
    let error = null;
    let timer;
    try {
      await Promise.race([
        tc.fn({ browser, newPage }),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timed out after 90 s')), 90000);
        }),
      ]);
    } catch (e) {
      error = e;
    }
    clearTimeout(timer);
    for (const c of contexts) await c.close().catch(() => {});
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (!error && problems.length === 0) {
      passed++;
      console.log(`ok - ${tc.name} (${secs} s)`);
    } else {
      failed++;
      console.log(`not ok - ${tc.name} (${secs} s)`);
      if (error) console.log(`    ${error instanceof AssertionError ? '' : 'error: '}${error.message.split('\n')[0]}`);
      // where in the test an error that is not an assertion came from
      if (error && !(error instanceof AssertionError))
        for (const at of (error.stack || '').split('\n').filter((x) => /\.test\.mjs:\d+/.test(x)).slice(0, 3)) console.log(`      ${at.trim()}`);
      for (const p of problems.slice(0, 10)) console.log(`    ${p}`);
    }
  }
  await browser.close();
  console.log(`test_e2e: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}
