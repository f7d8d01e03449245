// The API documentation page (/api-docs): in every language it draws every
// operation of the server's own OpenAPI document (same number, same ids),
// the parameters of /api/v1/zones with their allowed values, a component
// schema linked from an operation and reachable, a try link that opens
// JSON and a curl line with the page's origin, the note that the
// document's descriptions are English (vi, ko), deep links, headings in
// order, tables with scoped headers, no sideways scrolling at 360 px, and
// an error message when the document cannot be fetched, and WCAG 2.1 AA as
// axe-core checks it (as a11y.test.mjs does for the other pages; apart, as
// this long page takes axe some seconds). Screenshots go to the artefacts.
import { test, assert, assertEqual, LANGS, BASE, api, screenshotPath } from './harness.mjs';
import { s, open, startIn, injectAxe } from './common.mjs';


const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// The anchor of an operation, as the page promises it: op-, then method and
// path lower-cased with every run of other characters made one hyphen
// (GET /api/v1/zones: op-get-api-v1-zones).
function opId(method, path) {
  return `op-${`${method} ${path}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}`;
}

function operationsOf(doc) {
  const ops = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const method of METHODS) if (item[method]) ops.push({ method, path, op: item[method], id: opId(method, path) });
  return ops;
}

test('api docs: every operation of the served document, in every language (screenshots)', async ({ newPage }) => {
  const doc = await api('/api/v1/openapi.json');
  const ops = operationsOf(doc);
  assert(ops.length > 10, `only ${ops.length} operations in the document`);
  assertEqual(new Set(ops.map((o) => o.id)).size, ops.length, 'the expected anchors are unique');
  for (const l of LANGS) {
    const page = await newPage({ locale: 'vi-VN' });
    await open(page, `/api-docs?lang=${l}`);
    assertEqual(await page.getAttribute('html', 'lang'), l, `${l}: html lang`);
    assertEqual(await page.locator('main h1').count(), 1, `${l}: one h1`);
    assertEqual((await page.textContent('main h1')).trim(), s(l, 'api_title'), `${l}: h1`);
    assertEqual(await page.title(), `${s(l, 'api_title')} · khu`, `${l}: title`);
    assertEqual((await page.textContent('#api-toc-h')).trim(), s(l, 'api_toc_h'), `${l}: contents heading`);
    assertEqual((await page.textContent('#api-schemas-h')).trim(), s(l, 'api_schemas_h'), `${l}: schemas heading`);

    // the operations drawn: the same ids, in the document's order
    const drawn = await page.$$eval('section.op', (els) =>
      els.map((e) => ({ id: e.id, method: e.dataset.method, path: e.dataset.path, summary: (e.querySelector('.summary') || { textContent: '' }).textContent.trim() }))
    );
    assertEqual(drawn.length, ops.length, `${l}: number of operations`);
    assertEqual(drawn.map((d) => d.id), ops.map((o) => o.id), `${l}: operation anchors`);
    for (const [i, o] of ops.entries()) {
      assertEqual([drawn[i].method, drawn[i].path], [o.method, o.path], `${l}: ${o.id} method and path`);
      assertEqual(drawn[i].summary, o.op.summary || '', `${l}: ${o.id} summary`);
      const h = (await page.textContent(`#${o.id}-h`)).replace(/\s+/g, ' ');
      assert(h.includes(`${o.method.toUpperCase()} ${o.path}`), `${l}: ${o.id} heading is "${h}"`);
    }
    // the contents link to every operation and every schema
    const toc = await page.$$eval('#api-toc a', (as) => as.map((a) => a.getAttribute('href')));
    for (const o of ops) assert(toc.includes(`#${o.id}`), `${l}: contents lack ${o.id}`);
    const schemaNames = Object.keys(doc.components.schemas);
    const schemaCount = await page.locator('section.schema').count();
    assertEqual(schemaCount, schemaNames.length, `${l}: number of schemas`);
    for (const name of schemaNames) assert((await page.locator(`section.schema[data-schema="${name}"]`).count()) === 1, `${l}: schema ${name} not drawn`);

    // the English-descriptions note, on the vi and ko pages only
    const note = page.locator('.api-en-note');
    if (l === 'en') assertEqual(await note.count(), 0, 'en: no note about English');
    else assertEqual((await note.textContent()).trim(), s(l, 'api_en_note'), `${l}: note about English`);
    assertEqual(await page.getAttribute('#op-get-api-v1-zones .summary span', 'lang'), 'en', `${l}: descriptions marked English`);

    // the intro's sections, and the GeoJSON lists as the document has them
    for (const k of ['api_usage_h', 'api_paging_h', 'api_formats_h', 'api_langs_h', 'api_errors_h'])
      assert(await page.locator('#api-usage h2, #api-usage h3').filter({ hasText: s(l, k) }).count(), `${l}: no heading ${k}`);
    const formats = await page.textContent('#api-formats');
    for (const p of Object.keys(doc.paths).filter((x) => x.endsWith('.geojson'))) assert(formats.includes(p), `${l}: formats do not name ${p}`);
    // facts from the document: version, licence, server
    const facts = (await page.textContent('.api-facts')).replace(/\s+/g, ' ');
    assert(facts.includes(doc.info.license.name), `${l}: licence ${doc.info.license.name} missing`);
    assert(facts.includes(doc.openapi), `${l}: OpenAPI version missing`);
    assert(facts.includes(BASE), `${l}: server address ${BASE} missing`);

    await page.screenshot({ path: screenshotPath(`apidocs-${l}`) });
    await page.locator('#op-get-api-v1-zones').screenshot({ path: screenshotPath(`apidocs-${l}-zones`) });
  }
});

test('api docs: the parameters of /api/v1/zones with their allowed values, and its responses', async ({ newPage }) => {
  const doc = await api('/api/v1/openapi.json');
  const op = doc.paths['/api/v1/zones'].get;
  const page = await newPage();
  await open(page, '/api-docs?lang=en');
  const rows = await page.$$eval('#op-get-api-v1-zones table.api-params tbody tr', (trs) =>
    trs.map((tr) => ({ name: tr.dataset.param, cells: [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim()) }))
  );
  assertEqual(rows.map((r) => r.name), op.parameters.map((p) => p.name), 'parameter names in order');
  let enums = 0;
  for (const [i, p] of op.parameters.entries()) {
    const [name, where, required, type, desc] = rows[i].cells;
    assertEqual(name, p.name, `${p.name}: name`);
    assertEqual(where, s('en', `api_in_${p.in}`), `${p.name}: in`);
    assertEqual(required, s('en', p.required ? 'yes' : 'no'), `${p.name}: required`);
    assert(type.startsWith(p.schema.type), `${p.name}: type "${type}"`);
    if (p.description) assert(desc.includes(p.description), `${p.name}: description "${desc}"`);
    if (p.schema.enum) {
      enums++;
      const values = type.replace(/^.*one of: /, '').split(', ');
      assertEqual(values, p.schema.enum.map(String), `${p.name}: allowed values`);
    }
  }
  assert(enums >= 1, 'no parameter of /api/v1/zones has allowed values');
  // the same in Vietnamese and Korean: the label translated, the values as they are
  for (const l of ['vi', 'ko']) {
    await open(page, `/api-docs?lang=${l}`);
    const type = (await page.textContent('#op-get-api-v1-zones tr[data-param="lang"] td:nth-child(4)')).replace(/\s+/g, ' ');
    const label = s(l, 'api_enum').split('{list}')[0];
    assert(type.includes(`${label}vi, en, ko`), `${l}: lang values "${type}"`);
    const head = await page.$$eval('#op-get-api-v1-zones table.api-params thead th', (ths) => ths.map((th) => th.textContent.trim()));
    assertEqual(head, ['api_col_name', 'api_col_in', 'api_col_required', 'api_col_type', 'api_col_desc'].map((k) => s(l, k)), `${l}: parameter table head`);
  }
  await open(page, '/api-docs?lang=en');
  const statuses = await page.$$eval('#op-get-api-v1-zones table.api-responses tbody tr', (trs) => trs.map((tr) => tr.dataset.status));
  assertEqual(statuses, Object.keys(op.responses), 'response statuses');
  const media = (await page.textContent('#op-get-api-v1-zones tr[data-status="200"] td:nth-child(3)')).replace(/\s+/g, ' ');
  for (const m of Object.keys(op.responses['200'].content)) assert(media.includes(m), `200 lacks the media type ${m}`);
  // a request body: the inquiry's fields, required ones marked
  const body = doc.paths['/api/v1/leads'].post.requestBody.content['application/json'].schema;
  const fields = await page.$$eval('#op-post-api-v1-leads table.api-fields tbody th', (ths) => ths.map((th) => th.textContent.replace(/\s+/g, ' ').trim()));
  assertEqual(
    fields,
    Object.keys(body.properties).map((n) => (body.required.includes(n) ? `${n} ${s('en', 'api_required_mark')}` : n)),
    'the inquiry body fields'
  );
});

test('api docs: a component schema is linked from its operations and reachable', async ({ newPage }) => {
  const doc = await api('/api/v1/openapi.json');
  const page = await newPage();
  await open(page, '/api-docs?lang=ko');
  // GET /api/v1/zones/{code} answers the zones schema: its link, then the schema
  const link = page.locator('#op-get-api-v1-zones-code tr[data-status="200"] a.schema-ref');
  assertEqual(await link.getAttribute('href'), '#schema-zones', 'the 200 answer links the zones schema');
  await link.click();
  await page.waitForFunction(() => location.hash === '#schema-zones');
  const seen = await page.evaluate(() => {
    const el = document.getElementById('schema-zones');
    const r = el.getBoundingClientRect();
    return { top: r.top, h: innerHeight, focused: document.activeElement === el };
  });
  assert(seen.top >= -1 && seen.top < seen.h / 2, `the zones schema is not in view (top ${seen.top})`);
  assert(seen.focused, 'the focus did not follow to the schema');
  const fields = await page.$$eval('#schema-zones table.api-fields tbody th code', (els) => els.map((e) => e.textContent));
  assertEqual(fields, Object.keys(doc.components.schemas.zones.properties), 'the fields of zones');
  // a nullable enum column: its values, and null in its own column
  const kind = await page.$$eval('#schema-zones table.api-fields tbody tr', (trs) =>
    trs.filter((tr) => tr.querySelector('th code').textContent === 'kind').map((tr) => [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim()))[0]
  );
  for (const v of doc.components.schemas.zones.properties.kind.enum.filter((x) => x !== null)) assert(kind[1].includes(v), `kind lacks ${v}`);
  assertEqual(kind[2], s('ko', 'yes'), 'kind is nullable');
  // and back: the schema names the operations that use it
  const users = await page.$$eval('#schema-zones .used-by a', (as) => as.map((a) => a.getAttribute('href')));
  assert(users.includes('#op-get-api-v1-zones-code'), `zones: used by ${users}`);
  // a nested reference: the 400 answer is #/components/responses/Problem,
  // whose schema is #/components/schemas/Problem
  assertEqual(await page.getAttribute('#op-get-api-v1-zones tr[data-status="400"] a.schema-ref', 'href'), '#schema-problem', 'the 400 answer links Problem');
  const problem = await page.$$eval('#schema-problem table.api-fields tbody th code', (els) => els.map((e) => e.textContent));
  // the top-level fields, then those of nested objects (errors[].param)
  assertEqual(problem.filter((n) => !/[.[]/.test(n)), Object.keys(doc.components.schemas.Problem.properties), 'the fields of Problem');
  assert(problem.includes('errors[].param'), 'the fields of each error are unfolded');
  // back in history: the operation again
  await page.goBack();
  await page.waitForFunction(() => location.hash === '');
  await page.waitForSelector('main:not([aria-busy]) h1');
  // a deep link opens at its operation
  await open(page, '/api-docs#op-get-api-v1-zones-code');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'op-get-api-v1-zones-code');
  const top = await page.evaluate(() => document.getElementById('op-get-api-v1-zones-code').getBoundingClientRect().top);
  assert(top >= -1 && top < 200, `a deep link does not show its operation (top ${top})`);
});

test('api docs: the try link of /api/v1/zones opens JSON; the curl line is copied', async ({ newPage }) => {
  // the browser asks for /favicon.ico when it shows the JSON itself
  const page = await newPage({ allowHTTP: [[404, '/favicon.ico']] });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  await open(page, '/api-docs?lang=vi');
  const tryLink = page.locator('#op-get-api-v1-zones a.try-link');
  assertEqual(await tryLink.getAttribute('href'), '/api/v1/zones?limit=2', 'the try link');
  const curl = `curl -s '${BASE}/api/v1/zones?limit=2'`;
  assertEqual((await page.textContent('#op-get-api-v1-zones .curl-line')).trim(), curl, 'the curl line');
  // no try link where a path parameter is needed, nor for a POST
  assertEqual(await page.locator('#op-get-api-v1-zones-code a.try-link').count(), 0, 'no try link with a path parameter');
  assertEqual(await page.locator('#op-post-api-v1-leads a.try-link').count(), 0, 'no try link for a POST');
  // copy, announced in the page's language
  await page.click('#op-get-api-v1-zones button.copy');
  await page.waitForFunction((x) => document.getElementById('api-copy-status').textContent === x, s('vi', 'api_copied'));
  assertEqual(await page.evaluate(() => navigator.clipboard.readText()), curl, 'the clipboard');
  assertEqual(await page.getAttribute('#op-get-api-v1-zones button.copy', 'aria-label'), s('vi', 'api_copy_label', { op: 'GET /api/v1/zones' }), 'copy button name');
  // the link opens the real answer
  const [resp] = await Promise.all([page.waitForNavigation(), tryLink.click()]);
  assertEqual(new URL(page.url()).pathname + new URL(page.url()).search, '/api/v1/zones?limit=2', 'opened URL');
  assertEqual(resp.status(), 200, 'status');
  assert(/^application\/json/.test(resp.headers()['content-type']), `content type ${resp.headers()['content-type']}`);
  const body = JSON.parse(await resp.text());
  assert(Array.isArray(body.items) && body.items.length === 2 && body.limit === 2, 'a page of two zones');
  const direct = await api('/api/v1/zones?limit=2');
  assertEqual(body.items.map((z) => z.code), direct.items.map((z) => z.code), 'the same zones as the API');
});

test('api docs: structure and keyboard: headings in order, scoped table headers, tables in scrolling regions', async ({ newPage }) => {
  const page = await newPage();
  await open(page, '/api-docs?lang=en');
  const problems = await page.evaluate(() => {
    const out = [];
    let last = 1;
    for (const h of document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')) {
      const n = Number(h.tagName[1]);
      if (n > last + 1) out.push(`${h.tagName} "${h.textContent.trim()}" after h${last}`);
      last = n;
    }
    for (const th of document.querySelectorAll('main th')) if (!th.getAttribute('scope')) out.push(`th without scope: ${th.textContent}`);
    for (const table of document.querySelectorAll('main table')) {
      const wrap = table.parentElement;
      if (!wrap.classList.contains('table-wrap') || wrap.getAttribute('role') !== 'region' || !wrap.getAttribute('aria-label') || wrap.tabIndex !== 0)
        out.push(`table not in a labelled scrolling region: ${table.className}`);
    }
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (dup.length) out.push(`duplicate ids: ${dup.slice(0, 5)}`);
    for (const a of document.querySelectorAll('main a[href^="#"]')) if (!document.getElementById(a.getAttribute('href').slice(1))) out.push(`broken anchor ${a.getAttribute('href')}`);
    return out;
  });
  assertEqual(problems, [], 'structure');
  // the intro's examples answer
  const examples = await page.$$eval('#api-usage .example a', (as) => as.map((a) => a.getAttribute('href')));
  assert(examples.length >= 3, 'examples missing');
  for (const href of examples) assertEqual((await fetch(BASE + href)).status, 200, `example ${href}`);
  // keyboard: a contents link followed with Enter moves the focus to its operation
  await page.focus('#api-toc a[href="#op-get-api-v1-units"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'op-get-api-v1-units');
  assertEqual(await page.evaluate(() => location.hash), '#op-get-api-v1-units', 'the address names the operation');
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement.closest('section.op') && document.activeElement.closest('section.op').id);
  assertEqual(next, 'op-get-api-v1-units', 'Tab continues inside the operation');
});

test('api docs: fits 360 px in every language (screenshots)', async ({ newPage }) => {
  for (const l of LANGS) {
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    await open(page, `/api-docs?lang=${l}`);
    const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
    assert(w.scroll <= w.inner, `${l}: the page is ${w.scroll} px wide at ${w.inner} px`);
    // the parameter table scrolls inside its wrapper instead
    const wrap = await page.evaluate(() => {
      const el = document.querySelector('#op-get-api-v1-zones .table-wrap');
      return { client: el.clientWidth, scroll: el.scrollWidth, right: el.getBoundingClientRect().right };
    });
    assert(wrap.right <= 360, `${l}: the table wrapper sticks out (${wrap.right})`);
    await page.screenshot({ path: screenshotPath(`apidocs-${l}-360px`) });
  }
});

test('api docs: a document that cannot be fetched gives an error message', async ({ newPage }) => {
  const page = await newPage({ allowHTTP: [[503, '/api/v1/openapi.json']] });
  await page.route('**/api/v1/openapi.json', (route) =>
    route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'the database cannot be opened' }) })
  );
  await open(page, '/api-docs?lang=en');
  assertEqual((await page.textContent('main h1')).trim(), s('en', 'api_title'), 'h1 kept');
  assertEqual((await page.textContent('main .error[role="alert"]')).trim(), s('en', 'error_load', { msg: 'the database cannot be opened' }), 'error message');
  assertEqual(await page.locator('section.op').count(), 0, 'no operations');
});

// one test each, as axe takes some seconds over this page
for (const [l, width] of [...LANGS.map((x) => [x, 1280]), ['vi', 360]]) {
  test(`api docs: meets WCAG 2.1 AA as axe-core checks it (${l}, ${width} px)`, async ({ newPage }) => {
    const page = await newPage({ viewport: { width, height: 800 } });
    await startIn(page, l);
    await open(page, '/api-docs');
    assertEqual(await page.getAttribute('html', 'lang'), l, `${l}: html lang`);
    await injectAxe(page);
    const found = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')} (${v.help})`);
    });
    assertEqual(found, [], `/api-docs in ${l} at ${width} px`);
  });
}

test('api docs: tags, servers, nested and circular references, and markup in texts', async ({ newPage }) => {
  const evil = '<img src=x onerror="window.__pwned=1">';
  const doc = {
    openapi: '3.1.0',
    info: { title: 't', version: '2', license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } },
    servers: [{ url: '/api/v1', description: 'this server' }],
    tags: [{ name: 'things', description: `Things ${evil}` }],
    paths: {
      '/api/v1/things': {
        parameters: [{ $ref: '#/components/parameters/Lim' }],
        get: {
          tags: ['things'],
          summary: `Things ${evil}`,
          responses: {
            200: { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } },
            400: { $ref: '#/components/responses/Loop' },
          },
        },
      },
      '/api/v1/misc': { get: { summary: 'Untagged.', responses: { 200: { description: 'OK' } } } },
    },
    components: {
      parameters: { Lim: { name: 'limit', in: 'query', description: evil, schema: { type: 'integer', minimum: 1, maximum: 9 } } },
      responses: { Loop: { $ref: '#/components/responses/Loop' } },
      schemas: {
        Node: {
          type: 'object',
          required: ['id'],
          properties: {
            id: { type: 'string' },
            parent: { $ref: '#/components/schemas/Node' },
            kids: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
            meta: { type: 'object', properties: { self: { $ref: '#/components/schemas/Alias' }, deep: { type: 'object', properties: { x: { type: ['number', 'null'] } } } } },
          },
        },
        Alias: { $ref: '#/components/schemas/Alias2' },
        Alias2: { $ref: '#/components/schemas/Alias' },
      },
    },
  };
  const page = await newPage();
  await page.route('**/api/v1/openapi.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(doc) }));
  await open(page, '/api-docs?lang=en');
  assertEqual(await page.$$eval('section.op', (els) => els.map((e) => e.id)), ['op-get-api-v1-things', 'op-get-api-v1-misc'], 'operations');
  assertEqual(await page.$$eval('section.api-group > h2', (els) => els.map((e) => e.textContent.trim())), ['things', s('en', 'api_untagged')], 'groups by tag');
  assert((await page.textContent('.api-facts')).includes(`${BASE}/api/v1`), 'the server of the document');
  assertEqual(await page.getAttribute('.api-facts a[href^="https://creativecommons"]', 'href'), doc.info.license.url, 'licence link');
  assertEqual(await page.getAttribute('#op-get-api-v1-things a.try-link', 'href'), '/api/v1/things?limit=2', 'path-level parameter by $ref');
  assert((await page.textContent('#op-get-api-v1-things tr[data-status="400"]')).includes(s('en', 'api_circular', { ref: '#/components/responses/Loop' })), 'a circular response is named');
  const rows = await page.$$eval('#schema-node table.api-fields tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim())));
  assertEqual(rows.map((r) => r[0]), [`id ${s('en', 'api_required_mark')}`, 'parent', 'kids', 'meta', 'meta.self', 'meta.deep', 'meta.deep.x'], 'Node fields');
  assertEqual(rows[6][2], s('en', 'yes'), 'meta.deep.x nullable');
  assertEqual(await page.getAttribute('#schema-node tr:nth-child(3) a.schema-ref', 'href'), '#schema-node', 'array items link their schema');
  assertEqual(await page.getAttribute('#schema-alias a.schema-ref', 'href'), '#schema-alias2', 'an alias links its target');
  assertEqual(await page.getAttribute('#schema-alias2 a.schema-ref', 'href'), '#schema-alias', 'and back, without looping');
  assertEqual(await page.evaluate(() => [window.__pwned, document.querySelectorAll('main img').length]), [undefined, 0], 'texts are escaped');
  assert((await page.textContent('#op-get-api-v1-things .summary')).includes(evil), 'markup shown as text');
});
