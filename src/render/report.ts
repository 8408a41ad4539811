/**
 * --report=FILE.html: the trace as one self-contained page (src/render/report-page.ts draws it).
 * The data is packed small: per syscall a few binary columns (start, duration, thread, name,
 * errno, line and JSON numbers), each distinct strace line and JSON text once, deflated and
 * embedded as base64, which no file name or string in the trace can break out of. The two string
 * tables are compressed as they grow (so a large trace's text is never held whole) and are
 * separate blobs, so the page can draw the timeline before it unpacks them.
 */
import { writeSync } from 'node:fs';
import { constants, deflateRawSync } from 'node:zlib';
import type { Event } from '../model.js';
import type { SyscallJson, TraceEvent } from '../api/events.js';
import type { Effects } from '../analyze/index.js';
import { duration, endingText, processNames, threadsOf } from './effects.js';
import { errnoName } from '../decode/xlat/errno.js';
import { reportPage } from './report-page.js';

/** Small tables: distinct strings numbered in order of first use. */
class Strings {
  private readonly ids = new Map<string, number>();
  readonly list: string[] = [];
  id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.ids.set(s, i);
    }
    return i;
  }
}

/**
 * A large table of lines (no newline inside any), deflated as it grows: one raw deflate stream,
 * flushed to a byte boundary every MB, ended by a final empty block. Lines are numbered in order
 * of first use, a repeat taking its first number while it is remembered: the last `cap` distinct
 * lines at most (the memory starts afresh when full, which keeps lookups cheap and still catches
 * what a loop repeats).
 */
class PackedLines {
  private readonly ids = new Map<string, number>();
  private readonly out: Buffer[] = [];
  private pending: string[] = [];
  private size = 0;
  count = 0;
  constructor(private readonly cap: number) {}
  known(s: string): number | undefined {
    return this.ids.get(s);
  }
  id(s: string): number {
    return this.ids.get(s) ?? this.add(s);
  }
  add(s: string): number {
    const i = this.count++;
    if (this.ids.size >= this.cap) this.ids.clear();
    this.ids.set(s, i);
    this.pending.push(s);
    this.size += s.length + 1;
    if (this.size > 1 << 20) this.flush(constants.Z_SYNC_FLUSH);
    return i;
  }
  private flush(mode: number): void {
    const text = this.pending.length ? this.pending.join('\n') + '\n' : '';
    this.out.push(deflateRawSync(Buffer.from(text, 'utf8'), { level: 4, finishFlush: mode }));
    this.pending = [];
    this.size = 0;
  }
  /** The whole stream, ended. */
  end(): Buffer {
    this.flush(constants.Z_FINISH);
    return Buffer.concat(this.out);
  }
}

/** Growable typed columns. */
class Column<T extends Float64Array | Uint32Array | Uint16Array> {
  a: T;
  n = 0;
  constructor(private readonly make: (n: number) => T) {
    this.a = make(1024);
  }
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = this.make(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  get view(): T {
    return this.a.subarray(0, this.n) as T;
  }
}

interface Mark { tid: number; t: string; kind: string; text: string }

/** The effects model's tables as the page shows them: rows of plain cells, at most 2000 each. */
function tables(e: Effects): Record<string, Record<string, string | number>[]> {
  const cap = <T>(a: T[]): T[] => a.slice(0, 2000);
  const flags = (f: Effects['files'][number]): string =>
    [f.created ? 'created' : f.mayHaveCreated ? 'maybe created' : '', f.deleted ? 'deleted' : '', f.renamedTo.length ? `renamed to ${f.renamedTo.join(', ')}` : '',
      f.executed ? 'executed' : '', f.listed ? `listed (${f.entriesListed})` : '', f.metadataChanged ? 'metadata' : '', f.directory ? 'directory' : '']
      .filter(Boolean).join(', ');
  return {
    files: cap(e.files).map((f) => ({ path: f.path, pids: f.pids.join(' '), opens: f.opens, read: f.bytesRead, written: f.bytesWritten, what: flags(f) })),
    network: cap(e.sockets).map((s) => ({
      pid: s.pid, fd: s.fd, kind: `${s.family} ${s.type}`, local: s.local ?? '', remote: s.remote ?? s.peers.join(' '),
      sent: s.bytesSent, received: s.bytesReceived, ops: s.ops.join(' ') + (s.connectError ? ` (connect ${s.connectError})` : ''),
    })),
    fds: cap(e.processes.flatMap((p) => p.fds.map((f) => ({
      pid: p.pid, fd: f.fd, target: f.target, from: f.openedBy, uses: f.uses, end: f.closedBy ?? (f.openAtExit ? 'open at exit' : ''),
    })))),
    errors: cap(e.errors).map((x) => ({ syscall: x.syscall, errno: x.errno, count: x.count, example: x.example ?? '', line: x.line })),
    slowest: cap(e.slowest).map((c) => ({ pid: c.pid, syscall: c.syscall, took: duration(c.durationNs), line: c.line })),
    incomplete: e.incomplete.map((text) => ({ note: text })),
  };
}

export class ReportBuilder {
  private t0: bigint | undefined;
  private readonly start = new Column((n) => new Float64Array(n));
  private readonly dur = new Column((n) => new Float64Array(n));
  private readonly tid = new Column((n) => new Uint32Array(n));
  private readonly name = new Column((n) => new Uint16Array(n));
  private readonly err = new Column((n) => new Uint16Array(n));
  private readonly line = new Column((n) => new Uint32Array(n));
  private readonly json = new Column((n) => new Uint32Array(n));
  private readonly names = new Strings();
  private readonly errnos = new Strings();
  private readonly lines = new PackedLines(4096);
  private readonly jsons = new PackedLines(4096);
  private readonly marks: Mark[] = [];

  constructor(private readonly classOf: (name: string) => string) {
    this.errnos.id('');
  }

  /** Each JSON text's line number: a call's line follows from its JSON, made once per distinct JSON. */
  private lineOfJson = new Column((n) => new Uint32Array(n));

  /** `json`: the event as --json writes it; `line`: its strace line (syscalls and signals). */
  add(ev: Event, json: TraceEvent, line: () => string): void {
    if (ev.type === 'syscall_entry' || ev.type === 'attach' || ev.type === 'message' || ev.type === 'personality') return;
    this.t0 ??= ev.time;
    const rel = (t: bigint): number => Number(t - this.t0!);
    if (ev.type !== 'syscall') {
      const text = ev.type === 'signal' ? line() : ev.type === 'stopped' ? `stopped by ${ev.name}`
        : ev.type === 'exit' ? `exited with ${ev.code}` : ev.type === 'killed' ? `killed by ${ev.name}`
        : ev.type === 'detach' ? 'detached' : `superseded by execve in pid ${ev.oldPid}`;
      this.marks.push({ tid: ev.pid, t: String(rel(ev.time)), kind: ev.type, text });
      return;
    }
    this.start.push(rel(ev.time));
    this.dur.push(Number(ev.duration));
    this.tid.push(ev.pid);
    this.name.push(this.names.id(ev.name));
    this.err.push(ev.ret?.errno ? this.errnos.id(errnoName(ev.ret.errno) ?? String(ev.ret.errno)) : 0);
    // the JSON without what the columns hold (time, pid, duration), which repeats far less
    const { time: _t, pid: _p, durationNs: _d, ...rest } = json as SyscallJson;
    const text = JSON.stringify(rest);
    let id = this.jsons.known(text);
    if (id === undefined) {
      id = this.jsons.add(text);
      this.lineOfJson.push(this.lines.id(line()));
    }
    this.json.push(id);
    this.line.push(this.lineOfJson.a[id]!);
  }

  /** The data the page reads: a JSON header, the two string tables, then the columns. */
  private payload(summary: string, effects: Effects): Buffer {
    const n = this.start.n;
    // calls sorted by start time: JSON Lines has them in the order they returned
    const order = Uint32Array.from({ length: n }, (_, i) => i);
    const st = this.start.view;
    order.sort((a, b) => st[a]! - st[b]! || a - b);
    const pick = <T extends Float64Array | Uint32Array | Uint16Array>(c: T): T => {
      const out = new (c.constructor as new (n: number) => T)(n);
      for (let i = 0; i < n; i++) out[i] = c[order[i]!]!;
      return out;
    };
    const t0 = this.t0 ?? 0n;
    const rel = (t: string | null): string | null => (t === null ? null : String(BigInt(t) - t0));
    const procNames = processNames(effects);
    const procs = effects.processes.map((p) => ({
      pid: p.pid, parent: p.parent, name: procNames.get(p.pid)!, argv: p.argv, start: rel(p.start), end: rel(p.end),
      ending: endingText(p), exited0: p.exit !== null && 'code' in p.exit && p.exit.code === 0, threads: threadsOf(p),
    }));
    const names = this.names.list;
    const header = {
      version: 1, t0: String(this.t0 ?? 0n), n, procs, names, classes: names.map(this.classOf), errnos: this.errnos.list,
      marks: this.marks, summary, lines: this.lines.count, jsons: this.jsons.count,
      effects: tables(effects),
    };
    const cols = [pick(this.start.view), pick(this.dur.view), pick(this.tid.view), pick(this.line.view), pick(this.json.view), pick(this.name.view), pick(this.err.view)];
    const parts: Buffer[] = [];
    let off = 0;
    const push = (b: Uint8Array): void => {
      parts.push(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
      off += b.byteLength;
    };
    const length = (n: number): void => {
      const len = Buffer.alloc(4);
      len.writeUInt32LE(n);
      push(len);
    };
    const head = Buffer.from(JSON.stringify(header), 'utf8');
    length(head.length);
    push(head);
    // each column starts 8-byte aligned in the unpacked data, so the page can view it in place
    for (const c of cols) {
      length(c.byteLength);
      if (off % 8) push(Buffer.alloc(8 - (off % 8)));
      push(new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
    }
    return deflateRawSync(Buffer.concat(parts), { level: 4 });
  }

  writeTo(fd: number, summary: string, effects: Effects): void {
    const blobs = [this.payload(summary, effects), this.lines.end(), this.jsons.end()];
    const page = reportPage();
    for (let i = 0; i < page.length; i++) {
      writeSync(fd, page[i]!);
      const b = blobs[i];
      if (!b) continue;
      // base64 in pieces of a multiple of 3 bytes, so they join into one
      for (let at = 0; at < b.length; at += 3 << 22) writeSync(fd, b.subarray(at, at + (3 << 22)).toString('base64'));
    }
  }
}
