/**
 * The differential corpus (tests/corpus/): every case traced twice by strace and once by sysray.
 * Overall agreement must be within one point of strace's agreement with itself, each family within
 * two, and every case must leave the traced program's exit status as strace does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstDiffs, runAll, table, tally } from './helpers/corpus.js';
import { haveCc } from './helpers/fixtures.js';
import { CORPUS } from './corpus/index.js';

test(`corpus: ${CORPUS.length} commands and fixtures agree with strace as strace agrees with itself`, { skip: !haveCc() && 'no cc' }, async () => {
  assert.ok(CORPUS.length >= 40, 'at least 40 cases');
  const results = await runAll(CORPUS, 2);
  const scores = tally(results);
  console.log(table(scores).replace(/^/gm, '# '));
  const lows = results.filter((r) => r.score < r.ceiling - 0.005)
    .map((r) => `${r.c.family}/${r.c.name}: strace ${(r.ceiling * 100).toFixed(1)}%, sysray ${(r.score * 100).toFixed(1)}%\n${firstDiffs(r, 3).join('\n')}`);
  for (const r of results) {
    assert.ok(r.a.length > 3, `${r.c.name}: strace produced a trace`);
    assert.equal(r.statusS, r.statusA, `${r.c.name}: exit status`);
  }
  for (const f of scores) {
    const slack = f.family === 'all' ? 0.01 : 0.02;
    assert.ok(f.score >= f.ceiling - slack,
      `${f.family}: sysray ${(f.score * 100).toFixed(1)}% vs strace ${(f.ceiling * 100).toFixed(1)}%\n${lows.join('\n')}`);
  }
});
