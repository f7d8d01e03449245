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

// The same as plain text (for tooltips, labels and sorting).
export function nameText(row) {
  if (!row) return t('unknown');
  return row[`name_${lang()}`] || row.name || row.name_vi || row.name_en || row.code;
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
  return `<a href="/zones/${encodeURIComponent(z.code)}">${nameHTML(z)}</a>`;
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
// scrolled with the keyboard.
export function tableWrap(label, inner) {
  return `<div class="table-wrap" role="region" aria-label="${esc(label)}" tabindex="0">${inner}</div>`;
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
