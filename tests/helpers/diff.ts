/**
 * Differential testing against the real strace: run a command under /usr/bin/strace and under
 * sysray with the same options, then normalise only what differs between two strace runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
export const SYSRAY = join(ROOT, 'bin', 'sysray');
export const STRACE = '/usr/bin/strace';

export interface Run {
  trace: string;
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  stdout: string;
}

/** Run `tool opts… -o FILE cmd…` in `cwd`; the trace is read from FILE. */
export function traceWith(tool: string, opts: string[], cmd: string[], cwd: string, input?: string): Run {
  const dir = mkdtempSync(join(tmpdir(), 'sysray-diff-'));
  const out = join(dir, 'trace');
  try {
    const r = spawnSync(tool, [...opts, '-o', out, ...cmd], {
      cwd, encoding: 'latin1', input: input ?? '', timeout: 60_000, env: testEnv(),
    });
    let trace = '';
    try {
      trace = readFileSync(out, 'latin1');
    } catch {
      /* no trace written */
    }
    return { trace, status: r.status, signal: r.signal, stderr: r.stderr, stdout: r.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A stable environment for both tracers (same variables, so `/* N vars *\/` agrees). */
export function testEnv(): NodeJS.ProcessEnv {
  return { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: process.env.HOME ?? '/root', LANG: 'C.UTF-8', TERM: 'dumb' };
}

/**
 * Replace the tracees' pids where pids stand: line prefixes, results, the pid arguments of
 * process calls, siginfo, /proc paths, messages. A size that happens to equal a pid stays.
 */
function replacePids(text: string, pids: Set<string>): string {
  if (!pids.size) return text;
  const alt = [...pids].join('|');
  const ctx = new RegExp(
    `(^|\\[pid +|si_pid=|\\bpid=|\\bpid:|/proc/|pid |\\[\\{?|\\b(?:kill|tgkill|tkill|wait4|waitid|getpgid|setpgid|getsid|prlimit64|pidfd_open|sched_\\w+|process_vm_\\w+|ptrace|rt_sigqueueinfo|rt_tgsigqueueinfo|getpriority|setpriority|ioprio_\\w+|kcmp|migrate_pages|move_pages|get_robust_list)\\((?:[^,()]*, )?)(${alt})(?![\\w.])`,
    'gm',
  );
  // results, only of the calls that return pids
  const ret = new RegExp(
    `^(.*\\b(?:getpid|gettid|getppid|set_tid_address|clone3?|v?fork|wait4|waitid|getpgid|getpgrp|getsid|setsid|rt_sigreturn)\\b.*= )(${alt})(?=(?:<[^>]*>)?$)`,
    'gm',
  );
  // twice: a match's context may hide the next pid of the same call (tgkill(PID, PID, …))
  return text.replace(ctx, '$1PID').replace(ctx, '$1PID').replace(ret, '$1PID');
}

/**
 * Normalise what legitimately differs between two strace runs of the same program: the tracee's
 * pids, addresses, random bytes, times, and temporary names.
 */
export function normalise(trace: string): string {
  const pids = new Set<string>();
  for (const m of trace.matchAll(/(?:set_tid_address\(.*?\)|getpid\(\)|gettid\(\)|getppid\(\))\s*= (\d+)/g)) pids.add(m[1]!);
  // children's pids, as the calls that create and reap them return them (rt_sigreturn may give one back)
  for (const m of trace.matchAll(/^(?:\d+ +)?(?:<\.\.\. )?(?:clone3?|v?fork|wait4)\b.*\) += (\d+)(?:<[^>]*>)?$/gm)) pids.add(m[1]!);
  let t = trace;
  for (const m of t.matchAll(/^(\d+) /gm)) pids.add(m[1]!);
  t = replacePids(t, pids);
  return t
    .replace(/^(.*)\) +(= .*)$/gm, '$1) $2')
    .replace(/^(write\(2, "\d+ bytes \().*$/gm, '$1DD-STATS')
    .replace(/(S_IF(?:SOCK|IFO)[^}]*st_ino=)\d+/g, '$1N')
    .replace(/(st_ino=)\d+(, st_mode=S_IF(?:SOCK|IFO))/g, '$1N$2')
    .replace(/ \/\* \d{4}-\d\d-\d\dT[\d:.+-]+ \*\//g, ' /* DATE */')
    .replace(/0x[0-9a-f]{5,}/g, '0xADDR')
    .replace(/(getrandom\()"[^"]*"/g, '$1"RANDOM"')
    .replace(/(AT_RANDOM|st_[amc]time(?:_nsec)?|tv_(?:[nu]?sec)|si_[us]time)=\d+( \/\* [\d.]+ s \*\/)?/g, '$1=N')
    .replace(/parent_tid=\[(?:\d+|PID)\]/g, 'parent_tid=[N]')
    .replace(/\[[0-9a-f]{16}\] /g, '[IP] ')
    // /tmp grows and shrinks while other tests run: its size, and `ls -l`'s block total
    .replace(/("\/tmp",.*?(?:stx_size|st_size)=)\d+/g, '$1N')
    .replace(/^(write\(1, "total )\d+(.*, )\d+(\) += )\d+$/gm, '$1N$2N$3N')
    .replace(/si_pid=\d+/g, 'si_pid=PID')
    .replace(/(<Cannot fetch \d+ bytes? from pid )\d+/g, '$1PID')
    .replace(/((?:pipe|socket|[A-Z]+):\[)\d+\]/g, '$1N]')
    // (a negative pid is a process group, named by its leader's pid)
    .replace(/\b(kill|tgkill|tkill)\((\d+, )?-?\d+,/g, (m) => m.replace(/\d+/g, 'PID'))
    .replace(/\bwait4\(\d+,/g, 'wait4(PID,')
    .replace(/^((?:\d+ +)?(?:<\.\.\. )?(?:clone3?|v?fork|wait4)\b.*= )\d+(?=(?:<[^>]*>)?$)/gm, '$1PID')
    .replace(/(uptime|freeram|sharedram|bufferram|procs)=\d+/g, '$1=N')
    .replace(/loads=\[\d+, \d+, \d+\]/g, 'loads=[N, N, N]')
    // System V IPC objects' times are wall-clock seconds
    .replace(/\b((?:shm|sem|msg)_[a-z]time)=\d+/g, '$1=N')
    // free space moves while other programs write
    .replace(/(f_bfree|f_bavail|f_ffree)=\d+/g, '$1=N')
    .replace(/sysray-diff-[\w-]+/g, 'TMPDIR');
}

export interface Compared {
  ok: boolean;
  strace: string[];
  sysray: string[];
  /** The first differing line, 1-based, or 0. */
  firstDiff: number;
  straceRun: Run;
  sysrayRun: Run;
}

/** Trace `cmd` with both and compare the normalised traces line by line. */
export function compare(cmd: string[], opts: string[] = [], cwd = ROOT, input?: string): Compared {
  const a = traceWith(STRACE, opts, cmd, cwd, input);
  const b = traceWith(SYSRAY, opts, cmd, cwd, input);
  const sa = normalise(a.trace).split('\n');
  const sb = normalise(b.trace).split('\n');
  let firstDiff = 0;
  for (let i = 0; i < Math.max(sa.length, sb.length); i++) {
    if (sa[i] !== sb[i]) {
      firstDiff = i + 1;
      break;
    }
  }
  return { ok: firstDiff === 0, strace: sa, sysray: sb, firstDiff, straceRun: a, sysrayRun: b };
}

/** Agreement: the share of strace's lines that sysray printed identically (by LCS). */
export function agreement(a: string[], b: string[]): number {
  const n = a.length, m = b.length;
  if (n === 0) return m === 0 ? 1 : 0;
  let prev = new Uint32Array(m + 1);
  let cur = new Uint32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    [prev, cur] = [cur, prev];
  }
  return prev[m]! / Math.max(n, m);
}

/** A short report of the first differences, for assertion messages. */
export function diffReport(c: Compared, context = 2, max = 8): string {
  const out: string[] = [];
  let shown = 0;
  for (let i = 0; i < Math.max(c.strace.length, c.sysray.length) && shown < max; i++) {
    if (c.strace[i] !== c.sysray[i]) {
      if (!shown) for (let k = Math.max(0, i - context); k < i; k++) out.push(`  ${c.strace[k]}`);
      out.push(`- ${c.strace[i] ?? '<none>'}`, `+ ${c.sysray[i] ?? '<none>'}`);
      shown++;
    }
  }
  if (c.sysrayRun.stderr.trim()) out.push(`sysray stderr: ${c.sysrayRun.stderr.trim().split('\n').slice(0, 5).join(' | ')}`);
  return out.join('\n');
}

/**
 * For traces of several processes (-f with -o: `PID line`), what two strace runs share: each
 * process's own sequence of complete lines. Interleaving differs from run to run, so `<unfinished
 * ...>` / `<... resumed>` halves are joined, alignment padding dropped, pids replaced, and the
 * per-process sequences sorted.
 */
export function perProcess(trace: string): string[][] {
  // each line as [the -Y name of its prefix, its text]: the text is normalised alone
  const byPid = new Map<string, [string, string][]>();
  const pending = new Map<string, string>();
  const pids = new Set<string>();
  // `PID line`, or with -Y `PID<name> line` (the name is kept, before the line's text)
  const prefix = /^(\d+)(<[^>]*>)? +(.*)$/;
  for (const line of trace.split('\n')) {
    const m = prefix.exec(line);
    if (m) pids.add(m[1]!);
  }
  for (const line of trace.split('\n')) {
    const m = prefix.exec(line);
    if (!m) continue;
    const [, pid, name, text] = m as unknown as [string, string, string | undefined, string];
    let l = text;
    if (l.endsWith(' <unfinished ...>') && !/\) += \?$/.test(l)) {
      pending.set(pid, l.slice(0, -' <unfinished ...>'.length));
      continue;
    }
    const r = /^<\.\.\. [\w]+ resumed>(.*)$/.exec(l);
    if (r && pending.has(pid)) {
      l = pending.get(pid)! + r[1];
      pending.delete(pid);
    }
    let seq = byPid.get(pid);
    if (!seq) byPid.set(pid, (seq = []));
    seq.push([name ?? '', l.replace(/\) +=/, ') =')]);
  }
  const norm = (s: string): string => {
    let t = s;
    t = replacePids(t, pids);
    return normalise(t);
  };
  return [...byPid.values()].map((seq) => seq.map(([name, l]) => name + norm(l))).sort((a, b) => (a.join('\n') < b.join('\n') ? -1 : 1));
}

/** Share of lines common to both (as multisets): order-insensitive agreement for racy programs. */
export function multisetAgreement(a: string[], b: string[]): number {
  const count = new Map<string, number>();
  for (const l of a) count.set(l, (count.get(l) ?? 0) + 1);
  let common = 0;
  for (const l of b) {
    const n = count.get(l) ?? 0;
    if (n > 0) {
      common++;
      count.set(l, n - 1);
    }
  }
  return common / Math.max(a.length, b.length, 1);
}
