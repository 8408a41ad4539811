/** docs/unix.md's coverage of x/sys/unix: every name it claims is a function sysray/unix exports. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { join } from 'node:path';
import * as unix from '../../src/unix/index.js';
import { ROOT } from '../helpers/diff.js';

const doc = fs.readFileSync(join(ROOT, 'docs', 'unix.md'), 'utf8');

/** The data rows of the table between `<!-- coverage:KIND -->` and the next end marker. */
function table(kind: string): [string, string][] {
  const start = doc.indexOf(`<!-- coverage:${kind} -->`);
  assert.ok(start >= 0, `no coverage:${kind} table`);
  const body = doc.slice(start, doc.indexOf('<!-- coverage:end -->', start));
  return body.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| x/sys/unix')).map((l) => {
    const cells = l.split('|').slice(1, -1).map((c) => c.trim());
    return [cells[0]!, cells[1]!];
  });
}

test('every x/sys/unix function docs/unix.md maps is a sysray/unix function, and the count adds up', () => {
  const has = table('has');
  const left = table('left');
  const ns = unix as unknown as Record<string, unknown>;
  for (const [go, ours] of has) {
    const name = ours.replace(/`/g, '');
    assert.equal(typeof ns[name], 'function', `${go} → ${name} is not a sysray/unix function`);
  }
  for (const [go, why] of left) assert.ok(why.length > 20, `${go}: say why it is left out`);
  const all = [...has, ...left].map(([go]) => go);
  assert.equal(new Set(all).size, all.length, 'a Go function listed twice');
  assert.equal(all.length, 429);
  assert.match(doc, new RegExp(`sysray/unix has \\*\\*${has.length} / 429\\*\\*`));
  assert.match(doc, new RegExp(`Left out \\(${left.length}\\)`));
  assert.ok(has.length >= 300, `${has.length} functions`);
});

test('the named constants are exactly unix.constants (names.ts is not stale)', () => {
  const ns = unix as unknown as Record<string, unknown>;
  for (const [name, v] of Object.entries(unix.constants)) assert.equal(ns[name], v, `${name}: run node scripts/unix-names.mjs`);
  const src = fs.readFileSync(join(ROOT, 'src', 'unix', 'names.ts'), 'utf8');
  const named = [...src.matchAll(/^export const (\w+) = c\('(\w+)'\);$/gm)];
  assert.equal(named.length, Object.keys(unix.constants).length, 'run node scripts/unix-names.mjs');
  for (const [, a, b] of named) assert.equal(a, b);
});
