/** Reading a tracee's memory: process_vm_readv, falling back to /proc/PID/mem. Implements decode's Memory. */
import { bufferAddress, errno, raw } from '../sys/libc.js';
import { openSync, closeSync, writeSync } from 'node:fs';
import type { Memory } from '../decode/types.js';

const PAGE = 4096;
const PAGE_N = BigInt(PAGE);
const TWO32 = 2 ** 32;
/** Pages in 4 GiB: a page's address in 32-bit halves is (page % this) * PAGE and page / this. */
const PAGES_PER_4G = TWO32 / PAGE;
/** Below this an address, and one a read of at most MAX_CHUNK * 64 bytes ends at, is a number exactly. */
const SAFE = 1n << 52n;
/** One past the last address (a read must end by it). */
const END = 1n << 64n;
const MAX_CHUNK = 1 << 20;
/** Pages the cache holds, as strace's (its cached_raddr): reads of more pages bypass it. */
const CACHED_PAGES = 4;

/**
 * A tracee's memory, read as strace 6.1 reads it (its vm_read_mem): any read of at most four pages,
 * strings and structs alike, a whole page at a time through a four-page cache, oldest page out
 * first, so that what one stop decodes costs one process_vm_readv per page rather than one per
 * read; larger reads take just their bytes. The cache holds while the tracee is stopped: the
 * tracer empties it at every stop (`invalidate`), as strace does whenever it resumes a tracee.
 */
export class TraceeMemory implements Memory {
  /**
   * One iovec each side of process_vm_readv ({ base, len } as 32-bit halves: set from numbers, no
   * BigInt made per read), and their addresses, for koffi as plain integers.
   */
  private local = new Uint32Array(4);
  private remote = new Uint32Array(4);
  private localIov = Buffer.from(this.local.buffer);
  private remoteIov = Buffer.from(this.remote.buffer);
  private localIovAddr = Number(bufferAddress(this.localIov));
  private remoteIovAddr = Number(bufferAddress(this.remoteIov));
  private buf = Buffer.alloc(PAGE * 2);
  private bufAddr = Number(bufferAddress(this.buf));
  /** The cached pages: slot i (of the first `filled`) holds page number pageOf[i] at pages[i * PAGE]. */
  private pages = Buffer.alloc(PAGE * CACHED_PAGES);
  private pagesAddr = Number(bufferAddress(this.pages));
  private pageOf = new Float64Array(CACHED_PAGES);
  private filled = 0;
  /** The slot to reuse once all are filled (round robin). */
  private nextSlot = 0;
  /** How many reads of the tracee were made (process_vm_readv or pread calls): for tests. */
  reads = 0;
  private useProc = false;
  private procFd = -1;
  private procPid = 0;

  /** Where strace's umovestr complains of a string cut short by an unreadable page (the tracer's stderr). */
  warn?: (msg: string) => void;

  constructor(public pid: number) {}

  /** Switch to another tracee (cheap; the object is reused across stops). */
  setPid(pid: number): void {
    if (pid !== this.pid) {
      this.pid = pid;
      this.invalidate();
    }
  }

  /** Forget the cached pages: the tracee has run (or another has stopped) since they were read. */
  invalidate(): void {
    this.filled = 0;
    this.nextSlot = 0;
  }

  private ensure(len: number): void {
    if (this.buf.length < len) {
      this.buf = Buffer.alloc(Math.max(len, this.buf.length * 2));
      this.bufAddr = Number(bufferAddress(this.buf));
    }
  }

  /**
   * Read up to len bytes at the tracee's address `hi` * 2^32 + `lo` into `into` (whose address is
   * `intoAddr`) at offset `at`; returns how many were read (stops at the first unreadable page).
   */
  private readInto(lo: number, hi: number, len: number, into: Buffer, intoAddr: number, at: number): number {
    this.reads++;
    if (!this.useProc) {
      const l = this.local, r = this.remote, a = intoAddr + at;
      l[0] = a >>> 0;
      l[1] = (a / TWO32) >>> 0;
      l[2] = len;
      l[3] = 0;
      r[0] = lo;
      r[1] = hi;
      r[2] = len;
      r[3] = 0;
      const n = Number(raw.process_vm_readvAt(this.pid, this.localIovAddr, 1, this.remoteIovAddr, 1, 0));
      if (n >= 0) return n;
      const e = errno();
      if (e !== 38 /* ENOSYS */ && e !== 1 /* EPERM */) return 0;
      this.useProc = true;
    }
    return this.procRead((BigInt(hi) << 32n) | BigInt(lo), len, into, at);
  }

  private procRead(addr: bigint, len: number, into: Buffer, at: number): number {
    if (this.procPid !== this.pid) {
      if (this.procFd >= 0) closeSync(this.procFd);
      try {
        this.procFd = openSync(`/proc/${this.pid}/mem`, 'r');
        this.procPid = this.pid;
      } catch {
        this.procFd = -1;
        return 0;
      }
    }
    let got = 0;
    while (got < len) {
      // stop at page boundaries so a partly mapped range reads as far as it can
      const a = addr + BigInt(got);
      const n = Math.min(len - got, PAGE - Number(a % PAGE_N));
      const r = Number(raw.pread(this.procFd, into.subarray(at + got), n, BigInt.asIntN(64, a)));
      if (r <= 0) break;
      got += r;
    }
    return got;
  }

  /** The cache offset of page number `page` if the cache holds it, else -1. */
  private cached(page: number): number {
    const of = this.pageOf;
    for (let i = 0, n = this.filled; i < n; i++) if (of[i] === page) return i * PAGE;
    return -1;
  }

  /** The cache offset of page number `page` (reading it in if need be), or -1 if it cannot be read. */
  private page(page: number): number {
    const hit = this.cached(page);
    if (hit >= 0) return hit;
    const of = this.pageOf;
    const n = this.filled;
    let slot: number;
    if (n < CACHED_PAGES) slot = n;
    else {
      slot = this.nextSlot;
      this.nextSlot = (slot + 1) % CACHED_PAGES;
      // the slot is being overwritten: it holds no page until the read succeeds
      of[slot] = -1;
    }
    const at = slot * PAGE;
    // the page's address in halves, exact for any page number below 2^52
    if (this.readInto((page % PAGES_PER_4G) * PAGE, Math.floor(page / PAGES_PER_4G), PAGE, this.pages, this.pagesAddr, at) !== PAGE) return -1;
    of[slot] = page;
    if (slot === n) this.filled = n + 1;
    return at;
  }

  read(addr: bigint, len: number): Uint8Array | null {
    if (len === 0) return new Uint8Array(0);
    if (len < 0 || len > MAX_CHUNK * 64) return null;
    // most addresses are numbers exactly: page arithmetic without BigInts
    if (addr < SAFE) {
      const a = Number(addr), first = Math.floor(a / PAGE);
      if (first > 0 && Math.ceil((a + len) / PAGE) - first <= CACHED_PAGES) {
        const out = new Uint8Array(len);
        return this.cachedInto(first, a - first * PAGE, len, out) ? out : null;
      }
    } else {
      const first = addr / PAGE_N, end = addr + BigInt(len);
      const pages = Number((end + PAGE_N - 1n) / PAGE_N - first);
      if (end <= END && pages <= CACHED_PAGES) {
        const out = new Uint8Array(len);
        return this.cachedInto(Number(first), Number(addr % PAGE_N), len, out) ? out : null;
      }
    }
    // page 0, or more pages than the cache holds: just these bytes
    this.ensure(len);
    if (this.readInto(Number(addr & 0xffffffffn), Number((addr >> 32n) & 0xffffffffn), len, this.buf, this.bufAddr, 0) < len) return null;
    return this.copyOut(this.buf, 0, len);
  }

  readTo(addr: bigint, len: number, out: Uint8Array): boolean {
    if (len > out.length) return false;
    if (addr < SAFE) {
      const a = Number(addr), first = Math.floor(a / PAGE);
      if (first > 0 && Math.ceil((a + len) / PAGE) - first <= CACHED_PAGES) return this.cachedInto(first, a - first * PAGE, len, out);
    } else {
      const first = addr / PAGE_N, end = addr + BigInt(len);
      if (end <= END && Number((end + PAGE_N - 1n) / PAGE_N - first) <= CACHED_PAGES) return this.cachedInto(Number(first), Number(addr % PAGE_N), len, out);
    }
    const b = this.read(addr, len);
    if (b) out.set(b);
    return b !== null;
  }

  /**
   * `len` bytes from offset `off` of page number `page` on, into `out`, page by page through the
   * cache: all of them must be readable.
   */
  private cachedInto(page: number, off: number, len: number, out: Uint8Array): boolean {
    let done = 0;
    for (let p = page; done < len; p++, off = 0) {
      const at = this.page(p);
      if (at < 0) return false;
      const n = Math.min(PAGE - off, len - done), src = this.pages;
      if (n <= 32) for (let i = 0; i < n; i++) out[done + i] = src[at + off + i]!;
      else out.set(new Uint8Array(src.buffer, src.byteOffset + at + off, n), done);
      done += n;
    }
    return true;
  }

  /** `len` bytes of `src` from `from`, copied out (plain views: slice and subarray look up a species constructor). */
  private copyOut(src: Buffer, from: number, len: number): Uint8Array {
    const out = new Uint8Array(len);
    if (len <= 32) for (let i = 0; i < len; i++) out[i] = src[from + i]!;
    else out.set(new Uint8Array(src.buffer, src.byteOffset + from, len));
    return out;
  }

  readString(addr: bigint, max: number): { b: Uint8Array; nul: boolean } | null {
    if (max <= 0) return { b: new Uint8Array(0), nul: false };
    // page by page, up to the NUL or `max` bytes
    const out: Buffer[] = [];
    let total = 0;
    let page: number, off: number;
    if (addr < SAFE) {
      const a = Number(addr);
      page = Math.floor(a / PAGE);
      off = a - page * PAGE;
    } else {
      page = Number(addr / PAGE_N);
      off = Number(addr % PAGE_N);
    }
    for (; total < max; page++, off = 0) {
      const at = this.page(page);
      // strace's umovestr: a fault before the NUL and before `max` bytes makes the whole string
      // unreadable, and one after some bytes were read is said
      if (at < 0) {
        if (total > 0) this.warn?.(`umovestr: short read (${total} < ${max}) @0x${addr.toString(16)}: ${this.useProc ? 'Input/output error' : 'Bad address'}`);
        return null;
      }
      const chunk = this.pages.subarray(at + off, at + Math.min(PAGE, off + max - total));
      const z = chunk.indexOf(0);
      if (z >= 0) {
        out.push(Buffer.from(chunk.subarray(0, z)));
        return { b: out.length === 1 ? out[0]! : Buffer.concat(out), nul: true };
      }
      out.push(Buffer.from(chunk));
      total += chunk.length;
    }
    return { b: out.length === 1 ? out[0]! : Buffer.concat(out), nul: false };
  }

  close(): void {
    if (this.procFd >= 0) closeSync(this.procFd);
    this.procFd = -1;
  }
}

/** Write `data` at `addr` in process `pid` (process_vm_writev, else /proc/PID/mem). True if all of it was written. */
export function writeTraceeMemory(pid: number, addr: bigint, data: Buffer): boolean {
  const local = Buffer.alloc(16), remote = Buffer.alloc(16);
  local.writeBigUInt64LE(bufferAddress(data), 0);
  local.writeBigUInt64LE(BigInt(data.length), 8);
  remote.writeBigUInt64LE(addr, 0);
  remote.writeBigUInt64LE(BigInt(data.length), 8);
  if (Number(raw.process_vm_writev(pid, local, 1, remote, 1, 0)) === data.length) return true;
  try {
    const fd = openSync(`/proc/${pid}/mem`, 'r+');
    try {
      return writeSync(fd, data, 0, data.length, Number(addr)) === data.length;
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * Write as much of `data` at `addr` as the tracee's mappings allow (strace's upoken): the bytes
 * written, 0 if none; process_vm_writev first, then /proc/PID/mem (which writes read-only pages
 * too, as PTRACE_POKEDATA does). A write cut short by an unmapped page counts what it wrote.
 */
export function pokeTraceeMemory(pid: number, addr: bigint, data: Uint8Array): number {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.length);
  const local = Buffer.alloc(16), remote = Buffer.alloc(16);
  local.writeBigUInt64LE(bufferAddress(buf), 0);
  local.writeBigUInt64LE(BigInt(buf.length), 8);
  remote.writeBigUInt64LE(addr, 0);
  remote.writeBigUInt64LE(BigInt(buf.length), 8);
  const n = Number(raw.process_vm_writev(pid, local, 1, remote, 1, 0));
  if (n > 0) return n;
  try {
    const fd = openSync(`/proc/${pid}/mem`, 'r+');
    try {
      return writeSync(fd, buf, 0, buf.length, Number(addr));
    } finally {
      closeSync(fd);
    }
  } catch {
    return 0;
  }
}
