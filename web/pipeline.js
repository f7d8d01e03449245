// The pipeline board (/pipeline, GET /api/v1/matches): each supplier
// proposed for a demand is a card in one of four columns by its
// board_column (proposed; interest and accepted; meeting; contract), the
// declined and closed listed apart. Each card offers exactly the acts its
// reader may do now (the API's acts): interest, accept, close at a click;
// decline with its reason, meet with its day, place (or online) and
// outcome, contract with its yearly value, start, end and whether it
// answers the demand, in a small form (POST
// /api/v1/matches/{demand}/{supplier}/{act}). An officer sees every match,
// a buyer those of its demands, a supplier its own.
import { t, fmtDate, fmtNum } from './i18n.js';
import { esc } from './core.js';
import { pageFor, apiCall, failureText, fieldHTML, clearProblems, showProblems, problemsOf, focusLinks, whileBusy, announce } from './staff.js';
import { PIPELINE_READERS, STAGES, stageBadge, demandHref, supplierHref } from './linkage-common.js';

const COLUMNS = [0, 1, 2, 3];
const SIMPLE = ['interest', 'accept', 'close'];
const FORMS = ['decline', 'meet', 'contract'];

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function formHTML(p, act) {
  const text = (type = 'text', extra = '') => `<input type="${type}" {attrs}${extra}>`;
  const area = '<textarea {attrs} rows="2"></textarea>';
  const check = (n, label) => `<div class="field check" data-field="${n}"><label><input type="checkbox" id="${p}-${n}" name="${n}"> ${esc(label)}</label><p class="field-error" id="${p}-${n}-err"></p></div>`;
  let fields = '';
  if (act === 'decline') fields = fieldHTML(p, 'note', t('lk_fld_reason'), area, { wide: true });
  if (act === 'meet')
    fields = `${fieldHTML(p, 'meeting_on', t('lk_fld_meeting_on'), text('date', ` value="${today()}"`), { required: true })}
${fieldHTML(p, 'meeting_place', t('lk_fld_meeting_place'), text())}
${check('online', t('lk_fld_online'))}
${fieldHTML(p, 'note', t('lk_fld_outcome'), area, { wide: true })}`;
  if (act === 'contract')
    fields = `${fieldHTML(p, 'annual_usd', t('lk_fld_annual_usd'), text('text', ' inputmode="decimal"'), { required: true })}
${fieldHTML(p, 'since', t('lk_fld_since'), text('date', ` value="${today()}"`), { required: true })}
${fieldHTML(p, 'until', t('lk_fld_until'), text('date'))}
${check('demand_matched', t('lk_fld_demand_matched'))}`;
  return `<details class="lk-act-form" data-act="${act}"><summary>${esc(t(`lk_act_${act}`))}</summary>
<form id="${p}-form" class="edit-form" novalidate data-act="${act}">
<div class="edit-alert" id="${p}-alert" role="alert" tabindex="-1"></div>
${fields}
<div class="buttons"><button type="submit" id="${p}-send">${esc(t(`lk_act_${act}_send`))}</button></div>
</form></details>`;
}

function stepsHTML(m) {
  const items = [];
  const add = (key, day, extra) => {
    if (day) items.push(`<li>${esc(t(key, { date: fmtDate(day) }))}${extra ? ` <span class="lk-words">${esc(extra)}</span>` : ''}</li>`);
  };
  add('lk_step_proposed', m.proposed_on);
  add('lk_step_interest', m.interest_on, m.interest_note);
  if (m.stage === 'declined') add('lk_step_declined', m.answered_on, m.decline_reason);
  else add('lk_step_accepted', m.answered_on);
  if (m.meeting_on) add('lk_step_meeting', m.meeting_on, [m.meeting_online ? t('lk_online') : m.meeting_place, m.meeting_outcome].filter(Boolean).join(' · '));
  if (m.linkage_code) items.push(`<li>${esc(t('lk_step_contract', { code: m.linkage_code }))}</li>`);
  add('lk_step_closed', m.closed_on);
  return items.length ? `<ul class="lk-steps">${items.join('')}</ul>` : '';
}

function cardHTML(m, i) {
  const p = `m${i}`;
  const acts = m.acts || [];
  const simple = acts.filter((a) => SIMPLE.includes(a));
  const forms = acts.filter((a) => FORMS.includes(a));
  return `<li class="lk-card" data-demand="${esc(m.demand_code)}" data-supplier="${esc(m.supplier_tax_code)}" data-stage="${esc(m.stage)}" data-acts="${esc(acts.join(' '))}">
<h3 class="lk-card-h"><a href="${esc(demandHref(m.demand_code))}">${esc(m.demand_title || m.demand_code)}</a></h3>
<p class="lk-card-stage">${stageBadge(m.stage)}</p>
<p class="lk-card-parties"><span class="muted">${esc(t('lk_col_buyer'))}:</span> ${esc(m.buyer_name || m.buyer_tax_code)}<br>
<span class="muted">${esc(t('lk_col_supplier'))}:</span> <a href="${esc(supplierHref(m.supplier_tax_code))}">${esc(m.supplier_name || m.supplier_tax_code)}</a></p>
${stepsHTML(m)}
${simple.length ? `<div class="buttons">${simple.map((a) => `<button type="button" class="${a === 'close' ? 'secondary ' : ''}lk-act" data-act="${a}" data-card="${i}">${esc(t(`lk_act_${a}`))}</button>`).join(' ')}</div>` : ''}
${forms.map((a) => formHTML(`${p}-${a}`, a)).join('')}
<p class="lk-act-status" role="status" id="${p}-status"></p>
</li>`;
}

function columnHTML(col, items) {
  const list = items.filter(({ m }) => m.board_column === col);
  return `<section class="lk-col" id="lk-col-${col}" aria-labelledby="lk-col-${col}-h"><h2 id="lk-col-${col}-h">${esc(t(`lk_col${col}`))} <span class="lk-col-n">(${esc(fmtNum(list.length, 0))})</span></h2>
${list.length ? `<ul class="lk-cards">${list.map(({ m, i }) => cardHTML(m, i)).join('')}</ul>` : `<p class="muted">${esc(t('lk_col_empty'))}</p>`}</section>`;
}

function boardHTML(body) {
  const items = body.items.map((m, i) => ({ m, i }));
  const apart = items.filter(({ m }) => m.board_column < 0);
  const counts = STAGES.map((s) => `<li data-stage="${s}">${esc(t(`lk_stage_${s}`))}: <strong>${esc(fmtNum((body.counts && body.counts[s]) || 0, 0))}</strong></li>`).join('');
  return `<ul id="lk-counts" class="lk-stage-counts" aria-label="${esc(t('lk_stage_counts'))}">${counts}</ul>
<div class="lk-board">${COLUMNS.map((c) => columnHTML(c, items)).join('')}</div>
<section id="lk-apart" aria-labelledby="lk-apart-h"><h2 id="lk-apart-h">${esc(t('lk_apart'))}</h2>
${apart.length ? `<ul class="lk-cards">${apart.map(({ m, i }) => cardHTML(m, i)).join('')}</ul>` : `<p class="muted">${esc(t('lk_col_empty'))}</p>`}</section>`;
}

// The body of an act's form.
function actBody(form) {
  const act = form.dataset.act;
  const v = (n) => (form.elements[n] ? form.elements[n].value.trim() : '');
  const body = {};
  if (act === 'decline' || act === 'meet') if (v('note')) body.note = v('note');
  if (act === 'meet') {
    if (v('meeting_on')) body.meeting_on = v('meeting_on');
    if (form.elements.online.checked) body.online = true;
    else if (v('meeting_place')) body.meeting_place = v('meeting_place');
  }
  if (act === 'contract') {
    const usdText = v('annual_usd');
    if (usdText) body.annual_usd = /^\d+(\.\d+)?$/.test(usdText) ? Number(usdText) : usdText;
    if (v('since')) body.since = v('since');
    if (v('until')) body.until = v('until');
    if (form.elements.demand_matched.checked) body.demand_matched = true;
  }
  return body;
}

async function load(main, ctx, who, said) {
  const box = main.querySelector('#lk-board');
  box.setAttribute('aria-busy', 'true');
  const a = await apiCall('/api/v1/matches');
  if (!ctx.alive()) return;
  box.removeAttribute('aria-busy');
  if (!a.ok) {
    box.innerHTML = `<div class="error" role="alert">${esc(failureText(a))}</div>`;
    return;
  }
  const items = a.body.items;
  box.innerHTML = items.length ? boardHTML(a.body) : `<p id="lk-none">${esc(t(`lk_pipeline_none_${who.role === 'supplier' ? 'supplier' : who.role === 'investor' ? 'buyer' : 'staff'}`))}</p>`;
  main.dataset.drawn = String(Date.now());
  if (said) announce(main.querySelector('#lk-said'), said);
  const url = (m, act) => `/api/v1/matches/${encodeURIComponent(m.demand_code)}/${encodeURIComponent(m.supplier_tax_code)}/${act}`;
  const done = (m, act) => load(main, ctx, who, t('lk_act_done', { act: t(`lk_act_${act}`), demand: m.demand_title || m.demand_code }));
  for (const b of box.querySelectorAll('button.lk-act')) {
    b.addEventListener('click', async () => {
      if (b.getAttribute('aria-disabled') === 'true') return;
      const m = items[Number(b.dataset.card)];
      b.setAttribute('aria-disabled', 'true');
      const r = await apiCall(url(m, b.dataset.act), { method: 'POST', body: {} });
      if (!ctx.alive()) return;
      b.removeAttribute('aria-disabled');
      if (!r.ok) {
        announce(box.querySelector(`#m${b.dataset.card}-status`), failureText(r));
        return;
      }
      await done(m, b.dataset.act);
    });
  }
  for (const form of box.querySelectorAll('form[data-act]')) {
    focusLinks(form);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearProblems(form);
      const i = Number(form.id.replace(/^m(\d+)-.*$/, '$1'));
      const m = items[i];
      const act = form.dataset.act;
      const r = await whileBusy(form, () => apiCall(url(m, act), { method: 'POST', body: actBody(form) }));
      if (!r || !ctx.alive()) return;
      if (!r.ok) {
        showProblems(form, form.id.replace(/-form$/, ''), problemsOf(r));
        return;
      }
      await done(m, act);
    });
  }
}

export async function render(main, ctx) {
  const who = await pageFor(main, ctx, 'pipeline', t('lk_pipe_title'), PIPELINE_READERS, () => render(main, ctx));
  if (!who) return;
  const intro = who.role === 'supplier' ? 'lk_pipe_intro_supplier' : who.role === 'investor' ? 'lk_pipe_intro_buyer' : 'lk_pipe_intro_staff';
  main.innerHTML = `<h1 tabindex="-1">${esc(t('lk_pipe_title'))}</h1>
<p class="lead">${esc(t(intro))}</p>
<p><a href="/demands">${esc(t('lk_demands_link'))}</a> · <a href="/linkage">${esc(t('lk_linkage_link'))}</a></p>
<p id="lk-said" role="status" class="lk-said"></p>
<div id="lk-board"><p class="loading">${esc(t('loading'))}</p></div>`;
  await load(main, ctx, who);
}

