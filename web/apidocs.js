// The API documentation page (/api-docs): the OpenAPI document the server
// serves (/api/v1/openapi.json), drawn for people by a small renderer of
// its own. An introduction (what the API is; paging, formats, languages,
// errors, as docs/api.md describes them), a table of contents of the
// operations grouped by tag (or by path when the document has no tags),
// each operation with its parameters, request body, responses and, for a
// GET that needs no path parameter, a link to try and a curl line; then the
// component schemas as field tables, linked from the operations ($ref
// followed, cycles guarded). The document's own texts are English and are
// shown as they are, marked lang="en".
import { t, lang } from './i18n.js';
import { esc, getAll, tableWrap, errorHTML, tHTML } from './core.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
// How deep inline objects are unfolded into dotted field names.
const MAX_DEPTH = 4;

const code = (s) => ({ html: `<code>${esc(s)}</code>` });
const en = (s) => (s === undefined || s === null || s === '' ? '' : `<span lang="en">${esc(s)}</span>`);
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

export function slug(s) {
  return String(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// The value a local reference (#/a/b~1c) points to, or undefined.
function pointer(doc, ref) {
  if (typeof ref !== 'string' || ref[0] !== '#') return undefined;
  if (ref === '#') return doc;
  if (ref[1] !== '/') return undefined;
  let v = doc;
  for (const raw of ref.slice(2).split('/')) {
    let key;
    try {
      key = decodeURIComponent(raw);
    } catch (e) {
      return undefined;
    }
    key = key.replace(/~1/g, '/').replace(/~0/g, '~');
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = v[key];
  }
  return v;
}

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

function schemaName(ref) {
  const m = SCHEMA_REF.exec(ref || '');
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch (e) {
    return null;
  }
}

// The renderer's state: the document, the ids given out, which operation
// or schema is being drawn (to record which schemas each one uses).
class Doc {
  constructor(doc) {
    this.doc = doc;
    this.ids = new Set();
    this.schemaIds = new Map();
    this.usedBy = new Map();
    this.from = null;
    const schemas = (isObj(doc.components) && isObj(doc.components.schemas) && doc.components.schemas) || {};
    for (const name of Object.keys(schemas)) this.schemaIds.set(name, this.id(`schema-${slug(name) || 'x'}`));
  }

  // A unique id starting with base.
  id(base) {
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    this.ids.add(id);
    return id;
  }

  // Follows the $ref chain of a parameter, response, body or schema to its
  // end: {value} or {error, ref}.
  deref(obj) {
    const seen = new Set();
    let cur = obj;
    while (isObj(cur) && typeof cur.$ref === 'string') {
      if (seen.has(cur.$ref)) return { value: null, error: 'api_circular', ref: cur.$ref };
      seen.add(cur.$ref);
      const next = pointer(this.doc, cur.$ref);
      if (next === undefined) return { value: null, error: 'api_missing_ref', ref: cur.$ref };
      cur = next;
    }
    return { value: cur };
  }

  // A link to a component schema, noting who uses it.
  schemaLink(name) {
    if (this.from) {
      if (!this.usedBy.has(name)) this.usedBy.set(name, new Map());
      this.usedBy.get(name).set(this.from.id, this.from.html);
    }
    return `<a class="schema-ref" href="#${esc(this.schemaIds.get(name))}"><code>${esc(name)}</code></a>`;
  }

  // A schema given as a $ref to a component: its name, or null.
  componentOf(s) {
    if (!isObj(s) || typeof s.$ref !== 'string') return null;
    const name = schemaName(s.$ref);
    return name !== null && this.schemaIds.has(name) ? name : null;
  }
}

function refProblem(r) {
  return `<span class="ref-problem">${esc(t(r.error, { ref: r.ref }))}</span>`;
}

// ===== schemas =====

function anyHTML() {
  return `<span class="any">${esc(t('api_any'))}</span>`;
}

function typesOf(s) {
  if (Array.isArray(s.type)) return s.type;
  if (typeof s.type === 'string') return [s.type];
  return [];
}

function nullable(D, s0) {
  const s = D.deref(s0).value;
  if (!isObj(s)) return false;
  if (s.nullable === true || typesOf(s).includes('null')) return true;
  if (Array.isArray(s.enum) && s.enum.includes(null)) return true;
  for (const k of ['oneOf', 'anyOf']) {
    if (Array.isArray(s[k]) && s[k].some((x) => isObj(x) && (x.type === 'null' || (Array.isArray(x.type) && x.type.includes('null'))))) return true;
  }
  return false;
}

function literal(v) {
  return `<code>${esc(typeof v === 'string' ? v : JSON.stringify(v))}</code>`;
}

// The constraints of a schema as short phrases: enum, format, range,
// lengths, pattern, default.
function constraints(s) {
  const out = [];
  if (Array.isArray(s.enum)) {
    const vals = s.enum.filter((v) => v !== null);
    if (vals.length) out.push(tHTML('api_enum', { list: { html: vals.map(literal).join(', ') } }));
  }
  if ('const' in s) out.push(tHTML('api_const', { v: { html: literal(s.const) } }));
  if (s.format) out.push(tHTML('api_format', { f: code(s.format) }));
  const min = s.minimum !== undefined ? s.minimum : s.exclusiveMinimum;
  const max = s.maximum !== undefined ? s.maximum : s.exclusiveMaximum;
  const lo = min !== undefined && typeof min !== 'boolean' ? (s.minimum === undefined ? `>${min}` : String(min)) : null;
  const hi = max !== undefined && typeof max !== 'boolean' ? (s.maximum === undefined ? `<${max}` : String(max)) : null;
  if (lo !== null && hi !== null) out.push(tHTML('api_range', { min: code(lo), max: code(hi) }));
  else if (lo !== null) out.push(tHTML('api_min', { min: code(lo) }));
  else if (hi !== null) out.push(tHTML('api_max', { max: code(hi) }));
  if (s.minLength !== undefined && s.maxLength !== undefined) out.push(tHTML('api_len_range', { min: s.minLength, max: s.maxLength }));
  else if (s.minLength !== undefined) out.push(tHTML('api_min_len', { n: s.minLength }));
  else if (s.maxLength !== undefined) out.push(tHTML('api_max_len', { n: s.maxLength }));
  if (s.minItems !== undefined) out.push(tHTML('api_min_items', { n: s.minItems }));
  if (s.maxItems !== undefined) out.push(tHTML('api_max_items', { n: s.maxItems }));
  if (s.pattern) out.push(tHTML('api_pattern', { p: code(s.pattern) }));
  if (s.default !== undefined) out.push(tHTML('api_default', { v: { html: literal(s.default) } }));
  return out;
}

// The type of a schema as HTML: a link for a component, "array of …",
// the JSON types (null left to the nullable column), then its constraints
// (one a line, or inline: within a sentence, an array's items).
function typeHTML(D, s0, seen = new Set(), inline = false) {
  if (!isObj(s0)) return anyHTML();
  const name = D.componentOf(s0);
  if (name !== null) return `${esc(t('api_schema_label'))} ${D.schemaLink(name)}`;
  if (typeof s0.$ref === 'string') {
    if (seen.has(s0.$ref)) return refProblem({ error: 'api_circular', ref: s0.$ref });
    const r = D.deref(s0);
    if (r.error) return refProblem(r);
    return typeHTML(D, r.value, new Set([...seen, s0.$ref]), inline);
  }
  const s = s0;
  const parts = [];
  const types = typesOf(s).filter((x) => x !== 'null');
  if (types.includes('array') || (!types.length && s.items)) {
    const item = s.items ? typeHTML(D, s.items, seen, true) : anyHTML();
    parts.push(tHTML('api_array_of', { type: { html: item } }));
  } else if (types.length) parts.push(types.map((x) => `<code>${esc(x)}</code>`).join(' | '));
  for (const [k, key] of [['oneOf', 'api_one_of'], ['anyOf', 'api_one_of'], ['allOf', 'api_all_of']]) {
    if (!Array.isArray(s[k])) continue;
    const list = s[k].filter((x) => !(isObj(x) && x.type === 'null')).map((x) => typeHTML(D, x, seen, true));
    if (list.length) parts.push(tHTML(key, { list: { html: list.join(' | ') } }));
  }
  if (!parts.length) parts.push(Array.isArray(s.enum) || 'const' in s ? '' : anyHTML());
  const all = [parts.join(' '), ...constraints(s)].filter(Boolean);
  if (inline) return all.join(', ');
  return all.map((x) => `<span class="t">${x}</span>`).join(' ');
}

// The fields of an object schema as table rows (inline objects unfolded
// into dotted names, components linked), guarded against cycles.
function fieldRows(D, s0, prefix, depth, seen) {
  let s = s0;
  if (isObj(s) && typeof s.$ref === 'string') {
    if (seen.has(s.$ref)) return [];
    seen = new Set([...seen, s.$ref]);
    s = D.deref(s).value;
  }
  if (!isObj(s) || seen.has(s)) return [];
  seen = new Set([...seen, s]);
  const rows = [];
  if (Array.isArray(s.allOf)) for (const part of s.allOf) rows.push(...fieldRows(D, part, prefix, depth, seen));
  const required = new Set(Array.isArray(s.required) ? s.required : []);
  const props = isObj(s.properties) ? s.properties : {};
  for (const [name, p] of Object.entries(props)) {
    const req = required.has(name) ? ` <span class="req">${esc(t('api_required_mark'))}</span>` : '';
    const desc = isObj(p) ? [en(p.description), p.example !== undefined ? tHTML('api_example_v', { v: { html: literal(p.example) } }) : ''].filter(Boolean).join(' ') : '';
    rows.push(`<tr><th scope="row"><code>${esc(prefix + name)}</code>${req}</th><td>${typeHTML(D, p, seen)}</td><td>${esc(t(nullable(D, p) ? 'yes' : 'no'))}</td><td>${desc}</td></tr>`);
    if (depth >= MAX_DEPTH || !isObj(p) || D.componentOf(p) !== null) continue;
    const inner = D.deref(p).value;
    if (!isObj(inner)) continue;
    if (isObj(inner.properties) || Array.isArray(inner.allOf)) rows.push(...fieldRows(D, p, `${prefix}${name}.`, depth + 1, seen));
    else if (isObj(inner.items) && D.componentOf(inner.items) === null) {
      const item = D.deref(inner.items).value;
      if (isObj(item) && (isObj(item.properties) || Array.isArray(item.allOf))) rows.push(...fieldRows(D, inner.items, `${prefix}${name}[].`, depth + 1, seen));
    }
  }
  return rows;
}

// A schema as a field table (or a sentence when it lists no fields).
function schemaHTML(D, s0, label) {
  const name = D.componentOf(s0);
  if (name !== null) return `<p>${esc(t('api_schema_label'))}: ${D.schemaLink(name)}</p>`;
  const r = D.deref(s0);
  if (r.error) return `<p>${refProblem(r)}</p>`;
  const s = r.value;
  if (!isObj(s)) return '';
  const rows = fieldRows(D, s0, '', 0, new Set());
  const parts = [];
  if (s.description) parts.push(`<p>${en(s.description)}</p>`);
  if (!rows.length) {
    const types = typesOf(s);
    const objectish = types.includes('object') || (!types.length && !s.items);
    parts.push(`<p>${objectish && !s.allOf && !s.oneOf && !s.anyOf ? esc(t('api_any_object')) : typeHTML(D, s)}</p>`);
    return parts.join('');
  }
  const head = ['api_col_name', 'api_col_type', 'api_col_nullable', 'api_col_desc'].map((k) => `<th scope="col">${esc(t(k))}</th>`).join('');
  parts.push(tableWrap(label, `<table class="data api-fields"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`));
  if (s.additionalProperties === false) parts.push(`<p class="note">${esc(t('api_no_extra'))}</p>`);
  return parts.join('');
}

// ===== operations =====

function opLabel(op) {
  return `${op.method.toUpperCase()} ${op.path}`;
}

function opTitleHTML(op) {
  return `<span class="method m-${esc(op.method)}">${esc(op.method.toUpperCase())}</span> <code class="path">${esc(op.path)}</code>`;
}

// Every operation of the document, in its order, with the parameters of
// its path merged in (the operation's own win).
function operations(D) {
  const ops = [];
  const paths = isObj(D.doc.paths) ? D.doc.paths : {};
  for (const [path, item0] of Object.entries(paths)) {
    const item = D.deref(item0).value;
    if (!isObj(item)) continue;
    for (const method of METHODS) {
      const o = item[method];
      if (!isObj(o)) continue;
      const params = new Map();
      for (const list of [item.parameters, o.parameters]) {
        if (!Array.isArray(list)) continue;
        for (const p0 of list) {
          const r = D.deref(p0);
          const p = r.value;
          if (isObj(p) && p.name) params.set(`${p.in}|${p.name}`, { p, raw: p0 });
          else if (r.error) params.set(`ref|${r.ref}`, { p: null, raw: p0, error: r });
        }
      }
      ops.push({ path, method, o, params: [...params.values()], id: D.id(`op-${slug(`${method} ${path}`)}`) });
    }
  }
  return ops;
}

// The groups of the contents: by the first tag of each operation when the
// document has tags, else by the path (the part after /api/v1, extension
// dropped), in the order they first appear.
function groupsOf(D, ops) {
  const tagged = ops.some((op) => Array.isArray(op.o.tags) && op.o.tags.length);
  const tagDocs = new Map((Array.isArray(D.doc.tags) ? D.doc.tags : []).filter(isObj).map((x) => [x.name, x]));
  const groups = new Map();
  for (const op of ops) {
    let key;
    if (tagged) key = Array.isArray(op.o.tags) && op.o.tags.length ? String(op.o.tags[0]) : '';
    else {
      const segs = op.path.split('/').filter(Boolean);
      let i = 0;
      while (i < segs.length - 1 && (segs[i] === 'api' || /^v\d+$/.test(segs[i]))) i++;
      if (i < segs.length && (segs[i] === 'api' || /^v\d+$/.test(segs[i]))) i = segs.length - 1;
      const head = segs.slice(0, i);
      const seg = segs[i] !== undefined ? segs[i].replace(/\.[a-z0-9]+$/i, '') : '';
      key = `/${[...head, seg].filter(Boolean).join('/')}`;
    }
    if (!groups.has(key)) groups.set(key, { key, ops: [], tag: tagged ? tagDocs.get(key) || { name: key } : null });
    groups.get(key).ops.push(op);
  }
  for (const g of groups.values()) {
    const paths = new Set(g.ops.map((op) => op.path));
    // a group of one path is named by the path itself
    g.title = g.tag ? g.tag.name || t('api_untagged') : paths.size === 1 ? [...paths][0] : g.key;
    g.id = D.id(`group-${slug(g.title) || 'root'}`);
  }
  return [...groups.values()];
}

function paramsHTML(D, op) {
  if (!op.params.length) return `<p>${esc(t('api_no_params'))}</p>`;
  const head = ['api_col_name', 'api_col_in', 'api_col_required', 'api_col_type', 'api_col_desc'].map((k) => `<th scope="col">${esc(t(k))}</th>`).join('');
  const rows = op.params
    .map(({ p, error }) => {
      if (!p) return `<tr><th scope="row">—</th><td colspan="4">${refProblem(error)}</td></tr>`;
      const where = ['query', 'path', 'header', 'cookie'].includes(p.in) ? t(`api_in_${p.in}`) : String(p.in || '');
      const s = p.schema !== undefined ? p.schema : isObj(p.content) ? Object.values(p.content).map((m) => isObj(m) && m.schema)[0] : undefined;
      const ex = p.example !== undefined ? p.example : isObj(s) && s.example !== undefined ? s.example : undefined;
      const desc = [en(p.description), ex !== undefined ? tHTML('api_example_v', { v: { html: literal(ex) } }) : '', p.deprecated ? `<span class="deprecated">${esc(t('api_deprecated'))}</span>` : '']
        .filter(Boolean)
        .join(' ');
      return `<tr data-param="${esc(p.name)}"><th scope="row"><code>${esc(p.name)}</code></th><td>${esc(where)}</td><td>${esc(t(p.required ? 'yes' : 'no'))}</td><td>${s !== undefined ? typeHTML(D, s) : ''}</td><td>${desc}</td></tr>`;
    })
    .join('');
  return tableWrap(t('api_table_params', { op: opLabel(op) }), `<table class="data api-params"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`);
}

function bodyHTML(D, op) {
  if (op.o.requestBody === undefined) return '';
  const r = D.deref(op.o.requestBody);
  const parts = [`<h4>${esc(t('api_body_h'))}</h4>`];
  if (r.error) return parts.concat(`<p>${refProblem(r)}</p>`).join('');
  const b = r.value;
  if (!isObj(b)) return '';
  if (b.description) parts.push(`<p>${en(b.description)}</p>`);
  parts.push(`<p>${esc(t(b.required ? 'api_body_required' : 'api_body_optional'))}</p>`);
  for (const [media, m] of Object.entries(isObj(b.content) ? b.content : {})) {
    parts.push(`<p class="media"><code>${esc(media)}</code></p>`);
    if (isObj(m) && m.schema !== undefined) parts.push(schemaHTML(D, m.schema, t('api_table_body', { op: opLabel(op) })));
  }
  return parts.join('');
}

function responsesHTML(D, op) {
  const list = Object.entries(isObj(op.o.responses) ? op.o.responses : {});
  if (!list.length) return '';
  const head = ['api_col_status', 'api_col_desc', 'api_col_media'].map((k) => `<th scope="col">${esc(t(k))}</th>`).join('');
  const rows = list
    .map(([status, r0]) => {
      const r = D.deref(r0);
      if (r.error) return `<tr data-status="${esc(status)}"><th scope="row"><code>${esc(status)}</code></th><td colspan="2">${refProblem(r)}</td></tr>`;
      const resp = isObj(r.value) ? r.value : {};
      const media = Object.entries(isObj(resp.content) ? resp.content : {});
      const mediaHTML = media.length
        ? `<ul class="media-list">${media
            .map(([type, m]) => `<li><code>${esc(type)}</code>${isObj(m) && m.schema !== undefined ? ` <span class="media-schema">${typeHTML(D, m.schema, new Set(), true)}</span>` : ''}</li>`)
            .join('')}</ul>`
        : `<span class="muted">${esc(t('api_no_content'))}</span>`;
      return `<tr data-status="${esc(status)}"><th scope="row"><code>${esc(status)}</code></th><td>${en(resp.description)}</td><td>${mediaHTML}</td></tr>`;
    })
    .join('');
  return `<h4>${esc(t('api_responses_h'))}</h4>${tableWrap(t('api_table_responses', { op: opLabel(op) }), `<table class="data api-responses"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`)}`;
}

// The URL to try a GET with: its required query parameters set to their
// examples, and limit=2 where there is a limit; null when the operation
// needs a path parameter or a required parameter has no example.
function tryURL(op) {
  if (op.method !== 'get' || /\{[^}]*\}/.test(op.path)) return null;
  const q = new URLSearchParams();
  let examples = false;
  for (const { p } of op.params) {
    if (!p) continue;
    if (p.in === 'path' && p.required) return null;
    if (p.in !== 'query') {
      if (p.required) return null;
      continue;
    }
    if (p.required) {
      const s = isObj(p.schema) ? p.schema : {};
      const ex = p.example !== undefined ? p.example : s.example !== undefined ? s.example : s.default;
      if (ex === undefined || ex === null || typeof ex === 'object') return null;
      q.set(p.name, String(ex));
      examples = true;
    }
  }
  const limit = op.params.find(({ p }) => p && p.in === 'query' && p.name === 'limit' && !p.required);
  if (limit) {
    const s = isObj(limit.p.schema) ? limit.p.schema : {};
    if ((s.minimum === undefined || s.minimum <= 2) && (s.maximum === undefined || s.maximum >= 2)) q.set('limit', '2');
  }
  const qs = q.toString();
  return { url: qs ? `${op.path}?${qs}` : op.path, examples };
}

function shellQuote(s) {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function curlLine(op, url) {
  const ok = isObj(op.o.responses) ? op.o.responses['200'] || op.o.responses['201'] : null;
  const media = isObj(ok) && isObj(ok.content) ? Object.keys(ok.content) : [];
  const binary = media.length && !media.some((m) => /json|text|csv/.test(m));
  const file = op.path.split('/').pop() || 'answer';
  return `curl -s ${binary ? `-o ${shellQuote(file)} ` : ''}${shellQuote(location.origin + url)}`;
}

function tryHTML(op) {
  const u = tryURL(op);
  if (!u) return '';
  const curl = curlLine(op, u.url);
  return `<h4>${esc(t('api_try_h'))}</h4>
<p class="try"><span>${esc(t('api_try_open'))}</span> <a class="try-link" href="${esc(u.url)}"><code>${esc(u.url)}</code></a></p>
${u.examples ? `<p class="note">${esc(t('api_try_examples'))}</p>` : ''}
<div class="curl"><p class="curl-label" id="${esc(op.id)}-curl">${esc(t('api_curl'))}</p>
<pre aria-labelledby="${esc(op.id)}-curl"><code class="curl-line">${esc(curl)}</code></pre>
<button type="button" class="secondary copy" data-copy="${esc(curl)}" aria-label="${esc(t('api_copy_label', { op: opLabel(op) }))}">${esc(t('api_copy'))}</button></div>`;
}

function operationHTML(D, op) {
  D.from = { id: op.id, html: opTitleHTML(op) };
  const o = op.o;
  const out = `<section class="op" id="${esc(op.id)}" tabindex="-1" aria-labelledby="${esc(op.id)}-h" data-method="${esc(op.method)}" data-path="${esc(op.path)}">
<h3 id="${esc(op.id)}-h">${opTitleHTML(op)} <a class="anchor" href="#${esc(op.id)}" aria-label="${esc(t('api_op_link'))}: ${esc(opLabel(op))}">#</a></h3>
${o.deprecated ? `<p><span class="deprecated">${esc(t('api_deprecated'))}</span></p>` : ''}
${o.summary ? `<p class="summary">${en(o.summary)}</p>` : ''}
${o.description ? `<p>${en(o.description)}</p>` : ''}
${o.operationId ? `<p class="opid muted">${esc(t('api_opid'))} <code>${esc(o.operationId)}</code></p>` : ''}
<h4>${esc(t('api_params_h'))}</h4>
${paramsHTML(D, op)}
${bodyHTML(D, op)}
${responsesHTML(D, op)}
${tryHTML(op)}
<p class="back"><a href="#api-toc">${esc(t('api_back_top'))}</a></p>
</section>`;
  D.from = null;
  return out;
}

// ===== the page =====

function introHTML(doc, counts) {
  const info = isObj(doc.info) ? doc.info : {};
  const servers = (Array.isArray(doc.servers) ? doc.servers : []).filter((x) => isObj(x) && typeof x.url === 'string');
  const serverHTML = servers.length
    ? servers
        .map((x) => {
          let url = x.url;
          try {
            url = new URL(x.url, location.origin).href;
          } catch (e) {
            /* a templated URL stays as written */
          }
          return `<code>${esc(url)}</code>${x.description ? ` (${en(x.description)})` : ''}`;
        })
        .join('<br>')
    : `<code>${esc(location.origin)}</code> <span class="muted">(${esc(t('api_server_page'))})</span>`;
  const lic = isObj(info.license) ? info.license : null;
  let licHTML = `<span class="muted">${esc(t('api_licence_none'))}</span>`;
  if (lic && lic.name) {
    const href = lic.url || (lic.identifier ? `https://spdx.org/licenses/${encodeURIComponent(lic.identifier)}.html` : '');
    licHTML = href ? `<a href="${esc(href)}" rel="noopener noreferrer">${esc(lic.name)}</a>` : esc(lic.name);
  }
  const facts = [
    ['api_server', serverHTML],
    ['api_version', esc(t('api_version_value', { version: info.version || '?', openapi: doc.openapi || '?' }))],
    ['api_licence', licHTML],
    ['api_auth', esc(t('api_auth_none'))],
    ['api_document', `<a href="/api/v1/openapi.json"><code>/api/v1/openapi.json</code></a>`],
  ];
  if (info.description) facts.push(['api_about', en(info.description)]);
  const note = lang() === 'en' ? '' : t('api_en_note');
  return `<p class="lead api-lead">${tHTML('api_lead', { leads: code('POST /api/v1/leads') })}</p>
${note ? `<p class="note api-en-note">${esc(note)}</p>` : ''}
<dl class="api-facts" aria-label="${esc(t('api_facts'))}">${facts.map(([k, v]) => `<div><dt>${esc(t(k))}</dt><dd>${v}</dd></div>`).join('')}</dl>
<p>${esc(t('api_counts', counts))}</p>`;
}

function ex(url) {
  return `<p class="example">${esc(t('api_example'))} <a href="${esc(url)}"><code>${esc(url)}</code></a></p>`;
}

function usageHTML(doc) {
  const c = (s) => code(s);
  // the lists the document offers as GeoJSON
  const geo = Object.keys(isObj(doc.paths) ? doc.paths : {}).filter((p) => /\.geojson$/.test(p));
  return `<section aria-labelledby="api-usage-h" id="api-usage" tabindex="-1">
<h2 id="api-usage-h">${esc(t('api_usage_h'))}</h2>
<section aria-labelledby="api-paging-h" id="api-paging"><h3 id="api-paging-h">${esc(t('api_paging_h'))}</h3>
<p>${tHTML('api_paging_1', { limit: c('limit'), sort: c('sort'), minus: c('-') })}</p>
<p>${tHTML('api_paging_2', { next: c('next_cursor'), cursor: c('cursor'), null: c('null') })}</p>
<p>${tHTML('api_paging_3', { total: c('total'), exact: c('total_exact'), false: c('false'), sort: c('sort'), limit: c('limit'), lang: c('lang') })}</p>
${ex('/api/v1/zones?limit=2&sort=-total_ha')}
</section>
<section aria-labelledby="api-formats-h" id="api-formats"><h3 id="api-formats-h">${esc(t('api_formats_h'))}</h3>
<p>${tHTML('api_formats_1', { csv: c('.csv'), accept_csv: c('Accept: text/csv'), item: c('/api/v1/zones/{code}') })}</p>
${geo.length ? `<p>${tHTML('api_formats_geo', { geojson: c('.geojson'), accept_geo: c('Accept: application/geo+json'), list: { html: geo.map((p) => `<code>${esc(p)}</code>`).join(', ') } })}</p>` : ''}
<p>${tHTML('api_formats_2', { bom: c('?bom=1') })}</p>
${ex('/api/v1/zones.csv?bom=1')}
</section>
<section aria-labelledby="api-langs-h" id="api-langs"><h3 id="api-langs-h">${esc(t('api_langs_h'))}</h3>
<p>${tHTML('api_langs_1', { lang_param: c('?lang='), vi: c('vi'), en: c('en'), ko: c('ko'), al: c('Accept-Language') })}</p>
<p>${tHTML('api_langs_2', { name: c('name'), name_lang: c('name_lang'), unit_name: c('unit_name'), lang: c('lang'), name_vi: c('name_vi'), name_en: c('name_en'), name_ko: c('name_ko') })}</p>
${ex('/api/v1/zones?lang=ko&limit=2')}
</section>
<section aria-labelledby="api-errors-h" id="api-errors"><h3 id="api-errors-h">${esc(t('api_errors_h'))}</h3>
<p>${tHTML('api_errors_1', { ct: c('application/problem+json'), type: c('type'), title: c('title'), status: c('status'), detail: c('detail'), param: c('param') })}</p>
<p>${tHTML('api_errors_2', { leads: c('POST /api/v1/leads'), match: c('/api/v1/match/sites'), brief: c('/api/v1/brief.pdf'), errors: c('errors'), shape: c('[{"param": …, "detail": …}]') })}</p>
<p>${tHTML('api_errors_3', { good: c('kind=kcn,ccn'), bad: c('kind=kcn&kind=ccn') })}</p>
</section>
<section aria-labelledby="api-cache-h" id="api-cache"><h3 id="api-cache-h">${esc(t('api_cache_h'))}</h3>
<p>${tHTML('api_cache_1', { etag: c('ETag'), inm: c('If-None-Match'), s304: c('304 Not Modified'), acao: c('Access-Control-Allow-Origin: *') })}</p>
</section>
</section>`;
}

function tocHTML(groups, schemaNames, D) {
  const groupItems = groups
    .map(
      (g) => `<li><a href="#${esc(g.id)}">${g.tag ? esc(g.title) : `<code>${esc(g.title)}</code>`}</a>
<ul>${g.ops.map((op) => `<li><a href="#${esc(op.id)}">${opTitleHTML(op)}</a></li>`).join('')}</ul></li>`
    )
    .join('');
  const schemaItems = schemaNames.map((n) => `<li><a href="#${esc(D.schemaIds.get(n))}"><code>${esc(n)}</code></a></li>`).join('');
  return `<nav class="api-toc" id="api-toc" tabindex="-1" aria-labelledby="api-toc-h">
<h2 id="api-toc-h">${esc(t('api_toc_h'))}</h2>
<ul class="toc-top">
<li><a href="#api-usage">${esc(t('api_usage_h'))}</a></li>
${groupItems}
${schemaItems ? `<li><a href="#api-schemas">${esc(t('api_schemas_h'))}</a><ul class="toc-schemas">${schemaItems}</ul></li>` : ''}
</ul>
</nav>`;
}

function schemasHTML(D, schemaNames) {
  if (!schemaNames.length) return '';
  const schemas = D.doc.components.schemas;
  // schemas are drawn first (they may use each other), then their users
  const bodies = schemaNames.map((name) => {
    const id = D.schemaIds.get(name);
    D.from = { id, html: `<code>${esc(name)}</code>` };
    const body = schemaHTML(D, schemas[name], t('api_table_fields', { name }));
    D.from = null;
    return [name, id, body];
  });
  return `<section aria-labelledby="api-schemas-h" id="api-schemas" tabindex="-1">
<h2 id="api-schemas-h">${esc(t('api_schemas_h'))}</h2>
<p>${tHTML('api_schemas_intro', { components: code('#/components/schemas') })}</p>
${bodies
  .map(([name, id, body]) => {
    const users = [...(D.usedBy.get(name) || new Map()).entries()].filter(([uid]) => uid !== id);
    const used = users.length
      ? `<p class="used-by">${esc(t('api_used_by'))} ${users.map(([uid, html]) => `<a href="#${esc(uid)}">${html}</a>`).join(', ')}</p>`
      : `<p class="used-by muted">${esc(t('api_not_used'))}</p>`;
    return `<section class="schema" id="${esc(id)}" tabindex="-1" aria-labelledby="${esc(id)}-h" data-schema="${esc(name)}">
<h3 id="${esc(id)}-h"><code>${esc(name)}</code> <a class="anchor" href="#${esc(id)}" aria-label="${esc(t('api_schema_link'))}: ${esc(name)}">#</a></h3>
${body}
${used}
<p class="back"><a href="#api-toc">${esc(t('api_back_top'))}</a></p>
</section>`;
  })
  .join('')}
</section>`;
}

// Scrolls to the element the address's #fragment names and moves the
// focus there, after the app has focused the heading.
function goToHash(main) {
  let id = '';
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch (e) {
    return;
  }
  if (!id) return;
  const el = document.getElementById(id);
  if (!el || !main.contains(el)) return;
  el.scrollIntoView();
  if (el.hasAttribute('tabindex')) el.focus({ preventScroll: true });
}

async function copyText(text, pre) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (e) {
    // no clipboard permission: select the line and ask the browser to copy
    const range = document.createRange();
    range.selectNodeContents(pre);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    try {
      return document.execCommand('copy');
    } catch (e2) {
      return false;
    }
  }
}

export async function render(main, ctx) {
  ctx.setTitle(t('api_title'));
  let doc;
  try {
    doc = (await getAll(ctx.urls)).openapi;
  } catch (e) {
    if (!ctx.alive()) return;
    main.innerHTML = `<h1 tabindex="-1">${esc(t('api_title'))}</h1>${errorHTML(e)}
<p><a href="/api/v1/openapi.json"><code>/api/v1/openapi.json</code></a></p>`;
    return;
  }
  if (!ctx.alive()) return;
  if (!isObj(doc)) doc = {};
  const D = new Doc(doc);
  const ops = operations(D);
  const groups = groupsOf(D, ops);
  const opsHTML = groups
    .map(
      (g) => `<section class="api-group" id="${esc(g.id)}" tabindex="-1" aria-labelledby="${esc(g.id)}-h">
<h2 id="${esc(g.id)}-h">${g.tag ? esc(g.title) : `<code>${esc(g.title)}</code>`}</h2>
${g.tag && g.tag.description ? `<p>${en(g.tag.description)}</p>` : ''}
${g.ops.map((op) => operationHTML(D, op)).join('\n')}
</section>`
    )
    .join('\n');
  const schemaNames = [...D.schemaIds.keys()];
  const schemas = schemasHTML(D, schemaNames);
  const counts = { ops: ops.length, paths: Object.keys(isObj(doc.paths) ? doc.paths : {}).length, schemas: schemaNames.length };
  main.innerHTML = `<div class="apidocs">
<h1 tabindex="-1">${esc(t('api_title'))}</h1>
${introHTML(doc, counts)}
${tocHTML(groups, schemaNames, D)}
${usageHTML(doc)}
${ops.length ? opsHTML : `<p>${esc(t('api_no_ops'))}</p>`}
${schemas}
<p class="visually-hidden" role="status" id="api-copy-status"></p>
</div>`;

  const status = main.querySelector('#api-copy-status');
  const onClick = async (e) => {
    const b = e.target.closest('button.copy');
    if (b) {
      const ok = await copyText(b.dataset.copy, b.parentElement.querySelector('pre'));
      if (!ctx.alive()) return;
      // emptied first, so that a second copy is announced again
      status.textContent = '';
      setTimeout(() => {
        status.textContent = t(ok ? 'api_copied' : 'api_copy_failed');
      }, 100);
      return;
    }
    // A link within the page: the browser would fire popstate, which draws
    // the whole page again; move there without it (still a history entry).
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target.closest('a[href^="#"]');
    if (!a) return;
    const id = a.getAttribute('href').slice(1);
    if (!id || !document.getElementById(id)) return;
    e.preventDefault();
    history.pushState(null, '', `${location.pathname}${location.search}#${id}`);
    goToHash(main);
  };
  main.addEventListener('click', onClick);
  ctx.onLeave(() => main.removeEventListener('click', onClick));
  if (location.hash) setTimeout(() => ctx.alive() && goToHash(main), 0);
}
