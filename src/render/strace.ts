/** strace's text format, as a pure function of events. */
import type { PidNotes } from '../decode/types.js';
import type { ArrayTail, Value } from '../decode/value.js';
import type { Dump, Event, Ret, StackFrame, SyscallEvent, Where } from '../model.js';
import { errorReturnText } from '../decode/xlat/errno.js';
import { signalByName } from '../decode/xlat/signals.js';

export interface TextOptions {
  /** -a: the column where `= result` is aligned (default 40). */
  acolumn: number;
  /** -x / -xx: 0 escapes as octal, 1 hex for non-ASCII strings, 2 hex for all. */
  xflag: HexStrings;
  /** -X: named constants as names (abbrev), numbers (raw), or numbers with the names as a comment. */
  xlat?: 'abbrev' | 'raw' | 'verbose';
  /** Inside a -X verbose comment: comments cannot nest, so an unknown value's `/* X_??? *\/` is left out. */
  inComment?: boolean;
  /**
   * Where array tails go while a line is rendered: each prints as a mark that writeStreamed then
   * replaces with the tail's elements, written as they are made. Absent: tails print inline.
   */
  tails?: ArrayTail[];
}

export const defaultTextOptions: TextOptions = { acolumn: 40, xflag: 0 };

const HEX = '0123456789abcdef';

/**
 * -x/--strings-in-hex (strace's xflag): 0 none, 1 non-ascii (a whole string in hex when it has a
 * byte that is neither printable nor a space), 2 all, 3 non-ascii-chars (only those bytes in hex).
 */
export type HexStrings = 0 | 1 | 2 | 3;

/**
 * strace's string_quote for a byte string. `bare`: no surrounding quotes and `<`, `>` escaped too
 * (how strace prints the path after an fd with -y).
 */
export function quote(b: Uint8Array, xflag: HexStrings, forceHex = false, bare = false): string {
  let usehex = forceHex || xflag === 2;
  if (!usehex && xflag === 1) {
    for (const c of b) {
      if (c > 0x7e || (c < 0x20 && (c < 9 || c > 13))) {
        usehex = true;
        break;
      }
    }
  }
  const q = bare ? '' : '"';
  let s = q;
  if (usehex) {
    for (const c of b) s += '\\x' + HEX[c >> 4] + HEX[c & 15];
    return s + q;
  }
  const n = b.length;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c >= 0x20 && c < 0x7f && !(bare && (c === 0x3c || c === 0x3e))) {
      s += c === 0x22 ? '\\"' : c === 0x5c ? '\\\\' : String.fromCharCode(c);
      continue;
    }
    switch (c) {
      case 0x0c: s += '\\f'; break;
      case 0x0a: s += '\\n'; break;
      case 0x0d: s += '\\r'; break;
      case 0x09: s += '\\t'; break;
      case 0x0b: s += '\\v'; break;
      default: {
        const next = i + 1 < n ? b[i + 1]! : 0;
        if (xflag === 3) s += '\\x' + HEX[c >> 4] + HEX[c & 15];
        else if (next >= 0x30 && next <= 0x37) s += '\\' + c.toString(8).padStart(3, '0');
        else s += '\\' + c.toString(8);
      }
    }
  }
  return s + q;
}

const hexOf = (v: bigint): string => (v === 0n ? '0' : '0x' + BigInt.asUintN(64, v).toString(16));

/** Below this magnitude a BigInt is a number exactly, whose decimal text V8 makes (and caches) faster. */
const SAFE = 1n << 53n;
/** A BigInt in decimal, as its toString() prints it. */
const dec = (v: bigint): string => (v < SAFE && v > -SAFE ? String(Number(v)) : v.toString());

/** What strace's printpid prints after a pid: -Y's `<name>`, pidns's comment with sysray's number. */
function pidNotesText(n: PidNotes, o: TextOptions): string {
  return (n.comm ? `<${quote(n.comm, o.xflag, false, true)}>` : '') + (n.nsPid ? ` /* ${n.nsPid} in strace's PID NS */` : '');
}

/** One value as strace prints it. */
export function formatValue(v: Value, o: TextOptions = defaultTextOptions): string {
  switch (v.k) {
    case 'int':
      switch (v.fmt) {
        case 'x': return hexOf(v.v);
        case 'o': {
          const s = v.v === 0n ? '0' : '0' + v.v.toString(8);
          return s.padStart(3, '0');
        }
        default: return v.comm || v.nsPid ? dec(v.v) + pidNotesText(v, o) : dec(v.v);
      }
    case 'sym': {
      if (!o.xlat || o.xlat === 'abbrev') return v.name;
      const n = v.raw ? formatValue(v.raw, o) : v.fmt === 'x' ? hexOf(v.v) : v.v.toString();
      return o.xlat === 'raw' ? n : `${n} /* ${v.name} */`;
    }
    case 'flags': {
      let names: string;
      if (v.names.length === 0) names = hexOf(v.rest);
      else names = v.rest !== 0n ? v.names.join('|') + '|' + hexOf(v.rest) : v.names.join('|');
      if (o.xlat === 'raw') return v.v === 0n && v.noDflt ? '' : hexOf(v.v);
      if (o.xlat === 'verbose') return v.names.length === 0 ? hexOf(v.v) : `${hexOf(v.v)} /* ${names} */`;
      return names;
    }
    case 'str': return quote(v.b, o.xflag, v.hex) + (v.trunc ? '...' : '');
    case 'ptr': return v.v === 0n ? 'NULL' : hexOf(v.v);
    case 'struct': {
      let s = '{';
      let first = true;
      for (const f of v.fields) {
        if (!first) s += ', ';
        first = false;
        s += f.n !== undefined ? f.n + '=' + formatValue(f.v, o) : formatValue(f.v, o);
      }
      if (v.more) s += first ? '...' : ', ...';
      return s + '}';
    }
    case 'array': {
      let s = '[';
      for (let i = 0; i < v.items.length; i++) s += (i ? ', ' : '') + formatValue(v.items[i]!, o);
      if (v.tail) s += o.tails ? TAIL_MARK + (o.tails.push(v.tail) - 1) + TAIL_MARK : tailText(v.tail, o);
      if (v.more) s += v.items.length ? ', ...' : '...';
      return s + ']';
    }
    case 'sigset': {
      // -X raw / verbose: members as numbers, `[2 /* INT */ 15 /* TERM */]`
      const names = !o.xlat || o.xlat === 'abbrev' ? v.names : v.names.map((n) => {
        const num = signalByName(n);
        return num === undefined || /^[0-9]/.test(n) ? n : o.xlat === 'raw' ? String(num) : `${num} /* ${n} */`;
      });
      return (v.inverted ? '~[' : '[') + names.join(' ') + ']';
    }
    case 'call': return v.fn + '(' + v.args.map((a) => formatValue(a, o)).join(', ') + ')';
    case 'note': return v.xlat && (o.xlat === 'raw' || o.inComment) ? formatValue(v.v, o) : formatValue(v.v, o) + ' /* ' + v.text + ' */';
    case 'tok': return v.text;
    case 'join': {
      if (v.v !== undefined && o.xlat && o.xlat !== 'abbrev') {
        const n = v.fmt === 'o' ? formatValue({ k: 'int', v: v.v, fmt: 'o' }) : hexOf(v.v);
        if (o.xlat === 'raw') return n;
        return `${n} /* ${v.parts.map((p) => formatValue(p, { ...defaultTextOptions, inComment: true })).join(v.sep)} */`;
      }
      return v.parts.map((p) => formatValue(p, o)).join(v.sep);
    }
    case 'fd': {
      // a label is a named constant (AT_FDCWD): -X raw prints the number, -X verbose both
      const n = v.label === undefined || !o.xlat || o.xlat === 'abbrev' ? v.label ?? String(v.fd)
        : o.xlat === 'raw' ? String(v.fd) : `${v.fd} /* ${v.label} */`;
      if (v.detail) {
        const d = v.detail;
        return `${n}<${d.text}${d.comm ? `<${quote(d.comm, o.xflag, false, true)}>` : ''}${d.path ? `,${d.abstract ? '@' : ''}${quote(d.path, o.xflag)}` : ''}${d.post ?? ''}>`;
      }
      if (v.path === undefined) return n;
      return `${n}<${quote(v.path, o.xflag, false, true)}${v.dev ? `<${v.dev}>` : ''}>${v.deleted ? '(deleted)' : ''}`;
    }
    case 'inout': return formatValue(v.in, o) + ' => ' + formatValue(v.out, o);
    case 'styled':
      if (!o.xlat || o.xlat === 'abbrev') return formatValue(v.abbrev, o);
      if (o.xlat === 'raw') return formatValue(v.raw, o);
      return v.verbose ? formatValue(v.verbose, o) : `${formatValue(v.raw, o)} /* ${formatValue(v.abbrev, { ...o, xlat: 'abbrev' })} */`;
  }
}

/** Marks an array tail's place in a rendered line (no rendered text holds a NUL). */
const TAIL_MARK = '\0';
const TAIL_RE = /\0(\d+)\0/;

/** A tail's elements, each after `, ` (they follow the array's first items). */
function tailText(t: ArrayTail, o: TextOptions): string {
  let s = '';
  t.each((x) => {
    s += ', ' + formatValue(x, o);
  });
  return s;
}

/**
 * Write rendered text whose array tails were marked (o.tails): the text around each mark, and in
 * its place the tail's elements as they are read, so that no huge line is ever held whole.
 */
export function writeStreamed(s: string, o: TextOptions & { tails: ArrayTail[] }, write: (s: string) => void): void {
  if (o.tails.length === 0) return write(s);
  try {
    writeMarked(s, o, write);
  } finally {
    o.tails.length = 0;
  }
}

function writeMarked(s: string, o: TextOptions & { tails: ArrayTail[] }, write: (s: string) => void): void {
  const parts = s.split(TAIL_RE);
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) write(parts[i]!);
    else {
      o.tails[Number(parts[i])]!.each((x) => {
        const e = ', ' + formatValue(x, o);
        if (e.includes(TAIL_MARK)) writeMarked(e, o, write);
        else write(e);
      });
    }
  }
}

/** The `= …` part of a finished syscall. */
export function formatRet(r: Ret | undefined, o: TextOptions = defaultTextOptions): string {
  if (!r || r.fmt === 'none') return '= ?';
  let s: string;
  if (r.errno) {
    // a kernel error is -errno; an error a decoder found in another value prints that value first
    const t = errorReturnText(r.errno);
    s = '= ' + (r.rval < 0n || !t.startsWith('-1 ') ? t : `${BigInt.asUintN(64, r.rval)}${t.slice(2)}`);
  }
  else {
    switch (r.fmt) {
      case 'x': s = '= ' + hexOf(r.rval); break;
      case 'o': s = '= ' + formatValue({ k: 'int', v: r.rval, fmt: 'o' }); break;
      case 'fd': s = '= ' + (r.fd ? formatValue(r.fd, o) : r.path ? formatValue({ k: 'fd', fd: Number(r.rval), path: r.path }, o) : r.rval.toString()); break;
      // strace's default (RVAL_UDECIMAL) and 'u': unsigned decimal
      default: s = '= ' + dec(BigInt.asUintN(64, r.rval));
    }
    if (r.comm || r.nsPid) s += pidNotesText(r, o);
  }
  // strace's print_injected_note: before the parenthesised extra after an error, after it otherwise
  const injected = (r.poked ? (r.injected ? ' (INJECTED: args, retval)' : ' (INJECTED: args)') : r.injected ? ' (INJECTED)' : '') + (r.delayed ? ' (DELAYED)' : '');
  if (r.errno) s += injected;
  const aux = r.aux ? formatValue(r.aux, o) : '';
  // a bare token is strace's RVAL_STR text, whose parentheses print even around nothing (select's `()`)
  if (aux || r.aux?.k === 'tok') s += ' (' + aux + ')';
  if (!r.errno) s += injected;
  return s;
}

const SPACES = ' '.repeat(256);

/** -k: a stack's lines as strace prints them (` > file(symbol+0x10) [0x2f350]`), innermost first. */
export function stackText(frames: readonly StackFrame[]): string {
  let s = '';
  for (const f of frames) {
    const at = f.pc !== undefined ? ` [0x${f.pc.toString(16)}]` : '';
    if (f.file === undefined) s += ` > ${f.error ?? 'BUG IN stackText'}${f.pc ? at : ''}\n`;
    else if (f.symbol === undefined) s += ` > ${f.file}()${at}\n`;
    else s += ` > ${f.file}(${f.symbol}+0x${(f.offset ?? 0n).toString(16)})${at}\n`;
  }
  return s;
}

/** strace's dumpstr: ` | 00000  68 65 …  hello. |` lines, 16 bytes each (and dumpiov's header). */
export function dumpText(d: Dump): string {
  if (d.vector) return ` = ${d.vector.buffers} buffers in vector ${d.vector.index}\n`;
  let s = d.iov !== undefined ? ` * ${d.len} bytes in buffer ${d.iov}\n` : '';
  const b = d.bytes;
  if (!b) return s;
  const len = b.length;
  // the offsets' width follows the length asked for, even when only part of it could be read
  const total = d.unread ? Number(d.len) : len;
  const width = total > 1 << 20 ? 1 + Math.floor(Math.log2(total - 1) / 4) : 5;
  for (let off = 0; off < len; off += 16) {
    let hex = '';
    let asc = '';
    for (let i = 0; i < 16; i++) {
      const c = off + i < len ? b[off + i]! : -1;
      hex += c < 0 ? '   ' : HEX[c >> 4]! + HEX[c & 15]! + ' ';
      if (i === 7) hex += ' ';
      asc += c < 0 ? ' ' : c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '.';
    }
    s += ` | ${off.toString(16).padStart(width, '0')}  ${hex} ${asc} |\n`;
  }
  const u = d.unread;
  if (u) s += ` | <Cannot fetch ${u.size} byte${u.size === 1n ? '' : 's'} from pid ${u.pid} @0x${u.addr.toString(16)}>\n`;
  return s;
}

export interface LineOptions extends TextOptions {
  /** strace's print_pid_pfx: `PID   ` before every line (-o with -f, or several -p). */
  pidPrefix: boolean;
  /** Output goes to a file (-o): without pidPrefix, no `[pid N]` prefixes either. */
  outfile: boolean;
  /** strace's quiet set: 'exit' hides `+++ exited` lines, 'thread-execve' hides `superseded`. */
  quiet: ReadonlySet<string>;
  /** -t/-tt/-ttt/--timestamps: time of day or seconds since the epoch, with `digits` of fraction. */
  abs?: { unix: boolean; digits: number };
  /** -r: digits of fraction of the relative timestamp (undefined: none). */
  rel?: number;
  /** -T: digits of fraction of the time spent (undefined: none). */
  took?: number;
  /** -n: the syscall number before each line */
  nflag?: boolean;
  /** -i: the instruction pointer before each line */
  iflag?: boolean;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
/** The fraction of a second in `digits` digits (with its dot), or '' for whole seconds. */
const frac = (ns: bigint, digits: number): string =>
  digits ? '.' + String((ns % 1000000000n) / 10n ** BigInt(9 - digits)).padStart(digits, '0') : '';

/** -t/-tt/-ttt: the time of day (local time) or seconds since the epoch. */
export function timeOfDay(ns: bigint, abs: { unix: boolean; digits: number }): string {
  const sec = ns / 1000000000n;
  if (abs.unix) return `${sec}${frac(ns, abs.digits)}`;
  const d = new Date(Number(sec) * 1000);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}${frac(ns, abs.digits)}`;
}

/** A duration as strace prints it: seconds, then `digits` of fraction. */
export const secFrac = (ns: bigint, digits = 6): string => `${ns / 1000000000n}${frac(ns, digits)}`;

/**
 * The strace text renderer. Stateful only in what strace's output itself carries across events:
 * which process printed last, whether its line is still open (an entry waiting for its result),
 * how many processes are traced (prefixes appear when there are several). No I/O: `render` returns
 * the text to write.
 */
/** Arguments [from, to) as the line prints them, `, ` between (no intermediate arrays: the hot path). */
function argList(args: readonly Value[], from: number, to: number, o: TextOptions): string {
  let s = '';
  if (to > args.length) to = args.length;
  for (let i = from; i < to; i++) s += i === from ? formatValue(args[i]!, o) : ', ' + formatValue(args[i]!, o);
  return s;
}

/** A process's syscall whose entry line is printed (StraceText's `open`). */
interface OpenCall {
  name: string;
  complete: boolean;
  /** Its thread exec'd meanwhile: the result reprints the call's name (`<... NAME resumed>`). */
  reprint: boolean;
  /** The result is still to come. */
  open: boolean;
}

export class StraceText {
  private o: LineOptions;
  /** Processes being traced (strace's nprocs). */
  private procs = new Set<number>();
  /** The process whose output was printed last (strace's printing_tcp), and its open line's column. */
  private printing = 0;
  private col = 0;
  /** The length of what the last `leader` put before its line starts (an open line's end), for render. */
  private cut = 0;
  /**
   * Syscalls whose entry was printed and whose result is still to come (`open`). A process's record
   * is reused from call to call, not deleted and added again (Map churn on the hot path).
   */
  private open = new Map<number, OpenCall>();
  /** -k: the stacks of calls that never returned, printed when their process is gone (strace's unwind queue). */
  private queued = new Map<number, readonly StackFrame[]>();

  constructor(o: Partial<LineOptions> = {}) {
    this.o = { ...defaultTextOptions, pidPrefix: false, outfile: false, quiet: new Set(), ...o };
  }

  /** Previous line's start, for -r. */
  private last = 0n;

  /** Start a line for `pid` at `time`: close another process's open line, then the prefixes. */
  private leader(pid: number, time: bigint, where: Where = {}): string {
    let s = '';
    if (this.printing && this.col !== 0) s = ' <unfinished ...>\n';
    this.cut = s.length;
    this.printing = pid;
    this.col = 0;
    // -Y: the name follows the pid, which is then not padded in the -o prefix
    const comm = where.comm?.length ? `<${quote(where.comm, this.o.xflag, false, true)}>` : '';
    if (this.o.pidPrefix) s += (comm ? String(pid) + comm : String(pid).padEnd(5)) + ' ';
    else if (this.procs.size > 1 && !this.o.outfile) s += `[pid ${String(pid).padStart(5)}${comm}] `;
    if (this.o.abs) s += timeOfDay(time, this.o.abs) + ' ';
    if (this.o.rel !== undefined) {
      const d = this.last ? time - this.last : 0n;
      this.last = time;
      const r = `${String(d / 1000000000n).padStart(6)}${frac(d, this.o.rel)}`;
      s += this.o.abs ? `(+${r}) ` : `${r} `;
    }
    if (this.o.nflag) s += where.scno !== undefined && where.scno >= 0 ? `[${String(where.scno).padStart(4)}] ` : '[?] ';
    if (this.o.iflag) s += where.ip !== undefined ? `[${where.ip.toString(16).padStart(16, '0')}] ` : '[????????????????] ';
    return s;
  }

  render(ev: Event): string {
    switch (ev.type) {
      case 'attach':
        this.procs.add(ev.pid);
        return '';
      case 'syscall_entry': {
        const pre = this.leader(ev.pid, ev.time, ev);
        // an entry whose remaining arguments print at exit ends with their `, ` now, as strace's
        // does (what a tracer killed mid-line leaves in its output)
        const s = pre + ev.name + '(' + argList(ev.args, 0, ev.args.length, this.o) + (!ev.complete && ev.args.length > 0 ? ', ' : '');
        this.col = s.length - this.cut;
        const o = this.open.get(ev.pid);
        if (o) {
          o.name = ev.name;
          o.complete = ev.complete;
          o.reprint = false;
          o.open = true;
        } else this.open.set(ev.pid, { name: ev.name, complete: ev.complete, reprint: false, open: true });
        return s;
      }
      case 'syscall': {
        const rec = this.open.get(ev.pid);
        const o = rec?.open ? rec : undefined;
        if (o) o.open = false;
        if (ev.died) return this.died(ev);
        let head = '';
        let line = '';
        let col = 0;
        // the entry's line goes on: it ends with `, ` unless it said it was whole
        let sep = '';
        if (o && this.printing === ev.pid && this.col !== 0 && !o.reprint) {
          col = this.col;
          if (o.complete && ev.entryArgs > 0) sep = ', ';
        } else {
          const pre = this.leader(ev.pid, ev.time + ev.duration, ev);
          const nl = this.cut;
          head = pre.slice(0, nl);
          line = pre.slice(nl) + (o ? `<... ${o.name} resumed>` : ev.name + '(' + argList(ev.args, 0, ev.entryArgs, this.o));
        }
        if (!ev.ret) {
          if (o && !o.complete && !ev.unavailable) line += ' <unfinished ...>';
        } else {
          const rest = argList(ev.args, ev.entryArgs, ev.args.length, this.o);
          if (rest) line += sep + rest;
        }
        line += ') ';
        col += line.length;
        this.col = 0;
        if (col < this.o.acolumn) line += SPACES.slice(0, this.o.acolumn - col);
        const took = ev.ret && this.o.took !== undefined ? ` <${secFrac(ev.duration, this.o.took)}>` : '';
        const dumps = ev.dumps ? ev.dumps.map(dumpText).join('') : '';
        let stack = '';
        if (ev.stack && ev.ret) stack = stackText(ev.stack);
        else if (ev.stack) this.queued.set(ev.pid, ev.stack);
        return head + line + (ev.ret ? formatRet(ev.ret, this.o) : ev.unavailable ? '= ? <unavailable>' : '= ?') + took + '\n' + dumps + stack;
      }
      case 'signal':
        return this.leader(ev.pid, ev.time, ev) + `--- ${ev.name} ${ev.info ? formatValue(ev.info, this.o) : '{}'} ---\n` + (ev.stack ? stackText(ev.stack) : '');
      case 'stopped':
        return this.leader(ev.pid, ev.time, ev) + `--- stopped by ${ev.name} ---\n`;
      case 'exit': {
        const s = this.o.quiet.has('exit') ? '' : this.leader(ev.pid, ev.time, ev) + `+++ exited with ${ev.code} +++\n`;
        return s + this.drop(ev.pid);
      }
      case 'killed': {
        const s = this.leader(ev.pid, ev.time, ev) + `+++ killed by ${ev.name}${ev.core ? ' (core dumped)' : ''} +++\n`;
        return s + this.drop(ev.pid);
      }
      case 'detach': {
        let s = '';
        if (this.printing === ev.pid && this.col !== 0) s = ' <detached ...>\n';
        return s + this.drop(ev.pid);
      }
      case 'superseded': {
        const rec = this.open.get(ev.oldPid);
        const o = rec?.open ? rec : undefined;
        this.open.delete(ev.oldPid);
        this.procs.delete(ev.oldPid);
        if (o) this.open.set(ev.pid, { ...o, reprint: true });
        else this.open.delete(ev.pid);
        // the exec'ing thread's open line ends saying so, quiet or not, as strace's does
        let s = '';
        if (this.printing === ev.oldPid && this.col !== 0) {
          s = ` <pid changed to ${ev.pid} ...>\n`;
          this.col = 0;
        }
        if (this.printing === ev.oldPid) this.printing = ev.pid;
        if (this.o.quiet.has('thread-execve')) return s;
        return s + this.leader(ev.pid, ev.time) + `+++ superseded by execve in pid ${ev.oldPid} +++\n`;
      }
      case 'message':
        return '';
      case 'personality':
        return this.o.quiet.has('personality') ? '' : this.leader(ev.pid, ev.time) + `[ Process PID=${ev.pid} runs in ${ev.mode} mode. ]\n`;
    }
  }

  /**
   * A call whose process died stopped in it: its line, if still the open one, ends as strace's
   * droptcb ends it; one already cut by another process's line gets nothing more.
   */
  private died(ev: SyscallEvent): string {
    if (ev.stack) this.queued.set(ev.pid, ev.stack);
    if (this.printing !== ev.pid || this.col === 0) return '';
    this.col = 0;
    return ' <unfinished ...>\n';
  }

  /** The process is gone: forget it; returns the stack it still had to print (-k). */
  private drop(pid: number): string {
    this.procs.delete(pid);
    this.open.delete(pid);
    if (this.printing === pid) {
      this.printing = 0;
      this.col = 0;
    }
    const q = this.queued.get(pid);
    if (!q) return '';
    this.queued.delete(pid);
    return stackText(q);
  }
}
