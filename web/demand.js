// A demand and the suppliers ranked for it (/demands/{code}): the demand
// (GET /api/v1/demands/{code}), then the supplier finder's groups (GET
// /api/v1/match/suppliers?demand=): those that fit and those that may fit
// but whose facts are unverified, each with its score, the contribution of
// each criterion (bars, as the site finder draws them, and figures) and the
// reasons; the excluded ones, with why, on asking. The buyer who posted it
// and the officers may propose a supplier or send it an expression of
// interest at once (POST /api/v1/matches); a supplier already in the
// pipeline shows its stage instead.
import { t, fmtDate, fmtNum } from './i18n.js';
import { esc } from './core.js';
import { loadIdentity } from './account.js';
import { apiCall, failureText, followAccount, announce, STAFF, allowed } from './staff.js';
import { usd, statusText, supplierHref, tokensHTML, legendHTML, scoreBarHTML, contributionsHTML, reasonsHTML, scoreText, ownershipText, stageBadge } from './linkage-common.js';

function factsHTML(d) {
  const row = (k, v) => `<tr><th scope="row">${esc(t(k))}</th><td>${v}</td></tr>`;
  const unk = `<span class="unknown">${esc(t('unknown'))}</span>`;
  const volume = d.annual_volume === null || d.annual_volume === undefined ? unk : esc(`${fmtNum(d.annual_volume, 0)} ${d.volume_unit ? t(`lk_vu_${d.volume_unit}`) : ''}`.trim());
  return `<table id="dem-facts" class="facts"><caption class="visually-hidden">${esc(t('lk_dem_facts'))}</caption><tbody>
${row('lk_col_code', esc(d.code))}
${row('lk_col_status', `<span id="dem-status-now">${esc(statusText(d.status))}</span>`)}
${row('lk_col_vsic', d.vsic ? esc(d.vsic) : unk)}
${row('lk_col_processes', tokensHTML(d.capabilities))}
${row('lk_col_certs', tokensHTML(d.certifications))}
${row('lk_col_annual_usd', esc(usd(d.annual_usd)))}
${row('lk_col_volume', volume)}
${row('lk_col_needed_by', d.needed_by ? esc(fmtDate(d.needed_by)) : unk)}
${row('lk_col_max_km', d.max_km === null || d.max_km === undefined ? unk : esc(t('lk_km', { km: fmtNum(d.max_km, 0) })))}
${row('lk_col_posted_on', d.posted_on ? esc(fmtDate(d.posted_on)) : unk)}
</tbody></table>`;
}

function actsHTML(x, page) {
  if (!page.canAct) return '';
  const m = page.matches.get(x.tax_code);
  if (m) return `<p class="lk-in-pipeline">${esc(t('lk_in_pipeline'))} ${stageBadge(m.stage)} <a href="/pipeline">${esc(t('lk_pipeline_link'))}</a></p>`;
  if (page.demand.status !== 'open') return '';
  const name = esc(x.name || x.tax_code);
  return `<div class="buttons lk-propose">
<button type="button" class="lk-interest" data-tax="${esc(x.tax_code)}" data-interest="1">${esc(t('lk_send_interest'))}<span class="visually-hidden">: ${name}</span></button>
<button type="button" class="secondary lk-propose-only" data-tax="${esc(x.tax_code)}" data-interest="0">${esc(t('lk_propose'))}<span class="visually-hidden">: ${name}</span></button>
</div><p class="lk-act-status" role="status" id="lk-status-${esc(x.tax_code)}"></p>`;
}

function supplierHTML(x, page) {
  const km = x.km === null || x.km === undefined ? '' : ` · ${esc(t('lk_km', { km: fmtNum(x.km, 1) }))}`;
  return `<li class="inv-zone g-${esc(x.group)}" data-tax="${esc(x.tax_code)}" data-score="${esc(x.score)}" data-group="${esc(x.group)}">
<div class="inv-zone-head">
<span class="inv-rank">${esc(t('lk_rank', { n: fmtNum(x.rank, 0) }))}</span>
<a class="inv-name" href="${esc(supplierHref(x.tax_code))}">${esc(x.name || x.name_vi)}</a>
${x.group === 'unverified' ? `<span class="badge unverified-badge">${esc(t('lk_group_unverified_badge'))}</span>` : ''}
${x.verified_on ? `<span class="badge lk-verified-badge">${esc(t('lk_verified_on', { date: fmtDate(x.verified_on) }))}</span>` : ''}
<span class="inv-score lk-score">${esc(scoreText(x))}</span>
</div>
<p class="lk-sup-line muted">${esc(ownershipText(x.ownership))}${x.products ? ` · ${esc(x.products)}` : ''}${km}</p>
${scoreBarHTML(x)}
${contributionsHTML(x)}
${reasonsHTML(x)}
${x.group === 'excluded' ? '' : actsHTML(x, page)}
</li>`;
}

function groupHTML(g, body, page) {
  const list = body[g] || [];
  const n = body.counts ? body.counts[g] : list.length;
  return `<section id="lk-group-${g}" aria-labelledby="lk-group-${g}-h"><h2 id="lk-group-${g}-h">${esc(t(`lk_group_${g}`, { n: fmtNum(n, 0) }))}</h2>
${list.length ? `<ol class="inv-list">${list.map((x) => supplierHTML(x, page)).join('')}</ol>` : `<p class="lk-group-none">${esc(t('lk_group_none'))}</p>`}
${list.length < n ? `<p class="muted">${esc(t('lk_group_more', { shown: fmtNum(list.length, 0), n: fmtNum(n, 0) }))}</p>` : ''}</section>`;
}

async function loadMatches(page) {
  page.matches = new Map();
  if (!page.canAct) return;
  const a = await apiCall(`/api/v1/matches?demand=${encodeURIComponent(page.demand.code)}`);
  if (a.ok) for (const m of a.body.items) page.matches.set(m.supplier_tax_code, m);
}

function wire(box, page) {
  for (const b of box.querySelectorAll('button[data-tax]')) {
    b.addEventListener('click', async () => {
      if (b.getAttribute('aria-disabled') === 'true') return;
      b.setAttribute('aria-disabled', 'true');
      const tax = b.dataset.tax;
      const body = { demand: page.demand.code, supplier: tax };
      if (b.dataset.interest === '1') body.interest = true;
      const a = await apiCall('/api/v1/matches', { method: 'POST', body });
      if (!page.ctx.alive()) return;
      b.removeAttribute('aria-disabled');
      const status = box.querySelector(`#lk-status-${CSS.escape(tax)}`);
      if (!a.ok) {
        announce(status, failureText(a));
        return;
      }
      page.matches.set(tax, { supplier_tax_code: tax, stage: a.body.stage });
      const li = b.closest('li');
      const acts = li.querySelector('.lk-propose');
      acts.outerHTML = `<p class="lk-in-pipeline">${esc(t('lk_in_pipeline'))} ${stageBadge(a.body.stage)} <a href="/pipeline">${esc(t('lk_pipeline_link'))}</a></p>`;
      announce(li.querySelector('.lk-act-status'), t(a.body.stage === 'interest' ? 'lk_interest_sent' : 'lk_proposed_done'));
    });
  }
}

async function loadResults(page) {
  const box = page.main.querySelector('#lk-results');
  box.setAttribute('aria-busy', 'true');
  const code = encodeURIComponent(page.demand.code);
  const calls = [apiCall(`/api/v1/match/suppliers?demand=${code}`)];
  if (page.showExcluded) calls.push(apiCall(`/api/v1/match/suppliers?demand=${code}&group=excluded`));
  const [a, ex] = await Promise.all(calls);
  if (!page.ctx.alive()) return;
  box.removeAttribute('aria-busy');
  if (!a.ok) {
    box.innerHTML = `<div class="error" role="alert">${esc(failureText(a))}</div>`;
    return;
  }
  const counts = a.body.counts;
  let html = `<p id="lk-counts">${esc(t('lk_counts', { fits: fmtNum(counts.fits, 0), unverified: fmtNum(counts.unverified, 0), excluded: fmtNum(counts.excluded, 0) }))}</p>
${legendHTML()}${groupHTML('fits', a.body, page)}${groupHTML('unverified', a.body, page)}
<p><button type="button" class="secondary" id="lk-excluded-toggle" aria-expanded="${page.showExcluded ? 'true' : 'false'}" aria-controls="lk-excluded-box">${esc(t(page.showExcluded ? 'lk_hide_excluded' : 'lk_show_excluded', { n: fmtNum(counts.excluded, 0) }))}</button></p>
<div id="lk-excluded-box">`;
  if (ex) html += ex.ok ? groupHTML('excluded', ex.body, page) : `<div class="error" role="alert">${esc(failureText(ex))}</div>`;
  box.innerHTML = `${html}</div>`;
  wire(box, page);
  box.querySelector('#lk-excluded-toggle').addEventListener('click', async () => {
    page.showExcluded = !page.showExcluded;
    await loadResults(page);
    const b = page.main.querySelector('#lk-excluded-toggle');
    if (b) b.focus();
  });
}

export async function render(main, ctx) {
  const code = decodeURIComponent(ctx.match[1]);
  const who = await loadIdentity();
  if (!ctx.alive()) return;
  followAccount('demand', ctx, () => render(main, ctx));
  const d = await apiCall(`/api/v1/demands/${encodeURIComponent(code)}`);
  if (!ctx.alive()) return;
  if (!d.ok) {
    ctx.setTitle(t('lk_dem_title'));
    main.innerHTML = `<h1 tabindex="-1">${esc(t('lk_dem_title'))}</h1><div class="error" role="alert" id="dem-error">${esc(d.status === 404 ? t('lk_dem_not_found', { code }) : failureText(d))}</div><p><a href="/demands">${esc(t('lk_back_demands'))}</a></p>`;
    return;
  }
  const demand = d.body;
  ctx.setTitle(demand.title || demand.code);
  const owner = who && who.signed_in && who.role === 'investor' && who.tax_code === demand.buyer_tax_code;
  const page = { main, ctx, demand, canAct: owner || allowed(who, STAFF), showExcluded: false, matches: new Map() };
  await loadMatches(page);
  if (!ctx.alive()) return;
  main.innerHTML = `<p class="crumbs"><a href="/demands">${esc(t('lk_dem_title'))}</a></p>
<h1 tabindex="-1" id="dem-title">${esc(demand.title || demand.code)}</h1>
<section aria-labelledby="dem-facts-h"><h2 id="dem-facts-h">${esc(t('lk_dem_facts'))}</h2>${factsHTML(demand)}</section>
<h2 id="lk-results-h">${esc(t('lk_results'))}</h2>
<p class="hint">${esc(t('lk_results_intro'))}</p>
<div id="lk-results" aria-live="polite"><p class="loading">${esc(t('loading'))}</p></div>`;
  await loadResults(page);
}
