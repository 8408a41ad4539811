/** The sysray command as a user meets it: messages, exit statuses, passing things through. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STRACE, SYSRAY, testEnv } from '../helpers/diff.js';
import { gone } from '../helpers/session.js';

const run = (tool: string, args: string[], opts: { input?: string; cwd?: string } = {}) =>
  spawnSync(tool, args, { encoding: 'utf8', env: testEnv(), timeout: 30_000, input: opts.input ?? '', cwd: opts.cwd });

/** stderr of both tools with their names made equal. */
const msgs = (tool: string, args: string[], cwd?: string) => {
  const r = run(tool, args, { cwd });
  return { status: r.status, signal: r.signal, stderr: r.stderr.replaceAll(tool, 'TOOL').replaceAll('strace', 'TOOL').replaceAll('sysray', 'TOOL') };
};

test('missing command: same message and status as strace', () => {
  const a = msgs(STRACE, ['nosuchcmd-xyz']);
  const b = msgs(SYSRAY, ['nosuchcmd-xyz']);
  assert.equal(b.stderr, "TOOL: Can't stat 'nosuchcmd-xyz': No such file or directory\n");
  assert.deepEqual(b, a);
});

test('-P: a path that resolves elsewhere is announced as strace announces it; an empty one is not', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'sysray-P-'));
  for (const args of [['-P', '.', '-o', '/dev/null', 'true'], ['-P', '', '-o', '/dev/null', 'true']]) {
    const a = msgs(STRACE, args, cwd);
    const b = msgs(SYSRAY, args, cwd);
    assert.deepEqual(b, a, `-P '${args[1]}'`);
  }
});

test('bad options: strace-style usage errors, exit 1, no stack trace', () => {
  for (const args of [['--bogus', 'true'], ['-Q', 'true'], ['-s'], [], ['-s', 'x', 'true'], ['--string-limit=x', 'true'],
    ['-X', 'bogus', 'true'], ['--const-print-style=bogus', 'true'], ['--strings-in-hex=bogus', 'true'], ['--interruptible=9', 'true'],
    ['--columns=x', 'true'], ['-O', 'x', 'true'], ['--summary-syscall-overhead=x', 'true']]) {
    const a = msgs(STRACE, args);
    const b = msgs(SYSRAY, args);
    assert.equal(b.status, 1, `status for ${args.join(' ')}`);
    assert.doesNotMatch(b.stderr, /at .*\.js:\d+/, 'no stack trace');
    assert.equal(b.stderr, a.stderr, `message for ${args.join(' ')}`);
  }
});

test('-V and -h succeed', () => {
  const v = run(SYSRAY, ['-V']);
  assert.equal(v.status, 0);
  assert.match(v.stdout, /^sysray -- version \d+\.\d+\.\d+/);
  const h = run(SYSRAY, ['-h']);
  assert.equal(h.status, 0);
  assert.match(h.stdout, /Usage: sysray/);
  // strace's -h exits as getopt meets it: bad options after it are never read, before it they are
  for (const args of [['-h', '-e', 'reld=3', 'true'], ['-vh', '-Q'], ['--help', '-s', 'x'], ['-e', 'reld=3', '-h']]) {
    const a = msgs(STRACE, args);
    const b = msgs(SYSRAY, args);
    assert.equal(b.status, a.status, `status for ${args.join(' ')}`);
    assert.equal(b.stderr, a.stderr, `message for ${args.join(' ')}`);
  }
});

test('--seccomp-bpf with every syscall traced: strace\'s warning, and its silence after trace=all follows another trace=', () => {
  // strace's is_complete_set: `all` inverts a set that earlier numbers gave slots to, which then
  // does not count as complete
  for (const e of [[], ['-e', 'trace=all'], ['-e', 'trace=%process', '-e', 'trace=all'], ['-e', 'trace=none', '-e', 'trace=all'],
    ['-e', 'trace=!open', '-e', 'trace=all']]) {
    const args = ['--seccomp-bpf', '-f', ...e, '-o', '/dev/null', 'true'];
    const a = msgs(STRACE, args);
    const b = msgs(SYSRAY, args);
    assert.equal(b.stderr, a.stderr, args.join(' '));
    assert.equal(b.status, a.status, args.join(' '));
  }
});

test('a short -f overrides --output-separately, as in strace: one -o file, and -c goes with it', () => {
  for (const opts of [['-f', '--output-separately'], ['--output-separately', '-f'], ['--follow-forks', '--output-separately'], ['-f', '--output-separately', '-c']]) {
    const files: string[][] = [];
    for (const tool of [STRACE, SYSRAY]) {
      const dir = mkdtempSync(join(tmpdir(), 'sysray-sep-'));
      try {
        const r = run(tool, [...opts, '-o', join(dir, 'out'), 'true']);
        files.push([String(r.status), ...readdirSync(dir).map((f) => f.replace(/\.\d+$/, '.PID'))]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    assert.deepEqual(files[1], files[0], opts.join(' '));
  }
});

test('exit statuses pass through exactly as strace passes them', () => {
  for (const code of [0, 1, 3, 255]) {
    const a = run(STRACE, ['-o', '/dev/null', 'sh', '-c', `exit ${code}`]);
    const b = run(SYSRAY, ['-o', '/dev/null', 'sh', '-c', `exit ${code}`]);
    assert.equal(b.status, code);
    assert.equal(b.status, a.status);
  }
  for (const sig of ['TERM', 'KILL', 'SEGV', 'ABRT', 'PIPE']) {
    const a = run(STRACE, ['-o', '/dev/null', 'sh', '-c', `kill -${sig} $$`]);
    const b = run(SYSRAY, ['-o', '/dev/null', 'sh', '-c', `kill -${sig} $$`]);
    assert.equal(b.signal, `SIG${sig}`);
    assert.equal(b.signal, a.signal);
    assert.equal(b.status, a.status);
  }
});

test('the traced program keeps its stdin, stdout and inherited fds', () => {
  const r = run(SYSRAY, ['-o', '/dev/null', 'sh', '-c', 'read x; echo "got $x"; ls /proc/self/fd >/dev/null'], { input: 'line\n' });
  assert.equal(r.stdout, 'got line\n');
  assert.equal(r.status, 0);
  const d = mkdtempSync(join(tmpdir(), 'sysray-fd-'));
  const f = join(d, 'five');
  writeFileSync(f, 'from fd 5\n');
  const r5 = spawnSync('sh', ['-c', `"${SYSRAY}" -o /dev/null cat /proc/self/fd/5 5<"${f}"`], { encoding: 'utf8', env: testEnv() });
  assert.equal(r5.stdout, 'from fd 5\n');
});

test('signals the caller ignored stay ignored; SIGPIPE is not ignored', () => {
  // Node itself ignores SIGPIPE: the traced program must still die of it, as under strace.
  const a = spawnSync('sh', ['-c', `"${STRACE}" -o /dev/null sh -c 'yes | head -1'`], { encoding: 'utf8', env: testEnv() });
  const b = spawnSync('sh', ['-c', `"${SYSRAY}" -o /dev/null sh -c 'yes | head -1'`], { encoding: 'utf8', env: testEnv() });
  assert.equal(b.stdout, 'y\n');
  assert.equal(b.stderr, a.stderr, 'yes must die of SIGPIPE quietly');
  const ign = `trap '' INT; "${SYSRAY}" -o /dev/null sh -c 'grep SigIgn /proc/self/status'`;
  const straceIgn = `trap '' INT; "${STRACE}" -o /dev/null sh -c 'grep SigIgn /proc/self/status'`;
  assert.equal(spawnSync('sh', ['-c', ign], { encoding: 'utf8' }).stdout, spawnSync('sh', ['-c', straceIgn], { encoding: 'utf8' }).stdout);
});

test("Node's own variables are for the traced program, not for sysray's Node", () => {
  // NODE_OPTIONS would make sysray's own Node load this module (and fail); the traced program must
  // still get every variable, in the caller's order.
  const env = { ...testEnv(), NODE_OPTIONS: '--require=/nonexistent/sysray-hook.js', NODE_EXTRA_CA_CERTS: '/nonexistent.pem', ZZ: '1' };
  const b = spawnSync(SYSRAY, ['-e', 'trace=none', 'env'], { encoding: 'utf8', env, timeout: 30_000 });
  const a = spawnSync(STRACE, ['-e', 'trace=none', 'env'], { encoding: 'utf8', env, timeout: 30_000 });
  assert.equal(b.status, 0, b.stderr);
  assert.equal(b.stdout, a.stdout);
  assert.match(b.stdout, /^NODE_OPTIONS=--require=\/nonexistent/m);
  assert.equal(b.stderr, '+++ exited with 0 +++\n');
});

test('an exec that fails: the failed execve line, the message, exit 1', () => {
  const d = mkdtempSync(join(tmpdir(), 'sysray-noexec-'));
  writeFileSync(join(d, 'notexec'), 'x');
  chmodSync(join(d, 'notexec'), 0o644);
  const a = run(STRACE, ['-o', join(d, 'a'), './notexec'], { cwd: d });
  const b = run(SYSRAY, ['-o', join(d, 'b'), './notexec'], { cwd: d });
  assert.equal(b.status, 1);
  assert.equal(b.stderr.replace(SYSRAY, 'TOOL'), a.stderr.replace(STRACE, 'TOOL'));
  const norm = (s: string) => s.replace(/0x[0-9a-f]+/g, 'ADDR');
  assert.equal(norm(readFileSync(join(d, 'b'), 'utf8')), norm(readFileSync(join(d, 'a'), 'utf8')));
});

test('--json prints one typed object per event', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'sysray-json-')), 'trace.jsonl');
  const r = run(SYSRAY, ['--json', '-o', out, '/bin/true']);
  assert.equal(r.status, 0);
  const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines[0], { ...lines[0], type: 'attach', how: 'start' });
  const first = lines.find((l) => l.type === 'syscall');
  assert.equal(first.name, 'execve');
  assert.equal(first.args[0].kind, 'string');
  assert.equal(first.args[0].text, '/bin/true');
  const open = lines.find((l) => l.name === 'openat');
  assert.deepEqual(open.args[0], { kind: 'const', name: 'AT_FDCWD', value: -100 });
  assert.equal(open.retFormat, 'fd');
  assert.deepEqual(lines.at(-1), { ...lines.at(-1), type: 'exit', code: 0 });
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Run `tool args…` on a command that waits for a line on stdin; once it is traced, send the tool
 * `sig`, and give the command its line only when the tool has died of it (`ends`) or at once (the
 * signal ignored). How the tool ended, and whether the command created `mark`.
 */
async function signalled(tool: string, args: string[], sig: NodeJS.Signals, ends: boolean, mark: string) {
  const p = spawn(tool, args, { env: testEnv(), stdio: ['pipe', 'ignore', 'pipe'] });
  p.stdin.on('error', () => {}); // the command may be gone
  let stderr = '';
  p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((r) => p.on('exit', (c, s) => r([c, s])));
  // a tracer still starting up is not what is tested
  for (let i = 0; i < 1500 && !stderr.includes('execve('); i++) await sleep(20);
  const command = Number(readFileSync(`/proc/${p.pid}/task/${p.pid}/children`, 'latin1').trim().split(' ')[0]);
  p.kill(sig);
  // (a tracer stopped by SIGTSTP would never exit: it is killed, and reported as killed)
  const timer = setTimeout(() => p.kill('SIGKILL'), 30_000);
  if (ends) await exited;
  p.stdin.end('\n');
  const [code, signal] = await exited;
  clearTimeout(timer);
  // the command's own time, should it go on: until it has made the mark or is gone
  for (let i = 0; i < 500 && !existsSync(mark) && !gone(command); i++) await sleep(20);
  return { code, signal, made: existsSync(mark), stderr };
}

test('-I: which fatal signals reach sysray, and when, as strace decides', async () => {
  for (const bad of ['0', '5', 'sometimes']) {
    const a = msgs(STRACE, ['-I', bad, 'true']);
    assert.equal(a.stderr, `TOOL: invalid -I argument: '${bad}'\nTry 'TOOL -h' for more information.\n`);
    assert.deepEqual(msgs(SYSRAY, ['-I', bad, 'true']), a);
  }
  const dir = mkdtempSync(join(tmpdir(), 'sysray-intr-'));
  let n = 0;
  for (const [opts, sig, ends] of [
    [['-I', '1'], 'SIGTERM', true], // anywhere: the signal kills the tracer; the command, detached, goes on
    [['--interruptible=never'], 'SIGINT', false], // never: ignored, the trace goes on to the end
    [['-I', 'never_tstp'], 'SIGTSTP', false], // never_tstp: ^Z does not stop the tracer
    [[], 'SIGTERM', true], // waiting (the default without -o): detach, and die of it
  ] as const) {
    const got = [];
    for (const tool of [STRACE, SYSRAY]) {
      const mark = join(dir, `mark${n++}`);
      const r = await signalled(tool, [...opts, '-f', '-e', 'trace=execve', 'sh', '-c', `read x; echo > ${mark}`], sig, ends, mark);
      got.push({ code: r.code, signal: r.signal, made: r.made, exited: /\+\+\+ exited with 0 \+\+\+/.test(r.stderr) });
    }
    assert.deepEqual(got[1], got[0], `${opts.join(' ')} ${sig}: ${JSON.stringify(got)}`);
  }
});

test('-F: the deprecated -f, with strace\'s messages', () => {
  for (const args of [['-F'], ['-f', '-F'], ['-F', '--seccomp-bpf']]) {
    const cmd = [...args, '-e', 'trace=execve', 'sh', '-c', '/bin/true'];
    const a = msgs(STRACE, cmd);
    assert.match(a.stderr, /-F/);
    assert.match(a.stderr, /Process \d+ attached/, 'forks followed');
    const b = msgs(SYSRAY, cmd);
    // pids and addresses; and CPU times, in clock ticks (the SIGCHLD's si_stime)
    const pids = (t: string) =>
      t.replace(/(si_[us]time=)\d+( \/\* [\d.]+ s \*\/)?/g, '$1N').replace(/0x[0-9a-f]+/g, 'ADDR').replace(/\d{2,}/g, 'N');
    assert.equal(pids(b.stderr), pids(a.stderr), args.join(' '));
    assert.equal(b.status, a.status);
  }
});

test("strace's long spellings and shorthands: --output-append-mode, --failing-only, --summary-syscall-overhead, --pidns-translation", () => {
  for (const [long, short] of [
    [['--output-append-mode'], ['-A']], [['--failing-only'], ['-Z']], [['--summary-syscall-overhead=7', '-c'], ['-O', '7', '-c']],
    [['--pidns-translation'], ['-e', 'decode-pids=pidns']],
  ]) {
    const dir = mkdtempSync(join(tmpdir(), 'sysray-long-'));
    const traced = (args: string[], n: number) => {
      const out = join(dir, `t${n}`);
      writeFileSync(out, 'before\n');
      const r = run(SYSRAY, [...args, '-e', 'trace=openat,exit_group', '-o', out, 'sh', '-c', 'ls /nonexistent 2>/dev/null; true']);
      assert.equal(r.status, 0, r.stderr);
      // pids, addresses and times (and a clock tick's comment) differ from run to run; which lines there are does not
      return readFileSync(out, 'utf8').replace(/ \/\* [\d.]+ s \*\//g, '').replace(/0x[0-9a-f]+/g, 'ADDR').replace(/\d+/g, 'N').replace(/ +/g, ' ').replace(/^ /gm, '');
    };
    assert.equal(traced(long, 1), traced(short, 2), long.join(' '));
  }
});

test('long options abbreviated as getopt_long takes them: the same meaning, or the same message, as strace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sysray-abbrev-'));
  let n = 0;
  // how the tool ends, what it says, and the trace it writes (its pid and output padding aside)
  const outcome = (tool: string, args: string[]) => {
    const out = join(dir, `t${n++}`);
    const m = msgs(tool, [...args, '-e', 'trace=write,close', '-o', out, '/bin/echo', 'hi']);
    return { ...m, trace: existsSync(out) ? readFileSync(out, 'utf8').replace(/^\d+ /gm, '').replace(/ +/g, ' ') : '' };
  };
  for (const args of [
    // ambiguous: the candidates in strace's table order, two names for one option counting once
    ['--s'], ['--t'], ['--ti'], ['--de'], ['--s=3'], ['--str=5'], ['--sum'],
    // unique abbreviations, strace's meaning (--no is --no-abbrev though sysray has --no-seccomp-bpf)
    ['--no'], ['--fail'], ['--succ'], ['--string-l=2'], ['--sil=exit'], ['--follow'], ['--con=raw'],
    // unknown: the whole argument, value and all
    ['--nosuch=x'], ['--syscall-limit=3'],
  ]) {
    const a = outcome(STRACE, args);
    assert.deepEqual(outcome(SYSRAY, args), a, args.join(' '));
  }
  // sysray's own long options, abbreviated, where strace's table has no match
  const j = run(SYSRAY, ['--js', '-e', 'trace=none', 'true']);
  assert.equal(j.status, 0, j.stderr);
  assert.match(j.stderr, /"type":"exit"/);
  assert.equal(run(SYSRAY, ['--no-s', '-f', '-e', 'trace=none', 'true']).status, 0);
});

test("how options combine: strace's messages, in its order, and its exit status", () => {
  const dir = mkdtempSync(join(tmpdir(), 'sysray-combine-'));
  const out = join(dir, 'o');
  for (const args of [
    ['-t', '--timestamps'], ['--absolute-timestamps', '-tt'], ['-x', '--strings-in-hex'], ['-f', '--follow-forks'],
    ['-ff', '--output-separately', '-o', out], ['-f', '--output-separately'], ['--output-separately'], ['-c', '-ff'],
    ['-C', '--output-separately', '-o', out], ['-U', 'name'], ['-S', 'calls'], ['-w'], ['-w', '-C'],
    ['-c', '-i', '-n', '-r', '-t', '-T', '-y'], ['-c', '--syscall-times'], ['-C', '-T'], ['-z', '-Z', '-z'], ['--successful-only', '-z'],
    ['-y', '--decode-fds=path'], ['-b', 'execve', '--seccomp-bpf'], ['--seccomp-bpf'], ['--seccomp-bpf', '-f'], ['-A'], ['-A', '-o', out],
    ['-F', '--seccomp-bpf', '-e', 'trace=open'], ['-P', '/etc/../etc/hostname', '--seccomp-bpf', '-e', 'trace=open'],
  ]) {
    const cmd = [...args, '-e', 'trace=none', 'true'];
    // strace's own lines (and the status); the trace itself is "+++ exited with 0 +++" or nothing
    const said = (r: { stderr: string; status: number | null }) => ({ status: r.status, said: r.stderr.split('\n').filter((l) => /^(TOOL|Try)/.test(l)) });
    const a = said(msgs(STRACE, cmd));
    assert.deepEqual(said(msgs(SYSRAY, cmd)), a, args.join(' '));
  }
});
