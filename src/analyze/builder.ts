/**
 * The effects model, built one event at a time: a small model of each process's kernel state (fd
 * table, cwd, threads), driven by the events of a trace, recording what the run did to files,
 * sockets and processes. Pure: it reads events only, never the host.
 *
 * Events are written when a syscall returns, so a forked child's first events come before its
 * parent's fork/clone result. Such a child's events wait until that result names its parent (whose
 * fd table and cwd the child copied at that moment), and are then taken in order.
 */
import type { AttachJson, JsonValue, SyscallJson, TraceEvent } from '../api/events.js';
import { syscallLine } from '../replay/events.js';
import { resolvePath } from './paths.js';
import type {
  Effects, ErrorEffects, FdLifecycle, FileEffects, ProcessEffects, SlowCall, SocketEffects,
} from './types.js';
import { address, fieldOf, flagText, n, names, num, text } from './values.js';

/** Files whose reading means a name lookup (the resolver's configuration). */
export const DNS_FILES: ReadonlySet<string> = new Set([
  '/etc/resolv.conf', '/etc/hosts', '/etc/nsswitch.conf', '/etc/host.conf', '/etc/gai.conf',
  '/run/systemd/resolve/resolv.conf', '/run/systemd/resolve/stub-resolv.conf',
]);

/** How many calls each entry keeps to quote, and how many slow calls the model lists. */
const LINES_KEPT = 3;
const SLOWEST_KEPT = 10;
/** A child whose fork result has not come after this many events is taken without a parent. */
const PENDING_LIMIT = 10_000;

/** What an open file description refers to. */
type Target =
  | { kind: 'path'; path: string }
  | { kind: 'socket'; sock: SockAcc }
  | { kind: 'pipe' }
  | { kind: 'other'; what: string };

/** One fd slot of a table: the description it names (shared by dups and forks) and its own life. */
interface Slot { target: Target; cloexec: boolean; life: FdLifecycle }

/** A process's working directory (shared between processes created with CLONE_FS). */
interface Fs { cwd: string | null }

interface FileAcc extends Omit<FileEffects, 'lines'> { evs: SyscallJson[] }
interface SockAcc extends Omit<SocketEffects, 'lines'> { evs: SyscallJson[] }
interface ErrAcc extends Omit<ErrorEffects, 'line'> { ev: SyscallJson }

/** A process as the model follows it: its result's plain fields, and the state that makes them. */
interface Proc extends Pick<ProcessEffects, 'pid' | 'parent' | 'threads' | 'argv' | 'exec' | 'start' | 'end' | 'exit' | 'syscalls'> {
  fs: Fs;
  fds: Map<number, Slot>;
  files: Map<string, FileAcc>;
  sockets: SockAcc[];
  lives: FdLifecycle[];
  errors: Map<string, ErrAcc>;
}

const str = (t: string | number): string => String(t);

function fileAcc(path: string, pid: number): FileAcc {
  return {
    path, pids: [pid], opens: 0, openFlags: [], read: false, written: false, bytesRead: 0, bytesWritten: 0,
    created: false, mayHaveCreated: false, deleted: false, renamedTo: [], renamedFrom: [], metadataChanged: false,
    listed: false, entriesListed: 0, directory: false, executed: false, evs: [],
  };
}

const keep = (evs: SyscallJson[], ev: SyscallJson): void => {
  if (evs.length < LINES_KEPT && evs.at(-1) !== ev) evs.push(ev);
};

const pushNew = <T>(a: T[], x: T): void => {
  if (!a.includes(x)) a.push(x);
};

/** Syscalls that move data from an fd (first argument) into the process, and those that move it out. */
const READS = new Set(['read', 'readv', 'pread64', 'preadv', 'preadv2', 'recvfrom', 'recvmsg', 'recv']);
const WRITES = new Set(['write', 'writev', 'pwrite64', 'pwritev', 'pwritev2', 'sendto', 'sendmsg', 'send']);
/** Syscalls that change a file's metadata: by path (after an optional dirfd) or by fd. */
const META_PATH = new Set(['chmod', 'chown', 'lchown', 'utime', 'utimes', 'setxattr', 'lsetxattr', 'removexattr', 'lremovexattr']);
const META_AT = new Set(['fchmodat', 'fchmodat2', 'fchownat', 'utimensat', 'futimesat']);
const META_FD = new Set(['fchmod', 'fchown', 'fsetxattr', 'fremovexattr']);

export class EffectsBuilder {
  /** Every process, in order of appearance (a pid the kernel reused is a new one). */
  private procs: Proc[] = [];
  /** Every live pid and tid, to its process. */
  private byTid = new Map<number, Proc>();
  /** Children taken without a parent (their fork result had not come), by pid, until it comes. */
  private orphans = new Map<number, Proc>();
  /** Children seen before their parent's fork result, with their events so far. */
  private pending = new Map<number, TraceEvent[]>();
  /** Paths the trace showed absent (ENOENT, unlink, rename away): creating one later is certain. */
  private absent = new Set<string>();
  private fileOrder = new Map<string, number>();
  private sockOrder: SockAcc[] = [];
  private dns: string[] = [];
  private slow: SyscallJson[] = [];
  private notes = new Set<string>();

  add(ev: TraceEvent): void {
    const buf = this.pending.get(ev.pid);
    if (buf) {
      buf.push(ev);
      if (buf.length > PENDING_LIMIT) this.orphan(ev.pid);
      return;
    }
    if (ev.type === 'attach' && ev.how === 'child' && !this.byTid.has(ev.pid)) {
      this.pending.set(ev.pid, [ev]);
      return;
    }
    this.take(ev);
  }

  /** The model so far. Children still waiting for their fork result are taken without a parent. */
  result(): Effects {
    for (const pid of [...this.pending.keys()]) this.orphan(pid);
    const processes = this.procs.map((p) => this.procResult(p));
    const merged = new Map<string, FileEffects>();
    for (const path of this.fileOrder.keys()) {
      for (const p of this.procs) {
        const f = p.files.get(path);
        if (!f) continue;
        const m = merged.get(path);
        if (!m) {
          merged.set(path, fileResult(f));
          continue;
        }
        for (const pid of f.pids) pushNew(m.pids, pid);
        m.opens += f.opens;
        for (const x of f.openFlags) pushNew(m.openFlags, x);
        m.read ||= f.read;
        m.written ||= f.written;
        m.bytesRead += f.bytesRead;
        m.bytesWritten += f.bytesWritten;
        m.created ||= f.created;
        m.mayHaveCreated ||= f.mayHaveCreated;
        m.deleted ||= f.deleted;
        for (const x of f.renamedTo) pushNew(m.renamedTo, x);
        for (const x of f.renamedFrom) pushNew(m.renamedFrom, x);
        m.metadataChanged ||= f.metadataChanged;
        m.listed ||= f.listed;
        m.entriesListed += f.entriesListed;
        m.directory ||= f.directory;
        m.executed ||= f.executed;
        for (const ev of f.evs) if (m.lines.length < LINES_KEPT) m.lines.push(syscallLine(ev));
      }
    }
    const errors = new Map<string, ErrorEffects>();
    for (const p of processes) for (const e of p.errors) {
      const key = `${e.syscall} ${e.errno}`;
      const m = errors.get(key);
      if (!m) errors.set(key, { ...e, pids: [...e.pids] });
      else {
        m.count += e.count;
        m.example ??= e.example;
        for (const pid of e.pids) pushNew(m.pids, pid);
      }
    }
    return {
      processes,
      files: [...merged.values()],
      sockets: this.sockOrder.map(sockResult),
      dnsFiles: [...this.dns],
      errors: [...errors.values()],
      slowest: this.slow.map((ev): SlowCall => ({
        pid: ev.pid, syscall: ev.name, durationNs: n(ev.durationNs), time: str(ev.time), line: syscallLine(ev),
      })),
      incomplete: [...this.notes],
    };
  }

  private procResult(p: Proc): ProcessEffects {
    return {
      pid: p.pid, parent: p.parent, threads: [...p.threads], argv: p.argv && [...p.argv], exec: p.exec.map((e) => ({ ...e })),
      start: p.start, end: p.end, exit: p.exit && { ...p.exit }, cwd: p.fs.cwd, syscalls: p.syscalls,
      files: [...p.files.values()].map(fileResult),
      sockets: p.sockets.map(sockResult),
      fds: p.lives.map((l) => ({ ...l, openAtExit: l.closedBy === null })),
      errors: [...p.errors.values()].map(({ ev, ...e }) => ({ ...e, pids: [...e.pids], line: syscallLine(ev) })),
    };
  }

  /** Take a waiting child's events without knowing its parent. */
  private orphan(pid: number): void {
    const buf = this.pending.get(pid)!;
    this.pending.delete(pid);
    this.notes.add(`process ${pid}: its fork was not in the trace, so its parent, cwd and inherited fds are unknown`);
    this.orphans.set(pid, this.proc(pid, null));
    for (const ev of buf) this.take(ev);
  }

  private proc(pid: number, start: string | null): Proc {
    let p = this.byTid.get(pid);
    if (p) return p;
    p = {
      pid, parent: null, threads: [], argv: null, exec: [], start, end: null, exit: null, fs: { cwd: null },
      fds: new Map(), files: new Map(), sockets: [], lives: [], errors: new Map(), syscalls: 0,
    };
    this.procs.push(p);
    this.byTid.set(pid, p);
    return p;
  }

  private take(ev: TraceEvent): void {
    switch (ev.type) {
      case 'attach': return this.attach(ev);
      case 'syscall': return this.syscall(ev);
      case 'exit':
      case 'killed': {
        const p = this.proc(ev.pid, null);
        // its ids are free for the kernel to give again: a later event with them is someone else
        this.byTid.delete(ev.pid);
        if (p.pid !== ev.pid) return; // a thread ended; its process goes on
        for (const tid of p.threads) if (this.byTid.get(tid) === p) this.byTid.delete(tid);
        p.end = str(ev.time);
        p.exit = ev.type === 'exit' ? { code: ev.code } : { signal: ev.signal, coreDumped: ev.coreDumped };
        return;
      }
      case 'superseded': {
        // a thread's execve: the thread now runs as the leader's pid
        const p = this.byTid.get(ev.oldPid);
        if (p) this.byTid.set(ev.pid, p);
        return;
      }
      default:
        this.proc(ev.pid, null);
    }
  }

  private attach(ev: AttachJson): void {
    const p = this.proc(ev.pid, str(ev.time));
    p.start ??= str(ev.time);
    if (ev.cwd !== undefined) p.fs.cwd = ev.cwd;
    else if (ev.how !== 'child' && p.fs.cwd === null) this.notes.add(`process ${ev.pid}: its cwd is unknown (the trace has no cwd for it), so relative paths stay relative`);
  }

  // ---------------------------------------------------------------- syscalls

  private syscall(ev: SyscallJson): void {
    const p = this.proc(ev.pid, null);
    p.syscalls++;
    this.noteSlow(ev);
    const ok = ev.errno === undefined && ev.ret !== null;
    const ret = n(ev.ret);
    const a = ev.args;
    if (ev.errno !== undefined) this.error(p, ev);
    // every fd argument is a use of that fd: not close's (it ends it), not dup2's target (it makes it),
    // not an fd the call found closed
    if (ev.name !== 'close' && ev.errno !== 'EBADF') {
      const made = ev.name === 'dup2' || ev.name === 'dup3' ? a[1] : undefined;
      for (const v of a) if (v.kind === 'fd' && v.fd >= 0 && v !== made) this.slot(p, v.fd, v).life.uses++;
    }
    const name = ev.name;
    switch (name) {
      case 'open': case 'creat': return this.open(p, ev, undefined, a[0], name === 'creat' ? undefined : a[1]);
      case 'openat': return this.open(p, ev, a[0], a[1], a[2]);
      case 'openat2': return this.open(p, ev, a[0], a[1], fieldOf(a[2], 'flags'));
      case 'close':
        if (ev.errno !== 'EBADF') this.close(p, num(a[0]), 'close', ev);
        return;
      case 'close_range': return ok ? this.closeRange(p, ev) : undefined;
      case 'dup': case 'dup2': case 'dup3':
        if (ok) this.dup(p, num(a[0]), ret, name === 'dup3' && names(a[2]).has('O_CLOEXEC'), name, ev);
        return;
      case 'fcntl': case 'fcntl64': return ok ? this.fcntl(p, ev) : undefined;
      case 'execve': case 'execveat':
        if (ok) this.exec(p, ev);
        else if (ev.errno === 'ENOENT') this.absent.add(this.at(p, name === 'execveat' ? a[0] : undefined, name === 'execveat' ? a[1] : a[0]));
        return;
      case 'clone': case 'clone3': case 'fork': case 'vfork':
        if (ok && ret > 0) this.fork(p, ev, ret);
        return;
      case 'chdir':
        if (ok) p.fs.cwd = this.at(p, undefined, a[0]);
        return;
      case 'chroot':
        if (ok) this.notes.add(`process ${p.pid}: chroot to ${this.at(p, undefined, a[0])}; its later absolute paths are inside it`);
        return;
      case 'fchdir':
        if (ok) {
          const t = this.slot(p, num(a[0]), a[0]).target;
          p.fs.cwd = t.kind === 'path' ? t.path : null;
          if (t.kind !== 'path') this.notes.add(`process ${p.pid}: fchdir to an fd the trace did not see opened, so its cwd is unknown`);
        }
        return;
      case 'mkdir': case 'mkdirat': case 'rmdir': {
        const path = name === 'mkdirat' ? this.at(p, a[0], a[1]) : this.at(p, undefined, a[0]);
        if (!ok) return this.missing(ev, path);
        const f = this.file(p, path, ev);
        f.directory = true;
        if (name === 'rmdir') this.remove(f);
        else this.create(f);
        return;
      }
      case 'unlink': case 'unlinkat': {
        const path = name === 'unlinkat' ? this.at(p, a[0], a[1]) : this.at(p, undefined, a[0]);
        if (!ok) return this.missing(ev, path);
        const f = this.file(p, path, ev);
        if (names(a[2]).has('AT_REMOVEDIR')) f.directory = true;
        this.remove(f);
        return;
      }
      case 'rename': case 'renameat': case 'renameat2': {
        const [from, to] = name === 'rename'
          ? [this.at(p, undefined, a[0]), this.at(p, undefined, a[1])]
          : [this.at(p, a[0], a[1]), this.at(p, a[2], a[3])];
        if (!ok) return this.missing(ev, from);
        const f = this.file(p, from, ev);
        const t = this.file(p, to, ev);
        pushNew(f.renamedTo, to);
        pushNew(t.renamedFrom, from);
        if (names(a[4]).has('RENAME_EXCHANGE')) {
          pushNew(f.renamedFrom, to);
          pushNew(t.renamedTo, from);
        } else {
          this.absent.add(from);
          this.absent.delete(to);
        }
        return;
      }
      case 'link': case 'linkat': case 'symlink': case 'symlinkat': case 'mknod': case 'mknodat': {
        const path = name === 'link' ? this.at(p, undefined, a[1]) : name === 'linkat' ? this.at(p, a[2], a[3])
          : name === 'symlink' ? this.at(p, undefined, a[1]) : name === 'symlinkat' ? this.at(p, a[1], a[2])
            : name === 'mknodat' ? this.at(p, a[0], a[1]) : this.at(p, undefined, a[0]);
        if (ok) this.create(this.file(p, path, ev));
        return;
      }
      case 'truncate': case 'ftruncate': {
        const f = name === 'truncate' ? this.file(p, this.at(p, undefined, a[0]), ev) : this.fdFile(p, a[0], ev);
        if (ok && f) f.written = true;
        return;
      }
      case 'getdents': case 'getdents64': {
        const f = this.fdFile(p, a[0], ev);
        if (ok && f) {
          f.listed = f.directory = true;
          const m = /^(\d+) entr/.exec(a[1]?.note ?? '');
          if (m) f.entriesListed += Number(m[1]);
        }
        return;
      }
      case 'socket': {
        if (!ok) return;
        const fam = a[0]?.kind === 'const' ? a[0].name : String(num(a[0]));
        const typeNames = [...names(a[1])];
        const type = typeNames.find((x) => x.startsWith('SOCK_') && x !== 'SOCK_CLOEXEC' && x !== 'SOCK_NONBLOCK') ?? String(num(a[1]));
        const s = this.newSocket(p, ret, fam, type, a[2]?.kind === 'const' ? a[2].name : undefined, ev);
        this.openFd(p, ret, { kind: 'socket', sock: s }, typeNames.includes('SOCK_CLOEXEC'), name, ev);
        return;
      }
      case 'socketpair': case 'pipe': case 'pipe2': {
        if (!ok) return;
        const pair = a[name === 'socketpair' ? 3 : 0];
        const fds = pair?.kind === 'array' ? pair.items.map(num) : [];
        const flags = names(a[name === 'socketpair' ? 1 : 1]);
        const cloexec = flags.has('SOCK_CLOEXEC') || flags.has('O_CLOEXEC');
        for (const fd of fds) {
          if (Number.isNaN(fd)) continue;
          const target: Target = name === 'socketpair'
            ? { kind: 'socket', sock: this.newSocket(p, fd, a[0]?.kind === 'const' ? a[0].name : '?', [...flags].find((x) => x.startsWith('SOCK_') && x !== 'SOCK_CLOEXEC' && x !== 'SOCK_NONBLOCK') ?? '?', undefined, ev) }
            : { kind: 'pipe' };
          this.openFd(p, fd, target, cloexec, name, ev);
        }
        return;
      }
      case 'bind': case 'connect': case 'getsockname': case 'getpeername': {
        const s = this.sock(p, a[0]);
        if (!s) return;
        keep(s.evs, ev);
        const addr = address(a[1]);
        if (name === 'connect') {
          pushNew(s.ops, 'connect');
          if (addr) s.remote = addr.addr;
          if (!ok && ev.errno !== 'EINPROGRESS') s.connectError = String(ev.errno);
          return;
        }
        if (!ok || !addr) return;
        if (name === 'bind') pushNew(s.ops, 'bind');
        if (name === 'getpeername') s.remote = addr.addr;
        else s.local = addr.addr;
        return;
      }
      case 'listen': {
        const s = this.sock(p, a[0]);
        if (s && ok) {
          pushNew(s.ops, 'listen');
          keep(s.evs, ev);
        }
        return;
      }
      case 'accept': case 'accept4': {
        if (!ok) return;
        const l = this.sock(p, a[0]);
        if (l) {
          pushNew(l.ops, 'accept');
          keep(l.evs, ev);
        }
        const s = this.newSocket(p, ret, l?.family ?? '?', l?.type ?? '?', l?.protocol, ev);
        s.ops.push('accepted');
        s.local = l?.local;
        const addr = address(a[1]);
        if (addr) s.remote = addr.addr;
        this.openFd(p, ret, { kind: 'socket', sock: s }, names(a[3]).has('SOCK_CLOEXEC'), name, ev);
        return;
      }
      case 'sendfile': case 'sendfile64': case 'copy_file_range': case 'splice': {
        if (!ok) return;
        const [from, to] = name.startsWith('sendfile') ? [a[1], a[0]] : [a[0], a[2]];
        this.moved(p, from, ret, 'in', ev);
        this.moved(p, to, ret, 'out', ev);
        return;
      }
      case 'sendmmsg': case 'recvmmsg': {
        // the messages' lengths and addresses are there only when decoded verbosely (-v)
        const v = a[1];
        if (!ok || v?.kind !== 'array') return;
        let bytes = 0;
        for (const m of v.items) {
          bytes += num(fieldOf(m, 'msg_len')) || 0;
          const addr = address(fieldOf(fieldOf(m, 'msg_hdr'), 'msg_name'));
          const s = this.sock(p, a[0]);
          if (addr && s) pushNew(s.peers, addr.addr);
        }
        this.moved(p, a[0], bytes, name === 'recvmmsg' ? 'in' : 'out', ev);
        return;
      }
      default:
        break;
    }
    if (READS.has(name) || WRITES.has(name)) {
      const dir = READS.has(name) ? 'in' : 'out';
      if (ok) this.moved(p, a[0], ret, dir, ev);
      const s = this.sock(p, a[0]);
      if (s) {
        // a datagram's address: sendto/recvfrom's fifth argument, a msghdr's msg_name
        const addr = address(name === 'sendmsg' || name === 'recvmsg' ? fieldOf(a[1], 'msg_name') : a[4]);
        if (addr && ok) pushNew(s.peers, addr.addr);
      }
      return;
    }
    if (META_PATH.has(name) || META_AT.has(name) || META_FD.has(name)) {
      const f = META_FD.has(name) ? this.fdFile(p, a[0], ev)
        : META_AT.has(name) && (a[1]?.kind === 'string') ? this.file(p, this.at(p, a[0], a[1]), ev)
          : META_AT.has(name) ? this.fdFile(p, a[0], ev) : this.file(p, this.at(p, undefined, a[0]), ev);
      if (f && ok) f.metadataChanged = true;
      return;
    }
    // any other call returning a new fd (epoll_create1, eventfd2, memfd_create, pidfd_open…)
    if (ok && ev.retFormat === 'fd' && ret >= 0) {
      const what = name === 'memfd_create' ? `memfd:${text(a[0]) ?? ''}` : name;
      this.openFd(p, ret, { kind: 'other', what }, names(a.at(-1)).has('O_CLOEXEC') || [...names(a.at(-1))].some((x) => x.endsWith('_CLOEXEC')), name, ev);
    }
  }

  // ---------------------------------------------------------------- helpers

  private noteSlow(ev: SyscallJson): void {
    const d = n(ev.durationNs);
    const s = this.slow;
    if (s.length >= SLOWEST_KEPT && d <= n(s.at(-1)!.durationNs)) return;
    let i = s.length;
    while (i > 0 && n(s[i - 1]!.durationNs) < d) i--;
    s.splice(i, 0, ev);
    if (s.length > SLOWEST_KEPT) s.pop();
  }

  private error(p: Proc, ev: SyscallJson): void {
    const key = `${ev.name} ${ev.errno}`;
    const e = p.errors.get(key);
    const path = FILE_CALL.test(ev.name) ? ev.args.find((v) => v.kind === 'string') : undefined;
    if (e) {
      e.count++;
      return;
    }
    p.errors.set(key, {
      syscall: ev.name, errno: String(ev.errno), count: 1, pids: [p.pid], ev,
      ...(path ? { example: this.at(p, this.dirArg(ev, path), path) } : {}),
    });
  }

  /** The dirfd before a path argument (`openat(dirfd, path, …)`), if the call has one. */
  private dirArg(ev: SyscallJson, path: JsonValue): JsonValue | undefined {
    const i = ev.args.indexOf(path);
    const d = i > 0 ? ev.args[i - 1] : undefined;
    return d && (d.kind === 'fd' || (d.kind === 'const' && d.name === 'AT_FDCWD')) ? d : undefined;
  }

  /** A path argument resolved against a dirfd argument (or the cwd), as the kernel resolves it. */
  private at(p: Proc, dir: JsonValue | undefined, path: JsonValue | undefined): string {
    const rel = text(path) ?? '';
    if (path?.kind === 'string' && path.truncated) this.notes.add('a path was cut short by -s');
    let base: string | null;
    if (dir?.kind === 'fd') {
      const t = this.slot(p, dir.fd, dir).target;
      base = t.kind === 'path' ? t.path : null;
    } else base = p.fs.cwd;
    if (!rel.startsWith('/') && base === null) this.notes.add(`process ${p.pid}: a relative path with an unknown directory stays relative`);
    return resolvePath(base, rel);
  }

  /** The slot for `fd`, made up as open before the trace (inherited) if the trace has not seen it. */
  private slot(p: Proc, fd: number, v?: JsonValue): Slot {
    const s = p.fds.get(fd);
    if (s) return s;
    // with -y the value says what it is; data through it is not the run's own file work
    const path = v?.kind === 'fd' ? v.path : undefined;
    const target: Target = { kind: 'other', what: path ?? `fd ${fd}` };
    const life: FdLifecycle = {
      fd, target: path ?? '?', openedBy: 'inherited', opened: null, uses: 0, cloexec: false, closedBy: null, closed: null, openAtExit: false,
    };
    p.lives.push(life);
    const slot: Slot = { target, cloexec: false, life };
    p.fds.set(fd, slot);
    return slot;
  }

  private targetText(t: Target): string {
    switch (t.kind) {
      case 'path': return t.path;
      case 'socket': return `socket:[${t.sock.family} ${t.sock.type}]`;
      case 'pipe': return 'pipe';
      case 'other': return t.what;
    }
  }

  private openFd(p: Proc, fd: number, target: Target, cloexec: boolean, by: string, ev: SyscallJson): void {
    const old = p.fds.get(fd);
    if (old) this.end(old, by, ev);
    const life: FdLifecycle = {
      fd, target: this.targetText(target), openedBy: by, opened: str(ev.time), uses: 0, cloexec, closedBy: null, closed: null, openAtExit: false,
    };
    p.lives.push(life);
    p.fds.set(fd, { target, cloexec, life });
  }

  private end(s: Slot, by: string, ev: SyscallJson): void {
    s.life.closedBy = by;
    s.life.closed = str(ev.time);
  }

  private close(p: Proc, fd: number, by: string, ev: SyscallJson): void {
    const s = p.fds.get(fd);
    if (!s) return;
    this.end(s, by, ev);
    p.fds.delete(fd);
  }

  private closeRange(p: Proc, ev: SyscallJson): void {
    const lo = num(ev.args[0]);
    const hi = num(ev.args[1]);
    const cloexec = names(ev.args[2]).has('CLOSE_RANGE_CLOEXEC');
    for (const [fd, s] of [...p.fds]) {
      if (fd < lo || fd > hi) continue;
      if (cloexec) s.cloexec = s.life.cloexec = true;
      else this.close(p, fd, 'close_range', ev);
    }
  }

  private dup(p: Proc, from: number, to: number, cloexec: boolean, by: string, ev: SyscallJson): void {
    if (from === to) return; // dup2(fd, fd) changes nothing
    const src = this.slot(p, from);
    this.openFd(p, to, src.target, cloexec, by, ev);
    p.fds.get(to)!.life.target = src.life.target;
  }

  private fcntl(p: Proc, ev: SyscallJson): void {
    const fd = num(ev.args[0]);
    const cmd = ev.args[1]?.kind === 'const' ? ev.args[1].name : '';
    if (cmd === 'F_DUPFD' || cmd === 'F_DUPFD_CLOEXEC') this.dup(p, fd, n(ev.ret), cmd === 'F_DUPFD_CLOEXEC', 'fcntl', ev);
    else if (cmd === 'F_SETFD') {
      const s = this.slot(p, fd);
      s.cloexec = s.life.cloexec = names(ev.args[2]).has('FD_CLOEXEC');
    }
  }

  private exec(p: Proc, ev: SyscallJson): void {
    const at = ev.name === 'execveat';
    const path = this.at(p, at ? ev.args[0] : undefined, ev.args[at ? 1 : 0]);
    const av = ev.args[at ? 2 : 1];
    const argv = av?.kind === 'array' ? av.items.map((x) => text(x) ?? '') : [];
    const truncated = av?.kind === 'array' && (av.truncated || av.items.some((x) => x.kind === 'string' && x.truncated));
    if (truncated) this.notes.add('an argv was cut short by -s (trace with a larger string limit to see it all)');
    p.exec.push({ time: str(ev.time), path, argv, ...(truncated ? { argvTruncated: true as const } : {}) });
    p.argv = argv;
    this.file(p, path, ev).executed = true;
    for (const [fd, s] of [...p.fds]) if (s.cloexec) this.close(p, fd, 'exec', ev);
  }

  private fork(p: Proc, ev: SyscallJson, child: number): void {
    const flags = ev.name === 'clone' ? names(fieldOf(ev.args.find((x) => fieldOf(x, 'flags')), 'flags'))
      : ev.name === 'clone3' ? names(fieldOf(ev.args[0], 'flags')) : new Set<string>();
    const lost = this.orphans.get(child);
    if (lost) {
      // taken without a parent before this result came: it has one now (its fds stay unknown)
      this.orphans.delete(child);
      if (lost !== p) lost.parent = p.pid;
    } else if (this.byTid.has(child)) {
      // already seen (events with no attach before them): its fds were not copied and stay unknown
      const c = this.byTid.get(child)!;
      if (c.pid === child && c.parent === null && c !== p) c.parent = p.pid;
      return;
    } else if (flags.has('CLONE_THREAD')) {
      pushNew(p.threads, child);
      this.byTid.set(child, p);
    } else {
      const c = this.proc(child, null);
      c.parent = p.pid;
      c.argv = p.argv && [...p.argv];
      c.fs = flags.has('CLONE_FS') ? p.fs : { cwd: p.fs.cwd };
      if (flags.has('CLONE_FILES')) c.fds = p.fds;
      else for (const [fd, s] of p.fds) {
        const life: FdLifecycle = {
          fd, target: s.life.target, openedBy: 'fork', opened: str(ev.time), uses: 0, cloexec: s.cloexec, closedBy: null, closed: null, openAtExit: false,
        };
        c.lives.push(life);
        c.fds.set(fd, { target: s.target, cloexec: s.cloexec, life });
      }
    }
    const buf = this.pending.get(child);
    if (buf) {
      this.pending.delete(child);
      for (const e of buf) this.take(e);
    }
  }

  private open(p: Proc, ev: SyscallJson, dir: JsonValue | undefined, pathV: JsonValue | undefined, flagsV: JsonValue | undefined): void {
    const path = this.at(p, dir, pathV);
    if (ev.errno !== undefined || ev.ret === null) return this.missing(ev, path);
    const fl = flagsV ? names(flagsV) : new Set(['O_WRONLY', 'O_CREAT', 'O_TRUNC']); // creat()
    const how = flagsV ? flagText(flagsV) : 'O_WRONLY|O_CREAT|O_TRUNC';
    const f = this.file(p, path, ev);
    f.opens++;
    pushNew(f.openFlags, how);
    if (fl.has('O_DIRECTORY')) f.directory = true;
    if (!fl.has('O_PATH')) {
      if (fl.has('O_WRONLY') || fl.has('O_RDWR') || fl.has('O_TRUNC')) f.written = true;
      if (!fl.has('O_WRONLY') && !fl.has('O_DIRECTORY')) f.read = true;
    }
    if (fl.has('O_CREAT')) {
      if (fl.has('O_EXCL') || this.absent.has(path)) this.create(f);
      else f.mayHaveCreated = true;
    }
    this.absent.delete(path);
    if (DNS_FILES.has(path)) pushNew(this.dns, path);
    this.openFd(p, n(ev.ret), { kind: 'path', path }, fl.has('O_CLOEXEC'), ev.name, ev);
  }

  /** A failed lookup: ENOENT tells the path was absent. */
  private missing(ev: SyscallJson, path: string): void {
    if (ev.errno === 'ENOENT') this.absent.add(path);
  }

  private create(f: FileAcc): void {
    f.created = true;
    f.mayHaveCreated = false;
    this.absent.delete(f.path);
  }

  private remove(f: FileAcc): void {
    f.deleted = true;
    this.absent.add(f.path);
  }

  private file(p: Proc, path: string, ev: SyscallJson): FileAcc {
    let f = p.files.get(path);
    if (!f) {
      p.files.set(path, (f = fileAcc(path, p.pid)));
      if (!this.fileOrder.has(path)) this.fileOrder.set(path, this.fileOrder.size);
    }
    keep(f.evs, ev);
    return f;
  }

  /** The file an fd argument names, when the trace saw it opened by path. */
  private fdFile(p: Proc, v: JsonValue | undefined, ev: SyscallJson): FileAcc | undefined {
    if (v?.kind !== 'fd') return undefined;
    const t = this.slot(p, v.fd, v).target;
    return t.kind === 'path' ? this.file(p, t.path, ev) : undefined;
  }

  private sock(p: Proc, v: JsonValue | undefined): SockAcc | undefined {
    if (v?.kind !== 'fd') return undefined;
    const t = this.slot(p, v.fd, v).target;
    return t.kind === 'socket' ? t.sock : undefined;
  }

  private newSocket(p: Proc, fd: number, family: string, type: string, protocol: string | undefined, ev: SyscallJson): SockAcc {
    const s: SockAcc = {
      pid: p.pid, fd, family, type, ...(protocol ? { protocol } : {}), peers: [], ops: [], bytesSent: 0, bytesReceived: 0, evs: [ev],
    };
    p.sockets.push(s);
    this.sockOrder.push(s);
    return s;
  }

  /** `count` bytes moved through an fd argument: into the process (`in`) or out of it. */
  private moved(p: Proc, v: JsonValue | undefined, count: number, dir: 'in' | 'out', ev: SyscallJson): void {
    if (v?.kind !== 'fd' || !(count >= 0)) return;
    const t = this.slot(p, v.fd, v).target;
    if (t.kind === 'path') {
      const f = this.file(p, t.path, ev);
      if (dir === 'in') {
        f.bytesRead += count;
        f.read = true;
      } else {
        f.bytesWritten += count;
        f.written = true;
      }
    } else if (t.kind === 'socket') {
      keep(t.sock.evs, ev);
      if (dir === 'in') t.sock.bytesReceived += count;
      else t.sock.bytesSent += count;
    }
  }
}

/** Calls whose string arguments are paths (for an error's example). */
const FILE_CALL = /^(open|creat|access|faccess|stat|lstat|newfstatat|statx|readlink|chdir|mkdir|rmdir|unlink|rename|link|symlink|mknod|chmod|fchmodat|chown|fchownat|lchown|utime|truncate|exec|getxattr|lgetxattr|setxattr|lsetxattr|listxattr|inotify_add_watch|statfs|chroot)/;

function fileResult(f: FileAcc): FileEffects {
  const { evs, ...rest } = f;
  return { ...rest, pids: [...f.pids], openFlags: [...f.openFlags], renamedTo: [...f.renamedTo], renamedFrom: [...f.renamedFrom], lines: evs.map(syscallLine) };
}

function sockResult(s: SockAcc): SocketEffects {
  const { evs, ...rest } = s;
  return { ...rest, peers: [...s.peers], ops: [...s.ops], lines: evs.map(syscallLine) };
}

/** The effects model of a whole trace (a recording's events, in order). */
export function analyze(events: Iterable<TraceEvent>): Effects {
  const b = new EffectsBuilder();
  for (const ev of events) b.add(ev);
  return b.result();
}
