/** Events: what the tracer saw, as data. Renderers turn these into text, JSON, summaries. */
import type { RetFmt } from './decode/types.js';
import type { Value } from './decode/value.js';

/** What -n and -i print before a line: the process's last syscall number and its instruction pointer. */
export interface Where {
  /** The last syscall number this process entered (strace's true_scno), if any. */
  scno?: number;
  /** The instruction pointer at this stop, if known. */
  ip?: bigint;
  /** -Y: the process's name (strace's tcp->comm), for the line's pid prefix. */
  comm?: Uint8Array;
}

/** The start of a syscall: the arguments known when it was entered. */
export interface SyscallEntryEvent extends Where {
  type: 'syscall_entry';
  pid: number;
  nr: number;
  name: string;
  args: Value[];
  /** True when every argument is known at entry (nothing more prints at exit). */
  complete: boolean;
  /** Wall-clock time of the entry stop (ns since the epoch). */
  time: bigint;
}

/** How a syscall ended. */
export interface Ret {
  /** Raw return value (signed). */
  rval: bigint;
  /** errno when it failed, else 0. */
  errno: number;
  fmt: RetFmt;
  /** The parenthesised extra strace prints after the value, e.g. `(Timeout)`. */
  aux?: Value;
  /** -y: what a returned fd names. */
  path?: Uint8Array;
  /** -y/-yy: the returned fd, annotated (socket details, device, pidfd, deleted). */
  fd?: Value;
  /** -Y: the returned pid's process name. */
  comm?: Uint8Array;
  /** --decode-pids=pidns: the returned pid as sysray's PID namespace numbers it, when not the same. */
  nsPid?: number;
  /** -e inject=: sysray made this result up (strace's `(INJECTED)`). */
  injected?: true;
  /** -e inject=…:poke_enter=/poke_exit=: sysray wrote into the call's arguments (`(INJECTED: args)`). */
  poked?: true;
  /** -e inject=…:delay_enter=/delay_exit=: sysray held the call back (`(DELAYED)`). */
  delayed?: true;
}

/**
 * One buffer of -e read=/write= data: `iov` numbers the buffers of a vector call; a `vector` entry
 * only announces the next message of sendmmsg/recvmmsg (` = N buffers in vector I`).
 */
export interface Dump {
  iov?: number; len: bigint; bytes: Uint8Array | null; vector?: { index: number; buffers: bigint };
  /** The chunk that could not be read after `bytes` (strace's `<Cannot fetch N bytes from pid P @A>`). */
  unread?: { size: bigint; pid: number; addr: bigint };
}

/** A complete syscall: all arguments and the result. */
export interface SyscallEvent extends Where {
  type: 'syscall';
  pid: number;
  nr: number;
  name: string;
  args: Value[];
  /** How many of `args` were printed at entry. */
  entryArgs: number;
  /** Undefined when the call never returned (exit_group, execve replaced by exit, …): strace's `= ?`. */
  ret?: Ret;
  time: bigint;
  /** Nanoseconds between entry and exit. */
  duration: bigint;
  /** The call never returned and still had arguments to print at exit (`read(0,  <unfinished ...>) = ?`). */
  unfinished?: true;
  /** The call returned but its result could not be read (the tracee was killed at that stop): `= ? <unavailable>`. */
  unavailable?: true;
  /**
   * The process died while stopped in the call (killed at a stop: no exit stop came): its line
   * ends ` <unfinished ...>` with no result, as strace's droptcb ends it.
   */
  died?: true;
  /** System CPU time the call took (the tracee's ru_stime between its stops), when measured (-c). */
  cpu?: bigint;
  /**
   * -e read=/write=: the data the call moved, in full (one entry per buffer; `iov` numbers the
   * buffers of a readv/writev). null bytes: the memory could not be read.
   */
  dumps?: Dump[];
  /** -k: the caller's stack when the call was made, innermost frame first. */
  stack?: StackFrame[];
}

/**
 * -k: one frame of a stack, as strace prints it: the mapped file, the function symbol nearest below
 * and how far past it, and the pc as an offset into the file. A frame that could not be placed has
 * only `error` (and the address, if it had one).
 */
export interface StackFrame {
  file?: string;
  /** Absent: no symbol (strace prints `file()`); '' for a frame kept to print later (`file(+0x0)`). */
  symbol?: string;
  offset?: bigint;
  pc?: bigint;
  error?: string;
}

export interface SignalEvent extends Where {
  type: 'signal';
  pid: number;
  sig: number;
  name: string;
  info?: Value;
  time: bigint;
  /** -k: the stack the signal interrupted. */
  stack?: StackFrame[];
}

/** The process's syscalls now come in another personality (strace's `[ Process PID=N runs in 32 bit mode. ]`). */
export interface PersonalityEvent {
  type: 'personality';
  pid: number;
  /** strace's name for it: `64 bit`, `32 bit`. */
  mode: string;
  time: bigint;
}

export interface StopEvent extends Where {
  type: 'stopped';
  pid: number;
  sig: number;
  name: string;
  time: bigint;
}

export interface ExitEvent extends Where {
  type: 'exit';
  pid: number;
  code: number;
  time: bigint;
}

export interface KilledEvent extends Where {
  type: 'killed';
  pid: number;
  sig: number;
  name: string;
  core: boolean;
  time: bigint;
}

/** A message of sysray's own about a tracee (e.g. `exec: Permission denied`). */
export interface MessageEvent {
  type: 'message';
  pid: number;
  text: string;
  time: bigint;
}

/** A process became traced: the started command, a followed child, or one attached with -p. */
export interface AttachEvent {
  type: 'attach';
  pid: number;
  how: 'start' | 'child' | 'attach';
  time: bigint;
  /**
   * The process's working directory when it became traced (not for a followed child, which shares
   * or copies its parent's), so relative paths in a trace can be resolved (the effects model).
   */
  cwd?: Uint8Array;
}

/** A process is no longer traced but goes on running. */
export interface DetachEvent {
  type: 'detach';
  pid: number;
  time: bigint;
}

/** A non-leader thread `oldPid` called execve and now runs as `pid` (the old leader is gone). */
export interface SupersededEvent {
  type: 'superseded';
  pid: number;
  oldPid: number;
  time: bigint;
}

export type Event =
  | AttachEvent
  | DetachEvent
  | SupersededEvent
  | SyscallEntryEvent
  | SyscallEvent
  | SignalEvent
  | StopEvent
  | ExitEvent
  | KilledEvent
  | MessageEvent
  | PersonalityEvent;
