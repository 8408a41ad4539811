/**
 * --report=FILE.html: the trace as one self-contained page (src/render/report-page.ts draws it).
 * The data is packed small: per syscall a few binary columns (start, duration, thread, name,
 * errno, line and JSON numbers), each distinct strace line and JSON text once, all gzipped and
 * embedded as base64, which no file name or string in the trace can break out of.
 */
import { writeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Event } from '../model.js';
import type { SyscallJson } from '../api/events.js';
import { errnoName } from '../decode/xlat/errno.js';
import { eventJson } from './json.js';
import { reportPage } from './report-page.js';
import type { Tracks } from './tracks.js';

/** Distinct strings numbered in order of first use (the first `cap` of them; later ones repeat). */
class Strings {
  private readonly ids = new Map<string, number>();
  readonly list: string[] = [];
  constructor(private readonly cap = 1 << 20) {}
  id(s: string): number {
    return this.ids.get(s) ?? this.add(s);
  }
  /** The number of `s` if it was seen, else undefined. */
  known(s: string): number | undefined {
    return this.ids.get(s);
  }
  add(s: string): number {
    const i = this.list.length;
    this.list.push(s);
    if (this.ids.size < this.cap) this.ids.set(s, i);
    return i;
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
  private readonly lines = new Strings(1 << 18);
  private readonly jsons = new Strings(1 << 18);
  private readonly marks: Mark[] = [];

  constructor(private readonly tracks: Tracks, private readonly classOf: (name: string) => string) {
    this.errnos.id('');
  }

  /** Each JSON text's line number: a call's line follows from its JSON, made once per distinct JSON. */
  private lineOfJson = new Column((n) => new Uint32Array(n));

  /** `line`: the event's strace line (syscalls and signals). */
  add(ev: Event, line: () => string): void {
    if (ev.type === 'syscall_entry' || ev.type === 'attach' || ev.type === 'message') return;
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
    const { time: _t, pid: _p, durationNs: _d, ...rest } = eventJson(ev) as SyscallJson;
    const json = JSON.stringify(rest);
    let id = this.jsons.known(json);
    if (id === undefined) {
      id = this.jsons.add(json);
      this.lineOfJson.push(this.lines.id(line()));
    }
    this.json.push(id);
    this.line.push(this.lineOfJson.a[id]!);
  }

  /** The data the page reads: a JSON header, the two string tables, then the columns. */
  private payload(summary: string): Buffer {
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
    const procs = [...this.tracks.procs.values()].map((p) => ({
      pid: p.pid, parent: p.parent ?? null, name: p.name, argv: p.argv ?? null,
      start: String(Number(p.start - (this.t0 ?? p.start))), end: String(Number(p.end - (this.t0 ?? p.start))),
      ending: p.ending ?? null, threads: p.threads,
    }));
    const names = this.names.list;
    const header = {
      version: 1, t0: String(this.t0 ?? 0n), n, procs, names, classes: names.map(this.classOf), errnos: this.errnos.list,
      marks: this.marks, summary, lines: this.lines.list.length, jsons: this.jsons.list.length,
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
    for (const text of [JSON.stringify(header), this.lines.list.join('\n'), this.jsons.list.join('\n')]) {
      const b = Buffer.from(text, 'utf8');
      length(b.length);
      push(b);
    }
    // each column starts 8-byte aligned in the unpacked data, so the page can view it in place
    for (const c of cols) {
      length(c.byteLength);
      if (off % 8) push(Buffer.alloc(8 - (off % 8)));
      push(new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
    }
    return gzipSync(Buffer.concat(parts), { level: 6 });
  }

  writeTo(fd: number, summary: string): void {
    const data = this.payload(summary).toString('base64');
    const [before, after] = reportPage();
    writeSync(fd, before);
    for (let i = 0; i < data.length; i += 1 << 24) writeSync(fd, data.slice(i, i + (1 << 24)));
    writeSync(fd, after);
  }
}
