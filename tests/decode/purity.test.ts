/**
 * Decoders are pure: they read a tracee only through their Memory and the host only through
 * Ctx.host (docs/architecture.md). A source scan keeps it so: no module of src/decode may import
 * node:fs, node:os or node:child_process, or name /proc or /sys in its code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/diff.js';

const DECODE = join(ROOT, 'src/decode');

/** Every .ts file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

/** The code without its comments (block comments, and line comments not inside a string). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** What a decoder's code may not contain: a host module, or a path into procfs or sysfs. */
const FORBIDDEN: [RegExp, string][] = [
  [/\bfrom\s+['"](node:)?(fs|os|child_process)(\/promises)?['"]/, 'imports a host module'],
  [/\b(import|require)\s*\(\s*['"](node:)?(fs|os|child_process)/, 'loads a host module'],
  [/['"`]\/(proc|sys)(\/|['"`$])/, 'names a path in /proc or /sys'],
  [/\bprocess\.(env|cwd|pid|ppid)\b/, "reads sysray's own process"],
];

/** The rules a file breaks, as `file: why`. */
function breaches(file: string, text: string): string[] {
  const c = code(text);
  return FORBIDDEN.filter(([re]) => re.test(c)).map(([, why]) => `${file}: ${why}`);
}

test('the scan catches what it forbids and passes comments', () => {
  assert.deepEqual(breaches('a.ts', "import { readFileSync } from 'node:fs';"), ['a.ts: imports a host module']);
  assert.deepEqual(breaches('a.ts', "import * as os from 'os';"), ['a.ts: imports a host module']);
  assert.deepEqual(breaches('a.ts', "const l = readlinkSync(`/proc/${pid}/fd/${fd}`);"), ['a.ts: names a path in /proc or /sys']);
  assert.deepEqual(breaches('a.ts', "const s = f('/sys/class/net');"), ['a.ts: names a path in /proc or /sys']);
  assert.deepEqual(breaches('a.ts', '/** as /proc/PID/comm gave it */\nconst x = 1; // see /proc/self\n'), []);
  assert.deepEqual(breaches('a.ts', "import { PSI_OPS } from './xlat/proc.js';"), []);
});

test('no module of src/decode reads the host', () => {
  const files = sources(DECODE);
  assert.ok(files.length > 50, `found the decoders (${files.length} files)`);
  const found = files.flatMap((f) => breaches(relative(ROOT, f), readFileSync(f, 'utf8')));
  assert.deepEqual(found, []);
});
