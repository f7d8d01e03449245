// What the linkage desk's pages share (suppliers.js, supplier.js,
// demands.js, demand.js, pipeline.js, linkage.js): the supplier finder's
// criteria and score bars, money and shares as the reader writes them, the
// stages of a match, and links to a supplier's profile and a demand.
import { t, lang, fmtNum, fmtPct } from './i18n.js';
import { esc } from './core.js';

// The supplier finder's criteria (GET /api/v1/match/suppliers), in the
// order of its weights.
export const CRITERIA = ['capability', 'certification', 'sector', 'capacity', 'distance', 'experience'];
export const DEMAND_STATUSES = ['open', 'matched', 'closed'];
export const VOLUME_UNITS = ['pieces', 'sets', 'kg', 'tonnes', 'm2', 'm3', 'hours'];
export const STAGES = ['proposed', 'interest', 'accepted', 'declined', 'meeting', 'contract', 'closed'];
// Who sees the pipeline: the API decides which matches each one sees.
export const PIPELINE_READERS = ['admin', 'officer', 'viewer', 'investor', 'supplier'];

export function supplierHref(tax) {
  return `/suppliers/${encodeURIComponent(tax)}`;
}

export function demandHref(code) {
  return `/demands/${encodeURIComponent(code)}`;
}

// An enterprise's name in the page's language: its English name on an
// English page when it has one, else its Vietnamese name.
export function entName(e) {
  if (!e) return t('unknown');
  if (lang() === 'en' && e.name_en) return e.name_en;
  return e.name_vi || e.name || e.tax_code || t('unknown');
}

// A yearly value in US dollars, or unknown.
export function usd(v) {
  if (v === null || v === undefined || v === '') return t('unknown');
  return t('lk_usd', { v: fmtNum(Number(v), 0) });
}

// A share in per cent, or the words for a share with no demand to count.
export function shareText(v) {
  if (v === null || v === undefined) return t('lk_share_none');
  return fmtPct(v, 1);
}

export function ownershipText(v) {
  return v ? t(`ownership_${v}`) : t('unknown');
}

export function stageText(s) {
  return t(`lk_stage_${s}`);
}

export function stageBadge(s) {
  return `<span class="badge lk-stage lk-stage-${esc(s)}">${esc(stageText(s))}</span>`;
}

export function statusText(s) {
  return s ? t(`lk_status_${s}`) : t('unknown');
}

// A token list ("cnc-machining stamping" or an array) as a list of codes.
export function tokensHTML(list) {
  const items = Array.isArray(list) ? list : String(list || '').split(/\s+/);
  const shown = items.filter(Boolean);
  if (!shown.length) return `<span class="unknown">${esc(t('unknown'))}</span>`;
  return shown.map((x) => `<code class="token">${esc(x)}</code>`).join(' ');
}

export function legendHTML() {
  return `<div class="score-legend" id="lk-legend"><p class="legend-h">${esc(t('lk_legend'))}</p>
<ul>${CRITERIA.map((c) => `<li><span class="seg-key lk-c-${c}" aria-hidden="true"></span> ${esc(t(`lk_crit_${c}`))}</li>`).join('')}</ul></div>`;
}

// The score of a result as a bar, one segment per criterion's contribution,
// read out as one sentence.
export function scoreBarHTML(x) {
  const parts = CRITERIA.filter((c) => x.contributions && x.contributions[c] > 0);
  const label = t('lk_score_label', {
    score: fmtNum(x.score, 1),
    parts: parts.map((c) => `${t(`lk_crit_${c}`)} ${fmtNum(x.contributions[c], 1)}`).join(t('list_sep')),
  });
  const segs = parts
    .map((c) => {
      const v = x.contributions[c];
      return `<span class="seg lk-c-${c}" data-criterion="${c}" style="width:${Math.max(0, Math.min(100, v))}%" title="${esc(`${t(`lk_crit_${c}`)}: ${fmtNum(v, 1)}`)}"></span>`;
    })
    .join('');
  return `<div class="scorebar" role="img" aria-label="${esc(label)}">${segs}</div>`;
}

// Each criterion's contribution in figures, for whoever does not read bars.
export function contributionsHTML(x) {
  const c = x.contributions || {};
  const items = CRITERIA.filter((k) => k in c).map((k) => `<li data-criterion="${k}">${esc(t(`lk_crit_${k}`))}: <span class="num">${esc(fmtNum(c[k], 1))}</span></li>`);
  return items.length ? `<ul class="lk-contrib" aria-label="${esc(t('lk_contributions'))}">${items.join('')}</ul>` : '';
}

export function reasonsHTML(x) {
  const list = x.reasons || [];
  if (!list.length) return '';
  return `<ul class="reasons" aria-label="${esc(t('lk_reasons'))}">${list
    .map((r) => `<li class="reason r-${esc(r.kind)}" data-kind="${esc(r.kind)}" data-criterion="${esc(r.criterion || '')}">${esc(r.text)}</li>`)
    .join('')}</ul>`;
}

export function scoreText(x) {
  return t('lk_score', { score: fmtNum(x.score, 1) });
}
