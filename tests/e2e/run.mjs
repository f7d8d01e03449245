// Runs every tests/e2e/*.test.mjs against the khu at KHU_URL and prints one
// closing line "test_e2e: N passed, N failed".
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { run } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
for (const f of readdirSync(here).filter((n) => n.endsWith('.test.mjs')).sort())
  await import(pathToFileURL(join(here, f)).href);
process.exitCode = await run();
