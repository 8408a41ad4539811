/** strace's text format, as a pure function of events. */
import type { Value } from '../decode/value.js';
import type { Event, Ret, SyscallEvent } from '../model.js';
import { errorReturnText } from '../decode/xlat/errno.js';

export interface TextOptions {
  /** -a: the column where `= result` is aligned (default 40). */
  acolumn: number;
  /** -x / -xx: 0 escapes as octal, 1 hex for non-ASCII strings, 2 hex for all. */
  xflag: 0 | 1 | 2;
}

export const defaultTextOptions: TextOptions = { acolumn: 40, xflag: 0 };

const HEX = '0123456789abcdef';

/** strace's string_quote for a byte string. */
export function quote(b: Uint8Array, xflag: 0 | 1 | 2, forceHex = false): string {
  let usehex = forceHex || xflag === 2;
  if (!usehex && xflag === 1) {
    for (const c of b) {
      if (c > 0x7e || (c < 0x20 && (c < 9 || c > 13))) {
        usehex = true;
        break;
      }
    }
  }
  let s = '"';
  if (usehex) {
    for (const c of b) s += '\\x' + HEX[c >> 4] + HEX[c & 15];
    return s + '"';
  }
  const n = b.length;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c >= 0x20 && c < 0x7f) {
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
        if (next >= 0x30 && next <= 0x37) s += '\\' + c.toString(8).padStart(3, '0');
        else s += '\\' + c.toString(8);
      }
    }
  }
  return s + '"';
}

const hexOf = (v: bigint): string => (v === 0n ? '0' : '0x' + BigInt.asUintN(64, v).toString(16));

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
        default: return v.v.toString();
      }
    case 'sym': return v.name;
    case 'flags': {
      if (v.names.length === 0) return hexOf(v.rest);
      return v.rest !== 0n ? v.names.join('|') + '|' + hexOf(v.rest) : v.names.join('|');
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
      if (v.more) s += v.items.length ? ', ...' : '...';
      return s + ']';
    }
    case 'sigset': return (v.inverted ? '~[' : '[') + v.names.join(' ') + ']';
    case 'call': return v.fn + '(' + v.args.map((a) => formatValue(a, o)).join(', ') + ')';
    case 'note': return formatValue(v.v, o) + ' /* ' + v.text + ' */';
    case 'tok': return v.text;
    case 'join': return v.parts.map((p) => formatValue(p, o)).join(v.sep);
    case 'fd': return v.path !== undefined ? `${v.fd}<${v.path}>` : String(v.fd);
    case 'inout': return formatValue(v.in, o) + ' => ' + formatValue(v.out, o);
  }
}

/** The `= …` part of a finished syscall. */
export function formatRet(r: Ret | undefined, o: TextOptions = defaultTextOptions): string {
  if (!r || r.fmt === 'none') return '= ?';
  let s: string;
  if (r.errno) s = '= ' + errorReturnText(r.errno);
  else {
    switch (r.fmt) {
      case 'x': s = '= ' + hexOf(r.rval); break;
      case 'u': s = '= ' + BigInt.asUintN(64, r.rval).toString(); break;
      case 'o': s = '= ' + formatValue({ k: 'int', v: r.rval, fmt: 'o' }); break;
      default: s = '= ' + r.rval.toString();
    }
  }
  if (r.aux) s += ' (' + formatValue(r.aux, o) + ')';
  return s;
}

const SPACES = ' '.repeat(256);

/**
 * The strace text renderer. Stateful only in what strace's output itself carries across events
 * (the line a syscall entry left open); no I/O: `render` returns the text to write.
 */
export class StraceText {
  private open = new Map<number, { col: number; args: number }>();

  constructor(private o: TextOptions = defaultTextOptions) {}

  render(ev: Event): string {
    switch (ev.type) {
      case 'syscall_entry': {
        const s = ev.name + '(' + ev.args.map((a) => formatValue(a, this.o)).join(', ');
        this.open.set(ev.pid, { col: s.length, args: ev.args.length });
        return s;
      }
      case 'syscall': return this.finish(ev);
      case 'signal':
        return this.closeOpen(ev.pid) + `--- ${ev.name} ${ev.info ? formatValue(ev.info, this.o) : '{}'} ---\n`;
      case 'stopped': return this.closeOpen(ev.pid) + `--- stopped by ${ev.name} ---\n`;
      case 'exit': return this.closeOpen(ev.pid) + `+++ exited with ${ev.code} +++\n`;
      case 'killed':
        return this.closeOpen(ev.pid) + `+++ killed by ${ev.name}${ev.core ? ' (core dumped)' : ''} +++\n`;
      case 'message': return '';
    }
  }

  /** The rest of a syscall line whose entry was rendered. */
  private finish(ev: SyscallEvent): string {
    const o = this.open.get(ev.pid);
    let s = '';
    let col: number;
    if (o) {
      this.open.delete(ev.pid);
      col = o.col;
      const rest = ev.args.slice(ev.entryArgs).map((a) => formatValue(a, this.o));
      if (rest.length) s = (ev.entryArgs > 0 ? ', ' : '') + rest.join(', ');
    } else {
      s = ev.name + '(' + ev.args.map((a) => formatValue(a, this.o)).join(', ');
      col = 0;
    }
    s += ') ';
    col += s.length;
    if (col < this.o.acolumn) s += SPACES.slice(0, this.o.acolumn - col);
    return s + formatRet(ev.ret, this.o) + '\n';
  }

  /** A syscall interrupted by process death prints ` = ?` (strace: `) = ?`). */
  private closeOpen(pid: number): string {
    const o = this.open.get(pid);
    if (!o) return '';
    this.open.delete(pid);
    const s = ') ';
    const col = o.col + 2;
    return s + (col < this.o.acolumn ? SPACES.slice(0, this.o.acolumn - col) : '') + '= ?\n';
  }
}
