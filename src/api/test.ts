/**
 * sysray/test: run a command under sysray in a test and assert what it did to the system — which
 * files it wrote, which hosts it reached, which programs it ran. The assertions throw node's
 * AssertionError quoting the trace lines behind each offence, so any test runner reports them.
 */
import { AssertionError } from 'node:assert';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { EffectsBuilder } from '../analyze/builder.js';
import { syscallLine } from '../replay/events.js';
import type {
  Effects, ErrorEffects, ExitStatus, FileEffects, ProcessEffects, SocketEffects,
} from '../analyze/types.js';
import type { TraceEvent } from './events.js';
import { trace } from './trace.js';

export type * from '../analyze/types.js';
export type { TraceEvent } from './events.js';
export { analyze, EffectsBuilder } from '../analyze/builder.js';

/** The events of a `sysray --json -o FILE` recording, to give to `analyze()`. */
export function readTrace(file: string): TraceEvent[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TraceEvent);
}

export interface RecordOptions {
  /** The command's working directory (default: this process's). */
  cwd?: string;
  /** The command's environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /**
   * The command's stdout and stderr: collected into `run.stdout`/`run.stderr` (`'pipe'`, the
   * default; stdin is then /dev/null), this process's (`'inherit'`), or /dev/null (`'ignore'`).
   */
  stdio?: 'pipe' | 'inherit' | 'ignore';
  /**
   * How many bytes of each string argument the trace keeps (`-s`; default 4096). Paths are always
   * whole; an argv longer than this shows `argvTruncated` in the model.
   */
  stringLimit?: number;
  /**
   * Extra strace `-e` expressions (`'trace=%file,%process'`). The model needs the process calls
   * (clone, execve, chdir) to resolve paths and parents, so narrow with care.
   */
  filter?: string[];
  /** Kill the command (and fail) after this many ms (default: no limit). */
  timeoutMs?: number;
}

/** Which files `run.files()` returns: each given condition must hold. */
export interface FileFilter {
  /** Data written, or opened for writing, or truncated. */
  written?: boolean;
  read?: boolean;
  created?: boolean;
  deleted?: boolean;
  /** Changed in any way: written, created (or maybe), deleted, renamed, metadata. */
  modified?: boolean;
  executed?: boolean;
  /** Only paths under this directory (or the directory itself). */
  under?: string;
}

export interface Run {
  argv: string[];
  /** How the command ended: `{ code: 0 }` or `{ signal: 'SIGSEGV', coreDumped: false }`. */
  exit: ExitStatus;
  /** Every event of the trace: the objects `sysray --json` writes. */
  events: TraceEvent[];
  /** The whole effects model (docs/effects.md). */
  effects: Effects;
  /** The command's output, with `stdio: 'pipe'` (the default). */
  stdout: string;
  stderr: string;
  /** The files the run touched (merged over its processes), optionally filtered. */
  files(filter?: FileFilter): FileEffects[];
  /** Its internet sockets (AF_INET, AF_INET6, AF_PACKET) with what they did. */
  network(): SocketEffects[];
  /** All its sockets, unix and netlink ones included. */
  sockets(): SocketEffects[];
  /** Its processes, in order of appearance; each has `parent`, `argv`, `exec`, `exit`. */
  processes(): ProcessEffects[];
  errors(): ErrorEffects[];
}

/** A file counts as modified when any of these says so. */
export const modified = (f: FileEffects): boolean =>
  f.written || f.created || f.mayHaveCreated || f.deleted || f.renamedTo.length > 0 || f.renamedFrom.length > 0 || f.metadataChanged;

const under = (path: string, dir: string): boolean => path === dir || path.startsWith(dir.endsWith('/') ? dir : dir + '/');

const INET = new Set(['AF_INET', 'AF_INET6', 'AF_PACKET']);

/**
 * Run `argv` under sysray (following forks, with trace() from 'sysray') and resolve with what it did
 * once it has exited. Rejects, without running anything, with the SysrayError trace() gives when
 * the command or an option is refused (`code` `'ENOENT'`, `'EINVAL_FILTER'`…).
 */
export async function record(argv: string[], options: RecordOptions = {}): Promise<Run> {
  if (!Array.isArray(argv) || !argv.length) throw new TypeError('record: argv must be a non-empty array');
  const stdio = options.stdio ?? 'pipe';
  const signal = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
  const t = trace(argv, {
    follow: true, stringLimit: options.stringLimit ?? 4096, stdio,
    ...(options.filter ? { filter: options.filter } : {}), ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.env ? { env: options.env } : {}), ...(signal ? { signal } : {}),
  });
  const stdout = collect(t.stdout);
  const stderr = collect(t.stderr);
  const events: TraceEvent[] = [];
  const builder = new EffectsBuilder();
  try {
    for await (const ev of t) {
      events.push(ev);
      builder.add(ev);
    }
  } catch (e) {
    if (signal?.aborted) throw new Error(`record: ${argv[0]} did not finish within ${options.timeoutMs} ms`);
    throw e;
  }
  const status = await t.exit;
  if ('detached' in status) throw new Error(`record: ${argv[0]} was let go before it ended`);
  const effects = builder.result();
  return {
    argv: [...argv], exit: status, events, effects, stdout: await stdout, stderr: await stderr,
    files: (f = {}) => effects.files.filter((x) =>
      (f.written === undefined || x.written === f.written) && (f.read === undefined || x.read === f.read)
      && (f.created === undefined || x.created === f.created) && (f.deleted === undefined || x.deleted === f.deleted)
      && (f.modified === undefined || modified(x) === f.modified) && (f.executed === undefined || x.executed === f.executed)
      && (f.under === undefined || under(x.path, resolve(f.under)))),
    network: () => effects.sockets.filter((s) => INET.has(s.family)),
    sockets: () => effects.sockets,
    processes: () => effects.processes,
    errors: () => effects.errors,
  };
}

/** All of a stream's text ('' for none). */
async function collect(stream: Readable | null): Promise<string> {
  if (!stream) return '';
  let s = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) s += chunk as string;
  return s;
}

function fail(message: string, name: string, lines: string[]): never {
  throw new AssertionError({ message: [message, ...lines].join('\n'), operator: name, stackStartFn: fail });
}

/** Each offence's own lines, indented under it. */
const quote = (lines: string[]): string[] => lines.map((l) => '    ' + l);

/**
 * No internet traffic: fails if any process used an AF_INET/AF_INET6/AF_PACKET socket for anything
 * but its creation (connect, bind, listen, accept, or data). Loopback counts unless `allowLoopback`.
 */
export function expectNoNetwork(run: Run, opts: { allowLoopback?: boolean } = {}): void {
  const loop = (a: string | undefined): boolean => a === undefined || /^(127\.|\[::1\]|\[::ffff:127\.)/.test(a);
  const bad = run.network().filter((s) => {
    const used = s.ops.length > 0 || s.bytesSent > 0 || s.bytesReceived > 0 || s.peers.length > 0;
    if (!used) return false;
    if (!opts.allowLoopback) return true;
    return ![s.remote, s.local, ...s.peers].every(loop);
  });
  if (!bad.length) return;
  fail(`expectNoNetwork: ${bad.length} socket${bad.length > 1 ? 's' : ''} reached the network:`, 'expectNoNetwork', bad.flatMap((s) => [
    `  pid ${s.pid} ${s.family} ${s.type}${s.remote ? ' to ' + s.remote : ''}${s.local ? ' from ' + s.local : ''} (${s.ops.join(', ') || 'data'}; ${s.bytesSent} bytes sent, ${s.bytesReceived} received)`,
    ...quote(s.lines),
  ]));
}

/**
 * Every file the run modified (wrote, created, deleted, renamed, or changed the metadata of) is
 * under one of `dirs`. `/dev/null` is always allowed; add others with `allow`.
 */
export function expectWritesOnlyUnder(run: Run, dirs: string | string[], opts: { allow?: string[] } = {}): void {
  const roots = (Array.isArray(dirs) ? dirs : [dirs]).map((d) => resolve(d));
  const allow = new Set(['/dev/null', ...(opts.allow ?? [])]);
  const bad = run.effects.files.filter((f) => modified(f) && !allow.has(f.path) && !roots.some((r) => under(f.path, r)));
  if (!bad.length) return;
  fail(`expectWritesOnlyUnder(${roots.join(', ')}): ${bad.length} file${bad.length > 1 ? 's' : ''} modified outside:`, 'expectWritesOnlyUnder', bad.flatMap((f) => [
    `  ${f.path} (${what(f)})`,
    ...quote(f.lines),
  ]));
}

function what(f: FileEffects): string {
  const w: string[] = [];
  if (f.created) w.push('created');
  else if (f.mayHaveCreated) w.push('maybe created');
  if (f.written) w.push(`written, ${f.bytesWritten} bytes`);
  if (f.deleted) w.push('deleted');
  for (const t of f.renamedTo) w.push(`renamed to ${t}`);
  for (const t of f.renamedFrom) w.push(`renamed from ${t}`);
  if (f.metadataChanged) w.push('metadata changed');
  return w.join('; ');
}

/**
 * No process ran a program, except those named in `except` (by path, or by the file name of the
 * path or argv[0]). The command itself counts: list it in `except`.
 */
export function expectNoExec(run: Run, opts: { except?: string[] } = {}): void {
  const ok = new Set(opts.except ?? []);
  const bad = run.processes().flatMap((p) => p.exec.filter((e) =>
    !ok.has(e.path) && !ok.has(basename(e.path)) && !(e.argv[0] !== undefined && (ok.has(e.argv[0]) || ok.has(basename(e.argv[0])))))
    .map((e) => ({ p, e })));
  if (!bad.length) return;
  const line = (pid: number, time: string): string[] => {
    const ev = run.events.find((x) => x.type === 'syscall' && x.pid === pid && String(x.time) === time && x.name.startsWith('execve'));
    return ev?.type === 'syscall' ? [syscallLine(ev)] : [];
  };
  fail(`expectNoExec: ${bad.length} program${bad.length > 1 ? 's' : ''} run:`, 'expectNoExec', bad.flatMap(({ p, e }) => [
    `  pid ${p.pid}: ${e.path} ${JSON.stringify(e.argv)}`,
    ...quote(line(p.pid, e.time)),
  ]));
}
