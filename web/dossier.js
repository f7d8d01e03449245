// One dossier (/dossiers/{code}) for whoever may see it: its facts, stage
// and clock, every department's consultation with its own clock, the
// questions to the investor, the documents; and the forms of the acts its
// reader may do now (the answer's "acts": the rules are the server's):
// the officer accepts (naming the consulted departments, and the limits
// where no source gives one) or returns it, asks, records the appraisal
// and the decision; a department gives its opinion or asks; the investor
// adds documents, answers questions, files what was missing or withdraws.
// Each act is one POST /api/v1/dossiers/{code}/{act}; its problems are
// shown next to their fields; the page is drawn again after each act.
import { t, fmtDate, fmtNum } from './i18n.js';
import { esc, tableWrap } from './core.js';
import { pageFor, apiCall, failureText, problemsOf, fieldHTML, clearProblems, showProblems, focusLinks, whileBusy, announce } from './staff.js';
import { DOSSIER_READERS, procName, stageHTML, opinionName, decisionName, departments, deptName, clockHTML, limitText, uploadDocument, documentFormHTML } from './dossier-common.js';

function dateHTML(v) {
  return v ? esc(fmtDate(v)) : `<span class="muted">—</span>`;
}

function factsHTML(d, names) {
  const rows = [
    [t('dz_code'), `<code>${esc(d.code)}</code>`],
    [t('dz_f_procedure'), esc(procName(d.procedure))],
    [t('dz_col_stage'), stageHTML(d.stage)],
    [t('dz_receiving'), esc(deptName(names, d.receiving_department))],
    [t('dz_col_submitted'), dateHTML(d.submitted_on)],
  ];
  if (d.returned_on && d.stage === 'returned') rows.push([t('dz_returned_on'), dateHTML(d.returned_on)]);
  if (d.missing && d.stage === 'returned') rows.push([t('dz_missing'), `<span id="dossier-missing">${esc(d.missing)}</span>`]);
  if (d.accepted_on) {
    rows.push([t('dz_accepted_on'), dateHTML(d.accepted_on)]);
    rows.push([t('dz_limit'), esc(limitText(d.limit_days, d.limit_kind))]);
  }
  rows.push([t('dz_col_clock'), `<span id="dossier-clock">${clockHTML(d.clock)}</span>`]);
  if (d.appraised_on) rows.push([t('dz_appraised_on'), `${dateHTML(d.appraised_on)}${d.appraisal ? `: ${esc(d.appraisal)}` : ''}`]);
  if (d.decision) {
    rows.push([t('dz_decision'), `<span id="dossier-decision">${esc(decisionName(d.decision))}</span> (${dateHTML(d.decided_on)})`]);
    if (d.certificate_no) rows.push([t('dz_certificate'), `<span id="dossier-certificate">${esc(d.certificate_no)}</span>`]);
  }
  if (d.zone_code) rows.push([t('dz_zone'), `<a href="/zones/${encodeURIComponent(d.zone_code)}">${esc(d.zone_code)}</a>`]);
  return `<dl class="facts" id="dossier-facts">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function consultationsHTML(d, names) {
  if (!d.consultations.length) return `<p id="consult-none">${esc(t(d.accepted_on ? 'dz_consult_none' : 'dz_consult_not_yet'))}</p>`;
  const opinions = d.consultations.some((c) => 'opinion' in c);
  const head = [t('dz_c_department'), t('dz_c_requested'), t('dz_limit'), t('dz_col_clock'), t('dz_c_answered'), ...(opinions ? [t('dz_c_opinion')] : [])];
  const rows = d.consultations.map((c) => {
    const answered = c.answered_on ? esc(fmtDate(c.answered_on)) : c.closed_on ? esc(t('dz_c_closed', { date: fmtDate(c.closed_on) })) : `<span class="muted">${esc(t('dz_c_waiting'))}</span>`;
    const opinion = opinions ? `<td class="opinion">${c.opinion ? `<strong>${esc(opinionName(c.opinion))}</strong>${c.note ? `<br>${esc(c.note)}` : ''}${c.document ? `<br><a href="/api/v1/dossiers/${encodeURIComponent(d.code)}/documents/${c.document}" download>${esc(t('dz_c_document', { n: c.document }))}</a>` : ''}` : '<span class="muted">—</span>'}</td>` : '';
    return `<tr data-department="${esc(c.department)}"><th scope="row">${esc(deptName(names, c.department))}</th><td>${dateHTML(c.requested_on)}</td><td>${esc(limitText(c.limit_days, c.limit_kind))}</td><td class="clock-cell">${clockHTML(c.clock)}</td><td>${answered}</td>${opinion}</tr>`;
  });
  return tableWrap(
    t('dz_consult_title'),
    `<table id="consult-table"><caption>${esc(t('dz_consult_title'))}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function questionsHTML(d, names) {
  if (!d.questions.length) return `<p id="question-none">${esc(t('dz_q_none'))}</p>`;
  return `<ol id="question-list" class="questions">${d.questions
    .map(
      (q) => `<li data-n="${q.n}"><p><strong>${esc(q.department ? deptName(names, q.department) : t('dz_q_officer'))}</strong>, ${esc(fmtDate(q.asked_on))}: ${esc(q.question)}</p>
${q.answered_on ? `<p class="answer">${esc(t('dz_q_answered', { date: fmtDate(q.answered_on) }))}: ${esc(q.answer || '')}</p>` : `<p class="muted">${esc(t('dz_q_open'))}</p>`}</li>`
    )
    .join('')}</ol>`;
}

function documentsHTML(d, names) {
  if (!d.documents.length) return `<p id="document-none">${esc(t('dz_docs_none'))}</p>`;
  return `<ul id="document-list">${d.documents
    .map(
      (x) => `<li data-n="${x.n}"><a href="${esc(x.href || `/api/v1/dossiers/${encodeURIComponent(d.code)}/documents/${x.n}`)}" download>${esc(x.name)}</a> (${esc(fmtNum(x.bytes / 1024, 0))} KB, ${esc(x.department ? deptName(names, x.department) : t('dz_doc_investor'))}, ${esc(fmtDate(x.uploaded_on))})</li>`
    )
    .join('')}</ul>`;
}

// ===== the acts' forms =====

function actForm(act, title, fields, button, note = '') {
  return `<form id="act-${act}" class="edit-form act-form" data-act="${act}" novalidate>
<h3>${esc(title)}</h3>${note ? `<p class="hint">${esc(note)}</p>` : ''}
<div class="edit-alert" id="act-${act}-alert" role="alert" tabindex="-1"></div>
${fields}
<div class="buttons"><button type="submit" id="act-${act}-send">${esc(button)}</button></div>
</form>`;
}

const kindSelect = `<select {attrs}><option value="working">${'{working}'}</option><option value="calendar">${'{calendar}'}</option></select>`;
function kindControl() {
  return kindSelect.replace('{working}', esc(t('daykind_working'))).replace('{calendar}', esc(t('daykind_calendar')));
}

// The forms of the acts the reader may do, for the party the reader is.
function actsHTML(d, who, names) {
  const acts = d.acts || [];
  const out = [];
  const mine = who.role === 'department' ? d.consultations.find((c) => c.department === who.department) : null;
  if (acts.includes('accept')) {
    const others = Object.keys(names)
      .filter((c) => c !== d.receiving_department)
      .map((c) => `<li><label><input type="checkbox" name="departments" value="${esc(c)}"> ${esc(names[c])}</label></li>`)
      .join('');
    out.push(
      actForm(
        'accept',
        t('dz_act_accept'),
        `<fieldset class="field" id="act-accept-departments" tabindex="-1"><legend>${esc(t('dz_accept_departments'))}</legend><ul class="checks">${others}</ul><p class="field-error" id="act-accept-departments-err"></p></fieldset>
${fieldHTML('act-accept', 'limit_days', t('dz_accept_limit'), '<input type="number" min="0" max="3650" {attrs}>', { hint: t('dz_accept_limit_hint') })}
${fieldHTML('act-accept', 'limit_kind', t('dz_accept_kind'), kindControl())}
${fieldHTML('act-accept', 'consult_days', t('dz_accept_consult'), '<input type="number" min="0" max="3650" {attrs}>', { hint: t('dz_accept_consult_hint') })}
${fieldHTML('act-accept', 'consult_kind', t('dz_accept_kind'), kindControl())}`,
        t('dz_act_accept_send'),
        t('dz_accept_note')
      )
    );
  }
  if (acts.includes('return')) out.push(actForm('return', t('dz_act_return'), fieldHTML('act-return', 'missing', t('dz_missing'), '<textarea rows="3" maxlength="4000" {attrs}></textarea>', { required: true }), t('dz_act_return_send')));
  if (acts.includes('opinion') && mine && !mine.answered_on && !mine.closed_on) {
    const docs = d.documents.filter((x) => x.department === who.department);
    out.push(
      actForm(
        'opinion',
        t('dz_act_opinion'),
        `${fieldHTML('act-opinion', 'opinion', t('dz_c_opinion'), `<select {attrs}>${['agree', 'agree_with_conditions', 'disagree'].map((o) => `<option value="${o}">${esc(opinionName(o))}</option>`).join('')}</select>`, { required: true })}
${fieldHTML('act-opinion', 'note', t('dz_note'), '<textarea rows="3" maxlength="4000" {attrs}></textarea>', { hint: t('dz_note_hint') })}
${fieldHTML('act-opinion', 'document', t('dz_opinion_document'), `<select {attrs}><option value="">${esc(t('dz_opinion_no_document'))}</option>${docs.map((x) => `<option value="${x.n}">${esc(x.name)}</option>`).join('')}</select>`, { hint: t('dz_opinion_document_hint') })}`,
        t('dz_act_opinion_send')
      )
    );
  }
  if (acts.includes('ask') && (who.role !== 'department' || (mine && !mine.answered_on && !mine.closed_on))) out.push(actForm('ask', t('dz_act_ask'), fieldHTML('act-ask', 'question', t('dz_question'), '<textarea rows="3" maxlength="4000" {attrs}></textarea>', { required: true, hint: t('dz_ask_hint') }), t('dz_act_ask_send')));
  if (acts.includes('answer')) {
    for (const q of d.questions.filter((x) => !x.answered_on))
      out.push(actForm(`answer-${q.n}`, t('dz_act_answer', { n: q.n }), fieldHTML(`act-answer-${q.n}`, 'answer', t('dz_answer'), '<textarea rows="3" maxlength="4000" {attrs}></textarea>', { required: true, hint: q.question }), t('dz_act_answer_send')));
  }
  if (acts.includes('resubmit')) out.push(actForm('resubmit', t('dz_act_resubmit'), '', t('dz_act_resubmit_send'), t('dz_resubmit_note')));
  if (acts.includes('appraise')) out.push(actForm('appraise', t('dz_act_appraise'), fieldHTML('act-appraise', 'appraisal', t('dz_appraisal'), '<textarea rows="3" maxlength="4000" {attrs}></textarea>', { required: true }), t('dz_act_appraise_send')));
  if (acts.includes('decide'))
    out.push(
      actForm(
        'decide',
        t('dz_act_decide'),
        `${fieldHTML('act-decide', 'decision', t('dz_decision'), `<select {attrs}><option value="approved">${esc(decisionName('approved'))}</option><option value="rejected">${esc(decisionName('rejected'))}</option></select>`, { required: true })}
${fieldHTML('act-decide', 'certificate_no', t('dz_certificate'), '<input type="text" maxlength="64" {attrs}>', { hint: t('dz_certificate_hint') })}`,
        t('dz_act_decide_send')
      )
    );
  if (acts.includes('upload') && (who.role !== 'department' || (mine && !mine.answered_on && !mine.closed_on))) out.push(`<section class="act-form"><h3>${esc(t('dz_act_upload'))}</h3>${documentFormHTML('act-upload', t('dz_doc_file'))}</section>`);
  if (acts.includes('withdraw')) out.push(actForm('withdraw', t('dz_act_withdraw'), '', t('dz_act_withdraw_send'), t('dz_withdraw_note')));
  if (!out.length) return '';
  return `<section id="dossier-acts" aria-labelledby="acts-title"><h2 id="acts-title">${esc(t('dz_acts_title'))}</h2>${out.join('')}</section>`;
}

// The JSON body of an act's form.
function bodyOf(form) {
  const act = form.dataset.act;
  const v = (n) => (form.elements[n] ? form.elements[n].value.trim() : '');
  if (act === 'accept') {
    const b = { departments: [...form.querySelectorAll('input[name="departments"]:checked')].map((x) => x.value) };
    if (v('limit_days') !== '') {
      b.limit_days = Number(v('limit_days'));
      b.limit_kind = v('limit_kind');
    }
    if (v('consult_days') !== '') {
      b.consult_days = Number(v('consult_days'));
      b.consult_kind = v('consult_kind');
    }
    return b;
  }
  if (act === 'return') return { missing: v('missing') };
  if (act === 'opinion') return { opinion: v('opinion'), ...(v('note') ? { note: v('note') } : {}), ...(v('document') ? { document: Number(v('document')) } : {}) };
  if (act === 'ask') return { question: v('question') };
  if (act.startsWith('answer-')) return { n: Number(act.slice(7)), answer: v('answer') };
  if (act === 'appraise') return { appraisal: v('appraisal') };
  if (act === 'decide') return { decision: v('decision'), ...(v('certificate_no') ? { certificate_no: v('certificate_no') } : {}) };
  return {};
}

const DONE_KEYS = { accept: 'dz_done_accept', return: 'dz_done_return', opinion: 'dz_done_opinion', ask: 'dz_done_ask', appraise: 'dz_done_appraise', decide: 'dz_done_decide', resubmit: 'dz_done_resubmit', withdraw: 'dz_done_withdraw' };

function wireActs(page) {
  const { main, code } = page;
  for (const form of main.querySelectorAll('form.act-form')) {
    focusLinks(form);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearProblems(form);
      const act = form.dataset.act;
      if (act === 'withdraw' && !window.confirm(t('dz_withdraw_confirm'))) return;
      const path = act.startsWith('answer-') ? 'answer' : act;
      const a = await whileBusy(form, () => apiCall(`/api/v1/dossiers/${encodeURIComponent(code)}/${path}`, { method: 'POST', body: bodyOf(form) }));
      if (!a || !page.ctx.alive()) return;
      if (!a.ok) {
        showProblems(form, `act-${act}`, problemsOf(a));
        return;
      }
      await draw(page, t(DONE_KEYS[path] || 'dz_done_answer'));
    });
  }
  const up = main.querySelector('#act-upload-form');
  if (up)
    up.addEventListener('submit', async (e) => {
      e.preventDefault();
      const file = up.elements.file.files[0];
      const status = main.querySelector('#act-upload-status');
      if (!file) {
        announce(status, t('dz_doc_choose'));
        return;
      }
      const a = await whileBusy(up, () => uploadDocument(code, file));
      if (!a || !page.ctx.alive()) return;
      if (!a.ok) {
        announce(status, problemsOf(a)[0].detail);
        return;
      }
      await draw(page, t('dz_doc_added', { name: file.name }));
    });
}

let drawn = 0;

async function draw(page, said) {
  const { main, ctx, code, who } = page;
  const [a, names] = await Promise.all([apiCall(`/api/v1/dossiers/${encodeURIComponent(code)}`), departments()]);
  if (!ctx.alive()) return;
  if (!a.ok) {
    main.innerHTML = `<p class="breadcrumb"><a href="/dossiers">${esc(t('dz_list_title'))}</a></p><h1 tabindex="-1">${esc(t('dz_dossier_title'))}</h1>
<div class="error" role="alert" id="dossier-error">${esc(failureText(a))}</div>`;
    return;
  }
  const d = a.body;
  ctx.setTitle(d.project_name || d.code);
  main.innerHTML = `<p class="breadcrumb"><a href="/dossiers">${esc(t('dz_list_title'))}</a></p>
<h1 tabindex="-1">${esc(d.project_name || d.code)}</h1>
<p class="lead">${esc(procName(d.procedure))} · ${stageHTML(d.stage)}</p>
<p class="form-status" id="act-status" role="status"></p>
${factsHTML(d, names)}
${actsHTML(d, who, names)}
<section aria-labelledby="consult-h"><h2 id="consult-h">${esc(t('dz_consult_title'))}</h2>${consultationsHTML(d, names)}</section>
<section aria-labelledby="question-h"><h2 id="question-h">${esc(t('dz_q_title'))}</h2>${questionsHTML(d, names)}</section>
<section aria-labelledby="document-h"><h2 id="document-h">${esc(t('dz_docs_title'))}</h2>${documentsHTML(d, names)}</section>`;
  wireActs(page);
  main.dataset.drawn = String(++drawn); // a new drawing, for whoever waits for one
  if (said) announce(main.querySelector('#act-status'), said);
  if (said) main.querySelector('h1').focus();
}

export async function render(main, ctx) {
  const who = await pageFor(main, ctx, 'dossier', t('dz_dossier_title'), DOSSIER_READERS, () => render(main, ctx), `<p><a href="/track">${esc(t('dz_track_link'))}</a></p>`);
  if (!who) return;
  let code = ctx.match[1];
  try {
    code = decodeURIComponent(code);
  } catch (e) {
    /* the code as written */
  }
  await draw({ main, ctx, code, who }, '');
}
