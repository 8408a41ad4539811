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
