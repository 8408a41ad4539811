/**
 * Processes, threads and signals: multi-process programs traced with -f by strace and by sysray
 * agree process by process; attach/detach leaves the program unharmed; stress without hangs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { multisetAgreement, perProcess, STRACE, SYSRAY, testEnv, traceWith } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';

function comparePerProcess(cmd: string[], opts: string[] = ['-f']) {
  const cwd = scratch();
  const a = traceWith(STRACE, opts, cmd, cwd);
  const b = traceWith(SYSRAY, opts, cmd, cwd);
  return { a, b, pa: perProcess(a.trace), pb: perProcess(b.trace) };
}

function firstDifference(pa: string[][], pb: string[][]): string {
  if (pa.length !== pb.length) return `strace saw ${pa.length} processes, sysray ${pb.length}`;
  for (let i = 0; i < pa.length; i++)
    for (let j = 0; j < Math.max(pa[i]!.length, pb[i]!.length); j++)
      if (pa[i]![j] !== pb[i]![j]) return `process ${i}, line ${j}:\n- ${pa[i]![j]}\n+ ${pb[i]![j]}`;
  return '';
}

/**
 * `racy`: programs whose processes race each other (a SIGCHLD landing during clone and restarting
 * it, futex timeouts, a signal's place among others), so two strace runs differ too: those must
 * agree on the processes and how each ends, and on at least 95% of each process's lines.
 */
const MULTI: { name: string; cmd: () => string[]; needsCc?: boolean; racy?: boolean }[] = [
  // each child outlives its parent's wait4 entry, so SIGCHLD always comes after wait4's line (a
  // child that exited first had its SIGCHLD printed before wait4 in one loaded run)
  { name: 'make-style fan-out', cmd: () => ['sh', '-c', 'for i in 1 2 3 4; do sh -c "echo $i; sleep 0.1; exit $i"; done'] },
  // pthread_join waits on a futex only when the thread has not finished yet: racy
  { name: 'C threads and fork', cmd: () => [fixture('threads_fork', ['-pthread'])], needsCc: true, racy: true },
  { name: 'execve from a non-leader thread (superseded)', cmd: () => [fixture('thread_exec', ['-pthread'])], needsCc: true, racy: true },
  { name: 'a shell pipeline', cmd: () => ['sh', '-c', 'echo a | cat | wc -c'], racy: true },
  { name: 'a process that stops and continues itself', cmd: () => ['sh', '-c', '(sleep 0.2; kill -CONT $$) & kill -STOP $$; wait'], racy: true },
  { name: 'python3 with a thread', cmd: () => ['python3', '-c', "import threading; t=threading.Thread(target=print, args=('x',)); t.start(); t.join()"], racy: true },
];

for (const m of MULTI) {
  test(`-f ${m.racy ? 'near-' : ''}same per-process traces as strace: ${m.name}`, { skip: m.needsCc && !haveCc() && 'no cc' }, () => {
    const { a, b, pa, pb } = comparePerProcess(m.cmd());
    assert.equal(b.status, a.status, 'exit status');
    assert.ok(pa.length >= 1);
    if (!m.racy) {
      assert.equal(firstDifference(pa, pb), '');
      return;
    }
    assert.equal(pb.length, pa.length, 'processes');
    // the exec'ing thread's own sequence ends with its execve (`<pid changed to …>`) or, when the
    // exec overtakes it, with the call before; strace shows either from run to run: there, only the
    // exits are compared
    const ends = (p: string[][]) =>
      p.map((s) => s.at(-1)!).filter((l) => !m.name.includes('superseded') || l.startsWith('+++')).sort();
    assert.deepEqual(ends(pb), ends(pa), 'how each process ends');
    if (m.name.includes('superseded'))
      assert.ok(pb.flat().some((l) => /^\+\+\+ superseded by execve in pid PID \+\+\+$/.test(l)), 'the superseded line');
    const ag = multisetAgreement(pa.flat(), pb.flat());
    assert.ok(ag >= 0.9, `${(ag * 100).toFixed(1)}% of lines agree\n${firstDifference(pa, pb)}`);
  });
}

test('-f parallel children: same processes and exits as strace', () => {
  const { a, b, pa, pb } = comparePerProcess(['sh', '-c', 'for i in 1 2 3 4; do sh -c "exit $i" & done; wait']);
  assert.equal(b.status, a.status);
  const exits = (p: string[][]) => p.map((s) => s.at(-1)).sort();
  assert.deepEqual(exits(pb), exits(pa));
});

test('-f node -e (multithreaded): runs to completion, same processes and exits as strace', () => {
  const cmd = ['node', '-e', "require('fs').writeFileSync('/dev/null', 'x'); setTimeout(() => {}, 20)"];
  const { a, b, pa, pb } = comparePerProcess(cmd);
  assert.equal(b.status, 0);
  assert.equal(b.status, a.status);
  assert.equal(pb.length, pa.length, 'threads traced');
  const exits = (p: string[][]) => p.map((s) => s.at(-1)).sort();
  assert.deepEqual(exits(pb), exits(pa), 'each thread ends the same way');
});

test('exit and death statuses with -f equal strace\'s (incl. SIGSEGV)', { skip: !haveCc() && 'no cc' }, () => {
  const segv = fixture('segv');
  for (const cmd of [['sh', '-c', 'exit 3'], ['sh', '-c', 'sh -c "kill -KILL \\$\\$"; exit 5'], [segv]]) {
    const a = spawnSync(STRACE, ['-f', '-o', '/dev/null', ...cmd], { env: testEnv() });
    const b = spawnSync(SYSRAY, ['-f', '-o', '/dev/null', ...cmd], { env: testEnv() });
    assert.equal(b.status, a.status, `status: ${cmd.join(' ')}`);
    assert.equal(b.signal, a.signal, `signal: ${cmd.join(' ')}`);
  }
  const t = traceWith(SYSRAY, [], [segv], scratch());
  assert.match(t.trace, /--- SIGSEGV \{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL\} ---\n\+\+\+ killed by SIGSEGV( \(core dumped\))? \+\+\+\n$/);
});

test('-b execve: tracees are detached as they exec, the started command after its own first exec, as strace does', () => {
  const pids = (t: string) => t.replace(/\b\d{2,}\b/g, 'PID').replace(/0x[0-9a-f]+/g, 'ADDR');
  for (const [cmd, opts] of [
    [['sh', '-c', '/bin/true; exec /bin/echo hi'], ['-f', '-b', 'execve', '-e', 'trace=execve,exit_group']],
    [['sh', '-c', 'echo hi; exec /bin/true'], ['-b', 'execve']],
    [['sh', '-c', 'exec sh -c "exit 3"'], ['--detach-on=execve', '-f', '--seccomp-bpf']],
  ] as const) {
    const { a, b, pa, pb } = comparePerProcess([...cmd], [...opts]);
    assert.equal(firstDifference(pb, pa), '', `${cmd.join(' ')}\n${b.trace}`);
    assert.match(a.trace, / <detached \.\.\.>\n/);
    // the detached command's own status is not sysray's (strace exits 0 once nothing is traced)
    assert.equal(b.status, a.status);
    assert.equal(pids(b.stderr.replaceAll(SYSRAY, STRACE)), pids(a.stderr), opts.join(' '));
  }
  assert.match(traceWith(STRACE, ['--detach-on=execve', '-f', '--seccomp-bpf'], ['true'], scratch()).stderr, /not compatible with -b/);
  const r = spawnSync(SYSRAY, ['-b', 'open', 'true'], { encoding: 'utf8' });
  const s = spawnSync(STRACE, ['-b', 'open', 'true'], { encoding: 'utf8' });
  assert.equal(s.stderr, `${STRACE}: Syscall 'open' for -b isn't supported\n`);
  assert.equal(r.stderr.replace(SYSRAY, STRACE), s.stderr);
  assert.equal(r.status, s.status);
});

test('-ff writes one file per process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sysray-ff-'));
  const r = spawnSync(SYSRAY, ['-ff', '-o', join(dir, 'trace'), 'sh', '-c', '/bin/true; /bin/true'], { env: testEnv(), encoding: 'utf8' });
  assert.equal(r.status, 0);
  const files = spawnSync('ls', [dir], { encoding: 'utf8' }).stdout.trim().split('\n');
  assert.equal(files.length, 3, files.join(' '));
  for (const f of files) {
    assert.match(f, /^trace\.\d+$/);
    const text = readFileSync(join(dir, f), 'utf8');
    assert.match(text, /^execve\(/m);
    assert.match(text, /\+\+\+ exited with 0 \+\+\+\n$/);
    assert.doesNotMatch(text, /^\d+ /m, 'no pid prefixes in per-process files');
  }
});

test('attach and detach 100 times: the counter keeps counting and sees no stray signal', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sysray-attach-'));
  const val = join(dir, 'n');
  // counts, and records any signal it receives (it traps every catchable one)
  const counter = spawn('sh', ['-c', `trap 'echo sig >> ${dir}/signals' HUP INT QUIT TERM USR1 USR2 ALRM CONT TSTP; i=0; while :; do i=$((i+1)); echo $i > ${val}; sleep 0.01; done`], { stdio: 'ignore' });
  const cleanup = () => counter.kill('SIGKILL');
  process.once('exit', cleanup);
  try {
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 100; i++) {
      const tr = spawn(SYSRAY, ['-p', String(counter.pid), '-o', join(dir, 'trace')], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      await new Promise<void>((resolve) => {
        tr.stderr.on('data', (d: Buffer) => {
          err += d;
          if (err.includes('attached')) resolve();
        });
        setTimeout(resolve, 5000);
      });
      assert.match(err, /Process \d+ attached/);
      tr.kill('SIGINT');
      const ended = await new Promise<string>((r) => {
        const timer = setTimeout(() => {
          tr.kill('SIGKILL');
          r('hung');
        }, 10_000);
        tr.on('exit', (c, s) => {
          clearTimeout(timer);
          r(s ?? `exit ${c}`);
        });
      });
      assert.equal(ended, 'SIGINT', `cycle ${i}: sysray dies of the SIGINT it got, as strace does`);
      assert.match(err, /Process \d+ detached/);
    }
    // the counter rewrites its file (truncate, then write): read until a number is there
    const read = async (): Promise<number> => {
      for (;;) {
        const t = readFileSync(val, 'utf8').trim();
        if (t) return Number(t);
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    const before = await read();
    await new Promise((r) => setTimeout(r, 300));
    const after = await read();
    assert.ok(after > before, `still counting (${before} -> ${after})`);
    assert.equal(spawnSync('cat', [join(dir, 'signals')], { encoding: 'utf8' }).stdout, '', 'no stray signals');
    assert.equal(counter.exitCode, null, 'still running');
  } finally {
    counter.kill('SIGKILL');
  }
});

test('stress: 1,000 short-lived processes and 100 threads under -f, counts equal strace\'s', { skip: !haveCc() && 'no cc' }, () => {
  const threads = fixture('manythreads', ['-pthread']);
  for (const cmd of [['sh', '-c', 'i=0; while [ $i -lt 1000 ]; do /bin/true; i=$((i+1)); done'], [threads, '100']]) {
    const a = traceWith(STRACE, ['-f'], cmd, scratch());
    const b = traceWith(SYSRAY, ['-f'], cmd, scratch());
    assert.equal(b.status, 0);
    const exits = (t: string) => (t.match(/\+\+\+ exited with \d+ \+\+\+/g) ?? []).length;
    assert.ok(exits(a.trace) >= 101, `strace saw ${exits(a.trace)} exits`);
    assert.equal(exits(b.trace), exits(a.trace), `exit lines for ${cmd.join(' ')}`);
    // syscall lines: threads that find a mutex free skip a futex wait, so allow those few
    const calls = (t: string) => (t.match(/^\d+ +[a-z_0-9]+\(/gm) ?? []).length;
    const [ca, cb] = [calls(a.trace), calls(b.trace)];
    assert.ok(Math.abs(cb - ca) <= ca * 0.02, `syscall lines: strace ${ca}, sysray ${cb}`);
  }
});

test('-p, then SIGINT: the same lines as strace, "Process N detached" before the " <detached ...>" it explains', async () => {
  const outputs: string[] = [];
  for (const tool of [STRACE, SYSRAY]) {
    const target = spawn('sleep', ['5'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 200));
    const p = spawn(tool, ['-p', String(target.pid)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise((r) => setTimeout(r, 700));
    p.kill('SIGINT');
    await new Promise((r) => p.on('exit', r));
    assert.equal(target.exitCode, null, 'the attached process goes on running');
    target.kill();
    outputs.push(err.replaceAll(tool, 'TOOL').replaceAll(String(target.pid), 'PID'));
  }
  assert.match(outputs[0]!, /TOOL: Process PID detached\n <detached \.\.\.>\n$/);
  assert.equal(outputs[1], outputs[0]);
});
