/** Reading a tracee's memory: process_vm_readv, falling back to /proc/PID/mem. Implements decode's Memory. */
import { bufferAddress, errno, raw } from '../sys/libc.js';
import { openSync, closeSync, writeSync } from 'node:fs';
import type { Memory } from '../decode/types.js';

const PAGE = 4096;
const MAX_CHUNK = 1 << 20;

export class TraceeMemory implements Memory {
  private local = Buffer.alloc(16);
  private remote = Buffer.alloc(16);
  private buf = Buffer.alloc(PAGE * 2);
  private useProc = false;
  private procFd = -1;
  private procPid = 0;

  constructor(public pid: number) {}

  /** Switch to another tracee (cheap; the object is reused across stops). */
  setPid(pid: number): void {
    if (pid !== this.pid) this.pid = pid;
  }

  private ensure(len: number): Buffer {
    if (this.buf.length < len) this.buf = Buffer.alloc(Math.max(len, this.buf.length * 2));
    return this.buf;
  }

  /** Read up to len bytes; returns how many were read (stops at the first unreadable page). */
  private readPartial(addr: bigint, len: number): number {
    const buf = this.ensure(len);
    if (!this.useProc) {
      this.local.writeBigUInt64LE(BigInt(koffiAddress(buf)), 0);
      this.local.writeBigUInt64LE(BigInt(len), 8);
      this.remote.writeBigUInt64LE(addr, 0);
      this.remote.writeBigUInt64LE(BigInt(len), 8);
      const r = Number(raw.process_vm_readv(this.pid, this.local, 1, this.remote, 1, 0));
      if (r >= 0) return r;
      const e = errno();
      if (e !== 38 /* ENOSYS */ && e !== 1 /* EPERM */) return 0;
      this.useProc = true;
    }
    return this.procRead(addr, len);
  }

  private procRead(addr: bigint, len: number): number {
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
      const n = Math.min(len - got, PAGE - Number(a % BigInt(PAGE)));
      const r = Number(raw.pread(this.procFd, this.buf.subarray(got), n, BigInt.asIntN(64, a)));
      if (r <= 0) break;
      got += r;
    }
    return got;
  }

  read(addr: bigint, len: number): Uint8Array | null {
    if (len === 0) return new Uint8Array(0);
    if (len < 0 || len > MAX_CHUNK * 64) return null;
    const n = this.readPartial(addr, len);
    if (n < len) return null;
    return Uint8Array.prototype.slice.call(this.buf, 0, len);
  }

  readString(addr: bigint, max: number): { b: Uint8Array; nul: boolean } | null {
    if (max <= 0) return { b: new Uint8Array(0), nul: false };
    // First read to the end of this page (cheap, usually enough), then page by page.
    const out: Buffer[] = [];
    let total = 0;
    let a = addr;
    while (total < max) {
      const toPage = PAGE - Number(a % BigInt(PAGE));
      const want = Math.min(max - total, total === 0 ? Math.max(toPage, Math.min(256, max)) : PAGE);
      const n = this.readPartial(a, want);
      // strace's umovestr: a fault before the NUL and before `max` bytes makes the whole string unreadable
      if (n === 0) return null;
      const chunk = this.buf.subarray(0, n);
      const z = chunk.indexOf(0);
      if (z >= 0) {
        out.push(Buffer.from(chunk.subarray(0, z)));
        return { b: Buffer.concat(out), nul: true };
      }
      out.push(Buffer.from(chunk));
      total += n;
      a += BigInt(n);
      if (n < want) return null;
    }
    return { b: Buffer.concat(out), nul: false };
  }

  close(): void {
    if (this.procFd >= 0) closeSync(this.procFd);
    this.procFd = -1;
  }
}

const addrCache = new WeakMap<Buffer, bigint>();
function koffiAddress(b: Buffer): bigint {
  let a = addrCache.get(b);
  if (a === undefined) {
    a = bufferAddress(b);
    addrCache.set(b, a);
  }
  return a;
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
