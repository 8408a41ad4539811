/**
 * Faults around a trace: sysray killed (SIGKILL) or interrupted (INT, TERM, HUP) mid-trace, and
 * output that fails (a full disk, /dev/full, a pipe whose reader goes, closed stdout or stderr).
 * A command sysray started never outlives it under its seccomp filter; a process attached with -p
 * goes on; the -o file holds only finished lines; exit statuses and messages are strace's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { STRACE, SYSRAY, testEnv } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';
import { gone } from '../helpers/session.js';

const skip = !haveCc();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Start `tool args…`; once it traces (`tracing(stderr)`, polled; a tracer still starting up is not
 * what is tested) and `ms` later, send it `sig`; wait for it (at most 30 s).
 */
async function interrupt(tool: string, args: string[], sig: NodeJS.Signals, ms: number, during?: (pid: number) => void,
  tracing: (stderr: string) => boolean = () => true): Promise<Ended> {
  const p = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'], env: testEnv() });
  let stderr = '';
  p.stderr.setEncoding('latin1').on('data', (d: string) => (stderr += d));
  const ended = new Promise<Ended>((resolve) => p.on('close', (code, signal) => resolve({ code, signal, stderr })));
  for (let i = 0; i < 500 && !tracing(stderr); i++) await sleep(20);
  await sleep(ms);
  during?.(p.pid!);
  p.kill(sig);
  const hang = setTimeout(() => p.kill('SIGKILL'), 30_000);
  const r = await ended;
  clearTimeout(hang);
  return r;
}

/** The trace file has lines (sysray is past its start-up). */
const traced = (file: string): boolean => existsSync(file) && readFileSync(file).length > 0;

/** Messages with the tool's name and pids made alike. */
const said = (s: string): string => s.replace(/^\S*(strace|sysray):/gm, 'TOOL:').replace(/\d{2,}/g, 'N');

/** Every line of a trace file is finished: a result, an end marker, or cut by a detach. */
function unfinishedLines(trace: string): string[] {
  if (trace && !trace.endsWith('\n')) return ['(no newline at the end)'];
  return trace.split('\n').filter((l) => l && !/(= .*|<detached \.\.\.>|<unfinished \.\.\.>|\+\+\+|---)$/.test(l));
}

test('SIGKILL mid-trace: the command sysray started dies with it, under the seccomp filter or not', { skip }, async () => {
  const prog = fixture('ticker');
  const dir = scratch();
  try {
    for (const opts of [[], ['-f'], ['-f', '-e', 'trace=write'], ['-f', '-e', 'trace=write', '--seccomp-bpf']]) {
      const marker = join(dir, 'ran');
      let command = 0;
      await interrupt(SYSRAY, [...opts, '-o', join(dir, 'trace'), prog, '300', marker], 'SIGKILL', 300, (pid) => {
        command = Number(readFileSync(`/proc/${pid}/task/${pid}/children`, 'latin1').trim().split(' ')[0]);
      }, () => traced(join(dir, 'trace')));
      assert.ok(command > 0, 'the command was running');
      for (let i = 0; i < 40 && !gone(command); i++) await sleep(50);
      assert.ok(gone(command), `${opts.join(' ')}: the command outlived sysray`);
      await sleep(1000);
      assert.ok(!existsSync(marker), `${opts.join(' ')}: the command went on`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SIGKILL mid-trace: a process attached with -p goes on, undisturbed, to its own end', { skip }, async () => {
  const prog = fixture('ticker');
  const dir = scratch();
  try {
    for (const opts of [['-p'], ['-f', '-p']]) {
      const marker = join(dir, 'ran');
      rmSync(marker, { force: true });
      const target = spawn(prog, ['400', marker], { stdio: 'ignore' });
      const exited = new Promise<number | null>((r) => target.on('exit', (code) => r(code)));
      await sleep(100);
      await interrupt(SYSRAY, ['-o', join(dir, 'trace'), ...opts, String(target.pid)], 'SIGKILL', 300, undefined, () => traced(join(dir, 'trace')));
      assert.equal(await exited, 7, `${opts.join(' ')}: the attached process's own exit status`);
      assert.ok(existsSync(marker));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SIGINT, SIGTERM, SIGHUP mid-trace: the exit status and messages are strace\'s, the -o file holds finished lines', { skip }, async () => {
  const prog = fixture('ticker');
  const dir = scratch();
  try {
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      // -o FILE with a command: the signal is ignored (strace's -I 3); -p, or the trace on stderr: detach
      for (const mode of ['-o', '-p', 'stderr'] as const) {
        const got = [];
        for (const tool of [STRACE, SYSRAY]) {
          const trace = join(dir, 'trace');
          const marker = join(dir, 'ran');
          rmSync(marker, { force: true });
          rmSync(trace, { force: true });
          let target: ReturnType<typeof spawn> | undefined;
          // 150 ticks end by themselves after the ignored signal; a detach must find the program
          // running however slow the tracer's start, so there it ticks until SIGUSR1 (0)
          let args = mode === '-o' ? ['-o', trace, prog, '150', marker] : [prog, '0', marker];
          if (mode === '-p') {
            target = spawn(prog, ['0', marker], { stdio: 'ignore' });
            args = ['-o', trace, '-p', String(target.pid)];
          }
          const exited = target ? new Promise<number | null>((r) => target.on('exit', (code) => r(code))) : undefined;
          let command = 0;
          const r = await interrupt(tool, args, sig, 150, (pid) => {
            if (mode === 'stderr') command = Number(readFileSync(`/proc/${pid}/task/${pid}/children`, 'latin1').trim().split(' ')[0]);
          }, (err) => (mode === 'stderr' ? err.length > 0 : traced(trace)));
          target?.kill('SIGUSR1');
          if (exited) assert.equal(await exited, 7);
          // the command the tracer started dies of the signal it passes on, as strace's does
          for (let i = 0; command && i < 40 && !gone(command); i++) await sleep(50);
          if (command && !gone(command)) {
            if (readFileSync(`/proc/${command}/cmdline`, 'latin1').includes(marker)) process.kill(command, 'SIGKILL');
            assert.fail(`${tool} ${sig} ${mode}: the command outlived the tracer`);
          }
          for (let i = 0; mode === '-o' && i < 20 && !existsSync(marker); i++) await sleep(50);
          const text = mode === 'stderr' ? '' : readFileSync(trace, 'latin1');
          assert.deepEqual(unfinishedLines(text), [], `${tool} ${sig} ${mode}`);
          // on stderr, among the trace's lines, `Process N detached`: strace says it or not, as the
          // command dies of the signal before or after its detach
          if (mode === 'stderr') for (const m of said(r.stderr).match(/TOOL: .*/g) ?? []) assert.equal(m, 'TOOL: Process N detached');
          got.push({ code: r.code, signal: r.signal, said: mode === 'stderr' ? '' : said(r.stderr), ran: existsSync(marker), exited: /\+\+\+ exited with 7 \+\+\+\n$/.test(text) });
        }
        assert.deepEqual(got[1], got[0], `${sig} ${mode}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** `bash -c SCRIPT` with TOOL and PROG set; its exit status, stderr and whether the marker was made. */
function shell(tool: string, prog: string, marker: string, script: string): { status: number | null; stderr: string; ran: boolean } {
  rmSync(marker, { force: true });
  const r = spawnSync('bash', ['-c', script], { env: { ...testEnv(), TOOL: tool, PROG: prog, MARK: marker }, encoding: 'latin1', timeout: 30_000 });
  for (let i = 0; i < 40 && !existsSync(marker) && r.status === 7; i++) spawnSync('sleep', ['0.05']);
  return { status: r.status, stderr: r.stderr, ran: existsSync(marker) };
}

test('output that fails: /dev/full, a pipe whose reader goes, -o |cmd whose reader dies, closed stdout and stderr: as strace', { skip }, () => {
  const prog = fixture('ticker');
  const dir = scratch();
  try {
    const marker = join(dir, 'ran');
    for (const [what, script, exact] of [
      ['-o /dev/full', '"$TOOL" -o /dev/full "$PROG" 3 "$MARK" >/dev/null', true],
      // the trace on stderr: SIGPIPE kills the tracer (status 141), and so the command it started
      ['stderr to a pipe that closes', '"$TOOL" "$PROG" 300 "$MARK" 2>&1 >/dev/null | head -c 100 >/dev/null; exit ${PIPESTATUS[0]}', false],
      ['-o |cmd whose reader dies', '"$TOOL" -o "|head -c 100 >/dev/null" "$PROG" 300 "$MARK" >/dev/null', false],
      ['stdout closed', '"$TOOL" -o /dev/null "$PROG" 3 "$MARK" >&-', true],
      ['stderr closed', '"$TOOL" "$PROG" 3 "$MARK" >/dev/null 2>&-', true],
      ['-o /dev/stdout closed', '"$TOOL" -o /dev/stdout "$PROG" 3 "$MARK" >&-', true],
    ] as const) {
      const a = shell(STRACE, prog, marker, script);
      const b = shell(SYSRAY, prog, marker, script);
      const lines = (s: string): string[] => [...new Set(said(s).split('\n').filter(Boolean))];
      assert.equal(b.status, a.status, `${what}: ${b.stderr.slice(0, 300)}`);
      assert.equal(b.ran, a.ran, what);
      assert.deepEqual(lines(b.stderr), lines(a.stderr), what);
      // one message per line lost, as strace's stdio says it
      if (exact) assert.equal(said(b.stderr), said(a.stderr), what);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('-o |cmd whose reader is gone: at most one message per line lost, whole lines flushed as strace flushes them', { skip }, () => {
  const prog = fixture('ticker');
  const dir = scratch();
  try {
    const marker = join(dir, 'ran');
    // the reader closes the pipe at once: every line written after that is lost (some before may not be)
    const r = shell(SYSRAY, prog, marker, '"$TOOL" -o "|exec 0<&-; sleep 1" "$PROG" 20 "$MARK" >/dev/null');
    const t = shell(SYSRAY, prog, marker, `"$TOOL" -o ${join(dir, 'trace')} "$PROG" 20 "$MARK" >/dev/null`);
    assert.equal(r.status, t.status);
    const lines = readFileSync(join(dir, 'trace'), 'latin1').split('\n').filter(Boolean).length;
    const msgs = said(r.stderr).split('\n').filter(Boolean);
    assert.deepEqual([...new Set(msgs)], ['TOOL: |exec 0<&-; sleep 1: Broken pipe']);
    // an entry line flushed on its own (the tracee blocked in mid-line) would count twice
    assert.ok(msgs.length <= lines, `${msgs.length} messages for ${lines} lines`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('-o on a full disk (a 16 KiB tmpfs): strace\'s message for each line lost, the command unharmed, nothing hangs', { skip }, () => {
  const prog = fixture('ticker');
  const dir = scratch();
  const mnt = join(dir, 'disk');
  spawnSync('mkdir', [mnt]);
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mnt]).status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return; // not root: nothing to mount a small disk on
  }
  try {
    const marker = join(dir, 'ran');
    const got = [];
    for (const tool of [STRACE, SYSRAY]) {
      rmSync(join(mnt, 'trace'), { force: true });
      const r = shell(tool, prog, marker, `"$TOOL" -o ${mnt}/trace "$PROG" 400 "$MARK" >/dev/null`);
      const msgs = said(r.stderr).split('\n').filter(Boolean);
      got.push({ status: r.status, ran: r.ran, said: [...new Set(msgs)], many: msgs.length > 100 });
    }
    assert.deepEqual(got[1], got[0]);
    assert.deepEqual(got[0]!.said, [`TOOL: ${mnt.replace(/\d{2,}/g, 'N')}/trace: No space left on device`]);
  } finally {
    spawnSync('umount', [mnt]);
    rmSync(dir, { recursive: true, force: true });
  }
});
