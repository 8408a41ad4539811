/**
 * The engine of one trace() or attach(), in its own worker thread: ptrace belongs to the thread that
 * attached, and the engine blocks in waitpid, which the caller's event loop must never do. Events go
 * to the caller as JSON Lines through the ring (ring.ts); the outcome as a message at the end.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseArgs } from '../cli/args.js';
import { engineOptions, filterStage, resolvePaths } from '../cli/main.js';
import { NATIVE } from '../arch/index.js';
import { finishDecodeFds, qualTables } from '../filter/expr.js';
import { renderJson } from '../render/json.js';
import { Tracer } from '../tracer/loop.js';
import { wakeOn } from '../tracer/signals.js';
import { resolveCommand, SpawnError, spawnStopped, environFor, type SpawnPlace } from '../tracer/spawn.js';
import { errnoMessage, errnoName } from '../decode/xlat/errno.js';
import { raw } from '../sys/libc.js';
import type { Event } from '../model.js';
import { RingWriter } from './ring.js';

/** What trace.ts hands the worker. */
export interface WorkerInput {
  /** sysray's command line for this trace (checked by the caller already). */
  argv: string[];
  ring: SharedArrayBuffer;
  /** The signal that wakes this thread from waitpid (trace.ts sends it with tgkill). */
  wakeSignal: number;
  env?: NodeJS.ProcessEnv;
  place: SpawnPlace;
}

/** What the worker tells the caller. */
export type WorkerMessage =
  | { kind: 'started'; pids: number[] }
  | { kind: 'failed'; code: string; message: string }
  | { kind: 'done'; outcome: { code: number } | { signal: number; coreDumped: boolean } | { detached: true } };

const input = workerData as WorkerInput;
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);
const ring = new RingWriter(input.ring);

// Node starts worker threads with every signal blocked: let the wake-up signal through (to this thread only).
wakeOn(input.wakeSignal);
const unblock = Buffer.alloc(128);
unblock.writeBigUInt64LE(1n << BigInt(input.wakeSignal - 1), 0);
raw.sigprocmask(1 /* SIG_UNBLOCK */, unblock, null);
ring.setTid(raw.gettid() as number);

const opts = parseArgs(input.argv);
const f = opts.filters;
finishDecodeFds(f, opts.yflag);
const attaching = opts.command.length === 0;
const said: string[] = [];
let main = 0;
let last: { code: number } | { signal: number; coreDumped: boolean } | undefined;

let stopping = false;
/** An attach failed: those already attached are let go. */
let abandon = false;
const staged = filterStage(f, (ev) => {
  if (stopping) return;
  const line = renderJson(ev);
  if (line && !ring.write(line)) stopping = true;
});
const tracer = new Tracer(
  {
    ...engineOptions(opts, qualTables(f, NATIVE), resolvePaths(opts.paths, () => {}), {
      interactive: false, eagerFlush: true, seccomp: opts.seccomp ?? true, exitKill: true,
    }),
    ownThread: true,
    cancel: () => (abandon || ring.stopped ? (attaching ? 'detach' : 'kill') : undefined),
  },
  {
    event(ev: Event): void {
      // how the started command (or the first process attached) ended, before any filter
      if (ev.pid === main && ev.type === 'exit') last = { code: ev.code };
      if (ev.pid === main && ev.type === 'killed') last = { signal: ev.sig, coreDumped: ev.core };
      staged(ev);
    },
    idle: () => ring.publish(),
  },
  (msg, kind) => {
    if (kind === 'error') said.push(msg);
  },
);

/** The errno a message of strace's ends with (`…: Operation not permitted`), by name. */
function codeOf(msg: string): string {
  for (let n = 1; n < 134; n++) {
    const name = errnoName(n);
    if (name && msg.endsWith(`: ${errnoMessage(n)}`)) return name;
  }
  return 'EINTERNAL';
}

function start(): boolean {
  if (attaching) {
    main = opts.pids[0]!;
    for (const pid of opts.pids) {
      if (tracer.attach(pid)) continue;
      // all or nothing: those already attached go on untraced
      abandon = true;
      tracer.run();
      const msg = said.join('; ') || `attach: ${pid}`;
      post({ kind: 'failed', code: codeOf(msg), message: msg });
      return false;
    }
    return true;
  }
  const env = input.env ?? process.env;
  try {
    const cmd = opts.command[0]!;
    // a relative name with a slash is the command's working directory's
    const named = cmd.includes('/') && !cmd.startsWith('/') && input.place.cwd !== undefined ? `${input.place.cwd}/${cmd}` : cmd;
    const path = resolveCommand(named, env);
    main = spawnStopped(path, opts.command, environFor(env, { sigIgn: 0n, sigBlk: 0n }), { sigIgn: 0n, sigBlk: 0n, fds: [0, 1, 2] }, input.place);
    tracer.startSpawned({ pid: main });
  } catch (e) {
    if (!(e instanceof SpawnError)) throw e;
    post({ kind: 'failed', code: errnoName(e.errno) ?? 'EINTERNAL', message: e.message });
    return false;
  }
  return true;
}

if (start()) {
  post({ kind: 'started', pids: attaching ? opts.pids : [main] });
  const outcome = tracer.run();
  ring.finish();
  post({
    kind: 'done',
    outcome: last ?? (attaching ? { detached: true } : outcome.kind === 'exit' ? { code: outcome.code } : { signal: outcome.sig, coreDumped: false }),
  });
} else ring.finish();
