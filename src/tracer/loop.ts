/**
 * The engine: starts or attaches to tracees, runs the waitpid loop on this one thread, decodes each
 * syscall stop and hands events to a sink. The only module that drives processes.
 */
import type { ArchTable } from '../arch/types.js';
import { NATIVE, syscallName, tableForAudit } from '../arch/index.js';
import { decoderTable } from '../decode/index.js';
import type { Ctx, DecodeOptions, SyscallDecoder } from '../decode/types.js';
import type { Value } from '../decode/value.js';
import { errnoMessage } from '../decode/xlat/errno.js';
import { signame } from '../decode/xlat/signals.js';
import { decodeSiginfo } from '../decode/signal.js';
import type { Event } from '../model.js';
import {
  kill, PTRACE, PTRACE_EVENT, PTRACE_O, ptrace, ptraceIntoBuf, W, waitpid,
  WEVENT, WEXITSTATUS, WIFEXITED, WIFSIGNALED, WIFSTOPPED, WSTOPSIG, WTERMSIG, WCOREDUMP,
} from '../sys/ptrace.js';
import { TraceeMemory } from './memory.js';
import { type CallerState, environFor, resolveCommand, spawnStopped } from './spawn.js';

export interface TraceOptions extends DecodeOptions {}

/** Where events go. `idle` is called when no stop is pending (a good moment to flush output). */
export interface Sink {
  event(ev: Event): void;
  idle?(): void;
}

const SIGTRAP = 5, SIGSTOP = 19, SIGCONT = 18, SIGTSTP = 20, SIGTTIN = 21, SIGTTOU = 22;
const SYSCALL_STOP = SIGTRAP | 0x80;
const ESRCH = 3;

/** Per-tracee state. */
interface Tcb {
  pid: number;
  /** Hide syscalls until the first execve (the shim's own calls). */
  hidden: boolean;
  /** The first execve is being watched: if it fails, hide again and report. */
  checkExec: boolean;
  /** A syscall is in progress (entry seen, exit not yet). */
  inSyscall: boolean;
  /** The in-progress syscall was hidden/filtered (nothing printed at entry). */
  filtered: boolean;
  ctx: Ctx;
  dec?: SyscallDecoder;
  entryArgs: Value[];
  entryTime: bigint;
  table: ArchTable;
  decoders: SyscallDecoder[];
}

/** How the traced command ended, for sysray's own exit status. */
export type Outcome = { kind: 'exit'; code: number } | { kind: 'signal'; sig: number };

/** Wall-clock nanoseconds: the epoch offset of the monotonic clock, taken once, plus the monotonic clock. */
const epochOffset = BigInt(Date.now()) * 1000000n - process.hrtime.bigint();
const now = (): bigint => epochOffset + process.hrtime.bigint();

export class Tracer {
  private tcbs = new Map<number, Tcb>();
  private info = Buffer.alloc(88);
  private siginfo = Buffer.alloc(128);
  private mem = new TraceeMemory(0);
  private decodersByTable = new Map<ArchTable, SyscallDecoder[]>();
  private mainPid = 0;
  private outcome: Outcome = { kind: 'exit', code: 0 };

  constructor(private opt: TraceOptions, private sink: Sink, private onMessage: (s: string) => void) {}

  private decodersFor(t: ArchTable): SyscallDecoder[] {
    let d = this.decodersByTable.get(t);
    if (!d) this.decodersByTable.set(t, (d = decoderTable(t)));
    return d;
  }

  private newTcb(pid: number, hidden: boolean): Tcb {
    const t: Tcb = {
      pid, hidden, checkExec: false, inSyscall: false, filtered: false, entryArgs: [], entryTime: 0n,
      table: NATIVE, decoders: this.decodersFor(NATIVE),
      ctx: { pid, nr: 0, name: '', args: [0n, 0n, 0n, 0n, 0n, 0n], mem: this.mem, opt: this.opt, rval: 0n, err: 0, state: {} },
    };
    this.tcbs.set(pid, t);
    return t;
  }

  /** Start `argv` (argv[0] resolved like strace) stopped before exec and seize it. Throws SpawnError. */
  start(argv: string[], env: NodeJS.ProcessEnv, caller: CallerState): number {
    const path = resolveCommand(argv[0]!, env);
    const pid = spawnStopped(path, argv, environFor(env, caller), caller);
    const [w, status] = waitpid(pid, W.UNTRACED);
    if (w !== pid || !WIFSTOPPED(status)) throw new Error(`the exec shim did not stop (status ${status})`);
    const opts = PTRACE_O.TRACESYSGOOD | PTRACE_O.TRACEEXEC | PTRACE_O.EXITKILL;
    const r = ptrace(PTRACE.SEIZE, pid, 0, opts);
    if (r < 0) {
      kill(pid, 9);
      throw new Error(`ptrace(PTRACE_SEIZE, ${pid}): ${errnoMessage(-r)}`);
    }
    this.newTcb(pid, true);
    this.mainPid = pid;
    kill(pid, SIGCONT);
    return pid;
  }

  /** Run until every tracee is gone. Returns how the started command ended. */
  run(): Outcome {
    const idle = this.sink.idle?.bind(this.sink);
    while (this.tcbs.size > 0) {
      let [pid, status] = waitpid(-1, W.ALL | W.NOHANG);
      if (pid === 0) {
        idle?.();
        [pid, status] = waitpid(-1, W.ALL);
      }
      if (pid < 0) {
        if (-pid === 4 /* EINTR */) continue;
        break; // ECHILD: nothing left
      }
      this.handle(pid, status);
    }
    idle?.();
    return this.outcome;
  }

  private handle(pid: number, status: number): void {
    const t = this.tcbs.get(pid);
    if (!t) return;
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
      if (event === PTRACE_EVENT.STOP) {
        if (sig === SIGSTOP || sig === SIGTSTP || sig === SIGTTIN || sig === SIGTTOU) {
          // a group-stop: report it and keep the tracee stopped until SIGCONT, as untraced
          if (!t.hidden) this.sink.event({ type: 'stopped', pid, sig, name: signame(sig), time: now() });
          this.resume(pid, PTRACE.LISTEN, 0);
        } else this.resume(pid, PTRACE.SYSCALL, 0);
        return;
      }
      // exec and other events: nothing to print, carry on
      this.resume(pid, PTRACE.SYSCALL, 0);
      return;
    }
    // signal-delivery-stop
    let info: Value | undefined;
    const r = ptraceIntoBuf(PTRACE.GETSIGINFO, pid, 0, this.siginfo);
    if (r >= 0) info = decodeSiginfo(this.siginfo, t.ctx);
    if (!t.hidden) this.sink.event({ type: 'signal', pid, sig, name: signame(sig), info, time: now() });
    // the shim's own SIGCONT before exec is ours: swallow it
    this.resume(pid, PTRACE.SYSCALL, t.hidden && sig === SIGCONT ? 0 : sig);
  }

  private resume(pid: number, req: number, sig: number): void {
    const r = ptrace(req, pid, 0, sig);
    if (r < 0 && -r !== ESRCH) this.onMessage(`ptrace: ${errnoMessage(-r)}`);
  }

  private syscallStop(t: Tcb): void {
    const pid = t.pid;
    const info = this.info;
    const n = ptraceIntoBuf(PTRACE.GET_SYSCALL_INFO, pid, 88, info);
    if (n < 0) {
      this.resume(pid, PTRACE.SYSCALL, 0);
      return;
    }
    const op = info[0]!;
    if (op === 1) this.entry(t, info);
    else if (op === 2) this.exit(t, info);
    this.resume(pid, PTRACE.SYSCALL, 0);
  }

  private entry(t: Tcb, info: Buffer): void {
    const arch = info.readUInt32LE(4);
    if (arch !== t.table.auditArch) {
      const tb = tableForAudit(arch);
      if (tb) {
        t.table = tb;
        t.decoders = this.decodersFor(tb);
      }
    }
    const nr = Number(info.readBigUInt64LE(24));
    const c = t.ctx;
    c.nr = nr;
    c.args[0] = info.readBigUInt64LE(32);
    c.args[1] = info.readBigUInt64LE(40);
    c.args[2] = info.readBigUInt64LE(48);
    c.args[3] = info.readBigUInt64LE(56);
    c.args[4] = info.readBigUInt64LE(64);
    c.args[5] = info.readBigUInt64LE(72);
    c.rval = 0n;
    c.err = 0;
    c.state = {};
    t.inSyscall = true;
    const row = t.table.rows[nr];
    const name = row ? row.name : syscallName(t.table, nr);
    c.name = name;
    if (t.hidden) {
      if (name === 'execve' || name === 'execveat') {
        t.hidden = false;
        t.checkExec = true;
      } else {
        t.filtered = true;
        return;
      }
    }
    t.filtered = false;
    this.mem.setPid(t.pid);
    const dec = t.decoders[nr] ?? unknownDecoder;
    t.dec = dec;
    const args = dec.entry(c);
    t.entryArgs = args;
    t.entryTime = now();
    this.sink.event({ type: 'syscall_entry', pid: t.pid, nr, name, args, time: t.entryTime });
  }

  private exit(t: Tcb, info: Buffer): void {
    if (!t.inSyscall) return;
    t.inSyscall = false;
    if (t.filtered) return;
    const c = t.ctx;
    const rval = info.readBigInt64LE(24);
    const isErr = info[32] !== 0;
    c.rval = rval;
    c.err = isErr ? Number(-rval) : 0;
    this.mem.setPid(t.pid);
    const dec = t.dec!;
    // decoders see c.err: on failure, output arguments print as their addresses, as strace does
    const rest = dec.exit ? dec.exit(c) : [];
    const ri = dec.ret ? dec.ret(c) : { fmt: 'd' as const };
    const args = rest.length ? t.entryArgs.concat(rest) : t.entryArgs;
    const time = now();
    this.sink.event({
      type: 'syscall', pid: t.pid, nr: c.nr, name: c.name, args, entryArgs: t.entryArgs.length,
      ret: { rval, errno: c.err, fmt: ri.fmt, ...(ri.aux ? { aux: ri.aux } : {}) },
      time: t.entryTime, duration: time - t.entryTime,
    });
    if (t.checkExec) {
      t.checkExec = false;
      if (c.err) {
        t.hidden = true;
        this.onMessage(`exec: ${errnoMessage(c.err)}`);
      }
    }
  }

  private gone(t: Tcb, status: number): void {
    const pid = t.pid;
    const time = now();
    if (WIFEXITED(status)) {
      const code = WEXITSTATUS(status);
      this.sink.event({ type: 'exit', pid, code, time });
      if (pid === this.mainPid) this.outcome = { kind: 'exit', code };
    } else {
      const sig = WTERMSIG(status);
      this.sink.event({ type: 'killed', pid, sig, name: signame(sig), core: WCOREDUMP(status), time });
      if (pid === this.mainPid) this.outcome = { kind: 'signal', sig };
    }
    this.tcbs.delete(pid);
  }
}

/** A number beyond the table: strace prints all six arguments in hex. */
const unknownDecoder: SyscallDecoder = {
  entry: (c) => c.args.map((v) => ({ k: 'int', v, fmt: 'x' }) as Value),
};
