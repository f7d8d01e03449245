// The web app's translations (web/strings-vi.js, -en.js, -ko.js): every key
// in one language is in the others, none is empty, each keeps the
// placeholders ({name}) of the Vietnamese, and every key the pages ask for
// by name (t('key'), tHTML('key')) exists. Prints one line per problem and
// "test_strings: N passed, N failed".
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STRINGS, LANGS } from '../../web/i18n.js';

const web = join(dirname(fileURLToPath(import.meta.url)), '../../web');
let passed = 0;
let failed = 0;
function check(ok, what) {
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAIL ${what}`);
  }
}

const placeholders = (s) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
const base = STRINGS.vi;
for (const l of LANGS) {
  const file = `strings-${l}.js`;
  for (const k of Object.keys(base)) check(k in STRINGS[l], `${file}: the key ${k} is missing`);
  for (const [k, v] of Object.entries(STRINGS[l])) {
    check(k in base, `${file}: the key ${k} is not in strings-vi.js`);
    check(typeof v === 'string' && (v !== '' || k === 'u_count'), `${file}: ${k} is empty`);
    if (k in base) check(placeholders(v) === placeholders(base[k]), `${file}: ${k} has placeholders {${placeholders(v)}}, Vietnamese {${placeholders(base[k])}}`);
  }
}
// keys named literally in the pages' code
for (const f of readdirSync(web).filter((n) => n.endsWith('.js') && !n.startsWith('strings-'))) {
  const src = readFileSync(join(web, f), 'utf8');
  for (const m of src.matchAll(/\bt(?:HTML)?\(\s*'([a-z][a-z0-9_]*)'\s*[,)]/g)) check(m[1] in base, `web/${f}: asks for ${m[1]}, which no strings file has`);
}
console.log(`test_strings: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
