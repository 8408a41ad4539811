/**
 * The started command and the tracer on one CPU while the command runs one task at a time.
 *
 * Each syscall stop hands the CPU from the tracee to the tracer and back. With the two on
 * different CPUs every hand-off wakes an idle CPU, which in a VM costs tens of µs: on this
 * project's 2-vCPU machines a full trace of 30,000 writes runs 4× faster with both on one CPU,
 * under strace as under sysray. So the command and the tracer's thread are bound to the CPU the
 * tracer runs on, and the command is unbound before it could run on two CPUs at once:
 * - at the entry of a call that makes a thread (clone with CLONE_THREAD, or sharing memory
 *   without CLONE_VFORK), or of its own sched_setaffinity, every bound task gets its CPU set back
 *   before the call runs, so whatever it starts runs where it would have;
 * - a new process (fork, vfork, clone of a process) stays bound, with the child, when the trace
 *   follows it (-f) and no other bound task is running: a parent that forks and waits (a shell,
 *   `time`, make -j1) leaves one task running. The parent then has GRACE syscalls to start a
 *   blocking wait; if it makes them, or forks again, while another bound task is not waiting, all
 *   are unbound. Without -f the child would be untraced: the parent is unbound at its fork;
 * - what a bound task's sched_getaffinity answers for a bound task is rewritten at the call's
 *   exit, before it is decoded, to the set it was given: the program and the trace see that set.
 * What is left to see is /proc/PID/status's Cpus_allowed and the CPU it runs on (getcpu); and a
 * parent and child that both compute without a syscall after the fork share the CPU until the
 * parent makes GRACE calls. A detach gives the task its set back; `--no-cpu-bind` turns all of
 * this off. (The kernel's clone and wait flags are the engine's own constants here: the decoders'
 * tables of them are names for printing, in a part of the bundle the engine does not load.)
 */
import { raw } from '../sys/libc.js';
import type { Memory } from '../decode/types.js';
import { writeTraceeMemory } from './memory.js';

/** Room for 8,192 CPUs: sched_getaffinity refuses a buffer smaller than the kernel's mask. */
const MASK_BYTES = 1024;
/** Syscalls a parent may make after a fork before it must be waiting for the child. */
const GRACE = 16;
const CLONE_VM = 0x100n, CLONE_VFORK = 0x4000n, CLONE_THREAD = 0x10000n;
const WNOHANG = 1n;

/** What the binding must see of a bound task's syscall at its exit: nothing, */
export const AT_EXIT_NOTHING = 0;
/** sched_getaffinity of a bound task (the answer is rewritten), */
export const AT_EXIT_AFFINITY = 1;
/** a blocking wait (the task runs nothing until its exit), */
export const AT_EXIT_WAIT = 2;
/** a fork kept bound (its result is the child, bound from then on). */
export const AT_EXIT_FORK = 3;
export type AtExit = typeof AT_EXIT_NOTHING | typeof AT_EXIT_AFFINITY | typeof AT_EXIT_WAIT | typeof AT_EXIT_FORK;

interface Task {
  /** In a blocking wait4/waitid: it runs nothing. */
  waiting: boolean;
  /** Syscalls left to it before it must wait (after a fork while others run); 0: no such count. */
  grace: number;
}

export class CpuBinding {
  /** The bound tasks (empty once released). */
  private tasks = new Map<number, Task>();
  private released = false;

  private constructor(
    private readonly follow: boolean,
    /** The command's CPU set, as it was given (what its sched_getaffinity answers). */
    private readonly given: Buffer,
    /** The tracer thread's own set. */
    private readonly own: Buffer,
    /** The one CPU. */
    private readonly pin: Buffer,
  ) {}

  /**
   * Bind task `pid` and the calling thread to the CPU this thread runs on (if the task may run
   * there; else to the first CPU both may use). Undefined when they share none or the kernel
   * refuses. `follow`: the trace follows the command's children (-f).
   */
  static bind(pid: number, follow: boolean): CpuBinding | undefined {
    const given = Buffer.alloc(MASK_BYTES), own = Buffer.alloc(MASK_BYTES);
    if (raw.sched_getaffinity(pid, MASK_BYTES, given) !== 0 || raw.sched_getaffinity(0, MASK_BYTES, own) !== 0) return undefined;
    const cpu = chooseCpu(given, own, raw.sched_getcpu() as number);
    if (cpu < 0) return undefined;
    const pin = Buffer.alloc(MASK_BYTES);
    pin[cpu >> 3] = 1 << (cpu & 7);
    if (raw.sched_setaffinity(pid, MASK_BYTES, pin) !== 0) return undefined;
    if (raw.sched_setaffinity(0, MASK_BYTES, pin) !== 0) {
      raw.sched_setaffinity(pid, MASK_BYTES, given);
      return undefined;
    }
    const b = new CpuBinding(follow, given, own, pin);
    b.tasks.set(pid, { waiting: false, grace: 0 });
    return b;
  }

  /**
   * Task `pid` enters syscall `name` (its arguments; `mem` reads its memory, for clone3's flags):
   * what its exit must be shown for, if it is bound. A call that could run two tasks at once
   * unbinds first.
   */
  entry(pid: number, name: string, args: readonly bigint[], mem: Memory): AtExit {
    const task = this.tasks.get(pid);
    if (task === undefined) return AT_EXIT_NOTHING;
    switch (name) {
      case 'sched_getaffinity':
        return args[0] === 0n || this.tasks.has(Number(args[0])) ? AT_EXIT_AFFINITY : this.counted(pid, task);
      case 'sched_setaffinity':
        this.release();
        return AT_EXIT_NOTHING;
      case 'wait4':
      case 'waitpid':
      case 'waitid':
        // the options: waitid's fourth argument, the others' third
        if ((args[name === 'waitid' ? 3 : 2]! & WNOHANG) !== 0n) return this.counted(pid, task);
        task.waiting = true;
        task.grace = 0;
        return AT_EXIT_WAIT;
      case 'fork':
      case 'vfork':
        return this.forking(pid, task);
      case 'clone':
      case 'clone3': {
        const flags = name === 'clone' ? args[0]! : cloneArgsFlags(mem, args[0]!);
        if (flags !== undefined && (flags & CLONE_THREAD) === 0n && ((flags & CLONE_VM) === 0n || (flags & CLONE_VFORK) !== 0n)) return this.forking(pid, task);
        this.release();
        return AT_EXIT_NOTHING;
      }
      default:
        return this.counted(pid, task);
    }
  }

  /** The exit of a call `entry` asked to see: `args` its arguments, `rval` its result. */
  exit(pid: number, what: AtExit, args: readonly bigint[], rval: bigint, failed: boolean): void {
    const task = this.tasks.get(pid);
    if (!task) return;
    if (what === AT_EXIT_AFFINITY) {
      if (!failed && rval > 0n && rval <= BigInt(MASK_BYTES)) writeTraceeMemory(pid, args[2]!, this.given.subarray(0, Number(rval)));
    } else if (what === AT_EXIT_WAIT) {
      task.waiting = false;
      // back from its wait with another task still running (a signal, a stopped child): counted again
      if (this.othersRunning(pid)) task.grace = GRACE;
    } else if (what === AT_EXIT_FORK && !failed && rval > 0n && rval <= 0x7fffffffn) {
      // running from now on, though its first stop may not have been seen yet (adopt)
      if (!this.tasks.has(Number(rval))) this.tasks.set(Number(rval), { waiting: false, grace: 0 });
    }
  }

  /**
   * A new traced task: bound if it inherited the one CPU while the binding holds; given its set
   * back if it did so from a parent unbound after its fork began.
   */
  adopt(pid: number): void {
    if ((this.tasks.size === 0 && !this.released) || this.tasks.has(pid)) return;
    const mask = Buffer.alloc(MASK_BYTES);
    if (raw.sched_getaffinity(pid, MASK_BYTES, mask) !== 0 || !mask.equals(this.pin)) return;
    if (this.released) raw.sched_setaffinity(pid, MASK_BYTES, this.given);
    else this.tasks.set(pid, { waiting: false, grace: 0 });
  }

  /** Task `pid` leaves the trace: running on (a detach) it gets its set back; gone, it is forgotten. */
  leave(pid: number, running: boolean): void {
    if (!this.tasks.delete(pid)) return;
    if (running) raw.sched_setaffinity(pid, MASK_BYTES, this.given);
    if (this.tasks.size === 0) raw.sched_setaffinity(0, MASK_BYTES, this.own);
  }

  /** Give every bound task, and the tracer's thread, its set back; nothing is bound from now on. */
  release(): void {
    if (this.released) return;
    this.released = true;
    for (const pid of this.tasks.keys()) raw.sched_setaffinity(pid, MASK_BYTES, this.given);
    this.tasks.clear();
    raw.sched_setaffinity(0, MASK_BYTES, this.own);
  }

  /** A fork by a bound task: kept bound only if it will be the one task running, as a parent that waits. */
  private forking(pid: number, task: Task): AtExit {
    if (!this.follow || task.grace > 0 || this.othersRunning(pid)) {
      this.release();
      return AT_EXIT_NOTHING;
    }
    task.grace = GRACE;
    return AT_EXIT_FORK;
  }

  /** An ordinary call of a bound task: one of its grace, if it has any. */
  private counted(pid: number, task: Task): AtExit {
    if (task.grace > 0 && --task.grace === 0 && this.othersRunning(pid)) this.release();
    return AT_EXIT_NOTHING;
  }

  private othersRunning(pid: number): boolean {
    for (const [p, t] of this.tasks) if (p !== pid && !t.waiting) return true;
    return false;
  }
}

/** clone3's flags, the first field of its struct clone_args; undefined if unreadable. */
function cloneArgsFlags(mem: Memory, addr: bigint): bigint | undefined {
  const b = mem.read(addr, 8);
  return b ? Buffer.from(b.buffer, b.byteOffset, 8).readBigUInt64LE(0) : undefined;
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
