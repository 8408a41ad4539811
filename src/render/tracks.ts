/**
 * Which process each thread belongs to and what to call it, for views that draw one track per
 * thread (the report, Perfetto). Learned from the events: a clone with CLONE_THREAD makes a
 * thread of the caller's process, anything else a process; a successful execve renames it.
 */
import type { Value } from '../decode/value.js';
import type { Event } from '../model.js';

export interface Track {
  tid: number;
  /** The thread group (process) id. */
  pid: number;
}

export interface ProcessInfo {
  pid: number;
  /** The process that started it, when traced. */
  parent?: number;
  /** The program's name: its last execve's basename, else inherited from its parent. */
  name: string;
  /** argv of its last execve, when seen. */
  argv?: string[];
  /** First and last event seen, ns since the epoch. */
  start: bigint;
  end: bigint;
  /** `exited with 0`, `killed by SIGKILL`, or undefined while it ran on (detached, end of recording). */
  ending?: string;
  threads: number[];
}

const bare = (v: Value | undefined): Value | undefined => (v?.k === 'note' ? bare(v.v) : v);
const text = (v: Value | undefined): string | undefined => {
  const b = bare(v);
  return b?.k === 'str' ? Buffer.from(b.b).toString('utf8') : undefined;
};

/** Whether a clone's flags ask for a thread: CLONE_THREAD anywhere in its arguments (clone3's struct too). */
function threadClone(args: readonly Value[]): boolean {
  const has = (v: Value | undefined, depth: number): boolean => {
    if (!v || depth > 4) return false;
    switch (v.k) {
      case 'flags': return v.names.includes('CLONE_THREAD');
      case 'note': return has(v.v, depth);
      case 'inout': return has(v.in, depth + 1);
      case 'join': return v.parts.some((p) => has(p, depth + 1));
      case 'struct': return v.fields.some((f) => has(f.v, depth + 1));
      default: return false;
    }
  };
  return args.some((a) => has(a, 0));
}

export class Tracks {
  private tgid = new Map<number, number>();
  readonly procs = new Map<number, ProcessInfo>();

  /** The process a thread belongs to (a thread seen first is its own process). */
  processOf(tid: number, time = 0n): ProcessInfo {
    const pid = this.tgid.get(tid) ?? tid;
    let p = this.procs.get(pid);
    if (!p) {
      p = { pid, name: String(pid), start: time, end: time, threads: [pid] };
      this.procs.set(pid, p);
      this.tgid.set(pid, pid);
    }
    return p;
  }

  add(ev: Event): void {
    if (ev.type === 'syscall_entry') return;
    const p = this.processOf(ev.pid, ev.time);
    const end = ev.type === 'syscall' ? ev.time + ev.duration : ev.time;
    if (end > p.end) p.end = end;
    if (ev.type === 'syscall' && ev.ret && !ev.ret.errno) {
      const n = ev.name;
      if ((n === 'clone' || n === 'clone3' || n === 'fork' || n === 'vfork') && ev.ret.rval > 0n) {
        const child = Number(ev.ret.rval);
        // the child may have been seen first, as a process of its own
        const seen = this.procs.get(child);
        if (threadClone(ev.args)) {
          if (seen?.threads.length === 1) this.procs.delete(child);
          this.tgid.set(child, p.pid);
          if (!p.threads.includes(child)) p.threads.push(child);
        } else if (!seen) {
          this.tgid.set(child, child);
          this.procs.set(child, { pid: child, parent: p.pid, name: p.name, ...(p.argv ? { argv: p.argv } : {}), start: end, end, threads: [child] });
        } else if (seen.parent === undefined) {
          seen.parent = p.pid;
          if (seen.name === String(child)) seen.name = p.name;
          if (!seen.argv && p.argv) seen.argv = p.argv;
        }
      } else if (n === 'execve' || n === 'execveat') {
        const path = text(ev.args[n === 'execve' ? 0 : 1]);
        const argv = bare(ev.args[n === 'execve' ? 1 : 2]);
        if (argv?.k === 'array') p.argv = argv.items.map((i) => text(i) ?? '...');
        if (path !== undefined) p.name = path.slice(path.lastIndexOf('/') + 1) || path;
      }
    } else if (ev.type === 'exit' || ev.type === 'killed') {
      if (ev.pid === p.pid) p.ending = ev.type === 'exit' ? `exited with ${ev.code}` : `killed by ${ev.name}`;
    } else if (ev.type === 'superseded') {
      // the exec'ing thread now runs as the leader
      this.tgid.set(ev.oldPid, p.pid);
    }
  }
}
