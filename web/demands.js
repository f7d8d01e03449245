// The demand board (/demands): the buyers' demands (GET /api/v1/demands),
// filtered by status, 50 a page, each linking to its page with the
// suppliers ranked for it. A signed-in buyer (role investor) posts a demand
// here (POST /api/v1/demands); each problem of the answer is shown next to
// its field. The filter is kept in the address's fragment (#status=open).
import { t, fmtDate } from './i18n.js';
import { esc, tableWrap } from './core.js';
import { loadIdentity } from './account.js';
import { apiCall, failureText, readHash, writeHash, queryOf, followAccount, fieldHTML, clearProblems, showProblems, problemsOf, focusLinks, whileBusy } from './staff.js';
import { DEMAND_STATUSES, VOLUME_UNITS, demandHref, usd, statusText } from './linkage-common.js';

const PAGE = 50;

function filtersHTML(state) {
  const opt = (v, text, cur) => `<option value="${esc(v)}"${v === cur ? ' selected' : ''}>${esc(text)}</option>`;
  return `<form id="dem-filters" class="inline-filters" role="search" aria-label="${esc(t('lk_dem_filters'))}">
<div class="field"><label for="dem-status">${esc(t('lk_f_status'))}</label>
<select id="dem-status" name="status">${opt('', t('lk_any'), state.status)}${DEMAND_STATUSES.map((s) => opt(s, statusText(s), state.status)).join('')}</select></div>
<div class="buttons"><button type="submit" id="dem-apply">${esc(t('adm_apply'))}</button></div>
</form>`;
}

function rowHTML(x) {
  return `<tr data-code="${esc(x.code)}" data-status="${esc(x.status)}">
<th scope="row"><a href="${esc(demandHref(x.code))}">${esc(x.title || x.code)}</a><br><span class="muted code">${esc(x.code)}</span></th>
<td>${esc(x.vsic || t('unknown'))}</td>
<td class="num">${esc(usd(x.annual_usd))}</td>
<td>${esc(x.needed_by ? fmtDate(x.needed_by) : t('unknown'))}</td>
<td><span class="badge lk-status-${esc(x.status)}">${esc(statusText(x.status))}</span></td>
<td>${esc(x.posted_on ? fmtDate(x.posted_on) : t('unknown'))}</td>
</tr>`;
}

async function loadList(page) {
  const box = page.main.querySelector('#dem-list');
  box.setAttribute('aria-busy', 'true');
  const s = page.state;
  const a = await apiCall(`/api/v1/demands?${queryOf({ status: s.status, sort: '-posted_on', limit: PAGE, cursor: s.cursor })}`);
  if (!page.ctx.alive()) return;
  box.removeAttribute('aria-busy');
  if (!a.ok) {
    box.innerHTML = `<div class="error" role="alert">${esc(failureText(a))}</div>`;
    return;
  }
  const body = a.body;
  if (!body.items.length) {
    box.innerHTML = `<p id="dem-none">${esc(t('lk_dem_none'))}</p>`;
    return;
  }
  const more = body.next_cursor !== null && body.next_cursor !== undefined;
  box.innerHTML = `<p id="dem-count">${esc(t('lk_dem_count', { n: String(body.total) }))}</p>
${tableWrap(
  t('lk_dem_caption'),
  `<table id="dem-table"><caption>${esc(t('lk_dem_caption'))}</caption>
<thead><tr><th scope="col">${esc(t('lk_col_demand'))}</th><th scope="col">${esc(t('lk_col_vsic'))}</th><th scope="col">${esc(t('lk_col_annual_usd'))}</th><th scope="col">${esc(t('lk_col_needed_by'))}</th><th scope="col">${esc(t('lk_col_status'))}</th><th scope="col">${esc(t('lk_col_posted_on'))}</th></tr></thead>
<tbody>${body.items.map(rowHTML).join('')}</tbody></table>`
)}
<div class="pager">${s.cursor ? `<button type="button" class="secondary" id="dem-first">${esc(t('lk_first_page'))}</button> ` : ''}${more ? `<button type="button" class="secondary" id="dem-next">${esc(t('dz_next'))}</button>` : ''}</div>`;
  const first = box.querySelector('#dem-first');
  const next = box.querySelector('#dem-next');
  const move = (cursor) => {
    s.cursor = cursor;
    keep(page);
    loadList(page);
  };
  if (first) first.addEventListener('click', () => move(''));
  if (next) next.addEventListener('click', () => move(String(body.next_cursor)));
}

function keep(page) {
  writeHash(page.ctx, { status: page.state.status, cursor: page.state.cursor });
}

// A code for a new demand that no one is likely to have taken: the day and
// a few random letters; the buyer may write its own.
function newCode() {
  const d = new Date();
  const day = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
  const r = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[b % 32]).join('');
  return `NC-${day}-${r}`;
}

function postFormHTML() {
  const text = (type = 'text', extra = '') => `<input type="${type}" {attrs}${extra}>`;
  const units = `<select {attrs}><option value="">${esc(t('lk_none_chosen'))}</option>${VOLUME_UNITS.map((u) => `<option value="${u}">${esc(t(`lk_vu_${u}`))}</option>`).join('')}</select>`;
  return `<section aria-labelledby="dem-post-h" class="lk-post"><h2 id="dem-post-h">${esc(t('lk_post_title'))}</h2>
<p class="hint">${esc(t('lk_post_intro'))}</p>
<form id="dem-form" class="edit-form" novalidate>
<div class="edit-alert" id="dem-alert" role="alert" tabindex="-1"></div>
${fieldHTML('dem', 'title', t('lk_fld_title'), text(), { required: true, wide: true })}
${fieldHTML('dem', 'code', t('lk_fld_code'), text('text', ` value="${esc(newCode())}"`), { required: true, hint: t('lk_fld_code_hint') })}
${fieldHTML('dem', 'vsic', t('lk_fld_vsic'), text('text', ' inputmode="numeric"'), { hint: t('lk_fld_vsic_hint') })}
${fieldHTML('dem', 'capabilities', t('lk_fld_capabilities'), text(), { hint: t('lk_fld_tokens_hint') })}
${fieldHTML('dem', 'certifications', t('lk_fld_certifications'), text(), { hint: t('lk_fld_tokens_hint') })}
${fieldHTML('dem', 'annual_usd', t('lk_fld_annual_usd'), text('text', ' inputmode="decimal"'))}
${fieldHTML('dem', 'annual_volume', t('lk_fld_annual_volume'), text('text', ' inputmode="decimal"'))}
${fieldHTML('dem', 'volume_unit', t('lk_fld_volume_unit'), units)}
${fieldHTML('dem', 'needed_by', t('lk_fld_needed_by'), text('date'))}
${fieldHTML('dem', 'max_km', t('lk_fld_max_km'), text('text', ' inputmode="decimal"'))}
<div class="buttons"><button type="submit" id="dem-send">${esc(t('lk_post_send'))}</button></div>
</form></section>`;
}

// The form's fields as the API's body: text as written, numbers where they
// are numbers (the server says which are not), blanks left out.
function bodyOf(form) {
  const fields = { status: 'open' };
  for (const n of ['title', 'code', 'vsic', 'capabilities', 'certifications', 'volume_unit', 'needed_by']) {
    const v = form.elements[n].value.trim();
    if (v) fields[n] = n === 'capabilities' || n === 'certifications' ? v.split(/[\s,;]+/).filter(Boolean).join(' ') : v;
  }
  for (const n of ['annual_usd', 'annual_volume', 'max_km']) {
    const v = form.elements[n].value.trim();
    if (v) fields[n] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  }
  return { fields };
}

export async function render(main, ctx) {
  ctx.setTitle(t('lk_dem_title'));
  const who = await loadIdentity();
  if (!ctx.alive()) return;
  followAccount('demands', ctx, () => render(main, ctx));
  const h = readHash();
  const state = { status: h.get('status') || '', cursor: h.get('cursor') || '' };
  if (!DEMAND_STATUSES.includes(state.status)) state.status = '';
  const page = { main, ctx, state };
  const buyer = who && who.signed_in && who.role === 'investor';
  main.innerHTML = `<h1 tabindex="-1">${esc(t('lk_dem_title'))}</h1>
<p class="lead">${esc(t('lk_dem_intro'))}</p>
<p><a href="/suppliers">${esc(t('lk_suppliers_link'))}</a>${who && who.signed_in ? ` · <a href="/pipeline">${esc(t('lk_pipeline_link'))}</a>` : ''}</p>
${buyer ? postFormHTML() : ''}
<h2 id="dem-list-h">${esc(t('lk_dem_list'))}</h2>
${filtersHTML(state)}
<div id="dem-list" aria-live="polite"><p class="loading">${esc(t('loading'))}</p></div>`;
  main.querySelector('#dem-filters').addEventListener('submit', (e) => {
    e.preventDefault();
    state.status = e.target.elements.status.value;
    state.cursor = '';
    keep(page);
    loadList(page);
  });
  const form = main.querySelector('#dem-form');
  if (form) {
    focusLinks(form);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearProblems(form);
      const body = bodyOf(form);
      const a = await whileBusy(form, () => apiCall('/api/v1/demands', { method: 'POST', body }));
      if (!a || !ctx.alive()) return;
      if (!a.ok) {
        showProblems(form, 'dem', problemsOf(a));
        return;
      }
      ctx.navigate(demandHref(a.body.key || body.fields.code));
    });
  }
  await loadList(page);
}
