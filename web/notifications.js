// One's own reminders and alerts of dossiers' clocks (/notifications):
// a department's opinion due within a few working days (reminder) or past
// its due day (overdue, for the officers and the department's head),
// newest first (GET /api/v1/notifications), with whether each was mailed;
// each is marked read (POST /api/v1/notifications/{id}/read) by its
// button or by opening its dossier.
import { t, fmtDate } from './i18n.js';
import { esc } from './core.js';
import { pageFor, apiCall, failureText, timeHTML, announce } from './staff.js';
import { departments, deptName, dossierHref } from './dossier-common.js';

const READERS = ['investor', 'officer', 'admin', 'department', 'viewer', 'supplier'];

function itemHTML(n, names) {
  const what = t(n.kind === 'overdue' ? 'dz_note_overdue' : 'dz_note_reminder', { department: deptName(names, n.department), due: fmtDate(n.due_on) });
  const mail = n.mailed ? t('dz_note_mailed') : n.mail_error ? t('dz_note_mail_failed', { error: n.mail_error }) : t('dz_note_not_mailed');
  return `<li class="notification ${n.read ? 'read' : 'unread'} kind-${esc(n.kind)}" data-id="${n.id}" data-kind="${esc(n.kind)}">
<p><strong>${esc(what)}</strong></p>
<p><a class="note-open" data-id="${n.id}" href="${esc(dossierHref(n.dossier_code))}">${esc(n.dossier_code)}</a> · ${timeHTML(n.created)} · <span class="muted">${esc(mail)}</span></p>
${n.read ? `<p class="muted">${esc(t('dz_note_read'))}</p>` : `<button type="button" class="secondary note-read" data-id="${n.id}">${esc(t('dz_note_mark_read'))}</button>`}</li>`;
}

async function markRead(id) {
  return apiCall(`/api/v1/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} });
}

async function draw(main, ctx, said) {
  const [a, names] = await Promise.all([apiCall('/api/v1/notifications?limit=200'), departments()]);
  if (!ctx.alive()) return;
  const box = main.querySelector('#note-box');
  if (!a.ok) {
    box.innerHTML = `<div class="error" role="alert">${esc(failureText(a))}</div>`;
    return;
  }
  const items = a.body.items || [];
  const unread = items.filter((n) => !n.read).length;
  box.innerHTML = items.length
    ? `<p id="note-count">${esc(t('dz_note_count', { n: items.length, unread }))}</p><ul id="note-list" class="notifications">${items.map((n) => itemHTML(n, names)).join('')}</ul>`
    : `<p id="note-none">${esc(t('dz_note_none'))}</p>`;
  for (const b of box.querySelectorAll('button.note-read'))
    b.addEventListener('click', async () => {
      const r = await markRead(b.dataset.id);
      if (!ctx.alive()) return;
      if (!r.ok) announce(main.querySelector('#note-status'), failureText(r));
      else await draw(main, ctx, t('dz_note_marked'));
    });
  for (const link of box.querySelectorAll('a.note-open'))
    link.addEventListener('click', () => {
      const li = link.closest('li');
      if (li && li.classList.contains('unread')) markRead(link.dataset.id);
    });
  if (said) announce(main.querySelector('#note-status'), said);
}

export async function render(main, ctx) {
  const who = await pageFor(main, ctx, 'notifications', t('dz_note_title'), READERS, () => render(main, ctx));
  if (!who) return;
  main.innerHTML = `<h1 tabindex="-1">${esc(t('dz_note_title'))}</h1>
<p class="lead">${esc(t('dz_note_intro'))}</p>
<p class="form-status" id="note-status" role="status"></p>
<div id="note-box" aria-live="polite"><p class="loading">${esc(t('loading'))}</p></div>`;
  await draw(main, ctx, '');
}
