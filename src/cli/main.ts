/** The sysray command: parse, trace, render, exit as strace exits. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { parseArgs, UsageError, USAGE, type Options } from './args.js';
import { Tracer, type Sink } from '../tracer/loop.js';
import { SpawnError, takeCallerState } from '../tracer/spawn.js';
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
  flush(): void {
    if (!this.size) return;
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
  let fd = 2;
  if (opts.output !== undefined) {
    try {
      fd = openSync(opts.output, 'w', 0o666);
    } catch (e) {
      const n = -((e as { errno?: number }).errno ?? -2);
      return die(prog, `Can't fopen '${opts.output}': ${errnoMessage(n)}`);
    }
  }
  const out = new Out(fd);
  const text = new StraceText({ acolumn: opts.acolumn, xflag: opts.xflag });
  const render: (ev: Event) => string = opts.json ? renderJson : (ev) => text.render(ev);
  const sink: Sink = { event: (ev) => out.write(render(ev)), idle: () => out.flush() };
  const tracer = new Tracer(
    { strsize: opts.strsize, abbrev: !opts.verbose, verbose: true },
    sink,
    (msg) => {
      out.flush();
      writeSync(2, `${prog}: ${msg}\n`);
    },
  );
  // Signals aimed at sysray must not kill it before the tracee's fate is known (issue: detach on ^C).
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const) process.on(s, () => {});
  try {
    tracer.start(opts.command, process.env, caller);
  } catch (e) {
    if (e instanceof SpawnError) return die(prog, e.message);
    return die(prog, (e as Error).message);
  }
  const outcome = tracer.run();
  out.flush();
  if (fd !== 2) closeSync(fd);
  if (outcome.kind === 'exit') return outcome.code;
  dieOfSignal(outcome.sig);
  return 128 + outcome.sig;
}

/** Die of `sig` as the traced command did (no core dump of our own), as strace does. */
function dieOfSignal(sig: number): void {
  const zero = Buffer.alloc(16);
  raw.setrlimit(4 /* RLIMIT_CORE */, zero);
  raw.signal(sig, 0n);
  const set = Buffer.alloc(128);
  set.writeBigUInt64LE(1n << BigInt(sig - 1), 0);
  raw.sigprocmask(1 /* SIG_UNBLOCK */, set, null);
  raw.raise(sig);
}
