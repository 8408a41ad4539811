/**
 * The API's options, typed, and their translation into sysray's own command line: the filters are
 * strace's `-e` expressions, parsed by the CLI's parser, so they share one vocabulary and strace's
 * messages. Checked here, before anything starts.
 */
import { parseArgs, UsageError, type Options } from '../cli/args.js';
import { finishDecodeFds, FilterError } from '../filter/expr.js';
import { SysrayError } from './errors.js';

/** What a traced command gets as its stdin, stdout and stderr. */
export type Stdio = 'inherit' | 'pipe' | 'ignore';

/** What both trace() and attach() take. */
export interface CommonOptions {
  /** Follow forks, vforks, clones and threads (strace's -f). */
  follow?: boolean;
  /**
   * strace `-e` expressions, each one as `-e` takes it: `trace=%file,%network`, `status=failed`,
   * `signal=!SIGCHLD`, `inject=openat:error=ENOENT:when=2`, `abbrev=none`, …
   */
  filter?: readonly string[];
  /** Only syscalls that refer to these paths, by name or through an fd (-P). */
  paths?: readonly string[];
  /** Annotate fds (-y): `true` for paths, or the kinds of --decode-fds= (`path`, `socket`, `dev`, `pidfd`). */
  decodeFds?: boolean | readonly ('path' | 'socket' | 'dev' | 'pidfd' | 'all')[];
  /** Name the process each pid stands for, and each event's process (-Y): `comm` fields. */
  decodePids?: boolean;
  /** How many bytes of each string to decode (-s; default 32). */
  stringLimit?: number;
  /** Unabbreviated structs, arrays and environments (-v). */
  verbose?: boolean;
  /** Each syscall's and signal's stack (-k): `stack` arrays of frames. */
  stackTraces?: boolean;
  /** Ends the trace: trace() kills its command, attach() detaches (resolves `exit`, rejects the loop). */
  signal?: AbortSignal;
}

/** Options of trace(): the command's own surroundings, beyond what it is traced with. */
export interface TraceOptions extends CommonOptions {
  /** The command's environment (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** The command's working directory (default: process.cwd()). */
  cwd?: string;
  /** `'inherit'` (default): this process's fds 0-2; `'pipe'`: stdout and stderr on `t.stdout`, `t.stderr` (stdin /dev/null); `'ignore'`: /dev/null. */
  stdio?: Stdio;
  /**
   * With `follow` and a `trace=` filter, stop the command only at traced syscalls (seccomp-bpf; on by
   * default as in the CLI; the events are the same either way).
   */
  seccomp?: boolean;
  /**
   * `false`: never run the command on the tracer's CPU. By default a command that every syscall
   * stops shares it while it runs one task at a time (a process that forks and waits, with
   * `follow`), which makes the trace several times faster where waking another CPU is slow; its
   * sched_getaffinity still answers the set it was given.
   */
  cpuBind?: boolean;
}

/** Options of attach(). */
export type AttachOptions = CommonOptions;

const KEYS: ReadonlySet<string> = new Set([
  'follow', 'filter', 'paths', 'decodeFds', 'decodePids', 'stringLimit', 'verbose', 'stackTraces', 'signal', 'env', 'cwd', 'stdio', 'seccomp', 'cpuBind',
]);

/** The options as sysray's command line (without the command), and the parsed result. */
export function commandLine(o: TraceOptions, target: { command: readonly string[] } | { pids: readonly number[] }): { argv: string[]; parsed: Options } {
  for (const k of Object.keys(o)) if (!KEYS.has(k)) throw new SysrayError('EINVAL', `unknown option '${k}'`);
  const argv: string[] = ['--json'];
  if (o.follow) argv.push('-f');
  for (const e of list(o.filter, 'filter')) argv.push('-e', e);
  for (const p of list(o.paths, 'paths')) argv.push('-P', p);
  if (o.decodeFds === true) argv.push('-y');
  else if (o.decodeFds) argv.push(`--decode-fds=${list(o.decodeFds, 'decodeFds').join(',')}`);
  if (o.decodePids) argv.push('-Y');
  if (o.stringLimit !== undefined) {
    if (!Number.isSafeInteger(o.stringLimit) || o.stringLimit < 0) throw new SysrayError('EINVAL', `invalid stringLimit: ${String(o.stringLimit)}`);
    argv.push('-s', String(o.stringLimit));
  }
  if (o.verbose) argv.push('-v');
  if (o.stackTraces) argv.push('-k');
  if (o.seccomp !== undefined) argv.push(o.seccomp ? '--seccomp-bpf' : '--no-seccomp-bpf');
  if (o.cpuBind === false) argv.push('--no-cpu-bind');
  if (o.stdio !== undefined && !['inherit', 'pipe', 'ignore'].includes(o.stdio)) throw new SysrayError('EINVAL', `invalid stdio: '${String(o.stdio)}'`);
  if ('pids' in target) for (const pid of target.pids) argv.push('-p', String(pid));
  else {
    if (!Array.isArray(target.command) || target.command.some((a) => typeof a !== 'string')) throw new SysrayError('EINVAL', 'the command must be an array of strings');
    argv.push('--', ...target.command);
  }
  let parsed: Options;
  try {
    parsed = parseArgs(argv);
    finishDecodeFds(parsed.filters, parsed.yflag);
  } catch (e) {
    if (e instanceof UsageError || e instanceof FilterError) {
      // -e expressions (and -y's kinds) are the filter; the rest are plain values
      throw new SysrayError(/^(invalid -s |Invalid process id|must have)/.test(e.message) ? 'EINVAL' : 'EINVAL_FILTER', e.message);
    }
    throw e;
  }
  return { argv, parsed };
}

function list<T>(v: readonly T[] | undefined, name: string): readonly T[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new SysrayError('EINVAL', `${name} must be an array`);
  return v;
}
