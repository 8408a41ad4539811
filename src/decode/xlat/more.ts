/**
 * Constant tables for the memory, process, signal, network and misc decoders that tables.ts does
 * not carry. Facts (names, values, order) from strace 6.1's xlat/*.in for x86_64. Values are the
 * 32-bit unsigned numbers strace compares with (its XLAT() casts to unsigned) unless noted.
 */
import { xlat, type Xlat } from './core.js';

/** Table of `[1 << i, names[i]]` for bit-indexed names (strace's `1<<CAP_CHOWN` style tables). */
const bits = (names: readonly string[], shift = 0): Xlat => xlat(names.map((n, i) => [1n << BigInt(i + shift), n] as const));
/** Table of `[i, names[i]]` (strace's #value_indexed tables). */
const indexed = (names: readonly string[], first = 0): Xlat => xlat(names.map((n, i) => [first + i, n] as const));

// ---------------------------------------------------------------- memory

export const MLOCKALL_FLAGS = xlat(() => [[1, 'MCL_CURRENT'], [2, 'MCL_FUTURE'], [4, 'MCL_ONFAULT']]);
export const MLOCK_FLAGS = xlat(() => [[1, 'MLOCK_ONFAULT']]);
export const PKEY_ACCESS = xlat(() => [[1, 'PKEY_DISABLE_ACCESS'], [2, 'PKEY_DISABLE_WRITE'], [4, 'PKEY_DISABLE_EXECUTE']]);

// ---------------------------------------------------------------- resources, scheduling

export const USAGE_WHO = xlat(() => [[0, 'RUSAGE_SELF'], [0xffffffff, 'RUSAGE_CHILDREN'], [0xfffffffe, 'RUSAGE_BOTH'], [1, 'RUSAGE_THREAD']]);
export const PRIORITY_WHICH = indexed(['PRIO_PROCESS', 'PRIO_PGRP', 'PRIO_USER']);
export const SCHEDULERS = xlat(() => [
  [0, 'SCHED_OTHER'], [1, 'SCHED_FIFO'], [2, 'SCHED_RR'], [3, 'SCHED_BATCH'], [4, 'SCHED_ISO'],
  [5, 'SCHED_IDLE'], [6, 'SCHED_DEADLINE'],
]);
/** personality(): the low byte (PER_MASK) is looked up here; the flags above it in PERSONALITY_FLAGS. */
export const PERSONALITY_TYPES = xlat(() => [
  [0, 'PER_LINUX'], [6, 'PER_BSD'], [8, 'PER_LINUX32'], [0xc, 'PER_RISCOS'], [0xf, 'PER_OSF4'],
  [0x10, 'PER_HPUX'], [0xff, 'PER_MASK'],
]);
export const PERSONALITY_FLAGS = xlat(() => [
  [0x0020000, 'UNAME26'], [0x0040000, 'ADDR_NO_RANDOMIZE'], [0x0080000, 'FDPIC_FUNCPTRS'],
  [0x0100000, 'MMAP_PAGE_ZERO'], [0x0200000, 'ADDR_COMPAT_LAYOUT'], [0x0400000, 'READ_IMPLIES_EXEC'],
  [0x0800000, 'ADDR_LIMIT_32BIT'], [0x1000000, 'SHORT_INODE'], [0x2000000, 'WHOLE_SECONDS'],
  [0x4000000, 'STICKY_TIMEOUTS'], [0x8000000, 'ADDR_LIMIT_3GB'],
]);

// ---------------------------------------------------------------- processes

export const PIDFD_OPEN_FLAGS = xlat(() => [[0x800, 'PIDFD_NONBLOCK']]);
/** clone3's flags beyond clone's (64-bit values), printed after CLONE_FLAGS. */
export const CLONE3_FLAGS = xlat(() => [[0x80n, 'CLONE_NEWTIME'], [0x100000000n, 'CLONE_CLEAR_SIGHAND'], [0x200000000n, 'CLONE_INTO_CGROUP']]);
export const PTRACE_EVENTS = xlat(() => [
  [1, 'PTRACE_EVENT_FORK'], [2, 'PTRACE_EVENT_VFORK'], [3, 'PTRACE_EVENT_CLONE'], [4, 'PTRACE_EVENT_EXEC'],
  [5, 'PTRACE_EVENT_VFORK_DONE'], [6, 'PTRACE_EVENT_EXIT'], [7, 'PTRACE_EVENT_SECCOMP'], [0x80, 'PTRACE_EVENT_STOP'],
]);

/** Capability names in number order (caps0.h then caps1.h). */
export const CAP_NAMES: readonly string[] = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER', 'CAP_FSETID', 'CAP_KILL',
  'CAP_SETGID', 'CAP_SETUID', 'CAP_SETPCAP', 'CAP_LINUX_IMMUTABLE', 'CAP_NET_BIND_SERVICE',
  'CAP_NET_BROADCAST', 'CAP_NET_ADMIN', 'CAP_NET_RAW', 'CAP_IPC_LOCK', 'CAP_IPC_OWNER', 'CAP_SYS_MODULE',
  'CAP_SYS_RAWIO', 'CAP_SYS_CHROOT', 'CAP_SYS_PTRACE', 'CAP_SYS_PACCT', 'CAP_SYS_ADMIN', 'CAP_SYS_BOOT',
  'CAP_SYS_NICE', 'CAP_SYS_RESOURCE', 'CAP_SYS_TIME', 'CAP_SYS_TTY_CONFIG', 'CAP_MKNOD', 'CAP_LEASE',
  'CAP_AUDIT_WRITE', 'CAP_AUDIT_CONTROL', 'CAP_SETFCAP', 'CAP_MAC_OVERRIDE', 'CAP_MAC_ADMIN', 'CAP_SYSLOG',
  'CAP_WAKE_ALARM', 'CAP_BLOCK_SUSPEND', 'CAP_AUDIT_READ', 'CAP_PERFMON', 'CAP_BPF', 'CAP_CHECKPOINT_RESTORE',
];
export const CAPS = indexed(CAP_NAMES);
/** capget/capset masks: `1<<CAP_CHOWN|…` (bits 0..31, then 32.. in the second word). */
export const CAP_MASK0 = bits(CAP_NAMES.slice(0, 32).map((n) => `1<<${n}`));
export const CAP_MASK1 = bits(CAP_NAMES.slice(32).map((n) => `1<<${n}`));
export const CAP_VERSIONS = xlat(() => [
  [0x19980330, '_LINUX_CAPABILITY_VERSION_1'], [0x20071026, '_LINUX_CAPABILITY_VERSION_2'],
  [0x20080522, '_LINUX_CAPABILITY_VERSION_3'],
]);

// ---------------------------------------------------------------- prctl, seccomp

export const PR_DUMPABLE = indexed(['SUID_DUMP_DISABLE', 'SUID_DUMP_USER', 'SUID_DUMP_ROOT']);
export const PR_SET_VMA = indexed(['PR_SET_VMA_ANON_NAME']);
export const PR_TSC = xlat(() => [[1, 'PR_TSC_ENABLE'], [2, 'PR_TSC_SIGSEGV']]);
export const PR_UNALIGN = xlat(() => [[1, 'PR_UNALIGN_NOPRINT'], [2, 'PR_UNALIGN_SIGBUS']]);
export const PR_CAP_AMBIENT = indexed(['PR_CAP_AMBIENT_IS_SET', 'PR_CAP_AMBIENT_RAISE', 'PR_CAP_AMBIENT_LOWER', 'PR_CAP_AMBIENT_CLEAR_ALL'], 1);
export const PR_MCE_KILL = indexed(['PR_MCE_KILL_CLEAR', 'PR_MCE_KILL_SET']);
export const PR_MCE_KILL_POLICY = indexed(['PR_MCE_KILL_LATE', 'PR_MCE_KILL_EARLY', 'PR_MCE_KILL_DEFAULT']);
export const PR_FP_MODE = xlat(() => [[1, 'PR_FP_MODE_FR'], [2, 'PR_FP_MODE_FRE']]);
export const PR_SET_MM = indexed([
  'PR_SET_MM_START_CODE', 'PR_SET_MM_END_CODE', 'PR_SET_MM_START_DATA', 'PR_SET_MM_END_DATA',
  'PR_SET_MM_START_STACK', 'PR_SET_MM_START_BRK', 'PR_SET_MM_BRK', 'PR_SET_MM_ARG_START', 'PR_SET_MM_ARG_END',
  'PR_SET_MM_ENV_START', 'PR_SET_MM_ENV_END', 'PR_SET_MM_AUXV', 'PR_SET_MM_EXE_FILE', 'PR_SET_MM_MAP',
  'PR_SET_MM_MAP_SIZE',
], 1);
export const PR_SPEC_CMDS = indexed(['PR_SPEC_STORE_BYPASS', 'PR_SPEC_INDIRECT_BRANCH', 'PR_SPEC_L1D_FLUSH']);
export const PR_SPEC_SET_FLAGS = xlat(() => [[2, 'PR_SPEC_ENABLE'], [4, 'PR_SPEC_DISABLE'], [8, 'PR_SPEC_FORCE_DISABLE'], [16, 'PR_SPEC_DISABLE_NOEXEC']]);
export const PR_SPEC_GET_FLAGS = xlat(() => [[0, 'PR_SPEC_NOT_AFFECTED'], [1, 'PR_SPEC_PRCTL'], ...PR_SPEC_SET_FLAGS.pairs]);
export const SECBITS = bits([
  'SECBIT_NOROOT', 'SECBIT_NOROOT_LOCKED', 'SECBIT_NO_SETUID_FIXUP', 'SECBIT_NO_SETUID_FIXUP_LOCKED',
  'SECBIT_KEEP_CAPS', 'SECBIT_KEEP_CAPS_LOCKED', 'SECBIT_NO_CAP_AMBIENT_RAISE', 'SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED',
]);
export const SECCOMP_MODES = indexed(['SECCOMP_MODE_DISABLED', 'SECCOMP_MODE_STRICT', 'SECCOMP_MODE_FILTER']);
export const SECCOMP_OPS = indexed(['SECCOMP_SET_MODE_STRICT', 'SECCOMP_SET_MODE_FILTER', 'SECCOMP_GET_ACTION_AVAIL', 'SECCOMP_GET_NOTIF_SIZES']);
export const SECCOMP_FILTER_FLAGS = bits([
  'SECCOMP_FILTER_FLAG_TSYNC', 'SECCOMP_FILTER_FLAG_LOG', 'SECCOMP_FILTER_FLAG_SPEC_ALLOW',
  'SECCOMP_FILTER_FLAG_NEW_LISTENER', 'SECCOMP_FILTER_FLAG_TSYNC_ESRCH', 'SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV',
]);
export const SECCOMP_RET_ACTIONS = xlat(() => [
  [0, 'SECCOMP_RET_KILL_THREAD'], [0x80000000, 'SECCOMP_RET_KILL_PROCESS'], [0x00030000, 'SECCOMP_RET_TRAP'],
  [0x00050000, 'SECCOMP_RET_ERRNO'], [0x7fc00000, 'SECCOMP_RET_USER_NOTIF'], [0x7ff00000, 'SECCOMP_RET_TRACE'],
  [0x7ffc0000, 'SECCOMP_RET_LOG'], [0x7fff0000, 'SECCOMP_RET_ALLOW'],
]);

// ---------------------------------------------------------------- futex

export const FUTEX_WAKE_OPS = indexed(['FUTEX_OP_SET', 'FUTEX_OP_ADD', 'FUTEX_OP_OR', 'FUTEX_OP_ANDN', 'FUTEX_OP_XOR']);
export const FUTEX_WAKE_CMPS = indexed(['FUTEX_OP_CMP_EQ', 'FUTEX_OP_CMP_NE', 'FUTEX_OP_CMP_LT', 'FUTEX_OP_CMP_LE', 'FUTEX_OP_CMP_GT', 'FUTEX_OP_CMP_GE']);

// ---------------------------------------------------------------- signals

export const SIGALTSTACK_FLAGS = xlat(() => [[1, 'SS_ONSTACK'], [2, 'SS_DISABLE'], [0x80000000, 'SS_AUTODISARM']]);
/** AUDIT_ARCH_* values for siginfo's si_arch (the ones a Linux tracee of ours can report). */
export const AUDIT_ARCHES = xlat(() => [
  [0xc00000b7, 'AUDIT_ARCH_AARCH64'], [0x40000028, 'AUDIT_ARCH_ARM'], [0x40000003, 'AUDIT_ARCH_I386'],
  [0xc000003e, 'AUDIT_ARCH_X86_64'], [0xc00000f3, 'AUDIT_ARCH_RISCV64'], [0x80000016, 'AUDIT_ARCH_S390X'],
  [0xc0000015, 'AUDIT_ARCH_PPC64LE'], [0x80000015, 'AUDIT_ARCH_PPC64'],
]);

// ---------------------------------------------------------------- sockets

export const NETLINK_PROTOCOLS = xlat(() => ([
  'NETLINK_ROUTE', 'NETLINK_UNUSED', 'NETLINK_USERSOCK', 'NETLINK_FIREWALL', 'NETLINK_SOCK_DIAG', 'NETLINK_NFLOG',
  'NETLINK_XFRM', 'NETLINK_SELINUX', 'NETLINK_ISCSI', 'NETLINK_AUDIT', 'NETLINK_FIB_LOOKUP', 'NETLINK_CONNECTOR',
  'NETLINK_NETFILTER', 'NETLINK_IP6_FW', 'NETLINK_DNRTMSG', 'NETLINK_KOBJECT_UEVENT', 'NETLINK_GENERIC', '',
  'NETLINK_SCSITRANSPORT', 'NETLINK_ECRYPTFS', 'NETLINK_RDMA', 'NETLINK_CRYPTO', 'NETLINK_SMC',
] as const).flatMap((n, i) => (n ? [[i, n] as const] : [])));
/** ethernet_protocols, the common part (AF_PACKET protocol, sll_protocol). */
export const ETHERNET_PROTOCOLS = xlat(() => [
  [0x0001, 'ETH_P_802_3'], [0x0002, 'ETH_P_AX25'], [0x0003, 'ETH_P_ALL'], [0x0004, 'ETH_P_802_2'],
  [0x0800, 'ETH_P_IP'], [0x0806, 'ETH_P_ARP'], [0x8035, 'ETH_P_RARP'], [0x8100, 'ETH_P_8021Q'],
  [0x86dd, 'ETH_P_IPV6'], [0x8847, 'ETH_P_MPLS_UC'], [0x888e, 'ETH_P_PAE'], [0x88cc, 'ETH_P_LLDP'],
]);
export const SCM_TYPES = xlat(() => [
  [1, 'SCM_RIGHTS'], [2, 'SCM_CREDENTIALS'], [3, 'SCM_SECURITY'], [41, 'SO_WIFI_STATUS'], [61, 'SO_TXTIME'],
  [29, 'SO_TIMESTAMP_OLD'], [35, 'SO_TIMESTAMPNS_OLD'], [37, 'SO_TIMESTAMPING_OLD'], [63, 'SO_TIMESTAMP_NEW'],
  [64, 'SO_TIMESTAMPNS_NEW'], [65, 'SO_TIMESTAMPING_NEW'], [0x36, 'SCM_TIMESTAMPING_OPT_STATS'],
  [0x3a, 'SCM_TIMESTAMPING_PKTINFO'],
]);
export const IP_CMSG_TYPES = xlat(() => [
  [1, 'IP_TOS'], [2, 'IP_TTL'], [6, 'IP_RECVOPTS'], [7, 'IP_RETOPTS'], [8, 'IP_PKTINFO'], [11, 'IP_RECVERR'],
  [20, 'IP_ORIGDSTADDR'], [23, 'IP_CHECKSUM'], [3, 'SCM_SECURITY'],
]);
export const SOL_IP_OPTIONS = xlat(() => [
  [1, 'IP_TOS'], [2, 'IP_TTL'], [3, 'IP_HDRINCL'], [4, 'IP_OPTIONS'], [5, 'IP_ROUTER_ALERT'], [6, 'IP_RECVOPTS'],
  [7, 'IP_RETOPTS'], [8, 'IP_PKTINFO'], [9, 'IP_PKTOPTIONS'], [10, 'IP_MTU_DISCOVER'], [11, 'IP_RECVERR'],
  [12, 'IP_RECVTTL'], [13, 'IP_RECVTOS'], [14, 'IP_MTU'], [15, 'IP_FREEBIND'], [16, 'IP_IPSEC_POLICY'],
  [17, 'IP_XFRM_POLICY'], [18, 'IP_PASSSEC'], [19, 'IP_TRANSPARENT'], [20, 'IP_ORIGDSTADDR'], [21, 'IP_MINTTL'],
  [22, 'IP_NODEFRAG'], [23, 'IP_CHECKSUM'], [24, 'IP_BIND_ADDRESS_NO_PORT'], [25, 'IP_RECVFRAGSIZE'],
  [26, 'IP_RECVERR_RFC4884'], [32, 'IP_MULTICAST_IF'], [33, 'IP_MULTICAST_TTL'], [34, 'IP_MULTICAST_LOOP'],
  [35, 'IP_ADD_MEMBERSHIP'], [36, 'IP_DROP_MEMBERSHIP'], [37, 'IP_UNBLOCK_SOURCE'], [38, 'IP_BLOCK_SOURCE'],
  [39, 'IP_ADD_SOURCE_MEMBERSHIP'], [40, 'IP_DROP_SOURCE_MEMBERSHIP'], [41, 'IP_MSFILTER'], [42, 'MCAST_JOIN_GROUP'],
  [43, 'MCAST_BLOCK_SOURCE'], [44, 'MCAST_UNBLOCK_SOURCE'], [45, 'MCAST_LEAVE_GROUP'], [46, 'MCAST_JOIN_SOURCE_GROUP'],
  [47, 'MCAST_LEAVE_SOURCE_GROUP'], [48, 'MCAST_MSFILTER'], [49, 'IP_MULTICAST_ALL'], [50, 'IP_UNICAST_IF'],
]);
/** getsockopt(SOL_IP)-only names (netfilter), after SOL_IP_OPTIONS. */
export const SOL_IP_GETSOCKOPT = xlat(() => [
  [96, 'ARPT_SO_GET_INFO'], [97, 'ARPT_SO_GET_ENTRIES'], [98, 'ARPT_SO_GET_REVISION_MATCH'], [99, 'ARPT_SO_GET_REVISION_TARGET'],
  [130, 'EBT_SO_GET_INFO'], [131, 'EBT_SO_GET_ENTRIES'], [132, 'EBT_SO_GET_INIT_INFO'], [133, 'EBT_SO_GET_INIT_ENTRIES'],
  [64, 'IPT_SO_GET_INFO'], [65, 'IPT_SO_GET_ENTRIES'], [66, 'IPT_SO_GET_REVISION_MATCH'], [67, 'IPT_SO_GET_REVISION_TARGET'],
  [0x480, 'IP_VS_SO_GET_VERSION'], [0x481, 'IP_VS_SO_GET_INFO'], [0x482, 'IP_VS_SO_GET_SERVICES'],
  [0x483, 'IP_VS_SO_GET_SERVICE'], [0x484, 'IP_VS_SO_GET_DESTS'], [0x485, 'IP_VS_SO_GET_DEST'],
  [0x486, 'IP_VS_SO_GET_TIMEOUT'], [0x487, 'IP_VS_SO_GET_DAEMON'],
]);
export const SOL_IP_SETSOCKOPT = xlat(() => [
  [96, 'ARPT_SO_SET_REPLACE'], [97, 'ARPT_SO_SET_ADD_COUNTERS'], [128, 'EBT_SO_SET_ENTRIES'], [129, 'EBT_SO_SET_COUNTERS'],
  ...['NONE', 'INSERT', 'ADD', 'EDIT', 'DEL', 'FLUSH', 'LIST', 'ADDDEST', 'DELDEST', 'EDITDEST', 'TIMEOUT',
    'STARTDAEMON', 'STOPDAEMON', 'RESTORE', 'SAVE', 'ZERO'].map((n, i) => [0x480 + i, `IP_VS_SO_SET_${n}`] as const),
  [64, 'IPT_SO_SET_REPLACE'], [65, 'IPT_SO_SET_ADD_COUNTERS'],
]);
export const SOL_IPV6_OPTIONS = xlat(() => [
  [1, 'IPV6_ADDRFORM'], [2, 'IPV6_2292PKTINFO'], [3, 'IPV6_2292HOPOPTS'], [4, 'IPV6_2292DSTOPTS'], [5, 'IPV6_2292RTHDR'],
  [6, 'IPV6_2292PKTOPTIONS'], [7, 'IPV6_CHECKSUM'], [8, 'IPV6_2292HOPLIMIT'], [9, 'IPV6_NEXTHOP'], [10, 'IPV6_AUTHHDR'],
  [11, 'IPV6_FLOWINFO'], [16, 'IPV6_UNICAST_HOPS'], [17, 'IPV6_MULTICAST_IF'], [18, 'IPV6_MULTICAST_HOPS'],
  [19, 'IPV6_MULTICAST_LOOP'], [20, 'IPV6_ADD_MEMBERSHIP'], [21, 'IPV6_DROP_MEMBERSHIP'], [22, 'IPV6_ROUTER_ALERT'],
  [23, 'IPV6_MTU_DISCOVER'], [24, 'IPV6_MTU'], [25, 'IPV6_RECVERR'], [26, 'IPV6_V6ONLY'], [27, 'IPV6_JOIN_ANYCAST'],
  [28, 'IPV6_LEAVE_ANYCAST'], [29, 'IPV6_MULTICAST_ALL'], [30, 'IPV6_ROUTER_ALERT_ISOLATE'], [31, 'IPV6_RECVERR_RFC4884'],
  [32, 'IPV6_FLOWLABEL_MGR'], [33, 'IPV6_FLOWINFO_SEND'], [34, 'IPV6_IPSEC_POLICY'], [35, 'IPV6_XFRM_POLICY'],
  [36, 'IPV6_HDRINCL'], [42, 'MCAST_JOIN_GROUP'], [43, 'MCAST_BLOCK_SOURCE'], [44, 'MCAST_UNBLOCK_SOURCE'],
  [45, 'MCAST_LEAVE_GROUP'], [46, 'MCAST_JOIN_SOURCE_GROUP'], [47, 'MCAST_LEAVE_SOURCE_GROUP'], [48, 'MCAST_MSFILTER'],
  [49, 'IPV6_RECVPKTINFO'], [50, 'IPV6_PKTINFO'], [51, 'IPV6_RECVHOPLIMIT'], [52, 'IPV6_HOPLIMIT'],
  [53, 'IPV6_RECVHOPOPTS'], [54, 'IPV6_HOPOPTS'], [55, 'IPV6_RTHDRDSTOPTS'], [56, 'IPV6_RECVRTHDR'], [57, 'IPV6_RTHDR'],
  [58, 'IPV6_RECVDSTOPTS'], [59, 'IPV6_DSTOPTS'], [60, 'IPV6_RECVPATHMTU'], [61, 'IPV6_PATHMTU'], [62, 'IPV6_DONTFRAG'],
  [63, 'IPV6_USE_MIN_MTU'], [66, 'IPV6_RECVTCLASS'], [67, 'IPV6_TCLASS'], [70, 'IPV6_AUTOFLOWLABEL'],
  [72, 'IPV6_ADDR_PREFERENCES'], [73, 'IPV6_MINHOPCOUNT'], [74, 'IPV6_ORIGDSTADDR'], [75, 'IPV6_TRANSPARENT'],
  [76, 'IPV6_UNICAST_IF'], [77, 'IPV6_RECVFRAGSIZE'], [78, 'IPV6_FREEBIND'],
]);
export const SOL_IPV6_GETSOCKOPT = xlat(() => [
  [64, 'IP6T_SO_GET_INFO'], [65, 'IP6T_SO_GET_ENTRIES'], [68, 'IP6T_SO_GET_REVISION_MATCH'], [69, 'IP6T_SO_GET_REVISION_TARGET'],
]);
export const SOL_IPV6_SETSOCKOPT = xlat(() => [[64, 'IP6T_SO_SET_REPLACE'], [65, 'IP6T_SO_SET_ADD_COUNTERS']]);
export const SOL_UDP_OPTIONS = xlat(() => [
  [1, 'UDP_CORK'], [100, 'UDP_ENCAP'], [101, 'UDP_NO_CHECK6_TX'], [102, 'UDP_NO_CHECK6_RX'], [103, 'UDP_SEGMENT'], [104, 'UDP_GRO'],
]);
export const SOL_NETLINK_OPTIONS = indexed([
  'NETLINK_ADD_MEMBERSHIP', 'NETLINK_DROP_MEMBERSHIP', 'NETLINK_PKTINFO', 'NETLINK_BROADCAST_ERROR',
  'NETLINK_NO_ENOBUFS', 'NETLINK_RX_RING', 'NETLINK_TX_RING', 'NETLINK_LISTEN_ALL_NSID', 'NETLINK_LIST_MEMBERSHIPS',
  'NETLINK_CAP_ACK', 'NETLINK_EXT_ACK', 'NETLINK_GET_STRICT_CHK',
], 1);
export const SOL_RAW_OPTIONS = xlat(() => [[1, 'ICMP_FILTER']]);
export const SOCK_TXREHASH_VALUES = xlat(() => [[0, 'SOCK_TXREHASH_DISABLED'], [1, 'SOCK_TXREHASH_ENABLED'], [255, 'SOCK_TXREHASH_DEFAULT']]);
