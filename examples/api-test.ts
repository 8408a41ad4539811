/**
 * A project's own test, written with sysray/test: run the project's commands under sysray and assert
 * what they did to the system, not only what they printed.
 *
 * Run: node --test dist/examples/api-test.js
 * In your own project: import { record, expectNoNetwork, … } from 'sysray/test';
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoExec, expectNoNetwork, expectWritesOnlyUnder, record } from '../src/api/test.js';

/** A "build step" in shell: copy the sources into out/ and list them. */
const BUILD = 'mkdir -p out && cp src.txt out/copy.txt && ls out > out/list.txt';

test('the build writes only into its work directory, runs only its tools, and stays offline', async () => {
  const tmp = realpathSync(mkdtempSync(join(tmpdir(), 'api-test-')));
  try {
    writeFileSync(join(tmp, 'src.txt'), 'hello\n');
    const run = await record(['sh', '-c', BUILD], { cwd: tmp });
    assert.deepEqual(run.exit, { code: 0 });

    // what it wrote, with the bytes
    const written = run.files({ written: true, under: tmp }).map((f) => [f.path, f.bytesWritten]);
    assert.deepEqual(written, [[join(tmp, 'out/copy.txt'), 6], [join(tmp, 'out/list.txt'), 18]]);
    // what it read of ours
    assert.equal(run.files({ read: true, under: tmp }).find((f) => f.path === join(tmp, 'src.txt'))?.bytesRead, 6);

    // the tree: the shell and the three programs it started
    const programs = run.processes().flatMap((p) => p.exec.map((e) => e.argv[0]));
    assert.deepEqual(programs, ['sh', 'mkdir', 'cp', 'ls']);

    expectWritesOnlyUnder(run, tmp);
    expectNoNetwork(run);
    expectNoExec(run, { except: ['sh', 'mkdir', 'cp', 'ls'] });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('a Node script: its exit code, its output file, and no network', async () => {
  const tmp = realpathSync(mkdtempSync(join(tmpdir(), 'api-test-')));
  try {
    const script = "require('fs').writeFileSync('result.json', JSON.stringify({ ok: true })); process.exitCode = 3";
    const run = await record([process.execPath, '-e', script], { cwd: tmp });
    assert.deepEqual(run.exit, { code: 3 });
    // one process (its threads are not processes), which ran one program
    assert.deepEqual(run.processes().map((p) => p.exec.length), [1]);
    const out = run.files({ created: false, written: true, under: tmp });
    assert.deepEqual(out.map((f) => [f.path, f.bytesWritten, f.mayHaveCreated]), [[join(tmp, 'result.json'), 11, true]]);
    expectWritesOnlyUnder(run, tmp);
    expectNoNetwork(run);
    expectNoExec(run, { except: ['node'] });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
