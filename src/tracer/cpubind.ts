/**
 * The started command and the tracer on one CPU while the command is one thread.
 *
 * Each syscall stop hands the CPU from the tracee to the tracer and back. With the two on
 * different CPUs every hand-off wakes an idle CPU, which in a VM costs tens of µs: on this
 * project's 2-vCPU machines a full trace of 30,000 writes runs 4× faster with both on one CPU,
 * under strace as under sysray. So the command and the tracer's thread are bound to the CPU the
 * tracer runs on, and unbound again before anything could tell:
 * - the command's first clone, clone3, fork or vfork, and its own sched_setaffinity, put its CPU
 *   set back at their entry, so every task it makes, and it from then on, run where they would
 *   have (a program that starts threads is bound only until it starts them);
 * - what its sched_getaffinity answers meanwhile is rewritten at the call's exit, before it is
 *   decoded, to the set it was given: the program and the trace see that set.
 * What is left to see is /proc/PID/status's Cpus_allowed and the CPU it runs on (getcpu). A
 * detach puts the set back; `--no-cpu-bind` turns all of this off.
 */
import { raw } from '../sys/libc.js';
import { writeTraceeMemory } from './memory.js';

/** Room for 8,192 CPUs: sched_getaffinity refuses a buffer smaller than the kernel's mask. */
const MASK_BYTES = 1024;

/** Calls at whose entry the command's own CPU set goes back. */
const UNBIND_AT = new Set(['clone', 'clone3', 'fork', 'vfork', 'sched_setaffinity']);

export class CpuBinding {
  private released = false;

  private constructor(
    /** The bound task: the started command, while it is one thread. */
    readonly pid: number,
    /** Its CPU set, as it was given (what its sched_getaffinity answers). */
    private readonly given: Buffer,
    /** The tracer thread's own set. */
    private readonly own: Buffer,
  ) {}

  /**
   * Bind task `pid` and the calling thread to the CPU this thread runs on (if the task may run
   * there; else to the first CPU both may use). Undefined when they share none or the kernel refuses.
   */
  static bind(pid: number): CpuBinding | undefined {
    const given = Buffer.alloc(MASK_BYTES), own = Buffer.alloc(MASK_BYTES);
    if (raw.sched_getaffinity(pid, MASK_BYTES, given) !== 0 || raw.sched_getaffinity(0, MASK_BYTES, own) !== 0) return undefined;
    const cpu = chooseCpu(given, own, raw.sched_getcpu() as number);
    if (cpu < 0) return undefined;
    const one = Buffer.alloc(MASK_BYTES);
    one[cpu >> 3] = 1 << (cpu & 7);
    if (raw.sched_setaffinity(pid, MASK_BYTES, one) !== 0) return undefined;
    if (raw.sched_setaffinity(0, MASK_BYTES, one) !== 0) {
      raw.sched_setaffinity(pid, MASK_BYTES, given);
      return undefined;
    }
    return new CpuBinding(pid, given, own);
  }

  /**
   * The bound task enters syscall `name`: true when its exit must be shown to `rewrite` (a
   * sched_getaffinity of its own set). A call that unbinds releases the binding first.
   */
  entry(name: string, pidArg: bigint): boolean {
    if (name === 'sched_getaffinity') return pidArg === 0n || pidArg === BigInt(this.pid);
    if (UNBIND_AT.has(name)) this.release();
    return false;
  }

  /** Whether the binding has been released (the engine then drops it). */
  get done(): boolean {
    return this.released;
  }

  /** The exit of the bound task's sched_getaffinity, `rval` bytes written at `mask`: its given set instead. */
  rewrite(mask: bigint, rval: bigint): void {
    if (this.released || rval <= 0n || rval > BigInt(MASK_BYTES)) return;
    writeTraceeMemory(this.pid, mask, this.given.subarray(0, Number(rval)));
  }

  /** Put back the task's CPU set and the tracer thread's (the task may be gone: nothing to put back then). */
  release(): void {
    if (this.released) return;
    this.released = true;
    raw.sched_setaffinity(this.pid, MASK_BYTES, this.given);
    raw.sched_setaffinity(0, MASK_BYTES, this.own);
  }
}

/** `cpu` if both sets hold it, else the lowest CPU both hold; -1 if none. */
export function chooseCpu(a: Uint8Array, b: Uint8Array, cpu: number): number {
  const has = (m: Uint8Array, n: number): boolean => ((m[n >> 3] ?? 0) & (1 << (n & 7))) !== 0;
  if (cpu >= 0 && has(a, cpu) && has(b, cpu)) return cpu;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const both = a[i]! & b[i]!;
    if (both) return i * 8 + (31 - Math.clz32(both & -both));
  }
  return -1;
}
