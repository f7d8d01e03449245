// What the pages share: fetching the API (using the requests index.html
// started early), HTML escaping, names in the chosen language, small
// rendering helpers.
import { t, lang, fmtHa } from './i18n.js';

export class ApiError extends Error {
  constructor(message, status, param) {
    super(message);
    this.status = status;
    this.param = param;
  }
}

const cache = new Map();

// The JSON at url, fetched once per page load. Requests that index.html
// started before the scripts arrived are picked up rather than repeated.
export function getJSON(url) {
  if (!cache.has(url)) {
    const pre = window.khuPre && window.khuPre[url];
    if (pre) delete window.khuPre[url];
    const p = (pre || fetch(url)).then(async (r) => {
      const body = await r.json().catch(() => null);
      if (!r.ok) {
        cache.delete(url);
        throw new ApiError((body && body.detail) || `HTTP ${r.status}`, r.status, body && body.param);
      }
      return body;
    });
    cache.set(url, p);
  }
  return cache.get(url);
}

// Fetches every URL of the object urls ({key: url}); resolves to {key: json}.
export async function getAll(urls) {
  const keys = Object.keys(urls);
  const values = await Promise.all(keys.map((k) => getJSON(urls[k])));
  const out = {};
  keys.forEach((k, i) => (out[k] = values[i]));
  return out;
}

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(s) {
  return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g, (c) => ESC[c]);
}

// The localized name of a row that has name, name_lang and name_vi/en/ko,
// as HTML: the name, and a visible mark when it is in another language.
export function nameHTML(row) {
  if (!row) return esc(t('unknown'));
  const own = row[`name_${lang()}`];
  if (own) return esc(own);
  const other = row.name || row.name_vi || row.name_en || row.name_ko || row.code;
  const l = row.name_lang || (row.name_vi ? 'vi' : row.name_en ? 'en' : 'ko');
  const title = t('fallback_title', { lang: t(`lang_in_${l}`) });
  return `<span lang="${esc(l)}">${esc(other)}</span> <abbr class="fallback" title="${esc(title)}">${esc(l.toUpperCase())}</abbr>`;
}

// The Vietnamese name of a place (zone, district, commune) beside its name
// in an English or Korean page, so that an investor can match it to signs
// and documents: 득화현 (Huyện Đức Hòa). On a Vietnamese page, or when the
// two are the same, the name alone.
function originalOf(row) {
  if (!row || lang() === 'vi' || !row.name_vi) return '';
  const shown = nameText(row); // the page's language, or the fallback shown instead
  return shown && shown !== row.name_vi ? row.name_vi : '';
}

export function placeHTML(row) {
  const orig = originalOf(row);
  return orig ? `${nameHTML(row)} <span class="orig" lang="vi">(${esc(orig)})</span>` : nameHTML(row);
}

export function placeText(row) {
  const orig = originalOf(row);
  return orig ? `${nameText(row)} (${orig})` : nameText(row);
}

// A copy of list (rows, or items whose row(item) is one) in the order of
// their names in the page's language.
export function byName(list, row = (x) => x) {
  const coll = new Intl.Collator(lang());
  return [...list].sort((a, b) => coll.compare(nameText(row(a)), nameText(row(b))));
}

// The same as plain text (for tooltips, labels and sorting).
export function nameText(row) {
  if (!row) return t('unknown');
  return row[`name_${lang()}`] || row.name || row.name_vi || row.name_en || row.code;
}

// Free text of a row in the page's language: the column base_vi or
// base_ko, or base itself for English (the data keepers write in English).
// Where the page's language has none, says so and shows the text of another
// language, marked with its lang. tag wraps the text ('p' or 'span'); ''
// when the row has no such text in any language.
export function textHTML(row, base, tag = 'p', cls = '') {
  const col = (l) => (l === 'en' ? base : `${base}_${l}`);
  const attr = cls ? ` class="${esc(cls)}"` : '';
  const own = row && row[col(lang())];
  if (own) return `<${tag}${attr}>${esc(own)}</${tag}>`;
  const other = ['en', 'vi', 'ko'].find((l) => row && row[col(l)]);
  if (!other) return '';
  const missing = t('text_missing', { lang: t(`lang_in_${other}`) });
  return `<${tag}${attr}><span class="missing-tr">${esc(missing)}</span> <span lang="${other}">${esc(row[col(other)])}</span></${tag}>`;
}

export function unknownHTML() {
  return `<span class="unknown">${esc(t('unknown'))}</span>`;
}

// A value already formatted, or the unknown mark when v is null.
export function valHTML(v, format) {
  if (v === null || v === undefined || v === '') return unknownHTML();
  return esc(format ? format(v) : v);
}

export function enumText(prefix, v) {
  if (v === null || v === undefined || v === '') return prefix === 'status' ? t('status_none') : t('unknown');
  return t(`${prefix}_${v}`);
}

export function badge(prefix, v) {
  const cls = v === null || v === undefined ? 'none' : v;
  return `<span class="badge ${esc(prefix)}-${esc(cls)}">${esc(enumText(prefix, v))}</span>`;
}

export function zoneLink(z) {
  return `<a href="/zones/${encodeURIComponent(z.code)}">${placeHTML(z)}</a>`;
}

// Splits a source text ("url ; text ; url") into list items, links where
// the part is a web address.
export function sourcesHTML(source) {
  if (!source) return `<p>${unknownHTML()}</p>`;
  const parts = source.split(/\s;\s/).map((s) => s.trim()).filter(Boolean);
  return `<ol class="sources">${parts
    .map((p) => {
      const m = /^(.*?)(https?:\/\/\S+)(.*)$/.exec(p);
      if (!m) return `<li>${esc(p)}</li>`;
      return `<li>${esc(m[1])}<a href="${esc(m[2])}" rel="noopener noreferrer">${esc(m[2])}</a>${esc(m[3])}</li>`;
    })
    .join('')}</ol>`;
}

// A table wrapped so that it scrolls sideways on a narrow screen and can be
// scrolled with the keyboard, its first column staying in place (app.css);
// when it is wider than its frame, the line above says so and the edges
// with more columns beyond them are shaded (tables.js).
export function tableWrap(label, inner) {
  return `<p class="scroll-hint" hidden>${esc(t('table_scroll_hint'))}</p><div class="table-box"><div class="table-wrap" role="region" aria-label="${esc(label)}" tabindex="0">${inner}</div></div>`;
}

export function errorHTML(err) {
  return `<div class="error" role="alert">${esc(t('error_load', { msg: err.message || String(err) }))}</div>`;
}

// Sums of the area fields over zones (GeoJSON properties or rows):
// {total, available, totalUnknown, availableUnknown}.
export function areaSums(rows) {
  const s = { total: 0, available: 0, totalUnknown: 0, availableUnknown: 0, totalKnown: 0, availableKnown: 0 };
  for (const z of rows) {
    if (z.total_ha === null || z.total_ha === undefined) s.totalUnknown++;
    else {
      s.total += z.total_ha;
      s.totalKnown++;
    }
    if (z.available_ha === null || z.available_ha === undefined) s.availableUnknown++;
    else {
      s.available += z.available_ha;
      s.availableKnown++;
    }
  }
  return s;
}

export function haOrUnknown(sum, known) {
  return known ? fmtHa(sum) : t('unknown');
}

// t(key, vars) as HTML: the template and plain values are escaped; a value
// given as {html} goes in as it is (a link inside a translated sentence).
export function tHTML(key, vars) {
  return t(key)
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m || !vars || !(m[1] in vars)) return esc(part);
      const v = vars[m[1]];
      return v !== null && typeof v === 'object' ? v.html : esc(String(v));
    })
    .join('');
}

// A link to the finder showing the zones of an API filter, as a value for
// tHTML (or, with .html, as HTML).
export function finderLink(filter, text) {
  return { html: `<a class="drill" href="/finder?${esc(filter)}">${esc(text)}</a>` };
}
