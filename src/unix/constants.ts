/**
 * sysray/unix's constants: every name is derived from the xlat tables the decoders print with, so
 * a number means the same thing in a trace and in a program. names.ts (generated from `constants`
 * by scripts/unix-names.mjs) turns them into named exports.
 */
import { ERRNO_NAMES } from '../decode/xlat/errno.js';
import type { Xlat } from '../decode/xlat/core.js';
import { ACCESS_MODES, AT_FDCWD as AT_FDCWD_TABLE, AT_FLAGS, AT_STATX_SYNC, CLOCK_IDS, FACCESSAT_FLAGS, FCNTL_CMDS, FD_FLAGS, IOCTL_TERMINAL, IPPROTO, MSG_FLAGS, OPEN_ACCMODE, OPEN_FLAGS, POLL_EVENTS, S_IFMT as S_IFMT_TABLE, S_IFMT_TYPES, SEEK_WHENCE, SFD_FLAGS, SHUTDOWN_MODES, SIGPROCMASK_HOW, SOCK_TYPE_FLAGS, SOCKET_FAMILIES, SOCKET_TYPES, SOCKOPT_LEVELS, SOL_SOCKET_GETSOCKOPT, SOL_SOCKET_SETSOCKOPT, STATX_ATTRS, STATX_MASK, TCP_OPTIONS, TCXONC_ACTIONS } from '../decode/xlat/tables.js';
import { CLONE_FLAGS, PRCTL_OPTIONS, WAIT_OPTIONS, WAITID_TYPES } from '../decode/xlat/proc.js';
import { CLOSE_RANGE_FLAGS, DIRENT_TYPES } from '../decode/xlat/desc.js';
import { EFD_FLAGS, EPOLL_CREATE_FLAGS, EPOLL_CTL_OPS, EPOLL_EVENTS, GETRANDOM_FLAGS, ITIMER_WHICH, RESOURCES, TFD_FLAGS, TIMER_FLAGS } from '../decode/xlat/sigtime.js';
import { MADVISE_ADVICE, MMAP_FLAGS, MMAP_PROT, MMAP_TYPE, MREMAP_FLAGS, MSYNC_FLAGS } from '../decode/xlat/mem.js';
import { TCFLSH_QUEUES } from '../decode/xlat/ioctls.js';
import {
  F_SEALS, FADVISE_ADVICE, FALLOC_FLAGS, FAN_CLASSES, FAN_EVENT_FLAGS, FAN_INIT_FLAGS, FAN_MARK_FLAGS, FLOCK_CMDS,
  FSCONFIG_CMDS, FSMOUNT_FLAGS, FSOPEN_FLAGS, FSPICK_FLAGS, INOTIFY_FLAGS, INOTIFY_INIT_FLAGS, LOCKF_CMDS, MEMFD_FLAGS,
  MOUNT_ATTR_ATTR, MOUNT_FLAGS, MOVE_MOUNT_FLAGS, OPEN_TREE_FLAGS, RENAME_FLAGS, RWF_FLAGS, SPLICE_FLAGS,
  SYNC_FILE_RANGE_FLAGS, UMOUNT_FLAGS, XATTR_FLAGS, TERM_IFLAGS, TERM_OFLAGS, TERM_CFLAGS, TERM_LFLAGS, TERM_CSIZE,
  BAUD_OPTIONS, TERMIOS_CC, RESOLVE_FLAGS,
} from '../decode/xlat/file.js';
import { CAP_VERSIONS, PIDFD_OPEN_FLAGS, PTRACE_EVENTS } from '../decode/xlat/proc.js';
import { MLOCK_FLAGS, MLOCKALL_FLAGS } from '../decode/xlat/mem.js';
import { SCHEDULERS } from '../decode/xlat/tables.js';
import { SOL_IP_OPTIONS, SOL_IPV6_OPTIONS } from '../decode/xlat/net.js';
import { USAGE_WHO, PRIORITY_WHICH } from '../decode/xlat/sigtime.js';
import { SOL_PACKET_OPTIONS } from '../decode/xlat/net.js';
import { IPC_PRIVATE, IPC_RESOURCE_FLAGS, MPOL_MODES, SHM_FLAGS, SHM_RESOURCE_FLAGS, SHMCTL_CMDS } from '../decode/xlat/mem.js';
import { IOPRIO_WHO, KEY_PERMS, KEY_SPEC, KEYCTL_CMDS, PTRACE_CMDS, PTRACE_OPTIONS } from '../decode/xlat/proc.js';

/**
 * Named number constants from xlat tables (the same tables the decoders print with): every
 * `[value, name]` pair becomes `name: value`. A name given two different values throws.
 */
export function constantsFrom(...tables: Xlat[]): Readonly<Record<string, number>> {
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const t of tables) {
    for (const [v, names] of t.pairs) {
      const n = Number(v);
      // a few tables name a value twice ("SNDCTL_TMR_START or TCSETS"): each name is a constant
      for (const name of names.split(' or ')) {
        if (!/^_*[A-Z][A-Za-z0-9_]*$/.test(name)) continue;
        if (Object.prototype.hasOwnProperty.call(out, name) && out[name] !== n) {
          throw new Error(`constantsFrom: ${name} has two values (${out[name]} and ${n})`);
        }
        out[name] = n;
      }
    }
  }
  return Object.freeze(out);
}

const FROM_TABLES = constantsFrom(
  // files and descriptors
  OPEN_ACCMODE, OPEN_FLAGS, AT_FLAGS, AT_STATX_SYNC, FACCESSAT_FLAGS, ACCESS_MODES, FCNTL_CMDS, FD_FLAGS,
  SEEK_WHENCE, STATX_MASK, STATX_ATTRS, S_IFMT_TYPES, DIRENT_TYPES, CLOSE_RANGE_FLAGS, FLOCK_CMDS, FALLOC_FLAGS,
  FADVISE_ADVICE, RENAME_FLAGS, RWF_FLAGS, SPLICE_FLAGS, XATTR_FLAGS, SYNC_FILE_RANGE_FLAGS, F_SEALS, LOCKF_CMDS,
  // memory
  MMAP_PROT, MMAP_TYPE, MMAP_FLAGS, MADVISE_ADVICE, MREMAP_FLAGS, MSYNC_FLAGS, MLOCKALL_FLAGS, MLOCK_FLAGS, MEMFD_FLAGS,
  // events
  EPOLL_EVENTS, EPOLL_CTL_OPS, EPOLL_CREATE_FLAGS, POLL_EVENTS, EFD_FLAGS, SFD_FLAGS, TFD_FLAGS, INOTIFY_FLAGS,
  INOTIFY_INIT_FLAGS, FAN_CLASSES, FAN_INIT_FLAGS, FAN_MARK_FLAGS, FAN_EVENT_FLAGS,
  // processes, time, namespaces, mounts
  RESOURCES, USAGE_WHO, WAIT_OPTIONS, WAITID_TYPES, PRCTL_OPTIONS, CLONE_FLAGS, PIDFD_OPEN_FLAGS, IOPRIO_WHO,
  CLOCK_IDS, TIMER_FLAGS, ITIMER_WHICH, GETRANDOM_FLAGS, SCHEDULERS, CAP_VERSIONS, PTRACE_CMDS, PTRACE_OPTIONS,
  PTRACE_EVENTS, MOUNT_FLAGS, UMOUNT_FLAGS, FSOPEN_FLAGS, FSMOUNT_FLAGS, FSCONFIG_CMDS, FSPICK_FLAGS, MOVE_MOUNT_FLAGS,
  OPEN_TREE_FLAGS, MOUNT_ATTR_ATTR, SIGPROCMASK_HOW, PRIORITY_WHICH, KEYCTL_CMDS, KEY_SPEC, KEY_PERMS,
  IPC_RESOURCE_FLAGS, SHM_RESOURCE_FLAGS, SHM_FLAGS, SHMCTL_CMDS, IPC_PRIVATE, MPOL_MODES, RESOLVE_FLAGS,
  // sockets
  SOCKET_FAMILIES, SOCKET_TYPES, SOCK_TYPE_FLAGS, IPPROTO, MSG_FLAGS, SHUTDOWN_MODES, SOCKOPT_LEVELS,
  SOL_SOCKET_GETSOCKOPT, SOL_SOCKET_SETSOCKOPT, TCP_OPTIONS, SOL_IP_OPTIONS, SOL_IPV6_OPTIONS, SOL_PACKET_OPTIONS,
  // terminals
  TCFLSH_QUEUES, TCXONC_ACTIONS, IOCTL_TERMINAL, TERM_IFLAGS, TERM_OFLAGS, TERM_CFLAGS, TERM_LFLAGS, TERM_CSIZE, BAUD_OPTIONS,
  TERMIOS_CC,
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

