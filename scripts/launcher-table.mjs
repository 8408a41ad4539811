// Regenerates the machine-code table in src/tracer/launcher.ts from src/tracer/launcher.S (needs cc
// and objdump; run it after editing the .S). tests/tracer/launcher.test.ts checks that the two agree.
//   node scripts/launcher-table.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const src = 'src/tracer/launcher.S';
const dst = 'src/tracer/launcher.ts';
const dir = mkdtempSync(join(tmpdir(), 'sysray-asm-'));
try {
  const obj = join(dir, 'l.o');
  execFileSync('cc', ['-c', src, '-o', obj]);
  const dump = execFileSync('objdump', ['-d', '-M', 'intel', '--no-addresses', '-z', obj], { encoding: 'utf8' });
  // rows: [hex, text]; labels become comment rows; from the first string on, the rest is data
  const rows = [];
  let data = false;
  for (const line of dump.split('\n')) {
    const label = /^<(\w+)>:$/.exec(line.trim());
    if (label) {
      if (label[1] === 'proc_self_exe') data = true;
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
  const code = rows.filter(([, t]) => t !== '' && !t.endsWith(':'));
  const tail = rows.filter(([h, t]) => h && t === '').map(([h]) => h).join('');
  const strings = Buffer.from(tail, 'hex').toString('latin1').split('\0');
  const out = [];
  for (const [hex, text] of rows) {
    if (text.endsWith(':')) out.push(`  // ${text}`);
    else if (text) out.push(`  '${hex}', // ${text}`);
  }
  out.push(`  // strings: ${JSON.stringify(strings.filter(Boolean))}`);
  out.push(`  '${tail}',`);
  void code;
  const ts = readFileSync(dst, 'utf8');
  const start = ts.indexOf('// BEGIN launcher code');
  const end = ts.indexOf('// END launcher code');
  if (start < 0 || end < 0) throw new Error(`${dst}: no BEGIN/END launcher code markers`);
  writeFileSync(dst, ts.slice(0, start) + '// BEGIN launcher code (scripts/launcher-table.mjs)\n' + out.join('\n') + '\n  ' + ts.slice(end));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
