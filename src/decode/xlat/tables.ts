/**
 * Constant tables more than one decoder family uses (and sysray/unix), the way strace 6.1 prints
 * them on x86_64; a table only one family uses lives in that family's xlat file.
 *
 * Each table follows one of strace's src/xlat/*.in files: the same names, in the same order
 * (order decides how flag sets print: names come out in table order, and an entry whose bits are
 * a superset of later ones, such as O_SYNC before O_DSYNC, wins), with x86_64's values (taken
 * from the .in file when it gives one, otherwise from the kernel/glibc headers strace builds
 * against). Entries a header doesn't define on x86_64 are absent, as in strace's build.
 *
 * How a table is used (the `unknown` text is strace's comment for values it cannot name):
 * - "flags": `flags(T, v, note)`, e.g. `O_RDONLY|O_CLOEXEC`, leftover bits as `|0x...`.
 * - "value": `symbol(T, v, 'x', note)`, unknown values print as hex plus `/* note *\/`
 *   unless stated otherwise.
 */
import { xlat } from './core.js';

/** The `dirfd` value strace prints as AT_FDCWD (the argument is an `int`). */
export const AT_FDCWD = -100n;

// ---------------------------------------------------------------- files

/**
 * open/openat access mode, `flags & 3` (value). strace always finds a name here on x86_64,
 * including O_ACCMODE for 3. Full rendering of open flags, as strace does it: the access-mode
 * name, then, if any bits remain, `|` and OPEN_FLAGS as flags (unknown bits as `|0x...`); e.g.
 * `O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC`, `O_RDONLY` for 0, `O_ACCMODE|0x80000000`.
 */
export const OPEN_ACCMODE = xlat(() => [
  [0, 'O_RDONLY'],
  [1, 'O_WRONLY'],
  [2, 'O_RDWR'],
  [3, 'O_ACCMODE'],
]);

/**
 * open/openat flags other than the access mode (flags, unknown "O_???"), kernel values
 * (asm-generic/fcntl.h, not glibc's: O_LARGEFILE is 0x8000 here, glibc says 0 on x86_64).
 * Order matters: O_SYNC (= __O_SYNC|O_DSYNC) precedes __O_SYNC and O_DSYNC, so both bits print
 * as `O_SYNC`, __O_SYNC alone as `__O_SYNC`; O_TMPFILE (= __O_TMPFILE|O_DIRECTORY) precedes
 * __O_TMPFILE and O_DIRECTORY likewise. FASYNC (0x2000) is last. O_NDELAY is not listed (it is
 * O_NONBLOCK). strace prints a mode argument only when `flags & OPEN_MODE_NEEDED`.
 */
export const OPEN_FLAGS = xlat(() => [
  [0x40, 'O_CREAT'],
  [0x80, 'O_EXCL'],
  [0x100, 'O_NOCTTY'],
  [0x200, 'O_TRUNC'],
  [0x400, 'O_APPEND'],
  [0x800, 'O_NONBLOCK'],
  [0x101000, 'O_SYNC'],
  [0x100000, '__O_SYNC'],
  [0x1000, 'O_DSYNC'],
  [0x4000, 'O_DIRECT'],
  [0x8000, 'O_LARGEFILE'],
  [0x20000, 'O_NOFOLLOW'],
  [0x40000, 'O_NOATIME'],
  [0x80000, 'O_CLOEXEC'],
  [0x200000, 'O_PATH'],
  [0x410000, 'O_TMPFILE'],
  [0x400000, '__O_TMPFILE'],
  [0x10000, 'O_DIRECTORY'],
  [0x2000, 'FASYNC'],
]);

/** open/openat print the `mode` argument only when one of these bits is set (O_CREAT|__O_TMPFILE). */
export const OPEN_MODE_NEEDED = 0x400040n;

/**
 * pipe2 flags (flags, unknown "O_???"): strace 6.1 prints them with the open flags table, so
 * `O_NONBLOCK|O_DIRECT|O_CLOEXEC` (table order, not argument order).
 */
export const PIPE_FLAGS = OPEN_FLAGS;

/**
 * *at() flags: linkat, fchownat, fstatat/newfstatat, utimensat, execveat, and statx after the
 * sync type (flags, unknown "AT_???").
 */
export const AT_FLAGS = xlat(() => [
  [0x100, 'AT_SYMLINK_NOFOLLOW'],
  [0x200, 'AT_REMOVEDIR'],
  [0x400, 'AT_SYMLINK_FOLLOW'],
  [0x800, 'AT_NO_AUTOMOUNT'],
  [0x1000, 'AT_EMPTY_PATH'],
  [0x8000, 'AT_RECURSIVE'],
]);

/**
 * statx sync type, `flags & AT_STATX_SYNC_TYPE` (0x6000). strace prints it with printflags and no
 * default, so 0 is `AT_STATX_SYNC_AS_STAT` and 0x6000 is `AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC`
 * (the AT_STATX_SYNC_TYPE entry never wins). Then, if other bits remain, `|` and AT_FLAGS as flags
 * with no default: `AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW`.
 */
export const AT_STATX_SYNC = xlat(() => [
  [0x0, 'AT_STATX_SYNC_AS_STAT'],
  [0x2000, 'AT_STATX_FORCE_SYNC'],
  [0x4000, 'AT_STATX_DONT_SYNC'],
  [0x6000, 'AT_STATX_SYNC_TYPE'],
]);

/** The statx flag bits that select the sync type. */
export const AT_STATX_SYNC_TYPE = 0x6000n;

/**
 * faccessat2 flags (flags, unknown "AT_???").
 */
export const FACCESSAT_FLAGS = xlat(() => [
  [0x100, 'AT_SYMLINK_NOFOLLOW'],
  [0x200, 'AT_EACCESS'],
  [0x1000, 'AT_EMPTY_PATH'],
]);

/**
 * access/faccessat mode (flags, unknown "?_OK"): 0 prints `F_OK`, otherwise `R_OK|W_OK|X_OK` in
 * this order, leftover bits `|0x8`.
 */
export const ACCESS_MODES = xlat(() => [
  [0x0, 'F_OK'],
  [0x4, 'R_OK'],
  [0x2, 'W_OK'],
  [0x1, 'X_OK'],
]);

/**
 * fcntl commands (value, unknown "F_???"). F_GETLK64/F_SETLK64/F_SETLKW64 (12..14) are the
 * 32-bit-ABI numbers strace defines regardless; on x86_64 the kernel rejects them.
 */
export const FCNTL_CMDS = xlat(() => [
  [0, 'F_DUPFD'],
  [1, 'F_GETFD'],
  [2, 'F_SETFD'],
  [3, 'F_GETFL'],
  [4, 'F_SETFL'],
  [5, 'F_GETLK'],
  [6, 'F_SETLK'],
  [7, 'F_SETLKW'],
  [8, 'F_SETOWN'],
  [9, 'F_GETOWN'],
  [10, 'F_SETSIG'],
  [11, 'F_GETSIG'],
  [12, 'F_GETLK64'],
  [13, 'F_SETLK64'],
  [14, 'F_SETLKW64'],
  [15, 'F_SETOWN_EX'],
  [16, 'F_GETOWN_EX'],
  [17, 'F_GETOWNER_UIDS'],
  [36, 'F_OFD_GETLK'],
  [37, 'F_OFD_SETLK'],
  [38, 'F_OFD_SETLKW'],
  [1024, 'F_SETLEASE'],
  [1025, 'F_GETLEASE'],
  [1026, 'F_NOTIFY'],
  [1029, 'F_CANCELLK'],
  [1030, 'F_DUPFD_CLOEXEC'],
  [1031, 'F_SETPIPE_SZ'],
  [1032, 'F_GETPIPE_SZ'],
  [1033, 'F_ADD_SEALS'],
  [1034, 'F_GET_SEALS'],
]);

/**
 * F_SETFD argument and F_GETFD result (flags, unknown "FD_???").
 */
export const FD_FLAGS = xlat(() => [
  [0x1, 'FD_CLOEXEC'],
]);

/**
 * lseek/llseek whence and struct flock l_whence (value, unknown "SEEK_???").
 */
export const SEEK_WHENCE = xlat(() => [
  [0, 'SEEK_SET'],
  [1, 'SEEK_CUR'],
  [2, 'SEEK_END'],
  [3, 'SEEK_DATA'],
  [4, 'SEEK_HOLE'],
]);

/**
 * statx mask / stx_mask (flags, unknown "STATX_???"). STATX_ALL and STATX_BASIC_STATS come first,
 * so 0xfff prints `STATX_ALL` and 0x7ff `STATX_BASIC_STATS`.
 */
export const STATX_MASK = xlat(() => [
  [0xfff, 'STATX_ALL'],
  [0x7ff, 'STATX_BASIC_STATS'],
  [0x1, 'STATX_TYPE'],
  [0x2, 'STATX_MODE'],
  [0x4, 'STATX_NLINK'],
  [0x8, 'STATX_UID'],
  [0x10, 'STATX_GID'],
  [0x20, 'STATX_ATIME'],
  [0x40, 'STATX_MTIME'],
  [0x80, 'STATX_CTIME'],
  [0x100, 'STATX_INO'],
  [0x200, 'STATX_SIZE'],
  [0x400, 'STATX_BLOCKS'],
  [0x800, 'STATX_BTIME'],
  [0x1000, 'STATX_MNT_ID'],
  [0x2000, 'STATX_DIOALIGN'],
]);

/**
 * statx stx_attributes and stx_attributes_mask (flags, unknown "STATX_ATTR_???").
 */
export const STATX_ATTRS = xlat(() => [
  [0x4, 'STATX_ATTR_COMPRESSED'],
  [0x10, 'STATX_ATTR_IMMUTABLE'],
  [0x20, 'STATX_ATTR_APPEND'],
  [0x40, 'STATX_ATTR_NODUMP'],
  [0x800, 'STATX_ATTR_ENCRYPTED'],
  [0x1000, 'STATX_ATTR_AUTOMOUNT'],
  [0x2000, 'STATX_ATTR_MOUNT_ROOT'],
  [0x100000, 'STATX_ATTR_VERITY'],
  [0x200000, 'STATX_ATTR_DAX'],
]);

/**
 * File type, `mode & S_IFMT` (value), for stat modes and mknod: strace prints the type name, `|`,
 * then `S_ISUID|`, `S_ISGID|`, `S_ISVTX|` for those bits, then the permission bits as `%#03o`:
 * `S_IFREG|0644`, `S_IFDIR|S_ISVTX|0777`. Type 0 prints only the rest (`0644`); a nonzero type
 * missing here prints the whole mode in octal.
 */
export const S_IFMT_TYPES = xlat(() => [
  [0x8000, 'S_IFREG'],
  [0xc000, 'S_IFSOCK'],
  [0x1000, 'S_IFIFO'],
  [0xa000, 'S_IFLNK'],
  [0x4000, 'S_IFDIR'],
  [0x6000, 'S_IFBLK'],
  [0x2000, 'S_IFCHR'],
]);

/** The file-type bits of a mode. */
export const S_IFMT = 0o170000n;

// ---------------------------------------------------------------- memory

/** mmap: the mapping-type bits, and the MAP_HUGE field (log2 of the huge page size). */
export const MAP_TYPE_MASK = 0xfn;
export const MAP_HUGE_SHIFT = 26n;
export const MAP_HUGE_MASK = 0x3fn;

// ---------------------------------------------------------------- processes, time, misc

/** futex op modifier bits and the command mask. */
export const FUTEX_PRIVATE_FLAG = 128n;
export const FUTEX_CLOCK_REALTIME = 256n;
export const FUTEX_CMD_MASK = 127n;

/**
 * clockid_t (value, unknown "CLOCK_???"). Negative ids are CPU/fd clocks, which strace prints as
 * `MAKE_PROCESS_CPUCLOCK(pid, CPUCLOCK_...)`, `MAKE_THREAD_CPUCLOCK(...)` or `FD_TO_CLOCKID(fd)`.
 */
export const CLOCK_IDS = xlat(() => [
  [0, 'CLOCK_REALTIME'],
  [1, 'CLOCK_MONOTONIC'],
  [2, 'CLOCK_PROCESS_CPUTIME_ID'],
  [3, 'CLOCK_THREAD_CPUTIME_ID'],
  [4, 'CLOCK_MONOTONIC_RAW'],
  [5, 'CLOCK_REALTIME_COARSE'],
  [6, 'CLOCK_MONOTONIC_COARSE'],
  [7, 'CLOCK_BOOTTIME'],
  [8, 'CLOCK_REALTIME_ALARM'],
  [9, 'CLOCK_BOOTTIME_ALARM'],
  [10, 'CLOCK_SGI_CYCLE'],
  [11, 'CLOCK_TAI'],
]);

/**
 * The low 2 bits of a CPU clock id (value, unknown "CPUCLOCK_???").
 */
export const CPUCLOCK_TYPES = xlat(() => [
  [0, 'CPUCLOCK_PROF'],
  [1, 'CPUCLOCK_VIRT'],
  [2, 'CPUCLOCK_SCHED'],
]);

/** clone: the low byte holds the signal sent to the parent at exit. */
export const CSIGNAL = 0xffn;

/**
 * rseq flags. strace 6.1 has no rseq decoder: it prints all four arguments raw (hex), so this
 * table is for our own use only.
 */
export const RSEQ_FLAGS = xlat(() => [
  [0x1, 'RSEQ_FLAG_UNREGISTER'],
]);

// ---------------------------------------------------------------- signals

/**
 * rt_sigprocmask how (value, unknown "SIG_???"): `0x7 /* SIG_??? *\/`.
 */
export const SIGPROCMASK_HOW = xlat(() => [
  [0, 'SIG_BLOCK'],
  [1, 'SIG_UNBLOCK'],
  [2, 'SIG_SETMASK'],
]);

/**
 * sigaction sa_flags (flags, unknown "SA_???"), strace's order: SA_RESTORER first, then
 * SA_ONSTACK, SA_RESTART, SA_INTERRUPT, SA_NODEFER, SA_RESETHAND, SA_SIGINFO, ..., so a typical
 * glibc handler shows `SA_RESTORER|SA_RESTART|SA_SIGINFO`. (strace's list repeats three names;
 * the repeats can never match and are left out.) SA_UNSUPPORTED (0x400) and SA_EXPOSE_TAGBITS
 * (0x800) are not in strace 6.1's table: they print as `|0x400`.
 */
export const SA_FLAGS = xlat(() => [
  [0x4000000, 'SA_RESTORER'],
  [0x8000000, 'SA_ONSTACK'],
  [0x10000000, 'SA_RESTART'],
  [0x20000000, 'SA_INTERRUPT'],
  [0x40000000, 'SA_NODEFER'],
  [0x80000000, 'SA_RESETHAND'],
  [0x4, 'SA_SIGINFO'],
  [0x1, 'SA_NOCLDSTOP'],
  [0x2, 'SA_NOCLDWAIT'],
]);

/**
 * sa_handler special values (value): SIG_ERR is (unsigned long)-1; any other handler prints as an
 * address.
 */
export const SA_HANDLER_VALUES = xlat(() => [
  [0xffffffffffffffffn, 'SIG_ERR'],
  [0x0, 'SIG_DFL'],
  [0x1, 'SIG_IGN'],
]);

// ---------------------------------------------------------------- sockets

/**
 * socket/socketpair domain and sa_family (value, unknown "AF_???").
 */
export const SOCKET_FAMILIES = xlat(() => [
  [0, 'AF_UNSPEC'],
  [1, 'AF_UNIX'],
  [2, 'AF_INET'],
  [3, 'AF_AX25'],
  [4, 'AF_IPX'],
  [5, 'AF_APPLETALK'],
  [6, 'AF_NETROM'],
  [7, 'AF_BRIDGE'],
  [8, 'AF_ATMPVC'],
  [9, 'AF_X25'],
  [10, 'AF_INET6'],
  [11, 'AF_ROSE'],
  [12, 'AF_DECnet'],
  [13, 'AF_NETBEUI'],
  [14, 'AF_SECURITY'],
  [15, 'AF_KEY'],
  [16, 'AF_NETLINK'],
  [17, 'AF_PACKET'],
  [18, 'AF_ASH'],
  [19, 'AF_ECONET'],
  [20, 'AF_ATMSVC'],
  [21, 'AF_RDS'],
  [22, 'AF_SNA'],
  [23, 'AF_IRDA'],
  [24, 'AF_PPPOX'],
  [25, 'AF_WANPIPE'],
  [26, 'AF_LLC'],
  [27, 'AF_IB'],
  [28, 'AF_MPLS'],
  [29, 'AF_CAN'],
  [30, 'AF_TIPC'],
  [31, 'AF_BLUETOOTH'],
  [32, 'AF_IUCV'],
  [33, 'AF_RXRPC'],
  [34, 'AF_ISDN'],
  [35, 'AF_PHONET'],
  [36, 'AF_IEEE802154'],
  [37, 'AF_CAIF'],
  [38, 'AF_ALG'],
  [39, 'AF_NFC'],
  [40, 'AF_VSOCK'],
  [41, 'AF_KCM'],
  [42, 'AF_QIPCRTR'],
  [43, 'AF_SMC'],
  [44, 'AF_XDP'],
  [45, 'AF_MCTP'],
]);

/**
 * socket type, `type & SOCK_TYPE_MASK` (value). strace: if the type has a name, print it and then,
 * if other bits remain, `|` and SOCK_TYPE_FLAGS as flags; if not, print the whole argument as
 * SOCK_TYPE_FLAGS with "SOCK_???": `0x1f /* SOCK_??? *\/`.
 */
export const SOCKET_TYPES = xlat(() => [
  [1, 'SOCK_STREAM'],
  [2, 'SOCK_DGRAM'],
  [3, 'SOCK_RAW'],
  [4, 'SOCK_RDM'],
  [5, 'SOCK_SEQPACKET'],
  [6, 'SOCK_DCCP'],
  [10, 'SOCK_PACKET'],
]);

/** The socket-type bits of socket()'s type argument. */
export const SOCK_TYPE_MASK = 0xfn;

/**
 * socket/socketpair type flags and accept4 flags (flags, unknown "SOCK_???"); strace's order puts
 * SOCK_CLOEXEC first: `SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK`.
 */
export const SOCK_TYPE_FLAGS = xlat(() => [
  [0x80000, 'SOCK_CLOEXEC'],
  [0x800, 'SOCK_NONBLOCK'],
]);

/**
 * socket protocol for AF_INET/AF_INET6 (value, unknown "IPPROTO_???"); for families strace has no
 * protocol table for, the protocol prints as a plain decimal.
 */
export const IPPROTO = xlat(() => [
  [0, 'IPPROTO_IP'],
  [1, 'IPPROTO_ICMP'],
  [2, 'IPPROTO_IGMP'],
  [4, 'IPPROTO_IPIP'],
  [6, 'IPPROTO_TCP'],
  [8, 'IPPROTO_EGP'],
  [12, 'IPPROTO_PUP'],
  [17, 'IPPROTO_UDP'],
  [22, 'IPPROTO_IDP'],
  [29, 'IPPROTO_TP'],
  [33, 'IPPROTO_DCCP'],
  [41, 'IPPROTO_IPV6'],
  [43, 'IPPROTO_ROUTING'],
  [44, 'IPPROTO_FRAGMENT'],
  [46, 'IPPROTO_RSVP'],
  [47, 'IPPROTO_GRE'],
  [50, 'IPPROTO_ESP'],
  [51, 'IPPROTO_AH'],
  [58, 'IPPROTO_ICMPV6'],
  [59, 'IPPROTO_NONE'],
  [60, 'IPPROTO_DSTOPTS'],
  [92, 'IPPROTO_MTP'],
  [94, 'IPPROTO_BEETPH'],
  [98, 'IPPROTO_ENCAP'],
  [103, 'IPPROTO_PIM'],
  [108, 'IPPROTO_COMP'],
  [115, 'IPPROTO_L2TP'],
  [132, 'IPPROTO_SCTP'],
  [135, 'IPPROTO_MH'],
  [136, 'IPPROTO_UDPLITE'],
  [137, 'IPPROTO_MPLS'],
  [143, 'IPPROTO_ETHERNET'],
  [255, 'IPPROTO_RAW'],
  [262, 'IPPROTO_MPTCP'],
]);

/**
 * sendto/sendmsg/sendmmsg/recvfrom/recvmsg/recvmmsg flags and msghdr msg_flags
 * (flags, unknown "MSG_???").
 */
export const MSG_FLAGS = xlat(() => [
  [0x1, 'MSG_OOB'],
  [0x2, 'MSG_PEEK'],
  [0x4, 'MSG_DONTROUTE'],
  [0x8, 'MSG_CTRUNC'],
  [0x10, 'MSG_PROBE'],
  [0x20, 'MSG_TRUNC'],
  [0x40, 'MSG_DONTWAIT'],
  [0x80, 'MSG_EOR'],
  [0x100, 'MSG_WAITALL'],
  [0x200, 'MSG_FIN'],
  [0x400, 'MSG_SYN'],
  [0x800, 'MSG_CONFIRM'],
  [0x1000, 'MSG_RST'],
  [0x2000, 'MSG_ERRQUEUE'],
  [0x4000, 'MSG_NOSIGNAL'],
  [0x8000, 'MSG_MORE'],
  [0x10000, 'MSG_WAITFORONE'],
  [0x20000, 'MSG_SENDPAGE_NOTLAST'],
  [0x40000, 'MSG_BATCH'],
  [0x80000, 'MSG_NO_SHARED_FRAGS'],
  [0x4000000, 'MSG_ZEROCOPY'],
  [0x20000000, 'MSG_FASTOPEN'],
  [0x40000000, 'MSG_CMSG_CLOEXEC'],
  [0x80000000, 'MSG_CMSG_COMPAT'],
]);

/**
 * shutdown how (value, unknown "SHUT_???").
 */
export const SHUTDOWN_MODES = xlat(() => [
  [0, 'SHUT_RD'],
  [1, 'SHUT_WR'],
  [2, 'SHUT_RDWR'],
]);

/**
 * getsockopt/setsockopt level and cmsg_level (value; strace's unknown text for the sockopt level
 * is "SOL_??", for cmsg_level "SOL_???"). Level 6 prints `SOL_TCP`, 40 prints `AF_VSOCK`.
 */
export const SOCKOPT_LEVELS = xlat(() => [
  [0, 'SOL_IP'],
  [1, 'SOL_SOCKET'],
  [6, 'SOL_TCP'],
  [17, 'SOL_UDP'],
  [40, 'AF_VSOCK'],
  [41, 'SOL_IPV6'],
  [58, 'SOL_ICMPV6'],
  [100, 'SOL_CAN_BASE'],
  [101, 'SOL_CAN_RAW'],
  [132, 'SOL_SCTP'],
  [136, 'SOL_UDPLITE'],
  [255, 'SOL_RAW'],
  [256, 'SOL_IPX'],
  [257, 'SOL_AX25'],
  [258, 'SOL_ATALK'],
  [259, 'SOL_NETROM'],
  [260, 'SOL_ROSE'],
  [261, 'SOL_DECNET'],
  [262, 'SOL_X25'],
  [263, 'SOL_PACKET'],
  [264, 'SOL_ATM'],
  [265, 'SOL_AAL'],
  [266, 'SOL_IRDA'],
  [267, 'SOL_NETBEUI'],
  [268, 'SOL_LLC'],
  [269, 'SOL_DCCP'],
  [270, 'SOL_NETLINK'],
  [271, 'SOL_TIPC'],
  [272, 'SOL_RXRPC'],
  [273, 'SOL_PPPOL2TP'],
  [274, 'SOL_BLUETOOTH'],
  [275, 'SOL_PNPIPE'],
  [276, 'SOL_RDS'],
  [277, 'SOL_IUCV'],
  [278, 'SOL_CAIF'],
  [279, 'SOL_ALG'],
  [280, 'SOL_NFC'],
  [281, 'SOL_KCM'],
  [282, 'SOL_TLS'],
  [283, 'SOL_XDP'],
]);

/**
 * SOL_SOCKET option names common to get- and setsockopt (value, unknown "SO_???"). Option 26 is
 * `SO_GET_FILTER` for getsockopt and `SO_ATTACH_FILTER` for setsockopt: use the two tables below.
 */
export const SOL_SOCKET_OPTIONS = xlat(() => [
  [1, 'SO_DEBUG'],
  [2, 'SO_REUSEADDR'],
  [3, 'SO_TYPE'],
  [4, 'SO_ERROR'],
  [5, 'SO_DONTROUTE'],
  [6, 'SO_BROADCAST'],
  [7, 'SO_SNDBUF'],
  [8, 'SO_RCVBUF'],
  [9, 'SO_KEEPALIVE'],
  [10, 'SO_OOBINLINE'],
  [11, 'SO_NO_CHECK'],
  [12, 'SO_PRIORITY'],
  [13, 'SO_LINGER'],
  [14, 'SO_BSDCOMPAT'],
  [15, 'SO_REUSEPORT'],
  [16, 'SO_PASSCRED'],
  [17, 'SO_PEERCRED'],
  [18, 'SO_RCVLOWAT'],
  [19, 'SO_SNDLOWAT'],
  [20, 'SO_RCVTIMEO_OLD'],
  [21, 'SO_SNDTIMEO_OLD'],
  [22, 'SO_SECURITY_AUTHENTICATION'],
  [23, 'SO_SECURITY_ENCRYPTION_TRANSPORT'],
  [24, 'SO_SECURITY_ENCRYPTION_NETWORK'],
  [25, 'SO_BINDTODEVICE'],
  [27, 'SO_DETACH_FILTER'],
  [28, 'SO_PEERNAME'],
  [29, 'SO_TIMESTAMP_OLD'],
  [30, 'SO_ACCEPTCONN'],
  [31, 'SO_PEERSEC'],
  [32, 'SO_SNDBUFFORCE'],
  [33, 'SO_RCVBUFFORCE'],
  [34, 'SO_PASSSEC'],
  [35, 'SO_TIMESTAMPNS_OLD'],
  [36, 'SO_MARK'],
  [37, 'SO_TIMESTAMPING_OLD'],
  [38, 'SO_PROTOCOL'],
  [39, 'SO_DOMAIN'],
  [40, 'SO_RXQ_OVFL'],
  [41, 'SO_WIFI_STATUS'],
  [42, 'SO_PEEK_OFF'],
  [43, 'SO_NOFCS'],
  [44, 'SO_LOCK_FILTER'],
  [45, 'SO_SELECT_ERR_QUEUE'],
  [46, 'SO_BUSY_POLL'],
  [47, 'SO_MAX_PACING_RATE'],
  [48, 'SO_BPF_EXTENSIONS'],
  [49, 'SO_INCOMING_CPU'],
  [50, 'SO_ATTACH_BPF'],
  [51, 'SO_ATTACH_REUSEPORT_CBPF'],
  [52, 'SO_ATTACH_REUSEPORT_EBPF'],
  [53, 'SO_CNX_ADVICE'],
  [55, 'SO_MEMINFO'],
  [56, 'SO_INCOMING_NAPI_ID'],
  [57, 'SO_COOKIE'],
  [59, 'SO_PEERGROUPS'],
  [60, 'SO_ZEROCOPY'],
  [61, 'SO_TXTIME'],
  [62, 'SO_BINDTOIFINDEX'],
  [63, 'SO_TIMESTAMP_NEW'],
  [64, 'SO_TIMESTAMPNS_NEW'],
  [65, 'SO_TIMESTAMPING_NEW'],
  [66, 'SO_RCVTIMEO_NEW'],
  [67, 'SO_SNDTIMEO_NEW'],
  [68, 'SO_DETACH_REUSEPORT_BPF'],
  [69, 'SO_PREFER_BUSY_POLL'],
  [70, 'SO_BUSY_POLL_BUDGET'],
  [71, 'SO_NETNS_COOKIE'],
  [72, 'SO_BUF_LOCK'],
  [73, 'SO_RESERVE_MEM'],
  [74, 'SO_TXREHASH'],
  [75, 'SO_RCVMARK'],
]);

/** SOL_SOCKET option names as getsockopt prints them. */
export const SOL_SOCKET_GETSOCKOPT = xlat(() => [...SOL_SOCKET_OPTIONS.pairs, [26, 'SO_GET_FILTER']]);
/** SOL_SOCKET option names as setsockopt prints them. */
export const SOL_SOCKET_SETSOCKOPT = xlat(() => [...SOL_SOCKET_OPTIONS.pairs, [26, 'SO_ATTACH_FILTER']]);

/**
 * IPPROTO_TCP (SOL_TCP) option names (value, unknown "TCP_???").
 */
export const TCP_OPTIONS = xlat(() => [
  [1, 'TCP_NODELAY'],
  [2, 'TCP_MAXSEG'],
  [3, 'TCP_CORK'],
  [4, 'TCP_KEEPIDLE'],
  [5, 'TCP_KEEPINTVL'],
  [6, 'TCP_KEEPCNT'],
  [7, 'TCP_SYNCNT'],
  [8, 'TCP_LINGER2'],
  [9, 'TCP_DEFER_ACCEPT'],
  [10, 'TCP_WINDOW_CLAMP'],
  [11, 'TCP_INFO'],
  [12, 'TCP_QUICKACK'],
  [13, 'TCP_CONGESTION'],
  [14, 'TCP_MD5SIG'],
  [15, 'TCP_COOKIE_TRANSACTIONS'],
  [16, 'TCP_THIN_LINEAR_TIMEOUTS'],
  [17, 'TCP_THIN_DUPACK'],
  [18, 'TCP_USER_TIMEOUT'],
  [19, 'TCP_REPAIR'],
  [20, 'TCP_REPAIR_QUEUE'],
  [21, 'TCP_QUEUE_SEQ'],
  [22, 'TCP_REPAIR_OPTIONS'],
  [23, 'TCP_FASTOPEN'],
  [24, 'TCP_TIMESTAMP'],
  [25, 'TCP_NOTSENT_LOWAT'],
  [26, 'TCP_CC_INFO'],
  [27, 'TCP_SAVE_SYN'],
  [28, 'TCP_SAVED_SYN'],
  [29, 'TCP_REPAIR_WINDOW'],
  [30, 'TCP_FASTOPEN_CONNECT'],
  [31, 'TCP_ULP'],
  [32, 'TCP_MD5SIG_EXT'],
  [33, 'TCP_FASTOPEN_KEY'],
  [34, 'TCP_FASTOPEN_NO_COOKIE'],
  [35, 'TCP_ZEROCOPY_RECEIVE'],
  [36, 'TCP_INQ'],
  [37, 'TCP_TX_DELAY'],
]);

// ---------------------------------------------------------------- polling, event fds

/**
 * pollfd events/revents (flags, unknown "POLL???").
 */
export const POLL_EVENTS = xlat(() => [
  [0x1, 'POLLIN'],
  [0x2, 'POLLPRI'],
  [0x4, 'POLLOUT'],
  [0x8, 'POLLERR'],
  [0x10, 'POLLHUP'],
  [0x20, 'POLLNVAL'],
  [0x40, 'POLLRDNORM'],
  [0x80, 'POLLRDBAND'],
  [0x100, 'POLLWRNORM'],
  [0x200, 'POLLWRBAND'],
  [0x400, 'POLLMSG'],
  [0x1000, 'POLLREMOVE'],
  [0x2000, 'POLLRDHUP'],
  [0x8000, 'POLL_BUSY_LOOP'],
]);

/**
 * signalfd4 flags (flags, unknown "SFD_???").
 */
export const SFD_FLAGS = xlat(() => [
  [0x80000, 'SFD_CLOEXEC'],
  [0x800, 'SFD_NONBLOCK'],
]);

// ---------------------------------------------------------------- ioctl

/**
 * Terminal ioctl requests (asm-generic/ioctls.h) as strace 6.1 prints the request argument on
 * x86_64 (value; strace prints an unknown request as `_IOC(...)` or hex, not from this table).
 * strace lists every name it knows for a request number, sorted by name and joined with " or ";
 * three terminal requests share their number with old OSS sound ioctls, hence
 * `SNDCTL_TMR_START or TCSETS`. Values are full 32-bit request numbers (_IOC direction and size
 * included).
 */
export const IOCTL_TERMINAL = xlat(() => [
  [0x5401, 'TCGETS'],
  [0x5402, 'SNDCTL_TMR_START or TCSETS'],
  [0x5403, 'SNDCTL_TMR_STOP or TCSETSW'],
  [0x5404, 'SNDCTL_TMR_CONTINUE or TCSETSF'],
  [0x5405, 'TCGETA'],
  [0x5406, 'TCSETA'],
  [0x5407, 'TCSETAW'],
  [0x5408, 'TCSETAF'],
  [0x5409, 'TCSBRK'],
  [0x540a, 'TCXONC'],
  [0x540b, 'TCFLSH'],
  [0x540c, 'TIOCEXCL'],
  [0x540d, 'TIOCNXCL'],
  [0x540e, 'TIOCSCTTY'],
  [0x540f, 'TIOCGPGRP'],
  [0x5410, 'TIOCSPGRP'],
  [0x5411, 'TIOCOUTQ'],
  [0x5412, 'TIOCSTI'],
  [0x5413, 'TIOCGWINSZ'],
  [0x5414, 'TIOCSWINSZ'],
  [0x5415, 'TIOCMGET'],
  [0x5416, 'TIOCMBIS'],
  [0x5417, 'TIOCMBIC'],
  [0x5418, 'TIOCMSET'],
  [0x5419, 'TIOCGSOFTCAR'],
  [0x541a, 'TIOCSSOFTCAR'],
  [0x541b, 'FIONREAD'],
  [0x541c, 'TIOCLINUX'],
  [0x541d, 'TIOCCONS'],
  [0x541e, 'TIOCGSERIAL'],
  [0x541f, 'TIOCSSERIAL'],
  [0x5420, 'TIOCPKT'],
  [0x5421, 'FIONBIO'],
  [0x5422, 'TIOCNOTTY'],
  [0x5423, 'TIOCSETD'],
  [0x5424, 'TIOCGETD'],
  [0x5425, 'TCSBRKP'],
  [0x5427, 'TIOCSBRK'],
  [0x5428, 'TIOCCBRK'],
  [0x5429, 'TIOCGSID'],
  [0x542e, 'TIOCGRS485'],
  [0x542f, 'TIOCSRS485'],
  [0x5432, 'TCGETX'],
  [0x5433, 'TCSETX'],
  [0x5434, 'TCSETXF'],
  [0x5435, 'TCSETXW'],
  [0x5437, 'TIOCVHANGUP'],
  [0x5441, 'TIOCGPTPEER'],
  [0x5450, 'FIONCLEX'],
  [0x5451, 'FIOCLEX'],
  [0x5452, 'FIOASYNC'],
  [0x5453, 'TIOCSERCONFIG'],
  [0x5454, 'TIOCSERGWILD'],
  [0x5455, 'TIOCSERSWILD'],
  [0x5456, 'TIOCGLCKTRMIOS'],
  [0x5457, 'TIOCSLCKTRMIOS'],
  [0x5458, 'TIOCSERGSTRUCT'],
  [0x5459, 'TIOCSERGETLSR'],
  [0x545a, 'TIOCSERGETMULTI'],
  [0x545b, 'TIOCSERSETMULTI'],
  [0x545c, 'TIOCMIWAIT'],
  [0x545d, 'TIOCGICOUNT'],
  [0x5460, 'FIOQSIZE'],
  [0x40045431, 'TIOCSPTLCK'],
  [0x40045436, 'TIOCSIG'],
  [0x402c542b, 'TCSETS2'],
  [0x402c542c, 'TCSETSW2'],
  [0x402c542d, 'TCSETSF2'],
  [0x80045430, 'TIOCGPTN'],
  [0x80045432, 'TIOCGDEV'],
  [0x80045438, 'TIOCGPKT'],
  [0x80045439, 'TIOCGPTLCK'],
  [0x80045440, 'TIOCGEXCL'],
  [0x80285442, 'TIOCGISO7816'],
  [0x802c542a, 'TCGETS2'],
  [0xc0285443, 'TIOCSISO7816'],
]);

/** Terminal ioctl request numbers by name (x86_64), for dispatching on the request. */
export const IOCTL_CODES: Readonly<Record<string, number>> = {
  TCGETS: 0x5401,
  TCSETS: 0x5402,
  TCSETSW: 0x5403,
  TCSETSF: 0x5404,
  TCGETA: 0x5405,
  TCSETA: 0x5406,
  TCSETAW: 0x5407,
  TCSETAF: 0x5408,
  TCSBRK: 0x5409,
  TCXONC: 0x540a,
  TCFLSH: 0x540b,
  TIOCEXCL: 0x540c,
  TIOCNXCL: 0x540d,
  TIOCSCTTY: 0x540e,
  TIOCGPGRP: 0x540f,
  TIOCSPGRP: 0x5410,
  TIOCOUTQ: 0x5411,
  TIOCSTI: 0x5412,
  TIOCGWINSZ: 0x5413,
  TIOCSWINSZ: 0x5414,
  TIOCMGET: 0x5415,
  TIOCMBIS: 0x5416,
  TIOCMBIC: 0x5417,
  TIOCMSET: 0x5418,
  TIOCGSOFTCAR: 0x5419,
  TIOCSSOFTCAR: 0x541a,
  FIONREAD: 0x541b,
  TIOCLINUX: 0x541c,
  TIOCCONS: 0x541d,
  TIOCGSERIAL: 0x541e,
  TIOCSSERIAL: 0x541f,
  TIOCPKT: 0x5420,
  FIONBIO: 0x5421,
  TIOCNOTTY: 0x5422,
  TIOCSETD: 0x5423,
  TIOCGETD: 0x5424,
  TCSBRKP: 0x5425,
  TIOCSBRK: 0x5427,
  TIOCCBRK: 0x5428,
  TIOCGSID: 0x5429,
  TIOCGRS485: 0x542e,
  TIOCSRS485: 0x542f,
  TCGETX: 0x5432,
  TCSETX: 0x5433,
  TCSETXF: 0x5434,
  TCSETXW: 0x5435,
  TIOCVHANGUP: 0x5437,
  TIOCGPTPEER: 0x5441,
  FIONCLEX: 0x5450,
  FIOCLEX: 0x5451,
  FIOASYNC: 0x5452,
  TIOCSERCONFIG: 0x5453,
  TIOCSERGWILD: 0x5454,
  TIOCSERSWILD: 0x5455,
  TIOCGLCKTRMIOS: 0x5456,
  TIOCSLCKTRMIOS: 0x5457,
  TIOCSERGSTRUCT: 0x5458,
  TIOCSERGETLSR: 0x5459,
  TIOCSERGETMULTI: 0x545a,
  TIOCSERSETMULTI: 0x545b,
  TIOCMIWAIT: 0x545c,
  TIOCGICOUNT: 0x545d,
  FIOQSIZE: 0x5460,
  TIOCSPTLCK: 0x40045431,
  TIOCSIG: 0x40045436,
  TCSETS2: 0x402c542b,
  TCSETSW2: 0x402c542c,
  TCSETSF2: 0x402c542d,
  TIOCGPTN: 0x80045430,
  TIOCGDEV: 0x80045432,
  TIOCGPKT: 0x80045438,
  TIOCGPTLCK: 0x80045439,
  TIOCGEXCL: 0x80045440,
  TIOCGISO7816: 0x80285442,
  TCGETS2: 0x802c542a,
  TIOCSISO7816: 0xc0285443,
};

/**
 * TCXONC argument (value, unknown "TC???").
 */
export const TCXONC_ACTIONS = xlat(() => [
  [0, 'TCOOFF'],
  [1, 'TCOON'],
  [2, 'TCIOFF'],
  [3, 'TCION'],
]);

export const SCHEDULERS = xlat(() => [
  [0, 'SCHED_OTHER'], [1, 'SCHED_FIFO'], [2, 'SCHED_RR'], [3, 'SCHED_BATCH'], [4, 'SCHED_ISO'],
  [5, 'SCHED_IDLE'], [6, 'SCHED_DEADLINE'],
]);

export const SIGALTSTACK_FLAGS = xlat(() => [[1, 'SS_ONSTACK'], [2, 'SS_DISABLE'], [0x80000000, 'SS_AUTODISARM']]);

/** AUDIT_ARCH_* values for siginfo's si_arch (the ones a Linux tracee of ours can report). */
export const AUDIT_ARCHES = xlat(() => [
  [0xc00000b7, 'AUDIT_ARCH_AARCH64'], [0x40000028, 'AUDIT_ARCH_ARM'], [0x40000003, 'AUDIT_ARCH_I386'],
  [0xc000003e, 'AUDIT_ARCH_X86_64'], [0xc00000f3, 'AUDIT_ARCH_RISCV64'], [0x80000016, 'AUDIT_ARCH_S390X'],
  [0xc0000015, 'AUDIT_ARCH_PPC64LE'], [0x80000015, 'AUDIT_ARCH_PPC64'],
]);
