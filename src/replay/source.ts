/**
 * --replay=FILE: a `--json` recording as an event source in place of the tracer. It applies what
 * the tracer applies before events leave it (-e trace=, -P) and gives back the syscall entries
 * JSON Lines leaves out, in the order the tracer saw them, so that every view downstream (strace
 * text with its `<unfinished ...>` lines, -c, JSON, the report) works on a recording as on a live trace.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { ArchTable } from '../arch/types.js';
import type { TraceEvent } from '../api/events.js';
import type { Value } from '../decode/value.js';
import type { Event, SyscallEntryEvent, SyscallEvent } from '../model.js';
import { pathMatch, type PathSource } from '../filter/paths.js';
import { eventFromJson, RecordError } from './events.js';
import { errnoMessage } from '../decode/xlat/errno.js';

export interface ReplayFilters {
  /** -e trace=: per syscall number, 1 when traced; undefined: all. */
  traced?: Uint8Array;
  /** -P: latin1 strings of the paths' bytes. */
  paths?: ReadonlySet<string>;
  table: ArchTable;
  /** Without -y: what a recording made with -y says about fds is left out. */
  noFdPaths?: boolean;
  /** Without -Y: process names a recording made with -Y carries are left out. */
  noComm?: boolean;
  /** Without --pidns-translation: the pids in sysray's namespace a recording made with it carries are left out. */
  noPidns?: boolean;
  /**
   * Nothing downstream prints strace text: entries need not go back to where the tracer saw
   * them among other processes' events (each is given just before its call).
   */
  unordered?: boolean;
}

/** A recording that stops being one at `line` (1-based): what came before it has been replayed. */
export class ReplayError extends Error {
  constructor(public readonly line: number, message: string) {
    super(message);
  }
}

/**
 * How many events wait for an earlier entry to be put before them. A call that started more
 * events than this before it returned has its entry printed late (its line is still right).
 */
const WINDOW = 4096;

/**
 * Puts each syscall's entry back where the tracer saw it: at its entry time, before events
 * written while it was in progress (JSON Lines writes a syscall once it has returned).
 */
class Reorder {
  private q: { ev: Event; at: bigint }[] = [];
  private head = 0;
  /** Processes traced now: with one, nothing can have happened while its call was in progress. */
  private live = new Set<number>();

  constructor(private readonly out: (ev: Event) => void, private readonly unordered = false) {}

  push(ev: Event): void {
    if (ev.type === 'attach') this.live.add(ev.pid);
    else if (ev.type === 'exit' || ev.type === 'killed' || ev.type === 'detach') this.live.delete(ev.pid);
    if ((this.unordered || this.live.size <= 1) && this.head === this.q.length) {
      if (ev.type === 'syscall') this.out(entryOf(ev, ev.pid));
      this.out(ev);
      return;
    }
    if (ev.type === 'syscall') {
      let i = this.q.length;
      while (i > this.head && this.q[i - 1]!.at > ev.time) i--;
      // a thread's execve that superseded its leader started under the thread's own pid
      let pid = ev.pid;
      for (let k = i; k < this.q.length; k++) {
        const o = this.q[k]!.ev;
        if (o.type === 'superseded' && o.pid === ev.pid) pid = o.oldPid;
      }
      this.q.splice(i, 0, { ev: entryOf(ev, pid), at: ev.time });
      this.q.push({ ev, at: ev.time + ev.duration });
    } else this.q.push({ ev, at: ev.time });
    while (this.q.length - this.head > WINDOW) this.out(this.q[this.head++]!.ev);
    if (this.head > WINDOW) {
      this.q = this.q.slice(this.head);
      this.head = 0;
    }
  }

  flush(): void {
    while (this.head < this.q.length) this.out(this.q[this.head++]!.ev);
    this.q = [];
    this.head = 0;
  }
}

function entryOf(ev: SyscallEvent, pid: number): SyscallEntryEvent {
  return {
    type: 'syscall_entry', pid, nr: ev.nr, name: ev.name, args: ev.args.slice(0, ev.entryArgs),
    complete: ev.entryArgs === ev.args.length && !ev.unfinished, time: ev.time,
    ...(ev.scno !== undefined ? { scno: ev.scno } : {}), ...(ev.ip !== undefined ? { ip: ev.ip } : {}),
    ...(ev.comm ? { comm: ev.comm } : {}),
  };
}

const bare = (v: Value | undefined): Value | undefined => (v?.k === 'note' ? bare(v.v) : v);
const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

/**
 * -P over recorded values: the matcher's raw arguments are argument indexes here, paths are the
 * strings recorded, fds name what -y recorded for them (a recording without -y matches by path only).
 */
function recordedSource(args: readonly Value[]): PathSource {
  return {
    path: (i) => {
      const v = bare(args[Number(i)]);
      return v?.k === 'str' ? latin1(v.b) : undefined;
    },
    fd: (i) => {
      const v = bare(args[i]);
      return v?.k === 'fd' && v.path ? latin1(v.path) : undefined;
    },
    pollFds: () => [],
    setFds: () => [],
  };
}

const INDEXES = [0n, 1n, 2n, 3n, 4n, 5n];

/** Each replayed event's JSON as read, when the replay left it as recorded: views need not write it again. */
const recorded = new WeakMap<Event, TraceEvent>();
export const recordedJson = (ev: Event): TraceEvent | undefined => recorded.get(ev);

/** A value without -y's fd annotations, -Y's process names, pidns's pids (the recording had them, the replay does not ask). */
function strip(v: Value, f: ReplayFilters): Value {
  switch (v.k) {
    case 'fd':
      if (f.noFdPaths && v.path === undefined && !v.detail) return v;
      if (f.noFdPaths) return { k: 'fd', fd: v.fd, ...(v.label !== undefined ? { label: v.label } : {}) };
      return v.detail?.comm ? { ...v, detail: { ...v.detail, comm: undefined } as typeof v.detail } : v;
    case 'int': return (f.noComm && v.comm) || (f.noPidns && v.nsPid) ? {
      k: 'int', v: v.v, ...(v.fmt ? { fmt: v.fmt } : {}), ...(!f.noComm && v.comm ? { comm: v.comm } : {}),
      ...(!f.noPidns && v.nsPid ? { nsPid: v.nsPid } : {}),
    } : v;
    case 'struct': return { ...v, fields: v.fields.map((x) => ({ ...x, v: strip(x.v, f) })) };
    case 'array': return { ...v, items: v.items.map((x) => strip(x, f)) };
    case 'call': return { ...v, args: v.args.map((x) => strip(x, f)) };
    case 'join': return { ...v, parts: v.parts.map((x) => strip(x, f)) };
    case 'note': return { ...v, v: strip(v.v, f) };
    case 'inout': return { ...v, in: strip(v.in, f), out: strip(v.out, f) };
    default: return v;
  }
}

/** The event as the tracer would have made it without the -y / -Y / pidns annotations the replay leaves out. */
function stripped(ev: Event, f: ReplayFilters): Event {
  if (!f.noFdPaths && !f.noComm && !f.noPidns) return ev;
  const out = f.noComm && 'comm' in ev && ev.comm ? { ...ev, comm: undefined } : ev;
  if (out.type !== 'syscall') return out;
  const ret = out.ret && {
    ...out.ret,
    ...(f.noFdPaths ? { path: undefined, fd: undefined } : {}), ...(f.noComm ? { comm: undefined } : {}),
    ...(f.noPidns ? { nsPid: undefined } : {}),
    ...(out.ret.aux ? { aux: strip(out.ret.aux, f) } : {}),
  };
  return { ...out, args: out.args.map((a) => strip(a, f)), ...(ret ? { ret } : {}) };
}

/** Whether the tracer would have shown this event under `f`. */
function shown(ev: Event, f: ReplayFilters): boolean {
  if (ev.type !== 'syscall') return true;
  if (f.traced && ev.nr >= 0 && ev.nr < f.traced.length && f.traced[ev.nr] === 0) return false;
  if (f.paths) {
    const row = f.table.rows[ev.nr];
    if (!row || !pathMatch(row, INDEXES, f.paths, recordedSource(ev.args))) return false;
  }
  return true;
}

/** Each line of `file` ('-': stdin) with its number; lines are UTF-8. */
function* lines(file: string): Generator<[string, number]> {
  const fd = file === '-' ? 0 : openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let rest = Buffer.alloc(0);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, 0, buf.length, null);
      if (got === 0) break;
      let chunk = rest.length ? Buffer.concat([rest, buf.subarray(0, got)]) : buf.subarray(0, got);
      let start = 0;
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
        yield [chunk.toString('utf8', start, nl), ++n];
        start = nl + 1;
      }
      rest = Buffer.from(chunk.subarray(start));
      chunk = rest;
    }
    if (rest.length) yield [rest.toString('utf8'), -(n + 1)];
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/**
 * Replay `file` into `sink`, filtered as the tracer filters. Throws ReplayError after replaying
 * every event before the bad line; a file that cannot be read throws as fs does.
 */
export function replay(file: string, f: ReplayFilters, sink: (ev: Event) => void): void {
  const order = new Reorder(sink, f.unordered);
  const keys = [
    ...(f.noFdPaths ? ['path', 'detail', 'device', 'deleted', 'retPath', 'retFd'] : []), ...(f.noComm ? ['comm', 'retComm'] : []),
    ...(f.noPidns ? ['nsPid', 'retNsPid'] : []),
  ];
  const annotated = keys.length ? new RegExp(`"(?:${keys.join('|')})":`) : /^\b$/;
  let lineNo = 0;
  try {
    for (const [text, n] of lines(file)) {
      lineNo = Math.abs(n);
      if (!text.trim()) continue;
      let j: TraceEvent;
      try {
        j = JSON.parse(text) as TraceEvent;
      } catch {
        throw new RecordError(n < 0 ? 'truncated (the line does not end)' : 'not JSON');
      }
      const ev = eventFromJson(j);
      // only a line that has -y's, -Y's or pidns's annotations can need them left out
      if (!shown(ev, f)) continue;
      if (annotated.test(text)) order.push(stripped(ev, f));
      else {
        recorded.set(ev, j);
        order.push(ev);
      }
    }
  } catch (e) {
    order.flush();
    if (e instanceof RecordError) throw new ReplayError(lineNo, e.message);
    throw e;
  }
  order.flush();
}

/**
 * replay(), with what goes wrong as strace would say it: `FILE:LINE: what`, or `FILE: strerror`
 * when it cannot be read. Returns that message, or undefined when the whole recording was replayed.
 */
export function replayFile(file: string, f: ReplayFilters, sink: (ev: Event) => void): string | undefined {
  try {
    replay(file, f, sink);
  } catch (e) {
    if (e instanceof ReplayError) return `${file}:${e.line}: ${e.message}`;
    const errno = (e as { errno?: number }).errno;
    if (errno !== undefined) return `${file}: ${errnoMessage(-errno)}`;
    throw e;
  }
  return undefined;
}
