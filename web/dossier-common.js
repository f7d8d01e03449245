// What the dossiers' pages share (dossiers.js, dossier.js, dossier-new.js,
// queue.js, track.js): the names of procedures, stages, opinions and
// departments in the page's language, and a clock as a reader says it:
// due on a day, so many working days left, overdue by so many, stopped
// while a question waits for the investor, no limit known, and whether the
// due day rests on a provisional year of the calendar.
import { t, lang, fmtDate, fmtNum } from './i18n.js';
import { esc } from './core.js';
import { apiCall } from './staff.js';

// The roles that see dossiers, and those that handle them.
export const DOSSIER_READERS = ['investor', 'officer', 'admin', 'viewer', 'department'];
export const DOSSIER_STAFF = ['officer', 'admin', 'viewer'];

export const PROCEDURES = ['policy_approval', 'irc_issue', 'irc_adjust', 'land_lease', 'env_permit', 'construction_permit'];
export const STAGES = ['received', 'returned', 'consulting', 'appraising', 'decided', 'withdrawn'];

export function procName(code) {
  return PROCEDURES.includes(code) ? t(`proc_${code}`) : code || t('unknown');
}

export function stageName(stage) {
  return STAGES.includes(stage) ? t(`dz_stage_${stage}`) : stage || t('unknown');
}

export function stageHTML(stage) {
  return `<span class="stage stage-${esc(stage)}">${esc(stageName(stage))}</span>`;
}

export function opinionName(o) {
  return ['agree', 'agree_with_conditions', 'disagree'].includes(o) ? t(`dz_opinion_${o}`) : o || '';
}

export function decisionName(d) {
  return ['approved', 'rejected'].includes(d) ? t(`dz_decision_${d}`) : d || '';
}

// The departments by code: {code: name in the page's language}, asked once
// per language.
const departmentNames = new Map();
export async function departments() {
  const l = lang();
  if (!departmentNames.has(l)) {
    departmentNames.set(
      l,
      (async () => {
        const a = await apiCall('/api/v1/departments?limit=500');
        const names = {};
        if (a.ok) for (const d of a.body.items) names[d.code] = d.name || d.name_vi || d.code;
        return names;
      })()
    );
  }
  return departmentNames.get(l);
}

export function deptName(names, code) {
  return (names && names[code]) || code || t('unknown');
}

// The sentence of a clock (the API's clock object).
export function clockText(c) {
  if (!c) return '';
  const due = c.due ? fmtDate(c.due) : '';
  switch (c.state) {
    case 'not_started':
      return t('dz_clock_not_started');
    case 'unknown':
      return t('dz_clock_unknown');
    case 'paused':
      return c.due ? t('dz_clock_paused_due', { due }) : t('dz_clock_paused');
    case 'done':
      return c.late ? t('dz_clock_done_late', { n: fmtNum(c.working_days_taken, 0) }) : t('dz_clock_done', { n: fmtNum(c.working_days_taken, 0) });
    case 'running':
      if (!c.due) return t('dz_clock_unknown');
      if (c.overdue) return c.working_days_left < 0 ? t('dz_clock_overdue', { due, n: fmtNum(-c.working_days_left, 0) }) : t('dz_clock_overdue_since', { due });
      if (c.working_days_left === 0) return t('dz_clock_due_today', { due });
      return t('dz_clock_left', { due, n: fmtNum(c.working_days_left, 0) });
    default:
      return c.state || '';
  }
}

// The clock as HTML: its sentence, marked overdue or paused, and a note
// when the calendar of a year it counts over is provisional or unknown.
export function clockHTML(c) {
  if (!c) return '';
  const cls = c.overdue ? 'clock overdue' : c.state === 'paused' ? 'clock paused' : c.state === 'done' && c.late ? 'clock late' : 'clock';
  let note = '';
  // the badge's meaning: a tooltip for the mouse, read out after it for a screen reader
  const badge = (word, meaning) => ` <span class="clock-provisional" title="${esc(meaning)}">${esc(word)}</span><span class="visually-hidden"> ${esc(meaning)}</span>`;
  if (c.calendar === 'provisional' && c.due) note = badge(t('dz_provisional'), t('dz_provisional_note'));
  else if (c.calendar === 'unknown' && c.due) note = badge(t('dz_calendar_unknown'), t('dz_calendar_unknown_note'));
  return `<span class="${cls}" data-state="${esc(c.state)}">${esc(clockText(c))}</span>${note}`;
}

// The limit a dossier or consultation counts: "30 working days", or
// unknown.
export function limitText(days, kind) {
  if (days === null || days === undefined) return t('dz_limit_unknown');
  return `${fmtNum(days, 0)} ${t(`daykind_${kind === 'calendar' ? 'calendar' : 'working'}`)}`;
}

// A dossier's page address.
export function dossierHref(code) {
  return `/dossiers/${encodeURIComponent(code)}`;
}

// The types of document a dossier takes, and the largest size.
export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

// Sends file (a File of the page) as a document of dossier code. Resolves
// as apiCall does; a file of another type or too large is refused here
// with the same words as the server's, before it is sent.
export async function uploadDocument(code, file) {
  if (!DOCUMENT_TYPES.includes(file.type)) return { ok: false, status: 415, body: { detail: t('dz_doc_type_refused', { name: file.name }) } };
  if (file.size > DOCUMENT_MAX_BYTES) return { ok: false, status: 413, body: { detail: t('dz_doc_too_large', { name: file.name }) } };
  let r;
  try {
    r = await fetch(`/api/v1/dossiers/${encodeURIComponent(code)}/documents?name=${encodeURIComponent(file.name)}&lang=${lang()}`, {
      method: 'POST',
      headers: { 'Content-Type': file.type, Accept: 'application/json' },
      body: file,
      cache: 'no-store',
    });
  } catch (e) {
    return { ok: false, status: 0, body: null, error: e.message || String(e) };
  }
  const json = await r.json().catch(() => null);
  return { ok: r.ok, status: r.status, body: json };
}

// The file input and button of a document form (prefix p).
export function documentFormHTML(p, label) {
  return `<form id="${p}-form" class="doc-form" novalidate>
<div class="field"><label for="${p}-file">${esc(label)}</label>
<input type="file" id="${p}-file" name="file" accept="${DOCUMENT_TYPES.join(',')}" aria-describedby="${p}-file-hint">
<p class="hint" id="${p}-file-hint">${esc(t('dz_doc_hint'))}</p></div>
<div class="buttons"><button type="submit" id="${p}-send">${esc(t('dz_doc_send'))}</button></div>
<p class="form-status" id="${p}-status" role="status"></p>
</form>`;
}
