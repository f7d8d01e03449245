// A zone's history, for everyone: each change recorded since the data set
// was loaded, newest first (GET /api/v1/zones/{code}/history), with its
// time in the reader's own time zone, who made it, each field changed
// from its old value to its new one (labelled as on the zone's page), and
// the source and as-of date given with it; older changes a page at a time.
import { t, lang, LOCALES, fmtDate } from './i18n.js';
import { esc, errorHTML, ApiError } from './core.js';
import { fieldLabel, valueHTML } from './zone-edit.js';

const PAGE = 20;

// One page of the zone's history, asked afresh (never from a cache: the
// page shows it again after an edit). cursor: from the page before.
export async function fetchHistory(code, cursor) {
  const url = `/api/v1/zones/${encodeURIComponent(code)}/history?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}&lang=${lang()}`;
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => null);
  if (!r.ok) throw new ApiError((body && body.detail) || `HTTP ${r.status}`, r.status, body && body.param);
  return body;
}

export function historySectionHTML() {
  return `<section aria-labelledby="history-h" id="history" class="zone-history"><h2 id="history-h">${esc(t('zh_title'))}</h2>
<div id="history-body"><p class="loading">${esc(t('loading'))}</p></div></section>`;
}

function timeText(iso) {
  try {
    return new Intl.DateTimeFormat(LOCALES[lang()], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  } catch (e) {
    return iso;
  }
}

// The source given with a change: a link to the zone's list of sources
// when it is a registered source the zone cites, else the text as given.
function sourceHTML(source, sources) {
  const s = sources && sources.get(source);
  if (!s) return esc(t('zh_source', { source }));
  const label = [s.publisher, s[`title_${lang()}`] || s.title].filter(Boolean).join(': ') || source;
  return `${esc(t('zh_source', { source: '' }))}<a href="#src-${esc(source)}">${esc(label)}</a>`;
}

// One field of a change: "Total area: 425 ha → 430 ha" (a new row's, its
// value alone).
function fieldChangeHTML(ch, created) {
  const label = `<span class="change-field">${esc(fieldLabel(ch.field))}</span>: `;
  if (created) return `<li data-field="${esc(ch.field)}">${label}<span class="after">${valueHTML(ch.field, ch.after)}</span></li>`;
  return `<li data-field="${esc(ch.field)}">${label}<span class="before">${valueHTML(ch.field, ch.before)}</span> <span aria-hidden="true">→</span><span class="visually-hidden"> ${esc(t('zh_changed_to'))}</span> <span class="after">${valueHTML(ch.field, ch.after)}</span></li>`;
}

function changeHTML(c, sources) {
  const created = c.action === 'insert';
  const meta = [
    c.source ? sourceHTML(c.source, sources) : '',
    c.as_of ? esc(t('z_as_of', { date: fmtDate(c.as_of) })) : '',
  ].filter(Boolean);
  return `<li class="change" data-id="${esc(c.id)}" tabindex="-1">
<p class="change-head"><strong>${esc(t(created ? 'zh_insert' : 'zh_update'))}</strong> · <time datetime="${esc(c.at)}">${esc(timeText(c.at))}</time> · <span class="actor">${esc(t('zh_by', { actor: c.actor || t('unknown') }))}</span></p>
<ul class="change-fields">${(c.changes || []).map((ch) => fieldChangeHTML(ch, created)).join('')}</ul>
${meta.length ? `<p class="change-src">${meta.join(' · ')}</p>` : ''}</li>`;
}

// The button for the next page, or the word that there is none (after a
// page that came short).
function drawTail(body, code, cursor, sources) {
  const tail = body.querySelector('#history-tail');
  if (!cursor) {
    tail.innerHTML = '';
    return;
  }
  tail.innerHTML = `<div class="buttons"><button type="button" class="secondary" id="history-more">${esc(t('zh_more'))}</button></div>`;
  const button = tail.querySelector('#history-more');
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    let page;
    try {
      page = await fetchHistory(code, cursor);
    } catch (e) {
      button.removeAttribute('aria-disabled');
      tail.insertAdjacentHTML('beforeend', errorHTML(e));
      return;
    }
    if (!body.isConnected) return;
    const list = body.querySelector('#history-list');
    list.insertAdjacentHTML('beforeend', page.changes.map((c) => changeHTML(c, sources)).join(''));
    const first = page.changes.length ? list.querySelector(`li.change[data-id="${page.changes[0].id}"]`) : null;
    if (first && page.next_cursor) {
      drawTail(body, code, page.next_cursor, sources);
      first.focus();
    } else {
      tail.innerHTML = `<p class="muted" id="history-end" tabindex="-1">${esc(t('zh_no_more'))}</p>`;
      (first || tail.querySelector('#history-end')).focus();
    }
  });
}

// Fills the section of historySectionHTML with the zone's history: first,
// the promise of its first page when it was asked for already. sources:
// the zone's registered sources (Map code -> row).
export async function showHistory(section, code, first, sources) {
  const body = section.querySelector('#history-body');
  let page;
  try {
    page = await (first || fetchHistory(code));
  } catch (e) {
    if (section.isConnected) body.innerHTML = errorHTML(e);
    return;
  }
  if (!section.isConnected) return;
  if (!page.changes.length) {
    body.innerHTML = `<p class="empty" id="history-empty">${esc(t('zh_empty'))}</p>`;
    return;
  }
  body.innerHTML = `<ol class="history-list" id="history-list">${page.changes.map((c) => changeHTML(c, sources)).join('')}</ol><div id="history-tail"></div>`;
  drawTail(body, code, page.next_cursor, sources);
}
