/**
 * Noticing SIGINT/SIGTERM/SIGHUP/SIGQUIT (and our own SIGALRM tick) while the tracer thread sits
 * in waitpid.
 *
 * Node's own handlers (libuv) are installed with SA_RESTART and only run JavaScript when the event
 * loop turns, which it never does while the tracer loop runs. So sysray installs, through libc
 * sigaction and without SA_RESTART, a native handler that is async-signal-safe, takes no lock and
 * leaves a trace of which signal arrived: libc's `umask(sig)`, a single syscall. A signal then
 * interrupts waitpid (EINTR), and `pending()` swaps the umask back to 0 — one atomic exchange, so
 * no signal can slip between reading and re-arming — and the old value is the signal number.
 * Whichever thread the kernel picks to run the handler, the umask is process-wide.
 *
 * While armed, this process's umask is 0: files sysray creates meanwhile must apply the caller's
 * mask themselves (`creationMask()`); `disarm()` restores it.
 */
import { libc, raw } from '../sys/libc.js';

const umask = libc.func('unsigned int umask(unsigned int mask)');
const dlsym = libc.func('void *dlsym(void *handle, const char *name)');
const sigaction = libc.func('int sigaction(int sig, void *act, void *oldact)');
const setitimer = libc.func('int setitimer(int which, void *value, void *old)');

export const WATCHED = [1, 2, 3, 15] as const; // SIGHUP, SIGINT, SIGQUIT, SIGTERM
export const SIGALRM = 14;

let armed = false;
let callerMask = 0o022;
const installed = new Set<number>();

/**
 * Install the handler for these signals (adds to those already installed). `record` false: the
 * signal only interrupts waitpid (handler: libc's getpid, a no-op), leaving the umask alone, so a
 * tick can never overwrite a SIGINT not yet read back.
 */
export function watchSignals(signals: readonly number[] = WATCHED, record = true): void {
  if (!armed) {
    callerMask = umask(0) as number;
    armed = true;
  }
  for (const s of signals) {
    if (installed.has(s)) continue;
    install(s, record ? 'umask' : 'getpid');
    installed.add(s);
  }
}

/** sigaction(sig) with libc's `fn` as the handler: async-signal-safe, lock-free, and without SA_RESTART. */
function install(sig: number, fn: 'umask' | 'getpid'): void {
  const act = Buffer.alloc(152); // struct sigaction: handler @0, sa_mask[128] @8, sa_flags @136, restorer @144
  act.writeBigUInt64LE(BigInt(dlsym(0n, fn) as bigint), 0);
  act.fill(0xff, 8, 136); // block everything while the handler runs
  act.writeInt32LE(0, 136); // no SA_RESTART: waitpid returns EINTR
  sigaction(sig, act, null);
}

/**
 * Let `sig`, sent to one thread (tgkill), only interrupt that thread's blocking waitpid: the API
 * wakes its engine's worker so. Process-wide and never undone (several engines may share it); a
 * no-op for any other thread it reaches. The umask is left alone.
 */
export function wakeOn(sig: number): void {
  install(sig, 'getpid');
}

/** The signal that arrived since the last call (the last one, if several), or 0. */
export function pending(): number {
  if (!armed) return 0;
  return (umask(0) as number) & 0o777;
}

/** The umask the caller gave sysray (files created while armed must apply it themselves). */
export function creationMask(): number {
  return armed ? callerMask : (process.umask() as number);
}

/** Stop watching: these signals are ignored from now on (sysray is finishing), the umask restored. */
export function disarm(): void {
  if (!armed) return;
  for (const s of installed) raw.signal(s, 1n);
  installed.clear();
  umask(callerMask);
  armed = false;
}

/**
 * A periodic SIGALRM every `ms` milliseconds (0 stops it): it interrupts a blocking waitpid so
 * buffered output reaches its file even while every tracee is blocked. The tracer stops it while
 * there is nothing to flush (waking sysray costs the traced command a little on these machines).
 */
export function tick(ms: number): void {
  if (ms) watchSignals([SIGALRM], false);
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
