/**
 * -e inject=…:delay_enter=/delay_exit=: tracees held stopped until their time comes, while the
 * engine goes on serving every other tracee's stops (strace's delay.c and restart_delayed_tcbs).
 *
 * A held tracee is simply not resumed. The engine blocks in waitpid, so a POSIX timer aimed at
 * the engine's own thread (SIGEV_THREAD_ID, SIGALRM, whose handler only interrupts the wait)
 * wakes it at the earliest deadline; the engine then resumes whoever is due. The timer repeats
 * every millisecond past the deadline, so a signal that lands just before waitpid starts (and so
 * interrupts nothing) is followed by another one.
 */
import { NATIVE } from '../arch/index.js';
import { bufferAddress, raw } from '../sys/libc.js';
import { SIGALRM, watchSignals } from './signals.js';

const CLOCK_MONOTONIC = 1;
const SIGEV_THREAD_ID = 4;
/** How often the timer fires again once a deadline has passed and nobody was resumed yet. */
const RETRY_NS = 1000000n;

interface Held {
  until: bigint;
  req: number;
  sig: number;
}

const nr = (name: string): number => NATIVE.byName.get(name)!.nr;

/** One per-thread CLOCK_MONOTONIC timer, made on first use. */
class WakeTimer {
  private id = -1;
  private spec = Buffer.alloc(32);

  /** Wake this thread `ns` from now (at least 1 ns), then every RETRY_NS; 0n disarms. */
  set(ns: bigint): void {
    if (this.id < 0) {
      if (ns === 0n) return;
      watchSignals([SIGALRM], false);
      const ev = Buffer.alloc(64);
      ev.writeInt32LE(SIGALRM, 8);
      ev.writeInt32LE(SIGEV_THREAD_ID, 12);
      ev.writeInt32LE(raw.gettid() as number, 16);
      const out = Buffer.alloc(4);
      const r = Number(raw.syscall6(nr('timer_create'), CLOCK_MONOTONIC, bufferAddress(ev), bufferAddress(out), 0, 0, 0));
      if (r < 0) throw new Error('timer_create failed: delays cannot be timed');
      this.id = out.readInt32LE(0);
    }
    const s = this.spec;
    const put = (at: number, v: bigint): void => {
      s.writeBigInt64LE(v / 1000000000n, at);
      s.writeBigInt64LE(v % 1000000000n, at + 8);
    };
    put(0, ns === 0n ? 0n : RETRY_NS);
    put(16, ns === 0n ? 0n : ns < 1n ? 1n : ns);
    raw.syscall6(nr('timer_settime'), this.id, 0, bufferAddress(s), 0, 0, 0);
  }

  delete(): void {
    if (this.id < 0) return;
    raw.syscall6(nr('timer_delete'), this.id, 0, 0, 0, 0, 0);
    this.id = -1;
  }
}

/** The tracees held back, by pid, and the timer that wakes the engine for them. */
export class Delays {
  private held = new Map<number, Held>();
  private timer = new WakeTimer();

  /** Monotonic nanoseconds (the clock the timer runs on). */
  static now(): bigint {
    return process.hrtime.bigint();
  }

  get size(): number {
    return this.held.size;
  }

  /** Keep `pid` stopped for `ns`, then resume it with ptrace request `req` and signal `sig`. */
  hold(pid: number, ns: bigint, req: number, sig: number): void {
    this.held.set(pid, { until: Delays.now() + ns, req, sig });
    this.arm();
  }

  /** A tracee gone (or detached) is not resumed later. */
  forget(pid: number): void {
    if (this.held.delete(pid)) this.arm();
  }

  /** Resume every tracee whose time has come, in deadline order; then wait for the next one. */
  due(resume: (pid: number, req: number, sig: number) => void): void {
    if (!this.held.size) return;
    const t = Delays.now();
    const ready = [...this.held].filter(([, h]) => h.until <= t).sort((a, b) => (a[1].until < b[1].until ? -1 : 1));
    for (const [pid, h] of ready) {
      this.held.delete(pid);
      resume(pid, h.req, h.sig);
    }
    if (ready.length) this.arm();
  }

  /** Sysray is done with these tracees (detached or gone): nobody is resumed later, the timer goes. */
  close(): void {
    this.held.clear();
    this.timer.delete();
  }

  private arm(): void {
    let next: bigint | undefined;
    for (const h of this.held.values()) if (next === undefined || h.until < next) next = h.until;
    if (next === undefined) this.timer.set(0n);
    else this.timer.set(next - Delays.now());
  }
}
