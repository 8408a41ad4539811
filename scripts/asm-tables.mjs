// Regenerates the machine-code tables in src/tracer/launcher.ts and src/tracer/shim.ts from their
// assembly sources, launcher.S and shim.S (needs cc and objdump; run it after editing a .S).
// tests/tracer/launcher.test.ts and tests/tracer/shim.test.ts check that each pair agrees.
//   node scripts/asm-tables.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// what: the word in the BEGIN/END markers; data: the label from which on the rest is data (strings);
// bytes: the code as one hex string, not a row per instruction (small enough to read in its .S)
const TARGETS = [
  { src: 'src/tracer/launcher.S', dst: 'src/tracer/launcher.ts', what: 'launcher', data: 'proc_self_exe' },
  { src: 'src/tracer/shim.S', dst: 'src/tracer/shim.ts', what: 'shim', bytes: true },
];

/** The table's rows: one instruction a row (hex, then its text), labels as comments, data at the end. */
function table(obj, dataLabel) {
  const dump = execFileSync('objdump', ['-d', '-M', 'intel', '--no-addresses', '-z', obj], { encoding: 'utf8' });
  // rows: [hex, text]; labels become comment rows; from the data label on, the rest is data
  const rows = [];
  let data = false;
  for (const line of dump.split('\n')) {
    const label = /^<(\w+)>:$/.exec(line.trim());
    if (label) {
      if (label[1] === dataLabel) data = true;
      if (!data) rows.push(['', `${label[1]}:`]);
      continue;
    }
    const m = /^\s+((?:[0-9a-f]{2} )+)\s*(.*)$/.exec(line);
    if (!m) continue;
    const hex = m[1].replace(/ /g, '');
    if (data) {
      rows.push([hex, '']);
      continue;
    }
    const text = m[2].trim().replace(/\s+#.*$/, '').replace(/\s+/g, ' ');
    if (!text && rows.length) rows[rows.length - 1][0] += hex;
    else rows.push([hex, text]);
  }
  const out = [];
  for (const [hex, text] of rows) {
    if (text.endsWith(':')) out.push(`  // ${text}`);
    else if (text) out.push(`  '${hex}', // ${text}`);
  }
  const tail = rows.filter(([h, t]) => h && t === '').map(([h]) => h).join('');
  if (tail) {
    const strings = Buffer.from(tail, 'hex').toString('latin1').split('\0');
    out.push(`  // strings: ${JSON.stringify(strings.filter(Boolean))}`);
    out.push(`  '${tail}',`);
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'sysray-asm-'));
try {
  for (const { src, dst, what, data, bytes } of TARGETS) {
    const obj = join(dir, `${what}.o`);
    execFileSync('cc', ['-c', src, '-o', obj]);
    let out = table(obj, data);
    if (bytes) out = [`  '${out.map((l) => /^\s*'([0-9a-f]*)'/.exec(l)?.[1] ?? '').join('')}',`];
    const ts = readFileSync(dst, 'utf8');
    const start = ts.indexOf(`// BEGIN ${what} code`);
    const end = ts.indexOf(`// END ${what} code`);
    if (start < 0 || end < 0) throw new Error(`${dst}: no BEGIN/END ${what} code markers`);
    writeFileSync(dst, ts.slice(0, start) + `// BEGIN ${what} code (scripts/asm-tables.mjs)\n` + out.join('\n') + '\n  ' + ts.slice(end));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
