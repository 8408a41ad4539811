/** The sysray command: parse, trace, render, exit as strace exits. */
import { closeSync, openSync, realpathSync, writeSync } from 'node:fs';
import { parseArgs, UsageError, USAGE, type Options } from './args.js';
import { debugStart, type Outcome, Tracer, type Sink, type TraceOptions } from '../tracer/loop.js';
import { creationMask, restoreDefault } from '../tracer/signals.js';
import { reap, releaseStandardFds, type Spawned, spawnCommand, spawnPipe, takeCallerState } from '../tracer/spawn.js';
import { dismiss } from '../tracer/launcher.js';
import { StraceText, writeStreamed } from '../render/strace.js';
import type { ArrayTail } from '../decode/value.js';
import { renderJson, writeJsonStreamed } from '../render/json.js';
import { colourText, wantColour } from '../render/colour.js';
import { explain, explanationLine } from '../explain/explain.js';
import type { Event } from '../model.js';
import { errnoMessage } from '../decode/xlat/errno.js';
import { NATIVE } from '../arch/index.js';
import { FilterError, finishDecodeFds, finishQuiet, qualTables, QUIETS, type Filters, type QualTables } from '../filter/expr.js';
import { SummaryCounter } from '../render/summary.js';
import { describe, ReferenceError, syscallsTable } from '../explain/describe.js';
import { raw, setProcessName, SIG_IGN, userByName } from '../sys/libc.js';
import { replayFile, Views, type ReplayFilters } from './views.js';
import { tipsText } from './tips.js';
import { becomeTracee, startTracer, takeDaemonRole } from '../tracer/daemon.js';

const VERSION = '0.1.0';
const SIGTSTP = 20;
const SIGPIPE = 13;

/**
 * Buffered output to an fd; flushed when the tracer is idle or the buffer is full. Lines are joined
 * (V8 ropes, no copy) and encoded into a buffer of its own an eighth of the buffer at a time: one
 * call into C++ for many lines rather than one per line, and soon enough that no line lives
 * through two young-generation collections: strings kept until a flush would be promoted, and the
 * old generation would grow with the trace.
 */
class Out {
  private buf: Buffer | undefined;
  private used = 0;
  /** Text written and not yet encoded into `buf`, at most `size / 8` UTF-16 units (and one line). */
  private pending = '';
  /**
   * `failed`: what to say when a write fails (`sysray: FILE: No space left on device`), said once
   * per line lost, as strace says it for each line its stdio cannot write. None for stderr.
   * `size`: the buffer's bytes (-ff keeps one open per process: a smaller one there).
   */
  constructor(private fd: number, private failed?: (e: unknown) => string, private size = 1 << 16) {}
  /** write, as a function of its own (for writers that take one). */
  readonly writer = (s: string): void => this.write(s);
  write(s: string): void {
    if (!s) return;
    const p = (this.pending += s);
    if (p.length >= this.size >> 3) this.encode();
  }
  /** Encode the pending text into the buffer (writing the buffer out first if it has no room). */
  private encode(): void {
    const s = this.pending;
    if (!s) return;
    this.pending = '';
    // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (this.used + 3 * s.length > this.size) {
      this.writeOut(false);
      if (3 * s.length > this.size) return this.put(Buffer.from(s, 'utf8'));
    }
    this.buf ??= Buffer.allocUnsafeSlow(this.size);
    this.used += this.buf.write(s, this.used, 'utf8');
  }
  close(): void {
    this.flush();
    if (this.fd > 2) closeSync(this.fd);
    this.fd = -1;
    this.buf = undefined;
  }
  /**
   * Write what is buffered; `lines`: only up to the last line end, the rest kept (strace's
   * fully buffered -o |cmd stream is flushed as each line ends, never in mid-line).
   */
  flush(lines = false): void {
    this.encode();
    this.writeOut(lines);
  }
  /** Write what the buffer holds (`lines`: as flush). */
  private writeOut(lines: boolean): void {
    if (!this.used || this.fd < 0) return;
    const n = lines ? this.buf!.lastIndexOf(10, this.used - 1) + 1 : this.used;
    if (n === 0) return;
    this.put(this.buf!.subarray(0, n));
    this.buf!.copy(this.buf!, 0, n, this.used);
    this.used -= n;
  }
  private put(bytes: Buffer): void {
    if (this.fd < 0) return;
    try {
      writeSync(this.fd, bytes);
    } catch (e) {
      // output gone (EPIPE, ENOSPC, …): say so, and keep tracing, as strace does; but a trace on
      // stderr whose reader has gone kills sysray with SIGPIPE, as it kills strace (and with it the
      // command it started)
      if (!this.failed) {
        if ((e as { code?: string }).code === 'EPIPE') dieOfSignal(SIGPIPE);
        return;
      }
      const msg = this.failed(e);
      let lines = 0;
      for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
      try {
        writeSync(2, msg.repeat(Math.max(lines, 1)));
      } catch {
        /* stderr gone too */
      }
    }
  }
}

function die(prog: string, msg: string, hint = false): number {
  writeSync(2, `${prog}: ${msg}\n${hint ? `Try '${prog} -h' for more information.\n` : ''}`);
  return 1;
}

/**
 * strace's checks of how options combine, in its order (its init(), once the options are read):
 * messages, some of them fatal (the exit status is returned then). Also settles -f (with -F) and
 * -y. Returns --seccomp-bpf as it stands after them (false: asked for, but disabled).
 */
function reconcile(o: Options, prog: string, hasCommand: boolean): number | { seccompAsked: boolean | undefined } {
  const n = (key: string): number => o.given.get(key) ?? 0;
  const warn = (msg: string): void => void writeSync(2, `${prog}: ${msg}\n`);
  // said as the options were read (an injected retval that may read as an error)
  for (const w of o.filters.warnings) warn(w);
  if (o.filters.inject.size && process.arch !== 'x64') return die(prog, '-e inject= and -e fault= are supported on x86_64 only, for now');
  if (n('t') && (n('timestamps') || n('absolute-timestamps'))) return die(prog, '-t and --absolute-timestamps cannot be provided simultaneously');
  if (n('x') && n('strings-in-hex')) return die(prog, '-x and --strings-in-hex cannot be provided simultaneously');
  try {
    finishDecodeFds(o.filters, o.yflag);
  } catch (e) {
    if (e instanceof FilterError) return die(prog, e.message, e.hint);
    throw e;
  }
  let seccomp = o.seccomp;
  // -b: a tracee detached under a seccomp filter would get ENOSYS for the syscalls it traces
  if (seccomp && o.detachOnExec) {
    warn('--seccomp-bpf is not enabled because it is not compatible with -b');
    seccomp = false;
  }
  if (n('f') && n('follow-forks')) return die(prog, '-f and --follow-forks cannot be provided simultaneously');
  if (n('f') >= 2 && o.separately) return die(prog, '-ff and --output-separately cannot be provided simultaneously');
  // strace: a short -f sets output_separately to whether it was -ff, overriding --output-separately
  const separately = n('f') ? n('f') >= 2 : o.separately;
  o.separately = separately;
  if (seccomp) {
    // (strace says it with a command too under -d: its filter never covers attached processes)
    if (o.pids.length && (!hasCommand || o.debug)) warn('--seccomp-bpf is not enabled for processes attached with -p');
    if (o.follow === 0) {
      warn('--seccomp-bpf cannot be used without -f/--follow-forks, disabling');
      seccomp = false;
    }
  }
  // -F: -f, deprecated
  if (o.optF) {
    if (o.follow > 0) warn('deprecated option -F ignored');
    else {
      warn('option -F is deprecated, please use -f/--follow-forks instead');
      o.follow = 1;
    }
  }
  const summaryNeeded = '(-c/--summary-only or -C/--summary)';
  if (separately && o.summary) return die(prog, `${summaryNeeded} and -ff/--output-separately are mutually exclusive`, true);
  if (o.wallclock && !o.summary) return die(prog, `-w/--summary-wall-clock must be given with ${summaryNeeded}`, true);
  if (o.columns && !o.summary) return die(prog, `-U/--summary-columns must be given with ${summaryNeeded}`, true);
  if (o.sortBy && !o.summary) warn(`-S/--summary-sort-by has no effect without ${summaryNeeded}`);
  if (o.summary === 'only') {
    const f = o.filters;
    for (const [set, what] of [
      [o.iflag, '-i/--instruction-pointer'], [o.stackTraces, '-k/--stack-traces'], [o.nflag, '-n/--syscall-number'], [o.rel !== undefined, '-r/--relative-timestamps'],
      [n('t') + n('timestamps') + n('absolute-timestamps') > 0, '-t/--absolute-timestamps'], [o.took !== undefined, '-T/--syscall-times'],
      [f.decodeFds.universe.some((k) => f.decodeFds.has(k)), '-y/--decode-fds'],
    ] as const) if (set) warn(`${what} has no effect with -c/--summary-only`);
  }
  if (o.output === undefined) {
    if (separately && o.follow === 0) warn('--output-separately has no effect without -o/--output');
    if (o.append) warn('-A/--output-append-mode has no effect without -o/--output');
  }
  if (n('z') + n('Z') > 1) {
    warn('Only the last of -z/--successful-only/-Z/--failed-only options will take effect. See status qualifier for more complex filters.');
  }
  return { seccompAsked: seccomp };
}

/** -t/-tt/-ttt, unless --timestamps= said otherwise. */
function absolute(o: Options): { abs?: { unix: boolean; digits: number } } {
  if (o.abs !== undefined) return o.abs.format === 'none' ? {} : { abs: { unix: o.abs.format === 'unix', digits: o.abs.digits } };
  if (!o.tflag) return {};
  return { abs: o.tflag >= 3 ? { unix: true, digits: 6 } : { unix: false, digits: o.tflag === 2 ? 6 : 0 } };
}

/**
 * strace's status and signal qualifiers as a stage between the tracer and the renderer. With a
 * partial status set a syscall's line is held back until its end is known (strace stages it too,
 * so such lines are never split by `<unfinished ...>`).
 */
export function filterStage(f: Filters, next: (ev: Event) => void): (ev: Event) => void {
  const allStatus = f.status.isComplete();
  const allSignals = f.signal.isComplete(Array.from({ length: 64 }, (_, i) => i + 1));
  if (allStatus && allSignals) return next;
  const held = new Map<number, Event>();
  return (ev) => {
    if (!allStatus) {
      // a thread's exec makes it the leader: strace drops the entry it held (its result alone is shown)
      if (ev.type === 'superseded') {
        held.delete(ev.oldPid);
        held.delete(ev.pid);
      }
      if (ev.type === 'syscall_entry') {
        held.set(ev.pid, ev);
        return;
      }
      if (ev.type === 'syscall' || ev.type === 'detach') {
        const entry = held.get(ev.pid);
        held.delete(ev.pid);
        if (entry || ev.type === 'syscall') {
          const st = ev.type === 'detach' ? 'detached' : ev.unavailable ? 'unavailable' : !ev.ret ? 'unfinished' : ev.ret.errno ? 'failed' : 'successful';
          if (!f.status.has(st)) {
            if (ev.type === 'detach') next(ev);
            return;
          }
          if (entry) next(entry);
        }
      }
    }
    if (!allSignals && (ev.type === 'signal' || ev.type === 'killed') && !f.signal.has(ev.sig)) {
      if (ev.type === 'killed') next({ type: 'detach', pid: ev.pid, time: ev.time });
      return;
    }
    next(ev);
  };
}

/**
 * -P: each path, and what it resolves to (`said` is told so, as strace says it), as latin1 strings
 * of their bytes; undefined without -P.
 */
export function resolvePaths(given: readonly string[], said: (msg: string) => void): Set<string> | undefined {
  if (!given.length) return undefined;
  const paths = new Set<string>();
  for (const p of given) {
    paths.add(Buffer.from(p, 'utf8').toString('latin1'));
    let real: string | undefined;
    try {
      // libc's realpath("") fails with ENOENT, as strace sees it; Node's resolves "" to the cwd
      real = p === '' ? undefined : realpathSync(p);
    } catch {
      real = undefined;
    }
    if (real !== undefined && real !== p) {
      said(`Requested path "${p}" resolved into "${real}"`);
      paths.add(Buffer.from(real, 'utf8').toString('latin1'));
    }
  }
  return paths;
}

/** How a run drives the engine beyond the command line: the CLI's choices, or the API's. */
export interface EngineRun {
  interactive: boolean;
  eagerFlush: boolean;
  /** --seccomp-bpf as settled (it still applies only with -f and a partial -e trace=). */
  seccomp: boolean;
  /** --seccomp-bpf was given: strace's own filter mode, which sees no switch of personality between traced calls. */
  seccompAsked?: boolean;
  exitKill: boolean;
  /** The output can be written while a huge array is read (DecodeOptions.streamArrays). */
  streamArrays?: boolean;
}

/** The engine's options for a parsed command line (the API builds its engine from one too). */
export function engineOptions(
  opts: Options, { traced, qual, compat }: QualTables,
  paths: ReadonlySet<string> | undefined, run: EngineRun, debug?: (msg: string) => void,
): TraceOptions {
  const f = opts.filters;
  return {
    strsize: opts.strsize, abbrev: true, verbose: true, followForks: opts.follow > 0, interactive: run.interactive,
    ...(opts.xlat !== 'abbrev' ? { xlat: opts.xlat } : {}),
    eagerFlush: run.eagerFlush, ...(f.decodeFds.universe.some((k) => f.decodeFds.has(k)) ? { decodeFds: {
      path: f.decodeFds.has('path'), socket: f.decodeFds.has('socket'), dev: f.decodeFds.has('dev'), pidfd: f.decodeFds.has('pidfd'),
    } } : {}), ...(paths ? { paths } : {}),
    ...(qual ? { qual } : {}), wantIp: opts.iflag, stackTraces: opts.stackTraces && opts.summary !== 'only', wantCpu: opts.summary !== undefined && !opts.wallclock,
    ...(f.read.not || f.read.items.size ? { dumpRead: (fd: number) => f.read.has(fd) } : {}),
    ...(f.write.not || f.write.items.size ? { dumpWrite: (fd: number) => f.write.has(fd) } : {}),
    ...(traced ? { traced } : {}), ...(compat ? { compat } : {}),
    // like strace's --seccomp-bpf, only with -f (a filtered child left untraced would get ENOSYS)
    seccomp: run.seccomp && !opts.detachOnExec && traced !== undefined && opts.follow > 0 && opts.pids.length === 0,
    ...(run.seccompAsked ? { seccompAsked: true } : {}),
    exitKill: run.exitKill,
    ...(opts.noCpuBind ? {} : { bindCpu: true }),
    // -c with no view of the whole trace: the summary is all that is made of the events
    ...(opts.summary === 'only' && opts.report === undefined && opts.perfetto === undefined && !opts.effects ? { summaryOnly: true } : {}),
    comm: f.decodePids.has('comm'),
    pidns: f.decodePids.has('pidns'),
    ...(f.inject.size ? { inject: f.inject } : {}),
    ...(f.kvmVcpu ? { kvmVcpu: true } : {}),
    detachOnExec: opts.detachOnExec,
    ...(run.streamArrays ? { streamArrays: true } : {}),
    ...(debug ? { debug } : {}),
  };
}

/** Run sysray with these arguments; returns the exit code (or does not return: dies of the tracee's signal). */
export function main(argv: string[]): number {
  const caller = takeCallerState();
  const prog = caller.argv0 ?? 'sysray';
  // -D: this start may be the intermediate (it only starts the tracer) or the tracer (daemon.ts)
  const daemon = takeDaemonRole();
  if (daemon?.role === 'spawn') return startTracer(daemon.parent, daemon.level, prog, argv);
  // its tracees see sysray as their parent by this name (strace -Y, ps), not as `node`
  setProcessName(prog);
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return die(prog, e.message, e.hint);
    throw e;
  }
  if (opts.help) {
    writeSync(1, USAGE);
    return 0;
  }
  if (opts.version) {
    writeSync(1, `sysray -- version ${VERSION}\n`);
    return 0;
  }
  if (opts.syscalls !== undefined || opts.describe !== undefined) return reference(opts, prog);
  const hasCommand = opts.command.length > 0;
  const f = opts.filters;
  const settled = reconcile(opts, prog, hasCommand);
  if (typeof settled === 'number') return settled;
  const { seccompAsked } = settled;
  // -P (strace says what a path resolves to after the checks above, unless -e quiet=path-resolution)
  const paths = resolvePaths(opts.paths, f.quiet.has('path-resolution') ? () => {} : (msg) => writeSync(2, `${prog}: ${msg}\n`));
  // -u: strace 6.1's checks, whether or not there is a command (it knows user names only)
  let user: { uid: number; gid: number; groups: number[] } | undefined;
  if (opts.user !== undefined) {
    if (raw.getuid() !== 0 || raw.geteuid() !== 0) return die(prog, 'You must be root to use the -u/--username option');
    user = userByName(opts.user);
    if (!user) return die(prog, `Cannot find user '${opts.user}'`);
  }
  const { traced, qual, compat } = qualTables(f, NATIVE);
  if (seccompAsked && f.trace.straceComplete(traced === undefined)) {
    writeSync(2, `${prog}: Seccomp filter is requested but there are no syscalls to filter.  See -e trace to filter syscalls.\n`);
  }
  const separate = opts.output !== undefined && (opts.follow >= 2 || opts.separately);
  // strace: -o with a command implies -q (quiet attach messages) unless -q or -e quiet= was given.
  try {
    finishQuiet(f, opts.quiet, opts.output !== undefined && hasCommand);
  } catch (e) {
    if (e instanceof FilterError) return die(prog, e.message, e.hint);
    throw e;
  }
  const quiet = new Set<string>(QUIETS.filter((q) => f.quiet.has(q)));
  // strace's -I: by default, with -o and a command, INT/QUIT/TERM/HUP are ignored (3); otherwise
  // they detach (2). 1 leaves them their default action; 4 ignores SIGTSTP as well.
  const intr = opts.intr ?? (opts.daemonize ? 4 : opts.output !== undefined && hasCommand ? 3 : 2);
  const interactive = intr === 2;

  // -D: this process becomes the command, traced by a detached grandchild (it returns on failure)
  if (opts.daemonize && !daemon) {
    return die(prog, becomeTracee({ command: opts.command, caller, envChanges: opts.envChanges, level: opts.daemonize, argv0: prog, args: argv, user }));
  }
  let shared: Out | undefined;
  const outFailed = (name: string) => (e: unknown): string => `${prog}: ${name}: ${errnoMessage(-((e as { errno?: number }).errno ?? -5))}\n`;
  // -o |COMMAND, -o !COMMAND: the trace goes to `sh -c COMMAND`, which sysray waits for at the end
  let piped: { fd: number; pid: number } | undefined;
  if (opts.output !== undefined && (opts.output.startsWith('|') || opts.output.startsWith('!'))) {
    if (separate) return die(prog, 'piping the output and -ff/--output-separately are mutually exclusive', true);
    try {
      piped = spawnPipe(opts.output.slice(1), caller);
    } catch (e) {
      return die(prog, (e as Error).message);
    }
    shared = new Out(piped.fd, outFailed(opts.output));
  } else if (opts.output !== undefined && !separate) {
    try {
      shared = new Out(openSync(opts.output, opts.append ? 'a' : 'w', 0o666), outFailed(opts.output));
    } catch (e) {
      return die(prog, `Can't fopen '${opts.output}': ${errnoMessage(-((e as { errno?: number }).errno ?? -2))}`);
    }
  } else if (opts.output === undefined) shared = new Out(2);
  // Node must not die of these before the tracees are dealt with; the tracer notices them itself.
  // (-I 1: they kill sysray; the kernel then detaches the tracees, which go on running.)
  if (intr !== 1) for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const) process.on(s, () => {});
  if (intr === 4) raw.signal(SIGTSTP, SIG_IGN);
  // The command's process: the launcher's child, waiting for its plan, or an exec shim started now,
  // which stops itself while the rest is set up. Should sysray fail before seizing it, it must not
  // be left stopped (or run untraced).
  let child: Spawned | undefined;
  if (opts.debug) for (const line of debugStart(opts.follow > 0)) writeSync(2, `${prog}: ${line}\n`);
  // the launcher's child has nothing to run with -p: it exits once told so
  if (!hasCommand && caller.launched) dismiss(caller.launched);
  if (hasCommand && !daemon) {
    try {
      // the command is the tail of sysray's arguments: the launcher's child has them as given
      const at = argv.length - opts.command.length;
      const tail = opts.command.every((a, i) => argv[at + i] === a);
      child = spawnCommand(opts.command, process.env, caller, { ...(tail ? { argIndex: at + 1 } : {}), envChanges: opts.envChanges, ...(user ? { user } : {}) });
    } catch (e) {
      return die(prog, (e as Error).message);
    }
  }
  const unseized = (): void => {
    if (child !== undefined) raw.kill(child.pid, 9);
  };
  process.once('exit', unseized);
  // colour only where a person reads the trace: sysray's stderr on a terminal, unless told otherwise
  const colour = !opts.json && wantColour(opts.color, process.env, opts.output === undefined && raw.isatty(2) === 1);
  // plain strace text and JSON lines can be written while a huge array is still being read (-v):
  // flat memory
  const streamArrays = !opts.explain && !colour && opts.report === undefined && opts.perfetto === undefined && !opts.effects && opts.replay === undefined;
  const tails: ArrayTail[] | undefined = streamArrays && !opts.json ? [] : undefined;
  const lineOpts = {
    ...(tails ? { tails } : {}),
    acolumn: opts.acolumn, xflag: opts.xflag, quiet, outfile: opts.output !== undefined, xlat: opts.xlat,
    nflag: opts.nflag, iflag: opts.iflag,
    ...absolute(opts), ...(opts.rel !== undefined ? { rel: opts.rel } : {}), ...(opts.took !== undefined ? { took: opts.took } : {}),
    // strace decides once its first tracees are there: the -p processes and the command
    pidPrefix: opts.output !== undefined && !separate && (opts.follow > 0 || new Set(opts.pids).size + (opts.command.length ? 1 : 0) > 1),
  };
  /** One output and renderer per process with -ff, else one for all. */
  const perPid = new Map<number, { out: Out; render: (ev: Event) => string }>();
  const makeRender = (): ((ev: Event) => string) => {
    if (opts.json) return opts.explain ? (ev) => renderJson(ev, explain(ev)) : renderJson;
    const text = new StraceText(lineOpts);
    if (!opts.explain && !colour) return (ev) => text.render(ev);
    // --explain and colour are steps after the strace text, which itself stays as it is
    let midLine = false;
    return (ev) => {
      let s = text.render(ev);
      if (!s) return s;
      if (opts.explain) s += explanationLine(ev);
      if (!colour) return s;
      const c = colourText(s, midLine);
      midLine = !s.endsWith('\n');
      return c;
    };
  };
  // made once: sinkFor runs for every event
  const sharedSink = shared ? { out: shared, render: makeRender() } : undefined;
  const sinkFor = (ev: Event): { out: Out; render: (ev: Event) => string } | undefined => {
    if (sharedSink) return sharedSink;
    let p = perPid.get(ev.pid);
    if (!p) {
      try {
        // the umask is 0 while the tracer watches signals: apply the caller's mask here
        const name = `${opts.output}.${ev.pid}`;
        p = { out: new Out(openSync(name, opts.append ? 'a' : 'w', 0o666 & ~creationMask()), outFailed(name), 1 << 13), render: makeRender() };
      } catch (e) {
        const msg = `Can't fopen '${opts.output}.${ev.pid}': ${errnoMessage(-((e as { errno?: number }).errno ?? -2))}`;
        // strace dies when the first process's file cannot be made: the command goes no further
        if (perPid.size === 0) throw new OutputError(msg);
        writeSync(2, `${prog}: ${msg}\n`);
        return undefined;
      }
      perPid.set(ev.pid, p);
    }
    return p;
  };
  const write = (ev: Event): void => {
      if (ev.type === 'superseded' && !shared) {
        // -ff: the exec'ing thread's file becomes the leader's
        const th = perPid.get(ev.oldPid);
        perPid.get(ev.pid)?.out.close();
        if (th) perPid.set(ev.pid, th);
        perPid.delete(ev.oldPid);
      }
      const p = sinkFor(ev);
      if (!p) return;
      if (streamArrays && opts.json) writeJsonStreamed(ev, undefined, p.out.writer);
      else {
        const s = p.render(ev);
        if (tails?.length) writeStreamed(s, { ...lineOpts, tails }, p.out.writer);
        else p.out.write(s);
      }
      if (!shared && (ev.type === 'exit' || ev.type === 'killed' || ev.type === 'detach')) {
        p.out.close();
        perPid.delete(ev.pid);
      }
  };
  // --report, --perfetto, --effects: views of the whole trace, in place of its text (their code
  // loads only then)
  let views: Views | undefined;
  try {
    if (opts.report !== undefined || opts.perfetto !== undefined || opts.effects) views = Views.of(opts, lineOpts.xflag);
  } catch (e) {
    return die(prog, (e as Error).message);
  }
  const staged = filterStage(f, views ? (ev) => views.event(ev) : write);
  // -c / -C: every traced syscall that returned is counted (status filters do not apply);
  // with -c nothing else is printed.
  const counter = opts.summary ? new SummaryCounter(NATIVE, opts.overheadNs !== undefined ? { overheadNs: opts.overheadNs } : {}) : undefined;
  const sink: Sink = {
    event: counter
      ? (ev) => {
          // strace's summary times: the tracee's system CPU time, or with -w the wall-clock time
          if (ev.type === 'syscall' && ev.ret) counter.add(ev.name, opts.wallclock ? ev.duration : (ev.cpu ?? ev.duration), ev.ret.errno !== 0, ev.nr);
          if (opts.summary === 'both' || views) staged(ev);
        }
      : staged,
    idle: () => {
      shared?.flush(piped !== undefined);
      for (const p of perPid.values()) p.out.flush();
    },
  };
  if (opts.replay !== undefined) {
    // a recording's strings were cut at -s when it was made; nothing longer is left to show
    if (opts.given.has('s')) writeSync(2, `${prog}: --replay: strings are as recorded (-s applies when recording)\n`);
    return replayInto(opts.replay, prog, {
      sink, counter, views, opts, shared, perPid, traced, paths,
      noFdPaths: !f.decodeFds.universe.some((k) => f.decodeFds.has(k)), noComm: !f.decodePids.has('comm'),
      noPidns: !f.decodePids.has('pidns'),
      unordered: opts.json || views !== undefined || opts.summary === 'only',
    });
  }
  const engine = engineOptions(opts, { ...(traced ? { traced } : {}), ...(qual ? { qual } : {}), ...(compat ? { compat } : {}) }, paths, {
    interactive, eagerFlush: opts.output === undefined || piped !== undefined,
    // by default not with -I 1: a command left behind under its filter would get ENOSYS
    seccomp: seccompAsked ?? intr !== 1, seccompAsked: seccompAsked === true, exitKill: intr !== 1, streamArrays,
  }, opts.debug ? (msg) => {
    // the trace so far first, as strace's unbuffered stderr has it
    sink.idle?.();
    writeSync(2, `${prog}: ${msg}\n`);
  } : undefined);
  if (piped) engine.pipePid = piped.pid;
  else engine.reapAll = true;
  const tracer = new Tracer(engine, sink, (msg, kind) => {
    if (((kind === 'attach' || kind === 'detach') && quiet.has('attach')) || (kind === 'exit' && quiet.has('exit'))) return;
    sink.idle?.();
    writeSync(2, `${prog}: ${msg}\n`);
  });
  if (child !== undefined) {
    process.off('exit', unseized);
    try {
      tracer.startSpawned(child);
    } catch (e) {
      return die(prog, (e as Error).message);
    }
    releaseStandardFds();
  }
  tracer.armSignals();
  if (daemon) tracer.adoptCommand(daemon.parent);
  for (const pid of opts.pids) tracer.attach(pid);
  if (tracer.count === 0) return 1;
  let outcome: Outcome;
  try {
    outcome = tracer.run();
  } catch (e) {
    // sysray's own failure: every line already traced reaches its output, no tracee is left stuck
    const killed = tracer.abandon();
    shared?.close();
    for (const p of perPid.values()) p.out.close();
    if (piped) reap(piped.pid);
    if (e instanceof OutputError) return die(prog, e.message);
    return die(prog, `${internalError(e)}${killed ? `; ${killed} process${killed > 1 ? 'es' : ''} under its seccomp filter killed` : ''}`);
  }
  const finished = finish({ sink, counter, views, opts, shared, perPid }, prog);
  if (piped) reap(piped.pid);
  if (finished) return finished;
  if (opts.tips) writeSync(2, tipsText(opts.tips));
  if (outcome.kind === 'exit') return outcome.code;
  dieOfSignal(outcome.sig);
  return 128 + outcome.sig;
}

/** --syscalls / --describe: the syscall reference on stdout, instead of a trace. */
function reference(o: Options, prog: string): number {
  try {
    let out = '';
    if (o.describe !== undefined) out += describe(NATIVE, o.describe);
    if (o.syscalls !== undefined) out += syscallsTable(NATIVE, o.syscalls === true ? undefined : o.syscalls);
    writeSync(1, out);
    return 0;
  } catch (e) {
    if (e instanceof ReferenceError) return die(prog, e.message);
    // the reader went away (`sysray --syscalls | head`): nothing more to say
    if ((e as { code?: string }).code === 'EPIPE') return 0;
    throw e;
  }
}

/** sysray's own failure, in one line: what failed and where (the first frame of the stack). */
/** An output sysray cannot open once tracing has begun: a message of strace's, not an internal error. */
class OutputError extends Error {}

export function internalError(e: unknown): string {
  if (!(e instanceof Error)) return `internal error: ${String(e)}`;
  const at = /\n\s+at (.*)/.exec(e.stack ?? '')?.[1];
  return `internal error: ${e.name}: ${e.message}${at ? ` (at ${at})` : ''}`;
}

interface Outputs {
  sink: Sink;
  counter: SummaryCounter | undefined;
  views: Views | undefined;
  opts: Options;
  shared: Out | undefined;
  perPid: Map<number, { out: Out }>;
}

/** The end of a trace: the -c table and the views written, outputs closed. Non-zero when a view failed. */
function finish(o: Outputs, prog: string): number {
  o.sink.idle?.();
  if (o.counter) {
    const table = o.counter.render({ ...(o.opts.sortBy ? { sortBy: o.opts.sortBy } : {}), ...(o.opts.columns ? { columns: o.opts.columns } : {}) });
    if (o.shared) o.shared.write(table);
    else writeSync(2, table);
  }
  let status = 0;
  if (o.views) {
    try {
      const text = o.views.finish();
      if (o.shared) o.shared.write(text);
      else writeSync(2, text);
    } catch (e) {
      status = die(prog, (e as Error).message);
    }
  }
  o.shared?.close();
  for (const p of o.perPid.values()) p.out.close();
  return status;
}

/** --replay: the recording's events through the same outputs as a live trace's. */
function replayInto(
  file: string, prog: string,
  o: Outputs & { traced: Uint8Array | undefined; paths: Set<string> | undefined } & Omit<ReplayFilters, 'table' | 'traced' | 'paths'>,
): number {
  const filters: ReplayFilters = {
    table: NATIVE, ...(o.traced ? { traced: o.traced } : {}), ...(o.paths ? { paths: o.paths } : {}),
    ...(o.noFdPaths ? { noFdPaths: true } : {}), ...(o.noComm ? { noComm: true } : {}),
    ...(o.noPidns ? { noPidns: true } : {}), ...(o.unordered ? { unordered: true } : {}),
  };
  const failed = replayFile(file, filters, (ev) => {
    if (ev.type === 'message') {
      o.sink.idle?.();
      writeSync(2, `${prog}: ${ev.text}\n`);
    } else o.sink.event(ev);
  });
  const status = finish(o, prog);
  if (failed !== undefined) return die(prog, failed);
  return status;
}

/** Die of `sig` as the traced command did (no core dump of our own), as strace does. */
function dieOfSignal(sig: number): void {
  const zero = Buffer.alloc(16);
  raw.setrlimit(4 /* RLIMIT_CORE */, zero);
  restoreDefault(sig);
  const set = Buffer.alloc(128);
  set.writeBigUInt64LE(1n << BigInt(sig - 1), 0);
  raw.sigprocmask(1 /* SIG_UNBLOCK */, set, null);
  raw.raise(sig);
}
