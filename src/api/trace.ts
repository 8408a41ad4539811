/**
 * trace() and attach(): a command's (or running processes') syscalls as an async iterable of the
 * objects `sysray --json` writes. The engine runs in a worker thread (worker.ts), so the caller's
 * event loop stays free; events arrive through a bounded ring (ring.ts), so a slow consumer slows the
 * tracee instead of filling memory.
 */
import { Worker } from 'node:worker_threads';
import { closeSync, statSync } from 'node:fs';
import { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { resolve } from 'node:path';
import { signame } from '../decode/xlat/signals.js';
import { raw } from '../sys/libc.js';
import type { TraceEvent } from './events.js';
import { SysrayError } from './errors.js';
import { commandLine, type AttachOptions, type TraceOptions } from './options.js';
import { RingReader, ringMemory } from './ring.js';
import type { WorkerInput, WorkerMessage } from './worker.js';

/** How a trace ended: the command's exit code, the signal that killed it, or (attach) that sysray let go. */
export type ExitStatus = { code: number } | { signal: string; coreDumped: boolean } | { detached: true };

/**
 * The signal that wakes an engine's worker from waitpid (sent to that thread alone; a no-op
 * anywhere else). A real-time signal, which neither Node nor libuv uses.
 */
const WAKE_SIGNAL = 63;
const O_CLOEXEC = 0x80000;

/** A running trace: iterate it for events; `exit` says how it ended. */
export class Trace implements AsyncIterable<TraceEvent> {
  private readonly status: Promise<ExitStatus>;
  private statusKnown = false;
  /** The started command's pid, or the attached pids, once tracing began. */
  readonly pids: Promise<number[]>;
  /** With `stdio: 'pipe'`: the command's stdout and stderr. */
  readonly stdout: Readable | null = null;
  readonly stderr: Readable | null = null;

  private ring: RingReader | undefined;
  private worker: Worker | undefined;
  private failure: unknown;
  private ended: Promise<void> = Promise.resolve();
  private iterating = false;
  private settleExit!: (s: ExitStatus) => void;
  private failExit!: (e: unknown) => void;
  private settlePids!: (p: number[]) => void;
  private aborted: unknown;
  private waker: NodeJS.Timeout | undefined;

  /** Use trace() or attach(). */
  constructor(target: { command: readonly string[] } | { pids: readonly number[] }, options: TraceOptions) {
    this.status = new Promise((ok, fail) => {
      this.settleExit = (s) => {
        this.statusKnown = true;
        ok(s);
      };
      this.failExit = fail;
    });
    this.pids = new Promise((ok) => (this.settlePids = ok));
    // awaiting it is optional: a failure shows in the loop too
    this.status.catch(() => {});
    let input: WorkerInput;
    const pipes: number[] = [];
    try {
      const { argv } = commandLine(options, target);
      const cwd = options.cwd === undefined ? undefined : resolve(options.cwd);
      if (cwd !== undefined) checkDirectory(cwd);
      const stdio = options.stdio ?? 'inherit';
      const place: WorkerInput['place'] = { ...(cwd !== undefined ? { cwd } : {}) };
      if (stdio === 'ignore') place.stdio = ['null', 'null', 'null'];
      if (stdio === 'pipe') {
        const [out, outW] = pipe(), [err, errW] = pipe();
        pipes.push(outW, errW);
        place.stdio = ['null', outW, errW];
        this.stdout = new Socket({ fd: out, readable: true, writable: false });
        this.stderr = new Socket({ fd: err, readable: true, writable: false });
      }
      input = { argv, ring: ringMemory(), wakeSignal: WAKE_SIGNAL, place, ...(options.env ? { env: { ...options.env } } : {}) };
    } catch (e) {
      this.fail(e);
      return;
    }
    const signal = options.signal;
    if (signal?.aborted) {
      for (const fd of pipes) closeSync(fd);
      this.fail(abortError(signal));
      return;
    }
    this.ring = new RingReader(input.ring);
    const worker = (this.worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: input }));
    this.ended = new Promise((done) => worker.once('exit', () => done()));
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'started') {
        for (const fd of pipes.splice(0)) closeSync(fd);
        this.settlePids(m.pids);
      } else if (m.kind === 'failed') this.fail(new SysrayError(m.code, m.message));
      else if ('detached' in m.outcome) this.settleExit(m.outcome);
      else if ('code' in m.outcome) this.settleExit(m.outcome);
      else this.settleExit({ signal: signame(m.outcome.signal), coreDumped: m.outcome.coreDumped });
    });
    worker.on('error', (e) => this.fail(new SysrayError('EINTERNAL', `internal error: ${e.message}`)));
    void this.ended.then(() => {
      for (const fd of pipes.splice(0)) closeSync(fd);
      if (this.waker) clearInterval(this.waker);
      this.signalCleanup?.();
      if (!this.statusKnown) this.fail(new SysrayError('EINTERNAL', 'internal error: the engine ended without a word'));
    });
    if (signal) {
      const onAbort = (): void => {
        this.aborted = abortError(signal);
        void this.end();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.signalCleanup = () => signal.removeEventListener('abort', onAbort);
    }
  }

  private signalCleanup: (() => void) | undefined;

  /**
   * How the command ended (trace()), or whether the attached process ended or was let go (attach()).
   * Events nobody iterates are dropped once this is asked for (without iterating, the trace would
   * wait for its reader forever).
   */
  get exit(): Promise<ExitStatus> {
    // asked before the loop starts (`const done = t.exit; for await …`) is fine: drop only if no loop follows
    if (!this.iterating) setImmediate(() => void this.dropUnread());
    return this.status;
  }

  private async dropUnread(): Promise<void> {
    if (this.iterating || !this.ring) return;
    this.iterating = true;
    while (!this.ring.drained && !this.failure) {
      this.ring.take();
      await Promise.race([this.ring.published(), this.ended]);
      if (this.statusKnown && this.ring.drained) break;
    }
  }

  /** A failure before or while tracing: the loop and `exit` reject with it (the first one counts). */
  private fail(e: unknown): void {
    this.failure ??= e;
    this.failExit(e);
    this.settlePids([]);
  }

  /**
   * End the trace now: trace() kills its command and everything it started; attach() detaches and
   * leaves the processes running. Resolves once the engine is gone.
   */
  async end(): Promise<void> {
    if (!this.worker || !this.ring) return;
    this.ring.stop();
    // the engine may sit in waitpid: wake it (again, should the signal come just before it waits)
    const wake = (): void => {
      const tid = this.ring!.tid;
      if (tid) raw.tgkill(process.pid, tid, WAKE_SIGNAL);
    };
    if (!this.waker) {
      wake();
      this.waker = setInterval(wake, 20);
    }
    await this.ended;
  }

  [Symbol.asyncIterator](): AsyncIterator<TraceEvent> {
    if (this.iterating) throw new SysrayError('EINVAL', 'a trace can be iterated once');
    this.iterating = true;
    let batch: unknown[] = [];
    let at = 0;
    const finished = (): IteratorResult<TraceEvent> => ({ done: true, value: undefined });
    return {
      next: async (): Promise<IteratorResult<TraceEvent>> => {
        for (;;) {
          if (at < batch.length) return { done: false, value: batch[at++] as TraceEvent };
          if (this.aborted) {
            await this.ended;
            throw this.aborted;
          }
          if (this.failure) throw this.failure;
          const ring = this.ring!;
          batch = ring.take();
          at = 0;
          if (batch.length) continue;
          if (ring.drained) {
            await this.ended;
            if (this.aborted) throw this.aborted;
            if (!this.statusKnown && this.failure) throw this.failure;
            return finished();
          }
          await Promise.race([ring.published(), this.ended]);
        }
      },
      // break, return or an exception in the loop: end the trace, and be done only once it is over
      return: async (): Promise<IteratorResult<TraceEvent>> => {
        await this.end();
        return finished();
      },
    };
  }
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function checkDirectory(dir: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'ENOENT';
    throw new SysrayError(code, `Can't chdir to '${dir}': ${code === 'ENOENT' ? 'No such file or directory' : (e as Error).message}`);
  }
  if (!isDir) throw new SysrayError('ENOTDIR', `Can't chdir to '${dir}': Not a directory`);
}

/** A pipe: [read end, write end], both close-on-exec (the command gets the write end by dup2). */
function pipe(): [number, number] {
  const fds = Buffer.alloc(8);
  if ((raw.pipe2(fds, O_CLOEXEC) as number) !== 0) throw new SysrayError('EMFILE', 'pipe: Too many open files');
  return [fds.readInt32LE(0), fds.readInt32LE(4)];
}

/**
 * Run `command` (argv; argv[0] looked up in PATH) and trace it. Iterate the result for its events,
 * which are exactly the objects `sysray --json` writes; await `exit` for how it ended. Ending the loop
 * early (break, an exception, `options.signal`) kills the command and all it started.
 */
export function trace(command: readonly string[], options: TraceOptions = {}): Trace {
  return new Trace({ command }, options);
}

/**
 * Trace running processes (as `sysray -p`): the same object as trace(). Ending it (break, abort,
 * `end()`) detaches and leaves them running, untraced.
 */
export function attach(pids: number | readonly number[], options: AttachOptions = {}): Trace {
  return new Trace({ pids: typeof pids === 'number' ? [pids] : pids }, options);
}
