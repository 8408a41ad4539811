/**
 * --decode-pids=pidns: a pid a tracee names is a pid of the tracee's PID namespace; sysray finds
 * the process that has it there, and so its pid in sysray's own namespace (strace's pidns.c).
 * A process's ids in every namespace from /proc's down to its own are its /proc/PID/status
 * `NSpid:` line (`NStgid:`, `NSpgid:`, `NSsid:` for the other kinds); the namespaces themselves
 * are the inode of /proc/PID/ns/pid and its parents (the NS_GET_PARENT ioctl).
 */
import { closeSync, fstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import type { PidType } from '../decode/types.js';
import { raw } from '../sys/libc.js';

/** _IO(0xb7, 0x2): a namespace's parent namespace, as a new fd (EPERM above the caller's own). */
const NS_GET_PARENT = 0xb702;
/** The deepest nesting the kernel allows (MAX_PID_NS_LEVEL) and strace reads. */
const MAX_DEPTH = 32;

const STATUS_KEY: Readonly<Record<PidType, string>> = { tid: 'NSpid:', tgid: 'NStgid:', pgid: 'NSpgid:', sid: 'NSsid:' };

/** The inodes of `pid`'s PID namespace and of its parents up to sysray's (`pid` 0: sysray's own). */
function nsChain(pid: number, max: number): number[] {
  const out: number[] = [];
  let fd: number;
  try {
    fd = openSync(`/proc/${pid || 'self'}/ns/pid`, 'r');
  } catch {
    return out;
  }
  while (out.length < max) {
    try {
      out.push(fstatSync(fd).ino);
    } catch {
      break;
    }
    if (out.length >= max) break;
    const parent = Number(raw.ioctl(fd, NS_GET_PARENT, 0));
    if (parent < 0) break;
    closeSync(fd);
    fd = parent;
  }
  closeSync(fd);
  return out;
}

/** The ids of `pid` of one kind, from /proc's namespace down to its own; empty when unreadable. */
function idList(pid: number | 'self', type: PidType): number[] {
  let s: string;
  try {
    s = readFileSync(`/proc/${pid}/status`, 'latin1');
  } catch {
    return [];
  }
  const key = '\n' + STATUS_KEY[type];
  const at = s.indexOf(key);
  if (at < 0) return [];
  const end = s.indexOf('\n', at + 1);
  return s.slice(at + key.length, end < 0 ? undefined : end).trim().split(/\s+/).map(Number);
}

/** The process found to have a pid: its directory in /proc, and its pid in sysray's namespace. */
interface Found { proc: number; ours: number }

export class PidNamespaces {
  private ours: number | undefined;
  private procIsOurs: boolean | undefined;
  /** `ns type id` → the /proc directory of the process last found to have it. */
  private found = new Map<string, number>();
  /** The /proc directories of the processes found so far, tried before all of /proc (strace's proc_data_cache). */
  private known = new Set<number>();

  private ourNs(): number {
    return (this.ours ??= nsChain(0, 1)[0] ?? 0);
  }

  /**
   * The translation of the pids tracee `tracee` (a pid of sysray's namespace) names: the pid in
   * sysray's namespace, 0 when no process has it. Its namespace is read once, on first use: a
   * process never changes its own PID namespace.
   */
  forTracee(tracee: number): (pid: number, type: PidType) => number {
    let ns = 0;
    return (pid, type) => {
      if (pid <= 0) return 0;
      if (!ns) {
        const proc = this.procPid(tracee);
        ns = proc ? nsChain(proc, 1)[0] ?? 0 : 0;
      }
      if (ns === this.ourNs()) return pid;
      return ns ? this.find(ns, pid, type)?.ours ?? 0 : 0;
    };
  }

  /**
   * The directory in /proc of the thread sysray numbers `tid`, 0 when none is found: `tid` itself
   * unless /proc is another PID namespace's (a tracer started in a new one without its own /proc).
   */
  procPid(tid: number): number {
    if ((this.procIsOurs ??= idList('self', 'tid').length <= 1)) return tid;
    return this.find(this.ourNs(), tid, 'tid')?.proc ?? 0;
  }

  /** The process whose `type` id in namespace `ns` is `id`. */
  private find(ns: number, id: number, type: PidType): Found | undefined {
    const key = `${ns} ${type} ${id}`;
    const cached = this.found.get(key);
    // a process found before is checked again: its pid may have been reused since
    let r = cached ? this.check(cached, ns, id, type) : undefined;
    for (const p of r ? [] : this.known) if ((r = this.check(p, ns, id, type))) break;
    r ??= this.scan(ns, id, type);
    if (r) {
      this.found.set(key, r.proc);
      this.known.add(r.proc);
    } else this.found.delete(key);
    return r;
  }

  /** Every thread of every process in /proc, until one has `id` in namespace `ns`. */
  private scan(ns: number, id: number, type: PidType): Found | undefined {
    let dirs: string[];
    try {
      dirs = readdirSync('/proc');
    } catch {
      return undefined;
    }
    for (const d of dirs) {
      if (!(Number(d) > 0)) continue;
      let tasks: string[];
      try {
        tasks = readdirSync(`/proc/${d}/task`);
      } catch {
        tasks = [d];
      }
      for (const t of tasks) {
        const r = this.check(Number(t), ns, id, type);
        if (r) return r;
      }
    }
    return undefined;
  }

  /** Process `proc` (of /proc) if its id in namespace `ns` is `id`. */
  private check(proc: number, ns: number, id: number, type: PidType): Found | undefined {
    const ids = idList(proc, type);
    // most processes are ruled out by their ids alone, before their namespaces are read
    if (!ids.includes(id)) return undefined;
    const chain = nsChain(proc, MAX_DEPTH);
    if (!chain.length || ids.length < chain.length) return undefined;
    const level = chain.indexOf(ns);
    if (level < 0 || ids[ids.length - 1 - level] !== id) return undefined;
    return { proc, ours: ids[ids.length - chain.length]! };
  }
}
