// The officers' inbox of investors' inquiries (/inbox), for officers and
// admins: the leads newest first (GET /api/v1/leads), filtered by status
// and by who follows them up, 50 a page; the same list as CSV and XLSX;
// one lead opened below the list with the investor's own words and its
// follow-up (status, owner, notes), saved with If-Match
// (PATCH /api/v1/leads/{code}). A change someone else saved meanwhile
// (412) is said plainly, overwrites nothing, and the button reloads the
// lead, listing what was typed. Each problem the API finds is shown next
// to its field, in the page's language. The filter and the lead opened
// are kept in the address's fragment (#status=new&owner=me&lead=…), so
// that a reload shows the same.
import { t, lang, LOCALES, fmtDate, fmtNum } from './i18n.js';
import { esc, tableWrap, errorHTML } from './core.js';
import { loadIdentity } from './account.js';
import {
  STAFF,
  allowed,
  refusalHTML,
  followAccount,
  apiCall,
  failureText,
  problemsOf,
  fieldHTML,
  clearProblems,
  sayAlert,
  showProblems,
  focusLinks,
  whileBusy,
  announce,
  readHash,
  writeHash,
  queryOf,
} from './staff.js';

export const LEAD_STATUSES = ['new', 'contacted', 'visiting', 'invested', 'dropped'];
const PAGE = 50;
const FIELDS = ['status', 'owner', 'notes'];

// A lead's status as people read it (an empty status is a new lead).
export function leadStatusText(v) {
  return t(`lead_status_${v || 'new'}`);
}

function countryText(code) {
  if (!code) return t('unknown');
  try {
    return `${new Intl.DisplayNames([LOCALES[lang()]], { type: 'region' }).of(code)} (${code})`;
  } catch (e) {
    return code;
  }
}

// The contact "Name <e-mail>" with the address as a mail link.
function contactHTML(contact) {
  if (!contact) return `<span class="unknown">${esc(t('unknown'))}</span>`;
  const m = /^(.*)<([^<>\s]+@[^<>\s]+)>\s*$/.exec(contact);
  if (!m) return esc(contact);
  return `${esc(m[1].trim())} &lt;<a href="mailto:${esc(m[2])}">${esc(m[2])}</a>&gt;`;
}

function zonesHTML(zones) {
  const list = Array.isArray(zones) ? zones : String(zones || '').split(' ').filter(Boolean);
  if (!list.length) return `<span class="muted">—</span>`;
  return list.map((c) => `<a href="/zones/${encodeURIComponent(c)}">${esc(c)}</a>`).join(', ');
}

function ownerHTML(owner) {
  return owner ? esc(owner) : `<span class="muted">${esc(t('ib_owner_none'))}</span>`;
}

// The API's query of the filter (status, owner) and the page.
function listQuery(state, page) {
  return queryOf({ status: state.status, owner: state.owner, ...(page ? { limit: PAGE, offset: state.offset || '' } : {}) });
}

// The downloads of the list as filtered (every lead that passes it).
function exportLinks(state) {
  const q = listQuery(state, false);
  const amp = q ? `${q}&` : '';
  const l = lang();
  return `<p class="downloads" id="inbox-downloads"><span>${esc(t('ib_download'))}</span>
<a id="inbox-csv" class="button secondary" href="/api/v1/leads.csv?${esc(amp)}lang=${l}" download="leads.csv">${esc(t('adm_dl_csv'))}</a>
<a id="inbox-xlsx" class="button secondary" href="/api/v1/leads.xlsx?${esc(amp)}lang=${l}" download="leads.xlsx">${esc(t('adm_dl_xlsx'))}</a></p>`;
}

function ownerOptions(state, names, me) {
  const opts = [
    ['', t('ib_owner_any')],
    ['me', t('ib_owner_me')],
    ['none', t('ib_owner_none')],
  ];
  const others = [...new Set([...names, ...(state.owner && !['me', 'none'].includes(state.owner) ? [state.owner] : [])])].filter((n) => n && n !== me).sort();
  for (const n of others) opts.push([n, n]);
  return opts.map(([v, text]) => `<option value="${esc(v)}"${v === (state.owner || '') ? ' selected' : ''}>${esc(text)}</option>`).join('');
}

function filtersHTML(state, names, me) {
  const statuses = [['', t('ib_status_any')], ...LEAD_STATUSES.map((s) => [s, leadStatusText(s)])];
  return `<form id="inbox-filters" class="inline-filters" role="search" aria-label="${esc(t('ib_filters'))}">
<div class="field"><label for="inbox-status">${esc(t('ib_f_status'))}</label>
<select id="inbox-status" name="status">${statuses.map(([v, text]) => `<option value="${esc(v)}"${v === (state.status || '') ? ' selected' : ''}>${esc(text)}</option>`).join('')}</select></div>
<div class="field"><label for="inbox-owner">${esc(t('ib_f_owner'))}</label>
<select id="inbox-owner" name="owner">${ownerOptions(state, names, me)}</select></div>
<div class="buttons"><button type="submit" id="inbox-apply">${esc(t('adm_apply'))}</button></div>
</form>`;
}

function rowHTML(x, open) {
  return `<tr data-code="${esc(x.code)}"${x.code === open ? ' class="current"' : ''}>
<th scope="row"><button type="button" class="link-button open-lead" data-code="${esc(x.code)}" aria-label="${esc(t('ib_open', { company: x.company || x.code }))}">${esc(x.company || x.code)}</button><br><span class="muted code">${esc(x.code)}</span></th>
<td class="received">${esc(fmtDate(x.received_on))}</td>
<td>${esc(x.country || '')}</td>
<td class="contact">${contactHTML(x.contact)}</td>
<td>${zonesHTML(x.zones)}</td>
<td class="status"><span class="badge lead-${esc(x.status || 'new')}">${esc(leadStatusText(x.status))}</span></td>
<td class="owner">${ownerHTML(x.owner)}</td>
</tr>`;
}

function listHTML(body, state) {
  const items = body.items || [];
  const filtered = !!(state.status || state.owner);
  if (!items.length) {
    return `<p id="inbox-count" class="count" role="status">${esc(t(filtered ? 'ib_none_filtered' : 'ib_none'))}</p>${exportLinks(state)}`;
  }
  const from = body.offset + 1;
  const to = body.offset + items.length;
  const head = ['ib_c_company', 'ib_c_received', 'ib_c_country', 'ib_c_contact', 'ib_c_zones', 'ib_c_status', 'ib_c_owner'].map((k) => `<th scope="col">${esc(t(k))}</th>`).join('');
  const table = `<table class="data inbox" id="inbox-table"><caption>${esc(t('ib_caption'))}</caption><thead><tr>${head}</tr></thead><tbody>${items.map((x) => rowHTML(x, state.lead)).join('')}</tbody></table>`;
  const prev = body.offset > 0 ? `<button type="button" class="secondary" id="inbox-prev">${esc(t('adm_prev'))}</button>` : '';
  const next = to < body.total ? `<button type="button" class="secondary" id="inbox-next">${esc(t('adm_next'))}</button>` : '';
  return `<p id="inbox-count" class="count" role="status">${esc(t('ib_count', { from: fmtNum(from, 0), to: fmtNum(to, 0), total: fmtNum(body.total, 0) }))}</p>
${exportLinks(state)}
${tableWrap(t('ib_caption'), table)}
${prev || next ? `<div class="buttons paging">${prev}${next}</div>` : ''}`;
}

// ===== one lead =====

function factsHTML(x) {
  const row = (k, v) => `<div><dt>${esc(t(k))}</dt><dd>${v}</dd></div>`;
  return `<dl class="lead-facts" id="lead-facts">
${row('ib_c_code', `<span class="code">${esc(x.code)}</span>`)}
${row('ib_c_received', esc(fmtDate(x.received_on)))}
${row('ib_c_company', esc(x.company || ''))}
${row('ib_c_country', esc(countryText(x.country)))}
${row('ib_c_contact', contactHTML(x.contact))}
${row('ib_c_zones', zonesHTML(x.zones))}
${x.event_code ? row('ib_c_event', esc(x.event_code)) : ''}
</dl>
<h3>${esc(t('ib_message'))}</h3>
${x.note ? `<blockquote class="lead-message" id="lead-message">${esc(x.note)}</blockquote>` : `<p class="muted" id="lead-message">${esc(t('ib_no_message'))}</p>`}`;
}

// What was typed and not saved, listed above the form after a reload.
function unsavedHTML(typed) {
  if (!typed) return '';
  const items = Object.entries(typed).map(([k, v]) => `<li>${esc(t(`ib_l_${k}`))}: ${esc(k === 'status' ? leadStatusText(v) : v === null ? t('ib_owner_none') : v)}</li>`);
  return `<div class="unsaved" id="lead-unsaved" tabindex="-1"><p>${esc(t('ze_unsaved'))}</p><ul>${items.join('')}</ul></div>`;
}

function formHTML(x, names, typed) {
  const statusControl = `<select {attrs}>${LEAD_STATUSES.map((s) => `<option value="${s}">${esc(leadStatusText(s))}</option>`).join('')}</select>`;
  const list = `<datalist id="lead-owners">${names.map((n) => `<option value="${esc(n)}"></option>`).join('')}</datalist>`;
  const ownerControl = `<input type="text" {attrs} list="lead-owners" autocapitalize="none" spellcheck="false" autocomplete="off">${list}`;
  return `<form id="lead-form" class="edit-form" novalidate aria-labelledby="lead-form-h">
<h3 id="lead-form-h">${esc(t('ib_followup'))}</h3>
${unsavedHTML(typed)}<div class="edit-alert" id="lead-alert" role="alert" tabindex="-1"></div>
<div class="edit-grid">
${fieldHTML('lead', 'status', t('ib_l_status'), statusControl)}
${fieldHTML('lead', 'owner', t('ib_l_owner'), ownerControl, { hint: t('ib_owner_hint') })}
${fieldHTML('lead', 'notes', t('ib_l_notes'), '<textarea {attrs} rows="4"></textarea>', { wide: true, hint: t('ib_notes_hint') })}
</div>
<div class="buttons"><button type="submit" id="lead-save">${esc(t('ze_save'))}</button>
<button type="button" id="lead-mine" class="secondary">${esc(t('ib_assign_me'))}</button>
<button type="button" id="lead-close" class="secondary">${esc(t('ib_close'))}</button></div>
</form>`;
}

function fill(form, x) {
  form.elements.status.value = x.status || 'new';
  form.elements.owner.value = x.owner || '';
  form.elements.notes.value = x.notes || '';
}

// The fields of the form that differ from the lead, as the API takes them.
function changed(form, x) {
  const out = {};
  const status = form.elements.status.value;
  if (status !== (x.status || 'new')) out.status = status;
  const owner = form.elements.owner.value.trim() || null;
  if (owner !== (x.owner || null)) out.owner = owner;
  const notes = form.elements.notes.value;
  if (notes.trim() === '' ? x.notes : notes !== (x.notes || '')) out.notes = notes.trim() === '' ? null : notes;
  return out;
}

// ===== the page =====

export async function render(main, ctx) {
  const who = await loadIdentity();
  if (!ctx.alive()) return;
  ctx.setTitle(t('ib_title'));
  followAccount('inbox', ctx, () => render(main, ctx));
  if (!allowed(who, STAFF)) {
    main.innerHTML = refusalHTML(who, t('ib_title'), STAFF);
    return;
  }
  const h = readHash();
  const state = { status: h.get('status') || '', owner: h.get('owner') || '', offset: Number(h.get('offset')) || 0, lead: h.get('lead') || '' };
  if (state.status && !LEAD_STATUSES.includes(state.status)) state.status = '';
  const page = { main, ctx, state, who, names: new Set(), typed: null };
  // an admin knows every officer and admin who can follow a lead up
  if (who.role === 'admin') {
    const users = await apiCall('/api/v1/users');
    if (!ctx.alive()) return;
    if (users.ok) for (const u of users.body.users || []) if (STAFF.includes(u.role) && !u.disabled) page.names.add(u.name);
  }
  page.names.add(who.user);
  main.innerHTML = `<h1 tabindex="-1">${esc(t('ib_title'))}</h1>
<p class="lead">${esc(t('ib_intro'))}</p>
<div id="inbox-filter-box">${filtersHTML(state, [...page.names], who.user)}</div>
<div id="inbox-list" aria-live="polite"><p class="loading">${esc(t('loading'))}</p></div>
<div id="lead-box"></div>`;
  wireFilters(page);
  await loadList(page);
  if (state.lead && ctx.alive()) await openLead(page, state.lead, { focus: false });
}

function keep(page) {
  const s = page.state;
  writeHash(page.ctx, { status: s.status, owner: s.owner, offset: s.offset || '', lead: s.lead });
}

function wireFilters(page) {
  const form = page.main.querySelector('#inbox-filters');
  const apply = () => {
    page.state.status = form.elements.status.value;
    page.state.owner = form.elements.owner.value;
    page.state.offset = 0;
    keep(page);
    loadList(page);
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  for (const el of form.querySelectorAll('select')) el.addEventListener('change', apply);
}

async function loadList(page) {
  const box = page.main.querySelector('#inbox-list');
  box.setAttribute('aria-busy', 'true');
  const answer = await apiCall(`/api/v1/leads?${listQuery(page.state, true)}`);
  if (!page.ctx.alive() || !box.isConnected) return;
  box.removeAttribute('aria-busy');
  if (!answer.ok) {
    box.innerHTML = errorHTML(new Error(failureText(answer)));
    return;
  }
  // the owners seen are offered in the filter and the form
  let more = false;
  for (const x of answer.body.items || [])
    if (x.owner && !page.names.has(x.owner)) {
      page.names.add(x.owner);
      more = true;
    }
  if (more) page.main.querySelector('#inbox-owner').innerHTML = ownerOptions(page.state, [...page.names], page.who.user);
  box.innerHTML = listHTML(answer.body, page.state);
  const tbody = box.querySelector('tbody');
  if (tbody)
    tbody.addEventListener('click', (e) => {
      const b = e.target.closest('button.open-lead');
      if (b) openLead(page, b.dataset.code, { focus: true });
    });
  const step = (d) => {
    page.state.offset = Math.max(0, (page.state.offset || 0) + d);
    keep(page);
    loadList(page).then(() => {
      const c = page.main.querySelector('#inbox-count');
      if (c) {
        c.setAttribute('tabindex', '-1');
        c.focus();
      }
    });
  };
  const prev = box.querySelector('#inbox-prev');
  if (prev) prev.addEventListener('click', () => step(-PAGE));
  const next = box.querySelector('#inbox-next');
  if (next) next.addEventListener('click', () => step(PAGE));
}

function markCurrent(page) {
  for (const tr of page.main.querySelectorAll('#inbox-table tbody tr')) tr.classList.toggle('current', tr.dataset.code === page.state.lead);
}

// Opens the lead code below the list: reads it afresh (with its ETag) and
// shows it with its form. opts: {focus, typed (what was not saved),
// notice (to announce)}.
async function openLead(page, code, opts = {}) {
  const box = page.main.querySelector('#lead-box');
  page.state.lead = code;
  keep(page);
  markCurrent(page);
  box.innerHTML = `<p class="loading">${esc(t('loading'))}</p>`;
  const answer = await apiCall(`/api/v1/leads/${encodeURIComponent(code)}`);
  if (!page.ctx.alive() || !box.isConnected || page.state.lead !== code) return;
  if (!answer.ok) {
    box.innerHTML = `<section class="lead-detail" id="lead-detail">${errorHTML(new Error(failureText(answer)))}</section>`;
    if (answer.status === 404) {
      page.state.lead = '';
      keep(page);
    }
    return;
  }
  const x = answer.body;
  const lead = { row: x, etag: answer.etag };
  const names = [...page.names].sort();
  box.innerHTML = `<section class="lead-detail" id="lead-detail" aria-labelledby="lead-h" data-code="${esc(x.code)}">
<h2 id="lead-h" tabindex="-1">${esc(t('ib_lead_title', { company: x.company || x.code }))}</h2>
${factsHTML(x)}
<p id="lead-saved" class="edit-status" role="status"></p>
${formHTML(x, names, opts.typed)}
</section>`;
  const form = box.querySelector('#lead-form');
  fill(form, x);
  focusLinks(form);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    save(page, form, lead);
  });
  form.querySelector('#lead-mine').addEventListener('click', () => {
    form.elements.owner.value = page.who.user;
    form.elements.owner.focus();
  });
  form.querySelector('#lead-close').addEventListener('click', () => closeLead(page, code));
  if (opts.notice) announce(box.querySelector('#lead-saved'), opts.notice);
  if (opts.typed) box.querySelector('#lead-unsaved').focus();
  else if (opts.focus) box.querySelector('#lead-h').focus();
}

function closeLead(page, code) {
  page.state.lead = '';
  keep(page);
  markCurrent(page);
  page.main.querySelector('#lead-box').innerHTML = '';
  const b = page.main.querySelector(`button.open-lead[data-code="${CSS.escape(code)}"]`);
  if (b) b.focus();
}

function savedText(fields) {
  return t('ib_saved', { fields: fields.map((f) => t(`ib_l_${f}`)).join(t('list_sep')) });
}

async function save(page, form, lead) {
  clearProblems(form);
  const fields = changed(form, lead.row);
  if (!Object.keys(fields).length) return sayAlert(form, `<p>${esc(t('ze_nothing'))}</p>`);
  const answer = await whileBusy(form, () => apiCall(`/api/v1/leads/${encodeURIComponent(lead.row.code)}`, { method: 'PATCH', body: { fields }, etag: lead.etag }));
  if (!answer || !page.ctx.alive() || !form.isConnected) return;
  if (answer.ok) {
    const done = ((answer.body && answer.body.changed) || Object.keys(fields)).filter((f) => FIELDS.includes(f));
    await loadList(page);
    if (!page.ctx.alive()) return;
    await openLead(page, lead.row.code, { notice: savedText(done) });
    const h = page.main.querySelector('#lead-h');
    if (h) h.focus();
    return;
  }
  if (answer.status === 412) return showStale(page, form, lead, fields);
  if (answer.status === 400) return showProblems(form, 'lead', problemsOf(answer));
  sayAlert(form, `<p>${esc(t('ze_error', { msg: failureText(answer) }))}</p>`);
}

// The answer 412: someone else saved a change of the lead after it was
// read. Nothing was saved; the button reads the lead again and lists what
// was typed.
function showStale(page, form, lead, typed) {
  form.querySelector('#lead-save').hidden = true;
  sayAlert(form, `<p id="lead-stale">${esc(t('ib_stale'))}</p><div class="buttons"><button type="button" id="lead-reload">${esc(t('ib_reload'))}</button></div>`);
  form.querySelector('#lead-reload').addEventListener('click', async () => {
    await loadList(page);
    if (page.ctx.alive()) openLead(page, lead.row.code, { focus: true, typed });
  });
}
