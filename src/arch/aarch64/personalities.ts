/*
 * Extracted from strace v6.1's syscallent tables (src/linux/arm/syscallent.h):
 * names that differ from the 64-bit table, and the numbers strace accepts (entries with a
 * decoder and not an indirect socketcall/ipc subcall; arm numbers as typed, before shuffling).
 */
import type { CompatPersonality } from '../types.js';

/** strace 6.1's compat personality on aarch64: arm (`@32`). */
export const AARCH64_COMPAT: readonly CompatPersonality[] = [
  {
    designator: '32',
    removed: 'newfstatat sync_file_range fadvise64',
    added:
      'fork open waitpid creat link unlink time mknod chmod lchown break oldstat umount stime alarm oldfstat ' +
      'pause utime stty gtty access nice ftime rename mkdir rmdir pipe prof signal lock mpx ulimit oldolduname ' +
      'ustat dup2 getpgrp sigaction sgetmask ssetmask sigsuspend sigpending select symlink oldlstat readlink ' +
      'uselib readdir profil ioperm socketcall stat lstat olduname iopl idle syscall ipc sigreturn modify_ldt ' +
      'sigprocmask create_module get_kernel_syms bdflush sysfs afs_syscall _llseek getdents _newselect _sysctl ' +
      'vm86 query_module poll chown getpmsg putpmsg vfork ugetrlimit mmap2 truncate64 ftruncate64 stat64 ' +
      'lstat64 fstat64 lchown32 getuid32 getgid32 geteuid32 getegid32 setreuid32 setregid32 getgroups32 ' +
      'setgroups32 fchown32 setresuid32 getresuid32 setresgid32 getresgid32 chown32 setuid32 setgid32 ' +
      'setfsuid32 setfsgid32 fcntl64 sendfile64 epoll_create epoll_wait statfs64 fstatfs64 utimes fadvise64_64 ' +
      'pciconfig_iobase pciconfig_read pciconfig_write send recv vserver inotify_init futimesat fstatat64 ' +
      'sync_file_range2 signalfd eventfd clock_gettime64 clock_settime64 clock_adjtime64 clock_getres_time64 ' +
      'clock_nanosleep_time64 timer_gettime64 timer_settime64 timerfd_gettime64 timerfd_settime64 ' +
      'utimensat_time64 pselect6_time64 ppoll_time64 io_pgetevents_time64 recvmmsg_time64 mq_timedsend_time64 ' +
      'mq_timedreceive_time64 semtimedop_time64 rt_sigtimedwait_time64 futex_time64 ' +
      'sched_rr_get_interval_time64 cmpxchg breakpoint cacheflush usr26 usr32 set_tls get_tls',
    valid: [
      [0, 221], [224, 253], [256, 401], [403, 414], [416, 450], [0xffff0, 0xffff0], [0xf0001, 0xf0006],
    ],
  },
];
