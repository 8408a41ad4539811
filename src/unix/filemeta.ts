/**
 * sysray/unix: file metadata and names: permissions, ownership, timestamps, links, device nodes,
 * extended attributes, filesystem statistics, directory entries.
 */
import { addressOf, bytesArg, dirfdArg, fdArg, flagsArg, int, pathArg, sys, type PathLike } from './core.js';
import { row, rowVoid } from './rows.js';
import { struct } from './struct.js';
import { AT_FDCWD, AT_SYMLINK_NOFOLLOW, S_IFIFO } from './names.js';
import { encodeTimespec, type TimeSpec } from './time.js';

// ---------------------------------------------------------------- access, permissions, ownership

/** faccessat(2): R_OK/W_OK/X_OK/F_OK. Throws if the access would be refused. */
export const faccessat = rowVoid('faccessat', ['dirfd', 'path', 'int']);
/** faccessat2(2): faccessat with AT_EACCESS / AT_SYMLINK_NOFOLLOW flags. */
export const faccessat2 = rowVoid('faccessat2', ['dirfd', 'path', 'int', 'flags']);
/** access(2), made as `faccessat(AT_FDCWD, path, mode)`. */
export const access = rowVoid('faccessat', [AT_FDCWD, 'path', 'int']);

/** fchmod(2). */
export const fchmod = rowVoid('fchmod', ['fd', 'uint']);
/** fchmodat(2) (no flags: the syscall has none; fchmodat2 takes AT_SYMLINK_NOFOLLOW). */
export const fchmodat = rowVoid('fchmodat', ['dirfd', 'path', 'uint']);
/** fchmodat2(2) (Linux 6.6). */
export const fchmodat2 = rowVoid('fchmodat2', ['dirfd', 'path', 'uint', 'flags']);
/** chmod(2), made as `fchmodat(AT_FDCWD, path, mode)`. */
export const chmod = rowVoid('fchmodat', [AT_FDCWD, 'path', 'uint']);

/** fchown(2); -1 leaves an id unchanged. */
export const fchown = rowVoid('fchown', ['fd', 'int', 'int']);
/** fchownat(2): AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH. */
export const fchownat = rowVoid('fchownat', ['dirfd', 'path', 'int', 'int', 'flags']);
/** chown(2), made as `fchownat(AT_FDCWD, path, uid, gid, 0)`. */
export const chown = rowVoid('fchownat', [AT_FDCWD, 'path', 'int', 'int', 0]);
/** lchown(2), made as `fchownat(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW)`. */
export const lchown = rowVoid('fchownat', [AT_FDCWD, 'path', 'int', 'int', AT_SYMLINK_NOFOLLOW]);

/** umask(2): set the mask; returns the previous one. Node's worker threads share it. */
export const umask = row('umask', ['uint']);
/** chroot(2) (needs CAP_SYS_CHROOT). */
export const chroot = rowVoid('chroot', ['path']);
/** acct(2): process accounting to `path`, or off with null (needs CAP_SYS_PACCT). */
export const acct = rowVoid('acct', ['npath']);

// ---------------------------------------------------------------- timestamps

/** `UTIME_NOW` and `UTIME_OMIT`, for a timespec's nsec in utimensat. */
export const UTIME_NOW = (1 << 30) - 1;
export const UTIME_OMIT = (1 << 30) - 2;

function timesArg(times: readonly [TimeSpec, TimeSpec] | null): Buffer | null {
  if (times === null) return null;
  if (!Array.isArray(times) || times.length !== 2) throw new TypeError('times must be [atime, mtime] or null');
  return Buffer.concat([encodeTimespecOrSpecial(times[0]), encodeTimespecOrSpecial(times[1])]);
}

function encodeTimespecOrSpecial(t: TimeSpec): Buffer {
  const ns = Number(t.nsec);
  if (ns === UTIME_NOW || ns === UTIME_OMIT) {
    const b = Buffer.alloc(16);
    b.writeBigInt64LE(BigInt(t.sec), 0);
    b.writeBigInt64LE(BigInt(ns), 8);
    return b;
  }
  return encodeTimespec(t);
}

/** utimensat(2): `path` null sets `dirfd`'s own times; `times` null sets both to now. */
export function utimensat(dirfd: number, path: PathLike | null, times: readonly [TimeSpec, TimeSpec] | null, flags = 0): void {
  const d = dirfdArg(dirfd);
  const p = path === null ? null : pathArg(path);
  const t = timesArg(times);
  sys('utimensat', [d, p ? addressOf(p.c) : 0, t ? addressOf(t) : 0, flagsArg(flags)], [p, t], { path: p?.text });
}

/** Timestamps in nanoseconds since the epoch, as [atime, mtime]. */
const nsPair = (ts: readonly [bigint, bigint]): [TimeSpec, TimeSpec] =>
  [{ sec: ts[0] / 1_000_000_000n, nsec: ts[0] % 1_000_000_000n }, { sec: ts[1] / 1_000_000_000n, nsec: ts[1] % 1_000_000_000n }];

/** UtimesNano: utimensat(AT_FDCWD, path, [atime, mtime] in ns, 0). */
export const utimesNano = (path: PathLike, ns: readonly [bigint, bigint]): void => utimensat(AT_FDCWD, path, nsPair(ns), 0);
/** UtimesNanoAt: utimensat(dirfd, path, [atime, mtime] in ns, flags). */
export const utimesNanoAt = (dirfd: number, path: PathLike, ns: readonly [bigint, bigint], flags = 0): void => utimensat(dirfd, path, nsPair(ns), flags);
/** Utimes: [atime, mtime] as {sec, usec}, made as utimensat(AT_FDCWD, path, …, 0). */
export const utimes = (path: PathLike, tv: readonly [{ sec: number | bigint; usec: number }, { sec: number | bigint; usec: number }]): void =>
  utimensat(AT_FDCWD, path, [{ sec: tv[0].sec, nsec: tv[0].usec * 1000 }, { sec: tv[1].sec, nsec: tv[1].usec * 1000 }], 0);
/** Lutimes: as utimes, not following a final symlink. */
export const lutimes = (path: PathLike, tv: readonly [{ sec: number | bigint; usec: number }, { sec: number | bigint; usec: number }]): void =>
  utimensat(AT_FDCWD, path, [{ sec: tv[0].sec, nsec: tv[0].usec * 1000 }, { sec: tv[1].sec, nsec: tv[1].usec * 1000 }], AT_SYMLINK_NOFOLLOW);
/** Futimes: an open file's times, made as utimensat(fd, NULL, …, 0). */
export const futimes = (fd: number, tv: readonly [{ sec: number | bigint; usec: number }, { sec: number | bigint; usec: number }]): void =>
  utimensat(fdArg(fd), null, [{ sec: tv[0].sec, nsec: tv[0].usec * 1000 }, { sec: tv[1].sec, nsec: tv[1].usec * 1000 }], 0);

/** futimesat(2) (obsolete; x86_64 has it): [atime, mtime] as {sec, usec}, or null for now. */
export function futimesat(dirfd: number, path: PathLike, tv: readonly [{ sec: number | bigint; usec: number }, { sec: number | bigint; usec: number }] | null): void {
  const d = dirfdArg(dirfd);
  const p = pathArg(path);
  let b: Buffer | null = null;
  if (tv !== null) {
    b = Buffer.alloc(32);
    tv.forEach((t, i) => {
      b!.writeBigInt64LE(BigInt(t.sec), i * 16);
      b!.writeBigInt64LE(BigInt(int(t.usec, 'usec', 0, 999999)), i * 16 + 8);
    });
  }
  sys('futimesat', [d, addressOf(p.c), b ? addressOf(b) : 0], [p, b], { path: p.text });
}

/** utime(2) (x86_64 has it): access and modification times in whole seconds, or null for now. */
export function utime(path: PathLike, t: { actime: number | bigint; modtime: number | bigint } | null): void {
  const p = pathArg(path);
  let b: Buffer | null = null;
  if (t !== null) {
    b = Buffer.alloc(16);
    b.writeBigInt64LE(BigInt(t.actime), 0);
    b.writeBigInt64LE(BigInt(t.modtime), 8);
  }
  sys('utime', [addressOf(p.c), b ? addressOf(b) : 0], [p, b], { path: p.text });
}

// ---------------------------------------------------------------- links and nodes

/** linkat(2): AT_SYMLINK_FOLLOW, AT_EMPTY_PATH. */
export const linkat = rowVoid('linkat', ['dirfd', 'path', 'dirfd', 'path', 'flags']);
/** link(2), made as `linkat(AT_FDCWD, old, AT_FDCWD, new, 0)`. */
export const link = rowVoid('linkat', [AT_FDCWD, 'path', AT_FDCWD, 'path', 0]);
/** renameat2(2): RENAME_NOREPLACE, RENAME_EXCHANGE, RENAME_WHITEOUT. */
export const renameat2 = rowVoid('renameat2', ['dirfd', 'path', 'dirfd', 'path', 'flags']);
/** mknodat(2): `mode` has the file type (S_IFIFO, S_IFCHR …); `dev` from mkdev(). */
export const mknodat = rowVoid('mknodat', ['dirfd', 'path', 'uint', 'off']);
/** mknod(2), made as `mknodat(AT_FDCWD, path, mode, dev)`. */
export const mknod = rowVoid('mknodat', [AT_FDCWD, 'path', 'uint', 'off']);
/** mkfifoat: mknodat(dirfd, path, S_IFIFO|mode, 0). */
export const mkfifoat = (dirfd: number, path: PathLike, mode: number): void => mknodat(dirfd, path, S_IFIFO | int(mode, 'mode', 0, 0o7777), 0);
/** mkfifo: mknodat(AT_FDCWD, path, S_IFIFO|mode, 0). */
export const mkfifo = (path: PathLike, mode: number): void => mkfifoat(AT_FDCWD, path, mode);

/** A device number's major part (glibc's gnu_dev_major). */
export const major = (dev: bigint | number): number => Number(((BigInt(dev) >> 8n) & 0xfffn) | ((BigInt(dev) >> 32n) & 0xfffff000n));
/** A device number's minor part. */
export const minor = (dev: bigint | number): number => Number((BigInt(dev) & 0xffn) | ((BigInt(dev) >> 12n) & 0xffffff00n));
/** A device number from major and minor (glibc's gnu_dev_makedev). */
export const mkdev = (maj: number, min: number): bigint => {
  const M = BigInt(maj), m = BigInt(min);
  return ((M & 0xfffn) << 8n) | ((M & ~0xfffn) << 32n) | (m & 0xffn) | ((m & ~0xffn) << 12n);
};

// ---------------------------------------------------------------- extended attributes

function xattrGet(syscall: string, target: 'path' | 'fd', where: unknown, name: string): Buffer {
  const t = target === 'fd' ? fdArg(where) : pathArg(where);
  const n = pathArg(name, 'name');
  const first = typeof t === 'number' ? t : addressOf(t.c);
  const ctx = { path: typeof t === 'number' ? undefined : t.text };
  for (;;) {
    const size = sys(syscall, [first, addressOf(n.c), 0, 0], [t, n], ctx);
    const b = Buffer.alloc(size);
    try {
      const got = sys(syscall, [first, addressOf(n.c), size ? addressOf(b) : 0, size], [t, n, b], ctx);
      return b.subarray(0, got);
    } catch (err) {
      // the value grew between the two calls: ask again
      if ((err as { code?: string }).code !== 'ERANGE') throw err;
    }
  }
}

/** getxattr(2): the value (bytes). */
export const getxattr = (path: PathLike, name: string): Buffer => xattrGet('getxattr', 'path', path, name);
/** lgetxattr(2). */
export const lgetxattr = (path: PathLike, name: string): Buffer => xattrGet('lgetxattr', 'path', path, name);
/** fgetxattr(2). */
export const fgetxattr = (fd: number, name: string): Buffer => xattrGet('fgetxattr', 'fd', fd, name);

/** setxattr(2): XATTR_CREATE / XATTR_REPLACE. */
export const setxattr = rowVoid('setxattr', ['path', 'path', 'data'], ['flags']);
/** lsetxattr(2). */
export const lsetxattr = rowVoid('lsetxattr', ['path', 'path', 'data'], ['flags']);
/** fsetxattr(2). */
export const fsetxattr = rowVoid('fsetxattr', ['fd', 'path', 'data'], ['flags']);
/** removexattr(2). */
export const removexattr = rowVoid('removexattr', ['path', 'path']);
/** lremovexattr(2). */
export const lremovexattr = rowVoid('lremovexattr', ['path', 'path']);
/** fremovexattr(2). */
export const fremovexattr = rowVoid('fremovexattr', ['fd', 'path']);

function xattrList(syscall: string, target: 'path' | 'fd', where: unknown): string[] {
  const t = target === 'fd' ? fdArg(where) : pathArg(where);
  const first = typeof t === 'number' ? t : addressOf(t.c);
  const ctx = { path: typeof t === 'number' ? undefined : t.text };
  for (;;) {
    const size = sys(syscall, [first, 0, 0], [t], ctx);
    const b = Buffer.alloc(size);
    try {
      const got = sys(syscall, [first, size ? addressOf(b) : 0, size], [t, b], ctx);
      return b.toString('utf8', 0, got).split('\0').filter((s) => s !== '');
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERANGE') throw err;
    }
  }
}

/** listxattr(2): the attribute names. */
export const listxattr = (path: PathLike): string[] => xattrList('listxattr', 'path', path);
/** llistxattr(2). */
export const llistxattr = (path: PathLike): string[] => xattrList('llistxattr', 'path', path);
/** flistxattr(2). */
export const flistxattr = (fd: number): string[] => xattrList('flistxattr', 'fd', fd);

// ---------------------------------------------------------------- filesystem statistics

/** A `struct statfs` (120 bytes on 64-bit). */
export const STATFS = struct(120, {
  type: ['i64', 0], bsize: ['i64', 8], blocks: ['u64', 16], bfree: ['u64', 24], bavail: ['u64', 32], files: ['u64', 40],
  ffree: ['u64', 48], fsid: ['bytes', 56, 8], namelen: ['i64', 64], frsize: ['i64', 72], flags: ['i64', 80],
});
export type Statfs = ReturnType<typeof STATFS.decode>;

/** statfs(2). */
export function statfs(path: PathLike): Statfs {
  const p = pathArg(path);
  const b = Buffer.alloc(STATFS.size);
  sys('statfs', [addressOf(p.c), addressOf(b)], [p, b], { path: p.text });
  return STATFS.decode(b);
}

/** fstatfs(2). */
export function fstatfs(fd: number): Statfs {
  const b = Buffer.alloc(STATFS.size);
  sys('fstatfs', [fdArg(fd), addressOf(b)], [b]);
  return STATFS.decode(b);
}

/** ustat(2) (obsolete: most kernels answer ENOSYS or EINVAL). Returns the raw 32-byte `struct ustat`. */
export function ustat(dev: number | bigint): Buffer {
  const b = Buffer.alloc(32);
  sys('ustat', [BigInt(dev), addressOf(b)], [b]);
  return b;
}

// ---------------------------------------------------------------- directory entries

/** One entry of getdents64: inode, the offset of the next entry, DT_* type, and the name. */
export interface Dirent {
  ino: bigint;
  off: bigint;
  type: number;
  name: string;
}

/** getdents64(2) into `buf` (Getdents/ReadDirent in x/sys/unix): the bytes filled, 0 at the end. */
export function getdents(fd: number, buf: Uint8Array): number {
  const b = bytesArg(buf, 'buf');
  return sys('getdents64', [fdArg(fd), addressOf(b), b.byteLength], [b]);
}

/** The entries in the first `bytes` bytes getdents filled (ParseDirent). */
export function parseDirent(buf: Uint8Array, bytes: number = buf.byteLength): Dirent[] {
  const b = Buffer.from(buf.buffer, buf.byteOffset, bytes);
  const out: Dirent[] = [];
  for (let off = 0; off + 19 <= b.length; ) {
    const reclen = b.readUInt16LE(off + 16);
    if (reclen === 0) break;
    const name = b.subarray(off + 19, off + reclen);
    const nul = name.indexOf(0);
    out.push({ ino: b.readBigUInt64LE(off), off: b.readBigInt64LE(off + 8), type: b[off + 18]!, name: name.toString('utf8', 0, nul === -1 ? name.length : nul) });
    off += reclen;
  }
  return out;
}

/** getdents64(2) as entries: one call with a `size`-byte buffer; [] at the end of the directory. */
export function getdents64(fd: number, size = 32768): Dirent[] {
  const b = Buffer.alloc(int(size, 'size', 64, 1 << 24));
  return parseDirent(b, getdents(fd, b));
}
