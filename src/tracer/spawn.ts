/**
 * Starting a command stopped before its execve: posix_spawn of the exec shim (never Node's
 * child_process, whose SIGCHLD reaper steals ptrace stops), with the signal state and fds the caller
 * gave sysray (recorded by bin/sysray before Node changed them).
 */
import { closeSync, readFileSync, statSync } from 'node:fs';
import { delimiter } from 'node:path';
import { cStringArray, errno, raw, SIG_IGN } from '../sys/libc.js';
import { errnoMessage } from '../decode/xlat/errno.js';
import { NATIVE } from '../arch/index.js';
import { shimPath } from './shim.js';
import { type Credentials, type Launched, parseLaunched } from './launcher.js';

/** The process state the caller started sysray with (see bin/sysray.sh and launcher.ts). */
export interface CallerState {
  /** The child bin/sysray forked (x86_64): it has the caller's state itself, so nothing else is recorded. */
  launched?: Launched;
  /** Signals the caller had ignored (bit n-1 = signal n). */
  sigIgn: bigint;
  /** Signals the caller had blocked. */
  sigBlk: bigint;
  /** The fds the caller passed on (open, not close-on-exec); undefined when unknown (no launcher). */
  fds?: number[];
  /** The caller's environment exactly (order, duplicates), as `NAME=value` strings. */
  environ?: string[];
  /** argv[0] of sysray as the caller typed it, for message prefixes. */
  argv0?: string;
}

const STATE_VARS = ['SYSRAY_LAUNCHED', 'SYSRAY_ENVIRON', 'SYSRAY_SIGIGN', 'SYSRAY_SIGBLK', 'SYSRAY_FDS', 'SYSRAY_ARGV0'];

/**
 * The command-line arguments sysray was given: bin/sysray (the executable launcher) passes its own
 * argv[0] first, the shell launcher in SYSRAY_ARGV0.
 */
export function sysrayArgs(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string[] {
  return argv.slice(env.SYSRAY_LAUNCHED !== undefined ? 3 : 2);
}

/** Read (and remove from process.env) what the launcher recorded. */
export function takeCallerState(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): CallerState {
  const launched = parseLaunched(env.SYSRAY_LAUNCHED);
  if (env.SYSRAY_LAUNCHED !== undefined) {
    for (const v of STATE_VARS) delete env[v];
    return { sigIgn: 0n, sigBlk: 0n, ...(launched ? { launched } : {}), ...(argv[2] ? { argv0: argv[2] } : {}) };
  }
  const st: CallerState = {
    sigIgn: env.SYSRAY_SIGIGN ? BigInt('0x' + env.SYSRAY_SIGIGN) : 0n,
    sigBlk: env.SYSRAY_SIGBLK ? BigInt('0x' + env.SYSRAY_SIGBLK) : 0n,
    ...(env.SYSRAY_FDS !== undefined ? { fds: env.SYSRAY_FDS.split(',').filter(Boolean).map(Number) } : {}),
    ...(env.SYSRAY_ARGV0 ? { argv0: env.SYSRAY_ARGV0 } : {}),
    ...(env.SYSRAY_ENVIRON !== undefined
      ? { environ: Buffer.from(env.SYSRAY_ENVIRON, 'base64').toString('latin1').split('\0').filter(Boolean) }
      : {}),
  };
  for (const v of STATE_VARS) delete env[v];
  return st;
}

export class SpawnError extends Error {
  constructor(message: string, public errno: number) {
    super(message);
  }
}

/**
 * Resolve a command as strace does: a name with a slash is used as is; otherwise the first PATH
 * entry (an empty one meaning the current directory) holding a regular file with an execute bit.
 * Throws with strace's message when the result cannot be stat'ed.
 */
export function resolveCommand(cmd: string, env: NodeJS.ProcessEnv = process.env): string {
  let pathname = '';
  if (cmd.includes('/')) pathname = cmd;
  else {
    for (const entry of (env.PATH ?? '').split(delimiter)) {
      if (env.PATH === undefined || env.PATH === '') break;
      let dir = entry === '' ? process.cwd() : entry;
      if (!dir.endsWith('/')) dir += '/';
      const p = dir + cmd;
      try {
        const s = statSync(p);
        if (s.isFile() && (s.mode & 0o111) !== 0) {
          pathname = p;
          break;
        }
      } catch {
        /* keep looking */
      }
    }
  }
  try {
    statSync(pathname);
  } catch (e) {
    const n = errnoFromNode(e);
    throw new SpawnError(`Can't stat '${cmd}': ${errnoMessage(n)}`, n);
  }
  return pathname;
}

function errnoFromNode(e: unknown): number {
  const code = (e as { errno?: number }).errno;
  return typeof code === 'number' ? -code : 2;
}

/** The environment to give a started command, as latin1 byte strings: the caller's exact one if known, else `env`. */
export function environFor(env: NodeJS.ProcessEnv, caller: CallerState): string[] {
  if (caller.environ && env === process.env) return caller.environ;
  return Object.entries(env)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => Buffer.from(`${k}=${v}`, 'utf8').toString('latin1'));
}

/**
 * strace's -E: each change, in order, edits the environment. `NAME=value` replaces the first entry
 * named NAME (`NAME=…`, or a bare `NAME`) in place, or is added at the end; `NAME` alone removes
 * every entry so named. Strings are latin1 byte strings.
 */
export function editEnviron(environ: readonly string[], changes: readonly string[]): string[] {
  const env = [...environ];
  const named = (e: string, name: string): boolean => e.startsWith(name) && (e.length === name.length || e[name.length] === '=');
  for (const c of changes) {
    const eq = c.indexOf('=');
    if (eq < 0) {
      for (let i = env.length - 1; i >= 0; i--) if (named(env[i]!, c)) env.splice(i, 1);
      continue;
    }
    const at = env.findIndex((e) => named(e, c.slice(0, eq)));
    if (at >= 0) env[at] = c;
    else env.push(c);
  }
  return env;
}

/** The caller's environment, byte for byte when it is known (the launcher's child has it as given). */
export function callerEnviron(caller: CallerState): string[] {
  if (caller.launched) {
    try {
      const all = readFileSync(`/proc/${caller.launched.pid}/environ`).toString('latin1');
      return all === '' ? [] : all.slice(0, all.endsWith('\0') ? -1 : undefined).split('\0');
    } catch {
      // unreadable: Node's copy, without Node's own variables
    }
  }
  return environFor(process.env, caller);
}

const POSIX_SPAWN_SETSIGDEF = 0x04;
const POSIX_SPAWN_SETSIGMASK = 0x08;

function sigsetBuf(mask: bigint): Buffer {
  const b = Buffer.alloc(128);
  b.writeBigUInt64LE(BigInt.asUintN(64, mask), 0);
  return b;
}

/**
 * A command about to run: a shim stopped before its execve (`pid` alone), or the launcher's child,
 * waiting for its plan (`launched`: the pathname and argv to exec, and the environment when it is
 * not the caller's).
 */
export interface Spawned {
  pid: number;
  /** The launcher started it itself, under a seccomp filter (launcher.ts, early_plan): it runs. */
  running?: Launched;
  /** With `running`: the argv it was started with, byte for byte. */
  argv?: Buffer[];
  launched?: { child: Launched; path?: string; argv: string[] | number; envp?: string[]; creds?: Credentials };
}

/** How to start a command, beyond its argv and environment (see spawnCommand). */
export interface SpawnOptions {
  /** Where argv starts in the launcher's own argv: the child then execs those bytes exactly. */
  argIndex?: number;
  /** -E's edits of the caller's environment. */
  envChanges?: readonly string[];
  /** -u: the user to run it as, and its supplementary groups. */
  user?: { uid: number; gid: number; groups: number[] };
}

const S_ISUID = 0o4000, S_ISGID = 0o2000;

/**
 * Start a command, stopped before its execve (strace's message when it cannot be found), or take
 * the launcher's child for it. The tracer takes it over with Tracer.startSpawned. `argIndex`: where
 * `argv` starts in the launcher's own argv, so the child can exec it byte for byte (Node's copy of
 * sysray's arguments is decoded as UTF-8); see SpawnOptions.
 */
export function spawnCommand(argv: string[], env: NodeJS.ProcessEnv, caller: CallerState, o: SpawnOptions = {}): Spawned {
  const { argIndex, envChanges = [], user } = o;
  // the command is looked up in sysray's own PATH, whatever -E gives the command (as strace does)
  const path = resolveCommand(argv[0]!, env);
  const l = caller.launched;
  if (l?.running) {
    // the command's argv, as the caller's bytes: the tail of this process's own arguments
    const own = readFileSync('/proc/self/cmdline').toString('latin1').split('\0').slice(0, -1);
    return { pid: l.pid, running: l, argv: own.slice(own.length - argv.length).map((a) => Buffer.from(a, 'latin1')) };
  }
  const bytes = (a: string): string => Buffer.from(a, 'utf8').toString('latin1');
  const edited = envChanges.length && env === process.env ? editEnviron(callerEnviron(caller), envChanges.map(bytes)) : undefined;
  if (user && !l) throw new SpawnError('-u needs the launcher that starts the command before Node (bin/sysray on x86_64)', 1);
  let creds: Credentials | undefined;
  if (user) {
    // as strace: a set-user-ID (set-group-ID) program runs with its owner (group) as effective id
    const st = statSync(path);
    creds = {
      groups: user.groups, ruid: user.uid, rgid: user.gid,
      euid: st.mode & S_ISUID ? st.uid : user.uid, egid: st.mode & S_ISGID ? st.gid : user.gid,
    };
  }
  if (l) {
    const envp = edited ?? (env === process.env ? undefined : environFor(env, caller));
    // a name with a slash is exec'd as given (its own bytes, then); a PATH lookup gives a new one
    const own = argIndex !== undefined;
    return {
      pid: l.pid,
      launched: {
        child: l, ...(own && path === argv[0] ? {} : { path: bytes(path) }), argv: own ? argIndex : argv.map(bytes), ...(envp ? { envp } : {}),
        ...(creds ? { creds } : {}),
      },
    };
  }
  return { pid: spawnStopped(path, argv, edited ?? environFor(env, caller), caller) };
}

const O_CLOEXEC = 0x80000;

/**
 * posix_spawn attributes (to destroy after the spawn) giving the child the caller's signals:
 * every signal the caller did not ignore starts at SIG_DFL (Node ignores SIGPIPE and SIGXFSZ),
 * with the caller's mask; and empty file actions.
 */
function spawnAttributes(caller: CallerState): { attr: Buffer; fa: Buffer } {
  const attr = Buffer.alloc(512);
  const fa = Buffer.alloc(256);
  raw.posix_spawnattr_init(attr);
  raw.posix_spawn_file_actions_init(fa);
  raw.posix_spawnattr_setsigdefault(attr, sigsetBuf(~caller.sigIgn & ((1n << 64n) - 1n)));
  raw.posix_spawnattr_setsigmask(attr, sigsetBuf(caller.sigBlk));
  raw.posix_spawnattr_setflags(attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  return { attr, fa };
}

/**
 * strace's `-o |COMMAND` (or `!COMMAND`): `/bin/sh -c COMMAND` reading the trace on its stdin, with
 * the caller's environment and signals. Returns the pipe's write end (close-on-exec: no traced
 * program gets it) and the shell's pid.
 */
export function spawnPipe(command: string, caller: CallerState): { fd: number; pid: number } {
  const fds = Buffer.alloc(8);
  if ((raw.pipe2(fds, O_CLOEXEC) as number) !== 0) {
    const e = errno();
    throw new SpawnError(`pipe: ${errnoMessage(e)}`, e);
  }
  const rfd = fds.readInt32LE(0), wfd = fds.readInt32LE(4);
  const { attr, fa } = spawnAttributes(caller);
  // the read end becomes its stdin (dup2 clears close-on-exec there; both ends close at exec);
  // stdout and stderr are the caller's, which Node marked close-on-exec (dup2 onto itself clears it)
  raw.posix_spawn_file_actions_adddup2(fa, rfd, 0);
  for (const fd of [1, 2]) if (!caller.fds || caller.fds.includes(fd)) raw.posix_spawn_file_actions_adddup2(fa, fd, fd);
  const pidOut = [0];
  const av = cStringArray(['sh', '-c', command].map((a) => Buffer.from(a, 'utf8')));
  const ev = cStringArray(callerEnviron(caller).map((e) => Buffer.from(e, 'latin1')));
  const rc = raw.posix_spawn(pidOut, '/bin/sh', fa, attr, av.ptrs, ev.ptrs) as number;
  raw.posix_spawn_file_actions_destroy(fa);
  raw.posix_spawnattr_destroy(attr);
  closeSync(rfd);
  if (rc !== 0) {
    closeSync(wfd);
    throw new SpawnError(`Can't execute '/bin/sh': ${errnoMessage(rc)}`, rc);
  }
  return { fd: wfd, pid: pidOut[0]! };
}

/** Wait for a process sysray started (not a tracee), should it still be there. */
export function reap(pid: number): void {
  for (;;) {
    const r = raw.waitpid(pid, [0], 0) as number;
    if (r >= 0 || errno() !== 4 /* EINTR */) return;
  }
}

/**
 * Where the API starts a command: its working directory, and in place of the caller's fds 0-2
 * (`inherit`) an fd of the caller's or /dev/null.
 */
export interface SpawnPlace {
  cwd?: string;
  stdio?: readonly (number | 'null' | 'inherit')[];
}

const O_RDONLY = 0, O_WRONLY = 1;

/**
 * posix_spawn the shim, which stops itself with SIGSTOP before exec'ing `path` with `argv`.
 * Returns the pid. The caller then waits for the stop and seizes it.
 */
export function spawnStopped(path: string, argv: string[], envp: string[], caller: CallerState, place: SpawnPlace = {}): number {
  const shim = shimPath();
  const { attr, fa } = spawnAttributes(caller);
  // signals the caller ignored are ignored here around the spawn so the child inherits that. SIGCHLD
  // too, as strace gives the command the caller's disposition of it (the shim does not exit meanwhile).
  const ignored = caller.sigIgn;
  // Node marks inherited fds close-on-exec: dup2(fd, fd) in the child clears that for each fd the
  // caller passed; fds 0-2 it had closed (Node put /dev/null there) are closed again.
  const passed = caller.fds ?? [0, 1, 2];
  for (const fd of passed) raw.posix_spawn_file_actions_adddup2(fa, fd, fd);
  for (const fd of [0, 1, 2]) if (!passed.includes(fd)) raw.posix_spawn_file_actions_addclose(fa, fd);
  place.stdio?.forEach((to, fd) => {
    if (to === 'null') raw.posix_spawn_file_actions_addopen(fa, fd, '/dev/null', fd === 0 ? O_RDONLY : O_WRONLY, 0);
    else if (to !== 'inherit') raw.posix_spawn_file_actions_adddup2(fa, to, fd);
  });
  if (place.cwd !== undefined) raw.posix_spawn_file_actions_addchdir_np(fa, place.cwd);
  const restore: [number, unknown][] = [];
  for (let s = 1; s <= 64; s++) {
    if (s === 9 || s === 19 || s === 32 || s === 33) continue;
    if (ignored & (1n << BigInt(s - 1))) restore.push([s, raw.signal(s, SIG_IGN)]);
  }
  const pidOut = [0];
  const av = cStringArray([shim, path, ...argv].map((a) => Buffer.from(a, 'utf8')));
  const ev = cStringArray(envp.map((e) => Buffer.from(e, 'latin1')));
  const rc = raw.posix_spawn(pidOut, shim, fa, attr, av.ptrs, ev.ptrs) as number;
  for (const [s, old] of restore) raw.signal(s, old);
  raw.posix_spawn_file_actions_destroy(fa);
  raw.posix_spawnattr_destroy(attr);
  if (rc !== 0) throw new SpawnError(`posix_spawn: ${errnoMessage(rc)}`, rc);
  return pidOut[0]!;
}

/**
 * strace's redirect_standard_fds, once the command is started: sysray's own stdin and stdout become
 * the read end of a pipe with no writer (reads see EOF), so that a pipe the command shares with
 * sysray sees its other end close when the command closes it.
 */
export function releaseStandardFds(): void {
  const dup3 = NATIVE.byName.get('dup3')!.nr;
  const fds = Buffer.alloc(8);
  for (const fd of [0, 1]) {
    if ((raw.pipe2(fds, O_CLOEXEC) as number) !== 0) return;
    const rfd = fds.readInt32LE(0);
    closeSync(fds.readInt32LE(4));
    if (rfd === fd) continue; // it was closed: the pipe took its place
    raw.syscall6(dup3, rfd, fd, O_CLOEXEC, 0, 0, 0);
    closeSync(rfd);
  }
}
