// Sources as a reader can judge them: each registered source a row cites,
// with its publisher, title in the page's language (the original named when
// it is another), date at its true precision, kind and whether it was
// checked, linking to the source itself; and dates shown no more precisely
// than they are known.
import { t, lang, fmtDate, LOCALES } from './i18n.js';
import { esc, getJSON, sourcesHTML, textHTML } from './core.js';

const BATCH = 16; // codes per request: the API's limit for ?code=

// A date at its precision ("day", "month", "year" or null for day) as the
// page's language writes it, never broken across lines.
export function fmtDatePrec(iso, precision) {
  if (!iso) return `<span class="unknown">${esc(t('unknown'))}</span>`;
  let text;
  if (precision === 'month') text = fmtDate(iso, { year: 'numeric', month: '2-digit' });
  else if (precision === 'year') text = fmtDate(iso, { year: 'numeric' });
  else text = fmtDate(iso);
  const note = precision === 'month' || precision === 'year' ? ` <span class="muted">(${esc(t(`prec_${precision}`))})</span>` : '';
  const dt = precision === 'month' ? iso.slice(0, 7) : precision === 'year' ? iso.slice(0, 4) : iso;
  return `<time class="date" datetime="${esc(dt)}">${esc(text)}</time>${note}`;
}

// The sources called codes, as a Map code -> row (fetched 16 at a time).
export async function loadSources(codes) {
  const unique = [...new Set(codes.filter(Boolean))];
  const out = new Map();
  const batches = [];
  for (let i = 0; i < unique.length; i += BATCH) batches.push(unique.slice(i, i + BATCH));
  const pages = await Promise.all(batches.map((b) => getJSON(`/api/v1/sources?code=${b.map(encodeURIComponent).join(',')}&limit=${BATCH}`)));
  for (const p of pages) for (const s of p.items) out.set(s.code, s);
  return out;
}

function langName(l) {
  try {
    return new Intl.DisplayNames([LOCALES[lang()]], { type: 'language' }).of(l);
  } catch (e) {
    return l;
  }
}

// The title in the page's language, else the original with its language
// named.
function titleHTML(s) {
  const own = s[`title_${lang()}`];
  if (own) return `<cite>${esc(own)}</cite>`;
  if (s.title) return `<cite lang="${esc(s.lang || '')}">${esc(s.title)}</cite> <span class="muted">(${esc(t('src_title_original', { lang: langName(s.lang) }))})</span>`;
  return `<span class="muted">${esc(t('src_no_title'))}</span>`;
}

// One source as a list item with the anchor id src-<code> (prefix allows
// two lists on a page).
export function sourceItemHTML(s, prefix = 'src') {
  const title = s.url ? `<a href="${esc(s.url)}" rel="noopener noreferrer">${titleHTML(s)}</a>` : titleHTML(s);
  const date = s.published_on ? fmtDatePrec(s.published_on, s.published_precision) : `<span class="muted">${esc(t('src_no_date'))}</span>`;
  const kind = s.kind ? `<span class="badge kind-${esc(s.kind)}">${esc(t(`src_kind_${s.kind}`))}</span>` : '';
  const checked = s.reviewed === 1
    ? `<span class="badge checked">${esc(t('src_checked'))}</span>`
    : `<span class="badge unchecked">${esc(t('src_unchecked'))}</span>`;
  const review = textHTML(s, 'review', 'p', 'review');
  const url = s.url ? `<br><a class="url" href="${esc(s.url)}" rel="noopener noreferrer">${esc(s.url)}</a>` : '';
  return `<li id="${esc(prefix)}-${esc(s.code)}" tabindex="-1"><span class="publisher">${esc(s.publisher || '')}</span>${s.publisher ? ': ' : ''}${title}, ${date} ${kind} ${checked}${url}${review}</li>`;
}

// The sources of one row: the registered ones it cites in order, the
// addresses no source covers, and the text as cited.
export function sourceListHTML(refs, sources, text, unregistered = [], prefix = 'src') {
  const items = (refs || []).map((c) => sources.get(c)).filter(Boolean);
  const list = items.length ? `<ol class="source-list">${items.map((s) => sourceItemHTML(s, prefix)).join('')}</ol>` : '';
  const unreg = unregistered && unregistered.length ? `<p class="muted">${esc(t('src_unregistered', { list: unregistered.join(', ') }))}</p>` : '';
  const cited = text ? `<details class="as-cited"><summary>${esc(t('src_as_cited'))}</summary>${sourcesHTML(text)}</details>` : '';
  return list || unreg || cited ? `${list}${unreg}${cited}` : sourcesHTML(text);
}
