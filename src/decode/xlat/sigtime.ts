/** Constant tables of the sigtime family (signals, time, timers, system info). */
import { indexed, xlat } from './core.js';

/** struct timex modes (adjtimex_modes); multi-bit entries first, as strace matches them. */
export const ADJTIMEX_MODES = xlat(() => [
  [0xa001, 'ADJ_OFFSET_SS_READ'], [0x8001, 'ADJ_OFFSET_SINGLESHOT'], [0x0001, 'ADJ_OFFSET'], [0x0002, 'ADJ_FREQUENCY'],
  [0x0004, 'ADJ_MAXERROR'], [0x0008, 'ADJ_ESTERROR'], [0x0010, 'ADJ_STATUS'], [0x0020, 'ADJ_TIMECONST'],
  [0x0080, 'ADJ_TAI'], [0x0100, 'ADJ_SETOFFSET'], [0x1000, 'ADJ_MICRO'], [0x2000, 'ADJ_NANO'], [0x4000, 'ADJ_TICK'],
]);

/** struct timex status bits (adjtimex_status). */
export const ADJTIMEX_STATUS = xlat(() => [
  [0x0001, 'STA_PLL'], [0x0002, 'STA_PPSFREQ'], [0x0004, 'STA_PPSTIME'], [0x0008, 'STA_FLL'], [0x0010, 'STA_INS'],
  [0x0020, 'STA_DEL'], [0x0040, 'STA_UNSYNC'], [0x0080, 'STA_FREQHOLD'], [0x0100, 'STA_PPSSIGNAL'],
  [0x0200, 'STA_PPSJITTER'], [0x0400, 'STA_PPSWANDER'], [0x0800, 'STA_PPSERROR'], [0x1000, 'STA_CLOCKERR'],
  [0x2000, 'STA_NANO'], [0x4000, 'STA_MODE'], [0x8000, 'STA_CLK'],
]);

/** adjtimex's return value: the clock state (adjtimex_state). */
export const ADJTIMEX_STATE = xlat(() => [
  [0, 'TIME_OK'], [1, 'TIME_INS'], [2, 'TIME_DEL'], [3, 'TIME_OOP'], [4, 'TIME_WAIT'], [5, 'TIME_ERROR'],
]);

/** syslog(2) actions (syslog_action_type). */
export const SYSLOG_ACTIONS = xlat(() => [
  [0, 'SYSLOG_ACTION_CLOSE'], [1, 'SYSLOG_ACTION_OPEN'], [2, 'SYSLOG_ACTION_READ'], [3, 'SYSLOG_ACTION_READ_ALL'],
  [4, 'SYSLOG_ACTION_READ_CLEAR'], [5, 'SYSLOG_ACTION_CLEAR'], [6, 'SYSLOG_ACTION_CONSOLE_OFF'],
  [7, 'SYSLOG_ACTION_CONSOLE_ON'], [8, 'SYSLOG_ACTION_CONSOLE_LEVEL'], [9, 'SYSLOG_ACTION_SIZE_UNREAD'],
  [10, 'SYSLOG_ACTION_SIZE_BUFFER'],
]);

/** The console log levels syslog's SYSLOG_ACTION_CONSOLE_LEVEL takes (syslog_console_levels). */
export const SYSLOG_CONSOLE_LEVELS = xlat(() => [
  [0, 'LOGLEVEL_EMERG'], [1, 'LOGLEVEL_ALERT'], [2, 'LOGLEVEL_CRIT'], [3, 'LOGLEVEL_ERR'], [4, 'LOGLEVEL_WARNING'],
  [5, 'LOGLEVEL_NOTICE'], [6, 'LOGLEVEL_INFO'], [7, 'LOGLEVEL_DEBUG'], [8, 'LOGLEVEL_DEBUG+1'],
]);

/**
 * i386 syscall names by number (from the kernel's asm/unistd_32.h; `-` marks an unassigned
 * number), for a SIGSYS siginfo whose si_arch is AUDIT_ARCH_I386: strace prints `39 /* mkdir *\/`.
 */
export const I386_SYSCALL_NAMES: readonly string[] = (
  'restart_syscall exit fork read write open close waitpid creat link unlink execve chdir time mknod  ' +
  'chmod lchown break oldstat lseek getpid mount umount setuid getuid stime ptrace alarm oldfstat  ' +
  'pause utime stty gtty access nice ftime sync kill rename mkdir rmdir dup pipe times prof brk setgid  ' +
  'getgid signal geteuid getegid acct umount2 lock ioctl fcntl mpx setpgid ulimit oldolduname umask  ' +
  'chroot ustat dup2 getppid getpgrp setsid sigaction sgetmask ssetmask setreuid setregid sigsuspend  ' +
  'sigpending sethostname setrlimit getrlimit getrusage gettimeofday settimeofday getgroups setgroups  ' +
  'select symlink oldlstat readlink uselib swapon reboot readdir mmap munmap truncate ftruncate fchmod  ' +
  'fchown getpriority setpriority profil statfs fstatfs ioperm socketcall syslog setitimer getitimer  ' +
  'stat lstat fstat olduname iopl vhangup idle vm86old wait4 swapoff sysinfo ipc fsync sigreturn clone  ' +
  'setdomainname uname modify_ldt adjtimex mprotect sigprocmask create_module init_module  ' +
  'delete_module get_kernel_syms quotactl getpgid fchdir bdflush sysfs personality afs_syscall  ' +
  'setfsuid setfsgid _llseek getdents _newselect flock msync readv writev getsid fdatasync _sysctl  ' +
  'mlock munlock mlockall munlockall sched_setparam sched_getparam sched_setscheduler  ' +
  'sched_getscheduler sched_yield sched_get_priority_max sched_get_priority_min sched_rr_get_interval  ' +
  'nanosleep mremap setresuid getresuid vm86 query_module poll nfsservctl setresgid getresgid prctl  ' +
  'rt_sigreturn rt_sigaction rt_sigprocmask rt_sigpending rt_sigtimedwait rt_sigqueueinfo  ' +
  'rt_sigsuspend pread64 pwrite64 chown getcwd capget capset sigaltstack sendfile getpmsg putpmsg  ' +
  'vfork ugetrlimit mmap2 truncate64 ftruncate64 stat64 lstat64 fstat64 lchown32 getuid32 getgid32  ' +
  'geteuid32 getegid32 setreuid32 setregid32 getgroups32 setgroups32 fchown32 setresuid32 getresuid32  ' +
  'setresgid32 getresgid32 chown32 setuid32 setgid32 setfsuid32 setfsgid32 pivot_root mincore madvise  ' +
  'getdents64 fcntl64 - - gettid readahead setxattr lsetxattr fsetxattr getxattr lgetxattr fgetxattr  ' +
  'listxattr llistxattr flistxattr removexattr lremovexattr fremovexattr tkill sendfile64 futex  ' +
  'sched_setaffinity sched_getaffinity set_thread_area get_thread_area io_setup io_destroy  ' +
  'io_getevents io_submit io_cancel fadvise64 - exit_group lookup_dcookie epoll_create epoll_ctl  ' +
  'epoll_wait remap_file_pages set_tid_address timer_create timer_settime timer_gettime  ' +
  'timer_getoverrun timer_delete clock_settime clock_gettime clock_getres clock_nanosleep statfs64  ' +
  'fstatfs64 tgkill utimes fadvise64_64 vserver mbind get_mempolicy set_mempolicy mq_open mq_unlink  ' +
  'mq_timedsend mq_timedreceive mq_notify mq_getsetattr kexec_load waitid - add_key request_key keyctl  ' +
  'ioprio_set ioprio_get inotify_init inotify_add_watch inotify_rm_watch migrate_pages openat mkdirat  ' +
  'mknodat fchownat futimesat fstatat64 unlinkat renameat linkat symlinkat readlinkat fchmodat  ' +
  'faccessat pselect6 ppoll unshare set_robust_list get_robust_list splice sync_file_range tee  ' +
  'vmsplice move_pages getcpu epoll_pwait utimensat signalfd timerfd_create eventfd fallocate  ' +
  'timerfd_settime timerfd_gettime signalfd4 eventfd2 epoll_create1 dup3 pipe2 inotify_init1 preadv  ' +
  'pwritev rt_tgsigqueueinfo perf_event_open recvmmsg fanotify_init fanotify_mark prlimit64  ' +
  'name_to_handle_at open_by_handle_at clock_adjtime syncfs sendmmsg setns process_vm_readv  ' +
  'process_vm_writev kcmp finit_module sched_setattr sched_getattr renameat2 seccomp getrandom  ' +
  'memfd_create bpf execveat socket socketpair bind connect listen accept4 getsockopt setsockopt  ' +
  'getsockname getpeername sendto sendmsg recvfrom recvmsg shutdown userfaultfd membarrier mlock2  ' +
  'copy_file_range preadv2 pwritev2 pkey_mprotect pkey_alloc pkey_free statx arch_prctl io_pgetevents  ' +
  'rseq - - - - - - semget semctl shmget shmctl shmat shmdt msgget msgsnd msgrcv msgctl  ' +
  'clock_gettime64 clock_settime64 clock_adjtime64 clock_getres_time64 clock_nanosleep_time64  ' +
  'timer_gettime64 timer_settime64 timerfd_gettime64 timerfd_settime64 utimensat_time64  ' +
  'pselect6_time64 ppoll_time64 - io_pgetevents_time64 recvmmsg_time64 mq_timedsend_time64  ' +
  'mq_timedreceive_time64 semtimedop_time64 rt_sigtimedwait_time64 futex_time64  ' +
  'sched_rr_get_interval_time64 pidfd_send_signal io_uring_setup io_uring_enter io_uring_register  ' +
  'open_tree move_mount fsopen fsconfig fsmount fspick pidfd_open clone3 close_range openat2  ' +
  'pidfd_getfd faccessat2 process_madvise epoll_pwait2 mount_setattr quotactl_fd  ' +
  'landlock_create_ruleset landlock_add_rule landlock_restrict_self memfd_secret process_mrelease  ' +
  'futex_waitv set_mempolicy_home_node '
).trim().split(/ +/);

export const USAGE_WHO = xlat(() => [[0, 'RUSAGE_SELF'], [0xffffffff, 'RUSAGE_CHILDREN'], [0xfffffffe, 'RUSAGE_BOTH'], [1, 'RUSAGE_THREAD']]);

export const PRIORITY_WHICH = indexed(['PRIO_PROCESS', 'PRIO_PGRP', 'PRIO_USER']);

/** personality(): the low byte (PER_MASK) is looked up here; the flags above it in PERSONALITY_FLAGS. */
export const PERSONALITY_TYPES = xlat(() => [
  [0, 'PER_LINUX'], [6, 'PER_BSD'], [8, 'PER_LINUX32'], [0xc, 'PER_RISCOS'], [0xf, 'PER_OSF4'],
  [0x10, 'PER_HPUX'], [0xff, 'PER_MASK'],
]);

export const FUTEX_WAKE_OPS = indexed(['FUTEX_OP_SET', 'FUTEX_OP_ADD', 'FUTEX_OP_OR', 'FUTEX_OP_ANDN', 'FUTEX_OP_XOR']);

export const FUTEX_WAKE_CMPS = indexed(['FUTEX_OP_CMP_EQ', 'FUTEX_OP_CMP_NE', 'FUTEX_OP_CMP_LT', 'FUTEX_OP_CMP_LE', 'FUTEX_OP_CMP_GT', 'FUTEX_OP_CMP_GE']);

/**
 * getrlimit/setrlimit/prlimit64 resource (value, unknown "RLIMIT_???"); x86_64 numbering.
 */
export const RESOURCES = xlat(() => [
  [0, 'RLIMIT_CPU'],
  [1, 'RLIMIT_FSIZE'],
  [2, 'RLIMIT_DATA'],
  [3, 'RLIMIT_STACK'],
  [4, 'RLIMIT_CORE'],
  [5, 'RLIMIT_RSS'],
  [6, 'RLIMIT_NPROC'],
  [7, 'RLIMIT_NOFILE'],
  [8, 'RLIMIT_MEMLOCK'],
  [9, 'RLIMIT_AS'],
  [10, 'RLIMIT_LOCKS'],
  [11, 'RLIMIT_SIGPENDING'],
  [12, 'RLIMIT_MSGQUEUE'],
  [13, 'RLIMIT_NICE'],
  [14, 'RLIMIT_RTPRIO'],
  [15, 'RLIMIT_RTTIME'],
]);

/**
 * getrandom flags (flags, unknown "GRND_???").
 */
export const GETRANDOM_FLAGS = xlat(() => [
  [0x1, 'GRND_NONBLOCK'],
  [0x2, 'GRND_RANDOM'],
  [0x4, 'GRND_INSECURE'],
]);

/**
 * futex op (value, unknown "FUTEX_???"), looked up as the whole op word. strace names each command
 * with FUTEX_PRIVATE_FLAG (128) as *_PRIVATE, and six WAIT-type ops with FUTEX_CLOCK_REALTIME (256)
 * as `NAME|FUTEX_CLOCK_REALTIME`; any other combination (e.g. FUTEX_WAKE|FUTEX_CLOCK_REALTIME)
 * prints as hex: `0x101 /* FUTEX_??? *\/`. The command that decides the remaining arguments is
 * `op & 127`.
 */
export const FUTEX_OPS = xlat(() => [
  [0x0, 'FUTEX_WAIT'],
  [0x1, 'FUTEX_WAKE'],
  [0x2, 'FUTEX_FD'],
  [0x3, 'FUTEX_REQUEUE'],
  [0x4, 'FUTEX_CMP_REQUEUE'],
  [0x5, 'FUTEX_WAKE_OP'],
  [0x6, 'FUTEX_LOCK_PI'],
  [0x7, 'FUTEX_UNLOCK_PI'],
  [0x8, 'FUTEX_TRYLOCK_PI'],
  [0x9, 'FUTEX_WAIT_BITSET'],
  [0xa, 'FUTEX_WAKE_BITSET'],
  [0xb, 'FUTEX_WAIT_REQUEUE_PI'],
  [0xc, 'FUTEX_CMP_REQUEUE_PI'],
  [0xd, 'FUTEX_LOCK_PI2'],
  [0x80, 'FUTEX_WAIT_PRIVATE'],
  [0x81, 'FUTEX_WAKE_PRIVATE'],
  [0x82, 'FUTEX_FD|FUTEX_PRIVATE_FLAG'],
  [0x83, 'FUTEX_REQUEUE_PRIVATE'],
  [0x84, 'FUTEX_CMP_REQUEUE_PRIVATE'],
  [0x85, 'FUTEX_WAKE_OP_PRIVATE'],
  [0x86, 'FUTEX_LOCK_PI_PRIVATE'],
  [0x87, 'FUTEX_UNLOCK_PI_PRIVATE'],
  [0x88, 'FUTEX_TRYLOCK_PI_PRIVATE'],
  [0x89, 'FUTEX_WAIT_BITSET_PRIVATE'],
  [0x8a, 'FUTEX_WAKE_BITSET_PRIVATE'],
  [0x8b, 'FUTEX_WAIT_REQUEUE_PI_PRIVATE'],
  [0x8c, 'FUTEX_CMP_REQUEUE_PI_PRIVATE'],
  [0x8d, 'FUTEX_LOCK_PI2_PRIVATE'],
  [0x100, 'FUTEX_WAIT|FUTEX_CLOCK_REALTIME'],
  [0x180, 'FUTEX_WAIT_PRIVATE|FUTEX_CLOCK_REALTIME'],
  [0x109, 'FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME'],
  [0x189, 'FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME'],
  [0x10b, 'FUTEX_WAIT_REQUEUE_PI|FUTEX_CLOCK_REALTIME'],
  [0x18b, 'FUTEX_WAIT_REQUEUE_PI_PRIVATE|FUTEX_CLOCK_REALTIME'],
]);

/**
 * futex val3 for FUTEX_WAIT_BITSET/FUTEX_WAKE_BITSET (value, no default: unknown prints as hex).
 */
export const FUTEX_BITSET = xlat(() => [
  [0xffffffff, 'FUTEX_BITSET_MATCH_ANY'],
]);

/**
 * clock_nanosleep/timer_settime flags (flags, unknown "TIMER_???").
 */
export const TIMER_FLAGS = xlat(() => [
  [0x1, 'TIMER_ABSTIME'],
]);

/**
 * timerfd_create and timerfd_settime flags (flags, unknown "TFD_???").
 */
export const TFD_FLAGS = xlat(() => [
  [0x1, 'TFD_TIMER_ABSTIME'],
  [0x2, 'TFD_TIMER_CANCEL_ON_SET'],
  [0x80000, 'TFD_CLOEXEC'],
  [0x800, 'TFD_NONBLOCK'],
]);

/**
 * getitimer/setitimer which (value, unknown "ITIMER_???").
 */
export const ITIMER_WHICH = xlat(() => [
  [0, 'ITIMER_REAL'],
  [1, 'ITIMER_VIRTUAL'],
  [2, 'ITIMER_PROF'],
]);

/**
 * membarrier cmd (value, unknown "MEMBARRIER_CMD_???"); the QUERY result prints as these flags.
 */
export const MEMBARRIER_CMDS = xlat(() => [
  [0x0, 'MEMBARRIER_CMD_QUERY'],
  [0x1, 'MEMBARRIER_CMD_GLOBAL'],
  [0x2, 'MEMBARRIER_CMD_GLOBAL_EXPEDITED'],
  [0x4, 'MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED'],
  [0x8, 'MEMBARRIER_CMD_PRIVATE_EXPEDITED'],
  [0x10, 'MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED'],
  [0x20, 'MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE'],
  [0x40, 'MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE'],
  [0x80, 'MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ'],
  [0x100, 'MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ'],
]);

/**
 * membarrier flags (flags, unknown "MEMBARRIER_CMD_FLAG_???").
 */
export const MEMBARRIER_FLAGS = xlat(() => [
  [0x1, 'MEMBARRIER_CMD_FLAG_CPU'],
]);

/**
 * epoll_event.events (flags, unknown "EPOLL???").
 */
export const EPOLL_EVENTS = xlat(() => [
  [0x1, 'EPOLLIN'],
  [0x2, 'EPOLLPRI'],
  [0x4, 'EPOLLOUT'],
  [0x8, 'EPOLLERR'],
  [0x10, 'EPOLLHUP'],
  [0x20, 'EPOLLNVAL'],
  [0x40, 'EPOLLRDNORM'],
  [0x80, 'EPOLLRDBAND'],
  [0x100, 'EPOLLWRNORM'],
  [0x200, 'EPOLLWRBAND'],
  [0x400, 'EPOLLMSG'],
  [0x2000, 'EPOLLRDHUP'],
  [0x10000000, 'EPOLLEXCLUSIVE'],
  [0x20000000, 'EPOLLWAKEUP'],
  [0x40000000, 'EPOLLONESHOT'],
  [0x80000000, 'EPOLLET'],
]);

/**
 * epoll_ctl op (value, unknown "EPOLL_CTL_???").
 */
export const EPOLL_CTL_OPS = xlat(() => [
  [1, 'EPOLL_CTL_ADD'],
  [2, 'EPOLL_CTL_DEL'],
  [3, 'EPOLL_CTL_MOD'],
]);

/**
 * epoll_create1 flags (flags, unknown "EPOLL_???").
 */
export const EPOLL_CREATE_FLAGS = xlat(() => [
  [0x80000, 'EPOLL_CLOEXEC'],
]);

/**
 * eventfd2 flags (flags, unknown "EFD_???").
 */
export const EFD_FLAGS = xlat(() => [
  [0x1, 'EFD_SEMAPHORE'],
  [0x80000, 'EFD_CLOEXEC'],
  [0x800, 'EFD_NONBLOCK'],
]);

export const PERSONALITY_FLAGS = xlat(() => [
  [0x0020000, 'UNAME26'], [0x0040000, 'ADDR_NO_RANDOMIZE'], [0x0080000, 'FDPIC_FUNCPTRS'],
  [0x0100000, 'MMAP_PAGE_ZERO'], [0x0200000, 'ADDR_COMPAT_LAYOUT'], [0x0400000, 'READ_IMPLIES_EXEC'],
  [0x0800000, 'ADDR_LIMIT_32BIT'], [0x1000000, 'SHORT_INODE'], [0x2000000, 'WHOLE_SECONDS'],
  [0x4000000, 'STICKY_TIMEOUTS'], [0x8000000, 'ADDR_LIMIT_3GB'],
]);
