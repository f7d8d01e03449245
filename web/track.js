// A dossier's stage for whoever holds its code and secret (/track), without
// signing in: POST /api/v1/dossier_stage (a POST, so that the secret stays
// out of the address, the history and the logs). Shows the stage, its
// dates and which departments have answered, not what they said. The code
// may come in the address (/track?code=…); the secret never does.
import { t, fmtDate } from './i18n.js';
import { esc } from './core.js';
import { apiCall, problemsOf, fieldHTML, clearProblems, showProblems, focusLinks, whileBusy } from './staff.js';
import { procName, stageHTML, decisionName, departments, deptName } from './dossier-common.js';

function stageHTMLOf(s, names) {
  const facts = [
    [t('dz_code'), `<code>${esc(s.code)}</code>`],
    [t('dz_f_procedure'), esc(procName(s.procedure))],
    [t('dz_col_stage'), stageHTML(s.stage)],
    [t('dz_col_submitted'), esc(fmtDate(s.submitted_on))],
  ];
  if (s.accepted_on) facts.push([t('dz_accepted_on'), esc(fmtDate(s.accepted_on))]);
  if (s.due_on) facts.push([t('dz_due_on'), esc(fmtDate(s.due_on))]);
  if (s.decision) facts.push([t('dz_decision'), `${esc(decisionName(s.decision))} (${esc(fmtDate(s.decided_on))})`]);
  const depts = (s.departments || []).map(
    (d) => `<li data-department="${esc(d.department)}" data-answered="${d.answered ? 1 : 0}">${esc(deptName(names, d.department))}: ${esc(d.answered ? t('dz_track_answered', { date: fmtDate(d.answered_on) }) : d.due_on ? t('dz_track_waiting_due', { due: fmtDate(d.due_on) }) : t('dz_c_waiting'))}</li>`
  );
  return `<section id="track-result" aria-labelledby="track-result-h"><h2 id="track-result-h" tabindex="-1">${esc(t('dz_track_result'))}</h2>
<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>
<h3>${esc(t('dz_consult_title'))}</h3>
${depts.length ? `<ul id="track-departments">${depts.join('')}</ul>` : `<p>${esc(t(s.accepted_on ? 'dz_consult_none' : 'dz_consult_not_yet'))}</p>`}
<p class="note">${esc(t('dz_track_note'))}</p></section>`;
}

export async function render(main, ctx) {
  ctx.setTitle(t('dz_track_title'));
  const code = ctx.params.get('code') || '';
  main.innerHTML = `<h1 tabindex="-1">${esc(t('dz_track_title'))}</h1>
<p class="lead">${esc(t('dz_track_intro'))}</p>
<form id="track-form" class="edit-form" novalidate>
<div class="edit-alert" id="track-alert" role="alert" tabindex="-1"></div>
${fieldHTML('track', 'code', t('dz_code'), `<input type="text" autocomplete="off" spellcheck="false" maxlength="64" value="${esc(code)}" {attrs}>`, { required: true })}
${fieldHTML('track', 'secret', t('dz_secret'), '<input type="password" autocomplete="off" spellcheck="false" maxlength="128" {attrs}>', { required: true, hint: t('dz_track_secret_hint') })}
<div class="buttons"><button type="submit" id="track-send">${esc(t('dz_track_send'))}</button></div>
</form>
<div id="track-box"></div>
<p><a href="/performance">${esc(t('dz_performance_link'))}</a></p>`;
  const form = main.querySelector('#track-form');
  focusLinks(form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblems(form);
    const body = { code: form.elements.code.value.trim(), secret: form.elements.secret.value.trim() };
    const a = await whileBusy(form, () => apiCall('/api/v1/dossier_stage', { method: 'POST', body }));
    if (!a || !ctx.alive()) return;
    const box = main.querySelector('#track-box');
    if (!a.ok) {
      box.innerHTML = '';
      showProblems(form, 'track', problemsOf(a));
      return;
    }
    const names = await departments();
    if (!ctx.alive()) return;
    box.innerHTML = stageHTMLOf(a.body, names);
    box.querySelector('#track-result-h').focus();
  });
}
