/**
 * -P PATH: which syscalls refer to a traced path, through a path argument or an fd argument that
 * names it (strace's pathtrace_match_set). Declarative: which arguments are paths or fds, by
 * strace's decoder name; anything else falls back to argument 0 by the syscall's class.
 */
import type { SyscallRow } from '../arch/types.js';

type Role = 'fd' | 'path' | '-';

let ROLES: Record<string, readonly Role[]> | undefined;

/** Which arguments are fds and paths, by decoder name (built on first use: only -P needs it). */
function rolesTable(): Record<string, readonly Role[]> {
  if (ROLES) return ROLES;
  const t: Record<string, readonly Role[]> = {};
  const roles = (names: string, r: Role[]): void => {
    for (const n of names.split(/\s+/).filter(Boolean)) t[n] = r;
  };
  roles('dup2 dup3 kexec_file_load sendfile sendfile64 tee', ['fd', 'fd']);
  roles(`execveat faccessat faccessat2 fchmodat fchownat fspick fstatat64 futimesat inotify_add_watch
    mkdirat mknodat mount_setattr name_to_handle_at newfstatat open_tree openat openat2 readlinkat statx
    unlinkat utimensat utimensat_time32 utimensat_time64`, ['fd', 'path']);
  roles('link mount pivot_root pivotroot', ['path', 'path']);
  roles('quotactl symlink', ['-', 'path']);
  roles('linkat move_mount renameat2 renameat', ['fd', 'path', 'fd', 'path']);
  roles('mmap mmap_4koff mmap_pgoff', ['-', '-', '-', '-', 'fd']);
  roles('symlinkat', ['-', 'fd', 'path']);
  roles('copy_file_range splice', ['fd', '-', 'fd']);
  roles('epoll_ctl', ['-', '-', 'fd']);
  roles('fanotify_mark', ['-', '-', '-', 'fd', 'path']);
  roles(`accept4 accept bpf epoll_create epoll_create1 eventfd2 eventfd fanotify_init fsmount fsopen
    inotify_init inotify_init1 io_uring_enter io_uring_register io_uring_setup landlock_add_rule
    landlock_create_ruleset landlock_restrict_self memfd_create memfd_secret mq_getsetattr mq_notify
    mq_open mq_timedreceive mq_timedreceive_time64 mq_timedsend mq_timedsend_time64 perf_event_open
    pidfd_open pipe pipe2 printargs signalfd4 signalfd socket socketpair timerfd_create timerfd_gettime
    timerfd_gettime64 timerfd_settime timerfd_settime64 userfaultfd select pselect6 pselect6_time64`, []);
  return (ROLES = t);
}

/** Lookups the matcher needs from the tracee: a path argument's bytes, an fd's path, pollfd fds. */
export interface PathSource {
  path(addr: bigint): string | undefined;
  fd(fd: number): string | undefined;
  pollFds(addr: bigint, n: number): number[];
}

/** Does this syscall (row, raw args) refer to one of `paths`? */
export function pathMatch(row: SyscallRow, args: readonly bigint[], paths: ReadonlySet<string>, src: PathSource): boolean {
  const cls = row.classes;
  if (!cls.includes('file') && !cls.includes('desc') && !cls.includes('network')) return false;
  const fdm = (v: bigint): boolean => {
    const p = src.fd(Number(BigInt.asIntN(32, v)));
    return p !== undefined && paths.has(p);
  };
  const pm = (v: bigint): boolean => {
    const p = src.path(v);
    return p !== undefined && paths.has(p);
  };
  const sen = row.dec ?? row.name;
  if (sen === 'poll' || sen === 'poll_time64' || sen === 'ppoll' || sen === 'ppoll_time64')
    return src.pollFds(args[0]!, Math.min(Number(BigInt.asUintN(32, args[1]!)), 1024 * 1024)).some((fd) => fdm(BigInt(fd)));
  const rt = rolesTable();
  const r = rt[sen] ?? rt[row.name];
  if (r) return r.some((role, i) => (role === 'fd' ? fdm(args[i]!) : role === 'path' ? pm(args[i]!) : false));
  if (cls.includes('file')) return pm(args[0]!);
  return fdm(args[0]!);
}
