/**
 * sysray/unix: typed raw Linux syscalls from TypeScript, in the spirit of Go's golang.org/x/sys/unix.
 *
 * ```ts
 * import * as unix from 'sysray/unix';
 * const fd = unix.open('test.txt', unix.O_CREAT | unix.O_WRONLY, 0o600);
 * unix.write(fd, 'hello world\n');
 * unix.close(fd);
 * ```
 *
 * Every function here makes the real system call (through libc's `syscall()`, by number from the
 * architecture table; no libc wrapper in between), so what you write is what `strace` shows.
 *
 * **All calls are synchronous and block the event loop.** A call that waits (accept, connect,
 * read/recv/recvmsg on an empty blocking socket or pipe, write to a full one) blocks the whole Node
 * thread: no timers, no I/O callbacks, no other JavaScript, until the kernel returns. Use
 * O_NONBLOCK / SOCK_NONBLOCK (then a call that would wait throws EAGAIN) with your own polling, or
 * run the blocking calls in a worker_thread.
 *
 * Errors: a call the kernel fails throws {@link SyscallError} (`errno`, `code`, `syscall`, and a
 * Node-style message: `ENOENT: no such file or directory, openat '/nope'`). Bad arguments (wrong
 * types, non-integer or negative fds, negative lengths, a length larger than its buffer, malformed
 * addresses) throw TypeError / RangeError *before* any syscall is made: the kernel never sees a
 * pointer this module did not build from a live buffer. Nothing retries on EINTR.
 *
 * Pointers: buffers are passed to the kernel by address (`addressOf`) and kept reachable until the
 * call returns. Paths are strings (UTF-8) or byte arrays; returned paths are UTF-8 strings.
 */
import os from 'node:os';
import net from 'node:net';
import { bufferAddress, raw, errno as lastErrno } from './libc.js';
import { NATIVE } from '../arch/index.js';
import { ERRNO_NAMES, errnoMessage } from '../decode/xlat/errno.js';
import type { Xlat } from '../decode/xlat/core.js';
import {
  ACCESS_MODES,
  AT_FDCWD as AT_FDCWD_TABLE,
  AT_FLAGS,
  AT_STATX_SYNC,
  FACCESSAT_FLAGS,
  FCNTL_CMDS,
  FD_FLAGS,
  IPPROTO,
  MSG_FLAGS,
  OPEN_ACCMODE,
  OPEN_FLAGS,
  S_IFMT as S_IFMT_TABLE,
  S_IFMT_TYPES,
  SEEK_WHENCE,
  SHUTDOWN_MODES,
  SOCK_TYPE_FLAGS,
  SOCKET_FAMILIES,
  SOCKET_TYPES,
  SOCKOPT_LEVELS,
  SOL_SOCKET_GETSOCKOPT,
  SOL_SOCKET_SETSOCKOPT,
  STATX_ATTRS,
  STATX_MASK,
  TCP_OPTIONS,
} from '../decode/xlat/tables.js';

// ================================================================ constants

/**
 * Named number constants from xlat tables (the same tables the decoders print with): every
 * `[value, name]` pair becomes `name: value`. A name given two different values throws.
 */
export function constantsFrom(...tables: Xlat[]): Readonly<Record<string, number>> {
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const t of tables) {
    for (const [v, name] of t.pairs) {
      const n = Number(v);
      if (Object.prototype.hasOwnProperty.call(out, name) && out[name] !== n) {
        throw new Error(`constantsFrom: ${name} has two values (${out[name]} and ${n})`);
      }
      out[name] = n;
    }
  }
  return Object.freeze(out);
}

const FROM_TABLES = constantsFrom(
  OPEN_ACCMODE, OPEN_FLAGS, AT_FLAGS, AT_STATX_SYNC, FACCESSAT_FLAGS, ACCESS_MODES, FCNTL_CMDS, FD_FLAGS,
  SEEK_WHENCE, STATX_MASK, STATX_ATTRS, S_IFMT_TYPES, SOCKET_FAMILIES, SOCKET_TYPES, SOCK_TYPE_FLAGS, IPPROTO,
  MSG_FLAGS, SHUTDOWN_MODES, SOCKOPT_LEVELS, SOL_SOCKET_GETSOCKOPT, SOL_SOCKET_SETSOCKOPT, TCP_OPTIONS,
);

function k(name: string): number {
  const v = FROM_TABLES[name];
  if (v === undefined) throw new Error(`sysray/unix: constant ${name} missing from the xlat tables`);
  return v;
}

/**
 * Constants no table holds (the decoders keep them as plain numbers or in tables still to come):
 * AT_FDCWD and S_IFMT are single values in tables.ts; SCM_* are the SOL_SOCKET control-message
 * types (linux/socket.h); the rest are glibc's other spellings of table entries (on 64-bit
 * userspace SO_RCVTIMEO etc. are the *_OLD values).
 */
const HAND_WRITTEN: Readonly<Record<string, number>> = Object.freeze({
  AT_FDCWD: Number(AT_FDCWD_TABLE),
  S_IFMT: Number(S_IFMT_TABLE),
  SCM_RIGHTS: 1,
  SCM_CREDENTIALS: 2,
  SCM_SECURITY: 3,
  O_NDELAY: k('O_NONBLOCK'),
  O_ASYNC: k('FASYNC'),
  O_RSYNC: k('O_SYNC'),
  O_FSYNC: k('O_SYNC'),
  AF_LOCAL: k('AF_UNIX'),
  AF_FILE: k('AF_UNIX'),
  SO_RCVTIMEO: k('SO_RCVTIMEO_OLD'),
  SO_SNDTIMEO: k('SO_SNDTIMEO_OLD'),
  SO_TIMESTAMP: k('SO_TIMESTAMP_OLD'),
  SO_TIMESTAMPNS: k('SO_TIMESTAMPNS_OLD'),
  SO_TIMESTAMPING: k('SO_TIMESTAMPING_OLD'),
});

/** Every constant this module knows, by name (the named exports below are a subset). */
export const constants: Readonly<Record<string, number>> = Object.freeze({ ...FROM_TABLES, ...HAND_WRITTEN });

const c = (name: string): number => {
  const v = constants[name];
  if (v === undefined) throw new Error(`sysray/unix: unknown constant ${name}`);
  return v;
};

// open flags
export const O_RDONLY = c('O_RDONLY');
export const O_WRONLY = c('O_WRONLY');
export const O_RDWR = c('O_RDWR');
export const O_ACCMODE = c('O_ACCMODE');
export const O_CREAT = c('O_CREAT');
export const O_EXCL = c('O_EXCL');
export const O_NOCTTY = c('O_NOCTTY');
export const O_TRUNC = c('O_TRUNC');
export const O_APPEND = c('O_APPEND');
export const O_NONBLOCK = c('O_NONBLOCK');
export const O_NDELAY = c('O_NDELAY');
export const O_SYNC = c('O_SYNC');
export const O_RSYNC = c('O_RSYNC');
export const O_FSYNC = c('O_FSYNC');
export const O_DSYNC = c('O_DSYNC');
export const O_DIRECT = c('O_DIRECT');
export const O_LARGEFILE = c('O_LARGEFILE');
export const O_NOFOLLOW = c('O_NOFOLLOW');
export const O_NOATIME = c('O_NOATIME');
export const O_CLOEXEC = c('O_CLOEXEC');
export const O_PATH = c('O_PATH');
export const O_TMPFILE = c('O_TMPFILE');
export const O_DIRECTORY = c('O_DIRECTORY');
export const O_ASYNC = c('O_ASYNC');
export const FASYNC = c('FASYNC');

// *at()
export const AT_FDCWD = c('AT_FDCWD');
export const AT_SYMLINK_NOFOLLOW = c('AT_SYMLINK_NOFOLLOW');
export const AT_REMOVEDIR = c('AT_REMOVEDIR');
export const AT_SYMLINK_FOLLOW = c('AT_SYMLINK_FOLLOW');
export const AT_NO_AUTOMOUNT = c('AT_NO_AUTOMOUNT');
export const AT_EMPTY_PATH = c('AT_EMPTY_PATH');
export const AT_RECURSIVE = c('AT_RECURSIVE');
export const AT_EACCESS = c('AT_EACCESS');
export const AT_STATX_SYNC_AS_STAT = c('AT_STATX_SYNC_AS_STAT');
export const AT_STATX_FORCE_SYNC = c('AT_STATX_FORCE_SYNC');
export const AT_STATX_DONT_SYNC = c('AT_STATX_DONT_SYNC');
export const AT_STATX_SYNC_TYPE = c('AT_STATX_SYNC_TYPE');

// access()
export const F_OK = c('F_OK');
export const R_OK = c('R_OK');
export const W_OK = c('W_OK');
export const X_OK = c('X_OK');

// fcntl
export const F_DUPFD = c('F_DUPFD');
export const F_GETFD = c('F_GETFD');
export const F_SETFD = c('F_SETFD');
export const F_GETFL = c('F_GETFL');
export const F_SETFL = c('F_SETFL');
export const F_GETLK = c('F_GETLK');
export const F_SETLK = c('F_SETLK');
export const F_SETLKW = c('F_SETLKW');
export const F_SETOWN = c('F_SETOWN');
export const F_GETOWN = c('F_GETOWN');
export const F_SETSIG = c('F_SETSIG');
export const F_GETSIG = c('F_GETSIG');
export const F_SETOWN_EX = c('F_SETOWN_EX');
export const F_GETOWN_EX = c('F_GETOWN_EX');
export const F_OFD_GETLK = c('F_OFD_GETLK');
export const F_OFD_SETLK = c('F_OFD_SETLK');
export const F_OFD_SETLKW = c('F_OFD_SETLKW');
export const F_SETLEASE = c('F_SETLEASE');
export const F_GETLEASE = c('F_GETLEASE');
export const F_NOTIFY = c('F_NOTIFY');
export const F_DUPFD_CLOEXEC = c('F_DUPFD_CLOEXEC');
export const F_SETPIPE_SZ = c('F_SETPIPE_SZ');
export const F_GETPIPE_SZ = c('F_GETPIPE_SZ');
export const F_ADD_SEALS = c('F_ADD_SEALS');
export const F_GET_SEALS = c('F_GET_SEALS');
export const FD_CLOEXEC = c('FD_CLOEXEC');

// lseek
export const SEEK_SET = c('SEEK_SET');
export const SEEK_CUR = c('SEEK_CUR');
export const SEEK_END = c('SEEK_END');
export const SEEK_DATA = c('SEEK_DATA');
export const SEEK_HOLE = c('SEEK_HOLE');

// stat / statx
export const S_IFMT = c('S_IFMT');
export const S_IFREG = c('S_IFREG');
export const S_IFDIR = c('S_IFDIR');
export const S_IFLNK = c('S_IFLNK');
export const S_IFIFO = c('S_IFIFO');
export const S_IFSOCK = c('S_IFSOCK');
export const S_IFCHR = c('S_IFCHR');
export const S_IFBLK = c('S_IFBLK');
export const STATX_TYPE = c('STATX_TYPE');
export const STATX_MODE = c('STATX_MODE');
export const STATX_NLINK = c('STATX_NLINK');
export const STATX_UID = c('STATX_UID');
export const STATX_GID = c('STATX_GID');
export const STATX_ATIME = c('STATX_ATIME');
export const STATX_MTIME = c('STATX_MTIME');
export const STATX_CTIME = c('STATX_CTIME');
export const STATX_INO = c('STATX_INO');
export const STATX_SIZE = c('STATX_SIZE');
export const STATX_BLOCKS = c('STATX_BLOCKS');
export const STATX_BASIC_STATS = c('STATX_BASIC_STATS');
export const STATX_BTIME = c('STATX_BTIME');
export const STATX_ALL = c('STATX_ALL');
export const STATX_MNT_ID = c('STATX_MNT_ID');
export const STATX_DIOALIGN = c('STATX_DIOALIGN');

// socket families
export const AF_UNSPEC = c('AF_UNSPEC');
export const AF_UNIX = c('AF_UNIX');
export const AF_LOCAL = c('AF_LOCAL');
export const AF_INET = c('AF_INET');
export const AF_INET6 = c('AF_INET6');
export const AF_NETLINK = c('AF_NETLINK');
export const AF_PACKET = c('AF_PACKET');
export const AF_VSOCK = c('AF_VSOCK');
export const AF_ALG = c('AF_ALG');
export const AF_BLUETOOTH = c('AF_BLUETOOTH');
export const AF_CAN = c('AF_CAN');
export const AF_TIPC = c('AF_TIPC');
export const AF_XDP = c('AF_XDP');

// socket types and type flags
export const SOCK_STREAM = c('SOCK_STREAM');
export const SOCK_DGRAM = c('SOCK_DGRAM');
export const SOCK_RAW = c('SOCK_RAW');
export const SOCK_RDM = c('SOCK_RDM');
export const SOCK_SEQPACKET = c('SOCK_SEQPACKET');
export const SOCK_DCCP = c('SOCK_DCCP');
export const SOCK_PACKET = c('SOCK_PACKET');
export const SOCK_CLOEXEC = c('SOCK_CLOEXEC');
export const SOCK_NONBLOCK = c('SOCK_NONBLOCK');

// protocols
export const IPPROTO_IP = c('IPPROTO_IP');
export const IPPROTO_ICMP = c('IPPROTO_ICMP');
export const IPPROTO_TCP = c('IPPROTO_TCP');
export const IPPROTO_UDP = c('IPPROTO_UDP');
export const IPPROTO_IPV6 = c('IPPROTO_IPV6');
export const IPPROTO_ICMPV6 = c('IPPROTO_ICMPV6');
export const IPPROTO_SCTP = c('IPPROTO_SCTP');
export const IPPROTO_UDPLITE = c('IPPROTO_UDPLITE');
export const IPPROTO_RAW = c('IPPROTO_RAW');
export const IPPROTO_MPTCP = c('IPPROTO_MPTCP');

// send/recv flags
export const MSG_OOB = c('MSG_OOB');
export const MSG_PEEK = c('MSG_PEEK');
export const MSG_DONTROUTE = c('MSG_DONTROUTE');
export const MSG_CTRUNC = c('MSG_CTRUNC');
export const MSG_PROBE = c('MSG_PROBE');
export const MSG_TRUNC = c('MSG_TRUNC');
export const MSG_DONTWAIT = c('MSG_DONTWAIT');
export const MSG_EOR = c('MSG_EOR');
export const MSG_WAITALL = c('MSG_WAITALL');
export const MSG_FIN = c('MSG_FIN');
export const MSG_SYN = c('MSG_SYN');
export const MSG_CONFIRM = c('MSG_CONFIRM');
export const MSG_RST = c('MSG_RST');
export const MSG_ERRQUEUE = c('MSG_ERRQUEUE');
export const MSG_NOSIGNAL = c('MSG_NOSIGNAL');
export const MSG_MORE = c('MSG_MORE');
export const MSG_WAITFORONE = c('MSG_WAITFORONE');
export const MSG_BATCH = c('MSG_BATCH');
export const MSG_ZEROCOPY = c('MSG_ZEROCOPY');
export const MSG_FASTOPEN = c('MSG_FASTOPEN');
export const MSG_CMSG_CLOEXEC = c('MSG_CMSG_CLOEXEC');

// shutdown
export const SHUT_RD = c('SHUT_RD');
export const SHUT_WR = c('SHUT_WR');
export const SHUT_RDWR = c('SHUT_RDWR');

// sockopt levels
export const SOL_IP = c('SOL_IP');
export const SOL_SOCKET = c('SOL_SOCKET');
export const SOL_TCP = c('SOL_TCP');
export const SOL_UDP = c('SOL_UDP');
export const SOL_IPV6 = c('SOL_IPV6');
export const SOL_ICMPV6 = c('SOL_ICMPV6');
export const SOL_RAW = c('SOL_RAW');
export const SOL_PACKET = c('SOL_PACKET');
export const SOL_NETLINK = c('SOL_NETLINK');
export const SOL_TLS = c('SOL_TLS');
export const SOL_ALG = c('SOL_ALG');

// SOL_SOCKET options
export const SO_DEBUG = c('SO_DEBUG');
export const SO_REUSEADDR = c('SO_REUSEADDR');
export const SO_TYPE = c('SO_TYPE');
export const SO_ERROR = c('SO_ERROR');
export const SO_DONTROUTE = c('SO_DONTROUTE');
export const SO_BROADCAST = c('SO_BROADCAST');
export const SO_SNDBUF = c('SO_SNDBUF');
export const SO_RCVBUF = c('SO_RCVBUF');
export const SO_KEEPALIVE = c('SO_KEEPALIVE');
export const SO_OOBINLINE = c('SO_OOBINLINE');
export const SO_PRIORITY = c('SO_PRIORITY');
export const SO_LINGER = c('SO_LINGER');
export const SO_REUSEPORT = c('SO_REUSEPORT');
export const SO_PASSCRED = c('SO_PASSCRED');
export const SO_PEERCRED = c('SO_PEERCRED');
export const SO_RCVLOWAT = c('SO_RCVLOWAT');
export const SO_SNDLOWAT = c('SO_SNDLOWAT');
export const SO_RCVTIMEO = c('SO_RCVTIMEO');
export const SO_SNDTIMEO = c('SO_SNDTIMEO');
export const SO_BINDTODEVICE = c('SO_BINDTODEVICE');
export const SO_ATTACH_FILTER = c('SO_ATTACH_FILTER');
export const SO_GET_FILTER = c('SO_GET_FILTER');
export const SO_DETACH_FILTER = c('SO_DETACH_FILTER');
export const SO_PEERNAME = c('SO_PEERNAME');
export const SO_TIMESTAMP = c('SO_TIMESTAMP');
export const SO_TIMESTAMPNS = c('SO_TIMESTAMPNS');
export const SO_TIMESTAMPING = c('SO_TIMESTAMPING');
export const SO_ACCEPTCONN = c('SO_ACCEPTCONN');
export const SO_PEERSEC = c('SO_PEERSEC');
export const SO_SNDBUFFORCE = c('SO_SNDBUFFORCE');
export const SO_RCVBUFFORCE = c('SO_RCVBUFFORCE');
export const SO_PASSSEC = c('SO_PASSSEC');
export const SO_MARK = c('SO_MARK');
export const SO_PROTOCOL = c('SO_PROTOCOL');
export const SO_DOMAIN = c('SO_DOMAIN');
export const SO_RXQ_OVFL = c('SO_RXQ_OVFL');
export const SO_PEEK_OFF = c('SO_PEEK_OFF');
export const SO_BUSY_POLL = c('SO_BUSY_POLL');
export const SO_INCOMING_CPU = c('SO_INCOMING_CPU');
export const SO_COOKIE = c('SO_COOKIE');
export const SO_PEERGROUPS = c('SO_PEERGROUPS');
export const SO_ZEROCOPY = c('SO_ZEROCOPY');

// SOL_SOCKET control messages (hand-written: no table, see HAND_WRITTEN)
export const SCM_RIGHTS = c('SCM_RIGHTS');
export const SCM_CREDENTIALS = c('SCM_CREDENTIALS');
export const SCM_SECURITY = c('SCM_SECURITY');

// IPPROTO_TCP options
export const TCP_NODELAY = c('TCP_NODELAY');
export const TCP_MAXSEG = c('TCP_MAXSEG');
export const TCP_CORK = c('TCP_CORK');
export const TCP_KEEPIDLE = c('TCP_KEEPIDLE');
export const TCP_KEEPINTVL = c('TCP_KEEPINTVL');
export const TCP_KEEPCNT = c('TCP_KEEPCNT');
export const TCP_INFO = c('TCP_INFO');
export const TCP_QUICKACK = c('TCP_QUICKACK');
export const TCP_CONGESTION = c('TCP_CONGESTION');
export const TCP_USER_TIMEOUT = c('TCP_USER_TIMEOUT');
export const TCP_FASTOPEN = c('TCP_FASTOPEN');
export const TCP_NOTSENT_LOWAT = c('TCP_NOTSENT_LOWAT');

/** errno values by name (EWOULDBLOCK, EDEADLOCK and ENOTSUP as glibc's aliases). */
export const errnos: Readonly<Record<string, number>> = Object.freeze({
  ...Object.fromEntries(Object.entries(ERRNO_NAMES).map(([v, name]) => [name, Number(v)])),
  EWOULDBLOCK: 11,
  EDEADLOCK: 35,
  ENOTSUP: 95,
});
const e = (name: string): number => {
  const v = errnos[name];
  if (v === undefined) throw new Error(`sysray/unix: unknown errno ${name}`);
  return v;
};
export const EPERM = e('EPERM');
export const ENOENT = e('ENOENT');
export const ESRCH = e('ESRCH');
export const EINTR = e('EINTR');
export const EIO = e('EIO');
export const EBADF = e('EBADF');
export const ECHILD = e('ECHILD');
export const EAGAIN = e('EAGAIN');
export const EWOULDBLOCK = e('EWOULDBLOCK');
export const ENOMEM = e('ENOMEM');
export const EACCES = e('EACCES');
export const EFAULT = e('EFAULT');
export const EBUSY = e('EBUSY');
export const EEXIST = e('EEXIST');
export const EXDEV = e('EXDEV');
export const ENOTDIR = e('ENOTDIR');
export const EISDIR = e('EISDIR');
export const EINVAL = e('EINVAL');
export const EMFILE = e('EMFILE');
export const ENOSPC = e('ENOSPC');
export const ESPIPE = e('ESPIPE');
export const EROFS = e('EROFS');
export const EPIPE = e('EPIPE');
export const ERANGE = e('ERANGE');
export const ENAMETOOLONG = e('ENAMETOOLONG');
export const ENOSYS = e('ENOSYS');
export const ENOTEMPTY = e('ENOTEMPTY');
export const ELOOP = e('ELOOP');
export const ENOTSOCK = e('ENOTSOCK');
export const EDESTADDRREQ = e('EDESTADDRREQ');
export const EMSGSIZE = e('EMSGSIZE');
export const EPROTOTYPE = e('EPROTOTYPE');
export const ENOPROTOOPT = e('ENOPROTOOPT');
export const EPROTONOSUPPORT = e('EPROTONOSUPPORT');
export const EOPNOTSUPP = e('EOPNOTSUPP');
export const EAFNOSUPPORT = e('EAFNOSUPPORT');
export const EADDRINUSE = e('EADDRINUSE');
export const EADDRNOTAVAIL = e('EADDRNOTAVAIL');
export const ENETUNREACH = e('ENETUNREACH');
export const ECONNABORTED = e('ECONNABORTED');
export const ECONNRESET = e('ECONNRESET');
export const EISCONN = e('EISCONN');
export const ENOTCONN = e('ENOTCONN');
export const ETIMEDOUT = e('ETIMEDOUT');
export const ECONNREFUSED = e('ECONNREFUSED');
export const EHOSTUNREACH = e('EHOSTUNREACH');
export const EALREADY = e('EALREADY');
export const EINPROGRESS = e('EINPROGRESS');

// ================================================================ errors

/**
 * A system call the kernel failed. `errno` is the kernel's positive error number (Node's own
 * errors carry it negated); `code` its name; `syscall` the real syscall made (`openat` for
 * {@link open}, `newfstatat` for {@link stat}); `path`/`dest` the path arguments, if any.
 * The message follows Node's format: `ENOENT: no such file or directory, openat '/nope'`.
 */
export class SyscallError extends Error {
  readonly errno: number;
  readonly code: string;
  readonly syscall: string;
  readonly path?: string;
  readonly dest?: string;

  constructor(syscall: string, errno: number, path?: string, dest?: string) {
    const code = ERRNO_NAMES[errno] ?? `E${errno}`;
    const text = errnoMessage(errno);
    let msg = `${code}: ${text.charAt(0).toLowerCase()}${text.slice(1)}, ${syscall}`;
    if (path !== undefined) msg += ` '${path}'`;
    if (dest !== undefined) msg += ` -> '${dest}'`;
    super(msg);
    this.name = 'SyscallError';
    this.errno = errno;
    this.code = code;
    this.syscall = syscall;
    if (path !== undefined) this.path = path;
    if (dest !== undefined) this.dest = dest;
  }
}

// ================================================================ argument checks

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return `function ${v.name || '<anonymous>'}`;
  if (typeof v === 'object') {
    const name = (v as object).constructor?.name;
    return name ? `an instance of ${name}` : 'an object';
  }
  let s = typeof v === 'bigint' ? `${v}n` : typeof v === 'string' ? `'${v}'` : String(v);
  if (s.length > 28) s = `${s.slice(0, 25)}...`;
  return `type ${typeof v} (${s})`;
}

function int(v: unknown, name: string, min: number, max: number): number {
  if (typeof v !== 'number') throw new TypeError(`The "${name}" argument must be of type number. Received ${describe(v)}`);
  if (!Number.isInteger(v)) throw new TypeError(`The "${name}" argument must be an integer. Received ${v}`);
  if (v < min || v > max) {
    throw new RangeError(`The value of "${name}" is out of range. It must be >= ${min} and <= ${max}. Received ${v}`);
  }
  return v;
}

const INT_MIN = -0x80000000;
const INT_MAX = 0x7fffffff;
const UINT_MAX = 0xffffffff;

/** A file descriptor: an integer 0..2^31-1. */
const fdArg = (v: unknown, name = 'fd'): number => int(v, name, 0, INT_MAX);
/** A directory fd for the *at() calls: a file descriptor or AT_FDCWD. */
const dirfdArg = (v: unknown, name = 'dirfd'): number => (v === AT_FDCWD ? AT_FDCWD : fdArg(v, name));
/** A C `int` or `unsigned int` flag word (both spellings accepted, as C would). */
const flagsArg = (v: unknown, name = 'flags'): number => int(v, name, INT_MIN, UINT_MAX);
const i32Arg = (v: unknown, name: string): number => int(v, name, INT_MIN, INT_MAX);
const u32Arg = (v: unknown, name: string): number => int(v, name, 0, UINT_MAX);

/** A 64-bit signed offset, as a safe-integer number or a bigint. */
function offArg(v: unknown, name: string): bigint {
  if (typeof v === 'bigint') {
    if (v < -(1n << 63n) || v >= 1n << 63n) throw new RangeError(`The value of "${name}" is out of range of a 64-bit offset. Received ${v}n`);
    return v;
  }
  if (typeof v !== 'number') throw new TypeError(`The "${name}" argument must be of type number or bigint. Received ${describe(v)}`);
  if (!Number.isSafeInteger(v)) throw new TypeError(`The "${name}" argument must be a safe integer or a bigint. Received ${v}`);
  return BigInt(v);
}

function bytesArg(v: unknown, name: string): Uint8Array {
  if (!(v instanceof Uint8Array)) {
    throw new TypeError(`The "${name}" argument must be an instance of Buffer or Uint8Array. Received ${describe(v)}`);
  }
  return v;
}

/** A length within `buf`: defaults to the whole buffer. */
function lengthArg(v: unknown, buf: Uint8Array, name = 'length'): number {
  if (v === undefined) return buf.byteLength;
  const n = int(v, name, 0, Number.MAX_SAFE_INTEGER);
  if (n > buf.byteLength) {
    throw new RangeError(`The value of "${name}" is out of range: buffer too small (${n} > ${buf.byteLength} bytes)`);
  }
  return n;
}

function dataArg(v: unknown, name = 'data'): Uint8Array {
  if (typeof v === 'string') return Buffer.from(v, 'utf8');
  if (v instanceof Uint8Array) return v;
  throw new TypeError(`The "${name}" argument must be of type string or an instance of Buffer or Uint8Array. Received ${describe(v)}`);
}

/** A path argument: a string (UTF-8) or bytes, without NUL bytes. */
export type PathLike = string | Uint8Array;

interface CPath {
  /** NUL-terminated bytes for the kernel. */
  c: Buffer;
  /** The path as text, for error messages. */
  text: string;
}

function pathArg(v: unknown, name = 'path'): CPath {
  let bytes: Buffer;
  if (typeof v === 'string') bytes = Buffer.from(v, 'utf8');
  else if (v instanceof Uint8Array) bytes = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  else throw new TypeError(`The "${name}" argument must be of type string or an instance of Buffer or Uint8Array. Received ${describe(v)}`);
  if (bytes.includes(0)) {
    throw new TypeError(`The argument '${name}' must be a string or Uint8Array without null bytes. Received ${describe(v)}`);
  }
  const c = Buffer.alloc(bytes.length + 1);
  bytes.copy(c);
  return { c, text: typeof v === 'string' ? v : bytes.toString('utf8') };
}

function arrayArg<T>(v: unknown, name: string): readonly T[] {
  if (!Array.isArray(v)) throw new TypeError(`The "${name}" argument must be an array. Received ${describe(v)}`);
  return v as T[];
}

// ================================================================ calling the kernel

/** A syscall argument: a number or bigint, passed as a 64-bit register (negatives two's-complement). */
export type SyscallArg = number | bigint;

/**
 * The kernel address of a buffer's first byte, for passing it as a syscall argument (0n for an
 * empty buffer). Keep a reference to the buffer until the call has returned.
 */
export function addressOf(buf: Uint8Array): bigint {
  if (!(buf instanceof Uint8Array)) throw new TypeError(`addressOf: expected a Buffer or Uint8Array, got ${describe(buf)}`);
  if (buf.byteLength === 0) return 0n;
  return bufferAddress(buf);
}

const nrCache = new Map<string, number>();

/** This architecture's number for a syscall name (from the arch table). Throws if there is none. */
export function syscallNumber(name: string): number {
  let nr = nrCache.get(name);
  if (nr === undefined) {
    const row = NATIVE.byName.get(name);
    if (!row) throw new Error(`sysray/unix: no syscall ${name} on ${NATIVE.name}`);
    nr = row.nr;
    nrCache.set(name, nr);
  }
  return nr;
}

const has = (name: string): boolean => NATIVE.byName.has(name);

/** Objects that must stay reachable while the kernel may use their memory. */
const pinned: unknown[] = [];

interface Ctx {
  path?: string;
  dest?: string;
}

/** Make one syscall; throw SyscallError on failure. `keep` holds the buffers the args point into. */
function sys(name: string, args: readonly SyscallArg[], keep?: readonly unknown[], ctx?: Ctx): number {
  const nr = syscallNumber(name);
  const a = [0n, 0n, 0n, 0n, 0n, 0n];
  for (let i = 0; i < args.length; i++) a[i] = BigInt.asUintN(64, BigInt(args[i]!));
  pinned.push(keep);
  let r: number;
  let err = 0;
  try {
    r = Number(raw.syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5]));
    if (r === -1) err = lastErrno();
  } finally {
    pinned.pop();
  }
  if (r === -1) throw new SyscallError(name, err, ctx?.path, ctx?.dest);
  return r;
}

/**
 * The raw escape hatch: make syscall `nameOrNr` with up to six integer arguments (pointers via
 * {@link addressOf}; keep those buffers referenced). Returns the result; throws SyscallError.
 */
export function syscall(nameOrNr: string | number, ...args: SyscallArg[]): number {
  if (args.length > 6) throw new RangeError(`syscall: at most 6 arguments, got ${args.length}`);
  for (const [i, v] of args.entries()) {
    if (typeof v !== 'bigint' && !(typeof v === 'number' && Number.isSafeInteger(v))) {
      throw new TypeError(`syscall: argument ${i + 1} must be a safe integer or a bigint. Received ${describe(v)}`);
    }
  }
  let name: string;
  if (typeof nameOrNr === 'number') {
    int(nameOrNr, 'nr', 0, INT_MAX);
    name = NATIVE.rows[nameOrNr]?.name ?? `syscall_${nameOrNr}`;
    nrCache.set(name, nameOrNr);
  } else if (typeof nameOrNr === 'string') {
    name = nameOrNr;
    syscallNumber(name);
  } else {
    throw new TypeError(`syscall: the "nameOrNr" argument must be a string or number. Received ${describe(nameOrNr)}`);
  }
  return sys(name, args, args);
}

// ================================================================ files

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

const IOV_MAX = 1024;

/** A `struct iovec[]` over `bufs`. */
function iovecs(bufs: unknown, name: string): { iov: Buffer; list: readonly Uint8Array[] } {
  const list = arrayArg<Uint8Array>(bufs, name);
  if (list.length > IOV_MAX) throw new RangeError(`The "${name}" argument has ${list.length} buffers; at most ${IOV_MAX} (IOV_MAX)`);
  const iov = Buffer.alloc(Math.max(list.length, 1) * 16);
  list.forEach((b, i) => {
    bytesArg(b, `${name}[${i}]`);
    iov.writeBigUInt64LE(addressOf(b), i * 16);
    iov.writeBigUInt64LE(BigInt(b.byteLength), i * 16 + 8);
  });
  return { iov, list };
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

// ================================================================ socket addresses

export interface SockAddrInet {
  family: 'inet';
  /** Dotted quad: '127.0.0.1'. */
  addr: string;
  port: number;
}

export interface SockAddrInet6 {
  family: 'inet6';
  /** Textual IPv6 address: '::1', '::ffff:127.0.0.1' (no '%zone': use scopeId). */
  addr: string;
  port: number;
  flowinfo?: number;
  scopeId?: number;
}

export interface SockAddrUnix {
  family: 'unix';
  /** A filesystem path, the name of an abstract socket (without the leading NUL), or '' (unnamed). */
  path: string;
  /** True for the abstract namespace. */
  abstract?: boolean;
}

/** Any other family, as raw bytes after `sa_family`. */
export interface SockAddrRaw {
  family: 'raw';
  saFamily: number;
  data: Buffer;
}

export type SockAddr = SockAddrInet | SockAddrInet6 | SockAddrUnix | SockAddrRaw;

const SUN_PATH_MAX = 108;
const SOCKADDR_STORAGE = 128;

function parseIPv4(s: unknown, name: string): Buffer {
  if (typeof s !== 'string' || !net.isIPv4(s)) throw new TypeError(`${name}: not an IPv4 address: ${describe(s)}`);
  return Buffer.from(s.split('.').map(Number));
}

function parseIPv6(s: unknown, name: string): Buffer {
  if (typeof s !== 'string' || !net.isIPv6(s) || s.includes('%')) {
    throw new TypeError(`${name}: not an IPv6 address (without %zone; use scopeId): ${describe(s)}`);
  }
  const out = Buffer.alloc(16);
  let text = s;
  const last = text.lastIndexOf(':');
  if (text.slice(last + 1).includes('.')) {
    parseIPv4(text.slice(last + 1), name).copy(out, 12);
    text = `${text.slice(0, last + 1)}0:0`;
  }
  const halves = text.split('::');
  const words = (h: string | undefined): number[] => (h ? h.split(':').map((w) => parseInt(w, 16)) : []);
  const head = words(halves[0]);
  const tail = halves.length > 1 ? words(halves[1]) : [];
  const all = halves.length > 1 ? [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail] : head;
  const v4 = out.subarray(12, 16).readUInt32BE(0);
  all.forEach((w, i) => out.writeUInt16BE(w, i * 2));
  if (v4) out.writeUInt32BE(v4, 12);
  return out;
}

/** Textual form of 16 address bytes, as glibc's inet_ntop prints it (RFC 5952 compression). */
function formatIPv6(b: Uint8Array): string {
  const w: number[] = [];
  for (let i = 0; i < 8; i++) w.push((b[i * 2]! << 8) | b[i * 2 + 1]!);
  let bestBase = -1, bestLen = 0, curBase = -1, curLen = 0;
  for (let i = 0; i < 8; i++) {
    if (w[i] === 0) {
      if (curBase === -1) { curBase = i; curLen = 1; } else curLen++;
      if (curLen > bestLen) { bestBase = curBase; bestLen = curLen; }
    } else curBase = -1;
  }
  if (bestLen < 2) bestBase = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && w[5] === 0xffff))) {
      out += `${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
      break;
    }
    out += w[i]!.toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) out += ':';
  return out;
}

/** The bytes of a `struct sockaddr_*` for `addr`, exactly as long as the address length to pass. */
export function encodeSockAddr(addr: SockAddr): Buffer {
  if (addr === null || typeof addr !== 'object') throw new TypeError(`The "addr" argument must be a socket address object. Received ${describe(addr)}`);
  switch (addr.family) {
    case 'inet': {
      const b = Buffer.alloc(16);
      b.writeUInt16LE(AF_INET, 0);
      b.writeUInt16BE(int(addr.port, 'addr.port', 0, 65535), 2);
      parseIPv4(addr.addr, 'addr.addr').copy(b, 4);
      return b;
    }
    case 'inet6': {
      const b = Buffer.alloc(28);
      b.writeUInt16LE(AF_INET6, 0);
      b.writeUInt16BE(int(addr.port, 'addr.port', 0, 65535), 2);
      b.writeUInt32BE(u32Arg(addr.flowinfo ?? 0, 'addr.flowinfo'), 4);
      parseIPv6(addr.addr, 'addr.addr').copy(b, 8);
      b.writeUInt32LE(u32Arg(addr.scopeId ?? 0, 'addr.scopeId'), 24);
      return b;
    }
    case 'unix': {
      if (typeof addr.path !== 'string') throw new TypeError(`The "addr.path" argument must be of type string. Received ${describe(addr.path)}`);
      const p = Buffer.from(addr.path, 'utf8');
      if (addr.abstract) {
        // sun_path = NUL + name, no terminator; the length says where the name ends.
        if (p.length > SUN_PATH_MAX - 1) throw new RangeError(`abstract unix socket name too long (${p.length} > ${SUN_PATH_MAX - 1} bytes)`);
        const b = Buffer.alloc(3 + p.length);
        b.writeUInt16LE(AF_UNIX, 0);
        p.copy(b, 3);
        return b;
      }
      if (p.includes(0)) throw new TypeError('unix socket path must not contain NUL bytes (use abstract: true)');
      if (p.length > SUN_PATH_MAX - 1) throw new RangeError(`unix socket path too long (${p.length} > ${SUN_PATH_MAX - 1} bytes)`);
      if (p.length === 0) {
        const b = Buffer.alloc(2);
        b.writeUInt16LE(AF_UNIX, 0);
        return b;
      }
      const b = Buffer.alloc(2 + p.length + 1);
      b.writeUInt16LE(AF_UNIX, 0);
      p.copy(b, 2);
      return b;
    }
    case 'raw': {
      const data = bytesArg(addr.data, 'addr.data');
      const b = Buffer.alloc(2 + data.length);
      b.writeUInt16LE(int(addr.saFamily, 'addr.saFamily', 0, 0xffff), 0);
      b.set(data, 2);
      return b;
    }
    default:
      throw new TypeError(`Unknown socket address family ${describe((addr as { family: unknown }).family)} (expected 'inet', 'inet6', 'unix' or 'raw')`);
  }
}

/** Decode the first `len` bytes of a `struct sockaddr_*`. */
export function decodeSockAddr(buf: Uint8Array, len: number = buf.byteLength): SockAddr {
  const b = Buffer.from(buf.buffer, buf.byteOffset, Math.min(len, buf.byteLength));
  if (b.length < 2) return { family: 'raw', saFamily: b.length ? b[0]! : 0, data: Buffer.alloc(0) };
  const fam = b.readUInt16LE(0);
  if (fam === AF_INET && b.length >= 8) {
    return { family: 'inet', addr: `${b[4]}.${b[5]}.${b[6]}.${b[7]}`, port: b.readUInt16BE(2) };
  }
  if (fam === AF_INET6 && b.length >= 24) {
    return {
      family: 'inet6',
      addr: formatIPv6(b.subarray(8, 24)),
      port: b.readUInt16BE(2),
      flowinfo: b.readUInt32BE(4),
      scopeId: b.length >= 28 ? b.readUInt32LE(24) : 0,
    };
  }
  if (fam === AF_UNIX) {
    const sun = b.subarray(2);
    if (sun.length === 0) return { family: 'unix', path: '' };
    if (sun[0] === 0) return { family: 'unix', path: sun.subarray(1).toString('utf8'), abstract: true };
    const nul = sun.indexOf(0);
    return { family: 'unix', path: sun.subarray(0, nul === -1 ? sun.length : nul).toString('utf8') };
  }
  return { family: 'raw', saFamily: fam, data: Buffer.from(b.subarray(2)) };
}

// ================================================================ sockets

/** socket(2). `type` may include SOCK_NONBLOCK / SOCK_CLOEXEC. */
export function socket(domain: number, type: number, protocol = 0): number {
  return sys('socket', [i32Arg(domain, 'domain'), flagsArg(type, 'type'), i32Arg(protocol, 'protocol')]);
}

/** socketpair(2). Returns the two connected ends. */
export function socketpair(domain: number, type: number, protocol = 0): [number, number] {
  const d = i32Arg(domain, 'domain');
  const t = flagsArg(type, 'type');
  const p = i32Arg(protocol, 'protocol');
  const b = Buffer.alloc(8);
  sys('socketpair', [d, t, p, addressOf(b)], [b]);
  return [b.readInt32LE(0), b.readInt32LE(4)];
}

/** bind(2). */
export function bind(fd: number, addr: SockAddr): void {
  const f = fdArg(fd);
  const sa = encodeSockAddr(addr);
  sys('bind', [f, addressOf(sa), sa.length], [sa]);
}

/** connect(2). Blocks until connected unless the socket is non-blocking (then EINPROGRESS). */
export function connect(fd: number, addr: SockAddr): void {
  const f = fdArg(fd);
  const sa = encodeSockAddr(addr);
  sys('connect', [f, addressOf(sa), sa.length], [sa]);
}

/** listen(2). */
export function listen(fd: number, backlog: number): void {
  sys('listen', [fdArg(fd), i32Arg(backlog, 'backlog')]);
}

/** accept(2) without asking for the peer's address (`accept(fd, NULL, NULL)`). Blocks unless non-blocking. */
export function accept(fd: number): number {
  const f = fdArg(fd);
  if (has('accept')) return sys('accept', [f, 0, 0]);
  return sys('accept4', [f, 0, 0, 0]);
}

/** accept4(2) without the peer's address; `flags` SOCK_NONBLOCK / SOCK_CLOEXEC. */
export function accept4(fd: number, flags = 0): number {
  return sys('accept4', [fdArg(fd), 0, 0, flagsArg(flags)]);
}

/** accept4(2) returning the new fd and the peer's address. */
export function acceptPeer(fd: number, flags = 0): { fd: number; peer: SockAddr } {
  const f = fdArg(fd);
  const fl = flagsArg(flags);
  const sa = Buffer.alloc(SOCKADDR_STORAGE);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(SOCKADDR_STORAGE, 0);
  const nfd = sys('accept4', [f, addressOf(sa), addressOf(len), fl], [sa, len]);
  return { fd: nfd, peer: decodeSockAddr(sa, Math.min(len.readUInt32LE(0), SOCKADDR_STORAGE)) };
}

/** shutdown(2): SHUT_RD, SHUT_WR or SHUT_RDWR. */
export function shutdown(fd: number, how: number): void {
  sys('shutdown', [fdArg(fd), i32Arg(how, 'how')]);
}

function sockname(name: 'getsockname' | 'getpeername', fd: number): SockAddr {
  const f = fdArg(fd);
  const sa = Buffer.alloc(SOCKADDR_STORAGE);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(SOCKADDR_STORAGE, 0);
  sys(name, [f, addressOf(sa), addressOf(len)], [sa, len]);
  return decodeSockAddr(sa, Math.min(len.readUInt32LE(0), SOCKADDR_STORAGE));
}

/** getsockname(2). */
export const getsockname = (fd: number): SockAddr => sockname('getsockname', fd);
/** getpeername(2). */
export const getpeername = (fd: number): SockAddr => sockname('getpeername', fd);

/** send(2), made as `sendto(fd, buf, len, flags, NULL, 0)`. */
export function send(fd: number, data: Uint8Array | string, flags = 0): number {
  const f = fdArg(fd);
  const b = dataArg(data);
  const fl = flagsArg(flags);
  return sys('sendto', [f, addressOf(b), b.byteLength, fl, 0, 0], [b]);
}

/** sendto(2) to `to`. */
export function sendto(fd: number, data: Uint8Array | string, flags: number, to: SockAddr): number {
  const f = fdArg(fd);
  const b = dataArg(data);
  const fl = flagsArg(flags);
  const sa = encodeSockAddr(to);
  return sys('sendto', [f, addressOf(b), b.byteLength, fl, addressOf(sa), sa.length], [b, sa]);
}

/** recv(2), made as `recvfrom(fd, buf, len, flags, NULL, NULL)`. Returns the byte count. */
export function recv(fd: number, buf: Uint8Array, flags = 0): number {
  const f = fdArg(fd);
  const b = bytesArg(buf, 'buf');
  const fl = flagsArg(flags);
  return sys('recvfrom', [f, addressOf(b), b.byteLength, fl, 0, 0], [b]);
}

/** recvfrom(2): the byte count and the sender's address (null when the kernel gives none). */
export function recvfrom(fd: number, buf: Uint8Array, flags = 0): { bytes: number; from: SockAddr | null } {
  const f = fdArg(fd);
  const b = bytesArg(buf, 'buf');
  const fl = flagsArg(flags);
  const sa = Buffer.alloc(SOCKADDR_STORAGE);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(SOCKADDR_STORAGE, 0);
  const n = sys('recvfrom', [f, addressOf(b), b.byteLength, fl, addressOf(sa), addressOf(len)], [b, sa, len]);
  const l = Math.min(len.readUInt32LE(0), SOCKADDR_STORAGE);
  return { bytes: n, from: l > 0 ? decodeSockAddr(sa, l) : null };
}

// ---------------------------------------------------------------- control messages

/** A control message (ancillary data) of sendmsg/recvmsg. */
export type ControlMessage =
  /** SOL_SOCKET/SCM_RIGHTS: file descriptors (received ones are new fds in this process). */
  | { kind: 'rights'; fds: number[] }
  /** SOL_SOCKET/SCM_CREDENTIALS: a `struct ucred` (receiving needs SO_PASSCRED). */
  | { kind: 'credentials'; pid: number; uid: number; gid: number }
  /** Anything else: `cmsg_level`, `cmsg_type` and the data bytes. */
  | { kind: 'raw'; level: number; type: number; data: Uint8Array };

const CMSG_HDR = 16;
const align8 = (n: number): number => (n + 7) & ~7;
/** CMSG_LEN(n): a control message's `cmsg_len` for `n` data bytes. */
export const cmsgLen = (n: number): number => CMSG_HDR + n;
/** CMSG_SPACE(n): the bytes a control message with `n` data bytes takes in the buffer. */
export const cmsgSpace = (n: number): number => CMSG_HDR + align8(n);

/** Encode control messages into one control buffer (each CMSG_SPACE-aligned). */
export function encodeControl(msgs: readonly ControlMessage[]): Buffer {
  const parts: { level: number; type: number; data: Uint8Array }[] = [];
  for (const [i, m] of arrayArg<ControlMessage>(msgs, 'control').entries()) {
    if (m === null || typeof m !== 'object') throw new TypeError(`control[${i}] must be a control message object. Received ${describe(m)}`);
    if (m.kind === 'rights') {
      const fds = arrayArg<number>(m.fds, `control[${i}].fds`);
      if (fds.length > 253) throw new RangeError(`control[${i}].fds: at most 253 fds (SCM_MAX_FD)`);
      const d = Buffer.alloc(fds.length * 4);
      fds.forEach((fd, j) => d.writeInt32LE(fdArg(fd, `control[${i}].fds[${j}]`), j * 4));
      parts.push({ level: SOL_SOCKET, type: SCM_RIGHTS, data: d });
    } else if (m.kind === 'credentials') {
      const d = Buffer.alloc(12);
      d.writeInt32LE(i32Arg(m.pid, `control[${i}].pid`), 0);
      d.writeUInt32LE(u32Arg(m.uid, `control[${i}].uid`), 4);
      d.writeUInt32LE(u32Arg(m.gid, `control[${i}].gid`), 8);
      parts.push({ level: SOL_SOCKET, type: SCM_CREDENTIALS, data: d });
    } else if (m.kind === 'raw') {
      parts.push({ level: i32Arg(m.level, `control[${i}].level`), type: i32Arg(m.type, `control[${i}].type`), data: bytesArg(m.data, `control[${i}].data`) });
    } else {
      throw new TypeError(`control[${i}].kind must be 'rights', 'credentials' or 'raw'. Received ${describe((m as { kind: unknown }).kind)}`);
    }
  }
  const out = Buffer.alloc(parts.reduce((n, p) => n + cmsgSpace(p.data.length), 0));
  let off = 0;
  for (const p of parts) {
    out.writeBigUInt64LE(BigInt(cmsgLen(p.data.length)), off);
    out.writeInt32LE(p.level, off + 8);
    out.writeInt32LE(p.type, off + 12);
    out.set(p.data, off + CMSG_HDR);
    off += cmsgSpace(p.data.length);
  }
  return out;
}

/** Decode the first `len` bytes of a control buffer. A truncated trailing message is dropped. */
export function decodeControl(buf: Uint8Array, len: number = buf.byteLength): ControlMessage[] {
  const b = Buffer.from(buf.buffer, buf.byteOffset, Math.min(len, buf.byteLength));
  const out: ControlMessage[] = [];
  let off = 0;
  while (off + CMSG_HDR <= b.length) {
    const clen = Number(b.readBigUInt64LE(off));
    if (clen < CMSG_HDR || off + clen > b.length) break;
    const level = b.readInt32LE(off + 8);
    const type = b.readInt32LE(off + 12);
    const data = Buffer.from(b.subarray(off + CMSG_HDR, off + clen));
    if (level === SOL_SOCKET && type === SCM_RIGHTS) {
      const fds: number[] = [];
      for (let i = 0; i + 4 <= data.length; i += 4) fds.push(data.readInt32LE(i));
      out.push({ kind: 'rights', fds });
    } else if (level === SOL_SOCKET && type === SCM_CREDENTIALS && data.length >= 12) {
      out.push({ kind: 'credentials', pid: data.readInt32LE(0), uid: data.readUInt32LE(4), gid: data.readUInt32LE(8) });
    } else {
      out.push({ kind: 'raw', level, type, data });
    }
    off += align8(clen);
  }
  return out;
}

const MSGHDR = 56;

function msghdr(name: Buffer | null, iov: { iov: Buffer; list: readonly Uint8Array[] }, control: Buffer | null): Buffer {
  const h = Buffer.alloc(MSGHDR);
  h.writeBigUInt64LE(name ? addressOf(name) : 0n, 0);
  h.writeUInt32LE(name ? name.length : 0, 8);
  h.writeBigUInt64LE(iov.list.length ? addressOf(iov.iov) : 0n, 16);
  h.writeBigUInt64LE(BigInt(iov.list.length), 24);
  h.writeBigUInt64LE(control && control.length ? addressOf(control) : 0n, 32);
  h.writeBigUInt64LE(BigInt(control ? control.length : 0), 40);
  return h;
}

export interface SendMsgOptions {
  /** Control messages, or a raw control buffer (see encodeControl). */
  control?: readonly ControlMessage[] | Uint8Array;
  /** Destination address (msg_name), for unconnected sockets. */
  to?: SockAddr;
  flags?: number;
}

/** sendmsg(2) of the buffers in `iov`. Returns the byte count. */
export function sendmsg(fd: number, iov: Uint8Array[], opts: SendMsgOptions = {}): number {
  const f = fdArg(fd);
  const v = iovecs(iov, 'iov');
  const fl = flagsArg(opts.flags ?? 0);
  const ctl = opts.control === undefined ? null
    : opts.control instanceof Uint8Array ? Buffer.from(opts.control.buffer, opts.control.byteOffset, opts.control.byteLength)
    : encodeControl(opts.control);
  const name = opts.to === undefined ? null : encodeSockAddr(opts.to);
  const h = msghdr(name, v, ctl);
  return sys('sendmsg', [f, addressOf(h), fl], [h, v, ctl, name]);
}

export interface RecvMsgOptions {
  /** Size of the control buffer (0: none). Size it with cmsgSpace(), e.g. cmsgSpace(4 * nfds). */
  controlLen?: number;
  /** Ask for the sender's address (msg_name, a sockaddr_storage). */
  from?: boolean;
  flags?: number;
}

export interface RecvMsgResult {
  /** Bytes received (spread over the iov buffers in order). */
  bytes: number;
  /** msg_flags: MSG_TRUNC, MSG_CTRUNC, MSG_EOR, … */
  flags: number;
  /** Decoded control messages. */
  control: ControlMessage[];
  /** The control bytes the kernel filled in (msg_controllen of them). */
  controlData: Buffer;
  /** The sender (only with `from: true` and when the kernel gave one). */
  from: SockAddr | null;
}

/** recvmsg(2) into the buffers in `iov`. */
export function recvmsg(fd: number, iov: Uint8Array[], opts: RecvMsgOptions = {}): RecvMsgResult {
  const f = fdArg(fd);
  const v = iovecs(iov, 'iov');
  const fl = flagsArg(opts.flags ?? 0);
  const clen = int(opts.controlLen ?? 0, 'controlLen', 0, 1 << 24);
  const ctl = clen > 0 ? Buffer.alloc(clen) : null;
  const name = opts.from ? Buffer.alloc(SOCKADDR_STORAGE) : null;
  const h = msghdr(name, v, ctl);
  const n = sys('recvmsg', [f, addressOf(h), fl], [h, v, ctl, name]);
  const namelen = Math.min(h.readUInt32LE(8), name ? name.length : 0);
  const got = ctl ? Math.min(Number(h.readBigUInt64LE(40)), ctl.length) : 0;
  const controlData = ctl ? Buffer.from(ctl.subarray(0, got)) : Buffer.alloc(0);
  return {
    bytes: n,
    flags: h.readUInt32LE(48),
    control: decodeControl(controlData),
    controlData,
    from: name && namelen > 0 ? decodeSockAddr(name, namelen) : null,
  };
}

// ---------------------------------------------------------------- socket options

/** setsockopt(2): a number/boolean is passed as a C int; bytes are passed as they are. */
export function setsockopt(fd: number, level: number, name: number, value: number | boolean | Uint8Array): void {
  const f = fdArg(fd);
  const l = i32Arg(level, 'level');
  const o = i32Arg(name, 'name');
  let b: Uint8Array;
  if (value instanceof Uint8Array) b = value;
  else if (typeof value === 'boolean') {
    b = Buffer.alloc(4);
    (b as Buffer).writeInt32LE(value ? 1 : 0, 0);
  } else {
    b = Buffer.alloc(4);
    (b as Buffer).writeInt32LE(int(value, 'value', INT_MIN, INT_MAX) | 0, 0);
  }
  sys('setsockopt', [f, l, o, addressOf(b), b.byteLength], [b]);
}

/** getsockopt(2) of an int option. */
export function getsockopt(fd: number, level: number, name: number): number {
  const b = getsockoptBuffer(fd, level, name, 4);
  return b.length >= 4 ? b.readInt32LE(0) : b.length ? b[0]! : 0;
}

/** getsockopt(2) into a `size`-byte buffer; returns the bytes the kernel wrote (optlen of them). */
export function getsockoptBuffer(fd: number, level: number, name: number, size: number): Buffer {
  const f = fdArg(fd);
  const l = i32Arg(level, 'level');
  const o = i32Arg(name, 'name');
  const s = int(size, 'size', 0, 1 << 20);
  const b = Buffer.alloc(s);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(s, 0);
  sys('getsockopt', [f, l, o, addressOf(b), addressOf(len)], [b, len]);
  return b.subarray(0, Math.min(len.readUInt32LE(0), s));
}

// ================================================================ processes

export const getpid = (): number => sys('getpid', []);
export const getppid = (): number => sys('getppid', []);
/** The calling thread's id (the main thread's equals getpid()). */
export const gettid = (): number => sys('gettid', []);
export const getuid = (): number => sys('getuid', []);
export const geteuid = (): number => sys('geteuid', []);
export const getgid = (): number => sys('getgid', []);
export const getegid = (): number => sys('getegid', []);

/** kill(2): `sig` a number (0 only checks) or a name ('SIGTERM'). */
export function kill(pid: number, sig: number | NodeJS.Signals = 'SIGTERM'): void {
  const p = i32Arg(pid, 'pid');
  let s: number;
  if (typeof sig === 'string') {
    const v = (os.constants.signals as Record<string, number | undefined>)[sig];
    if (v === undefined) throw new TypeError(`Unknown signal: ${sig}`);
    s = v;
  } else s = int(sig, 'sig', 0, 64);
  sys('kill', [p, s]);
}

export interface Utsname {
  sysname: string;
  nodename: string;
  release: string;
  version: string;
  machine: string;
  domainname: string;
}

/** uname(2). */
export function uname(): Utsname {
  const b = Buffer.alloc(6 * 65);
  sys('uname', [addressOf(b)], [b]);
  const field = (i: number): string => {
    const f = b.subarray(i * 65, (i + 1) * 65);
    const nul = f.indexOf(0);
    return f.toString('utf8', 0, nul === -1 ? 65 : nul);
  };
  return { sysname: field(0), nodename: field(1), release: field(2), version: field(3), machine: field(4), domainname: field(5) };
}

/**
 * exit_group(2): end the process now, every thread, with `status & 0xff`. Nothing more runs: no
 * 'exit' handlers, and output Node still has buffered (asynchronous stdout) is lost.
 */
export function exit(status = 0): never {
  sys('exit_group', [i32Arg(status, 'status')]);
  throw new Error('exit_group returned');
}
