// The open-data page (/data): who publishes the data under which licence,
// then every dataset with what it holds, its rows, when it last changed,
// its downloads and its fields (the data dictionary, in the page's
// language) — all from /api/v1/datasets.
import { t, lang, LOCALES, fmtNum } from './i18n.js';
import { esc, getAll, tableWrap } from './core.js';

const DOWNLOAD_KEYS = {
  csv: 'od_dl_csv',
  'csv-excel': 'od_dl_csv_excel',
  'csv-summary': 'od_dl_csv_summary',
  'csv-summary-excel': 'od_dl_csv_summary_excel',
  json: 'od_dl_json',
  geojson: 'od_dl_geojson',
};

function fmtStamp(iso) {
  if (!iso) return esc(t('od_never'));
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return esc(iso);
  const text = new Intl.DateTimeFormat(LOCALES[lang()], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d);
  return `<time class="date" datetime="${esc(iso)}">${esc(text)} UTC</time>`;
}

function rangeText(f) {
  if (f.values) return f.values.join(', ');
  if (f.min !== undefined && f.max !== undefined) return `${fmtNum(f.min, 6)} – ${fmtNum(f.max, 6)}`;
  return '';
}

function fieldsHTML(ds) {
  const head = ['od_field', 'od_type', 'od_required', 'od_values', 'od_unit', 'od_refs', 'od_meaning']
    .map((k) => `<th scope="col">${esc(t(k))}</th>`)
    .join('');
  const rows = ds.fields
    .map((f) => {
      const key = f.key ? ` <span class="badge">${esc(t('od_key'))}</span>` : '';
      return `<tr><th scope="row"><code>${esc(f.name)}</code>${key}</th><td>${esc(t(`od_type_${f.type}`))}</td><td>${f.required ? esc(t('yes')) : ''}</td><td>${esc(rangeText(f))}</td><td>${esc(f.unit || '')}</td><td>${f.references ? `<code>${esc(f.references)}</code>` : ''}</td><td>${esc(f.meaning || '')}</td></tr>`;
    })
    .join('');
  const table = `<table class="data dict sticky-first"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  return `<details class="dict"><summary>${esc(t('od_fields', { n: ds.fields.length }))}</summary>${tableWrap(t('od_fields', { n: ds.fields.length }), table)}</details>`;
}

// The spreadsheets of the catalog, offered beside its other downloads, in
// the page's language (a workbook's sheet names and notes follow it).
const isXlsx = (d) => d.format.startsWith('xlsx');

function xlsxHTML(ds) {
  const books = ds.downloads.filter(isXlsx);
  if (!books.length) return '';
  const links = books.map((d) => {
    const url = `${d.url}${d.url.includes('?') ? '&' : '?'}lang=${lang()}`;
    const key = d.format === 'xlsx' ? 'od_dl_xlsx' : 'od_dl_xlsx_summary';
    return `<a href="${esc(url)}" download data-format="${esc(d.format)}">${esc(t(key))}</a>`;
  });
  return `<p class="xlsx-downloads">${links.join(' · ')}</p>`;
}

function downloadsHTML(ds) {
  const l = lang();
  return `<ul class="downloads">${ds.downloads
    .filter((d) => !isXlsx(d))
    .map((d) => {
      const sep = d.url.includes('?') ? '&' : '?';
      const url = d.format.startsWith('csv') ? d.url : `${d.url}${sep}lang=${l}`;
      const key = d.format === 'json' && d.url.includes('limit=') ? 'od_dl_json_paged' : DOWNLOAD_KEYS[d.format] || d.format;
      const dl = d.format.startsWith('csv') ? ' download' : '';
      return `<li><a href="${esc(url)}"${dl} data-format="${esc(d.format)}">${esc(t(key))}</a></li>`;
    })
    .join('')}</ul>${xlsxHTML(ds)}`;
}

function datasetHTML(ds) {
  const rows = ds.rows > 0 ? esc(t('od_rows', { n: fmtNum(ds.rows, 0) })) : esc(t('od_no_rows'));
  return `<section class="dataset" id="ds-${esc(ds.name)}" aria-labelledby="ds-${esc(ds.name)}-h">
<h2 id="ds-${esc(ds.name)}-h">${esc(t(`ds_${ds.name}`))} <code>${esc(ds.name)}</code></h2>
<p>${esc(ds.about || '')}</p>
<dl class="od-facts"><dt>${esc(t('od_rows_label'))}</dt><dd class="rows">${rows}</dd>
<dt>${esc(t('od_updated'))}</dt><dd class="updated">${fmtStamp(ds.updated_at)}</dd>
<dt>${esc(t('od_downloads'))}</dt><dd>${downloadsHTML(ds)}</dd></dl>
${fieldsHTML(ds)}
</section>`;
}

export async function render(main, ctx) {
  const { datasets } = await getAll({ datasets: ctx.urls.datasets });
  if (!ctx.alive()) return;
  ctx.setTitle(t('od_title'));
  const toc = datasets.datasets.map((d) => `<li><a href="#ds-${esc(d.name)}">${esc(t(`ds_${d.name}`))}</a></li>`).join('');
  main.innerHTML = `<h1 tabindex="-1">${esc(t('od_title'))}</h1>
<p>${esc(t('od_intro'))} <a href="/api-docs">${esc(t('od_api_link'))}</a>.</p>
<dl class="od-facts publisher">
<dt>${esc(t('od_publisher'))}</dt><dd id="od-publisher">${esc(datasets.publisher || t('od_publisher_default'))}</dd>
<dt>${esc(t('od_licence'))}</dt><dd id="od-licence">${esc(datasets.licence || t('od_licence_default'))}</dd>
</dl>
<nav aria-labelledby="od-datasets-h"><h2 id="od-datasets-h">${esc(t('od_datasets'))}</h2><ul class="toc">${toc}</ul></nav>
${datasets.datasets.map(datasetHTML).join('\n')}`;
}
