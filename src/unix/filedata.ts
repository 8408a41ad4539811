/**
 * sysray/unix: file data: syncing, sizes, space, advice, locks, vectored and zero-copy transfers,
 * close_range, openat2, file handles, clones.
 */
import {
  addressOf, iovecs, bytesArg, dirfdArg, fdArg, flagsArg, i32Arg, int, offArg, pathArg, sys, u32Arg, type PathLike,
} from './core.js';
import { row, rowVoid } from './rows.js';
import { struct } from './struct.js';
import { F_GETFD, F_GETFL, F_SETFD, F_SETFL, FD_CLOEXEC, O_NONBLOCK } from './names.js';

/** fsync(2). */
export const fsync = rowVoid('fsync', ['fd']);
/** fdatasync(2). */
export const fdatasync = rowVoid('fdatasync', ['fd']);
/** syncfs(2): the filesystem holding `fd`. */
export const syncfs = rowVoid('syncfs', ['fd']);
/** sync(2): every filesystem. */
export const sync = rowVoid('sync', []);
/** sync_file_range(2): SYNC_FILE_RANGE_WAIT_BEFORE | _WRITE | _WAIT_AFTER. */
export const sync_file_range = rowVoid('sync_file_range', ['fd', 'off', 'off', 'flags']);
/** ftruncate(2). */
export const ftruncate = rowVoid('ftruncate', ['fd', 'off']);
/** truncate(2). */
export const truncate = rowVoid('truncate', ['path', 'off']);
/** fallocate(2): `mode` FALLOC_FL_* (0 allocates). */
export const fallocate = rowVoid('fallocate', ['fd', 'int', 'off', 'off']);
/** fadvise64(2) (Fadvise in x/sys/unix): POSIX_FADV_* advice. */
export const fadvise = rowVoid('fadvise64', ['fd', 'off', 'off', 'int']);
/** flock(2): LOCK_SH / LOCK_EX / LOCK_UN, | LOCK_NB not to wait. */
export const flock = rowVoid('flock', ['fd', 'int']);
/** close_range(2): close (or with CLOSE_RANGE_CLOEXEC mark) fds first..last. */
export const close_range = rowVoid('close_range', ['uint', 'uint'], ['flags']);

/** fcntl(2) with an int argument (FcntlInt in x/sys/unix). */
export const fcntlInt = row('fcntl', ['fd', 'int', 'int']);

/** A `struct flock` (F_GETLK, F_SETLK, F_SETLKW and the F_OFD_* commands). */
export const FLOCK = struct(32, { type: ['i16', 0], whence: ['i16', 2], start: ['i64', 8], len: ['i64', 16], pid: ['i32', 24] });
export type Flock = ReturnType<typeof FLOCK.decode>;

/**
 * fcntl(2) with a `struct flock` (FcntlFlock): `lock` {type: F_RDLCK|F_WRLCK|F_UNLCK, whence,
 * start, len}. Returns the struct as the kernel left it (F_GETLK fills in the conflicting lock).
 */
export function fcntlFlock(fd: number, cmd: number, lock: Parameters<typeof FLOCK.encode>[0]): Flock {
  const b = FLOCK.encode(lock);
  sys('fcntl', [fdArg(fd), i32Arg(cmd, 'cmd'), addressOf(b)], [b]);
  return FLOCK.decode(b);
}

/** CloseOnExec: set FD_CLOEXEC (two fcntl calls). */
export function closeOnExec(fd: number): void {
  fcntlInt(fd, F_SETFD, fcntlInt(fd, F_GETFD, 0) | FD_CLOEXEC);
}

/** SetNonblock: set or clear O_NONBLOCK (shared by every fd on the same open file). */
export function setNonblock(fd: number, nonblocking: boolean): void {
  const fl = fcntlInt(fd, F_GETFL, 0);
  fcntlInt(fd, F_SETFL, nonblocking ? fl | O_NONBLOCK : fl & ~O_NONBLOCK);
}

// ---------------------------------------------------------------- vectored I/O at offsets

function splitOffset(off: number | bigint): [bigint, bigint] {
  const o = BigInt.asUintN(64, offArg(off, 'offset'));
  return [o & 0xffffffffn, o >> 32n];
}

function vectored(name: string, fd: number, bufs: Uint8Array[], offset: number | bigint, flags?: number): number {
  const v = iovecs(bufs, 'bufs');
  const [lo, hi] = splitOffset(offset);
  const args: bigint[] = [BigInt(fdArg(fd)), addressOf(v.iov), BigInt(v.list.length), lo, hi];
  if (flags !== undefined) args.push(BigInt(flagsArg(flags)));
  return sys(name, args, [v]);
}

/** preadv(2): fill `bufs` from file offset `offset`. */
export const preadv = (fd: number, bufs: Uint8Array[], offset: number | bigint): number => vectored('preadv', fd, bufs, offset);
/** pwritev(2). */
export const pwritev = (fd: number, bufs: Uint8Array[], offset: number | bigint): number => vectored('pwritev', fd, bufs, offset);
/** preadv2(2): RWF_* flags (offset -1: the current position). */
export const preadv2 = (fd: number, bufs: Uint8Array[], offset: number | bigint, flags: number): number => vectored('preadv2', fd, bufs, offset, flags);
/** pwritev2(2). */
export const pwritev2 = (fd: number, bufs: Uint8Array[], offset: number | bigint, flags: number): number => vectored('pwritev2', fd, bufs, offset, flags);

// ---------------------------------------------------------------- moving data between fds

/** An in/out `loff_t *`: null, or the offset (the kernel's update is not reported back). */
function offPtr(v: number | bigint | null, name: string): Buffer | null {
  if (v === null) return null;
  const b = Buffer.alloc(8);
  b.writeBigInt64LE(offArg(v, name));
  return b;
}

/** sendfile(2): `count` bytes from `inFd` (at `offset`, or its position when null) to `outFd`. */
export function sendfile(outFd: number, inFd: number, offset: number | bigint | null, count: number): number {
  const o = offPtr(offset, 'offset');
  return sys('sendfile', [fdArg(outFd, 'outFd'), fdArg(inFd, 'inFd'), o ? addressOf(o) : 0, int(count, 'count', 0, 0x7ffff000)], [o]);
}

/** splice(2): move up to `len` bytes between a pipe and another fd; SPLICE_F_* flags. */
export function splice(rfd: number, roff: number | bigint | null, wfd: number, woff: number | bigint | null, len: number, flags: number): number {
  const r = offPtr(roff, 'roff');
  const w = offPtr(woff, 'woff');
  return sys('splice', [fdArg(rfd, 'rfd'), r ? addressOf(r) : 0, fdArg(wfd, 'wfd'), w ? addressOf(w) : 0, int(len, 'len', 0, Number.MAX_SAFE_INTEGER), flagsArg(flags)], [r, w]);
}

/** tee(2): duplicate up to `len` bytes from one pipe to another. */
export const tee = row('tee', ['fd', 'fd', 'off', 'flags']);

/** vmsplice(2): map `bufs` into a pipe. */
export function vmsplice(fd: number, bufs: Uint8Array[], flags: number): number {
  const v = iovecs(bufs, 'bufs');
  return sys('vmsplice', [fdArg(fd), addressOf(v.iov), v.list.length, flagsArg(flags)], [v]);
}

/** copy_file_range(2): copy in the kernel between two files. */
export function copy_file_range(rfd: number, roff: number | bigint | null, wfd: number, woff: number | bigint | null, len: number, flags = 0): number {
  const r = offPtr(roff, 'roff');
  const w = offPtr(woff, 'woff');
  return sys('copy_file_range', [fdArg(rfd, 'rfd'), r ? addressOf(r) : 0, fdArg(wfd, 'wfd'), w ? addressOf(w) : 0, int(len, 'len', 0, Number.MAX_SAFE_INTEGER), u32Arg(flags, 'flags')], [r, w]);
}

// ---------------------------------------------------------------- opening by how, by handle

/** openat2(2): `how` {flags, mode, resolve: RESOLVE_*}. Returns the fd. */
export function openat2(dirfd: number, path: PathLike, how: { flags?: number | bigint; mode?: number | bigint; resolve?: number | bigint }): number {
  const p = pathArg(path);
  const h = Buffer.alloc(24);
  h.writeBigUInt64LE(BigInt(how.flags ?? 0), 0);
  h.writeBigUInt64LE(BigInt(how.mode ?? 0), 8);
  h.writeBigUInt64LE(BigInt(how.resolve ?? 0), 16);
  return sys('openat2', [dirfdArg(dirfd), addressOf(p.c), addressOf(h), 24], [p, h], { path: p.text });
}

/** A file handle: its type and opaque bytes (FileHandle / NewFileHandle in x/sys/unix). */
export interface FileHandle {
  type: number;
  bytes: Buffer;
}

/** name_to_handle_at(2): the file's handle and its mount id. */
export function name_to_handle_at(dirfd: number, path: PathLike, flags = 0): { handle: FileHandle; mountId: number } {
  const p = pathArg(path);
  const h = Buffer.alloc(8 + 128);
  h.writeUInt32LE(128, 0);
  const mnt = Buffer.alloc(4);
  sys('name_to_handle_at', [dirfdArg(dirfd), addressOf(p.c), addressOf(h), addressOf(mnt), flagsArg(flags)], [p, h, mnt], { path: p.text });
  const n = h.readUInt32LE(0);
  return { handle: { type: h.readInt32LE(4), bytes: Buffer.from(h.subarray(8, 8 + n)) }, mountId: mnt.readInt32LE(0) };
}

/** open_by_handle_at(2) (needs CAP_DAC_READ_SEARCH). */
export function open_by_handle_at(mountFd: number, handle: FileHandle, flags: number): number {
  const bytes = bytesArg(handle.bytes, 'handle.bytes');
  const h = Buffer.alloc(8 + bytes.byteLength);
  h.writeUInt32LE(bytes.byteLength, 0);
  h.writeInt32LE(i32Arg(handle.type, 'handle.type'), 4);
  h.set(bytes, 8);
  return sys('open_by_handle_at', [fdArg(mountFd, 'mountFd'), addressOf(h), flagsArg(flags)], [h]);
}

/** A `struct cachestat` (page-cache state of a range; Linux 6.5). */
export const CACHESTAT = struct(40, { cache: ['u64', 0], dirty: ['u64', 8], writeback: ['u64', 16], evicted: ['u64', 24], recentlyEvicted: ['u64', 32] });
export type Cachestat = ReturnType<typeof CACHESTAT.decode>;

/** cachestat(2) of `len` bytes from `off` (len 0: to the end). */
export function cachestat(fd: number, off: number | bigint, len: number | bigint, flags = 0): Cachestat {
  const range = Buffer.alloc(16);
  range.writeBigUInt64LE(BigInt.asUintN(64, offArg(off, 'off')), 0);
  range.writeBigUInt64LE(BigInt.asUintN(64, offArg(len, 'len')), 8);
  const out = Buffer.alloc(CACHESTAT.size);
  sys('cachestat', [fdArg(fd), addressOf(range), addressOf(out), u32Arg(flags, 'flags')], [range, out]);
  return CACHESTAT.decode(out);
}
