/**
 * sysray/test: record() runs a real command under sysray and gives its exit, events and effects;
 * the expect* assertions pass on a clean run and throw AssertionErrors quoting the trace lines of
 * each offence; the example test (examples/api-test.ts) passes as a project would run it.
 */
import { test } from 'node:test';
import assert, { AssertionError } from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, expectNoExec, expectNoNetwork, expectWritesOnlyUnder, readTrace, record } from '../../src/api/test.js';
import { ROOT, SYSRAY, testEnv } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';

/** The AssertionError `fn` throws (failing if it throws none, or something else). */
function thrown(fn: () => void): AssertionError {
  let caught: unknown;
  assert.throws(fn, (e) => {
    caught = e;
    return e instanceof AssertionError;
  });
  return caught as AssertionError;
}

test('record() and the expectations on the effects fixture', { skip: !haveCc() && 'no cc' }, async () => {
  const bin = fixture('effects', ['-static']);
  const w = realpathSync(scratch());
  const run = await record([bin], { cwd: w, env: testEnv() });
  assert.deepEqual(run.exit, { code: 0 });
  assert.deepEqual(run.processes().map((p) => [p.parent === null ? 'root' : p.parent === run.processes()[0]!.pid ? 'child' : '?', p.exit]), [
    ['root', { code: 0 }], ['child', { code: 3 }], ['child', { signal: 'SIGTERM', coreDumped: false }],
  ]);
  assert.deepEqual(run.files({ created: true }).map((f) => f.path), ['d', 'd/a.txt', 'out.log', 'e.txt'].map((x) => join(w, x)));
  assert.deepEqual(run.files({ deleted: true }).map((f) => f.path), ['d', 'b.txt'].map((x) => join(w, x)));
  assert.deepEqual(run.files({ executed: true }).map((f) => f.path), [bin]);
  assert.deepEqual(run.network().map((s) => s.ops), [['bind', 'listen', 'accept'], ['connect'], ['accepted']]);
  assert.equal(run.events.filter((e) => e.type === 'attach').length, 3);

  expectWritesOnlyUnder(run, w);
  expectNoNetwork(run, { allowLoopback: true });
  expectNoExec(run, { except: [bin] });

  // each offence, with the calls behind it
  const writes = thrown(() => expectWritesOnlyUnder(run, join(w, 'd')));
  assert.match(writes.message, /^expectWritesOnlyUnder\(.*\/d\): 4 files modified outside:$/m);
  assert.ok(writes.message.includes(`  ${join(w, 'out.log')} (created; written, 6 bytes)\n`), writes.message);
  assert.match(writes.message, /^ {4}\d+ openat\(AT_FDCWD, "out\.log", O_WRONLY\|O_CREAT\|O_EXCL\|O_APPEND, 0644\) = 5$/m);
  assert.ok(writes.message.includes(`  ${join(w, 'c.txt')} (renamed from ${join(w, 'd/a.txt')})\n`), writes.message);
  assert.ok(!writes.message.includes(join(w, 'd/a.txt ')), 'a file inside the directory is no offence');

  const net = thrown(() => expectNoNetwork(run));
  assert.match(net.message, /^expectNoNetwork: 3 sockets reached the network:$/m);
  assert.match(net.message, /^ {2}pid \d+ AF_INET SOCK_STREAM to 127\.0\.0\.1:\d+ \(connect; 4 bytes sent, 4 received\)$/m);
  assert.match(net.message, /^ {4}\d+ connect\(5, \{sa_family=AF_INET, sin_port=htons\(\d+\), sin_addr=inet_addr\("127\.0\.0\.1"\)\}, 16\) = 0$/m);

  const exec = thrown(() => expectNoExec(run));
  assert.equal(exec.message.split('\n').filter((l) => / execve\(/.test(l)).length, 2, exec.message);
  assert.match(exec.message, /^ {2}pid \d+: .*effects \[".*effects","exec-child"\]$/m);
  thrown(() => expectNoExec(run, { except: ['sh'] }));
});

test('record(): a signal death, the output, a time limit, and what sysray refuses', async () => {
  const killed = await record(['sh', '-c', 'echo out; echo err >&2; kill -TERM $$'], { env: testEnv() });
  assert.deepEqual(killed.exit, { signal: 'SIGTERM', coreDumped: false });
  assert.equal(killed.stdout, 'out\n');
  assert.equal(killed.stderr, 'err\n');
  await assert.rejects(record(['sleep', '30'], { timeoutMs: 300 }), { message: 'record: sleep did not finish within 300 ms' });
  await assert.rejects(record(['/nonexistent/program']), { name: 'SysrayError', code: 'ENOENT', message: "Can't stat '/nonexistent/program': No such file or directory" });
  await assert.rejects(record(['true'], { filter: ['trace=nosuchcall'] }), { name: 'SysrayError', code: 'EINVAL_FILTER', message: "invalid system call 'nosuchcall'" });
});

test('record(): a long argv is whole (a large string limit) and says so when cut', async () => {
  const long = 'x'.repeat(100);
  const whole = await record(['sh', '-c', 'true', long]);
  assert.deepEqual(whole.processes()[0]!.argv, ['sh', '-c', 'true', long]);
  const cut = await record(['sh', '-c', 'true', long], { stringLimit: 8 });
  assert.equal(cut.processes()[0]!.exec[0]!.argvTruncated, true);
  assert.match(cut.effects.incomplete.join('\n'), /argv was cut short/);
});

test('analyze() over a --json recording equals what record() built', () => {
  const out = join(scratch(), 'trace.jsonl');
  const r = spawnSync(SYSRAY, ['--json', '-f', '-o', out, 'sh', '-c', 'echo x > f; cat f; rm f'], { cwd: join(out, '..'), env: testEnv() });
  assert.equal(r.status, 0);
  const m = analyze(readTrace(out));
  const f = m.files.find((x) => x.path === join(realpathSync(join(out, '..')), 'f'));
  assert.deepEqual(f && [f.bytesWritten, f.bytesRead, f.deleted, f.pids.length], [2, 2, true, 3]);
  rmSync(join(out, '..'), { recursive: true, force: true });
});

test('the example project test passes', () => {
  const r = spawnSync(process.execPath, ['--test', join(ROOT, 'dist', 'examples', 'api-test.js')], { encoding: 'utf8', env: testEnv() });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^# pass 2$/m);
});
