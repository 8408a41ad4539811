/** sysray/unix: files and descriptors: open, read/write, stat, names, directories, dup, fcntl. */
import {
  INT_MIN, UINT_MAX, addressOf, iovecs, bytesArg, dataArg, dirfdArg, fdArg, flagsArg, has, i32Arg, int,
  lengthArg, offArg, pathArg, sys, u32Arg, type PathLike,
} from './core.js';
import {
  AT_FDCWD, AT_REMOVEDIR, AT_SYMLINK_NOFOLLOW, F_GETFD, O_CREAT, O_RDONLY, O_TRUNC, O_WRONLY, SEEK_SET, S_IFBLK, S_IFCHR,
  S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, STATX_BASIC_STATS,
} from './names.js';

/** open(2), made as `openat(AT_FDCWD, path, flags, mode)` (what glibc does). Returns the fd. */
export function open(path: PathLike, flags: number = O_RDONLY, mode = 0o666): number {
  return openat(AT_FDCWD, path, flags, mode);
}

/** openat(2). */
export function openat(dirfd: number, path: PathLike, flags: number = O_RDONLY, mode = 0o666): number {
  const d = dirfdArg(dirfd);
  const p = pathArg(path);
  const f = flagsArg(flags);
  const m = u32Arg(mode, 'mode');
  return sys('openat', [d, addressOf(p.c), f, m], [p], { path: p.text });
}

/** creat(2): `openat(AT_FDCWD, path, O_CREAT|O_WRONLY|O_TRUNC, mode)`. */
export function creat(path: PathLike, mode = 0o666): number {
  return openat(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/** close(2). */
export function close(fd: number): void {
  sys('close', [fdArg(fd)]);
}

/** read(2) into `buf` (the first `length` bytes, default all). Returns the byte count, 0 at EOF. */
export function read(fd: number, buf: Uint8Array, length?: number): number {
  const f = fdArg(fd);
  const b = bytesArg(buf, 'buf');
  const n = lengthArg(length, b);
  return sys('read', [f, addressOf(b), n], [b]);
}

/** write(2) of `data` (a string is written as UTF-8; the first `length` bytes, default all). */
export function write(fd: number, data: Uint8Array | string, length?: number): number {
  const f = fdArg(fd);
  const b = dataArg(data);
  const n = lengthArg(length, b);
  return sys('write', [f, addressOf(b), n], [b]);
}

/** pread64(2) at file offset `offset`. */
export function pread(fd: number, buf: Uint8Array, offset: number | bigint, length?: number): number {
  const f = fdArg(fd);
  const b = bytesArg(buf, 'buf');
  const o = offArg(offset, 'offset');
  const n = lengthArg(length, b);
  return sys('pread64', [f, addressOf(b), n, o], [b]);
}

/** pwrite64(2) at file offset `offset`. */
export function pwrite(fd: number, data: Uint8Array | string, offset: number | bigint, length?: number): number {
  const f = fdArg(fd);
  const b = dataArg(data);
  const o = offArg(offset, 'offset');
  const n = lengthArg(length, b);
  return sys('pwrite64', [f, addressOf(b), n, o], [b]);
}

/** readv(2): fill `bufs` in order. Returns the total byte count. */
export function readv(fd: number, bufs: Uint8Array[]): number {
  const f = fdArg(fd);
  const v = iovecs(bufs, 'bufs');
  return sys('readv', [f, addressOf(v.iov), v.list.length], [v]);
}

/** writev(2): write `bufs` in order. */
export function writev(fd: number, bufs: Uint8Array[]): number {
  const f = fdArg(fd);
  const v = iovecs(bufs, 'bufs');
  return sys('writev', [f, addressOf(v.iov), v.list.length], [v]);
}

/** lseek(2). Returns the new offset. */
export function lseek(fd: number, offset: number | bigint, whence: number = SEEK_SET): number {
  const f = fdArg(fd);
  const o = offArg(offset, 'offset');
  const w = i32Arg(whence, 'whence');
  return sys('lseek', [f, o, w]);
}

// ---------------------------------------------------------------- stat

/** A timestamp: whole seconds (bigint: a 64-bit time_t) and nanoseconds. */
export interface Timespec {
  sec: bigint;
  nsec: number;
}

/** Nanoseconds since the epoch (compare with Node's `fs.statSync(p, {bigint: true}).mtimeNs`). */
export const timespecNs = (t: Timespec): bigint => t.sec * 1_000_000_000n + BigInt(t.nsec);
/** As a Date (millisecond precision). */
export const timespecDate = (t: Timespec): Date => new Date(Number(t.sec) * 1000 + Math.floor(t.nsec / 1e6));

export type FileType = 'file' | 'directory' | 'symlink' | 'fifo' | 'socket' | 'char' | 'block' | 'unknown';

/** The file type of a mode's S_IFMT bits. */
export function fileType(mode: number): FileType {
  switch (mode & S_IFMT) {
    case S_IFREG: return 'file';
    case S_IFDIR: return 'directory';
    case S_IFLNK: return 'symlink';
    case S_IFIFO: return 'fifo';
    case S_IFSOCK: return 'socket';
    case S_IFCHR: return 'char';
    case S_IFBLK: return 'block';
    default: return 'unknown';
  }
}

/** The file-type helpers Stat and Statx share (named like Node's fs.Stats). */
abstract class ModeInfo {
  abstract readonly mode: number;
  abstract readonly type: FileType;
  isFile(): boolean { return this.type === 'file'; }
  isDirectory(): boolean { return this.type === 'directory'; }
  isSymbolicLink(): boolean { return this.type === 'symlink'; }
  isFIFO(): boolean { return this.type === 'fifo'; }
  isSocket(): boolean { return this.type === 'socket'; }
  isCharacterDevice(): boolean { return this.type === 'char'; }
  isBlockDevice(): boolean { return this.type === 'block'; }
}

/** The fields of a `struct stat`. */
export interface StatFields {
  dev: bigint;
  ino: bigint;
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  rdev: bigint;
  size: bigint;
  blksize: number;
  blocks: bigint;
  atime: Timespec;
  mtime: Timespec;
  ctime: Timespec;
}

/** A `struct stat` (fstat, newfstatat). 64-bit counts are bigints. */
export class Stat extends ModeInfo {
  readonly dev: bigint;
  readonly ino: bigint;
  readonly mode: number;
  readonly nlink: number;
  readonly uid: number;
  readonly gid: number;
  readonly rdev: bigint;
  readonly size: bigint;
  readonly blksize: number;
  readonly blocks: bigint;
  readonly atime: Timespec;
  readonly mtime: Timespec;
  readonly ctime: Timespec;
  readonly type: FileType;

  constructor(f: StatFields) {
    super();
    this.dev = f.dev;
    this.ino = f.ino;
    this.mode = f.mode;
    this.nlink = f.nlink;
    this.uid = f.uid;
    this.gid = f.gid;
    this.rdev = f.rdev;
    this.size = f.size;
    this.blksize = f.blksize;
    this.blocks = f.blocks;
    this.atime = f.atime;
    this.mtime = f.mtime;
    this.ctime = f.ctime;
    this.type = fileType(f.mode);
  }
}

const STAT_SIZE = 144; // x86_64 struct stat; the generic (aarch64) layout is 128

function parseStat(b: Buffer): Stat {
  const ts = (o: number): Timespec => ({ sec: b.readBigInt64LE(o), nsec: Number(b.readBigInt64LE(o + 8)) });
  if (process.arch === 'x64') {
    return new Stat({
      dev: b.readBigUInt64LE(0),
      ino: b.readBigUInt64LE(8),
      nlink: Number(b.readBigUInt64LE(16)),
      mode: b.readUInt32LE(24),
      uid: b.readUInt32LE(28),
      gid: b.readUInt32LE(32),
      rdev: b.readBigUInt64LE(40),
      size: b.readBigInt64LE(48),
      blksize: Number(b.readBigInt64LE(56)),
      blocks: b.readBigInt64LE(64),
      atime: ts(72),
      mtime: ts(88),
      ctime: ts(104),
    });
  }
  // asm-generic/stat.h (aarch64)
  return new Stat({
    dev: b.readBigUInt64LE(0),
    ino: b.readBigUInt64LE(8),
    mode: b.readUInt32LE(16),
    nlink: b.readUInt32LE(20),
    uid: b.readUInt32LE(24),
    gid: b.readUInt32LE(28),
    rdev: b.readBigUInt64LE(32),
    size: b.readBigInt64LE(48),
    blksize: b.readInt32LE(56),
    blocks: b.readBigInt64LE(64),
    atime: ts(72),
    mtime: ts(88),
    ctime: ts(104),
  });
}

/** fstatat(2) (the syscall is `newfstatat`); `flags` may hold AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH. */
export function fstatat(dirfd: number, path: PathLike, flags = 0): Stat {
  const d = dirfdArg(dirfd);
  const p = pathArg(path);
  const f = flagsArg(flags);
  const b = Buffer.alloc(STAT_SIZE);
  sys('newfstatat', [d, addressOf(p.c), addressOf(b), f], [p, b], { path: p.text });
  return parseStat(b);
}

/** stat(2), made as `newfstatat(AT_FDCWD, path, buf, 0)`. */
export function stat(path: PathLike): Stat {
  return fstatat(AT_FDCWD, path, 0);
}

/** lstat(2), made as `newfstatat(AT_FDCWD, path, buf, AT_SYMLINK_NOFOLLOW)`. */
export function lstat(path: PathLike): Stat {
  return fstatat(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW);
}

/** fstat(2). */
export function fstat(fd: number): Stat {
  const f = fdArg(fd);
  const b = Buffer.alloc(STAT_SIZE);
  sys('fstat', [f, addressOf(b)], [b]);
  return parseStat(b);
}

/** A `struct statx`. Fields outside `mask` are whatever the kernel left (usually 0). */
export class Statx extends ModeInfo {
  readonly mask: number;
  readonly blksize: number;
  readonly attributes: bigint;
  readonly nlink: number;
  readonly uid: number;
  readonly gid: number;
  readonly mode: number;
  readonly ino: bigint;
  readonly size: bigint;
  readonly blocks: bigint;
  readonly attributesMask: bigint;
  readonly atime: Timespec;
  readonly btime: Timespec;
  readonly ctime: Timespec;
  readonly mtime: Timespec;
  readonly rdevMajor: number;
  readonly rdevMinor: number;
  readonly devMajor: number;
  readonly devMinor: number;
  readonly mntId: bigint;
  readonly dioMemAlign: number;
  readonly dioOffsetAlign: number;
  readonly type: FileType;

  constructor(b: Buffer) {
    super();
    const ts = (o: number): Timespec => ({ sec: b.readBigInt64LE(o), nsec: b.readUInt32LE(o + 8) });
    this.mask = b.readUInt32LE(0);
    this.blksize = b.readUInt32LE(4);
    this.attributes = b.readBigUInt64LE(8);
    this.nlink = b.readUInt32LE(16);
    this.uid = b.readUInt32LE(20);
    this.gid = b.readUInt32LE(24);
    this.mode = b.readUInt16LE(28);
    this.ino = b.readBigUInt64LE(32);
    this.size = b.readBigUInt64LE(40);
    this.blocks = b.readBigUInt64LE(48);
    this.attributesMask = b.readBigUInt64LE(56);
    this.atime = ts(64);
    this.btime = ts(80);
    this.ctime = ts(96);
    this.mtime = ts(112);
    this.rdevMajor = b.readUInt32LE(128);
    this.rdevMinor = b.readUInt32LE(132);
    this.devMajor = b.readUInt32LE(136);
    this.devMinor = b.readUInt32LE(140);
    this.mntId = b.readBigUInt64LE(144);
    this.dioMemAlign = b.readUInt32LE(152);
    this.dioOffsetAlign = b.readUInt32LE(156);
    this.type = fileType(this.mode);
  }
}

/** statx(2). `mask` defaults to STATX_BASIC_STATS. */
export function statx(dirfd: number, path: PathLike, flags = 0, mask: number = STATX_BASIC_STATS): Statx {
  const d = dirfdArg(dirfd);
  const p = pathArg(path);
  const f = flagsArg(flags);
  const m = u32Arg(mask, 'mask');
  const b = Buffer.alloc(256);
  sys('statx', [d, addressOf(p.c), f, m, addressOf(b)], [p, b], { path: p.text });
  return new Statx(b);
}

// ---------------------------------------------------------------- directories and names

/** mkdirat(2). */
export function mkdirat(dirfd: number, path: PathLike, mode = 0o777): void {
  const d = dirfdArg(dirfd);
  const p = pathArg(path);
  const m = u32Arg(mode, 'mode');
  sys('mkdirat', [d, addressOf(p.c), m], [p], { path: p.text });
}

/** mkdir(2), made as `mkdirat(AT_FDCWD, path, mode)`. */
export function mkdir(path: PathLike, mode = 0o777): void {
  mkdirat(AT_FDCWD, path, mode);
}

/** unlinkat(2); `flags` AT_REMOVEDIR removes a directory. */
export function unlinkat(dirfd: number, path: PathLike, flags = 0): void {
  const d = dirfdArg(dirfd);
  const p = pathArg(path);
  const f = flagsArg(flags);
  sys('unlinkat', [d, addressOf(p.c), f], [p], { path: p.text });
}

/** unlink(2), made as `unlinkat(AT_FDCWD, path, 0)`. */
export function unlink(path: PathLike): void {
  unlinkat(AT_FDCWD, path, 0);
}

/** rmdir(2), made as `unlinkat(AT_FDCWD, path, AT_REMOVEDIR)`. */
export function rmdir(path: PathLike): void {
  unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
}

/** renameat(2). */
export function renameat(olddirfd: number, oldpath: PathLike, newdirfd: number, newpath: PathLike): void {
  const od = dirfdArg(olddirfd, 'olddirfd');
  const o = pathArg(oldpath, 'oldpath');
  const nd = dirfdArg(newdirfd, 'newdirfd');
  const n = pathArg(newpath, 'newpath');
  const ctx = { path: o.text, dest: n.text };
  if (has('renameat')) sys('renameat', [od, addressOf(o.c), nd, addressOf(n.c)], [o, n], ctx);
  else sys('renameat2', [od, addressOf(o.c), nd, addressOf(n.c), 0], [o, n], ctx);
}

/** rename(2), made as `renameat(AT_FDCWD, oldpath, AT_FDCWD, newpath)`. */
export function rename(oldpath: PathLike, newpath: PathLike): void {
  renameat(AT_FDCWD, oldpath, AT_FDCWD, newpath);
}

/** symlinkat(2): create `linkpath` (relative to `newdirfd`) pointing at `target`. */
export function symlinkat(target: PathLike, newdirfd: number, linkpath: PathLike): void {
  const t = pathArg(target, 'target');
  const d = dirfdArg(newdirfd, 'newdirfd');
  const l = pathArg(linkpath, 'linkpath');
  sys('symlinkat', [addressOf(t.c), d, addressOf(l.c)], [t, l], { path: t.text, dest: l.text });
}

/** symlink(2), made as `symlinkat(target, AT_FDCWD, linkpath)`. */
export function symlink(target: PathLike, linkpath: PathLike): void {
  symlinkat(target, AT_FDCWD, linkpath);
}

/** readlinkat(2). Returns the link's target (UTF-8). */
export function readlinkat(dirfd: number, path: PathLike): string {
  const d = dirfdArg(dirfd);
  const p = pathArg(path);
  for (let size = 4096; ; size *= 16) {
    const b = Buffer.alloc(size);
    const n = sys('readlinkat', [d, addressOf(p.c), addressOf(b), size], [p, b], { path: p.text });
    if (n < size || size >= 1 << 20) return b.toString('utf8', 0, n);
  }
}

/** readlink(2), made as `readlinkat(AT_FDCWD, path, …)`. */
export function readlink(path: PathLike): string {
  return readlinkat(AT_FDCWD, path);
}

/** chdir(2). Changes the directory of the whole process (every thread, Node's included). */
export function chdir(path: PathLike): void {
  const p = pathArg(path);
  sys('chdir', [addressOf(p.c)], [p], { path: p.text });
}

/** fchdir(2). */
export function fchdir(fd: number): void {
  sys('fchdir', [fdArg(fd)]);
}

/** getcwd(2). */
export function getcwd(): string {
  const b = Buffer.alloc(4096);
  const n = sys('getcwd', [addressOf(b), b.length], [b]);
  return b.toString('utf8', 0, Math.max(0, n - 1));
}

// ---------------------------------------------------------------- descriptors

/** pipe2(2). Returns [readEnd, writeEnd]. */
export function pipe2(flags = 0): [number, number] {
  const f = flagsArg(flags);
  const b = Buffer.alloc(8);
  sys('pipe2', [addressOf(b), f], [b]);
  return [b.readInt32LE(0), b.readInt32LE(4)];
}

/** pipe(2), made as `pipe2(fds, 0)`. */
export function pipe(): [number, number] {
  return pipe2(0);
}

/** dup(2). */
export function dup(oldfd: number): number {
  return sys('dup', [fdArg(oldfd, 'oldfd')]);
}

/** dup2(2) (dup3 where the architecture has no dup2). Returns `newfd`. */
export function dup2(oldfd: number, newfd: number): number {
  const o = fdArg(oldfd, 'oldfd');
  const n = fdArg(newfd, 'newfd');
  if (has('dup2')) return sys('dup2', [o, n]);
  if (o === n) {
    sys('fcntl', [o, F_GETFD]);
    return n;
  }
  return sys('dup3', [o, n, 0]);
}

/** dup3(2); `flags` may be O_CLOEXEC. */
export function dup3(oldfd: number, newfd: number, flags = 0): number {
  return sys('dup3', [fdArg(oldfd, 'oldfd'), fdArg(newfd, 'newfd'), flagsArg(flags)]);
}

/**
 * fcntl(2). `arg` is an integer, or a buffer passed by address for the commands that take a
 * struct (F_GETLK/F_SETLK with a `struct flock`, F_GETOWN_EX …).
 */
export function fcntl(fd: number, cmd: number, arg: number | Uint8Array = 0): number {
  const f = fdArg(fd);
  const c2 = i32Arg(cmd, 'cmd');
  if (arg instanceof Uint8Array) return sys('fcntl', [f, c2, addressOf(arg)], [arg]);
  return sys('fcntl', [f, c2, int(arg, 'arg', INT_MIN, UINT_MAX)]);
}

