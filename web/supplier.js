// A supplier's profile (/suppliers/{tax_code}, GET /api/v1/suppliers/...):
// what it makes, its equipment and capacity, the processes it does and at
// what level, its certificates and whether each is valid today, whether an
// officer verified the profile, whom to contact (only when the API gives
// it; otherwise how to see it), and the open demands it could serve (GET
// /api/v1/match/demands?supplier=). An officer or admin may record that
// they verified the profile as it stands.
import { t, fmtDate, fmtNum } from './i18n.js';
import { esc, tableWrap } from './core.js';
import { loadIdentity } from './account.js';
import { apiCall, failureText, followAccount, announce, STAFF, allowed } from './staff.js';
import { entName, ownershipText, tokensHTML, usd, demandHref, scoreText } from './linkage-common.js';

const LEVELS = ['can_do', 'in_volume', 'audited'];

function factsHTML(p) {
  const row = (k, v) => `<tr><th scope="row">${esc(t(k))}</th><td>${v}</td></tr>`;
  const val = (v) => (v === null || v === undefined || v === '' ? `<span class="unknown">${esc(t('unknown'))}</span>` : esc(v));
  const capacity = p.capacity_month === null || p.capacity_month === undefined ? val(null) : esc(t('lk_capacity_month', { n: fmtNum(p.capacity_month, 0), unit: p.capacity_unit ? t(`lk_vu_${p.capacity_unit}`) : '' }));
  return `<table id="sup-facts" class="facts"><caption class="visually-hidden">${esc(t('lk_profile_facts'))}</caption><tbody>
${row('lk_col_tax', esc(p.tax_code))}
${row('lk_col_ownership', esc(ownershipText(p.ownership)))}
${row('lk_col_country', val(p.country))}
${row('lk_col_vsic', val(p.vsic))}
${row('lk_col_products', val(p.products))}
${row('lk_col_equipment', val(p.equipment))}
${row('lk_col_capacity', capacity)}
${row('lk_col_employees', p.employees === null || p.employees === undefined ? val(null) : esc(fmtNum(p.employees, 0)))}
${row('lk_col_customers', val(p.customers))}
${row('lk_col_languages', p.languages && p.languages.length ? esc(p.languages.join(t('list_sep'))) : val(null))}
${row('lk_col_linkages', esc(fmtNum(p.linkages || 0, 0)))}
</tbody></table>`;
}

function processesHTML(p) {
  const caps = p.capabilities || [];
  const levelled = new Set(caps.map((c) => c.process));
  const stated = (p.process_tokens || []).filter((x) => !levelled.has(x));
  const rows = caps
    .map((c) => `<tr data-process="${esc(c.process)}"><th scope="row"><code>${esc(c.process)}</code></th><td class="lk-level lk-level-${esc(c.level)}">${esc(LEVELS.includes(c.level) ? t(`lk_level_${c.level}`) : c.level)}</td></tr>`)
    .concat(stated.map((x) => `<tr data-process="${esc(x)}"><th scope="row"><code>${esc(x)}</code></th><td class="lk-level lk-level-none">${esc(t('lk_level_none'))}</td></tr>`));
  if (!rows.length) return `<p id="sup-processes-none">${esc(t('lk_processes_none'))}</p>`;
  return tableWrap(
    t('lk_processes'),
    `<table id="sup-processes"><caption>${esc(t('lk_processes'))}</caption><thead><tr><th scope="col">${esc(t('lk_col_process'))}</th><th scope="col">${esc(t('lk_col_level'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function certsHTML(p) {
  const certs = p.certifications || [];
  const held = new Set(certs.map((c) => c.standard));
  const undated = (p.certification_tokens || []).filter((x) => !held.has(x));
  const d = (v) => (v ? esc(fmtDate(v)) : `<span class="unknown">${esc(t('unknown'))}</span>`);
  const rows = certs
    .map(
      (c) => `<tr data-standard="${esc(c.standard)}" data-state="${esc(c.state)}"><th scope="row">${esc(c.label || c.standard)}</th><td>${esc(c.number || '')}</td><td>${esc(c.issuer || '')}</td><td>${d(c.valid_from)}</td><td>${d(c.valid_to)}</td>
<td><span class="badge lk-cert lk-cert-${esc(c.state)}">${esc(t(`lk_cert_${c.state}`))}</span></td></tr>`
    )
    .concat(undated.map((x) => `<tr data-standard="${esc(x)}" data-state="undated"><th scope="row"><code>${esc(x)}</code></th><td></td><td></td><td>${d(null)}</td><td>${d(null)}</td><td><span class="badge lk-cert lk-cert-undated">${esc(t('lk_cert_undated'))}</span></td></tr>`));
  if (!rows.length) return `<p id="sup-certs-none">${esc(t('lk_certs_none'))}</p>`;
  return tableWrap(
    t('lk_certs'),
    `<table id="sup-certs"><caption>${esc(t('lk_certs'))}</caption><thead><tr><th scope="col">${esc(t('lk_col_standard'))}</th><th scope="col">${esc(t('lk_col_number'))}</th><th scope="col">${esc(t('lk_col_issuer'))}</th><th scope="col">${esc(t('lk_col_valid_from'))}</th><th scope="col">${esc(t('lk_col_valid_to'))}</th><th scope="col">${esc(t('lk_col_state'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function verifiedHTML(p, canVerify) {
  const state = p.verified_on
    ? `<p id="sup-verified" class="lk-verified-yes" data-verified="1">${esc(t('lk_verified_by', { date: fmtDate(p.verified_on), who: p.verified_by || t('unknown') }))}</p>`
    : `<p id="sup-verified" class="lk-verified-no" data-verified="0">${esc(t('lk_not_verified_long'))}</p>`;
  const button = canVerify ? `<p><button type="button" id="sup-verify">${esc(t('lk_verify_button'))}</button></p><p id="sup-verify-status" role="status"></p>` : '';
  return state + button;
}

function contactHTML(p) {
  if (!p.contact) return `<p id="sup-contact-note">${esc(p.contact_note || t('lk_contact_none'))}</p>`;
  const c = p.contact;
  const line = (k, v, href) => (v ? `<li><span class="muted">${esc(t(k))}:</span> ${href ? `<a href="${esc(href)}">${esc(v)}</a>` : esc(v)}</li>` : '');
  return `<ul id="sup-contact" class="plain">${line('lk_contact_name', c.name)}${line('lk_contact_email', c.email, c.email ? `mailto:${c.email}` : '')}${line('lk_contact_phone', c.phone, c.phone ? `tel:${c.phone.replace(/\s+/g, '')}` : '')}</ul>`;
}

function demandsHTML(body) {
  const list = [...(body.fits || []), ...(body.unverified || [])];
  if (!list.length) return `<p id="sup-demands-none">${esc(t('lk_sup_demands_none'))}</p>`;
  return tableWrap(
    t('lk_sup_demands'),
    `<table id="sup-demands"><caption>${esc(t('lk_sup_demands'))}</caption><thead><tr><th scope="col">${esc(t('lk_col_demand'))}</th><th scope="col">${esc(t('lk_col_buyer'))}</th><th scope="col">${esc(t('lk_col_annual_usd'))}</th><th scope="col">${esc(t('lk_col_needed_by'))}</th><th scope="col">${esc(t('lk_col_score'))}</th></tr></thead>
<tbody>${list
      .map(
        (d) => `<tr data-code="${esc(d.code)}"><th scope="row"><a href="${esc(demandHref(d.code))}">${esc(d.title || d.code)}</a><br><span class="muted code">${esc(d.code)}</span></th><td>${esc(d.buyer_name || d.buyer_tax_code)}</td><td class="num">${esc(usd(d.annual_usd))}</td><td>${esc(d.needed_by ? fmtDate(d.needed_by) : t('unknown'))}</td><td class="num">${esc(scoreText(d))}${d.group === 'unverified' ? ` <span class="badge unverified-badge">${esc(t('lk_group_unverified_badge'))}</span>` : ''}</td></tr>`
      )
      .join('')}</tbody></table>`
  );
}

export async function render(main, ctx) {
  const tax = decodeURIComponent(ctx.match[1]);
  const who = await loadIdentity();
  if (!ctx.alive()) return;
  followAccount('supplier', ctx, () => render(main, ctx));
  const [a, m] = await Promise.all([apiCall(`/api/v1/suppliers/${encodeURIComponent(tax)}`), apiCall(`/api/v1/match/demands?supplier=${encodeURIComponent(tax)}`)]);
  if (!ctx.alive()) return;
  if (!a.ok) {
    ctx.setTitle(t('lk_sup_title'));
    main.innerHTML = `<h1 tabindex="-1">${esc(t('lk_sup_title'))}</h1><div class="error" role="alert" id="sup-error">${esc(a.status === 404 ? t('lk_sup_not_found', { tax }) : failureText(a))}</div><p><a href="/suppliers">${esc(t('lk_back_suppliers'))}</a></p>`;
    return;
  }
  const p = a.body;
  const name = entName(p);
  ctx.setTitle(name);
  const canVerify = allowed(who, STAFF);
  main.innerHTML = `<p class="crumbs"><a href="/suppliers">${esc(t('lk_sup_title'))}</a></p>
<h1 tabindex="-1" id="sup-name">${esc(name)}</h1>
${p.name_en && name !== p.name ? `<p class="orig" lang="vi">${esc(p.name)}</p>` : ''}
<section aria-labelledby="sup-h-verified"><h2 id="sup-h-verified">${esc(t('lk_verification'))}</h2>${verifiedHTML(p, canVerify)}</section>
<section aria-labelledby="sup-h-facts"><h2 id="sup-h-facts">${esc(t('lk_profile_facts'))}</h2>${factsHTML(p)}</section>
<section aria-labelledby="sup-h-processes"><h2 id="sup-h-processes">${esc(t('lk_processes'))}</h2><p class="hint">${esc(t('lk_levels_hint'))}</p>${processesHTML(p)}</section>
<section aria-labelledby="sup-h-certs"><h2 id="sup-h-certs">${esc(t('lk_certs'))}</h2>${certsHTML(p)}</section>
<section aria-labelledby="sup-h-contact"><h2 id="sup-h-contact">${esc(t('lk_contact'))}</h2>${contactHTML(p)}</section>
<section aria-labelledby="sup-h-demands"><h2 id="sup-h-demands">${esc(t('lk_sup_demands'))}</h2>${m.ok ? demandsHTML(m.body) : `<div class="error" role="alert">${esc(failureText(m))}</div>`}</section>`;
  const button = main.querySelector('#sup-verify');
  if (button)
    button.addEventListener('click', async () => {
      if (button.getAttribute('aria-disabled') === 'true') return;
      button.setAttribute('aria-disabled', 'true');
      const r = await apiCall(`/api/v1/suppliers/${encodeURIComponent(tax)}/verify`, { method: 'POST', body: {} });
      if (!ctx.alive()) return;
      button.removeAttribute('aria-disabled');
      if (!r.ok) {
        announce(main.querySelector('#sup-verify-status'), failureText(r));
        return;
      }
      await render(main, ctx);
      announce(main.querySelector('#sup-verify-status'), t('lk_verified_done'));
    });
}
