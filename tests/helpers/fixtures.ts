/** C fixtures compiled with cc on demand (once per test process) into a temp dir. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './diff.js';

let dir: string | undefined;
const built = new Map<string, string>();

/** True when a C compiler is available. */
export function haveCc(): boolean {
  try {
    execFileSync('cc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Path of the compiled fixture `name` (tests/fixtures/NAME.c, or `source`.c built another way under this name). */
export function fixture(name: string, extra: string[] = [], source = name): string {
  const hit = built.get(name);
  if (hit) return hit;
  dir ??= mkdtempSync(join(tmpdir(), 'sysray-fixtures-'));
  const out = join(dir, name);
  const src = join(ROOT, 'tests', 'fixtures', `${source}.c`);
  if (!existsSync(src)) throw new Error(`no fixture ${src}`);
  execFileSync('cc', ['-O0', '-o', out, src, ...extra], { stdio: 'inherit' });
  built.set(name, out);
  return out;
}

/** A fresh scratch directory for a test's files. */
export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'sysray-diff-work-'));
}
