/**
 * sysray/unix: memory: mmap (a Buffer over the mapping), munmap, mprotect, madvise, mlock, msync,
 * mremap, memfd, System V shared memory.
 */
import { readFileSync } from 'node:fs';
import { memoryView } from '../sys/libc.js';
import { addressOf, bytesArg, fdArg, flagsArg, i32Arg, int, offArg, pathArg, sys, u32Arg } from './core.js';
import { row, rowVoid } from './rows.js';
import { struct } from './struct.js';
import { IPC_STAT } from './names.js';

/** The addresses and lengths of the mappings mmap made, by their Buffer (for munmap and friends). */
const mappings = new WeakMap<Uint8Array, { addr: bigint; length: number }>();

/** A Buffer over `length` bytes at `addr`, remembered as a mapping. */
function mapped(addr: bigint, length: number): Buffer {
  const buf = Buffer.from(memoryView(addr, length), 0, length);
  mappings.set(buf, { addr, length });
  return buf;
}

/**
 * The address and length of a region: a Buffer mmap returned (the whole mapping), or any other
 * buffer (its bytes: the kernel wants page-aligned addresses, so that is for mmap'd memory).
 */
function region(buf: unknown, name = 'buf'): { addr: bigint; length: number } {
  const b = bytesArg(buf, name);
  return mappings.get(b) ?? { addr: addressOf(b), length: b.byteLength };
}

/**
 * The auxiliary vector the kernel gave this process (/proc/self/auxv): `[type, value]` pairs, AT_*
 * types (Auxv in x/sys/unix). No syscall: the kernel publishes it as a file.
 */
export function auxv(): [number, bigint][] {
  const b = readFileSync('/proc/self/auxv');
  const out: [number, bigint][] = [];
  for (let off = 0; off + 16 <= b.length; off += 16) {
    const type = Number(b.readBigUInt64LE(off));
    if (type === 0) break;
    out.push([type, b.readBigUInt64LE(off + 8)]);
  }
  return out;
}

let pageSize = 0;
/** The page size, from the auxiliary vector's AT_PAGESZ (4096 on x86_64). */
export function getpagesize(): number {
  return (pageSize ||= Number(auxv().find(([t]) => t === 6)?.[1] ?? 4096n));
}

/**
 * mmap(2) of `length` bytes of `fd` at `offset` (fd -1 with MAP_ANONYMOUS), at an address the
 * kernel chooses. Returns a Buffer over the mapping itself: writes go to the file (MAP_SHARED) or
 * the private copy. Unmap it with munmap(buf); afterwards the Buffer must not be touched.
 */
export function mmap(fd: number, offset: number | bigint, length: number, prot: number, flags: number): Buffer {
  const f = fd === -1 ? -1 : fdArg(fd);
  const o = offArg(offset, 'offset');
  const n = int(length, 'length', 1, Number.MAX_SAFE_INTEGER);
  const addr = sys('mmap', [0, n, i32Arg(prot, 'prot'), flagsArg(flags), f, o]);
  return mapped(BigInt.asUintN(64, BigInt(addr)), n);
}

/** mmap(2) with every argument raw; returns the address (MmapPtr in x/sys/unix). */
export const mmapPtr = (addr: bigint, length: number, prot: number, flags: number, fd: number, offset: number | bigint): bigint =>
  BigInt.asUintN(64, BigInt(row('mmap', ['addr', 'off', 'int', 'flags', 'int', 'off'])(addr, length, prot, flags, fd, offset)));

/** munmap(2) of a Buffer mmap returned (the whole mapping). */
export function munmap(buf: Uint8Array): void {
  const r = region(buf);
  sys('munmap', [r.addr, r.length]);
  mappings.delete(buf);
}

/** munmap(2) by address and length (MunmapPtr). */
export const munmapPtr = rowVoid('munmap', ['addr', 'off']);

/** mremap(2): grow or shrink a mapping; returns a Buffer over the new one (the old must not be used). */
export function mremap(buf: Uint8Array, newLength: number, flags: number): Buffer {
  const r = region(buf);
  const n = int(newLength, 'newLength', 1, Number.MAX_SAFE_INTEGER);
  const addr = sys('mremap', [r.addr, r.length, n, flagsArg(flags), 0]);
  mappings.delete(buf);
  return mapped(BigInt.asUintN(64, BigInt(addr)), n);
}

/** mremap(2) by address (MremapPtr); returns the new address. */
export const mremapPtr = (oldAddr: bigint, oldSize: number, newAddr: bigint, newSize: number, flags: number): bigint =>
  BigInt.asUintN(64, BigInt(row('mremap', ['addr', 'off', 'off', 'flags', 'addr'])(oldAddr, oldSize, newSize, flags, newAddr)));

function regionCall(name: string, extra: (v: unknown) => number): (buf: Uint8Array, arg: number) => void {
  return (buf, arg) => {
    const r = region(buf);
    sys(name, [r.addr, r.length, extra(arg)]);
  };
}

/** mprotect(2) of a mapping: PROT_* bits. */
export const mprotect = regionCall('mprotect', (v) => i32Arg(v, 'prot'));
/** madvise(2) of a mapping: MADV_* advice. */
export const madvise = regionCall('madvise', (v) => i32Arg(v, 'advice'));
/** msync(2) of a mapping: MS_ASYNC, MS_SYNC, MS_INVALIDATE. */
export const msync = regionCall('msync', (v) => flagsArg(v));
/** mseal(2) (Linux 6.10): the mapping can no longer be changed or unmapped. `flags` must be 0. */
export const mseal = regionCall('mseal', (v) => flagsArg(v));

/** mlock(2): keep a region in RAM. */
export function mlock(buf: Uint8Array): void {
  const r = region(buf);
  sys('mlock', [r.addr, r.length]);
}

/** mlock2(2) with MLOCK_ONFAULT and friends. */
export function mlock2(buf: Uint8Array, flags: number): void {
  const r = region(buf);
  sys('mlock2', [r.addr, r.length, flagsArg(flags)]);
}

/** munlock(2). */
export function munlock(buf: Uint8Array): void {
  const r = region(buf);
  sys('munlock', [r.addr, r.length]);
}

/** mlockall(2): MCL_CURRENT, MCL_FUTURE, MCL_ONFAULT. */
export const mlockall = rowVoid('mlockall', ['flags']);
/** munlockall(2). */
export const munlockall = rowVoid('munlockall', []);

/** memfd_create(2): an anonymous file; MFD_CLOEXEC, MFD_ALLOW_SEALING, … Returns its fd. */
export function memfd_create(name: string, flags = 0): number {
  const p = pathArg(name, 'name');
  return sys('memfd_create', [addressOf(p.c), u32Arg(flags, 'flags')], [p]);
}

/** memfd_secret(2): memory only this process can see (needs the kernel's secretmem enabled). */
export const memfd_secret = row('memfd_secret', [], ['flags']);

/** set_mempolicy(2): `nodemask` a bit mask of NUMA nodes (bytes), or null. */
export function set_mempolicy(mode: number, nodemask: Uint8Array | null = null): void {
  if (nodemask === null) {
    sys('set_mempolicy', [i32Arg(mode, 'mode'), 0, 0]);
    return;
  }
  const m = bytesArg(nodemask, 'nodemask');
  sys('set_mempolicy', [i32Arg(mode, 'mode'), addressOf(m), m.byteLength * 8], [m]);
}

// ---------------------------------------------------------------- System V shared memory

/** The fields of `struct shmid64_ds` a program reads (x86_64 layout). */
export const SHMID_DS = struct(112, {
  key: ['i32', 0], uid: ['u32', 4], gid: ['u32', 8], cuid: ['u32', 12], cgid: ['u32', 16], mode: ['u32', 20],
  segsz: ['u64', 48], atime: ['i64', 56], dtime: ['i64', 64], ctime: ['i64', 72], cpid: ['i32', 80], lpid: ['i32', 84],
  nattch: ['u64', 88],
});
export type ShmidDs = ReturnType<typeof SHMID_DS.decode>;

/** shmget(2): a segment's id. */
export const shmget = row('shmget', ['int', 'off', 'flags']);

/** shmctl(2); with IPC_STAT it returns the decoded `shmid_ds`. */
export function shmctl(id: number, cmd: number, buf: Uint8Array | null = null): ShmidDs | null {
  const b = buf === null ? (cmd === IPC_STAT ? Buffer.alloc(SHMID_DS.size) : null) : bytesArg(buf, 'buf');
  sys('shmctl', [i32Arg(id, 'id'), i32Arg(cmd, 'cmd'), b ? addressOf(b) : 0], [b]);
  return b && cmd === IPC_STAT ? SHMID_DS.decode(b) : null;
}

/** shmat(2): attach a segment; returns a Buffer over it (its size from IPC_STAT). Detach with shmdt. */
export function shmat(id: number, flags = 0): Buffer {
  const ds = shmctl(id, IPC_STAT)!;
  const addr = sys('shmat', [i32Arg(id, 'id'), 0, flagsArg(flags)]);
  return mapped(BigInt.asUintN(64, BigInt(addr)), Number(ds.segsz));
}

/** shmdt(2) of a Buffer shmat returned. */
export function shmdt(buf: Uint8Array): void {
  const r = region(buf);
  sys('shmdt', [r.addr]);
  mappings.delete(buf);
}
