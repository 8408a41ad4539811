/** --tips: strace's box around sysray's own tips (without strace's mascot), and strace's rules for the argument. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { parseTips, tipsText } from '../../src/cli/tips.js';
import { STRACE, SYSRAY, testEnv } from '../helpers/diff.js';

const run = (tool: string, args: string[]) => spawnSync(tool, ['-qqq', '-enone', ...args, 'true'], { encoding: 'latin1', env: testEnv() });

/** A tip box with its text blanked and strace's drawing beside it cut off: what must match, line for line. */
const frame = (box: string) =>
  box
    .split('\n')
    .slice(0, box.split('\n').findIndex((l) => l.startsWith(' \\_')) + 1)
    .map((l) => (/^ [|/\\] /.test(l) && l.length > 48 ? l.slice(0, 3) + ' '.repeat(44) + l.slice(47) : l).slice(0, 52).trimEnd());

test('the box is strace\'s, line for line, compact and full', () => {
  for (const fmt of ['compact', 'full']) {
    // strace's tip 3 has three lines of text, as sysray's tip 1 does
    const a = run(STRACE, [`--tips=id:3,format:${fmt}`]).stderr;
    const b = run(SYSRAY, [`--tips=id:1,format:${fmt}`]).stderr;
    assert.ok(a.split('\n').length > 10, a);
    assert.deepEqual(frame(b), frame(a), fmt);
    assert.equal(b.trimEnd().split('\n').length, frame(b).length, 'nothing below the box');
    assert.ok(b.split('\n').every((l) => l.length <= 52), 'nothing beside the box');
  }
  assert.equal(run(SYSRAY, ['--tips=format:none']).stderr, '');
});

test('every tip fits the box and ids wrap round the list', () => {
  const seen = new Set<string>();
  for (let id = 0; ; id++) {
    const box = tipsText({ id, format: 'compact' });
    if (seen.has(box)) break;
    seen.add(box);
    for (const l of box.split('\n').slice(2, 8)) assert.match(l, /^ \| .{44} /, `tip ${id}: ${l}`);
    assert.ok(id < 200, 'ids never wrap');
  }
  assert.ok(seen.size >= 20);
  // random picks differ (with a fixed source of randomness, deterministically)
  let x = 0;
  const texts = new Set(Array.from({ length: 8 }, () => tipsText({ id: 'random', format: 'compact' }, () => (x = (x + 0.37) % 1))));
  assert.ok(texts.size > 1);
});

test('--tips arguments: strace\'s tokens and its message for a bad one', () => {
  assert.deepEqual(parseTips('', undefined), { id: 'random', format: 'compact' });
  assert.deepEqual(parseTips('ID:7,Format:FULL', undefined), { id: 7, format: 'full' });
  assert.deepEqual(parseTips('full,3', undefined), { id: 3, format: 'full' });
  assert.deepEqual(parseTips('random', { id: 2, format: 'full' }), { id: 'random', format: 'full' });
  for (const arg of ['--tips=bogus', '--tips=id:full', '--tips=format:3', '--tips=id:-1', '--tips=,', '--tips=none,id:2']) {
    const a = run(STRACE, [arg]), b = run(SYSRAY, [arg]);
    assert.equal(b.status, a.status, arg);
    // the first line: a message, or the top of the box (strace's mascot beside it cut off)
    const first = (out: string, tool: string) => out.replaceAll(tool, 'T').split('\n')[0]!.slice(0, 52).trimEnd();
    assert.equal(first(b.stderr, SYSRAY), first(a.stderr, STRACE), arg);
  }
});
