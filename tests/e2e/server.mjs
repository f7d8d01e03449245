// Servers of the end-to-end tests' own: a test that needs its own data or
// its own "today" (KHU_TODAY: dossiers' clocks, reminders) runs khu (the
// binary KHU_E2E_BIN) on a database of its own, and restarts it on another
// day when its journey moves on in time. Also runs the khu command itself
// (import, user, notify), never with a password on its command line.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const KHU = process.env.KHU_E2E_BIN || 'build/release/khu';
export const PASSWORD = process.env.KHU_E2E_PASSWORD || 'Lúa chín ở Đức Hòa, e2e 2026';

// A new empty directory for a test's database; removed by the caller's
// cleanup (removeDir).
export function tempDir() {
  return mkdtempSync(join(tmpdir(), 'khu-e2e-'));
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

// Runs `khu args...` (input: its standard input) and answers its standard
// output; throws with its standard error when it fails.
export function khu(args, input = '', env = {}) {
  try {
    return execFileSync(KHU, args, { input, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`khu ${args.join(' ')}: ${e.stderr || e.message}`);
  }
}

// Adds a user (name, role, org: an enterprise's tax code or a department's
// code) to db with the tests' password.
export function addUser(db, name, role, org) {
  const args = ['user', 'add', name, '--role', role, '--db', db];
  if (org) args.push('--org', org);
  khu(args, `${PASSWORD}\n`);
}

// Starts `khu serve` on db on a free loopback port with KHU_TODAY=today
// (and env). Resolves to { url, stop }: stop() ends it with SIGTERM and
// resolves to its exit code.
export function startServer(db, today, env = {}, args = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(KHU, ['serve', '--db', db, '--port', '0', ...args], {
      env: { ...process.env, KHU_TODAY: today, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`khu serve did not start: ${err}`));
    }, 30000);
    child.stderr.on('data', (b) => {
      err += b;
    });
    child.stdout.on('data', (b) => {
      out += b;
      const m = /listening on (http:\/\/[0-9.]+:[0-9]+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      const exited = new Promise((r) => child.once('exit', (code, signal) => r(signal ? 128 : code)));
      resolve({
        url: m[1],
        stderr: () => err,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
