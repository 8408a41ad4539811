/**
 * -D / -DD / -DDD (strace's daemonized tracer): the command runs in sysray's own process, so it
 * keeps the pid, parent and process group the caller gave sysray, and the tracer is a grandchild
 * orphaned at once (its parent is the reaper), in a new process group with -DD and a new session
 * with -DDD.
 *
 * Node cannot fork, so the three processes are three starts of sysray, told their part by one
 * environment variable: the caller's process (P) starts an intermediate copy and waits for it;
 * the intermediate starts the tracer (T) with the process group or session asked for and exits;
 * T seizes P; P, once it sees its tracer in /proc, puts back the caller's signal state and fds and
 * execs the command, which T traces from that execve on.
 */
import { readdirSync, readFileSync, readlinkSync, statSync, writeSync } from 'node:fs';
import { NATIVE } from '../arch/index.js';
import { bufferAddress, cStringArray, raw, SIG_IGN } from '../sys/libc.js';
import { type CallerState, callerEnviron, editEnviron, resolveCommand } from './spawn.js';
import type { Launched } from './launcher.js';
import { dismiss } from './launcher.js';

/** The variable that tells a start of sysray its part: `spawn:PID:LEVEL` or `trace:PID`. */
const ROLE = 'SYSRAY_DAEMON';

export type DaemonRole = { role: 'spawn'; parent: number; level: 1 | 2 | 3 } | { role: 'trace'; parent: number };

/** This process's part in a -D start (the variable is removed), or undefined for an ordinary start. */
export function takeDaemonRole(env: NodeJS.ProcessEnv = process.env): DaemonRole | undefined {
  const v = env[ROLE];
  if (v === undefined) return undefined;
  delete env[ROLE];
  const m = /^(spawn|trace):(\d+)(?::([123]))?$/.exec(v);
  if (!m) return undefined;
  if (m[1] === 'spawn') return { role: 'spawn', parent: Number(m[2]), level: Number(m[3] ?? 1) as 1 | 2 | 3 };
  return { role: 'trace', parent: Number(m[2]) };
}

const POSIX_SPAWN_SETPGROUP = 0x02, POSIX_SPAWN_SETSID = 0x80;

/** posix_spawn another start of sysray with the same arguments, its stdio passed on; its pid. */
function spawnSysray(role: string, argv0: string, args: readonly string[], flags: number): number {
  const attr = Buffer.alloc(512), fa = Buffer.alloc(256);
  raw.posix_spawnattr_init(attr);
  raw.posix_spawn_file_actions_init(fa);
  if (flags) raw.posix_spawnattr_setflags(attr, flags);
  // Node marks the fds it inherited close-on-exec: dup2 in the child clears that for stdio
  for (const fd of [0, 1, 2]) raw.posix_spawn_file_actions_adddup2(fa, fd, fd);
  const env = Object.entries({ ...process.env, [ROLE]: role, SYSRAY_ARGV0: argv0 }).map(([k, v]) => Buffer.from(`${k}=${v}`, 'utf8'));
  const av = cStringArray([process.execPath, ...process.execArgv, process.argv[1]!, ...args].map((a) => Buffer.from(a, 'utf8')));
  const ev = cStringArray(env);
  const pid = [0];
  const rc = raw.posix_spawn(pid, process.execPath, fa, attr, av.ptrs, ev.ptrs) as number;
  raw.posix_spawn_file_actions_destroy(fa);
  raw.posix_spawnattr_destroy(attr);
  return rc === 0 ? pid[0]! : -rc;
}

/** The intermediate: start the tracer, detached as `level` asks, and leave (orphaning it). */
export function startTracer(parent: number, level: 1 | 2 | 3, argv0: string, args: readonly string[]): number {
  const pid = spawnSysray(`trace:${parent}`, argv0, args, level === 2 ? POSIX_SPAWN_SETPGROUP : level === 3 ? POSIX_SPAWN_SETSID : 0);
  return pid > 0 ? 0 : 1;
}

/** A process's signal sets from /proc/PID/status (`SigIgn:`, `SigBlk:`), as bit masks. */
function signalSets(pid: number): { ign: bigint; blk: bigint } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'latin1');
    const field = (k: string): bigint => BigInt('0x' + (new RegExp(`^${k}:\\s*([0-9a-f]+)`, 'm').exec(s)?.[1] ?? '0'));
    return { ign: field('SigIgn'), blk: field('SigBlk') };
  } catch {
    return undefined;
  }
}

/** The fds a process has open, but those naming `except` (a pipe of sysray's own). */
function openFds(pid: number | 'self', except?: string): number[] {
  try {
    return readdirSync(`/proc/${pid}/fd`).map(Number).filter((fd) => except === undefined || link(pid, fd) !== except);
  } catch {
    return [];
  }
}

/** What /proc says an fd refers to (`pipe:[1234]`, a path), or undefined. */
function link(pid: number | 'self', fd: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/fd/${fd}`);
  } catch {
    return undefined;
  }
}

/** The pid tracing this process, 0 if none. */
function tracerPid(): number {
  try {
    return Number(/^TracerPid:\s*(\d+)/m.exec(readFileSync('/proc/self/status', 'latin1'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const nr = (name: string): number => NATIVE.byName.get(name)!.nr;
const F_SETFD = 2, SIG_SETMASK = 2;
const PR_SET_PTRACER = 0x59616d61, PR_SET_PTRACER_ANY = 0xffffffffffffffffn;
/** How long the command's process waits for its tracer to seize it. */
const ATTACH_TIMEOUT_MS = 30000;

/** What the command's process needs: the command, the caller's state and -E's edits. */
export interface Tracee {
  command: string[];
  caller: CallerState;
  envChanges: readonly string[];
  level: 1 | 2 | 3;
  argv0: string;
  /** sysray's own arguments, for the tracer's start. */
  args: readonly string[];
  /** -u: the user to run the command as, and its supplementary groups. */
  user?: { uid: number; gid: number; groups: number[] } | undefined;
}

/**
 * -u, as strace's exec_or_die does it: the user's groups, then its gid and uid (a set-group-ID or
 * set-user-ID program's owner as the effective one). The message of what failed, or undefined.
 */
function becomeUser(u: NonNullable<Tracee['user']>, path: string): string | undefined {
  const st = statSync(path);
  const groups = Buffer.alloc(Math.max(u.groups.length, 1) * 4);
  u.groups.forEach((g, i) => groups.writeUInt32LE(g, i * 4));
  if (Number(raw.syscall6(nr('setgroups'), u.groups.length, bufferAddress(groups), 0, 0, 0, 0)) < 0) return 'initgroups';
  if (Number(raw.syscall6(nr('setregid'), u.gid, st.mode & 0o2000 ? st.gid : u.gid, 0, 0, 0, 0)) < 0) return 'setregid';
  if (Number(raw.syscall6(nr('setreuid'), u.uid, st.mode & 0o4000 ? st.uid : u.uid, 0, 0, 0, 0)) < 0) return 'setreuid';
  return undefined;
}

/**
 * In the caller's process: have the tracer started, wait until it has seized this process, then
 * exec the command with the caller's signals, fds and environment. Returns only on failure, with
 * the message to print (strace's words where it has them).
 */
export function becomeTracee(t: Tracee): string {
  let path: string;
  try {
    path = resolveCommand(t.command[0]!);
  } catch (e) {
    return (e as Error).message;
  }
  // the launcher's child holds the caller's exact signal state and fds; it is not needed otherwise
  const l: Launched | undefined = t.caller.launched;
  const sets = l ? signalSets(l.pid) : { ign: t.caller.sigIgn, blk: t.caller.sigBlk };
  // (the launcher's child also holds the read end of the pipe sysray writes its plan to)
  const keep = l ? openFds(l.pid, link('self', l.wfd)) : t.caller.fds ?? [0, 1, 2];
  const environ = editEnviron(callerEnviron(t.caller), t.envChanges.map((a) => Buffer.from(a, 'utf8').toString('latin1')));
  if (l) dismiss(l);
  // Yama may allow only ancestors to trace: the tracer is not one
  raw.syscall6(nr('prctl'), PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0, 0);
  const mid = spawnSysray(`spawn:${process.pid}:${t.level}`, t.argv0, t.args, 0);
  if (mid < 0) return `fork: error ${-mid}`;
  raw.waitpid(mid, [0], 0);
  const deadline = Date.now() + ATTACH_TIMEOUT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (tracerPid() === 0) {
    if (Date.now() > deadline) return 'the tracer did not attach';
    Atomics.wait(pause, 0, 0, 1);
  }
  // the caller's signal dispositions and mask (Node ignores SIGPIPE and others itself)
  for (let s = 1; s <= 64; s++) {
    if (s === 9 || s === 19 || s === 32 || s === 33) continue;
    raw.signal(s, sets && sets.ign & (1n << BigInt(s - 1)) ? SIG_IGN : 0n);
  }
  const mask = Buffer.alloc(8);
  mask.writeBigUInt64LE(sets?.blk ?? 0n);
  raw.syscall6(nr('rt_sigprocmask'), SIG_SETMASK, bufferAddress(mask), 0, 8, 0, 0);
  // the caller's fds stay open across the exec (Node made them close-on-exec); Node's own close
  for (const fd of keep) raw.syscall6(nr('fcntl'), fd, F_SETFD, 0, 0, 0, 0);
  const failed = t.user ? becomeUser(t.user, path) : undefined;
  if (failed) {
    writeSync(2, `${t.argv0}: ${failed}: cannot change to user ${t.user!.uid}\n`);
    raw._exit(1);
  }
  const file = Buffer.from(path + '\0', 'utf8');
  const av = cStringArray(t.command.map((a) => Buffer.from(a, 'utf8')));
  const ev = cStringArray(environ.map((e) => Buffer.from(e, 'latin1')));
  const r = Number(raw.syscall6(nr('execve'), bufferAddress(file), bufferAddress(av.ptrs), bufferAddress(ev.ptrs), 0, 0, 0));
  // only a failed execve comes back: the tracer saw it and says why; this process ends as strace's
  void r;
  raw._exit(1);
  return 'exec failed';
}
