/** JSON Lines: one object per event, typed nested values. Documented in docs/json.md. */
import type { ArrayTail, Value } from '../decode/value.js';
import type { Event, StackFrame } from '../model.js';
import type { TraceEvent } from '../api/events.js';
import { errnoName } from '../decode/xlat/errno.js';

type J = null | boolean | number | string | J[] | { [k: string]: J };

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER), MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** A bigint as a JSON number when exact, else as a decimal string. */
const num = (v: bigint): number | string => (v >= MIN_SAFE && v <= MAX_SAFE ? Number(v) : v.toString());

const utf8 = new TextDecoder('utf-8', { fatal: true });

function bytes(b: Uint8Array): { [k: string]: J } {
  // most strings are short ASCII: made directly, without the decoder's call
  if (b.length <= 64) {
    let i = 0;
    while (i < b.length && b[i]! < 0x80) i++;
    if (i === b.length) return { text: String.fromCharCode.apply(null, b as unknown as number[]) };
  }
  try {
    return { text: utf8.decode(b) };
  } catch {
    return { hex: Buffer.from(b).toString('hex') };
  }
}

/** A path as string arguments give it (UTF-8 when valid), so the two can be joined. */
function pathText(b: Uint8Array): string {
  const o = bytes(b);
  return typeof o.text === 'string' ? o.text : Buffer.from(b).toString('latin1');
}

/**
 * While writeJsonStreamed renders an event: the array tails met, each left in its array as a marked
 * string that the writer replaces with the tail's elements as they are read.
 */
let tails: ArrayTail[] | undefined;
const TAIL_MARK = '\0';
/** The mark as JSON.stringify writes it, with the comma before it (a tail follows its array's first items). */
const TAIL_RE = /,"\\u0000(\d+)\\u0000"/;

/**
 * Write an event's JSON line (renderJson's) with its array tails written element by element as they
 * are read, so that no huge line is ever held whole (-v on a huge array).
 */
export function writeJsonStreamed(ev: Event, explain: string | undefined, write: (s: string) => void): void {
  tails = met;
  let s: string;
  try {
    s = renderJson(ev, explain);
  } finally {
    tails = undefined;
  }
  if (met.length === 0) return write(s);
  try {
    writeMarked(s, write);
  } finally {
    met.length = 0;
  }
}
/** The tails of the event being written (reused: the hot path allocates nothing more per line). */
const met: ArrayTail[] = [];

function writeMarked(s: string, write: (s: string) => void): void {
  const parts = s.split(TAIL_RE);
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      write(parts[i]!);
      continue;
    }
    met[Number(parts[i])]!.each((x) => {
      const first = met.length;
      tails = met;
      let e: string;
      try {
        e = ',' + JSON.stringify(valueJson(x));
      } finally {
        tails = undefined;
      }
      if (met.length > first) writeMarked(e, write);
      else write(e);
    });
  }
}

/** A Value as JSON: `{"kind": …, …}` mirroring the Value union. */
export function valueJson(v: Value): J {
  switch (v.k) {
    case 'int': {
      // optional keys set one by one, in this order (the hot path: no object spread)
      const o: { [k: string]: J } = { kind: 'int', value: num(v.v) };
      if (v.fmt && v.fmt !== 'd') o.format = v.fmt;
      if (v.comm) o.comm = Buffer.from(v.comm).toString('latin1');
      if (v.nsPid) o.nsPid = v.nsPid;
      return o;
    }
    case 'sym': return { kind: 'const', name: v.name, value: num(v.v) };
    case 'flags':
      return { kind: 'flags', names: v.names, ...(v.rest ? { rest: num(v.rest) } : {}), value: num(v.v) };
    case 'str': {
      const o: { [k: string]: J } = { kind: 'string', ...bytes(v.b) };
      if (v.trunc) o.truncated = true;
      if (v.hex) o.hexOnly = true;
      return o;
    }
    case 'ptr': return { kind: 'pointer', value: num(v.v), ...(v.bad ? { unreadable: true } : {}) };
    case 'struct': {
      const fields: { [k: string]: J } = {};
      const positional: J[] = [];
      // where each unnamed member stood among all of them, so a replay prints them in place
      const positionalAt: number[] = [];
      v.fields.forEach((f, i) => {
        if (f.n !== undefined) fields[f.n] = valueJson(f.v);
        else {
          positional.push(valueJson(f.v));
          positionalAt.push(i);
        }
      });
      return {
        kind: 'struct', fields,
        ...(positional.length ? { positional, positionalAt } : {}), ...(v.more ? { truncated: true } : {}),
      };
    }
    case 'array': {
      const items = v.items.map(valueJson);
      if (v.tail) {
        if (tails) items.push(TAIL_MARK + (tails.push(v.tail) - 1) + TAIL_MARK);
        else v.tail.each((x) => items.push(valueJson(x)));
      }
      return { kind: 'array', items, ...(v.more ? { truncated: true } : {}) };
    }
    case 'sigset': return { kind: 'sigset', signals: v.names, ...(v.inverted ? { inverted: true } : {}) };
    case 'call': return { kind: 'call', fn: v.fn, args: v.args.map(valueJson) };
    case 'note': return { ...(valueJson(v.v) as { [k: string]: J }), note: v.text };
    case 'tok': return { kind: 'token', text: v.text };
    case 'join': return { kind: 'join', sep: v.sep, parts: v.parts.map(valueJson) };
    case 'fd':
      return {
        kind: 'fd', fd: v.fd, ...(v.label ? { name: v.label } : {}),
        ...(v.path !== undefined ? { path: Buffer.from(v.path).toString('latin1') } : {}),
        ...(v.deleted ? { deleted: true } : {}),
        ...(v.dev ? { device: v.dev } : {}),
        ...(v.detail?.comm ? { comm: Buffer.from(v.detail.comm).toString('latin1') } : {}),
        ...(v.detail ? { detail: v.detail.text + (v.detail.path ? `,${v.detail.abstract ? '@' : ''}${JSON.stringify(Buffer.from(v.detail.path).toString('latin1'))}` : '') + (v.detail.post ?? '') } : {}),
      };
    case 'inout': return { kind: 'inout', in: valueJson(v.in), out: valueJson(v.out) };
    case 'styled': return valueJson(v.abbrev);
  }
}

/**
 * One event as a JSON line, or '' for events JSON Lines does not carry (syscall entries).
 * `explain`: --explain's sentence for it, written as the `explain` field.
 */
/** -k: one stack frame, its fields as StackFrameJson has them (absent ones left out). */
function frameJson(f: StackFrame): { [k: string]: J } {
  return {
    ...(f.file !== undefined ? { file: f.file } : {}), ...(f.symbol !== undefined ? { symbol: f.symbol } : {}),
    ...(f.offset !== undefined ? { offset: num(f.offset) } : {}), ...(f.pc !== undefined ? { pc: num(f.pc) } : {}),
    ...(f.error !== undefined ? { error: f.error } : {}),
  };
}

export function renderJson(ev: Event, explain?: string): string {
  const o = eventJson(ev);
  if (!o) return '';
  if (explain !== undefined) o.explain = explain;
  return JSON.stringify(o) + '\n';
}

/** One event as the object `--json` writes (undefined for syscall entries, which it does not carry). */
export function eventJson(ev: Event): TraceEvent | undefined {
  let o: { [k: string]: J };
  const time = num(ev.time);
  switch (ev.type) {
    case 'syscall_entry': return undefined;
    case 'syscall': {
      // optional keys set one by one, in this order (the hot path: no object spread)
      o = { type: 'syscall', time, pid: ev.pid, nr: ev.nr, name: ev.name, args: ev.args.map(valueJson) };
      // a call with an exit part: how many arguments printed at entry (replay needs it for
      // `<unfinished ...>` and `resumed>` lines)
      if (ev.entryArgs < ev.args.length || ev.unfinished) o.entryArgs = ev.entryArgs;
      if (ev.unavailable) o.unavailable = true;
      if (ev.died) o.died = true;
      const r = ev.ret;
      if (r) {
        o.ret = num(r.rval);
        if (r.errno) o.errno = errnoName(r.errno) ?? r.errno;
        if (r.fmt !== 'd') o.retFormat = r.fmt;
        if (r.aux) o.retDetail = valueJson(r.aux);
        if (r.path) o.retPath = Buffer.from(r.path).toString('latin1');
        if (r.fd) o.retFd = valueJson(r.fd);
        if (r.comm) o.retComm = Buffer.from(r.comm).toString('latin1');
        if (r.nsPid) o.retNsPid = r.nsPid;
        if (r.injected) o.injected = true;
        if (r.poked) o.poked = true;
        if (r.delayed) o.delayed = true;
      } else o.ret = null;
      o.durationNs = num(ev.duration);
      if (ev.ip !== undefined) o.ip = num(ev.ip);
      if (ev.stack) o.stack = ev.stack.map(frameJson);
      break;
    }
    case 'signal':
      o = {
        type: 'signal', time, pid: ev.pid, signal: ev.name, ...(ev.info ? { siginfo: valueJson(ev.info) } : {}),
        ...(ev.stack ? { stack: ev.stack.map(frameJson) } : {}),
      };
      break;
    case 'stopped': o = { type: 'stopped', time, pid: ev.pid, signal: ev.name }; break;
    case 'exit': o = { type: 'exit', time, pid: ev.pid, code: ev.code }; break;
    case 'killed': o = { type: 'killed', time, pid: ev.pid, signal: ev.name, coreDumped: ev.core }; break;
    case 'message': o = { type: 'message', time, pid: ev.pid, text: ev.text }; break;
    case 'personality': o = { type: 'personality', time, pid: ev.pid, mode: ev.mode }; break;
    case 'attach': o = { type: 'attach', time, pid: ev.pid, how: ev.how, ...(ev.cwd ? { cwd: pathText(ev.cwd) } : {}) }; break;
    case 'detach': o = { type: 'detach', time, pid: ev.pid }; break;
    case 'superseded': o = { type: 'superseded', time, pid: ev.pid, oldPid: ev.oldPid }; break;
  }
  // -Y: the process's name
  const comm = 'comm' in ev ? ev.comm : undefined;
  if (comm?.length) o.comm = Buffer.from(comm).toString('latin1');
  return o as unknown as TraceEvent;
}
