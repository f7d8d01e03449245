// The supplier directory (/suppliers): every enterprise marked as a
// supplier (GET /api/v1/enterprises?supplier=1), filtered by name, sector
// (a VSIC code), administrative unit and ownership, 50 a page, each
// linking to its profile, and the page's suppliers with a known place on
// the map (the table is the same list, for the keyboard and screen
// readers). The filter is kept in the address's fragment
// (#unit=795&ownership=domestic).
import { t, lang, fmtDate } from './i18n.js';
import { esc, getJSON, nameText, tableWrap } from './core.js';
import { createMap } from './mapdraw.js';
import { apiCall, failureText, readHash, writeHash, queryOf } from './staff.js';
import { supplierHref, entName, ownershipText, tokensHTML } from './linkage-common.js';

const PAGE = 50;
const OWNERSHIPS = ['domestic', 'state', 'fdi'];

function filtersHTML(state, units) {
  const opt = (v, text, cur) => `<option value="${esc(v)}"${v === cur ? ' selected' : ''}>${esc(text)}</option>`;
  return `<form id="sup-filters" class="inline-filters" role="search" aria-label="${esc(t('lk_sup_filters'))}">
<div class="field"><label for="sup-q">${esc(t('lk_f_q'))}</label><input type="search" id="sup-q" name="q" value="${esc(state.q)}"></div>
<div class="field"><label for="sup-sector">${esc(t('lk_f_sector'))}</label><input type="text" id="sup-sector" name="sector" inputmode="numeric" value="${esc(state.sector)}" aria-describedby="sup-sector-hint" size="8"><p class="hint" id="sup-sector-hint">${esc(t('lk_f_sector_hint'))}</p></div>
<div class="field"><label for="sup-unit">${esc(t('lk_f_unit'))}</label>
<select id="sup-unit" name="unit">${opt('', t('lk_any'), state.unit)}${units.map((u) => opt(u.code, nameText(u), state.unit)).join('')}</select></div>
<div class="field"><label for="sup-ownership">${esc(t('lk_f_ownership'))}</label>
<select id="sup-ownership" name="ownership">${opt('', t('lk_any'), state.ownership)}${OWNERSHIPS.map((o) => opt(o, ownershipText(o), state.ownership)).join('')}</select></div>
<div class="buttons"><button type="submit" id="sup-apply">${esc(t('adm_apply'))}</button></div>
</form>`;
}

function rowHTML(x, unitName) {
  return `<tr data-tax="${esc(x.tax_code)}">
<th scope="row"><a href="${esc(supplierHref(x.tax_code))}">${esc(entName(x))}</a><br><span class="muted code">${esc(x.tax_code)}</span></th>
<td>${esc(x.vsic || t('unknown'))}</td>
<td>${esc(x.unit_code ? unitName(x.unit_code) : t('unknown'))}</td>
<td>${esc(ownershipText(x.ownership))}</td>
<td>${tokensHTML(x.capabilities)}</td>
<td>${tokensHTML(x.certifications)}</td>
<td class="lk-verified">${x.verified_on ? esc(t('lk_verified_on', { date: fmtDate(x.verified_on) })) : `<span class="muted">${esc(t('lk_not_verified'))}</span>`}</td>
</tr>`;
}

async function loadList(page) {
  const box = page.main.querySelector('#sup-list');
  box.setAttribute('aria-busy', 'true');
  const s = page.state;
  const q = queryOf({ supplier: 1, q: s.q, sector: s.sector, unit: s.unit, ownership: s.ownership, limit: PAGE, cursor: s.cursor });
  const a = await apiCall(`/api/v1/enterprises?${q}`);
  if (!page.ctx.alive()) return;
  box.removeAttribute('aria-busy');
  if (!a.ok) {
    box.innerHTML = `<div class="error" role="alert">${esc(failureText(a))}</div>`;
    return;
  }
  const body = a.body;
  if (!body.items.length) {
    drawMarkers(page, []);
    box.innerHTML = `<p id="sup-none">${esc(t('lk_sup_none'))}</p>`;
    return;
  }
  drawMarkers(page, body.items);
  const more = body.next_cursor !== null && body.next_cursor !== undefined;
  box.innerHTML = `<p id="sup-count">${esc(t('lk_sup_count', { n: String(body.total) }))}</p>
${tableWrap(
  t('lk_sup_caption'),
  `<table id="sup-table"><caption>${esc(t('lk_sup_caption'))}</caption>
<thead><tr><th scope="col">${esc(t('lk_col_supplier'))}</th><th scope="col">${esc(t('lk_col_vsic'))}</th><th scope="col">${esc(t('lk_col_unit'))}</th><th scope="col">${esc(t('lk_col_ownership'))}</th><th scope="col">${esc(t('lk_col_processes'))}</th><th scope="col">${esc(t('lk_col_certs'))}</th><th scope="col">${esc(t('lk_col_verified'))}</th></tr></thead>
<tbody>${body.items.map((x) => rowHTML(x, page.unitName)).join('')}</tbody></table>`
)}
<div class="pager">${s.cursor ? `<button type="button" class="secondary" id="sup-first">${esc(t('lk_first_page'))}</button> ` : ''}${more ? `<button type="button" class="secondary" id="sup-next">${esc(t('dz_next'))}</button>` : ''}</div>`;
  const first = box.querySelector('#sup-first');
  const next = box.querySelector('#sup-next');
  if (first)
    first.addEventListener('click', () => {
      s.cursor = '';
      keep(page);
      loadList(page);
    });
  if (next)
    next.addEventListener('click', () => {
      s.cursor = String(body.next_cursor);
      keep(page);
      loadList(page);
    });
}

// The suppliers of the page that have a place, as dots on the map; a dot
// names its supplier and opens its profile.
function drawMarkers(page, items) {
  const m = page.map;
  if (!m) return;
  const L = window.L;
  page.layer.clearLayers();
  const placed = items.filter((x) => x.lat !== null && x.lat !== undefined && x.lon !== null && x.lon !== undefined);
  for (const x of placed) {
    L.circleMarker([x.lat, x.lon], { radius: 7, color: '#fff', weight: 1.5, fillColor: '#0b5cad', fillOpacity: 0.9, className: 'sup-dot' })
      .bindTooltip(entName(x))
      .on('click', () => page.ctx.navigate(supplierHref(x.tax_code)))
      .addTo(page.layer);
  }
  m.fit(placed.map((x) => ({ geometry: { coordinates: [x.lon, x.lat] } })));
  const note = page.main.querySelector('#sup-map-count');
  if (note) note.textContent = t('lk_sup_map_count', { n: String(placed.length), total: String(items.length) });
}

function keep(page) {
  const s = page.state;
  writeHash(page.ctx, { q: s.q, sector: s.sector, unit: s.unit, ownership: s.ownership, cursor: s.cursor });
}

export async function render(main, ctx) {
  ctx.setTitle(t('lk_sup_title'));
  const h = readHash();
  const state = { q: h.get('q') || '', sector: h.get('sector') || '', unit: h.get('unit') || '', ownership: h.get('ownership') || '', cursor: h.get('cursor') || '' };
  if (!OWNERSHIPS.includes(state.ownership)) state.ownership = '';
  const [unitList, config] = await Promise.all([getJSON(`/api/v1/units?limit=500&lang=${lang()}`), getJSON('/api/v1/config')]);
  const outline = await getJSON(`/static/${config.assets_version}/outline.json`).catch(() => null);
  if (!ctx.alive()) return;
  const units = unitList.items;
  const byCode = new Map(units.map((u) => [u.code, u]));
  const page = { main, ctx, state, unitName: (c) => (byCode.has(c) ? nameText(byCode.get(c)) : c) };
  main.innerHTML = `<h1 tabindex="-1">${esc(t('lk_sup_title'))}</h1>
<p class="lead">${esc(t('lk_sup_intro'))}</p>
<p><a href="/demands">${esc(t('lk_demands_link'))}</a> · <a href="/linkage">${esc(t('lk_linkage_link'))}</a></p>
${filtersHTML(state, units)}
<div id="sup-map" class="map medium" role="region" aria-label="${esc(t('lk_sup_map_label'))}"></div>
<p class="note" id="sup-map-count"></p>
<div id="sup-list" aria-live="polite"><p class="loading">${esc(t('loading'))}</p></div>`;
  if (window.L) {
    page.map = createMap(main.querySelector('#sup-map'), { config, outline, units });
    page.layer = window.L.layerGroup().addTo(page.map.map);
    ctx.onLeave(() => page.map.remove());
  } else main.querySelector('#sup-map').hidden = true;
  main.querySelector('#sup-filters').addEventListener('submit', (e) => {
    e.preventDefault();
    const f = e.target;
    state.q = f.elements.q.value.trim();
    state.sector = f.elements.sector.value.trim();
    state.unit = f.elements.unit.value;
    state.ownership = f.elements.ownership.value;
    state.cursor = '';
    keep(page);
    loadList(page);
  });
  await loadList(page);
}
