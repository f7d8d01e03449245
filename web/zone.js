// A zone's page: every field with its unit, its source and its confidence
// (unknown shown as unknown, never as 0), its sectors by name, a small map,
// its projects and enterprises, the umbrella zone it belongs to or the
// members it groups, and its history of changes (zone-history.js). For an
// officer, the tools that edit it (zone-edit.js); after an edit the page
// is drawn again from the zone as the API has it now.
import { t, lang, fmtNum, fmtHa, fmtMeasure } from './i18n.js';
import { esc, getAll, nameHTML, nameText, byName, placeHTML, placeText, textHTML, badge, enumText, tableWrap, unknownHTML, zoneLink, tHTML, ApiError, errorHTML } from './core.js';
import { loadSources, sourceListHTML, fmtDatePrec } from './sources.js';
import { createMap } from './mapdraw.js';
import { historySectionHTML, showHistory, fetchHistory } from './zone-history.js';
import { mountZoneTools } from './zone-edit.js';

// field, measure unit key, formatter; derived fields name their inputs
const SECTIONS = [
  [
    'z_sec_general',
    [
      ['code'],
      ['name_vi'],
      ['name_en'],
      ['name_ko'],
      ['kind', null, (v) => enumText('kind', v)],
      ['status', null, (v) => enumText('status', v)],
      ['group_code', null, 'zone'],
      ['unit_code', null, 'unit'],
      ['commune', null, 'unit'],
      ['planned_year', null, (v) => String(v)],
      ['established_on', null, 'date'],
      ['developer'],
    ],
  ],
  [
    'z_sec_land',
    [
      ['total_ha', 'ha', (v) => fmtNum(v, 2)],
      ['industrial_ha', 'ha', (v) => fmtNum(v, 2)],
      ['leased_ha', 'ha', (v) => fmtNum(v, 2)],
      ['available_ha', 'ha', (v) => fmtNum(v, 2), ['industrial_ha', 'leased_ha', 'z_derived']],
      ['occupancy_pct', 'pct', (v) => fmtNum(v, 2), ['leased_ha', 'industrial_ha', 'z_derived_pct']],
      ['occupancy_reported_pct', 'pct', (v) => fmtNum(v, 2)],
      ['lease_usd_m2', 'usd_m2', (v) => fmtNum(v, 2)],
      ['lease_until', null, 'date'],
    ],
  ],
  [
    'z_sec_location',
    [
      ['lat', null, (v) => fmtNum(v, 5)],
      ['lon', null, (v) => fmtNum(v, 5)],
      ['position', null, (v) => enumText('position', v)],
      ['km_hcmc', 'km', (v) => fmtNum(v, 1)],
      ['km_port', 'km', (v) => fmtNum(v, 1)],
    ],
  ],
  [
    'z_sec_infra',
    [
      ['wwtp_m3_day', 'm3_day', (v) => fmtNum(v, 0)],
      ['power_mva', 'mva', (v) => fmtNum(v, 1)],
      ['water_m3_day', 'm3_day', (v) => fmtNum(v, 0)],
      ['infra_complete', null, (v) => (v ? t('yes') : t('no'))],
    ],
  ],
  [
    'z_sec_other',
    [
      ['sectors', null, 'sectors'],
      ['tenants'],
      ['as_of', null, 'as_of'],
    ],
  ],
];

function known(v) {
  return v !== null && v !== undefined && v !== '';
}

function fieldRow(z, spec, ctx) {
  const [key, unit, format, derived] = spec;
  const v = z[key];
  let value;
  if (!known(v)) value = unknownHTML();
  else if (format === 'zone') value = ctx.zones.has(v) ? zoneLink(ctx.zones.get(v)) : esc(v);
  else if (format === 'unit') value = ctx.units.has(v) ? esc(`${placeText(ctx.units.get(v))} · ${v}`) : esc(v);
  else if (format === 'sectors') value = sectorsHTML(v, ctx.sectors);
  else if (format === 'as_of') value = fmtDatePrec(v, z.as_of_precision);
  else if (format === 'date') value = fmtDatePrec(v);
  else if (typeof format === 'function') value = esc(format(v));
  else value = esc(v);
  const unitText = unit ? esc(t(`u_${unit}`)) : '';
  let source;
  let conf;
  if (!known(v)) {
    source = '<span class="muted">—</span>';
    conf = '<span class="muted">—</span>';
  } else if (derived) {
    source = esc(t(derived[2], { a: t(`field_${derived[0]}`), b: t(`field_${derived[1]}`) }));
    conf = badge('confidence', z.confidence);
  } else if (key === 'code' || key === 'lat' || key === 'lon' || key === 'position') {
    if (key === 'code') source = '<span class="muted">—</span>';
    else if (z.position === 'approximate') source = `<span class="muted">${esc(t('src_centroid'))}</span>`;
    else source = sourceLinks(z, key, ctx);
    conf = key === 'code' ? '<span class="muted">—</span>' : badge('position', z.position);
  } else {
    source = sourceLinks(z, key, ctx);
    conf = badge('confidence', z.confidence);
  }
  return `<tr data-field="${esc(key)}"><th scope="row">${esc(t(`field_${key}`))}</th><td class="value">${value}</td><td>${unitText}</td><td>${source}</td><td>${conf}</td></tr>`;
}

// The provenance tokens of a zone ("total_ha=code …") as field -> code.
function provenanceOf(z) {
  const out = new Map();
  for (const tok of String(z.provenance || '').split(/\s+/)) {
    const i = tok.indexOf('=');
    if (i > 0) out.set(tok.slice(0, i), tok.slice(i + 1));
  }
  return out;
}

// Links from a field to its source: the one its provenance names, else
// every source the zone cites (numbered as in the list of sources).
function sourceLinks(z, key, ctx) {
  const refs = z.source_refs || [];
  if (!refs.length) return `<a href="#sources">${esc(t('source'))}</a>`;
  const named = ctx.provenance.get(key);
  const codes = named && refs.includes(named) ? [named] : refs;
  return codes
    .map((c) => {
      const s = ctx.sources.get(c);
      const label = s ? [s.publisher, s[`title_${lang()}`] || s.title].filter(Boolean).join(': ') : c;
      return `<a class="src-ref" href="#src-${esc(c)}" title="${esc(label)}" aria-label="${esc(t('source'))} ${refs.indexOf(c) + 1}: ${esc(label)}">[${refs.indexOf(c) + 1}]</a>`;
    })
    .join(' ');
}

function sectorsHTML(codes, sectors) {
  const list = String(codes).split(/\s+/).filter(Boolean);
  return `<ul class="inline-list">${list
    .map((c) => {
      const s = sectors.get(c);
      return `<li>${esc(c)}${s ? ` — ${nameHTML(s)}` : ''}</li>`;
    })
    .join('')}</ul>`;
}

function projectsHTML(items) {
  if (!items.length) return `<p class="empty">${esc(t('z_no_projects'))}</p>`;
  const rows = items
    .map(
      (p) => `<tr><td>${esc(p.code)}</td><td>${esc(p.name || t('unknown'))}</td><td>${esc(p.investor_tax_code || t('unknown'))}</td>
<td class="num">${esc(fmtMeasure(p.capital_usd, 'usd', 0))}</td><td class="num">${esc(fmtHa(p.land_ha))}</td>
<td class="num">${esc(fmtNum(p.jobs, 0))}</td><td>${esc(p.status ? t(`pstatus_${p.status}`) : t('unknown'))}</td>
<td>${fmtDatePrec(p.registered_on)}</td><td>${esc(p.country || t('unknown'))}</td></tr>`
    )
    .join('');
  const head = ['p_code', 'p_name', 'p_investor', 'p_capital', 'p_land', 'p_jobs', 'col_status', 'p_registered', 'e_country']
    .map((k) => `<th scope="col">${esc(t(k))}</th>`)
    .join('');
  return tableWrap(t('z_projects'), `<table class="data"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`);
}

function enterprisesHTML(items) {
  if (!items.length) return `<p class="empty">${esc(t('z_no_enterprises'))}</p>`;
  const rows = items
    .map(
      (e) => `<tr><td>${esc(e.tax_code)}</td><td>${esc((lang() !== 'vi' && e.name_en) || e.name || t('unknown'))}</td>
<td>${esc(e.country || t('unknown'))}</td><td>${esc(e.ownership ? t(`ownership_${e.ownership}`) : t('unknown'))}</td>
<td>${esc(e.vsic || t('unknown'))}</td><td class="num">${esc(fmtNum(e.employees, 0))}</td>
<td>${esc(e.supplier === null || e.supplier === undefined ? t('unknown') : e.supplier ? t('yes') : t('no'))}</td></tr>`
    )
    .join('');
  const head = ['e_tax', 'e_name', 'e_country', 'e_ownership', 'e_sector', 'e_employees', 'e_supplier']
    .map((k) => `<th scope="col">${esc(t(k))}</th>`)
    .join('');
  return tableWrap(t('z_enterprises'), `<table class="data"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`);
}

// Zones in the order of their names in the page's language.
function memberList(list) {
  return `<ul class="members">${byName(list)
    .map((m) => `<li>${zoneLink(m)} — ${esc(fmtHa(m.total_ha))}, ${esc(enumText('status', m.status))}</li>`)
    .join('')}</ul>`;
}

function groupHTML(z, all) {
  const members = all.filter((m) => m.group_code === z.code);
  if (members.length) {
    return `<p>${esc(t('z_umbrella_note'))}</p><h3>${esc(t('z_members'))} (${esc(fmtNum(members.length, 0))})</h3>${memberList(members)}`;
  }
  if (z.group_code) {
    const umbrella = all.find((m) => m.code === z.group_code);
    const name = umbrella ? zoneLink(umbrella) : esc(z.group_code);
    const siblings = all.filter((m) => m.group_code === z.group_code && m.code !== z.code);
    return `<p>${t('z_member_of', { name })}</p>${
      siblings.length ? `<h3>${esc(t('z_siblings'))}</h3>${memberList(siblings)}` : ''
    }`;
  }
  return `<p>${esc(t('z_no_group'))}</p>`;
}

// ===== the zone's data: read afresh, with its version =====

// JSON of url with its ETag: the request index.html started when there is
// one, else a new one (never the page's cache: the zone may have changed).
async function fetchWithTag(url) {
  const pre = window.khuPre && window.khuPre[url];
  if (pre) delete window.khuPre[url];
  const r = await (pre || fetch(url, { headers: { Accept: 'application/json' } }));
  const body = await r.json().catch(() => null);
  if (!r.ok) throw new ApiError((body && body.detail) || `HTTP ${r.status}`, r.status, body && body.param);
  return { body, etag: r.headers.get('ETag') };
}

export async function render(main, ctx) {
  const { zone: zoneURL, ...others } = ctx.urls;
  // the history's first page is asked for with the zone, not after it
  let code = ctx.match[1];
  try {
    code = decodeURIComponent(code);
  } catch (e) {
    /* not percent-encoded text: the API answers it as no zone */
  }
  const history = fetchHistory(code);
  history.catch(() => {}); // its error is shown in its section
  let loaded;
  let data;
  try {
    [loaded, data] = await Promise.all([fetchWithTag(zoneURL), getAll(others)]);
  } catch (e) {
    if (e.status === 404) {
      ctx.setTitle(t('z_not_found', { code: ctx.match[1] }));
      main.innerHTML = `<h1 tabindex="-1">${esc(t('z_not_found', { code }))}</h1>
<p><a href="/finder">${esc(t('back_finder'))}</a></p>`;
      return;
    }
    throw e;
  }
  if (!ctx.alive()) return;
  // what the page shows, kept to draw it again after an edit
  const page = { main, ctx, data: { ...data, zone: loaded.body }, etag: loaded.etag, history, after: null, map: null, stop: null };
  ctx.onLeave(() => leave(page));
  await draw(page);
}

// Removes what a drawing of the page left running: its map, its tools.
function leave(page) {
  if (page.map) page.map.remove();
  if (page.stop) page.stop();
  page.map = null;
  page.stop = null;
}

// Reads the zone and the zones again, then draws the page with them.
// after: what to do once drawn ({notice, focus, reopen}, zone-edit.js).
async function refresh(page, after) {
  const { ctx } = page;
  try {
    const [loaded, all] = await Promise.all([fetchWithTag(ctx.urls.zone), fetchWithTag(ctx.urls.all)]);
    if (!ctx.alive()) return;
    page.data = { ...page.data, zone: loaded.body, all: all.body };
    page.etag = loaded.etag;
  } catch (e) {
    if (ctx.alive()) page.main.querySelector('#zone-tools').insertAdjacentHTML('beforeend', errorHTML(e));
    return;
  }
  page.history = null;
  page.after = after || null;
  await draw(page);
}

async function draw(page) {
  const { main, ctx, data } = page;
  const z = data.zone;
  const sources = await loadSources(z.source_refs || []);
  if (!ctx.alive()) return;
  leave(page);
  const all = (data.all.features || []).map((f) => f.properties);
  const lookups = {
    sources,
    provenance: provenanceOf(z),
    zones: new Map(all.map((x) => [x.code, x])),
    units: new Map(data.units.items.map((u) => [u.code, u])),
    sectors: new Map(),
  };
  for (const s of data.sectors.items) if (!lookups.sectors.has(s.code) || s.version === '2018') lookups.sectors.set(s.code, s);
  ctx.setTitle(nameText(z));
  const sections = SECTIONS.map(
    ([title, fields]) => `<tbody><tr class="section"><th scope="rowgroup" colspan="5"><span class="keep">${esc(t(title))}</span></th></tr>
${fields.map((f) => fieldRow(z, f, lookups)).join('\n')}</tbody>`
  ).join('');
  const head = ['z_field', 'value', 'z_unit', 'source', 'z_confidence'].map((k) => `<th scope="col">${esc(t(k))}</th>`).join('');
  main.innerHTML = `<p class="crumbs"><a href="/finder">${esc(t('back_finder'))}</a></p>
<h1 tabindex="-1">${placeHTML(z)}</h1>
<p class="badges">${badge('kind', z.kind)} ${badge('status', z.status)} <span class="muted">${esc(t('col_confidence'))}:</span> ${badge('confidence', z.confidence)}${
    z.as_of ? ` <span class="muted">${tHTML('z_as_of', { date: { html: fmtDatePrec(z.as_of, z.as_of_precision) } })}</span>` : ''
  }</p>${textHTML(z, 'confidence_note', 'p', 'note conf-note')}
<div id="zone-tools"></div>
<section aria-labelledby="about-h" class="zone-about"><h2 id="about-h">${esc(t('z_about'))}</h2>
${textHTML(z, 'summary', 'p', 'summary') || `<p class="muted">${esc(t('z_no_summary'))}</p>`}
${z.note ? `<details class="keeper-note"><summary>${esc(t('z_keeper_note'))}</summary><p lang="en">${esc(z.note)}</p></details>` : ''}
</section>
<div class="zone-layout">
<section aria-labelledby="details-h" class="zone-details">
<h2 id="details-h">${esc(t('z_details'))}</h2>
${tableWrap(t('z_details'), `<table class="data fields" id="zone-fields"><thead><tr>${head}</tr></thead>${sections}</table>`)}
</section>
<aside class="zone-side">
<section aria-labelledby="zmap-h"><h2 id="zmap-h">${esc(t('z_map'))}</h2>
<div id="zone-map" class="map small" role="region" aria-label="${esc(t('z_map'))}"></div>
${z.position === 'approximate' ? `<p class="note">${esc(t('approx_note'))}</p>` : ''}
${z.position === 'area_centre' ? `<p class="note" id="area-centre-note">${esc(t('area_centre_note'))}</p>` : ''}
${z.lat === null ? `<p class="note">${unknownHTML()}</p>` : ''}
</section>
<section aria-labelledby="group-h"><h2 id="group-h">${esc(t('z_group'))}</h2>${groupHTML(z, all)}</section>
<section aria-labelledby="sources-h" id="sources" tabindex="-1"><h2 id="sources-h">${esc(t('sources'))}</h2>${sourceListHTML(z.source_refs, sources, z.source, z.source_unregistered)}</section>
</aside>
</div>
<section aria-labelledby="projects-h"><h2 id="projects-h">${esc(t('z_projects'))}</h2>${projectsHTML(data.projects.items || [])}</section>
<section aria-labelledby="ent-h"><h2 id="ent-h">${esc(t('z_enterprises'))}</h2>${enterprisesHTML(data.enterprises.items || [])}</section>
${historySectionHTML()}`;
  const el = main.querySelector('#zone-map');
  const m = createMap(el, { config: data.config, outline: data.outline, units: data.units.items, small: true });
  const feature = (data.all.features || []).find((f) => f.properties.code === z.code);
  const features = feature ? [feature] : [];
  m.setZones(features);
  m.fit(features);
  page.map = m;
  showHistory(main.querySelector('#history'), z.code, page.history, sources);
  page.stop = mountZoneTools(main.querySelector('#zone-tools'), {
    zone: z,
    etag: page.etag,
    units: data.units.items,
    zones: all,
    sources,
    after: page.after,
    alive: ctx.alive,
    refresh: (after) => refresh(page, after),
  });
}
