/*
 * Extracted from strace v6.1's syscallent tables (src/linux/{i386,x32}/syscallent.h):
 * names that differ from the 64-bit table, and the numbers strace accepts (entries with a
 * decoder and not an indirect socketcall/ipc subcall).
 */
import type { CompatPersonality } from '../types.js';
import { I386 } from '../i386.js';

/** strace 6.1's compat personalities on x86_64: i386 (`@32`) and x32 (`@x32`). */
export const X86_64_COMPAT: readonly CompatPersonality[] = [
  {
    designator: '32',
    removed: 'tuxcall security epoll_ctl_old epoll_wait_old newfstatat kexec_file_load',
    added:
      'waitpid break oldstat umount stime oldfstat stty gtty nice ftime prof signal lock mpx ulimit oldolduname ' +
      'sigaction sgetmask ssetmask sigsuspend sigpending oldlstat readdir profil socketcall olduname idle vm86old ' +
      'ipc sigreturn sigprocmask bdflush _llseek _newselect vm86 ugetrlimit mmap2 truncate64 ftruncate64 stat64 ' +
      'lstat64 fstat64 lchown32 getuid32 getgid32 geteuid32 getegid32 setreuid32 setregid32 getgroups32 ' +
      'setgroups32 fchown32 setresuid32 getresuid32 setresgid32 getresgid32 chown32 setuid32 setgid32 setfsuid32 ' +
      'setfsgid32 fcntl64 sendfile64 statfs64 fstatfs64 fadvise64_64 fstatat64 clock_gettime64 clock_settime64 ' +
      'clock_adjtime64 clock_getres_time64 clock_nanosleep_time64 timer_gettime64 timer_settime64 ' +
      'timerfd_gettime64 timerfd_settime64 utimensat_time64 pselect6_time64 ppoll_time64 io_pgetevents_time64 ' +
      'recvmmsg_time64 mq_timedsend_time64 mq_timedreceive_time64 semtimedop_time64 rt_sigtimedwait_time64 ' +
      'futex_time64 sched_rr_get_interval_time64 send recv',
    valid: [[0, 221], [224, 250], [252, 284], [286, 386], [393, 414], [416, 450]],
    table: I386,
  },
  {
    designator: 'x32',
    removed:
      'uselib _sysctl create_module get_kernel_syms query_module nfsservctl set_thread_area get_thread_area ' +
      'epoll_ctl_old epoll_wait_old vserver',
    added: [
      'rt_sigaction', 'rt_sigreturn', 'ioctl', 'readv', 'writev', 'recvfrom', 'sendmsg', 'recvmsg', 'setsockopt',
      'getsockopt', 'execve', 'ptrace', 'rt_sigpending', 'rt_sigtimedwait', 'rt_sigqueueinfo', 'sigaltstack',
      'uselib', '_sysctl', 'create_module', 'get_kernel_syms', 'query_module', 'nfsservctl', 'set_thread_area',
      'io_setup', 'io_submit', 'get_thread_area', 'epoll_ctl_old', 'epoll_wait_old', 'timer_create', 'vserver',
      'mq_notify', 'kexec_load', 'waitid', 'set_robust_list', 'get_robust_list', 'vmsplice', 'move_pages',
      'preadv', 'pwritev', 'rt_tgsigqueueinfo', 'recvmmsg', 'sendmmsg', 'process_vm_readv', 'process_vm_writev',
      'execveat', 'preadv2', 'pwritev2',
    ].map((n) => `${n}#64`).join(' '),
    valid: [[0, 334], [424, 450], [512, 547]],
  },
];
