/**
 * sysray/unix: ioctl: the raw call, the integer/string helpers of x/sys/unix, terminals (window
 * size, termios), file clones, interface requests. Request numbers by name come from the ioctl
 * table strace's decoder prints with (`ioctlRequest('FICLONE')`).
 */
import { ioctlCode } from '../decode/xlat/ioctls.js';
import { addressOf, bytesArg, fdArg, i32Arg, int, offArg, pathArg, sys } from './core.js';
import { struct } from './struct.js';

/** An ioctl request number by its name (from the decoder's table). Throws for an unknown name. */
export function ioctlRequest(name: string): number {
  const code = ioctlCode(name);
  if (code === undefined) throw new Error(`sysray/unix: no ioctl request named ${name}`);
  return code;
}

/** ioctl(2): `arg` an integer (passed as is) or bytes (passed by address; the kernel may fill them). */
export function ioctl(fd: number, request: number, arg: number | bigint | Uint8Array = 0): number {
  const f = fdArg(fd);
  const req = int(request, 'request', 0, 0xffffffff);
  if (arg instanceof Uint8Array) return sys('ioctl', [f, req, addressOf(arg)], [arg]);
  return sys('ioctl', [f, req, offArg(arg, 'arg')]);
}

/** IoctlRetInt: the request's result as the value. */
export const ioctlRetInt = (fd: number, request: number): number => ioctl(fd, request, 0);
/** IoctlSetInt: an int passed by value. */
export const ioctlSetInt = (fd: number, request: number, value: number): void => void ioctl(fd, request, i32Arg(value, 'value'));

/** IoctlSetPointerInt: an int passed by address. */
export function ioctlSetPointerInt(fd: number, request: number, value: number): void {
  const b = Buffer.alloc(4);
  b.writeInt32LE(i32Arg(value, 'value'));
  ioctl(fd, request, b);
}

/** IoctlGetInt: the int the kernel writes at the address. */
export function ioctlGetInt(fd: number, request: number): number {
  const b = Buffer.alloc(4);
  ioctl(fd, request, b);
  return b.readInt32LE(0);
}

/** IoctlGetUint32. */
export function ioctlGetUint32(fd: number, request: number): number {
  const b = Buffer.alloc(4);
  ioctl(fd, request, b);
  return b.readUInt32LE(0);
}

/** IoctlSetString: a NUL-terminated string by address. */
export function ioctlSetString(fd: number, request: number, value: string): void {
  ioctl(fd, request, pathArg(value, 'value').c);
}

// ---------------------------------------------------------------- terminals

/** A `struct winsize`. */
export const WINSIZE = struct(8, { row: ['u16', 0], col: ['u16', 2], xpixel: ['u16', 4], ypixel: ['u16', 6] });
export type Winsize = ReturnType<typeof WINSIZE.decode>;

/** IoctlGetWinsize: TIOCGWINSZ. */
export function ioctlGetWinsize(fd: number): Winsize {
  const b = Buffer.alloc(WINSIZE.size);
  ioctl(fd, ioctlRequest('TIOCGWINSZ'), b);
  return WINSIZE.decode(b);
}

/** IoctlSetWinsize: TIOCSWINSZ. */
export function ioctlSetWinsize(fd: number, ws: Parameters<typeof WINSIZE.encode>[0]): void {
  ioctl(fd, ioctlRequest('TIOCSWINSZ'), WINSIZE.encode(ws));
}

/** The kernel's `struct termios` (TCGETS/TCSETS: 36 bytes, 19 control characters). */
export const TERMIOS = struct(36, { iflag: ['u32', 0], oflag: ['u32', 4], cflag: ['u32', 8], lflag: ['u32', 12], line: ['u8', 16], cc: ['bytes', 17, 19] });
export type Termios = ReturnType<typeof TERMIOS.decode>;

/** IoctlGetTermios: TCGETS (or another get request). */
export function ioctlGetTermios(fd: number, request = ioctlRequest('TCGETS')): Termios {
  const b = Buffer.alloc(TERMIOS.size);
  ioctl(fd, request, b);
  return TERMIOS.decode(b);
}

/** IoctlSetTermios: TCSETS, TCSETSW or TCSETSF. */
export function ioctlSetTermios(fd: number, request: number, t: Parameters<typeof TERMIOS.encode>[0]): void {
  ioctl(fd, request, TERMIOS.encode(t));
}

// ---------------------------------------------------------------- files, interfaces, pidfds

/** IoctlFileClone: FICLONE, share `src`'s extents with `dest` (btrfs, xfs; others EOPNOTSUPP). */
export const ioctlFileClone = (dest: number, src: number): void => void ioctl(dest, ioctlRequest('FICLONE'), fdArg(src, 'src'));

/** A `struct file_clone_range`. */
export const FILE_CLONE_RANGE = struct(32, { srcFd: ['i64', 0], srcOffset: ['u64', 8], srcLength: ['u64', 16], destOffset: ['u64', 24] });

/** IoctlFileCloneRange: FICLONERANGE. */
export function ioctlFileCloneRange(dest: number, range: Parameters<typeof FILE_CLONE_RANGE.encode>[0]): void {
  ioctl(dest, ioctlRequest('FICLONERANGE'), FILE_CLONE_RANGE.encode(range));
}

/** An interface request (`struct ifreq`, 40 bytes): the interface name and 24 bytes of union. */
export interface Ifreq {
  name: string;
  data: Buffer;
}

/** IoctlIfreq: a SIOC* request on a socket; returns the ifreq as the kernel left it. */
export function ioctlIfreq(fd: number, request: number, ifr: { name: string; data?: Uint8Array }): Ifreq {
  const b = Buffer.alloc(40);
  const name = Buffer.from(ifr.name, 'utf8');
  if (name.length > 15) throw new RangeError(`interface name too long (${name.length} > 15 bytes)`);
  name.copy(b, 0);
  if (ifr.data) b.set(bytesArg(ifr.data, 'data').subarray(0, 24), 16);
  ioctl(fd, request, b);
  const nul = b.indexOf(0);
  return { name: b.toString('utf8', 0, nul === -1 || nul > 16 ? 16 : nul), data: Buffer.from(b.subarray(16, 40)) };
}

/** The fields of `struct pidfd_info` (PIDFD_GET_INFO, Linux 6.13). */
export const PIDFD_INFO = struct(64, {
  mask: ['u64', 0], cgroupid: ['u64', 8], pid: ['u32', 16], tgid: ['u32', 20], ppid: ['u32', 24], ruid: ['u32', 28],
  rgid: ['u32', 32], euid: ['u32', 36], egid: ['u32', 40], suid: ['u32', 44], sgid: ['u32', 48], fsuid: ['u32', 52],
  fsgid: ['u32', 56], exitCode: ['i32', 60],
});

/** IoctlPidfdInfo: PIDFD_GET_INFO with `mask` PIDFD_INFO_* (PIDFD_INFO_PID = 1 is always filled). */
export function ioctlPidfdInfo(pidfd: number, mask: bigint = 1n): ReturnType<typeof PIDFD_INFO.decode> {
  const b = PIDFD_INFO.encode({ mask });
  // _IOWR(0xFF, 11, struct pidfd_info) with the 64-byte v1 struct
  ioctl(pidfd, 0xc040ff0b, b);
  return PIDFD_INFO.decode(b);
}
