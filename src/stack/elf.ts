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

/** One symbol table, sorted by address: for equal addresses only the first one met is kept. */
interface Symbols { addrs: BigUint64Array; names: string[]; abs: { addr: bigint; name: string }[] }

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
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (addrs[mid]! <= rel) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (at >= 0 && rel >= 0n) best = { name: s.names[at]!, dist: rel - addrs[at]! };
    for (const a of s.abs) {
      const d = BigInt.asUintN(64, addr - a.addr);
      if (!best || d < best.dist) best = { name: a.name, dist: d };
    }
    return best && best.dist < BigInt(src.size) ? best : undefined;
  }

  private loadSymbols(): Symbols {
    const all: { addr: bigint; name: string; order: number }[] = [];
    const abs: { addr: bigint; name: string }[] = [];
    let order = 0;
    for (const sec of this.sections) {
      if (sec.type !== SHT_SYMTAB && sec.type !== SHT_DYNSYM) continue;
      const strSec = this.sections[sec.link];
      if (!strSec || strSec.offset + strSec.size > this.size || sec.entsize < 24) continue;
      const strtab = this.read(strSec.offset, strSec.size);
      const tab = this.read(sec.offset, sec.size);
      for (let o = 0; o + 24 <= tab.length; o += sec.entsize) {
        if ((tab[o + 4]! & 0xf) !== STT_FUNC) continue;
        const shndx = tab.readUInt16LE(o + 6);
        if (shndx === SHN_UNDEF) continue;
        const name = cstr(strtab, tab.readUInt32LE(o));
        const value = tab.readBigUInt64LE(o + 8);
        if (shndx === SHN_ABS) abs.push({ addr: value, name });
        else all.push({ addr: value, name, order: order++ });
      }
    }
    all.sort((a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : a.order - b.order));
    const addrs: bigint[] = [], names: string[] = [];
    for (const e of all) {
      if (addrs.length && addrs[addrs.length - 1] === e.addr) continue;
      addrs.push(e.addr);
      names.push(e.name);
    }
    return { addrs: BigUint64Array.from(addrs), names, abs };
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
