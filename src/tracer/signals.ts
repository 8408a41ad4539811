/**
 * Noticing SIGINT/SIGTERM/SIGHUP/SIGQUIT aimed at sysray while the tracer thread sits in waitpid.
 *
 * Node's own handlers (libuv) are installed with SA_RESTART and only run JavaScript when the event
 * loop turns, which it never does while the tracer loop runs. So sysray installs, through libc
 * sigaction and without SA_RESTART, a native handler that is async-signal-safe and leaves a trace
 * of which signal arrived: libc's `srand(sig)`. A signal then interrupts waitpid (EINTR) and the
 * loop asks `pending()`, which reads that trace back through `rand()` (nothing else in this process
 * uses libc's rand) and re-arms it. Whichever thread the kernel picks to run the handler, the trace
 * is process-wide, so no signal is lost.
 */
import { koffi, raw } from '../sys/libc.js';

const libc = koffi.load('libc.so.6');
const srand = libc.func('void srand(unsigned int seed)');
const rand = libc.func('int rand()');
const dlsym = libc.func('void *dlsym(void *handle, const char *name)');
const sigaction = libc.func('int sigaction(int sig, void *act, void *oldact)');

const SENTINEL = 0x5eed5eed;

export const WATCHED = [1, 2, 3, 15] as const; // SIGHUP, SIGINT, SIGQUIT, SIGTERM
export const SIGALRM = 14;

const setitimer = libc.func('int setitimer(int which, void *value, void *old)');

let armed = false;
let sentinelFirst = 0;
const bySignature = new Map<number, number>();

function firstRand(seed: number): number {
  srand(seed);
  return rand() as number;
}

/** Install the handlers (once). */
export function watchSignals(signals: readonly number[] = WATCHED): void {
  if (armed) {
    signals = signals.filter((s) => ![...bySignature.values()].includes(s));
    if (!signals.length) return;
  }
  for (const s of signals) bySignature.set(firstRand(s), s);
  sentinelFirst = firstRand(SENTINEL);
  srand(SENTINEL);
  const handler = BigInt(dlsym(0n, 'srand') as bigint);
  // struct sigaction (glibc, x86_64/aarch64): handler @0, sa_mask[128] @8, sa_flags @136, restorer @144
  const act = Buffer.alloc(152);
  act.writeBigUInt64LE(handler, 0);
  act.fill(0xff, 8, 136); // block everything while the handler runs
  act.writeInt32LE(0, 136); // no SA_RESTART: waitpid returns EINTR
  for (const s of signals) sigaction(s, act, null);
  armed = true;
}

/** The signal that arrived since the last call, or 0. */
export function pending(): number {
  if (!armed) return 0;
  const v = rand() as number;
  if (v === sentinelFirst) {
    srand(SENTINEL);
    return 0;
  }
  srand(SENTINEL);
  return bySignature.get(v) ?? 0;
}

/**
 * A periodic SIGALRM every `ms` milliseconds (0 stops it): it interrupts a blocking waitpid so
 * buffered output reaches its file even while every tracee is blocked. pending() reports it as 14.
 */
export function tick(ms: number): void {
  if (ms) watchSignals([SIGALRM]);
  const v = Buffer.alloc(32);
  const usec = BigInt(ms * 1000);
  v.writeBigInt64LE(usec / 1000000n, 0);
  v.writeBigInt64LE(usec % 1000000n, 8);
  v.writeBigInt64LE(usec / 1000000n, 16);
  v.writeBigInt64LE(usec % 1000000n, 24);
  setitimer(0 /* ITIMER_REAL */, v, null);
}

/** Put back the default action for `sig` (before dying of it). */
export function restoreDefault(sig: number): void {
  raw.signal(sig, 0n);
}
