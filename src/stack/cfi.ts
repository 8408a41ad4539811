/**
 * DWARF call frame information as .eh_frame holds it: finding the FDE for an address through
 * .eh_frame_hdr's sorted table (as libunwind does: no table, no CFI), parsing CIEs and FDEs, and
 * running their CFA programs to the row for one address. Also the DWARF expressions those programs use on x86_64
 * (glibc's signal trampoline, PLT stubs). All addresses here are the file's own (unrelocated).
 */
import type { Region } from './elf.js';

/** How a register of the caller is found (DWARF's register rules). */
export type Rule =
  | { k: 'undef' }
  | { k: 'same' }
  | { k: 'offset'; n: bigint } // saved at CFA + n
  | { k: 'valOffset'; n: bigint } // is CFA + n
  | { k: 'reg'; r: number } // is in register r
  | { k: 'expr'; e: Buffer } // saved at the address the expression computes
  | { k: 'valExpr'; e: Buffer }; // is the value the expression computes

/** The CFA: a register plus an offset, or an expression. */
export type CfaRule = { k: 'reg'; r: number; n: bigint } | { k: 'expr'; e: Buffer };

/** One row of the unwind table: the rules in force at an address. */
export interface Row {
  cfa: CfaRule;
  regs: Map<number, Rule>;
  /** The column of the return address. */
  ra: number;
  /** The FDE's CIE has augmentation 'S': a signal frame, whose address is not a return address. */
  signal: boolean;
}

interface Cie { codeAlign: bigint; dataAlign: bigint; ra: number; fdeEnc: number; signal: boolean; aug: boolean; insns: Buffer }
export interface Fde { cie: Cie; start: bigint; end: bigint; insns: Buffer }

const DW_EH_PE_omit = 0xff;

/** A little reader over a buffer that knows the address of its first byte (for pc-relative pointers). */
class Cursor {
  constructor(public b: Buffer, public pos: number, private base: bigint, private dataRel = 0n) {}
  u8(): number { return this.b[this.pos++]!; }
  u16(): number { const v = this.b.readUInt16LE(this.pos); this.pos += 2; return v; }
  u32(): number { const v = this.b.readUInt32LE(this.pos); this.pos += 4; return v; }
  u64(): bigint { const v = this.b.readBigUInt64LE(this.pos); this.pos += 8; return v; }
  uleb(): bigint { return this.leb(false); }
  sleb(): bigint { return this.leb(true); }
  /** LEB128: seven bits a byte, low first; signed, the last byte's bit 6 extends the sign. */
  private leb(signed: boolean): bigint {
    let r = 0n, shift = 0n, byte: number;
    do {
      byte = this.u8();
      r |= BigInt(byte & 0x7f) << shift;
      shift += 7n;
    } while (byte & 0x80);
    return signed && byte & 0x40 ? r - (1n << shift) : r;
  }
  /** An encoded pointer (DW_EH_PE_*); undefined for an encoding this reader does not know. */
  ptr(enc: number): bigint | undefined {
    if (enc === DW_EH_PE_omit) return 0n;
    const at = this.base + BigInt(this.pos);
    let v: bigint;
    switch (enc & 0x0f) {
      case 0x00: v = this.u64(); break;
      case 0x01: v = this.uleb(); break;
      case 0x02: v = BigInt(this.u16()); break;
      case 0x03: v = BigInt(this.u32()); break;
      case 0x04: v = this.u64(); break;
      case 0x09: v = this.sleb(); break;
      case 0x0a: v = BigInt(this.b.readInt16LE(this.pos)); this.pos += 2; break;
      case 0x0b: v = BigInt(this.b.readInt32LE(this.pos)); this.pos += 4; break;
      case 0x0c: v = this.b.readBigInt64LE(this.pos); this.pos += 8; break;
      default: return undefined;
    }
    switch (enc & 0x70) {
      case 0x00: break;
      case 0x10: v += at; break;
      case 0x30: v += this.dataRel; break;
      default: return undefined;
    }
    return BigInt.asUintN(64, v);
  }
}

/** Parses and finds the FDEs of one file's .eh_frame. */
export class FrameTable {
  private cies = new Map<number, Cie | null>();
  private fdes = new Map<number, Fde | null>();

  private constructor(private frames: Region, private hdr?: { table: Buffer; count: number; vaddr: bigint }) {}

  /** The table from .eh_frame_hdr, if it has a binary-search table libunwind would use. */
  static fromHdr(hdr: Region, frames: (vaddr: bigint) => Region | undefined): FrameTable | undefined {
    const b = hdr.data;
    if (b.length < 4 || b[0] !== 1) return undefined;
    const c = new Cursor(b, 4, hdr.vaddr, hdr.vaddr);
    const ehFramePtr = c.ptr(b[1]!);
    const count = c.ptr(b[2]!);
    if (ehFramePtr === undefined || count === undefined) return undefined;
    const region = frames(ehFramePtr);
    if (!region) return undefined;
    // the table is usable only as datarel sdata4 pairs (what every linker writes)
    const table = b[3] === 0x3b ? b.subarray(c.pos, c.pos + Number(count) * 8) : undefined;
    return new FrameTable(region, table ? { table, count: table.length >> 3, vaddr: hdr.vaddr } : undefined);
  }

  /** The FDE covering `pc`, or undefined (libunwind's -UNW_ENOINFO, also for a file without .eh_frame_hdr's table). */
  find(pc: bigint): Fde | undefined {
    if (!this.hdr) return undefined;
    const { table, count, vaddr } = this.hdr;
    let lo = 0, hi = count - 1, at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (vaddr + BigInt(table.readInt32LE(mid * 8)) <= pc) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (at < 0) return undefined;
    const off = Number(vaddr + BigInt(table.readInt32LE(at * 8 + 4)) - this.frames.vaddr);
    const fde = memo(this.fdes, off, (o) => this.parseFde(o));
    return fde && pc >= fde.start && pc < fde.end ? fde : undefined;
  }

  /** A cursor past an entry's length (32-bit, or 64-bit after 0xffffffff), and where the entry ends. */
  private entry(off: number): { c: Cursor; end: number } {
    const c = new Cursor(this.frames.data, off, this.frames.vaddr);
    let len = c.u32();
    if (len === 0xffffffff) len = Number(c.u64());
    return { c, end: c.pos + len };
  }

  private parseFde(off: number): Fde | undefined {
    const { c, end } = this.entry(off);
    const idPos = c.pos;
    const id = c.u32();
    if (id === 0) return undefined;
    const cie = memo(this.cies, idPos - id, (o) => this.parseCie(o));
    if (!cie) return undefined;
    const start = c.ptr(cie.fdeEnc);
    const range = c.ptr(cie.fdeEnc & 0x0f);
    if (start === undefined || range === undefined) return undefined;
    if (cie.aug) c.pos += Number(c.uleb());
    return { cie, start, end: start + range, insns: this.frames.data.subarray(c.pos, end) };
  }

  private parseCie(off: number): Cie | undefined {
    const b = this.frames.data;
    const { c, end } = this.entry(off);
    if (c.u32() !== 0) return undefined;
    const version = c.u8();
    const z = b.indexOf(0, c.pos);
    const augStr = b.toString('latin1', c.pos, z);
    c.pos = z + 1;
    if (augStr.includes('eh')) c.pos += 8;
    const codeAlign = c.uleb();
    const dataAlign = c.sleb();
    const ra = version === 1 ? c.u8() : Number(c.uleb());
    let fdeEnc = 0, signal = false;
    const aug = augStr.startsWith('z');
    if (aug) {
      const augLen = Number(c.uleb());
      const augEnd = c.pos + augLen;
      for (const ch of augStr.slice(1)) {
        if (ch === 'R') fdeEnc = c.u8();
        else if (ch === 'L') c.u8();
        else if (ch === 'P') {
          const enc = c.u8();
          if (c.ptr(enc & 0x7f) === undefined) return undefined;
        } else if (ch === 'S') signal = true;
        else break;
      }
      c.pos = augEnd;
    } else if (augStr.includes('S')) signal = true;
    return { codeAlign, dataAlign, ra, fdeEnc, signal, aug, insns: b.subarray(c.pos, end) };
  }
}

/** A parse remembered by offset; one that throws (a table cut short) is remembered as nothing. */
function memo<T>(m: Map<number, T | null>, off: number, parse: (off: number) => T | undefined): T | undefined {
  let r = m.get(off);
  if (r === undefined) {
    try {
      r = parse(off) ?? null;
    } catch {
      r = null;
    }
    m.set(off, r);
  }
  return r ?? undefined;
}

/**
 * The unwind row in force at `pc` in this FDE: the CIE's initial instructions, then the FDE's, as
 * long as their location stays at or below `pc`. Throws on an instruction it does not know.
 */
export function rowAt(fde: Fde, pc: bigint): Row {
  const cie = fde.cie;
  const row: Row = { cfa: { k: 'reg', r: 7, n: 8n }, regs: new Map(), ra: cie.ra, signal: cie.signal };
  run(cie.insns, cie, row, undefined, fde.start, pc);
  const initial = new Map(row.regs);
  run(fde.insns, cie, row, initial, fde.start, pc);
  return row;
}

function run(insns: Buffer, cie: Cie, row: Row, initial: Map<number, Rule> | undefined, start: bigint, pc: bigint): void {
  const c = new Cursor(insns, 0, 0n);
  const stack: { cfa: CfaRule; regs: Map<number, Rule> }[] = [];
  let loc = start;
  const da = cie.dataAlign;
  const restore = (r: number) => {
    const rule = initial?.get(r);
    if (rule) row.regs.set(r, rule);
    else row.regs.delete(r);
  };
  const block = () => {
    const n = Number(c.uleb());
    const e = insns.subarray(c.pos, c.pos + n);
    c.pos += n;
    return e;
  };
  while (c.pos < insns.length) {
    const op = c.u8();
    const hi = op & 0xc0, lo = op & 0x3f;
    if (hi === 0x40) {
      loc += BigInt(lo) * cie.codeAlign;
      if (loc > pc) return;
      continue;
    }
    if (hi === 0x80) {
      row.regs.set(lo, { k: 'offset', n: c.uleb() * da });
      continue;
    }
    if (hi === 0xc0) {
      restore(lo);
      continue;
    }
    switch (op) {
      case 0x00: break;
      case 0x01: {
        const v = c.ptr(cie.fdeEnc & 0x0f);
        if (v === undefined) throw new Error('DW_CFA_set_loc encoding');
        loc = v;
        if (loc > pc) return;
        break;
      }
      case 0x02: case 0x03: case 0x04: {
        const d = op === 0x02 ? c.u8() : op === 0x03 ? c.u16() : c.u32();
        loc += BigInt(d) * cie.codeAlign;
        if (loc > pc) return;
        break;
      }
      case 0x05: { const r = Number(c.uleb()); row.regs.set(r, { k: 'offset', n: c.uleb() * da }); break; }
      case 0x06: restore(Number(c.uleb())); break;
      case 0x07: row.regs.set(Number(c.uleb()), { k: 'undef' }); break;
      case 0x08: row.regs.set(Number(c.uleb()), { k: 'same' }); break;
      case 0x09: { const r = Number(c.uleb()); row.regs.set(r, { k: 'reg', r: Number(c.uleb()) }); break; }
      case 0x0a: stack.push({ cfa: row.cfa, regs: new Map(row.regs) }); break;
      case 0x0b: {
        const s = stack.pop();
        if (s) {
          row.cfa = s.cfa;
          row.regs = s.regs;
        }
        break;
      }
      case 0x0c: { const r = Number(c.uleb()); row.cfa = { k: 'reg', r, n: c.uleb() }; break; }
      case 0x0d: row.cfa = { k: 'reg', r: Number(c.uleb()), n: row.cfa.k === 'reg' ? row.cfa.n : 0n }; break;
      case 0x0e: row.cfa = { k: 'reg', r: row.cfa.k === 'reg' ? row.cfa.r : 7, n: c.uleb() }; break;
      case 0x0f: row.cfa = { k: 'expr', e: block() }; break;
      case 0x10: { const r = Number(c.uleb()); row.regs.set(r, { k: 'expr', e: block() }); break; }
      case 0x11: { const r = Number(c.uleb()); row.regs.set(r, { k: 'offset', n: c.sleb() * da }); break; }
      case 0x12: { const r = Number(c.uleb()); row.cfa = { k: 'reg', r, n: c.sleb() * da }; break; }
      case 0x13: row.cfa = { k: 'reg', r: row.cfa.k === 'reg' ? row.cfa.r : 7, n: c.sleb() * da }; break;
      case 0x14: { const r = Number(c.uleb()); row.regs.set(r, { k: 'valOffset', n: c.uleb() * da }); break; }
      case 0x15: { const r = Number(c.uleb()); row.regs.set(r, { k: 'valOffset', n: c.sleb() * da }); break; }
      case 0x16: { const r = Number(c.uleb()); row.regs.set(r, { k: 'valExpr', e: block() }); break; }
      case 0x2e: c.uleb(); break; // DW_CFA_GNU_args_size
      case 0x2f: { const r = Number(c.uleb()); row.regs.set(r, { k: 'offset', n: -c.uleb() * da }); break; }
      default: throw new Error(`DW_CFA 0x${op.toString(16)}`);
    }
  }
}

/** A register's value in the frame being unwound (undefined: not known), and a memory word reader. */
export interface ExprEnv {
  reg(r: number): bigint | undefined;
  word(addr: bigint): bigint | undefined;
}

const U64 = (v: bigint) => BigInt.asUintN(64, v);
const S64 = (v: bigint) => BigInt.asIntN(64, v);

/**
 * Evaluate a DWARF expression (the stack-machine subset CFI uses) with `initial` pushed first;
 * returns the top of the stack, or undefined if it reads what cannot be read or does what it may not.
 */
export function evalExpr(e: Buffer, env: ExprEnv, initial: bigint): bigint | undefined {
  const c = new Cursor(e, 0, 0n);
  const st: bigint[] = [initial];
  const pop = (): bigint => {
    const v = st.pop();
    if (v === undefined) throw new Error('stack underflow');
    return v;
  };
  const breg = (r: number, off: bigint) => {
    const v = env.reg(r);
    if (v === undefined) throw new Error('register');
    st.push(U64(v + off));
  };
  try {
    while (c.pos < e.length) {
      const op = c.u8();
      if (op >= 0x30 && op <= 0x4f) { st.push(BigInt(op - 0x30)); continue; }
      if (op >= 0x70 && op <= 0x8f) { breg(op - 0x70, c.sleb()); continue; }
      switch (op) {
        case 0x03: st.push(c.u64()); break;
        case 0x06: case 0x94: {
          const size = op === 0x94 ? c.u8() : 8;
          const w = env.word(pop());
          if (w === undefined) return undefined;
          st.push(size >= 8 ? w : w & ((1n << BigInt(size * 8)) - 1n));
          break;
        }
        case 0x08: st.push(BigInt(c.u8())); break;
        case 0x09: st.push(U64(BigInt(e.readInt8(c.pos++)))); break;
        case 0x0a: st.push(BigInt(c.u16())); break;
        case 0x0b: st.push(U64(BigInt(e.readInt16LE(c.pos)))); c.pos += 2; break;
        case 0x0c: st.push(BigInt(c.u32())); break;
        case 0x0d: st.push(U64(BigInt(e.readInt32LE(c.pos)))); c.pos += 4; break;
        case 0x0e: st.push(c.u64()); break;
        case 0x0f: st.push(U64(e.readBigInt64LE(c.pos))); c.pos += 8; break;
        case 0x10: st.push(U64(c.uleb())); break;
        case 0x11: st.push(U64(c.sleb())); break;
        case 0x12: st.push(st[st.length - 1]!); break;
        case 0x13: pop(); break;
        case 0x14: st.push(st[st.length - 2]!); break;
        case 0x15: st.push(st[st.length - 1 - c.u8()]!); break;
        case 0x16: { const a = pop(), b = pop(); st.push(a, b); break; }
        case 0x17: { const a = pop(), b = pop(), d = pop(); st.push(a, d, b); break; }
        case 0x19: { const a = S64(pop()); st.push(U64(a < 0n ? -a : a)); break; }
        case 0x1a: { const a = pop(); st.push(pop() & a); break; }
        case 0x1b: { const a = S64(pop()), b = S64(pop()); if (a === 0n) return undefined; st.push(U64(b / a)); break; }
        case 0x1c: { const a = pop(); st.push(U64(pop() - a)); break; }
        case 0x1d: { const a = pop(), b = pop(); if (a === 0n) return undefined; st.push(b % a); break; }
        case 0x1e: { const a = pop(); st.push(U64(pop() * a)); break; }
        case 0x1f: st.push(U64(-pop())); break;
        case 0x20: st.push(U64(~pop())); break;
        case 0x21: { const a = pop(); st.push(pop() | a); break; }
        case 0x22: { const a = pop(); st.push(U64(pop() + a)); break; }
        case 0x23: st.push(U64(pop() + c.uleb())); break;
        case 0x24: { const a = pop(); st.push(U64(pop() << a)); break; }
        case 0x25: { const a = pop(); st.push(pop() >> a); break; }
        case 0x26: { const a = pop(); st.push(U64(S64(pop()) >> a)); break; }
        case 0x27: { const a = pop(); st.push(pop() ^ a); break; }
        case 0x28: { const d = e.readInt16LE(c.pos); c.pos += 2; if (pop() !== 0n) c.pos += d; break; }
        case 0x29: case 0x2a: case 0x2b: case 0x2c: case 0x2d: case 0x2e: {
          const a = S64(pop()), b = S64(pop());
          const r = op === 0x29 ? b === a : op === 0x2a ? b >= a : op === 0x2b ? b > a : op === 0x2c ? b <= a : op === 0x2d ? b < a : b !== a;
          st.push(r ? 1n : 0n);
          break;
        }
        case 0x2f: { const d = e.readInt16LE(c.pos); c.pos += 2; c.pos += d; break; }
        case 0x92: { const r = Number(c.uleb()); breg(r, c.sleb()); break; }
        case 0x96: break;
        default: return undefined;
      }
    }
  } catch {
    return undefined;
  }
  return st[st.length - 1];
}
