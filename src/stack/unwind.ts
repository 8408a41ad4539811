/**
 * -k's stack walk: from a stopped tracee's registers to its frames, the way strace 6.1 built with
 * libunwind finds and names them on x86_64. Each frame is unwound by the CFI of the file mapped at
 * its address (.eh_frame through .eh_frame_hdr); where there is none, by libunwind's frame-pointer
 * guess. Frames are named by the nearest function symbol of .symtab/.dynsym, as libunwind's
 * unw_get_proc_name does, and placed as strace does: the file and the offset into it.
 *
 * Caches: the mappings of each tracee, reread after any call that may change them (mapsChanged,
 * strace's mmap cache generation), and each file's headers, symbols and CFI, kept while the file on
 * disk stays the same (checked once per generation).
 */
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Memory } from '../decode/types.js';
import type { StackFrame } from '../model.js';
import { evalExpr, FrameTable, rowAt, type ExprEnv, type Rule } from './cfi.js';
import { demangled, learn } from './demangle.js';
import { ElfFile } from './elf.js';
import { mappingAt, readMaps, type Mapping } from './maps.js';

/** strace's limit (unwind-libunwind.c): deeper stacks end with a line saying so. */
const MAX_FRAMES = 256;
/** DWARF registers libunwind tracks on x86_64 (rax … r15, and 16, the return address). */
const NREGS = 17;
const RBP = 6, RSP = 7, RIP = 16;
const PAGE = 4096n;

/** A register's location after a step: its value, unknown (DWARF's undefined: libunwind's NULL loc), or unreadable. */
type Loc = bigint | null | 'bad';

interface FileEntry {
  elf: ElfFile;
  table?: FrameTable | null;
  stamp: string;
  checked: number;
}

/** One frame being unwound: its registers, CFA (the caller's stack pointer) and how its pc is looked up. */
interface Cursor {
  ip: bigint;
  cfa: bigint;
  regs: Loc[];
  /** The pc is a return address: look up pc - 1 (libunwind's use_prev_instr). */
  prev: boolean;
}

export class Unwinder {
  private gen = 0;
  private procs = new Map<number, { gen: number; maps: Mapping[] }>();
  /** Counts /proc/PID/maps reads, so a walk knows whether its mappings were read for it. */
  private reads = 0;
  private files = new Map<string, FileEntry | null>();
  private pages = new Map<bigint, Uint8Array | null>();
  private mem!: Memory;

  /** A call that may have changed some tracee's mappings returned: every tracee's are reread when next needed. */
  mapsChanged(): void {
    this.gen++;
  }

  /** The process is gone. */
  forget(pid: number): void {
    this.procs.delete(pid);
  }

  /**
   * The frames of `pid`, stopped with these registers (indexed by DWARF number), reading its memory
   * through `mem`. `queued`: the walk is kept to print later (strace's unwind queue), where a frame
   * with no symbol prints `(+0x0)` rather than `()`.
   */
  walk(pid: number, regs: readonly bigint[], mem: Memory, queued: boolean): StackFrame[] {
    const before = this.reads;
    let maps = this.mapsOf(pid);
    // a tracee stopped only for traced calls (seccomp) may have mapped code since: one reread
    let fresh = this.reads !== before;
    // strace prints nothing when it has no mappings to go by
    if (!maps.length) return [];
    this.mem = mem;
    this.pages.clear();
    const frames: StackFrame[] = [];
    const cur: Cursor = { ip: regs[RIP]!, cfa: regs[RSP]!, regs: regs.slice(0, NREGS), prev: false };
    let depth = 0;
    for (; depth < MAX_FRAMES; depth++) {
      let m = mappingAt(maps, cur.ip);
      if ((!m || !m.exec) && !fresh) {
        maps = this.reread(pid);
        fresh = true;
        m = mappingAt(maps, cur.ip);
      }
      if (!m || !m.exec) {
        if (cur.ip) frames.push({ error: 'unexpected_backtracing_error', pc: cur.ip });
        break;
      }
      frames.push(this.frame(m, maps, cur, queued));
      if (this.step(cur, maps) <= 0) break;
    }
    if (depth >= MAX_FRAMES) frames.push({ error: 'too many stack frames' });
    learn(frames.flatMap((f) => (f.symbol ? [f.symbol] : [])));
    for (const f of frames) if (f.symbol) f.symbol = demangled(f.symbol);
    return frames;
  }

  private mapsOf(pid: number): Mapping[] {
    const p = this.procs.get(pid);
    return p && p.gen === this.gen ? p.maps : this.reread(pid);
  }

  private reread(pid: number): Mapping[] {
    const maps = readMaps(pid);
    this.reads++;
    this.procs.set(pid, { gen: this.gen, maps });
    return maps;
  }

  /** The file behind a mapping, opened once and kept while it is unchanged on disk. */
  private file(path: string): FileEntry | undefined {
    let e = this.files.get(path);
    if (e === null) return undefined;
    if (e && e.checked === this.gen) return e;
    const stamp = stampOf(path);
    if (e && e.stamp === stamp) {
      e.checked = this.gen;
      return e;
    }
    e?.elf.close();
    const elf = stamp ? ElfFile.open(path) : undefined;
    if (!elf) {
      this.files.set(path, null);
      return undefined;
    }
    const debug = debugFile(elf, path);
    if (debug) elf.symbolSource = debug;
    e = { elf, stamp, checked: this.gen };
    this.files.set(path, e);
    return e;
  }

  /** Name and place one frame (print_stack_frame with unw_get_proc_name). */
  private frame(m: Mapping, maps: readonly Mapping[], cur: Cursor, queued: boolean): StackFrame {
    const pc = cur.ip - m.start + m.offset;
    const at = cur.prev ? cur.ip - 1n : cur.ip;
    // libunwind finds the file by the address it looks up, which for a return address is the call
    const lm = at === cur.ip ? m : mappingAt(maps, at);
    const f = lm ? this.file(lm.path) : undefined;
    const hit = f && lm ? f.elf.symbolAt(at, f.elf.symbolSource.loadBias(lm.start, lm.offset)) : undefined;
    if (hit && hit.name) return { file: m.path, symbol: hit.name, offset: hit.dist + (cur.prev ? 1n : 0n), pc };
    return queued ? { file: m.path, symbol: '', offset: 0n, pc } : { file: m.path, pc };
  }

  /** One word of the tracee's memory, through a per-walk page cache; undefined if unreadable. */
  private word(addr: bigint): bigint | undefined {
    const off = Number(addr % PAGE);
    if (off <= 4088) {
      const page = addr - BigInt(off);
      let p = this.pages.get(page);
      if (p === undefined) {
        p = this.mem.read(page, 4096);
        this.pages.set(page, p);
      }
      if (p) return new DataView(p.buffer, p.byteOffset, p.byteLength).getBigUint64(off, true);
    }
    const b = this.mem.read(addr, 8);
    return b ? new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true) : undefined;
  }

  private value(l: Loc): bigint | undefined {
    return typeof l === 'bigint' ? l : undefined;
  }

  /**
   * Step to the caller (libunwind's unw_step on x86_64): >0 stepped, 0 the end of the stack, <0
   * an error (strace stops there, printing nothing more).
   */
  private step(cur: Cursor, maps: readonly Mapping[]): number {
    const at = cur.prev ? cur.ip - 1n : cur.ip;
    const m = mappingAt(maps, at);
    const f = m ? this.file(m.path) : undefined;
    let bias = 0n;
    let fde;
    if (f && m) {
      if (f.table === undefined) {
        const hdr = f.elf.ehFrameHdr();
        f.table = (hdr && FrameTable.fromHdr(hdr, (v) => f.elf.ehFrame(v))) ?? null;
      }
      bias = f.elf.loadBias(m.start, m.offset);
      fde = f.table?.find(at - bias);
    }
    if (fde) return this.cfiStep(cur, fde, at - bias);
    return this.guessStep(cur);
  }

  private cfiStep(cur: Cursor, fde: NonNullable<ReturnType<FrameTable['find']>>, pc: bigint): number {
    let row;
    try {
      row = rowAt(fde, pc);
    } catch {
      return -1;
    }
    const env: ExprEnv = {
      reg: (r) => (r === RSP ? cur.cfa : r === RIP ? cur.ip : r < NREGS ? this.value(cur.regs[r]!) : undefined),
      word: (a) => this.word(a),
    };
    let cfa: bigint | undefined;
    if (row.cfa.k === 'reg') {
      // the CFA rests on the stack pointer, which is the previous CFA (libunwind's special case)
      const base = env.reg(row.cfa.r);
      if (base === undefined) return -1;
      cfa = BigInt.asUintN(64, base + row.cfa.n);
    } else {
      cfa = evalExpr(row.cfa.e, env, 0n);
      if (cfa === undefined) return -1;
    }
    const next = cur.regs.slice();
    for (let r = 0; r < NREGS; r++) {
      const rule: Rule = row.regs.get(r) ?? SAME;
      switch (rule.k) {
        case 'same': break;
        case 'undef': next[r] = null; break;
        case 'offset': next[r] = this.word(BigInt.asUintN(64, cfa + rule.n)) ?? 'bad'; break;
        case 'valOffset': next[r] = BigInt.asUintN(64, cfa + rule.n); break;
        case 'reg': next[r] = rule.r < NREGS ? next[rule.r]! : 'bad'; break;
        case 'expr': {
          const a = evalExpr(rule.e, env, cfa);
          next[r] = a === undefined ? 'bad' : this.word(a) ?? 'bad';
          break;
        }
        case 'valExpr': next[r] = evalExpr(rule.e, env, cfa) ?? 'bad'; break;
      }
    }
    const prevIp = cur.ip, prevCfa = cur.cfa;
    cur.regs = next;
    cur.cfa = cfa;
    const ra = next[row.ra];
    // an undefined return address is the end of the stack (the DWARF rule)
    if (ra === null || ra === undefined) return 0;
    if (ra === 'bad') return -1;
    cur.ip = ra;
    if (cur.ip === prevIp && cur.cfa === prevCfa) return -1;
    cur.prev = !row.signal;
    // x86_64's ABI marks the outermost frame with an undefined rbp as well
    if (next[RBP] === null) return 0;
    return 1;
  }

  /** No CFI for this address: libunwind's x86_64 fallbacks (a PLT stub, else the frame-pointer chain). */
  private guessStep(cur: Cursor): number {
    const prevIp = cur.ip, prevCfa = cur.cfa;
    const w0 = this.word(cur.ip), w1 = this.word(cur.ip + 8n);
    let ripLoc: bigint | null;
    if (w0 !== undefined && w1 !== undefined && (w0 & 0xffffn) === 0x25ffn && ((w0 >> 48n) & 0xffn) === 0x68n && ((w1 >> 24n) & 0xffn) === 0xe9n) {
      // jmp *x(%rip); push $n; jmp …: the call pushed only the return address
      ripLoc = cur.cfa;
      cur.cfa += 8n;
    } else {
      const rbpLoc = cur.regs[RBP]!;
      if (rbpLoc === null) {
        cur.regs.fill(null);
        return 0;
      }
      const rbp = this.value(rbpLoc);
      if (rbp === undefined) return -1;
      if (rbp === 0n && this.word(prevIp) !== undefined) return 0;
      const saved = this.word(rbp);
      // a frame pointer must lie a little above the CFA, or the guess is wrong
      const ok = saved !== undefined && rbp >= cur.cfa && rbp - cur.cfa <= 0x4000n;
      cur.regs.fill(null);
      cur.cfa += 16n;
      cur.prev = true;
      if (!ok) return 0;
      cur.regs[RBP] = saved;
      ripLoc = rbp + 8n;
    }
    const ip = this.word(ripLoc);
    if (ip === undefined) return -1;
    cur.ip = ip;
    if (cur.ip === prevIp && cur.cfa === prevCfa) return -1;
    return 1;
  }
}

const SAME: Rule = { k: 'same' };

/** What identifies a file's contents cheaply: inode, size and modification time; '' if it cannot be stat'ed. */
function stampOf(path: string): string {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return '';
  }
}

/**
 * The separate debug file libunwind would take symbols from: the .gnu_debuglink name next to the
 * file, in its .debug directory, or under /usr/lib/debug plus its directory.
 */
function debugFile(elf: ElfFile, path: string): ElfFile | undefined {
  const link = elf.debugLink();
  if (!link) return undefined;
  const dir = dirname(path);
  for (const p of [`${dir}/${link}`, `${dir}/.debug/${link}`, `/usr/lib/debug${dir}/${link}`]) {
    const d = ElfFile.open(p);
    if (d) return d;
  }
  return undefined;
}
