// The audit trail for officers and admins (/audit): every record of a
// write, newest first (GET /api/v1/audit), filtered by table, key, actor
// and dates (UTC days, both included), 50 at a time with the older ones on
// demand; each record's before and after as the fields that changed, from
// the old value to the new; the same records as XLSX; and "Verify the
// chain" (GET /api/v1/audit/verify), which says the chain holds with the
// number of records checked and its last hash, or names the first record
// that does not match, and why, and shows it. The filter is kept in the
// address's fragment (#table=zones&key=…).
import { t, lang, fmtNum } from './i18n.js';
import { esc, tableWrap, errorHTML } from './core.js';
import { loadIdentity } from './account.js';
import { STAFF, allowed, refusalHTML, followAccount, apiCall, failureText, problemsOf, fieldHTML, clearProblems, showProblems, focusLinks, whileBusy, readHash, writeHash, queryOf, timeHTML, timeText } from './staff.js';

const PAGE = 50;
const FILTERS = ['table', 'key', 'actor', 'from', 'to'];
const TABLES = ['zones', 'units', 'sectors', 'enterprises', 'projects', 'targets', 'observations', 'sources', 'partners', 'events', 'leads', 'users', 'api_tokens', 'sessions'];
const ACTIONS = ['insert', 'update', 'import', 'replace', 'user.add', 'user.password', 'user.role', 'user.disable', 'user.enable', 'user.rehash', 'token.add', 'token.revoke', 'session.start', 'session.end'];

// ===== a record, readable =====

function isObject(x) {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

// The fields of a record: each that differs between before and after
// ({field, before, after}); for a record with only an after (a new row,
// a sign-in) or only a before, each of its fields ({field, after} or
// {field, before}).
export function recordChanges(rec) {
  const b = rec.before;
  const a = rec.after;
  if (isObject(b) && isObject(a)) {
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => ({ field: k, before: b[k] === undefined ? null : b[k], after: a[k] === undefined ? null : a[k] }));
  }
  if (isObject(a)) return Object.keys(a).map((k) => ({ field: k, after: a[k] }));
  if (isObject(b)) return Object.keys(b).map((k) => ({ field: k, before: b[k] }));
  const out = [];
  if (a !== null && a !== undefined) out.push({ field: '', after: a });
  else if (b !== null && b !== undefined) out.push({ field: '', before: b });
  return out;
}

// A value of a record as text: empty for null, a time beside a count of
// milliseconds (created_ms), JSON for anything else that is not text.
export function valueText(field, v) {
  if (v === null || v === undefined) return t('au_empty');
  if (typeof v === 'number' && /_ms$/.test(field) && v > 1e11) return `${timeText(new Date(v).toISOString())} (${v})`;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function valueHTML(field, v) {
  if (v === null || v === undefined) return `<span class="muted">${esc(t('au_empty'))}</span>`;
  return esc(valueText(field, v));
}

function changeHTML(c) {
  const label = c.field ? `<span class="change-field">${esc(c.field)}</span>: ` : '';
  if (!('before' in c)) return `<li data-field="${esc(c.field)}">${label}<span class="after">${valueHTML(c.field, c.after)}</span></li>`;
  if (!('after' in c)) return `<li data-field="${esc(c.field)}">${label}<span class="before removed">${valueHTML(c.field, c.before)}</span> <span class="muted">(${esc(t('au_removed'))})</span></li>`;
  return `<li data-field="${esc(c.field)}">${label}<span class="before">${valueHTML(c.field, c.before)}</span> <span aria-hidden="true">→</span><span class="visually-hidden"> ${esc(t('zh_changed_to'))}</span> <span class="after">${valueHTML(c.field, c.after)}</span></li>`;
}

export function actionText(action) {
  return ACTIONS.includes(action) ? t(`au_action_${action.replace('.', '_')}`) : action;
}

function recordHTML(r) {
  const changes = recordChanges(r);
  const list = changes.length ? `<ul class="change-fields">${changes.map(changeHTML).join('')}</ul>` : `<p class="muted">${esc(t('au_no_change'))}</p>`;
  const meta = [r.source ? esc(t('zh_source', { source: r.source })) : '', r.as_of ? esc(t('au_as_of', { date: r.as_of })) : ''].filter(Boolean);
  return `<tr data-id="${esc(r.id)}">
<th scope="row" class="num">${esc(r.id)}</th>
<td>${timeHTML(r.at)}</td>
<td class="actor">${esc(r.actor || '')}${r.address ? `<br><span class="muted">${esc(r.address)}</span>` : ''}</td>
<td class="action">${esc(actionText(r.action))}<br><code>${esc(r.action)}</code></td>
<td class="record"><code>${esc(r.table || '')}</code>${r.key ? `<br><span class="code">${esc(r.key)}</span>` : ''}</td>
<td class="changes">${list}${meta.length ? `<p class="change-src">${meta.join(' · ')}</p>` : ''}</td>
</tr>`;
}

function tableHTML(records, id, caption) {
  const head = ['au_c_id', 'au_c_at', 'au_c_actor', 'au_c_action', 'au_c_record', 'au_c_changes'].map((k) => `<th scope="col">${esc(t(k))}</th>`).join('');
  return tableWrap(caption, `<table class="data audit" id="${id}"><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${records.map(recordHTML).join('')}</tbody></table>`);
}

// ===== the chain =====

// Why a record does not match, in the page's language (the API says it
// in English; a reason this page does not know is shown as given).
function reasonText(reason) {
  const gap = /ids jump from (\d+) to (\d+)/.exec(reason || '');
  if (gap) return { text: t('au_reason_gap', { from: gap[1], to: gap[2] }) };
  if (/not 64 hexadecimal/.test(reason || '')) return { text: t('au_reason_hash_form') };
  if (/does not match/.test(reason || '')) return { text: t('au_reason_mismatch') };
  return { text: reason || '', lang: 'en' };
}

// The verdict of GET /api/v1/audit/verify as HTML.
export function verdictHTML(v) {
  if (v.intact && !v.records) return `<p class="verify-ok" id="verify-text">${esc(t('au_verify_empty'))}</p>`;
  if (v.intact)
    return `<p class="verify-ok" id="verify-text">${esc(t('au_verify_ok', { n: fmtNum(v.records, 0), id: v.head_id }))}</p>
<p class="hash">${esc(t('au_verify_head'))} <code id="verify-hash">${esc(v.head_hash)}</code></p>`;
  const why = reasonText(v.reason);
  return `<p class="verify-bad" id="verify-text">${esc(t('au_verify_bad', { id: v.bad_id }))}</p>
<p id="verify-reason"${why.lang ? ` lang="${why.lang}"` : ''}>${esc(why.text)}</p>
<p>${esc(v.head_id ? t('au_verify_before', { id: v.head_id }) : t('au_verify_none_before'))}</p>`;
}

async function verify(page, button) {
  const out = page.main.querySelector('#audit-verify-result');
  if (button.getAttribute('aria-disabled') === 'true') return;
  button.setAttribute('aria-disabled', 'true');
  out.innerHTML = `<p class="loading">${esc(t('au_verifying'))}</p>`;
  const answer = await apiCall('/api/v1/audit/verify');
  button.removeAttribute('aria-disabled');
  if (!page.ctx.alive() || !out.isConnected) return;
  if (!answer.ok) {
    out.innerHTML = errorHTML(new Error(failureText(answer)));
    return;
  }
  const v = answer.body;
  out.innerHTML = verdictHTML(v);
  out.className = `verify-result ${v.intact ? 'ok' : 'bad'}`;
  if (v.intact) return;
  // the first record that does not match, as it is stored now
  const bad = await apiCall(`/api/v1/audit?limit=1&cursor=${v.bad_id + 1}`);
  if (!page.ctx.alive() || !out.isConnected || !bad.ok) return;
  const rec = (bad.body.records || []).filter((r) => r.id === v.bad_id);
  if (rec.length) out.insertAdjacentHTML('beforeend', tableHTML(rec, 'verify-bad-record', t('au_verify_record', { id: v.bad_id })));
}

// ===== the page =====

function filtersHTML() {
  const input = (type, extra = '') => `<input type="${type}" {attrs}${extra}>`;
  const list = `<datalist id="audit-tables">${TABLES.map((x) => `<option value="${x}"></option>`).join('')}</datalist>`;
  return `<form id="audit-filters" class="edit-form audit-filters" role="search" novalidate aria-labelledby="audit-filters-h">
<h2 id="audit-filters-h">${esc(t('au_filters'))}</h2>
<div class="edit-alert" id="audit-alert" role="alert" tabindex="-1"></div>
<div class="edit-grid">
${fieldHTML('au', 'table', t('au_l_table'), `${input('text', ' list="audit-tables" autocapitalize="none" spellcheck="false" autocomplete="off"')}${list}`)}
${fieldHTML('au', 'key', t('au_l_key'), input('text', ' autocapitalize="none" spellcheck="false" autocomplete="off"'), { hint: t('au_key_hint') })}
${fieldHTML('au', 'actor', t('au_l_actor'), input('text', ' autocapitalize="none" spellcheck="false" autocomplete="off"'), { hint: t('au_actor_hint') })}
${fieldHTML('au', 'from', t('au_l_from'), input('date'), { hint: t('au_date_hint') })}
${fieldHTML('au', 'to', t('au_l_to'), input('date'), { hint: t('au_date_hint') })}
</div>
<div class="buttons"><button type="submit" id="audit-apply">${esc(t('adm_apply'))}</button>
<button type="button" class="secondary" id="audit-clear">${esc(t('au_clear'))}</button></div>
</form>`;
}

function downloadHTML(state) {
  const q = queryOf(state);
  return `<a id="audit-xlsx" class="button secondary" href="/api/v1/audit.xlsx?${esc(q ? `${q}&` : '')}lang=${lang()}" download="audit.xlsx">${esc(t('au_xlsx'))}</a>`;
}

export async function render(main, ctx) {
  const who = await loadIdentity();
  if (!ctx.alive()) return;
  ctx.setTitle(t('au_title'));
  followAccount('audit', ctx, () => render(main, ctx));
  if (!allowed(who, STAFF)) {
    main.innerHTML = refusalHTML(who, t('au_title'), STAFF);
    return;
  }
  const h = readHash();
  const state = {};
  for (const k of FILTERS) state[k] = h.get(k) || '';
  const page = { main, ctx, state, cursor: null };
  main.innerHTML = `<h1 tabindex="-1">${esc(t('au_title'))}</h1>
<p class="lead">${esc(t('au_intro'))}</p>
${filtersHTML()}
<section class="audit-verify" aria-labelledby="audit-verify-h">
<h2 id="audit-verify-h">${esc(t('au_verify_title'))}</h2>
<p>${esc(t('au_verify_intro'))}</p>
<div class="buttons"><button type="button" id="audit-verify">${esc(t('au_verify'))}</button></div>
<div id="audit-verify-result" class="verify-result" role="status"></div>
</section>
<section aria-labelledby="audit-records-h">
<h2 id="audit-records-h">${esc(t('au_records'))}</h2>
<p class="downloads" id="audit-downloads">${downloadHTML(state)}</p>
<div id="audit-list"><p class="loading">${esc(t('loading'))}</p></div>
</section>`;
  const form = main.querySelector('#audit-filters');
  for (const k of FILTERS) form.elements[k].value = state[k];
  focusLinks(form);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    for (const k of FILTERS) state[k] = form.elements[k].value.trim();
    writeHash(ctx, state);
    main.querySelector('#audit-downloads').innerHTML = downloadHTML(state);
    whileBusy(form, () => loadFirst(page, form));
  });
  main.querySelector('#audit-clear').addEventListener('click', () => {
    for (const k of FILTERS) form.elements[k].value = '';
    form.requestSubmit();
  });
  const vb = main.querySelector('#audit-verify');
  vb.addEventListener('click', () => verify(page, vb));
  await loadFirst(page, form);
}

async function loadFirst(page, form) {
  const box = page.main.querySelector('#audit-list');
  clearProblems(form);
  box.setAttribute('aria-busy', 'true');
  const answer = await apiCall(`/api/v1/audit?${queryOf({ ...page.state, limit: PAGE })}`);
  if (!page.ctx.alive() || !box.isConnected) return;
  box.removeAttribute('aria-busy');
  if (!answer.ok) {
    box.innerHTML = '';
    if (answer.status === 400) showProblems(form, 'au', problemsOf(answer));
    else box.innerHTML = errorHTML(new Error(failureText(answer)));
    return;
  }
  const records = answer.body.records || [];
  const filtered = FILTERS.some((k) => page.state[k]);
  if (!records.length) {
    box.innerHTML = `<p id="audit-count" class="count" role="status">${esc(t(filtered ? 'au_none_filtered' : 'au_none'))}</p>`;
    return;
  }
  box.innerHTML = `<p id="audit-count" class="count" role="status">${esc(t('au_count', { n: fmtNum(records.length, 0) }))}</p>
${tableHTML(records, 'audit-table', t('au_caption'))}
<div id="audit-tail"></div>`;
  page.shown = records.length;
  drawTail(page, answer.body.next_cursor);
}

function drawTail(page, cursor) {
  const tail = page.main.querySelector('#audit-tail');
  if (!cursor) {
    tail.innerHTML = '';
    return;
  }
  tail.innerHTML = `<div class="buttons"><button type="button" class="secondary" id="audit-more">${esc(t('au_more'))}</button></div>`;
  const button = tail.querySelector('#audit-more');
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    const answer = await apiCall(`/api/v1/audit?${queryOf({ ...page.state, limit: PAGE, cursor })}`);
    if (!page.ctx.alive() || !tail.isConnected) return;
    button.removeAttribute('aria-disabled');
    if (!answer.ok) {
      tail.insertAdjacentHTML('beforeend', errorHTML(new Error(failureText(answer))));
      return;
    }
    const records = answer.body.records || [];
    const body = page.main.querySelector('#audit-table tbody');
    body.insertAdjacentHTML('beforeend', records.map(recordHTML).join(''));
    page.shown += records.length;
    page.main.querySelector('#audit-count').textContent = t('au_count', { n: fmtNum(page.shown, 0) });
    const first = records.length ? body.querySelector(`tr[data-id="${records[0].id}"]`) : null;
    if (first && answer.body.next_cursor) drawTail(page, answer.body.next_cursor);
    else tail.innerHTML = `<p class="muted" id="audit-end" tabindex="-1">${esc(t('au_no_more'))}</p>`;
    if (first) first.setAttribute('tabindex', '-1');
    (first || tail.querySelector('#audit-end')).focus();
  });
}
