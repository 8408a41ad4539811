/** Constant tables of the mem family: System V IPC, POSIX message queues, NUMA memory policy. */
import { xlat } from './core.js';

// ---------------------------------------------------------------- System V IPC

/** The key argument of shmget/semget/msgget. */
export const IPC_PRIVATE = xlat(() => [[0, 'IPC_PRIVATE']]);
/** The flag strace prints before a *ctl command issued with the 64-bit structures. */
export const IPC_64 = 0x100n;
/** semget/msgget flags above the mode bits. */
export const IPC_RESOURCE_FLAGS = xlat(() => [[0o1000, 'IPC_CREAT'], [0o2000, 'IPC_EXCL'], [0o4000, 'IPC_NOWAIT']]);
/** shmget flags above the mode bits (the MAP_HUGE-like size field is handled apart). */
export const SHM_RESOURCE_FLAGS = xlat(() => [
  [0o1000, 'IPC_CREAT'], [0o2000, 'IPC_EXCL'], [0o4000, 'SHM_HUGETLB'], [0o10000, 'SHM_NORESERVE'],
]);
export const SHM_HUGE_SHIFT = 26n;
export const SHM_HUGE_MASK = 0x3fn;
/** shmat flags. */
export const SHM_FLAGS = xlat(() => [[0o10000, 'SHM_RDONLY'], [0o20000, 'SHM_RND'], [0o40000, 'SHM_REMAP'], [0o100000, 'SHM_EXEC']]);
const IPC_CMDS: [number, string][] = [[0, 'IPC_RMID'], [1, 'IPC_SET'], [2, 'IPC_STAT'], [3, 'IPC_INFO']];
export const SHMCTL_CMDS = xlat(() => [
  ...IPC_CMDS, [11, 'SHM_LOCK'], [12, 'SHM_UNLOCK'], [13, 'SHM_STAT'], [14, 'SHM_INFO'], [15, 'SHM_STAT_ANY'],
]);
export const SEMCTL_CMDS = xlat(() => [
  ...IPC_CMDS, [11, 'GETPID'], [12, 'GETVAL'], [13, 'GETALL'], [14, 'GETNCNT'], [15, 'GETZCNT'], [16, 'SETVAL'],
  [17, 'SETALL'], [18, 'SEM_STAT'], [19, 'SEM_INFO'], [20, 'SEM_STAT_ANY'],
]);
export const MSGCTL_CMDS = xlat(() => [...IPC_CMDS, [11, 'MSG_STAT'], [12, 'MSG_INFO'], [13, 'MSG_STAT_ANY']]);
/** msgsnd/msgrcv flags. */
export const IPC_MSG_FLAGS = xlat(() => [[0o10000, 'MSG_NOERROR'], [0o20000, 'MSG_EXCEPT'], [0o40000, 'MSG_COPY'], [0o4000, 'IPC_NOWAIT']]);
/** struct sembuf's sem_flg. */
export const SEMOP_FLAGS = xlat(() => [[0x1000, 'SEM_UNDO'], [0o4000, 'IPC_NOWAIT']]);

// ---------------------------------------------------------------- POSIX message queues

/** struct mq_attr's mq_flags (as mq_getsetattr prints it). */
export const MQ_ATTR_FLAGS = xlat(() => [[0o4000, 'O_NONBLOCK']]);

// ---------------------------------------------------------------- NUMA

export const MPOL_MODES = xlat(() => [
  [0, 'MPOL_DEFAULT'], [1, 'MPOL_PREFERRED'], [2, 'MPOL_BIND'], [3, 'MPOL_INTERLEAVE'], [4, 'MPOL_LOCAL'],
  [5, 'MPOL_PREFERRED_MANY'],
]);
export const MPOL_MODE_FLAGS = xlat(() => [[1 << 15, 'MPOL_F_STATIC_NODES'], [1 << 14, 'MPOL_F_RELATIVE_NODES'], [1 << 13, 'MPOL_F_NUMA_BALANCING']]);
export const MPOL_MODE_FLAGS_MASK = 0xe000n;
export const MBIND_FLAGS = xlat(() => [[1, 'MPOL_MF_STRICT'], [2, 'MPOL_MF_MOVE'], [4, 'MPOL_MF_MOVE_ALL']]);
export const GET_MEMPOLICY_FLAGS = xlat(() => [[1, 'MPOL_F_NODE'], [2, 'MPOL_F_ADDR'], [4, 'MPOL_F_MEMS_ALLOWED']]);
export const MOVE_PAGES_FLAGS = xlat(() => [[2, 'MPOL_MF_MOVE'], [4, 'MPOL_MF_MOVE_ALL']]);

// ---------------------------------------------------------------- fd-returning memory calls

export const UFFD_FLAGS = xlat(() => [[1, 'UFFD_USER_MODE_ONLY'], [0o4000, 'O_NONBLOCK'], [0o2000000, 'O_CLOEXEC']]);
export const MEMFD_SECRET_FLAGS = xlat(() => [[0o2000000, 'O_CLOEXEC']]);

export const MLOCKALL_FLAGS = xlat(() => [[1, 'MCL_CURRENT'], [2, 'MCL_FUTURE'], [4, 'MCL_ONFAULT']]);

export const MLOCK_FLAGS = xlat(() => [[1, 'MLOCK_ONFAULT']]);

export const PKEY_ACCESS = xlat(() => [[1, 'PKEY_DISABLE_ACCESS'], [2, 'PKEY_DISABLE_WRITE'], [4, 'PKEY_DISABLE_EXECUTE']]);

/**
 * mmap/mprotect/pkey_mprotect prot (flags, unknown "PROT_???"); 0 prints `PROT_NONE`.
 * PROT_SAO and PROT_ADI exist only on other architectures.
 */
export const MMAP_PROT = xlat(() => [
  [0x0, 'PROT_NONE'],
  [0x1, 'PROT_READ'],
  [0x2, 'PROT_WRITE'],
  [0x4, 'PROT_EXEC'],
  [0x8, 'PROT_SEM'],
  [0x1000000, 'PROT_GROWSDOWN'],
  [0x2000000, 'PROT_GROWSUP'],
]);

/**
 * mmap flags, part 1: the mapping type, `flags & MAP_TYPE_MASK` (value). strace looks this up in
 * its whole mmap flags table, so 0 prints `MAP_FILE`; values 4..15 print as `0x7 /* MAP_??? *\/`.
 */
export const MMAP_TYPE = xlat(() => [
  [0x1, 'MAP_SHARED'],
  [0x2, 'MAP_PRIVATE'],
  [0x3, 'MAP_SHARED_VALIDATE'],
  [0x0, 'MAP_FILE'],
]);

/**
 * mmap flags, part 2: the bits outside MAP_TYPE_MASK and the MAP_HUGE field (flags, no default),
 * appended as `|NAME|...` only if nonzero. Part 3: a nonzero `(flags >> MAP_HUGE_SHIFT) & MAP_HUGE_MASK`
 * is appended as `|21<<MAP_HUGE_SHIFT`. So `MAP_PRIVATE|MAP_ANONYMOUS`, `MAP_FILE`,
 * `0x7 /* MAP_??? *\/|MAP_ANONYMOUS`. MAP_UNINITIALIZED (1<<26) lies inside the MAP_HUGE field,
 * so strace never prints it: the bit shows up in the `N<<MAP_HUGE_SHIFT` number.
 */
export const MMAP_FLAGS = xlat(() => [
  [0x10, 'MAP_FIXED'],
  [0x20, 'MAP_ANONYMOUS'],
  [0x40, 'MAP_32BIT'],
  [0x4000, 'MAP_NORESERVE'],
  [0x8000, 'MAP_POPULATE'],
  [0x10000, 'MAP_NONBLOCK'],
  [0x100, 'MAP_GROWSDOWN'],
  [0x800, 'MAP_DENYWRITE'],
  [0x1000, 'MAP_EXECUTABLE'],
  [0x2000, 'MAP_LOCKED'],
  [0x20000, 'MAP_STACK'],
  [0x40000, 'MAP_HUGETLB'],
  [0x80000, 'MAP_SYNC'],
  [0x4000000, 'MAP_UNINITIALIZED'],
  [0x100000, 'MAP_FIXED_NOREPLACE'],
]);

/**
 * madvise/process_madvise advice (value, unknown "MADV_???").
 */
export const MADVISE_ADVICE = xlat(() => [
  [0, 'MADV_NORMAL'],
  [1, 'MADV_RANDOM'],
  [2, 'MADV_SEQUENTIAL'],
  [3, 'MADV_WILLNEED'],
  [4, 'MADV_DONTNEED'],
  [8, 'MADV_FREE'],
  [9, 'MADV_REMOVE'],
  [10, 'MADV_DONTFORK'],
  [11, 'MADV_DOFORK'],
  [12, 'MADV_MERGEABLE'],
  [13, 'MADV_UNMERGEABLE'],
  [14, 'MADV_HUGEPAGE'],
  [15, 'MADV_NOHUGEPAGE'],
  [16, 'MADV_DONTDUMP'],
  [17, 'MADV_DODUMP'],
  [18, 'MADV_WIPEONFORK'],
  [19, 'MADV_KEEPONFORK'],
  [20, 'MADV_COLD'],
  [21, 'MADV_PAGEOUT'],
  [22, 'MADV_POPULATE_READ'],
  [23, 'MADV_POPULATE_WRITE'],
  [24, 'MADV_DONTNEED_LOCKED'],
  [25, 'MADV_COLLAPSE'],
  [100, 'MADV_HWPOISON'],
  [101, 'MADV_SOFT_OFFLINE'],
]);

/**
 * mremap flags (flags, unknown "MREMAP_???").
 */
export const MREMAP_FLAGS = xlat(() => [
  [0x1, 'MREMAP_MAYMOVE'],
  [0x2, 'MREMAP_FIXED'],
  [0x4, 'MREMAP_DONTUNMAP'],
]);

/**
 * msync flags (flags, unknown "MS_???"); MS_SYNC is listed first, as in strace.
 */
export const MSYNC_FLAGS = xlat(() => [
  [0x4, 'MS_SYNC'],
  [0x1, 'MS_ASYNC'],
  [0x2, 'MS_INVALIDATE'],
]);
