// The page's language: its strings, one file per language that a translator
// edits (strings-vi.js, strings-en.js, strings-ko.js), and the number and
// date formats of each language.

import vi from './strings-vi.js';
import en from './strings-en.js';
import ko from './strings-ko.js';

export const LANGS = ['vi', 'en', 'ko'];
export const LOCALES = { vi: 'vi-VN', en: 'en-GB', ko: 'ko-KR' };
// Shown in the language menu, each in its own language.
export const LANG_NAMES = { vi: 'Tiếng Việt', en: 'English', ko: '한국어' };

export const STRINGS = { vi, en, ko };

let current = 'vi';

export function lang() {
  return current;
}

export function locale() {
  return LOCALES[current];
}

// The language of a first visit, from the browser's languages (prefs: what
// it sends as Accept-Language, best first): the first the app speaks,
// matched by its primary subtag (ko-KR gives ko). A browser that names
// languages but none of these gets English, the investors' common one; a
// browser that names none, Vietnamese.
export function browserLang(prefs) {
  const list = (prefs || []).filter((x) => typeof x === 'string' && x);
  for (const tag of list) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (LANGS.includes(primary)) return primary;
  }
  return list.length ? 'en' : 'vi';
}

export function setLang(l) {
  current = LANGS.includes(l) ? l : 'vi';
  return current;
}

// The string called key in the current language, with {name} replaced by
// vars.name. A key missing in a language falls back to Vietnamese.
export function t(key, vars) {
  let s = STRINGS[current][key];
  if (s === undefined) s = vi[key];
  if (s === undefined) return key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] === undefined ? m : String(vars[k])));
  return s;
}

const numberFormats = new Map();

function numberFormat(digits, min) {
  const key = `${current}|${digits}|${min}`;
  if (!numberFormats.has(key)) {
    numberFormats.set(
      key,
      new Intl.NumberFormat(LOCALES[current], { maximumFractionDigits: digits, minimumFractionDigits: min })
    );
  }
  return numberFormats.get(key);
}

// A number in the current language (9.251,6 in Vietnamese, 9,251.6 in
// English), or the word for unknown when v is null.
export function fmtNum(v, digits = 2, min = 0) {
  if (v === null || v === undefined || Number.isNaN(v)) return t('unknown');
  return numberFormat(digits, Math.min(min, digits)).format(v);
}

// v with its measure unit: "9.251,6 ha". Unknown stays unknown.
export function fmtMeasure(v, unit, digits = 2) {
  if (v === null || v === undefined || Number.isNaN(v)) return t('unknown');
  if (unit === 'usd_bn' && current === 'ko') return `${fmtNum(v * 10, digits)}${t('u_usd_bn')}`;
  const u = unit ? t(`u_${unit}`) : '';
  if (!u) return fmtNum(v, digits);
  // 61% in English and Korean; Vietnamese sets the sign apart: 61 %
  if (unit === 'pct') return current === 'vi' ? `${fmtNum(v, digits)} %` : `${fmtNum(v, digits)}%`;
  return `${fmtNum(v, digits)} ${u}`;
}

export function fmtHa(v) {
  return fmtMeasure(v, 'ha', 1);
}

export function fmtPct(v, digits = 1) {
  return fmtMeasure(v, 'pct', digits);
}

// An ISO date (YYYY-MM-DD) as the current language writes it, never broken
// across lines: its spaces ("2026. 01. 15." in Korean) do not break.
export function fmtDate(iso, opts = { day: '2-digit', month: '2-digit', year: 'numeric' }) {
  if (!iso) return t('unknown');
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return new Intl.DateTimeFormat(LOCALES[current], { ...opts, timeZone: 'UTC' }).format(d).replace(/ /g, '\u00a0');
}

// The measure units of the targets ("ha", "%", "count", "USD bn") as keys.
export function measureKey(u) {
  return { ha: 'ha', '%': 'pct', count: 'count', 'USD bn': 'usd_bn', USD: 'usd' }[u] || null;
}
