/**
 * The parts of an ELF file `-k` needs, read from the file on disk (never the tracee's memory): the
 * program headers (to turn an address into a file's own addresses), the symbols of .symtab and
 * .dynsym (to name a frame) and the .eh_frame_hdr / .eh_frame unwind tables. 64-bit little-endian
 * only (x86_64). Only the sections used are read, so a large binary costs its tables, not its code.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const PT_LOAD = 1, PT_GNU_EH_FRAME = 0x6474e550;
const SHT_SYMTAB = 2, SHT_DYNSYM = 11;
const STT_FUNC = 2, SHN_UNDEF = 0, SHN_ABS = 0xfff1;
const PAGE = 0x1000n;

export interface Segment { type: number; offset: bigint; vaddr: bigint; filesz: bigint; memsz: bigint }
interface Section { name: string; type: number; addr: bigint; offset: number; size: number; link: number; entsize: number }

/**
 * The function symbols of a file, sorted by address (numbers: a file's addresses stay far below
 * 2^53); for equal addresses only the first one met is kept. Names are read only when found.
 */
interface Symbols {
  addrs: Float64Array;
  /** Where each name starts in its string table, and which table (read from the file when found). */
  nameOff: Uint32Array;
  table: Uint16Array;
  strtabs: Section[];
  abs: { addr: bigint; name: string }[];
}

/** A found symbol: its name and how far the address lies past it. */
export interface SymbolHit { name: string; dist: bigint }

/** A region of the file's own address space read into memory (.eh_frame, .eh_frame_hdr). */
export interface Region { vaddr: bigint; data: Buffer }

export class ElfFile {
  readonly size: number;
  readonly segments: Segment[] = [];
  private sections: Section[] = [];
  private syms?: Symbols;
  private hdr?: Region | null;
  private frames?: Region | null;
  /** Where symbols come from: this file, or its separate debug file (.gnu_debuglink). */
  symbolSource: ElfFile = this;

  private constructor(private fd: number, public readonly path: string) {
    this.size = fstatSync(fd).size;
  }

  /** Open and read the headers; undefined if the file cannot be read or is not a 64-bit ELF. */
  static open(path: string): ElfFile | undefined {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return undefined;
    }
    const f = new ElfFile(fd, path);
    try {
      if (!f.readHeaders()) {
        f.close();
        return undefined;
      }
    } catch {
      f.close();
      return undefined;
    }
    return f;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    if (this.symbolSource !== this) this.symbolSource.close();
  }

  /** `len` bytes at file offset `off` (short at the end of the file). */
  read(off: number, len: number): Buffer {
    const b = Buffer.alloc(Math.max(0, Math.min(len, this.size - off)));
    if (b.length && this.fd >= 0) readSync(this.fd, b, 0, b.length, off);
    return b;
  }

  private readHeaders(): boolean {
    const h = this.read(0, 64);
    if (h.length < 64 || h.readUInt32BE(0) !== 0x7f454c46 || h[4] !== 2 || h[5] !== 1) return false;
    const phoff = Number(h.readBigUInt64LE(32)), shoff = Number(h.readBigUInt64LE(40));
    const phentsize = h.readUInt16LE(54), phnum = h.readUInt16LE(56);
    const shentsize = h.readUInt16LE(58), shnum = h.readUInt16LE(60), shstrndx = h.readUInt16LE(62);
    const ph = this.read(phoff, phentsize * phnum);
    for (let i = 0; i + 56 <= ph.length && i < phentsize * phnum; i += phentsize) {
      this.segments.push({
        type: ph.readUInt32LE(i), offset: ph.readBigUInt64LE(i + 8), vaddr: ph.readBigUInt64LE(i + 16),
        filesz: ph.readBigUInt64LE(i + 32), memsz: ph.readBigUInt64LE(i + 40),
      });
    }
    // libunwind reads the section table only when it lies wholly inside the file
    if (shoff && shentsize >= 64 && shoff + shnum * shentsize <= this.size) {
      const sh = this.read(shoff, shentsize * shnum);
      const raw = [];
      for (let i = 0; i < shnum; i++) {
        const o = i * shentsize;
        raw.push({
          nameOff: sh.readUInt32LE(o), type: sh.readUInt32LE(o + 4), addr: sh.readBigUInt64LE(o + 16),
          offset: Number(sh.readBigUInt64LE(o + 24)), size: Number(sh.readBigUInt64LE(o + 32)),
          link: sh.readUInt32LE(o + 40), entsize: Number(sh.readBigUInt64LE(o + 56)),
        });
      }
      const strs = raw[shstrndx];
      const names = strs && strs.offset + strs.size <= this.size ? this.read(strs.offset, strs.size) : Buffer.alloc(0);
      this.sections = raw.map((s) => ({ ...s, name: cstr(names, s.nameOff) }));
    }
    return true;
  }

  section(name: string): Section | undefined {
    return this.sections.find((s) => s.name === name);
  }

  /**
   * What to add to this file's addresses to get the process's, for a mapping that starts at
   * `start` with file offset `offset` (libunwind's get_load_offset: the PT_LOAD whose page-aligned
   * offset is the mapping's). 0 when none matches.
   */
  loadBias(start: bigint, offset: bigint): bigint {
    for (const s of this.segments) {
      if (s.type === PT_LOAD && (s.offset & ~(PAGE - 1n)) === offset) return start - s.vaddr + (s.offset & (PAGE - 1n));
    }
    return 0n;
  }

  /** Read a range of the file's address space through its PT_LOAD segments; undefined if not in the file. */
  readVaddr(vaddr: bigint, len: number): Buffer | undefined {
    for (const s of this.segments) {
      if (s.type === PT_LOAD && vaddr >= s.vaddr && vaddr < s.vaddr + s.filesz) {
        const n = Math.min(len, Number(s.vaddr + s.filesz - vaddr));
        return this.read(Number(s.offset + (vaddr - s.vaddr)), n);
      }
    }
    return undefined;
  }

  /** .eh_frame_hdr, found as libunwind finds it: through PT_GNU_EH_FRAME. */
  ehFrameHdr(): Region | undefined {
    if (this.hdr === undefined) {
      const seg = this.segments.find((s) => s.type === PT_GNU_EH_FRAME);
      this.hdr = seg ? { vaddr: seg.vaddr, data: this.read(Number(seg.offset), Number(seg.filesz)) } : null;
    }
    return this.hdr ?? undefined;
  }

  /** .eh_frame from `vaddr` (where .eh_frame_hdr says it starts) to the end of its section or segment. */
  ehFrame(vaddr: bigint): Region | undefined {
    if (this.frames === undefined) {
      const sec = this.sections.find((s) => s.addr === vaddr && s.size > 0);
      const data = sec ? this.read(sec.offset, sec.size) : this.readVaddr(vaddr, 1 << 26);
      this.frames = data ? { vaddr, data } : null;
    }
    return this.frames ?? undefined;
  }

  /**
   * The function symbol nearest below `addr` (an address of this file), as libunwind's lookup_symbol
   * picks it: defined STT_FUNC symbols of every SYMTAB and DYNSYM section in header order, the first
   * of the closest; `bias` applies to all but SHN_ABS ones. Undefined when none lies below, or the
   * nearest is further than the file is long.
   */
  symbolAt(addr: bigint, bias: bigint): SymbolHit | undefined {
    const src = this.symbolSource;
    const s = (src.syms ??= src.loadSymbols());
    let best: SymbolHit | undefined;
    const { addrs } = s;
    let lo = 0, hi = addrs.length - 1, at = -1;
    const rel = addr - bias;
    const r = Number(rel);
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (addrs[mid]! <= r) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (at >= 0 && rel >= 0n) best = { name: src.nameAt(s.strtabs[s.table[at]!]!, s.nameOff[at]!), dist: rel - BigInt(addrs[at]!) };
    for (const a of s.abs) {
      const d = BigInt.asUintN(64, addr - a.addr);
      if (!best || d < best.dist) best = { name: a.name, dist: d };
    }
    return best && best.dist < BigInt(src.size) ? best : undefined;
  }

  private loadSymbols(): Symbols {
    const addr: number[] = [], nameOff: number[] = [], table: number[] = [];
    const strtabs: Section[] = [];
    const abs: { addr: bigint; name: string }[] = [];
    for (const sec of this.sections) {
      if (sec.type !== SHT_SYMTAB && sec.type !== SHT_DYNSYM) continue;
      const strSec = this.sections[sec.link];
      if (!strSec || strSec.offset + strSec.size > this.size || sec.entsize < 24) continue;
      const t = strtabs.push(strSec) - 1;
      const tab = this.read(sec.offset, sec.size);
      for (let o = 0; o + 24 <= tab.length; o += sec.entsize) {
        if ((tab[o + 4]! & 0xf) !== STT_FUNC) continue;
        const shndx = tab[o + 6]! | (tab[o + 7]! << 8);
        if (shndx === SHN_UNDEF) continue;
        if (shndx === SHN_ABS) {
          abs.push({ addr: tab.readBigUInt64LE(o + 8), name: this.nameAt(strSec, tab.readUInt32LE(o)) });
          continue;
        }
        addr.push(tab.readUInt32LE(o + 8) + tab.readUInt32LE(o + 12) * 2 ** 32);
        nameOff.push(tab.readUInt32LE(o));
        table.push(t);
      }
    }
    // the first symbol met at each address (libunwind keeps the first of equally close ones), by address
    const first = new Map<number, number>();
    for (let i = 0; i < addr.length; i++) if (!first.has(addr[i]!)) first.set(addr[i]!, i);
    const addrs = Float64Array.from(first.keys()).sort();
    const keep = Array.from(addrs, (a) => first.get(a)!);
    return { addrs, nameOff: Uint32Array.from(keep, (i) => nameOff[i]!), table: Uint16Array.from(keep, (i) => table[i]!), strtabs, abs };
  }

  /** A name from a string table, read from the file piece by piece up to its NUL. */
  nameAt(strtab: Section, off: number): string {
    const parts: Buffer[] = [];
    for (let at = off; at < strtab.size; at += 256) {
      const b = this.read(strtab.offset + at, Math.min(256, strtab.size - at));
      const z = b.indexOf(0);
      parts.push(z < 0 ? b : b.subarray(0, z));
      if (z >= 0 || !b.length) break;
    }
    return Buffer.concat(parts).toString('latin1');
  }

  /** The .gnu_debuglink name, if the file has one. */
  debugLink(): string | undefined {
    const s = this.section('.gnu_debuglink');
    if (!s || s.offset + s.size > this.size) return undefined;
    const b = this.read(s.offset, s.size);
    const z = b.indexOf(0);
    return z > 0 ? b.toString('latin1', 0, z) : undefined;
  }
}

/** A NUL-terminated string at `off` of a string table (latin1: the bytes as they are). */
function cstr(b: Buffer, off: number): string {
  if (off >= b.length) return '';
  const z = b.indexOf(0, off);
  return b.toString('latin1', off, z < 0 ? b.length : z);
}
