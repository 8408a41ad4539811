import type { Value } from './value.js';

/** Read access to a tracee's memory. Implementations: the tracer (process_vm_readv), tests (fake memory). */
export interface Memory {
  /** The process read (a tracer's Memory moves from tracee to tracee). */
  readonly pid?: number;
  /** Exactly `len` bytes at `addr`, or null if any of them cannot be read. */
  read(addr: bigint, len: number): Uint8Array | null;
  /**
   * read into `out` (its first `len` bytes), for a reader that reuses one buffer: whether all of
   * them could be read. Optional: readers fall back to read().
   */
  readTo?(addr: bigint, len: number, out: Uint8Array): boolean;
  /**
   * Up to `max` bytes at `addr`, stopping at (and not including) the first NUL.
   * `nul` tells whether a NUL was found within `max` bytes. null if a byte before the NUL (or
   * before `max` bytes) is unreadable, as strace's umovestr: such a string prints as its address.
   */
  readString(addr: bigint, max: number): { b: Uint8Array; nul: boolean } | null;
}

/** Options that change what decoders produce (not how it is printed). */
export interface DecodeOptions {
  /** -s: the longest string printed (default 32). */
  strsize: number;
  /**
   * strace's abbrev (on by default, off with -v or -e abbrev=none): structs show only their main
   * fields followed by `...`, arrays stop after `strsize` elements, execve's envp prints as a count.
   */
  abbrev: boolean;
  /**
   * strace's verbose (on by default, off with -e verbose=none): when off, structs and arrays that
   * live in tracee memory print as their address.
   */
  verbose: boolean;
  /**
   * -X, for the few texts strace composes in a fixed-size buffer whose length depends on it (poll's
   * result). Printing itself follows -X in the renderer; absent means abbrev.
   */
  xlat?: 'abbrev' | 'raw' | 'verbose';
  /**
   * Arrays past STREAM_AT elements with abbrev off end in an ArrayTail read as the line is written
   * (the engine then writes the line before resuming the tracee). Only for outputs that can stream.
   */
  streamArrays?: boolean;
}

/** Everything a decoder may look at for one syscall. Pure data plus a Memory. */
export interface Ctx {
  pid: number;
  nr: number;
  name: string;
  /** The six raw arguments as unsigned 64-bit values. */
  args: bigint[];
  mem: Memory;
  opt: DecodeOptions;
  /** Exit phase only: the raw return value (signed). */
  rval: bigint;
  /** Exit phase only: errno when the call failed, else 0. */
  err: number;
  /** Scratch space carried from entry to exit (e.g. a value read at entry). */
  state: Record<string, unknown>;
  /** The name of this thread's last traced syscall that returned (restart_syscall names it). */
  prev?: string;
  /**
   * -Y and --decode-pids=pidns (strace's printpid): what follows a pid of this tracee's PID
   * namespace, looked up on the host by the tracer. Absent when pids print bare.
   */
  pidNotes?: (pid: number, type: PidType) => PidNotes | undefined;
  /**
   * The host's generic netlink families by id, which name NETLINK_GENERIC message types; absent
   * when no kernel can be asked (replay, tests).
   */
  genlFamilies?: () => ReadonlyMap<number, string>;
  /** -e kvm=vcpu: the tracee's vCPU fds as the tracer finds them mapped; absent otherwise. */
  kvm?: KvmVcpus;
  /**
   * What the host knows that some calls print, asked by the tracer (src/tracer/host.ts); absent
   * without a live tracee (replay, tests, --describe), where those parts print as strace prints
   * them when its own asking fails.
   */
  host?: HostFacts;
}

/** Where a vCPU's kvm_run structure is mapped in the tracee. */
export interface KvmRunMap { addr: bigint; len: bigint }

/** -e kvm=vcpu: what the tracer knows of one tracee's vCPU fds (strace's vcpu_info list). */
export interface KvmVcpus {
  /** The mapping of vCPU fd `fd`'s kvm_run structure, when the tracer finds one. */
  run(fd: number): KvmRunMap | undefined;
  /** KVM_CREATE_VCPU returned `fd` for vCPU `cpuid`: a known fd of another vCPU is looked up again. */
  created(fd: number, cpuid: number): void;
}

/**
 * The host's answers to what strace asks its own host while decoding. Decoders never read /proc
 * or the host themselves: these are their only way to it.
 */
export interface HostFacts {
  /** if_indextoname: the name of a network interface of sysray's network namespace. */
  ifname(index: number): string | undefined;
  /** The target of this tracee's fd's link in /proc (`anon_inode:bpf-map`), undefined when unreadable. */
  fdLink(fd: number): string | undefined;
  /**
   * The protocol of this tracee's netlink socket fd, `unknown` when strace cannot learn it (a
   * socket of another network namespace), undefined when the fd is not a netlink socket.
   */
  netlinkProtocol(fd: number): number | 'unknown' | undefined;
  /** How many CPUs the kernel allows for (its nr_cpu_ids), undefined when unknown. */
  possibleCpus(): number | undefined;
  /** /proc/sys/net/core/optmem_max, undefined when unreadable. */
  optmemMax(): number | undefined;
  /** The wall-clock time, in ms since the epoch, of CLOCK_BOOTTIME's zero; undefined when unknown. */
  bootEpochMs(): number | undefined;
  /** The tracee's stack pointer at this syscall stop. */
  stackPointer(): bigint;
}

/** strace's pid kinds: a thread, a thread group (a process), a process group, a session. */
export type PidType = 'tid' | 'tgid' | 'pgid' | 'sid';
/** -Y: the name of the thread or process a pid names; pidns: the pid in sysray's namespace, when not the same. */
export interface PidNotes { comm?: Uint8Array; nsPid?: number }

/**
 * How the return value prints: 'd' is strace's default (decimal, as an unsigned 64-bit number:
 * failures in -4095..-1 print as errors instead), 'u' the same, 'x' hex, 'o' octal, 'fd' a file
 * descriptor, 'none' `?`.
 */
export type RetFmt = 'd' | 'u' | 'x' | 'o' | 'fd' | 'none';

export interface RetInfo {
  fmt: RetFmt;
  /**
   * An error the decoder sees in a result the kernel did not flag (modify_ldt's 32-bit error
   * codes): printed as strace prints it, the value then the error, `= 4294967274 EINVAL (…)`.
   */
  errno?: number;
  /** Extra text strace shows in parentheses after the value, e.g. `Timeout`, `[{fd=3, revents=POLLIN}]`. */
  aux?: Value;
  /** -Y: the returned pid's process name (getpid, fork, wait4). */
  comm?: Uint8Array;
}

/** `[i, v]`: only when argument i, as the kernel's 32-bit int, is v. */
export type WhenArg = readonly [number, number];

/** Which arguments -P matches: an fd, a path, or neither ('-'); missing ones are neither. */
export type PathRole = 'fd' | 'path' | '-';

/** Where -e read=/write= finds the data a call moved (strace's dumpio). */
export type DumpRole = 'read' | 'write' | 'readv' | 'writev' | 'recvmsg' | 'sendmsg' | 'recvmmsg' | 'sendmmsg';

/**
 * What sysray knows about a syscall besides how to print it, declared by its decoder and read by
 * the engine and the filters through the registry (decode/index.ts's factsFor). Plain data, so
 * that the bundle can hand it to the engine without loading the decoders.
 */
export interface SyscallFacts {
  /**
   * A positive result is a pid (strace's RVAL_TID/TGID/PGID/SID), of kind `pidType` (default
   * 'tgid'): -Y names threads and processes, --decode-pids=pidns translates all four.
   */
  pid?: true | WhenArg;
  pidType?: PidType;
  /** A successful call renames the process (strace's COMM_CHANGE): -Y reloads its name. */
  commChange?: true | WhenArg;
  /** -e read=/write=: where the data is. */
  dump?: DumpRole;
  /** It may change the process's mappings (strace's MEMORY_MAPPING_CHANGE): -k rereads them after it. */
  mapsChange?: true;
  /** -k takes its stack at entry, not exit (strace's STACKTRACE_CAPTURE_ON_ENTER): it may never return, or return elsewhere. */
  stackAtEntry?: true;
  /**
   * -P: the arguments that are fds or paths (strace's pathtrace_match_set); `pollfds`: argument 0
   * is an array of argument 1 struct pollfd; `fdsets`: arguments 1-3 are fd_sets of argument 0 fds
   * (select); `byCmd`: the roles per value of argument `arg`, none for other values. Absent:
   * argument 0, a path for %file calls, else an fd.
   */
  paths?: readonly PathRole[] | 'pollfds' | 'fdsets' | { arg: number; byCmd: Readonly<Record<number, readonly PathRole[]>> };
}

/**
 * One syscall's decoder. `entry` returns the arguments printed when the call starts;
 * `exit` returns the remaining arguments once it has returned. `ret` picks the return format.
 */
export interface SyscallDecoder {
  entry(c: Ctx): Value[];
  /** Must return at least one value when called (strace prints `, ` after the entry part). */
  exit?(c: Ctx): Value[];
  /**
   * For decoders whose exit part depends on the arguments (e.g. arch_prctl: only the GET codes
   * print an output argument): false when everything was printed at entry. Default: `!!exit`.
   */
  needsExit?(c: Ctx): boolean;
  ret?(c: Ctx): RetInfo;
  facts?: SyscallFacts;
}
