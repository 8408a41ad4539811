/**
 * The engine: starts or attaches to tracees, runs the waitpid loop on this one thread, decodes each
 * syscall stop and hands events to a sink. The only module that drives processes.
 */
import { closeSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { ArchTable } from '../arch/types.js';
import { NATIVE, syscallName, tableForAudit, unknownSyscallName } from '../arch/index.js';
import { decoderFor, factsFor } from '../decode/index.js';
import { FdAnnotator, type FdKinds } from './fdinfo.js';
import type { Ctx, DecodeOptions, Memory, PidNotes, PidType, RetInfo, SyscallDecoder, DumpRole, SyscallFacts, WhenArg } from '../decode/types.js';
import type { Value } from '../decode/value.js';
import { errnoMessage } from '../decode/xlat/errno.js';
import { signame } from '../decode/xlat/signals.js';
import { decodeSiginfo } from '../decode/signal.js';
import type { Dump, Event, Ret, StackFrame, SyscallEntryEvent, SyscallEvent, Where } from '../model.js';
import {
  kill, PTRACE, PTRACE_EVENT, PTRACE_O, ptrace, ptraceIntoBuf, stimeNs, W, wait4, waitpid,
  WEVENT, WEXITSTATUS, WIFEXITED, WIFSIGNALED, WIFSTOPPED, WSTOPSIG, WTERMSIG, WCOREDUMP,
} from '../sys/ptrace.js';
import { TraceeMemory, writeTraceeMemory } from './memory.js';
import { disarm, pending, tick, watchSignals } from './signals.js';
import { buildFilter, filterBlock } from './seccomp.js';
import { pathMatch, type PathSource } from '../filter/paths.js';
import type { InjectSpec } from '../filter/expr.js';
import { type InjectState, tamperEntry, tamperExit } from './inject.js';
import { Delays } from './delay.js';
import { debugStartLines, debugWaitLine } from './debug.js';
import { hexv, PATH_MAX, printargs } from '../decode/args.js';
import { faulty, type Faults, planted, readFaults } from './faults.js';
import { SHIM_DATA, SHIM_FILTER } from './shim.js';
import { StackTaker } from './stacks.js';
import { RegsInfo, SYSCALL_INFO_OP } from './regs_info.js';
import { PidNamespaces } from './pidns.js';
import { raw } from '../sys/libc.js';
import { type CallerState, type Spawned, spawnCommand } from './spawn.js';
import { dismiss, LAUNCHER_PTRACE_OPTIONS, type Launched, type LaunchedExecve, releaseWithPlan } from './launcher.js';
import { genlFamilies } from './genl.js';
import { hostFacts } from './host.js';
import { KvmRuns } from './kvm.js';
import { AT_EXIT_NOTHING, type AtExit, CpuBinding } from './cpubind.js';

export interface TraceOptions extends DecodeOptions {
  /** -f: follow fork, vfork, clone. */
  followForks: boolean;
  /** Handle SIGINT/TERM/HUP/QUIT by detaching (strace's interactive mode); else they are ignored. */
  interactive: boolean;
  /**
   * Flush whenever no stop is pending (output shared with the tracee, e.g. stderr: lines appear
   * exactly when strace's would). Otherwise output is flushed in batches, at least every 50 ms.
   */
  eagerFlush: boolean;
  /** Per syscall number of the tracee's table: 1 when it is traced (-e trace=); undefined: all. */
  traced?: Uint8Array;
  /** Use a seccomp-bpf filter so untraced syscalls never stop (started commands only). */
  seccomp: boolean;
  /**
   * The filter was asked for (--seccomp-bpf), not only used to go faster: as under strace's, the
   * call after one of another personality need not stop to show the switch back.
   */
  seccompAsked?: boolean;
  /** -y/-yy: show what each fd refers to (path, socket details, device, pidfd). */
  decodeFds?: FdKinds;
  /** -P: trace only syscalls that refer to these paths (latin1 strings of their bytes). */
  paths?: ReadonlySet<string>;
  /**
   * Per syscall number: bit 0 raw (-e raw=), bit 1 not abbreviated, bit 2 not verbose (-e
   * abbrev=/verbose=), bit 3 a row strace 6.1 does not know (printed as `syscall_0x…`, six arguments).
   */
  qual?: Uint8Array;
  /** `traced` and `qual` for a compat personality's table (i386), by its AUDIT_ARCH; absent: all traced. */
  compat?: (auditArch: number) => { traced?: Uint8Array; qual?: Uint8Array } | undefined;
  /** -c: measure each syscall's system CPU time (strace's default summary time). */
  wantCpu?: boolean;
  /**
   * -c alone: only the summary is made, which needs each call's name, result and times; arguments
   * are not decoded (no line shows them), as strace -c does not decode them.
   */
  summaryOnly?: boolean;
  /** -i: fetch the instruction pointer at signal stops too. */
  wantIp?: boolean;
  /** -k: take each shown syscall's and signal's stack. */
  stackTraces?: boolean;
  /** -e read=/write=: fds whose data is dumped in hex */
  dumpRead?: (fd: number) => boolean;
  dumpWrite?: (fd: number) => boolean;
  /** -b execve: detach a tracee once it has exec'd (the started command's own first exec aside). */
  detachOnExec?: boolean;
  /**
   * Run the started command and the tracer on one CPU while the command runs one task at a time
   * and every syscall stops it (no seccomp filter): cpubind.ts.
   */
  bindCpu?: boolean;
  /** Kill the started command should sysray die (PTRACE_O_EXITKILL); default true. */
  exitKill?: boolean;
  /** -Y: name pids by their process (`1234<sh>`), in line prefixes and decoded values. */
  comm?: boolean;
  /** --decode-pids=pidns: follow a pid of a tracee's PID namespace by sysray's number for it. */
  pidns?: boolean;
  /** -e inject= / -e fault=: what to do to which syscalls (by number; x86_64). */
  inject?: ReadonlyMap<number, InjectSpec>;
  /** -e kvm=vcpu: name the exit of each KVM_RUN, from the vCPU's kvm_run mapped in the tracee. */
  kvmVcpu?: boolean;
  /**
   * Wait only for this thread's children and tracees (__WNOTHREAD): the API's engine runs in a
   * worker thread of a program whose other threads have children of their own.
   */
  ownThread?: boolean;
  /**
   * The caller interrupts waitpid with a signal whenever it wants output flushed (the API's reader
   * does so when it waits for events): no SIGALRM tick, and `idle` runs only then.
   */
  woken?: boolean;
  /**
   * Asked before each wait (the API's abort): 'kill' ends every tracee and reaps it, 'detach' lets
   * every tracee go on running untraced. A signal that interrupts the wait makes it asked at once.
   */
  cancel?: () => 'kill' | 'detach' | undefined;
  /** -d: the engine's log lines (strace's debug messages). */
  debug?: (msg: string) => void;
  /** -o |COMMAND: the shell reading the trace, sysray's own child, whose end is no tracee's. */
  pipePid?: number;
  /**
   * Go on waiting after the last tracee until no child is left (ECHILD), as strace does without
   * -o |COMMAND: a tracee's CLONE_PARENT child is sysray's own, and its end is reported.
   */
  reapAll?: boolean;
}

/** The ptrace options every tracee gets (strace's ptrace_setoptions). */
export function traceeOptions(followForks: boolean): number {
  return PTRACE_O.TRACESYSGOOD | PTRACE_O.TRACEEXEC | PTRACE_O.TRACEEXIT |
    (followForks ? PTRACE_O.TRACECLONE | PTRACE_O.TRACEFORK | PTRACE_O.TRACEVFORK : 0);
}

/** -d's first lines, said before the command starts (strace says them as it initialises). */
export function debugStart(followForks: boolean): string[] {
  return debugStartLines(traceeOptions(followForks));
}

/** /proc/PID/comm without its newline (strace's load_pid_comm); empty if it cannot be read. */
function loadComm(pid: number): Uint8Array {
  try {
    const b = readFileSync(`/proc/${pid}/comm`);
    let n = b.length;
    while (n > 0 && (b[n - 1] === 0x0a || b[n - 1] === 0x0d)) n--;
    return b.subarray(0, n);
  } catch {
    return new Uint8Array(0);
  }
}

/** Does a fact (SyscallFacts) guarded by `w` hold for these arguments? */
function holds(w: true | WhenArg | undefined, args: readonly bigint[]): boolean {
  return w === true || (w !== undefined && BigInt.asUintN(32, args[w[0]]!) === BigInt(w[1]));
}

/** -Y and pidns: the notes of the pid a result is (its decoder declares `pid`). */
function resultNotes(c: Ctx, facts: SyscallFacts): PidNotes | undefined {
  if (!c.pidNotes || c.err || c.rval <= 0n || c.rval > 0x7fffffffn || !holds(facts.pid, c.args)) return undefined;
  return c.pidNotes(Number(c.rval), facts.pidType ?? 'tgid');
}

const NO_FACTS: SyscallFacts = {};
/** The arguments of a call whose arguments are not decoded (summaryOnly); never written to. */
const NO_VALUES: Value[] = [];
/** A result printed in decimal, for a decoder that says nothing of it; never written to. */
const DECIMAL: RetInfo = { fmt: 'd' };

/** -e read=/write=: the most bytes of one buffer read from the tracee. */
const DUMP_MAX = 1 << 24;
/** strace's dumpstr buffer: what it reads of the tracee at a time. */
const DUMP_CHUNK = 1 << 16;

/** readlink of a /proc path, as bytes; undefined if it cannot be read. */
function readlinkBytes(p: string): Uint8Array | undefined {
  try {
    return readlinkSync(p, { encoding: 'buffer' });
  } catch {
    return undefined;
  }
}

/** -y/-yy: give each fd value (also inside structs and arrays) what /proc says it refers to, now. */
function annotateFds(an: FdAnnotator, pid: number, values: Value[]): Value[] {
  const fix = (v: Value): Value => {
    switch (v.k) {
      case 'fd': return an.fd(pid, v);
      case 'sym': {
        if (v.name !== 'AT_FDCWD' || !an.kinds.path) return v;
        const path = readlinkBytes(`/proc/${pid}/cwd`);
        return path ? { k: 'fd', fd: -100, label: 'AT_FDCWD', path } : v;
      }
      case 'struct': return { ...v, fields: v.fields.map((f) => ({ ...f, v: fix(f.v) })) };
      case 'array': return { ...v, items: v.items.map(fix) };
      case 'note': return { ...v, v: fix(v.v) };
      case 'join': return { ...v, parts: v.parts.map(fix) };
      case 'inout': return { ...v, in: fix(v.in), out: fix(v.out) };
      default: return v;
    }
  };
  return values.map(fix);
}

/** Where events go. `idle` is called when no stop is pending (a good moment to flush output). */
export interface Sink {
  event(ev: Event): void;
  idle?(): void;
}

/** What sysray says on stderr about tracees (strace's error_msg lines). */
export type Say = (msg: string, kind: 'attach' | 'detach' | 'exec' | 'error' | 'exit') => void;

const SIGTRAP = 5, SIGSTOP = 19, SIGCONT = 18, SIGTSTP = 20, SIGTTIN = 21, SIGTTOU = 22, SIGTERM = 15;
const SYSCALL_STOP = SIGTRAP | 0x80;
const ESRCH = 3, EINTR = 4, ECHILD = 10;

/** Per-tracee state. */
interface Tcb {
  pid: number;
  /** Its directory in /proc, found on first use (not `pid` when /proc is another PID namespace's). */
  proc?: number;
  /** Hide syscalls until the first execve (the shim's own calls). */
  hidden: boolean;
  /** The first execve is being watched: if it fails, hide again and report. */
  checkExec: boolean;
  /** A syscall is in progress (entry seen, exit not yet). */
  inSyscall: boolean;
  /** The in-progress syscall was hidden (nothing printed at entry). */
  filtered: boolean;
  /** The first stop of an auto-attached child has not been seen yet. */
  fresh: boolean;
  /** Attached with -p (so detaching says so). */
  attached: boolean;
  /** -b execve: the started command's first exec is its own, not one to detach at. */
  execOwn: boolean;
  /** The decoder prints more arguments at exit. */
  needsExit: boolean;
  /** What the CPU binding must see at the exit of the call in progress (cpubind.ts), if anything. */
  bindExit?: AtExit;
  /** A seccomp filter stops this tracee for traced syscalls only: resume with PTRACE_CONT between them. */
  seccomp: boolean;
  /** ru_stime at the syscall's entry stop (for -c). */
  stime?: bigint;
  /** The last syscall number entered (for -n), and the ip at the last syscall stop (for -i). */
  scno?: number;
  ip?: bigint;
  /** Stopped in a group-stop (resumed with PTRACE_LISTEN). */
  groupStopped: boolean;
  /** -Y: the process's name, as strace keeps it (read when first seen, and after exec or PR_SET_NAME). */
  comm?: Uint8Array;
  /** -e inject=: this process's own countdowns, and what a rule did to the call in progress. */
  inj?: InjectState;
  /** A signal to deliver as the syscall in progress starts (inject's signal=). */
  injectSig?: number;
  /** inject's delay_enter=/delay_exit=: hold the tracee this many ns before resuming it. */
  holdNs?: bigint;
  /** -k: the stack taken at the entry of a call that may never return (strace's unwind queue). */
  stack?: StackFrame[];
  ctx: Ctx;
  dec?: SyscallDecoder;
  entryArgs: Value[];
  entryTime: bigint;
  table: ArchTable;
  /** The options' `traced` and `qual` for `table`. */
  traced: Uint8Array | undefined;
  qual: Uint8Array | undefined;
  /**
   * The table's decoders, looked up when the first syscall of it is shown (in the bundle that loads
   * them: a filter that shows nothing never costs their loading, nor the command the CPU it takes).
   */
  decoders: SyscallDecoder[] | undefined;
}

/** How the traced command ended, for sysray's own exit status. */
export type Outcome = { kind: 'exit'; code: number } | { kind: 'signal'; sig: number };

/** Wall-clock nanoseconds: the epoch offset of the monotonic clock, taken once, plus the monotonic clock. */
const epochOffset = BigInt(Date.now()) * 1000000n - process.hrtime.bigint();
const now = (): bigint => epochOffset + process.hrtime.bigint();

/** A process's working directory as its attach event carries it (nothing if /proc will not say). */
function cwdOf(pid: number): { cwd?: Uint8Array } {
  try {
    return { cwd: readlinkSync(`/proc/${pid}/cwd`, { encoding: 'buffer' }) };
  } catch {
    return {};
  }
}

export class Tracer {
  private tcbs = new Map<number, Tcb>();
  private info = Buffer.from(new ArrayBuffer(88));
  /** The same 88 bytes as 64-bit words: nr at [3], args at [4..9], rval at [3] (exit). */
  private words = new BigUint64Array(this.info.buffer, this.info.byteOffset, 11);
  /** The same, signed: the return value at [3] (exit). */
  private swords = new BigInt64Array(this.info.buffer, this.info.byteOffset, 11);
  private siginfo = Buffer.alloc(128);
  private msg = Buffer.alloc(8);
  private mem = new TraceeMemory(0);
  private fds: FdAnnotator | undefined;
  private stacks: StackTaker | undefined;
  /** -e kvm=vcpu: the tracees' vCPU fds and where their kvm_run is mapped. */
  private kvm: KvmRuns | undefined;
  private namespaces: PidNamespaces | undefined;
  private decodersByTable = new Map<ArchTable, SyscallDecoder[]>();
  private mainPid = 0;
  private outcome: Outcome = { kind: 'exit', code: 0 };
  private interrupted = 0;
  /** Decode options for syscalls in -e abbrev=/verbose= sets, made on first use. */
  private optVariants: (TraceOptions | undefined)[] = [];
  /** opt.cancel said 'kill': every tracee, including children seen from now on, is killed. */
  private killing = false;
  /** The started command runs under our seccomp filter (so do the children it makes). */
  private seccompActive = false;
  /** The started command bound to the tracer's CPU (cpubind.ts); kept once released, for late children. */
  private bound: CpuBinding | undefined;
  private ptraceOptions: number;
  /** Syscalls whose decoder has failed (each is named in one warning), and the test-only faults. */
  private undecodable = new Set<string>();
  private faults: Faults | undefined = readFaults();
  /** The main tracee is the command sysray started (so interrupts go to it too); not with -D. */
  private ownsMain = true;
  /** inject's delays: tracees held stopped for a while (made on the first delay). */
  private delays: Delays | undefined;
  /** Syscall stops from registers, made when PTRACE_GET_SYSCALL_INFO first fails for another reason than ESRCH. */
  private regsInfo: RegsInfo | undefined;

  /**
   * The syscall event of the stop being handled, held while `holding` until the tracee is resumed:
   * it is rendered and written while the tracee runs on, off the path between two of its stops.
   */
  private held: Event | undefined;
  private holding = false;
  /** What sysray says goes after any event held before it (the lines keep their order). */
  private say: Say;

  constructor(private opt: TraceOptions, private sink: Sink, say: Say) {
    this.say = (msg, kind) => {
      this.release();
      say(msg, kind);
    };
    this.mem.warn = (msg) => this.say(msg, 'error');
    if (opt.decodeFds) this.fds = new FdAnnotator(opt.decodeFds, opt.comm ? loadComm : undefined);
    if (opt.stackTraces) this.stacks = new StackTaker();
    if (opt.kvmVcpu) this.kvm = new KvmRuns();
    this.ptraceOptions = traceeOptions(opt.followForks);
  }

  private exitKill(): number {
    return this.opt.exitKill === false ? 0 : PTRACE_O.EXITKILL;
  }

  /** A table's decoders by number, filled in as numbers are first decoded (each loads on first use). */
  private decodersFor(t: ArchTable): SyscallDecoder[] {
    let d = this.decodersByTable.get(t);
    if (!d) this.decodersByTable.set(t, (d = []));
    return d;
  }

  /** Syscall `nr`'s decoder (SYSRAY_TEST_FAULTS may make it fail on purpose). */
  private loadDecoder(t: ArchTable, nr: number): SyscallDecoder {
    const row = t.rows[nr];
    const dec = nr >= t.rows.length ? unknownDecoder : t.compat && row?.dec === 'printargs' ? printargs(row.nargs) : decoderFor(t, nr);
    const phases = this.faults?.get(syscallName(t, nr));
    return phases ? faulty(syscallName(t, nr), dec, phases) : dec;
  }

  /**
   * A decoder failed: its call prints undecoded. The first failure of each syscall is named once:
   * the warning to say (when no line of this tracee is open), else undefined.
   */
  private undecoded(name: string, e: unknown): string | undefined {
    if (this.undecodable.has(name)) return undefined;
    this.undecodable.add(name);
    const why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return `${name}: cannot decode (${why}), printed undecoded`;
  }

  /**
   * What follows the pids tracee `tracee` names (strace's printpid_translation): -Y's name and
   * pidns's number are both of the process the pid is in sysray's namespace.
   */
  private pidNamespaces(): PidNamespaces {
    return (this.namespaces ??= new PidNamespaces());
  }

  /** Tracee `t`'s directory in /proc, for what -y and -Y read there. */
  private procOf(t: Tcb): number {
    return (t.proc ??= this.pidNamespaces().procPid(t.pid));
  }

  private pidNotes(tracee: number): (pid: number, type: PidType) => PidNotes | undefined {
    const translate = this.pidNamespaces().forTracee(tracee);
    const { comm, pidns } = this.opt;
    return (pid, type) => {
      const ours = translate(pid, type);
      if (!ours) return undefined;
      // strace reads the name under sysray's number even when /proc is another namespace's
      const name = comm && (type === 'tid' || type === 'tgid') ? loadComm(ours) : undefined;
      const notes: PidNotes = {};
      if (name?.length) notes.comm = name;
      if (pidns && ours !== pid) notes.nsPid = ours;
      return notes.comm || notes.nsPid ? notes : undefined;
    };
  }

  private newTcb(pid: number, hidden: boolean, how: 'start' | 'child' | 'attach'): Tcb {
    const t: Tcb = {
      pid, hidden, checkExec: false, inSyscall: false, filtered: false, fresh: how === 'child',
      attached: how === 'attach', execOwn: how === 'start', groupStopped: false, needsExit: false, seccomp: how === 'child' && this.seccompActive, entryArgs: [], entryTime: 0n,
      table: NATIVE, decoders: undefined, traced: this.opt.traced, qual: this.opt.qual,
      ctx: { pid, nr: 0, name: '', args: [0n, 0n, 0n, 0n, 0n, 0n], mem: this.mem, opt: this.opt, rval: 0n, err: 0, state: {}, genlFamilies },
    };
    // the stack pointer is the syscall info's, read while this tracee's stop is decoded
    t.ctx.host = hostFacts(() => this.procOf(t), () => this.words[2]!);
    if (this.opt.comm) t.comm = loadComm(this.procOf(t));
    if (this.opt.comm || this.opt.pidns) t.ctx.pidNotes = this.pidNotes(pid);
    if (this.kvm) t.ctx.kvm = this.kvm.forTracee(() => this.procOf(t));
    this.tcbs.set(pid, t);
    if (how === 'child') this.bound?.adopt(pid);
    this.opt.debug?.(`new tcb for pid ${pid}, active tcbs:${this.tcbs.size}`);
    if (this.killing) kill(pid, 9);
    this.sink.event({ type: 'attach', pid, how, time: now(), ...(how === 'child' ? {} : cwdOf(pid)) });
    return t;
  }

  /** Start `argv` (argv[0] resolved like strace) stopped before exec and seize it. Throws SpawnError. */
  start(argv: string[], env: NodeJS.ProcessEnv, caller: CallerState): number {
    return this.startSpawned(spawnCommand(argv, env, caller));
  }

  /** Take over a command spawnCommand started (the spawn can go first, and the shim start meanwhile). */
  startSpawned({ pid, launched, running, argv }: Spawned): number {
    if (running) return this.adoptRunning(pid, running, argv ?? []);
    if (launched) return this.startLaunched(pid, launched);
    // a signal for this thread (another child's SIGCHLD, in the API's worker) can cut the wait short
    let [w, status] = waitpid(pid, W.UNTRACED);
    while (w === -EINTR) [w, status] = waitpid(pid, W.UNTRACED);
    if (w !== pid || !WIFSTOPPED(status)) throw new Error(`the exec shim did not stop (${w < 0 ? `errno ${-w}` : `status ${status}`})`);
    const filter = this.startFilter();
    const seize = this.ptraceOptions | this.exitKill() | (filter ? PTRACE_O.TRACESECCOMP : 0);
    const r = ptrace(PTRACE.SEIZE, pid, 0, seize);
    if (r < 0) {
      kill(pid, 9);
      throw new Error(`ptrace(PTRACE_SEIZE, ${pid}): ${errnoMessage(-r)}`);
    }
    // The shim installs the filter if it finds one in its data page (it is stopped, so we may write).
    if (filter && !writeTraceeMemory(pid, SHIM_DATA, filterBlock(filter, SHIM_DATA, SHIM_FILTER, raw.geteuid() !== 0))) this.say('seccomp: cannot pass the filter to the command; tracing without it', 'error');
    this.newTcb(pid, true, 'start');
    this.mainPid = pid;
    if (!filter) this.bindCpu(pid);
    kill(pid, SIGCONT);
    return pid;
  }

  /**
   * The started command, which every syscall stops, shares the tracer's CPU while it runs one task
   * at a time; not when it outlives a sysray that dies (-I 1: no PTRACE_O_EXITKILL), which could
   * not unbind it, nor beside processes attached with -p.
   */
  private bindCpu(pid: number): void {
    if (!this.opt.bindCpu || this.opt.exitKill === false || [...this.tcbs.values()].some((t) => t.attached)) return;
    this.bound = CpuBinding.bind(pid, this.opt.followForks);
  }

  /**
   * The launcher's child (launcher.ts), waiting on its pipe: seize it, write its plan, release it.
   * It then installs the filter and execs, so its first stop is the execve's seccomp stop; without
   * a filter (or if the kernel refused it) it first stops itself, and is resumed for syscall stops.
   */
  private startLaunched(pid: number, l: NonNullable<Spawned['launched']>): number {
    const filter = this.startFilter();
    const r = ptrace(PTRACE.SEIZE, pid, 0, this.ptraceOptions | this.exitKill() | (filter ? PTRACE_O.TRACESECCOMP : 0));
    if (r < 0) {
      dismiss(l.child);
      throw new Error(`ptrace(PTRACE_SEIZE, ${pid}): ${errnoMessage(-r)}`);
    }
    this.newTcb(pid, true, 'start');
    this.mainPid = pid;
    if (!filter) this.bindCpu(pid);
    const { child, ...command } = l;
    if (!releaseWithPlan(child, { ...command, ...(filter ? { filter, noNewPrivs: raw.geteuid() !== 0 } : {}) })) {
      kill(pid, 9);
      throw new Error(`cannot pass the command to its process (pid ${pid})`);
    }
    return pid;
  }

  /**
   * The command the launcher started itself (launcher.S, early_plan): seized with this run's
   * options, past its execve, it runs under a filter stopping the syscalls in `running`'s map.
   * Taken as it is, once checked that the filter is the one this run would have installed.
   */
  private adoptRunning(pid: number, l: Launched, argv: Buffer[]): number {
    closeSync(l.wfd);
    const map = l.running!;
    const traced = this.opt.traced;
    let same = this.opt.seccomp && traced !== undefined && (this.ptraceOptions | this.exitKill() | PTRACE_O.TRACESECCOMP) === LAUNCHER_PTRACE_OPTIONS;
    for (let nr = 0; same && nr < map.length * 8; nr++) {
      const inMap = ((map[nr >> 3]! >> (nr & 7)) & 1) === 1;
      if (inMap !== (nr < NATIVE.rows.length && this.filterTraces(nr))) same = false;
    }
    if (!same) this.say('internal error: the launcher started the command with another seccomp filter than this trace needs', 'error');
    const t = this.newTcb(pid, false, 'start');
    t.seccomp = this.seccompActive = true;
    this.opt.debug?.('seccomp filter enabled');
    t.execOwn = false;
    this.mainPid = pid;
    const execve = NATIVE.byName.get('execve')!.nr;
    if (l.execve && traced?.[execve] === 1) this.launchedExecve(t, execve, l.execve, argv);
    return pid;
  }

  /**
   * The execve line of a command the launcher started, which Node did not see: decoded as at its
   * stop, from a memory holding what it read (the pathname, argv, and as many environment pointers
   * as it had, at the address it had them), then its success.
   */
  private launchedExecve(t: Tcb, nr: number, e: LaunchedExecve, argv: Buffer[]): void {
    const regions: [bigint, Uint8Array][] = [];
    let at = 0x10000n;
    const put = (b: Uint8Array): bigint => {
      regions.push([at, b]);
      const a = at;
      at += (BigInt(b.length) + 16n) & ~7n;
      return a;
    };
    const cstr = (b: Uint8Array): bigint => put(Buffer.concat([b, Buffer.of(0)]));
    const pointers = (p: bigint[]): Buffer => {
      const b = Buffer.alloc((p.length + 1) * 8);
      p.forEach((x, i) => b.writeBigUInt64LE(x, i * 8));
      return b;
    };
    const path = cstr(e.path);
    const args = put(pointers(argv.map(cstr)));
    const none = cstr(new Uint8Array(0));
    regions.push([e.envp, pointers(Array.from({ length: e.vars }, () => none))]);
    const find = (a: bigint, len: number): Uint8Array | null => {
      for (const [base, b] of regions) if (a >= base && a + BigInt(len) <= base + BigInt(b.length)) return b.subarray(Number(a - base), Number(a - base) + len);
      return null;
    };
    const mem: Memory = {
      read: find,
      readString(a, max) {
        for (const [base, b] of regions) {
          if (a < base || a >= base + BigInt(b.length)) continue;
          const s = b.subarray(Number(a - base), Number(a - base) + max);
          const z = s.indexOf(0);
          return { b: z >= 0 ? s.subarray(0, z) : s, nul: z >= 0 };
        }
        return null;
      },
    };
    const own = t.ctx.mem;
    t.ctx.mem = mem;
    this.info.fill(0);
    this.info[0] = 1; // PTRACE_SYSCALL_INFO_ENTRY
    this.info.writeUInt32LE(NATIVE.auditArch, 4);
    this.words[3] = BigInt(nr);
    this.words[4] = path;
    this.words[5] = args;
    this.words[6] = e.envp;
    this.entry(t, this.info);
    this.info.fill(0);
    this.info[0] = 2; // PTRACE_SYSCALL_INFO_EXIT, 0
    this.exit(t, this.info);
    t.ctx.mem = own;
  }

  /** Whether the seccomp filter stops syscall `nr`: traced, or one strace always sees (execve…). */
  private filterTraces(nr: number): boolean {
    const row = NATIVE.rows[nr];
    // -Y: a process's name changes with PR_SET_NAME (a call that declares commChange), shown or not
    // -e kvm=vcpu: as strace without a filter, every call that may change mappings is seen, shown or not
    return !row || this.opt.traced![nr] === 1 || row.classes.includes('seccomp_default') || (this.opt.comm === true && factsFor(row).commChange !== undefined) ||
      (this.kvm !== undefined && factsFor(row).mapsChange === true);
  }

  /** The filter a started command is to run under, if any (-d says so, as strace does). */
  private startFilter(): Buffer | undefined {
    const filter = this.opt.seccomp && this.opt.traced ? this.seccompFilter() : undefined;
    if (filter) this.opt.debug?.('seccomp filter enabled');
    return filter;
  }

  /** The BPF program for the traced set: traced syscalls and those strace always sees (execve, exit…). */
  private seccompFilter(): Buffer | undefined {
    return buildFilter(NATIVE.auditArch, NATIVE.rows.length, (nr) => this.filterTraces(nr));
  }

  /**
   * Attach to a running process (-p): seize and interrupt it, and with -f every thread of it.
   * Returns false (after saying why) if it cannot be attached.
   */
  attach(pid: number): boolean {
    // a process of the user's is no task of the command's: its children must not be taken for bound ones
    this.bound?.release();
    this.bound = undefined;
    const tids = [pid];
    if (this.opt.followForks) {
      try {
        for (const d of readdirSync(`/proc/${pid}/task`)) if (Number(d) !== pid) tids.push(Number(d));
      } catch {
        /* not there: the seize below says so */
      }
    }
    let ok = 0;
    for (const tid of tids) {
      if (this.tcbs.has(tid)) continue;
      const r = ptrace(PTRACE.SEIZE, tid, 0, this.ptraceOptions);
      if (r < 0) {
        if (tid === pid) {
          this.say(`attach: ptrace(PTRACE_SEIZE, ${pid}): ${errnoMessage(-r)}`, 'error');
          return false;
        }
        continue;
      }
      ptrace(PTRACE.INTERRUPT, tid, 0, 0);
      const t = this.newTcb(tid, false, 'attach');
      t.fresh = true;
      ok++;
    }
    this.say(ok > 1 ? `Process ${pid} attached with ${ok} threads` : `Process ${pid} attached`, 'attach');
    return true;
  }

  /**
   * -D: the process that started sysray, about to exec the command (daemon.ts): seize it, its
   * calls hidden until that execve, as strace's daemonized tracer does. It is traced, not owned:
   * sysray's interrupts leave it alone. Returns false (after saying why) if it cannot be seized.
   */
  adoptCommand(pid: number): boolean {
    const r = ptrace(PTRACE.SEIZE, pid, 0, this.ptraceOptions);
    if (r < 0) {
      this.say(`attach: ptrace(PTRACE_SEIZE, ${pid}): ${errnoMessage(-r)}`, 'error');
      return false;
    }
    ptrace(PTRACE.INTERRUPT, pid, 0, 0);
    const t = this.newTcb(pid, true, 'attach');
    t.fresh = true;
    this.mainPid = pid;
    this.ownsMain = false;
    this.say(`Process ${pid} attached`, 'attach');
    return true;
  }

  /** Number of live tracees. */
  get count(): number {
    return this.tcbs.size;
  }

  /** Run until every tracee is gone (or detached on a signal). Returns how the started command ended. */
  /**
   * Start noticing SIGINT/TERM/HUP/QUIT (interactive mode). Call before attaching, and after
   * starting a command (arming sets this process's umask to 0, which a child would inherit).
   */
  armSignals(): void {
    if (this.opt.interactive) watchSignals();
  }

  run(): Outcome {
    this.armSignals();
    const eager = this.opt.eagerFlush;
    // wait4's rusage costs the kernel a little per stop: only for -c
    const wait = this.opt.wantCpu ? wait4 : waitpid;
    const idle = this.sink.idle?.bind(this.sink);
    // Without eager flushing, output waits in a buffer: a 50 ms tick flushes it should every tracee
    // then block. It runs only while stops come: a tick with none since the last one stops it.
    let ticking = false;
    let stopped = false;
    let n = 0;
    const all = W.ALL | (this.opt.ownThread ? W.NOTHREAD : 0);
    const reapAll = this.opt.reapAll === true && this.opt.pipePid === undefined;
    while (this.tcbs.size > 0 || reapAll) {
      this.delays?.due((pid, req, sig) => this.resume(pid, req, sig));
      if ((++n & 63) === 0 && this.checkInterrupt()) break;
      if (this.opt.cancel && !this.killing && this.cancelled()) break;
      if (stopped && !ticking && !eager && !this.opt.woken) {
        tick(50);
        ticking = true;
      }
      let pid: number, status: number;
      if (eager) {
        [pid, status] = wait(-1, all | W.NOHANG);
        if (pid === 0) {
          idle?.();
          if (this.checkInterrupt()) break;
          [pid, status] = wait(-1, all);
        }
      } else [pid, status] = wait(-1, all);
      if (pid < 0) {
        if (-pid === EINTR) {
          // our tick or a signal aimed at sysray: flush, then see which
          idle?.();
          if (ticking && !stopped) {
            tick(0);
            ticking = false;
          }
          stopped = false;
          if (this.checkInterrupt()) break;
          continue;
        }
        if (-pid === ECHILD) break;
        continue;
      }
      // tracees have run since the last stop: what was read of their memory may be stale
      this.mem.invalidate();
      this.handle(pid, status);
      stopped = true;
    }
    if (ticking) tick(0);
    this.delays?.close();
    if (!this.interrupted) this.checkInterrupt();
    disarm();
    idle?.();
    if (this.interrupted) return { kind: 'signal', sig: this.interrupted };
    return this.outcome;
  }

  /** Whether opt.cancel asks to end the trace: true once every tracee is detached (the loop ends). */
  private cancelled(): boolean {
    const how = this.opt.cancel!();
    if (how === 'detach') {
      for (const t of [...this.tcbs.values()]) this.detach(t);
      return true;
    }
    if (how === 'kill') {
      // the loop goes on to reap them (a stopped tracee dies of SIGKILL too)
      this.killing = true;
      for (const t of this.tcbs.values()) kill(t.pid, 9);
    }
    return false;
  }

  private checkInterrupt(): boolean {
    const sig = pending();
    if (!sig || !this.opt.interactive) return false;
    this.interrupted = sig;
    this.detachAll(sig);
    return true;
  }

  /**
   * strace's cleanup(): the command we started gets SIGCONT and the signal; everyone is detached,
   * each with its `Process N detached`.
   */
  detachAll(sig = SIGTERM): void {
    for (const t of [...this.tcbs.values()]) {
      if (t.pid === this.mainPid && this.ownsMain) {
        kill(t.pid, SIGCONT);
        kill(t.pid, sig);
      }
      this.detach(t, true);
    }
  }

  /**
   * sysray cannot go on (its own failure): leave the tracees as strace's cleanup() does when it dies
   * (the started command gets SIGTERM, every tracee is detached), except that a started process
   * under our seccomp filter (untraced, its traced calls would fail with ENOSYS) or not yet past its
   * exec is killed. Returns how many were killed.
   */
  abandon(): number {
    const sink = this.sink;
    // the sink may be what failed: its failing again must not keep the others from being detached
    this.sink = {
      event: (ev) => {
        try {
          sink.event(ev);
        } catch {
          /* that line is lost; the tracees are not */
        }
      },
    };
    // a finished line held until its tracee ran on goes out before the detach lines
    this.release();
    let killed = 0;
    for (const t of [...this.tcbs.values()]) {
      if (!t.attached && (t.hidden || this.seccompActive)) {
        kill(t.pid, 9);
        killed++;
        this.sink.event({ type: 'detach', pid: t.pid, time: now() });
        this.tcbs.delete(t.pid);
        continue;
      }
      if (t.pid === this.mainPid) {
        kill(t.pid, SIGCONT);
        kill(t.pid, SIGTERM);
      }
      this.detach(t, true);
    }
    disarm();
    return killed;
  }

  /**
   * Detach one tracee, leaving it running (a pending signal is passed on). `say`: announce it even
   * if it was not attached with -p (-b execve).
   */
  private detach(t: Tcb, say = t.attached): void {
    const pid = t.pid;
    this.bound?.leave(pid, true);
    let r = ptrace(PTRACE.DETACH, pid, 0, 0);
    if (r < 0 && -r === ESRCH) {
      // running, not stopped: stop it, then detach at that stop
      if (ptrace(PTRACE.INTERRUPT, pid, 0, 0) >= 0) {
        for (;;) {
          const [w, status] = waitpid(pid, W.ALL);
          if (w < 0 && -w === EINTR) continue;
          if (w !== pid || !WIFSTOPPED(status)) break;
          const sig = WSTOPSIG(status);
          const ev = WEVENT(status);
          const pass = ev === 0 && sig !== SYSCALL_STOP ? sig : 0;
          r = ptrace(PTRACE.DETACH, pid, 0, pass);
          if (r >= 0 || -r !== ESRCH) break;
        }
      }
    }
    if (say) this.say(`Process ${pid} detached`, 'detach');
    this.sink.event({ type: 'detach', pid, time: now() });
    this.tcbs.delete(pid);
    this.delays?.forget(pid);
  }

  private handle(pid: number, status: number): void {
    this.opt.debug?.(debugWaitLine(pid, status));
    let t = this.tcbs.get(pid);
    if (!t) {
      if (!WIFSTOPPED(status)) {
        // a child sysray inherited, or (-b execve) the command it let go at its exec
        if (pid !== this.opt.pipePid && !(this.opt.detachOnExec && pid === this.mainPid)) this.say(`Exit of unknown pid ${pid} ignored`, 'exit');
        return;
      }
      if (!this.opt.followForks) {
        // a clone made with CLONE_PTRACE without -f: strace lets it go, saying so
        ptrace(PTRACE.DETACH, pid, 0, 0);
        this.say(`Detached unknown pid ${pid}`, 'attach');
        return;
      }
      t = this.newTcb(pid, false, 'child');
      this.say(`Process ${pid} attached`, 'attach');
    }
    if (WIFEXITED(status) || WIFSIGNALED(status)) {
      this.gone(t, status);
      return;
    }
    if (!WIFSTOPPED(status)) return;
    const sig = WSTOPSIG(status);
    const event = WEVENT(status);
    if (sig === SYSCALL_STOP) {
      this.syscallStop(t);
      return;
    }
    if (event !== 0) {
      this.eventStop(t, event, sig);
      return;
    }
    // signal-delivery-stop
    t.fresh = false;
    if (!t.hidden) {
      let info: Value | undefined;
      const r = ptraceIntoBuf(PTRACE.GETSIGINFO, pid, 0, this.siginfo);
      try {
        if (r >= 0) info = decodeSiginfo(this.siginfo, t.ctx);
        // -y: si_fd shows its path too
        if (info && this.fds) info = annotateFds(this.fds, this.procOf(t), [info])[0];
      } catch (e) {
        const warning = this.undecoded(`siginfo of ${signame(sig)}`, e);
        if (warning) this.say(warning, 'error');
        info = undefined;
      }
      this.mem.setPid(pid);
      const stack = this.stacks?.take(pid, this.mem);
      this.sink.event({ type: 'signal', pid, sig, name: signame(sig), info, time: now(), ...this.where(t), ...(stack ? { stack } : {}) });
    }
    // the shim's own SIGCONT or SIGSTOP before exec is ours: swallow it
    this.resume(pid, this.next(t), t.hidden && (sig === SIGCONT || sig === SIGSTOP) ? 0 : sig);
  }

  private eventStop(t: Tcb, event: number, sig: number): void {
    const pid = t.pid;
    switch (event) {
      case PTRACE_EVENT.STOP:
        if (!t.fresh && (sig === SIGSTOP || sig === SIGTSTP || sig === SIGTTIN || sig === SIGTTOU)) {
          // a group-stop: report it and keep the tracee stopped until SIGCONT, as untraced
          t.groupStopped = true;
          if (!t.hidden) this.sink.event({ type: 'stopped', pid, sig, name: signame(sig), time: now(), ...this.where(t) });
          this.resume(pid, PTRACE.LISTEN, 0);
          return;
        }
        // the first stop of an attached tracee: a syscall it was in names a later restart_syscall
        if (t.fresh && t.attached) this.grabbedSyscall(t);
        t.fresh = false;
        t.groupStopped = false;
        this.resume(pid, this.next(t), 0);
        return;
      case PTRACE_EVENT.SECCOMP: {
        // a traced syscall is starting (seccomp stop): its entry; PTRACE_SYSCALL then shows its exit.
        // The first one of the launcher's child shows that its filter is in place.
        if (t.hidden) t.seccomp = this.seccompActive = true;
        const n = this.vanished(t, this.syscallInfo(pid, this.info, SYSCALL_INFO_OP.SECCOMP), SYSCALL_INFO_OP.SECCOMP);
        this.holding = !this.opt.eagerFlush;
        try {
          // (already entered when PTRACE_SYSCALL stopped it at the entry, after another personality's call)
          if (n >= 0 && this.info[0] === 3 && !t.inSyscall) this.entry(t, this.info);
          // killed at the stop: as at a syscall-entry stop, `???(`
          else if ((n < 0 || this.info[0] === 0) && !t.inSyscall) this.unavailableEntry(t);
        } finally {
          this.holding = false;
        }
        this.resumeAfterCall(t, PTRACE.SYSCALL);
        this.release();
        return;
      }
      case PTRACE_EVENT.EXIT:
        // the process is exiting: a syscall in progress will never return (`= ?`)
        if (t.inSyscall) this.endWithoutResult(t, t.needsExit ? { unfinished: true } : {});
        this.resume(pid, PTRACE.SYSCALL, 0);
        return;
      case PTRACE_EVENT.EXEC: {
        ptraceIntoBuf(PTRACE.GETEVENTMSG, pid, 0, this.msg);
        const old = Number(this.msg.readBigUInt64LE(0));
        if (old !== pid) this.superseded(t, old);
        const cur = this.tcbs.get(pid) ?? t;
        if (this.opt.detachOnExec) {
          // strace's -b execve: the execve line stays unfinished (` <detached ...>`)
          if (cur.execOwn) cur.execOwn = false;
          else return this.detach(cur, true);
        }
        this.resume(pid, this.next(cur), 0);
        return;
      }
      default:
        this.resume(pid, this.next(t), 0);
    }
  }

  /**
   * A non-leader thread `old` called execve: the kernel gave it the leader's pid. The leader's own
   * state is dropped and the exec'ing thread's state continues under `pid`.
   */
  private superseded(leader: Tcb, old: number): void {
    const th = this.tcbs.get(old);
    if (!th) return;
    this.tcbs.delete(old);
    th.pid = leader.pid;
    th.ctx.pid = leader.pid;
    this.tcbs.set(leader.pid, th);
    this.sink.event({ type: 'superseded', pid: leader.pid, oldPid: old, time: now() });
  }

  /** -n/-i: the last syscall number, and (with -i) the current instruction pointer. */
  private where(t: Tcb, fetchIp = true): Where {
    const w: Where = t.scno !== undefined ? { scno: t.scno } : {};
    if (t.comm) w.comm = t.comm;
    if (this.opt.wantIp && fetchIp) {
      const b = Buffer.from(new ArrayBuffer(88));
      if (this.syscallInfo(t.pid, b, SYSCALL_INFO_OP.ENTRY) >= 24) w.ip = b.readBigUInt64LE(8);
    }
    return w;
  }

  /** What -P needs to read from a tracee. */
  private pathSource(pid: number): PathSource {
    this.mem.setPid(pid);
    const mem = this.mem;
    return {
      path: (a) => {
        const r = a ? mem.readString(a, PATH_MAX + 1) : null;
        return r && r.nul ? Buffer.from(r.b).toString('latin1') : undefined;
      },
      fd: (fd) => {
        if (fd < 0) return undefined;
        const b = readlinkBytes(`/proc/${pid}/fd/${fd}`);
        return b ? Buffer.from(b).toString('latin1') : undefined;
      },
      pollFds: (a, n) => {
        const all = n > 0 ? mem.read(a, n * 8) : null;
        const fdAt = (b: Uint8Array, off: number): number => new DataView(b.buffer, b.byteOffset).getInt32(off, true);
        if (all) return Array.from({ length: n }, (_, i) => fdAt(all, i * 8));
        // strace reads one pollfd at a time and stops at the first it cannot read
        const fds: number[] = [];
        for (let i = 0; i < n; i++) {
          const b = mem.read(a + BigInt(i * 8), 8);
          if (!b) break;
          fds.push(fdAt(b, 0));
        }
        return fds;
      },
      setFds: (a, nfds) => {
        const b = mem.read(a, (((nfds + 7) >> 3) + 7) & -8);
        if (!b) return [];
        const fds: number[] = [];
        for (let j = 0; j < nfds; j++) if ((b[j >> 3]! >> (j & 7)) & 1) fds.push(j);
        return fds;
      },
    };
  }

  /**
   * strace's startup_tcb for an attached tracee: the syscall number PTRACE_GET_SYSCALL_INFO gives at
   * this (non-syscall) stop names a later `restart_syscall(<... resuming interrupted NAME ...>)`.
   * The kernel fills only the header then, so the number is what the shared buffer last held (0, so
   * `read`, on a fresh attach), exactly as strace sees it.
   */
  private grabbedSyscall(t: Tcb): void {
    if (this.syscallInfo(t.pid, this.info, SYSCALL_INFO_OP.ENTRY) < 0) return;
    const nr = this.info.readBigUInt64LE(24);
    const row = nr < BigInt(t.table.rows.length) ? t.table.rows[Number(nr)] : undefined;
    t.ctx.prev = row ? row.name : `syscall_0x${nr.toString(16)}`;
  }

  /**
   * PTRACE_GET_SYSCALL_INFO, or where it does not work strace's legacy path: the same read from the
   * registers, as `op` (entry or exit as this tracee's stops alternate).
   */
  private syscallInfo(pid: number, buf: Buffer, op: number): number {
    const n = ptraceIntoBuf(PTRACE.GET_SYSCALL_INFO, pid, 88, buf);
    return n < 0 && n !== -ESRCH ? (this.regsInfo ??= new RegsInfo()).fill(pid, op, buf) : n;
  }

  /**
   * Test-only (SYSRAY_TEST_FAULTS=NAME:vanish): the tracee is killed at NAME's entry stop before its
   * syscall info is read, so that info's read fails as in the race; `n` is that read's result.
   */
  private vanished(t: Tcb, n: number, op: number): number {
    if (this.faults === undefined || n < 0 || op === SYSCALL_INFO_OP.EXIT) return n;
    if (!this.faults.get(t.table.rows[this.info.readUInt32LE(24)]?.name ?? '')?.has('vanish')) return n;
    kill(t.pid, 9);
    // the kill wakes the stopped tracee: from then on its stop cannot be read (ESRCH while it runs,
    // no syscall once it has stopped again on its way out)
    while (n >= 0 && this.info[0] !== 0) n = this.syscallInfo(t.pid, this.info, op);
    return n;
  }

  /** The command's first execve returned: on failure, say so as strace does and hide the shim again. */
  private execDone(t: Tcb, err: number): void {
    t.checkExec = false;
    if (!err) return;
    t.hidden = true;
    this.say(`exec: ${errnoMessage(err)}`, 'exec');
  }

  /**
   * PTRACE_SYSCALL, or PTRACE_CONT between syscalls of a tracee under the seccomp filter; but after
   * a call of another personality the next call must stop, as strace sees it switch back.
   */
  private next(t: Tcb): number {
    return t.seccomp && !t.inSyscall && (t.table === NATIVE || this.opt.seccompAsked === true) ? PTRACE.CONT : PTRACE.SYSCALL;
  }

  private resume(pid: number, req: number, sig: number): void {
    const r = ptrace(req, pid, 0, sig);
    if (r < 0 && -r !== ESRCH) this.say(`ptrace: ${errnoMessage(-r)}`, 'error');
  }

  private syscallStop(t: Tcb): void {
    const pid = t.pid;
    t.fresh = false;
    if (t.inSyscall && t.filtered && !t.seccomp && !t.hidden && !t.bindExit && !t.checkExec && !t.comm && !this.stacks && !(this.kvm && factsFor(t.table.rows[t.ctx.nr]).mapsChange)) {
      // the exit of a call not shown: nothing of it is needed (strace skips get_regs there too)
      t.inSyscall = false;
      this.resume(pid, PTRACE.SYSCALL, 0);
      return;
    }
    const info = this.info;
    const op = t.inSyscall ? SYSCALL_INFO_OP.EXIT : SYSCALL_INFO_OP.ENTRY;
    const n = this.vanished(t, this.syscallInfo(pid, info, op), op);
    // output shared with the tracee (eagerFlush) is written before it runs on, as strace's is
    this.holding = !this.opt.eagerFlush;
    try {
      // an entry stop whose info says no syscall (0) is one the tracee has left, killed, and stopped
      // again on its way out: its syscall cannot be read, as when the read fails
      if (n >= 0 && (info[0] !== 0 || t.inSyscall)) {
        if (info[0] === 1) {
          if (t.seccomp && t.inSyscall) {
            // the entry stop of a syscall already seen at its seccomp stop
          } else this.entry(t, info);
        } else if (info[0] === 2) this.exit(t, info);
      } else if (!t.inSyscall) this.unavailableEntry(t);
      // an exit whose result could not be read (killed at the stop): `= ? <unavailable>`
      else this.endWithoutResult(t, { unavailable: true });
    } finally {
      this.holding = false;
    }
    this.resumeAfterCall(t, this.next(t));
    this.release();
  }

  /** Resume a tracee after its syscall stop, with inject's signal, or hold it for inject's delay. */
  private resumeAfterCall(t: Tcb, req: number): void {
    const sig = this.takeInjectSig(t);
    if (t.holdNs === undefined) return this.resume(t.pid, req, sig);
    (this.delays ??= new Delays()).hold(t.pid, t.holdNs, req, sig);
    t.holdNs = undefined;
  }

  /**
   * A syscall's event: held until the tracee is resumed when `holding`, else passed on now; `now`
   * when an array of it is still to be read (an ArrayTail), before the tracee runs on.
   */
  private report(ev: Event, now: boolean): void {
    if (now) this.release();
    if (this.holding && !now) {
      this.release();
      this.held = ev;
    } else this.sink.event(ev);
  }

  /** Pass on the held event, if any. */
  private release(): void {
    const ev = this.held;
    if (ev === undefined) return;
    this.held = undefined;
    this.sink.event(ev);
  }

  /**
   * A syscall entry whose number could not be read (the tracee was killed at the stop): strace's
   * get_scno fails and prints `???(` whatever the filter; the death ends it with `= ?`.
   */
  private unavailableEntry(t: Tcb): void {
    if (t.hidden || this.opt.summaryOnly) return;
    const c = t.ctx;
    c.nr = t.scno = -1;
    c.name = '???';
    c.state = {};
    t.inSyscall = true;
    t.filtered = false;
    t.dec = unknownDecoder;
    t.entryArgs = NO_VALUES;
    t.entryTime = now();
    t.needsExit = false;
    t.stack = undefined;
    const ev: SyscallEntryEvent = { type: 'syscall_entry', pid: t.pid, nr: -1, name: '???', args: NO_VALUES, complete: true, time: t.entryTime, scno: -1 };
    if (t.comm) ev.comm = t.comm;
    this.report(ev, false);
  }

  /** The call in progress ends with no result to print (`= ?`, or `= ? <unavailable>`); a shown one says so. */
  private endWithoutResult(t: Tcb, how: { unfinished?: true; unavailable?: true; died?: true }): void {
    t.inSyscall = false;
    if (t.filtered) return;
    this.sink.event({
      type: 'syscall', pid: t.pid, nr: t.ctx.nr, name: t.ctx.name, args: t.entryArgs, scno: t.ctx.nr,
      ...(t.ip !== undefined && this.opt.wantIp ? { ip: t.ip } : {}),
      ...(t.comm ? { comm: t.comm } : {}),
      entryArgs: t.entryArgs.length, time: t.entryTime, duration: now() - t.entryTime, ...how,
      ...(t.stack ? { stack: t.stack } : {}),
    });
  }

  private entry(t: Tcb, info: Buffer): void {
    const arch = info.readUInt32LE(4);
    if (arch !== t.table.auditArch) this.switchTable(t, arch);
    const w = info === this.info ? this.words : new BigUint64Array(info.buffer, info.byteOffset, 11);
    // a number with its high half clear (all but a raw syscall(-1)) is read without a BigInt
    const nr = info.readUInt32LE(28) === 0 ? info.readUInt32LE(24) : Number(w[3]!);
    const c = t.ctx;
    c.nr = nr;
    t.scno = nr;
    if (this.opt.wantIp) t.ip = w[1];
    const a = c.args;
    a[0] = w[4]!;
    a[1] = w[5]!;
    a[2] = w[6]!;
    a[3] = w[7]!;
    a[4] = w[8]!;
    a[5] = w[9]!;
    c.rval = 0n;
    c.err = 0;
    c.state = {};
    t.inSyscall = true;
    const row = t.table.rows[nr];
    // (a number beyond 2^53, such as -1, is named from its exact 64 bits)
    let name = row ? row.name : syscallName(t.table, w[3]!);
    c.name = name;
    if (this.bound !== undefined) {
      this.mem.setPid(t.pid);
      t.bindExit = this.bound.entry(t.pid, name, c.args, this.mem);
    }
    // -d: strace's get_scno names each number it has no entry for, traced or not
    if (this.opt.debug && (!row || ((t.qual?.[nr] ?? 0) & 8) !== 0)) this.opt.debug(`pid ${t.pid} invalid syscall 0x${w[3]!.toString(16)}`);
    if (t.hidden) {
      if (name === 'execve' || name === 'execveat') {
        t.hidden = false;
        t.checkExec = true;
      } else {
        t.filtered = true;
        return;
      }
    }
    const traced = t.traced;
    if (traced && nr < traced.length && traced[nr] === 0) {
      t.filtered = true;
      return;
    }
    if (this.opt.paths && (!row || !pathMatch(row, c.args, this.opt.paths, this.pathSource(t.pid)))) {
      t.filtered = true;
      return;
    }
    t.filtered = false;
    // strace never tampers with the command's own first execve (its log is still hidden then)
    if (this.opt.inject && !t.checkExec) this.tamper(t, nr, row?.nargs ?? 6);
    this.mem.setPid(t.pid);
    const q = t.qual && nr < t.qual.length ? t.qual[nr]! : 0;
    if (q & 8) c.name = name = unknownSyscallName(nr);
    c.opt = q & 6 ? (this.optVariants[(q & 6) >> 1] ??= { ...this.opt, abbrev: (q & 2) === 0, verbose: (q & 4) === 0 }) : this.opt;
    const decs = (t.decoders ??= this.decodersFor(t.table));
    let dec = q & 1 ? rawDecoder(q & 8 ? 6 : row?.nargs ?? 6) : (decs[nr] ??= this.loadDecoder(t.table, nr));
    let args: Value[], complete: boolean;
    try {
      if (this.opt.summaryOnly) {
        args = NO_VALUES;
        complete = true;
      } else {
        args = this.fds ? annotateFds(this.fds, this.procOf(t), dec.entry(c)) : dec.entry(c);
        complete = !dec.exit || (dec.needsExit !== undefined && !dec.needsExit(c));
      }
    } catch (e) {
      // a decoder's failure costs its line the decoding, never the trace: the call prints raw
      const warning = this.undecoded(name, e);
      if (warning) this.say(warning, 'error');
      dec = undecodedCall(row?.nargs ?? 6);
      args = dec.entry(c);
      complete = true;
    }
    t.dec = dec;
    t.entryArgs = args;
    t.entryTime = now();
    if (this.opt.wantCpu) t.stime = stimeNs();
    t.needsExit = !complete;
    // -k: a call that may not return where it was made keeps its stack from here (the command's own
    // first execve aside: strace shows the new program's stack for it)
    t.stack = this.stacks && !t.checkExec && factsFor(row).stackAtEntry ? this.stacks.take(t.pid, this.mem, true) : undefined;
    // an entry that printed every argument is whole for the text (no `, ` after it), whatever its
    // decoder still does at exit
    const whole = complete || args.length >= (q & 8 ? 6 : row?.nargs ?? 6);
    const ev: SyscallEntryEvent = { type: 'syscall_entry', pid: t.pid, nr, name, args, complete: whole, time: t.entryTime, scno: nr };
    if (this.opt.wantIp) ev.ip = t.ip;
    if (t.comm) ev.comm = t.comm;
    this.report(ev, c.state.streamed === true);
  }

  /** The tracee's syscall came in another personality (i386's `int $0x80`): its table from now on. */
  private switchTable(t: Tcb, arch: number): void {
    const tb = tableForAudit(arch);
    if (!tb) return;
    t.table = tb;
    t.decoders = undefined;
    this.report({ type: 'personality', pid: t.pid, mode: tb.mode, time: now() }, false);
    // a filter made without this personality's tables traces none of its calls
    const q = tb === NATIVE ? this.opt : this.opt.compat?.(tb.auditArch) ?? (this.opt.traced ? { traced: new Uint8Array(tb.rows.length) } : undefined);
    t.traced = q?.traced;
    t.qual = q?.qual;
  }

  /**
   * -e inject= at a shown syscall's entry (strace's tamper_with_syscall_entering): count it, and
   * when the rule says so, tamper with it (inject.ts); its signal and delay wait for the resume.
   */
  private tamper(t: Tcb, nr: number, nargs: number): void {
    const c = t.ctx;
    const r = tamperEntry((t.inj ??= { counts: new Map() }), this.opt.inject!, { pid: t.pid, nr, name: c.name, nargs, args: c.args }, (m) => this.say(m, 'error'));
    if (r.sig) t.injectSig = r.sig;
    if (r.hold) t.holdNs = r.hold;
  }

  /** The signal inject= queued for this tracee's syscall entry, taken (0 if none). */
  private takeInjectSig(t: Tcb): number {
    const sig = t.injectSig ?? 0;
    t.injectSig = undefined;
    return sig;
  }

  private exit(t: Tcb, info: Buffer): void {
    if (!t.inSyscall) return;
    t.inSyscall = false;
    let rval = this.swords[3]!;
    let isErr = info[32] !== 0;
    let injected = false;
    const tampering = t.inj?.now;
    if (tampering) {
      t.inj!.now = undefined;
      const c = t.ctx;
      const r = tamperExit(tampering, { pid: t.pid, nr: c.nr, name: c.name, nargs: t.table.rows[c.nr]?.nargs ?? 6, args: c.args }, rval, isErr, (m) => this.say(m, 'error'));
      ({ rval, isErr, injected } = r);
      if (r.hold) t.holdNs = r.hold;
    }
    // what a CPU-bound task is told of its CPU set is the set it was given, decoded as such
    if (t.bindExit) {
      this.bound?.exit(t.pid, t.bindExit, t.ctx.args, rval, isErr);
      t.bindExit = AT_EXIT_NOTHING;
    }
    // -Y: strace reloads the name after a successful exec or PR_SET_NAME, before printing the result
    // what the registry says of the call, looked up only by the options that use it (the hot path)
    const facts = t.ctx.pidNotes || this.opt.dumpRead || this.opt.dumpWrite || this.stacks || this.kvm ? factsFor(t.table.rows[t.ctx.nr]) : NO_FACTS;
    if (this.stacks && facts.mapsChange) this.stacks.unwinder.mapsChanged();
    if (this.kvm && facts.mapsChange) this.kvm.mapsChanged();
    if (t.comm && info[32] === 0 && holds(facts.commChange, t.ctx.args)) t.comm = loadComm(this.procOf(t));
    if (t.filtered) {
      // the shim's seccomp() succeeded: from now on only traced syscalls stop this tracee
      if (t.hidden && this.opt.seccomp && t.ctx.name === 'seccomp' && rval === 0n) t.seccomp = this.seccompActive = true;
      // the first execve, filtered out (-e trace=…): its result is checked here, not at the next call
      if (t.checkExec) this.execDone(t, isErr ? Number(-rval) : 0);
      return;
    }
    const c = t.ctx;
    c.rval = rval;
    c.err = isErr ? Number(-rval) : 0;
    this.mem.setPid(t.pid);
    const dec = t.dec!;
    let rest: Value[] | undefined, ri: RetInfo | undefined, fdRet: Value | undefined, dumps: Dump[] | undefined;
    let warning: string | undefined;
    try {
      // decoders see c.err: on failure, output arguments print as their addresses, as strace does
      rest = t.needsExit ? dec.exit!(c) : NO_VALUES;
      ri = dec.ret ? dec.ret(c) : DECIMAL;
      if (this.fds && !this.opt.summaryOnly) {
        rest = annotateFds(this.fds, this.procOf(t), rest);
        if (ri.fmt === 'fd' && !c.err && rval >= 0n && rval <= 0x7fffffffn) fdRet = this.fds.fd(this.procOf(t), { k: 'fd', fd: Number(rval) });
      }
      if ((this.opt.dumpRead || this.opt.dumpWrite) && facts.dump && !this.opt.summaryOnly) dumps = this.dumps(t, facts.dump);
    } catch (e) {
      // what the exit part would have printed prints raw: the arguments the entry did not print
      // (the warning waits for the line's end)
      warning = this.undecoded(c.name, e);
      rest ??= t.needsExit ? c.args.slice(t.entryArgs.length, t.table.rows[c.nr]?.nargs ?? 6).map(hexv) : [];
      ri ??= DECIMAL;
    }
    if (this.faults?.get(c.name)?.has('crash')) throw planted(c.name, 'crash');
    c.prev = c.name;
    const args = rest.length ? t.entryArgs.concat(rest) : t.entryArgs;
    const time = now();
    // optional fields are set only when present (the hot path allocates one object per event)
    const ret: Ret = { rval, errno: ri.errno ?? c.err, fmt: ri.fmt };
    if (ri.aux) ret.aux = ri.aux;
    if (injected) ret.injected = true;
    if (tampering?.poked) ret.poked = true;
    if (tampering?.delayed) ret.delayed = true;
    if (c.pidNotes) {
      const notes = resultNotes(c, facts);
      const name = ri.comm ?? notes?.comm;
      if (name) ret.comm = name;
      if (notes?.nsPid) ret.nsPid = notes.nsPid;
    }
    if (fdRet && fdRet.k === 'fd' && (fdRet.path || fdRet.detail)) {
      ret.fd = fdRet;
      if (fdRet.path) ret.path = fdRet.path;
    }
    const ev: SyscallEvent = {
      type: 'syscall', pid: t.pid, nr: c.nr, name: c.name, args, entryArgs: t.entryArgs.length, scno: c.nr,
      ret, time: t.entryTime, duration: time - t.entryTime,
    };
    if (this.opt.wantIp) ev.ip = BigInt.asUintN(64, info.readBigUInt64LE(8));
    if (t.comm) ev.comm = t.comm;
    if (dumps?.length) ev.dumps = dumps;
    if (this.stacks) {
      ev.stack = t.stack ?? this.stacks.take(t.pid, this.mem);
      t.stack = undefined;
    }
    if (this.opt.wantCpu && t.stime !== undefined) ev.cpu = stimeNs() - t.stime;
    this.report(ev, t.ctx.state.streamed === true);
    if (warning) this.say(warning, 'error');
    if (t.checkExec) this.execDone(t, c.err);
  }

  /** The data a read/write-like call moved, for -e read=/write= (strace's dumpio). */
  private dumps(t: Tcb, role: DumpRole): Dump[] | undefined {
    const c = t.ctx;
    const fd = Number(BigInt.asIntN(32, c.args[0]!));
    if (fd < 0) return undefined;
    // strace's dumpstr reads 64 KiB at a time: the chunks before an unreadable one print, then a note
    const bytesAt = (addr: bigint, len: bigint): Pick<Dump, 'bytes' | 'unread'> => {
      const n = Number(len > DUMP_MAX ? DUMP_MAX : len);
      const whole = c.mem.read(addr, n);
      if (whole || n <= DUMP_CHUNK) return { bytes: whole };
      const parts: Uint8Array[] = [];
      for (let i = 0; i < n; i += DUMP_CHUNK) {
        const size = Math.min(n - i, DUMP_CHUNK);
        const b = c.mem.read(addr + BigInt(i), size);
        if (!b) return i ? { bytes: Buffer.concat(parts), unread: { size: BigInt(size), pid: t.pid, addr: addr + BigInt(i) } } : { bytes: null };
        parts.push(b);
      }
      return { bytes: Buffer.concat(parts) };
    };
    const one = (addr: bigint, len: bigint): Dump[] => [{ len, ...(len > 0n ? bytesAt(addr, len) : { bytes: new Uint8Array(0) }) }];
    // strace's dumpiov_upto: buffers in order, cut to `total` bytes (-1: all), up to the first empty one
    const iov = (addr: bigint, n: bigint, total: bigint, out: Dump[] = []): Dump[] => {
      const cnt = Number(n > 1024n ? 1024n : n);
      const vec = c.mem.read(addr, cnt * 16);
      if (!vec) return out;
      const w = new DataView(vec.buffer, vec.byteOffset, vec.byteLength);
      let left = BigInt.asUintN(64, total);
      for (let i = 0; i < cnt; i++) {
        let len = w.getBigUint64(i * 16 + 8, true);
        if (len > left) len = left;
        if (len === 0n) break;
        left -= len;
        out.push({ iov: i, len, ...bytesAt(w.getBigUint64(i * 16, true), len) });
      }
      return out;
    };
    const msghdr = (addr: bigint, total: bigint, out: Dump[] = []): Dump[] => {
      const m = c.mem.read(addr, 56);
      if (!m) return out;
      const w = new DataView(m.buffer, m.byteOffset, m.byteLength);
      return iov(w.getBigUint64(16, true), w.getBigUint64(24, true) & 0xffffffffn, total, out);
    };
    // sendmmsg/recvmmsg: each message the call handled (its result), with a header line
    const mmsghdr = (addr: bigint): Dump[] => {
      const out: Dump[] = [];
      const n = Number(c.rval > 1024n ? 1024n : c.rval);
      for (let i = 0; i < n; i++) {
        const m = c.mem.read(addr + BigInt(i * 64), 64);
        if (!m) break;
        const w = new DataView(m.buffer, m.byteOffset, m.byteLength);
        const iovlen = w.getBigUint64(24, true);
        out.push({ len: 0n, bytes: null, vector: { index: i, buffers: iovlen } });
        iov(w.getBigUint64(16, true), iovlen & 0xffffffffn, BigInt(w.getUint32(56, true)), out);
      }
      return out;
    };
    if (this.opt.dumpWrite?.(fd)) {
      if (role === 'write') return one(c.args[1]!, c.args[2]!);
      if (role === 'writev') return iov(c.args[1]!, c.args[2]!, -1n);
      if (role === 'sendmsg') return msghdr(c.args[1]!, -1n);
      if (role === 'sendmmsg' && !c.err) return mmsghdr(c.args[1]!);
    }
    if (c.err || !this.opt.dumpRead?.(fd)) return undefined;
    if (role === 'read') return one(c.args[1]!, c.rval);
    if (role === 'readv') return iov(c.args[1]!, c.args[2]!, c.rval);
    if (role === 'recvmsg') return msghdr(c.args[1]!, c.rval);
    if (role === 'recvmmsg') return mmsghdr(c.args[1]!);
    return undefined;
  }

  private gone(t: Tcb, status: number): void {
    const pid = t.pid;
    // a call it was stopped in never ends otherwise (killed at a stop: no exit stop came)
    if (t.inSyscall) this.endWithoutResult(t, t.needsExit ? { died: true, unfinished: true } : { died: true });
    const time = now();
    if (WIFEXITED(status)) {
      const code = WEXITSTATUS(status);
      this.sink.event({ type: 'exit', pid, code, time, ...this.where(t, false) });
      if (pid === this.mainPid) this.outcome = { kind: 'exit', code };
    } else {
      const sig = WTERMSIG(status);
      this.sink.event({ type: 'killed', pid, sig, name: signame(sig), core: WCOREDUMP(status), time, ...this.where(t, false) });
      if (pid === this.mainPid) this.outcome = { kind: 'signal', sig };
    }
    this.bound?.leave(pid, false);
    this.tcbs.delete(pid);
    this.delays?.forget(pid);
    this.opt.debug?.(`dropped tcb for pid ${pid}, ${this.tcbs.size} remain`);
    this.stacks?.unwinder.forget(pid);
  }
}

/** -e raw=: every argument and the result in hex, as strace's printargs. */
const rawDecoders = new Map<number, SyscallDecoder>();
function rawDecoder(nargs: number): SyscallDecoder {
  let d = rawDecoders.get(nargs);
  if (!d) {
    d = { ...printargs(nargs), ret: () => ({ fmt: 'x' }) };
    rawDecoders.set(nargs, d);
  }
  return d;
}

/** A call whose decoder failed prints as strace prints one it has no decoder for (printargs). */
const undecodedDecoders = new Map<number, SyscallDecoder>();
function undecodedCall(nargs: number): SyscallDecoder {
  let d = undecodedDecoders.get(nargs);
  if (!d) undecodedDecoders.set(nargs, (d = printargs(nargs)));
  return d;
}

/** A number beyond the table: strace prints all six arguments in hex. */
const unknownDecoder: SyscallDecoder = printargs(6);

