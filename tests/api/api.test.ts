/** The TypeScript API: trace() and attach() against `sysray --json`, ending early, many at once, bad input. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { attach, SysrayError, trace, type TraceEvent, type TraceOptions } from '../../src/api/index.js';
import { SYSRAY, testEnv } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';

const cc = haveCc();

async function collect(t: AsyncIterable<TraceEvent>): Promise<TraceEvent[]> {
  const all: TraceEvent[] = [];
  for await (const ev of t) all.push(ev);
  return all;
}

/** `sysray --json FLAGS… cmd` in `cwd`, its events. */
function cliEvents(flags: string[], cmd: string[], cwd: string): TraceEvent[] {
  const out = join(mkdtempSync(join(tmpdir(), 'sysray-api-')), 'trace.jsonl');
  try {
    const r = spawnSync(SYSRAY, ['--json', ...flags, '-o', out, ...cmd], { cwd, env: testEnv(), stdio: 'ignore', timeout: 60_000 });
    if (r.error) throw r.error;
    return readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TraceEvent);
  } finally {
    rmSync(join(out, '..'), { recursive: true, force: true });
  }
}


/**
 * What legitimately differs between two runs of one program: pids (the started command is P0,
 * others P*: their order may interleave differently), times, addresses, inode numbers, file times,
 * and what rt_sigreturn restores.
 */
function normalised(events: TraceEvent[]): string[] {
  const main = events.find((e) => e.type === 'attach')?.pid;
  const pids = new Set(events.map((e) => e.pid));
  const value = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(value);
    if (v === null || typeof v !== 'object') return v;
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = value(x);
    if (o.kind === 'pointer' || (o.kind === 'int' && o.format === 'x' && Number(o.value) > 0xffff)) o.value = 'ADDR';
    if (o.kind === 'struct') {
      const fields = o.fields as Record<string, unknown>;
      for (const k of Object.keys(fields)) if (/^st_[amc]time|^st_ino$|^tv_n?sec$/.test(k)) fields[k] = 'N';
    }
    return o;
  };
  return events.map((e) => {
    const o = value({ ...e }) as Record<string, unknown>;
    delete o.time;
    delete o.durationNs;
    if (o.retFormat === 'x') o.ret = 'ADDR';
    // the register a signal handler returns to: what the interrupted call had (a SIGCHLD's timing)
    if (o.name === 'rt_sigreturn') o.ret = 'N';
    let s = JSON.stringify(o).replace(/sysray-diff-work-\w+/g, 'TMPDIR');
    for (const p of pids) s = s.replace(new RegExp(`\\b${p}\\b`, 'g'), p === main ? 'P0' : 'P*');
    return s;
  });
}

/** The API's events and the CLI's for one command, normalised (sorted when several processes interleave). */
async function both(cmd: string[], options: TraceOptions, flags: string[], sorted = false): Promise<[string[], string[]]> {
  const a = scratch(), b = scratch();
  try {
    const api = normalised(await collect(trace(cmd, { ...options, cwd: a, env: testEnv(), stdio: 'ignore' })));
    const cli = normalised(cliEvents(flags, cmd, b));
    return sorted ? [api.sort(), cli.sort()] : [api, cli];
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
}

test('trace() gives the events sysray --json writes for the same command', { skip: !cc }, async () => {
  const basics = fixture('filebasics');
  const cases: [string[], TraceOptions, string[], boolean?][] = [
    [[basics], {}, []],
    [[basics], {
      decodeFds: true, decodePids: true, stringLimit: 8, verbose: true,
      filter: ['trace=%file,%desc', 'status=!unfinished', 'inject=lseek:error=EBADF'],
    }, ['-y', '-Y', '-s', '8', '-v', '-e', 'trace=%file,%desc', '-e', 'status=!unfinished', '-e', 'inject=lseek:error=EBADF']],
    [[basics], { decodeFds: ['path', 'dev'], filter: ['trace=read,close'] }, ['--decode-fds=path,dev', '-e', 'trace=read,close']],
    [[fixture('segv')], {}, []],
    [['/bin/sh', '-c', '/bin/true; trap "" USR1; kill -USR1 $$; exit 3'], { follow: true, filter: ['trace=%process,%signal'] }, ['-f', '-e', 'trace=%process,%signal'], true],
  ];
  for (const [cmd, options, flags, sorted] of cases) {
    const [api, cli] = await both(cmd, options, flags, sorted);
    assert.ok(api.length > 3, `${cmd.join(' ')}: only ${api.length} events`);
    const at = api.findIndex((l, i) => l !== cli[i]);
    assert.deepEqual([api.length, at < 0 ? '' : api[at]], [cli.length, at < 0 ? '' : cli[at]], `${cmd.join(' ')} ${flags.join(' ')}: event ${at}`);
  }
});

test('exit: the code, or the signal and whether it dumped core', async () => {
  assert.deepEqual(await trace(['sh', '-c', 'exit 7'], { stdio: 'ignore' }).exit, { code: 7 });
  assert.deepEqual(await trace(['sh', '-c', 'kill -TERM $$'], { stdio: 'ignore' }).exit, { signal: 'SIGTERM', coreDumped: false });
});

test("stdio 'pipe': the command's stdout and stderr are streams; cwd and env are the command's", async () => {
  const dir = scratch();
  try {
    const t = trace(['sh', '-c', 'echo "$GREETING from $(pwd)"; echo oops >&2'], { cwd: dir, env: { PATH: '/usr/bin:/bin', GREETING: 'hello' }, stdio: 'pipe' });
    let out = '', err = '';
    t.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    t.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const events = await collect(t);
    assert.deepEqual(await t.exit, { code: 0 });
    await new Promise((r) => setImmediate(r));
    assert.equal(out, `hello from ${dir}\n`);
    assert.equal(err, 'oops\n');
    const write = events.find((e) => e.type === 'syscall' && e.name === 'write');
    assert.ok(write, 'the echo was traced');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The pids still there, with their state (`Z` zombie, `t`/`T` stopped), their parent and tracer. */
function leftOver(pids: Iterable<number>): { pid: number; state: string; ppid: number; tracer: number }[] {
  const out = [];
  for (const pid of pids) {
    if (!existsSync(`/proc/${pid}`)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const field = (name: string): string => status.match(new RegExp(`^${name}:\\s*(\\S+)`, 'm'))![1]!;
      out.push({ pid, state: field('State'), ppid: Number(field('PPid')), tracer: Number(field('TracerPid')) });
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/**
 * Nothing of the trace remains: its processes are gone, save orphans' zombies handed to PID 1 (it
 * reaps them on an ordinary system; these VMs' PID 1 does not), none stopped or traced.
 */
async function noneLeft(pids: Set<number>, label: string): Promise<void> {
  let left = leftOver(pids);
  for (let i = 0; i < 50 && left.some((p) => p.state !== 'Z' || p.ppid !== 1); i++) {
    await new Promise((r) => setTimeout(r, 20));
    left = leftOver(pids);
  }
  assert.deepEqual(left.filter((p) => p.state !== 'Z' || p.ppid !== 1), [], `${label}: left behind`);
  assert.ok(pids.size >= 2, `${label}: saw ${pids.size} processes`);
}

/** A command with a grandchild: sh, a background sleep, and a foreground one. */
const FAMILY = ['sh', '-c', 'sleep 100 & sleep 100; wait'];

test('break, a thrown exception and abort each end the command and all it started', async () => {
  // break
  let pids = new Set<number>();
  let t = trace(FAMILY, { follow: true, stdio: 'ignore' });
  for await (const ev of t) {
    pids.add(ev.pid);
    if (pids.size === 3 && ev.type === 'syscall' && ev.name === 'execve') break;
  }
  assert.deepEqual(await t.exit, { signal: 'SIGKILL', coreDumped: false });
  await noneLeft(pids, 'break');
  // an exception in the loop
  pids = new Set();
  t = trace(FAMILY, { follow: true, stdio: 'ignore' });
  await assert.rejects(async () => {
    for await (const ev of t) {
      pids.add(ev.pid);
      if (pids.size === 3 && ev.type === 'syscall' && ev.name === 'execve') throw new Error('from the loop');
    }
  }, /from the loop/);
  await noneLeft(pids, 'throw');
  // abort, while the loop waits for events that will not come
  pids = new Set();
  const ac = new AbortController();
  t = trace(FAMILY, { follow: true, stdio: 'ignore', signal: ac.signal });
  await assert.rejects(async () => {
    for await (const ev of t) {
      pids.add(ev.pid);
      if (pids.size === 3 && ev.type === 'syscall' && ev.name === 'execve') setTimeout(() => ac.abort(), 100);
    }
  }, { name: 'AbortError' });
  assert.deepEqual(await t.exit, { signal: 'SIGKILL', coreDumped: false });
  await noneLeft(pids, 'abort');
});

test('attach() then abort leaves the process running, untraced', async () => {
  // not a child of this process: Node's child reaper would take the stops of its own children
  const pid = Number(execFileSync('sh', ['-c', 'sh -c "while :; do sleep 0.05; done" >/dev/null 2>&1 & echo $!'], { encoding: 'utf8' }));
  try {
    const ac = new AbortController();
    const t = attach(pid, { signal: ac.signal, filter: ['trace=%process'] });
    const seen: string[] = [];
    await assert.rejects(async () => {
      for await (const ev of t) {
        seen.push(ev.type === 'syscall' ? ev.name : ev.type);
        if (ev.type === 'syscall' && ev.name === 'wait4') ac.abort();
      }
    }, { name: 'AbortError' });
    assert.deepEqual(await t.exit, { detached: true });
    assert.deepEqual(seen.slice(0, 1), ['attach']);
    assert.ok(seen.includes('wait4'), seen.join(' '));
    const [p] = leftOver([pid]);
    assert.equal(p?.tracer, 0);
    // not stopped (T, t): running, asleep, or for a moment in an uninterruptible wait (D) as it forks
    assert.match(p!.state, /^[RSD]$/);
    // it runs on: its loop keeps starting new sleeps
    const child = (): string => readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
    const before = child();
    await new Promise((r) => setTimeout(r, 300));
    assert.notEqual(child(), before, 'it starts new children');
  } finally {
    process.kill(pid, 'SIGKILL');
  }
});

test('several traces at once, beside the caller\'s own child_process, with the event loop free', async () => {
  const run = promisify(execFile);
  let ticks = 0, last = Date.now(), worst = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    worst = Math.max(worst, now - last);
    last = now;
    ticks++;
  }, 5);
  const started = Date.now();
  try {
    const counted = async (cmd: string[]): Promise<[number, unknown]> => {
      const t = trace(cmd, { stdio: 'ignore', filter: ['trace=write'] });
      let n = 0;
      for await (const ev of t) if (ev.type === 'syscall') n++;
      return [n, await t.exit];
    };
    const loop = (n: number, code: number): string[] => ['sh', '-c', `i=0; while [ $i -lt ${n} ]; do echo $i > /dev/null; i=$((i+1)); done; exit ${code}`];
    const [a, b, c, own] = await Promise.all([counted(loop(3000, 1)), counted(loop(2000, 2)), counted(loop(1000, 3)), run('sh', ['-c', 'echo mine'])]);
    assert.deepEqual(a, [3000, { code: 1 }]);
    assert.deepEqual(b, [2000, { code: 2 }]);
    assert.deepEqual(c, [1000, { code: 3 }]);
    assert.equal(own.stdout, 'mine\n');
  } finally {
    clearInterval(timer);
  }
  // the timer kept its rhythm: no pause near as long as the traces themselves
  const took = Date.now() - started;
  assert.ok(ticks > 0 && worst < Math.max(200, took / 4), `longest pause ${worst} ms of ${took} ms`);
});

test('a consumer that does not read holds the command back (backpressure)', { skip: !cc }, async () => {
  const t = trace([fixture('writeloop'), '30000'], { stdio: 'ignore' });
  const it = t[Symbol.asyncIterator]();
  await it.next();
  const [pid] = await t.pids;
  // the ring fills and the engine waits: the command stays in a tracing stop, using no CPU
  const stat = (): string[] => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  let held = false;
  for (let i = 0; i < 50 && !held; i++) {
    const [state, cpu] = [stat()[0], stat().slice(11, 13).join(' ')];
    await new Promise((r) => setTimeout(r, 200));
    held = state === 't' && stat()[0] === 't' && stat().slice(11, 13).join(' ') === cpu;
  }
  assert.ok(held, 'the unread trace holds its command stopped');
  let writes = 0;
  for (let r = await it.next(); !r.done; r = await it.next()) if (r.value.type === 'syscall' && r.value.name === 'write') writes++;
  assert.equal(writes, 30000);
  assert.deepEqual(await t.exit, { code: 0 });
});

test('bad input rejects before anything starts, with a SysrayError, its code and strace\'s message', async () => {
  const cases: [() => ReturnType<typeof trace>, string, RegExp][] = [
    [() => trace(['no-such-command-here']), 'ENOENT', /^Can't stat 'no-such-command-here': No such file or directory$/],
    [() => trace(['true'], { filter: ['trace=nosuch'] }), 'EINVAL_FILTER', /^invalid system call 'nosuch'$/],
    [() => trace(['true'], { filter: ['status=bogus'] }), 'EINVAL_FILTER', /bogus/],
    [() => trace(['true'], { stringLimit: -1 }), 'EINVAL', /stringLimit/],
    [() => trace(['true'], { cwd: '/no/such/dir' }), 'ENOENT', /No such file or directory/],
    [() => attach(1), 'EPERM', /^attach: ptrace\(PTRACE_SEIZE, 1\): Operation not permitted$/],
    [() => attach(0x7ffffff0), 'ESRCH', /No such process$/],
  ];
  for (const [make, code, message] of cases) {
    const t = make();
    await assert.rejects(collect(t), (e: unknown) => e instanceof SysrayError && e.code === code && message.test(e.message), code);
    await assert.rejects(t.exit, SysrayError);
  }
  // an AbortSignal already aborted starts nothing
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(collect(trace(['true'], { signal: ac.signal })), { name: 'AbortError' });
});

test('awaiting exit without reading the events drops them instead of holding the command', async () => {
  const t = trace(['sh', '-c', 'i=0; while [ $i -lt 3000 ]; do echo $i > /dev/null; i=$((i+1)); done; exit 4'], { stdio: 'ignore' });
  assert.deepEqual(await t.exit, { code: 4 });
});
