// Filing a dossier (/dossiers/new), for an investor: the procedure, the
// project (one of the enterprise's own, or a new one with its name and
// zone), sent as POST /api/v1/dossiers. The answer's code and secret are
// shown once, with what each is for; then the documents are added one by
// one (PDF, PNG or JPEG, 20 MB at most), and the dossier's page is a link
// away. Each problem the API finds is shown next to its field.
import { t } from './i18n.js';
import { esc, nameText, byName } from './core.js';
import { pageFor, apiCall, problemsOf, fieldHTML, clearProblems, showProblems, focusLinks, whileBusy, announce } from './staff.js';
import { PROCEDURES, procName, dossierHref, uploadDocument, documentFormHTML } from './dossier-common.js';

const INVESTORS = ['investor'];

function formHTML(projects, zones) {
  const procOpts = PROCEDURES.map((p) => `<option value="${esc(p)}">${esc(procName(p))}</option>`).join('');
  const projOpts = [`<option value="">${esc(t('dz_new_project_new'))}</option>`, ...projects.map((p) => `<option value="${esc(p.code)}">${esc(nameText(p) || p.code)} (${esc(p.code)})</option>`)].join('');
  const zoneOpts = [`<option value="">${esc(t('dz_new_zone_none'))}</option>`, ...byName(zones).map((z) => `<option value="${esc(z.code)}">${esc(nameText(z))}</option>`)].join('');
  return `<form id="file-form" class="edit-form" novalidate>
<div class="edit-alert" id="file-alert" role="alert" tabindex="-1"></div>
${fieldHTML('file', 'procedure', t('dz_f_procedure'), `<select {attrs}>${procOpts}</select>`, { required: true })}
${fieldHTML('file', 'project_code', t('dz_new_project'), `<select {attrs}>${projOpts}</select>`, { hint: t('dz_new_project_hint') })}
${fieldHTML('file', 'project_name', t('dz_new_project_name'), `<input type="text" maxlength="200" {attrs}>`, { required: true })}
${fieldHTML('file', 'zone_code', t('dz_new_zone'), `<select {attrs}>${zoneOpts}</select>`, { hint: t('dz_new_zone_hint') })}
<div class="buttons"><button type="submit" id="file-send">${esc(t('dz_file_send'))}</button></div>
</form>`;
}

// After filing: the code and the secret, shown this once, and the
// documents' form.
function filedHTML(answer) {
  return `<section id="filed" class="filed" aria-labelledby="filed-title">
<h2 id="filed-title" tabindex="-1">${esc(t('dz_filed_title'))}</h2>
<dl class="facts">
<dt>${esc(t('dz_code'))}</dt><dd><code id="filed-code">${esc(answer.code)}</code></dd>
<dt>${esc(t('dz_secret'))}</dt><dd><code id="filed-secret">${esc(answer.secret)}</code></dd>
</dl>
<p class="note" id="filed-note">${esc(t('dz_secret_note'))}</p>
<h3>${esc(t('dz_docs_title'))}</h3>
<p>${esc(t('dz_docs_intro'))}</p>
${documentFormHTML('filed-doc', t('dz_doc_file'))}
<ul id="filed-docs"></ul>
<p><a class="button" id="filed-open" href="${esc(dossierHref(answer.code))}">${esc(t('dz_open_dossier'))}</a></p>
</section>`;
}

function wireDocuments(main, code) {
  const form = main.querySelector('#filed-doc-form');
  const status = main.querySelector('#filed-doc-status');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = form.elements.file.files[0];
    if (!file) {
      announce(status, t('dz_doc_choose'));
      return;
    }
    const a = await whileBusy(form, () => uploadDocument(code, file));
    if (!a) return;
    if (!a.ok) {
      announce(status, problemsOf(a)[0].detail);
      return;
    }
    main.querySelector('#filed-docs').insertAdjacentHTML('beforeend', `<li>${esc(file.name)}</li>`);
    form.reset();
    announce(status, t('dz_doc_added', { name: file.name }));
  });
}

export async function render(main, ctx) {
  const who = await pageFor(main, ctx, 'dossier-new', t('dz_new_title'), INVESTORS, () => render(main, ctx));
  if (!who) return;
  const [projects, zones] = await Promise.all([apiCall(`/api/v1/projects?investor=${encodeURIComponent(who.tax_code || '')}&limit=500`), apiCall('/api/v1/zones?limit=500')]);
  if (!ctx.alive()) return;
  main.innerHTML = `<p class="breadcrumb"><a href="/dossiers">${esc(t('dz_list_title'))}</a></p>
<h1 tabindex="-1">${esc(t('dz_new_title'))}</h1>
<p class="lead">${esc(t('dz_new_intro'))}</p>
<div id="file-box">${formHTML(projects.ok ? projects.body.items : [], zones.ok ? zones.body.items : [])}</div>`;
  const form = main.querySelector('#file-form');
  focusLinks(form);
  const newOnly = () => {
    const fresh = !form.elements.project_code.value;
    for (const n of ['project_name', 'zone_code']) form.querySelector(`[data-field="${n}"]`).hidden = !fresh;
  };
  form.elements.project_code.addEventListener('change', newOnly);
  newOnly();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblems(form);
    const body = { procedure: form.elements.procedure.value };
    if (form.elements.project_code.value) body.project_code = form.elements.project_code.value;
    else {
      body.project_name = form.elements.project_name.value.trim();
      if (form.elements.zone_code.value) body.zone_code = form.elements.zone_code.value;
    }
    const a = await whileBusy(form, () => apiCall('/api/v1/dossiers', { method: 'POST', body }));
    if (!a || !ctx.alive()) return;
    if (!a.ok) {
      showProblems(form, 'file', problemsOf(a));
      return;
    }
    const box = main.querySelector('#file-box');
    box.innerHTML = filedHTML(a.body);
    wireDocuments(main, a.body.code);
    box.querySelector('#filed-title').focus();
  });
}
