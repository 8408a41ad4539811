/** The sysray command: parse, trace, render, exit as strace exits. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { parseArgs, UsageError, USAGE, type Options } from './args.js';
import { Tracer, type Sink } from '../tracer/loop.js';
import { creationMask, restoreDefault } from '../tracer/signals.js';
import { takeCallerState } from '../tracer/spawn.js';
import { StraceText } from '../render/strace.js';
import { renderJson } from '../render/json.js';
import type { Event } from '../model.js';
import { errnoMessage } from '../decode/xlat/errno.js';
import { raw } from '../sys/libc.js';

const VERSION = '0.1.0';

/** Buffered output to an fd; flushed when the tracer is idle or the buffer is large. */
class Out {
  private parts: string[] = [];
  private size = 0;
  constructor(private fd: number) {}
  write(s: string): void {
    if (!s) return;
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 16) this.flush();
  }
  close(): void {
    this.flush();
    if (this.fd > 2) closeSync(this.fd);
    this.fd = -1;
  }
  flush(): void {
    if (!this.size || this.fd < 0) return;
    const s = this.parts.join('');
    this.parts = [];
    this.size = 0;
    try {
      writeSync(this.fd, s);
    } catch {
      /* output gone (EPIPE, closed): keep tracing, as strace does */
    }
  }
}

function die(prog: string, msg: string, hint = false): number {
  writeSync(2, `${prog}: ${msg}\n${hint ? `Try '${prog} -h' for more information.\n` : ''}`);
  return 1;
}

/** strace's -q levels as quiet sets. */
const QUIET_LEVELS: Record<number, string[]> = {
  1: ['attach', 'personality'],
  2: ['exit', 'attach', 'personality'],
  3: ['attach', 'exit', 'path-resolution', 'personality', 'thread-execve', 'superseded'],
};

/** Run sysray with these arguments; returns the exit code (or does not return: dies of the tracee's signal). */
export function main(argv: string[]): number {
  const caller = takeCallerState();
  const prog = caller.argv0 ?? 'sysray';
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
  const hasCommand = opts.command.length > 0;
  const separate = opts.output !== undefined && (opts.follow >= 2 || opts.separately);
  if (opts.separately && opts.output === undefined) writeSync(2, `${prog}: --output-separately has no effect without -o/--output\n`);
  // strace: -o with a command implies -q (quiet attach messages) unless -q was given.
  const qlevel = opts.quiet || (opts.output !== undefined && hasCommand ? 1 : 0);
  const quiet = new Set(QUIET_LEVELS[Math.min(qlevel, 3)] ?? []);
  // strace: with -o and a command, INT/QUIT/TERM/HUP are ignored; otherwise they detach.
  const interactive = !(opts.output !== undefined && hasCommand);

  let shared: Out | undefined;
  if (opts.output !== undefined && !separate) {
    try {
      shared = new Out(openSync(opts.output, 'w', 0o666));
    } catch (e) {
      return die(prog, `Can't fopen '${opts.output}': ${errnoMessage(-((e as { errno?: number }).errno ?? -2))}`);
    }
  } else if (opts.output === undefined) shared = new Out(2);
  const lineOpts = {
    acolumn: opts.acolumn, xflag: opts.xflag, quiet, outfile: opts.output !== undefined,
    pidPrefix: opts.output !== undefined && !separate && (opts.follow > 0 || opts.pids.length > 1),
  };
  /** One output and renderer per process with -ff, else one for all. */
  const perPid = new Map<number, { out: Out; render: (ev: Event) => string }>();
  const makeRender = (): ((ev: Event) => string) => {
    if (opts.json) return renderJson;
    const text = new StraceText(lineOpts);
    return (ev) => text.render(ev);
  };
  const sharedRender = shared ? makeRender() : undefined;
  const sinkFor = (ev: Event): { out: Out; render: (ev: Event) => string } | undefined => {
    if (shared) return { out: shared, render: sharedRender! };
    let p = perPid.get(ev.pid);
    if (!p) {
      try {
        // the umask is 0 while the tracer watches signals: apply the caller's mask here
        p = { out: new Out(openSync(`${opts.output}.${ev.pid}`, 'w', 0o666 & ~creationMask())), render: makeRender() };
      } catch (e) {
        writeSync(2, `${prog}: Can't fopen '${opts.output}.${ev.pid}': ${errnoMessage(-((e as { errno?: number }).errno ?? -2))}\n`);
        return undefined;
      }
      perPid.set(ev.pid, p);
    }
    return p;
  };
  const sink: Sink = {
    event: (ev) => {
      if (ev.type === 'superseded' && !shared) {
        // -ff: the exec'ing thread's file becomes the leader's
        const th = perPid.get(ev.oldPid);
        perPid.get(ev.pid)?.out.close();
        if (th) perPid.set(ev.pid, th);
        perPid.delete(ev.oldPid);
      }
      const p = sinkFor(ev);
      if (!p) return;
      p.out.write(p.render(ev));
      if (!shared && (ev.type === 'exit' || ev.type === 'killed' || ev.type === 'detach')) {
        p.out.close();
        perPid.delete(ev.pid);
      }
    },
    idle: () => {
      shared?.flush();
      for (const p of perPid.values()) p.out.flush();
    },
  };
  const tracer = new Tracer(
    {
      strsize: opts.strsize, abbrev: !opts.verbose, verbose: true, followForks: opts.follow > 0, interactive,
      eagerFlush: opts.output === undefined, seccomp: false,
    },
    sink,
    (msg, kind) => {
      if ((kind === 'attach' || kind === 'detach') && quiet.has('attach')) return;
      sink.idle?.();
      writeSync(2, `${prog}: ${msg}\n`);
    },
  );
  // Node must not die of these before the tracees are dealt with; the tracer notices them itself.
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const) process.on(s, () => {});
  if (hasCommand) {
    try {
      tracer.start(opts.command, process.env, caller);
    } catch (e) {
      return die(prog, (e as Error).message);
    }
  }
  tracer.armSignals();
  for (const pid of opts.pids) tracer.attach(pid);
  if (tracer.count === 0) return 1;
  const outcome = tracer.run();
  sink.idle?.();
  shared?.close();
  for (const p of perPid.values()) p.out.close();
  if (outcome.kind === 'exit') return outcome.code;
  dieOfSignal(outcome.sig);
  return 128 + outcome.sig;
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
