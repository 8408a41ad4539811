/**
 * The trace-oracle table for sysray/unix: each row calls one function with fixed arguments, and
 * gives the line(s) a tracer must show for it. tests/helpers/unix-oracle-program.ts runs the rows
 * under bin/sysray; tests/unix/unix-oracle.test.ts finds each row's lines between its markers.
 *
 * Patterns: `%d` an integer, `%x` a hex address, `%*` anything (for results and structs the
 * kernel fills in that the row does not choose). Everything else is literal, so each row checks
 * the syscall's name and every argument it was given.
 *
 * The program runs in a fresh directory with these descriptors set up before the rows:
 */
import type * as Unix from '../../src/unix/index.js';

/** A regular file "f1" (8 KiB, O_RDWR). */
export const F = 100;
/** The working directory (O_DIRECTORY). */
export const D = 101;
/** A pipe: read end, write end (4 KiB already written into it). */
export const PR = 102, PW = 103;
/** A listening TCP socket on 127.0.0.1 (port chosen by the kernel). */
export const L = 104;
/** A connected AF_UNIX stream socketpair. */
export const S1 = 105, S2 = 106;
/** A UDP socket bound to 127.0.0.1. */
export const U = 107;
/** An epoll fd, an eventfd (counter 1), a second regular file "f2" (empty, O_RDWR). */
export const EP = 108, EV = 109, G = 110;
/** A second pipe, empty. */
export const QR = 111, QW = 112;

/** What a row may use besides the fixed fds: an anonymous 4-page mapping, the process's pid. */
export interface Ctx {
  map: Buffer;
  pid: number;
  root: boolean;
}

export interface Case {
  /** Unique; the marker names it. */
  name: string;
  call: (u: typeof Unix, x: Ctx) => unknown;
  /** The lines (patterns) the trace shows for the call, in order. */
  expect: string | string[];
  /** Needs root with CAP_SYS_ADMIN (mounts, namespaces, setuid …); skipped otherwise. */
  root?: boolean;
}

/** A pid above any pid_max: ptrace rows must never reach a real process. */
const NOPID = 999999999;

const c = (name: string, call: Case['call'], expect: Case['expect'], root?: boolean): Case => ({ name, call, expect, root });
const ignore = (f: () => unknown): void => {
  try {
    f();
  } catch {
    // the trace, not the result, is what the row checks
  }
};

export const CASES: Case[] = [
  // ---------------------------------------------------------------- files and descriptors
  c('open', (u) => u.close(u.open('o1', u.O_CREAT | u.O_WRONLY, 0o600)), 'openat(AT_FDCWD, "o1", O_WRONLY|O_CREAT, 0600) = %d'),
  c('openat', (u) => u.close(u.openat(D, 'o1', u.O_RDONLY)), 'openat(101, "o1", O_RDONLY) = %d'),
  c('creat', (u) => u.close(u.creat('o2', 0o644)), 'openat(AT_FDCWD, "o2", O_WRONLY|O_CREAT|O_TRUNC, 0644) = %d'),
  c('openat2', (u) => u.close(u.openat2(D, 'o1', { flags: u.O_RDONLY, resolve: u.RESOLVE_BENEATH })), 'openat2(101, "o1", {flags=O_RDONLY, resolve=RESOLVE_BENEATH}, 24) = %d'),
  c('close', (u) => u.close(u.dup2(F, 120)), 'close(120) = 0'),
  c('read', (u) => u.read(PR, Buffer.alloc(8)), 'read(102, "%*", 8) = 8'),
  c('write', (u) => u.write(G, 'hello\n'), 'write(110, "hello\\n", 6) = 6'),
  c('pread', (u) => u.pread(F, Buffer.alloc(4), 4096), 'pread64(100, "%*", 4, 4096) = 4'),
  c('pwrite', (u) => u.pwrite(G, 'xy', 100), 'pwrite64(110, "xy", 2, 100) = 2'),
  c('readv', (u) => u.readv(PR, [Buffer.alloc(2), Buffer.alloc(3)]), 'readv(102, [{iov_base="%*", iov_len=2}, {iov_base="%*", iov_len=3}], 2) = 5'),
  c('writev', (u) => u.writev(G, [Buffer.from('a'), Buffer.from('bc')]), 'writev(110, [{iov_base="a", iov_len=1}, {iov_base="bc", iov_len=2}], 2) = 3'),
  c('preadv', (u) => u.preadv(F, [Buffer.alloc(4)], 8), 'preadv(100, [{iov_base="%*", iov_len=4}], 1, 8) = 4'),
  c('pwritev', (u) => u.pwritev(G, [Buffer.from('zz')], 10), 'pwritev(110, [{iov_base="zz", iov_len=2}], 1, 10) = 2'),
  c('preadv2', (u) => u.preadv2(F, [Buffer.alloc(4)], 0, u.RWF_HIPRI), 'preadv2(100, [{iov_base="%*", iov_len=4}], 1, 0, RWF_HIPRI) = 4'),
  c('pwritev2', (u) => u.pwritev2(G, [Buffer.from('q')], 0, u.RWF_DSYNC), 'pwritev2(110, [{iov_base="q", iov_len=1}], 1, 0, RWF_DSYNC) = 1'),
  c('lseek', (u) => u.lseek(F, 10, u.SEEK_SET), 'lseek(100, 10, SEEK_SET) = 10'),
  c('stat', (u) => u.stat('f1'), 'newfstatat(AT_FDCWD, "f1", {st_mode=S_IFREG|0644, st_size=8192, ...}, 0) = 0'),
  c('lstat', (u) => u.lstat('f1'), 'newfstatat(AT_FDCWD, "f1", {st_mode=S_IFREG|0644, st_size=8192, ...}, AT_SYMLINK_NOFOLLOW) = 0'),
  c('fstat', (u) => u.fstat(F), 'fstat(100, {st_mode=S_IFREG|0644, st_size=8192, ...}) = 0'),
  c('fstatat', (u) => u.fstatat(D, 'f1', 0), 'newfstatat(101, "f1", {st_mode=S_IFREG|0644, st_size=8192, ...}, 0) = 0'),
  c('statx', (u) => u.statx(D, 'f1', 0, u.STATX_SIZE), 'statx(101, "f1", AT_STATX_SYNC_AS_STAT, STATX_SIZE, {%*stx_size=8192, ...}) = 0'),
  c('mkdir', (u) => u.mkdir('d1', 0o755), 'mkdirat(AT_FDCWD, "d1", 0755) = 0'),
  c('mkdirat', (u) => u.mkdirat(D, 'd2', 0o700), 'mkdirat(101, "d2", 0700) = 0'),
  c('rmdir', (u) => u.rmdir('d2'), 'unlinkat(AT_FDCWD, "d2", AT_REMOVEDIR) = 0'),
  c('unlink', (u) => u.unlink('o2'), 'unlinkat(AT_FDCWD, "o2", 0) = 0'),
  c('unlinkat', (u) => u.unlinkat(D, 'd1', u.AT_REMOVEDIR), 'unlinkat(101, "d1", AT_REMOVEDIR) = 0'),
  c('rename', (u) => u.rename('o1', 'o3'), 'renameat(AT_FDCWD, "o1", AT_FDCWD, "o3") = 0'),
  c('renameat', (u) => u.renameat(D, 'o3', D, 'o1'), 'renameat(101, "o3", 101, "o1") = 0'),
  c('renameat2', (u) => u.renameat2(D, 'o1', D, 'o4', u.RENAME_NOREPLACE), 'renameat2(101, "o1", 101, "o4", RENAME_NOREPLACE) = 0'),
  c('symlink', (u) => u.symlink('f1', 's1'), 'symlinkat("f1", AT_FDCWD, "s1") = 0'),
  c('symlinkat', (u) => u.symlinkat('f1', D, 's2'), 'symlinkat("f1", 101, "s2") = 0'),
  c('readlink', (u) => u.readlink('s1'), 'readlinkat(AT_FDCWD, "s1", "f1", 4096) = 2'),
  c('readlinkat', (u) => u.readlinkat(D, 's2'), 'readlinkat(101, "s2", "f1", 4096) = 2'),
  c('link', (u) => u.link('f1', 'h1'), 'linkat(AT_FDCWD, "f1", AT_FDCWD, "h1", 0) = 0'),
  c('linkat', (u) => u.linkat(D, 'f1', D, 'h2', 0), 'linkat(101, "f1", 101, "h2", 0) = 0'),
  c('chdir', (u) => u.chdir('.'), 'chdir(".") = 0'),
  c('fchdir', (u) => u.fchdir(D), 'fchdir(101) = 0'),
  c('getcwd', (u) => u.getcwd(), 'getcwd("%*", 4096) = %d'),
  c('pipe', (u) => u.pipe().forEach((fd) => u.close(fd)), 'pipe2([%d, %d], 0) = 0'),
  c('pipe2', (u) => u.pipe2(u.O_CLOEXEC).forEach((fd) => u.close(fd)), 'pipe2([%d, %d], O_CLOEXEC) = 0'),
  c('dup', (u) => u.close(u.dup(F)), 'dup(100) = %d'),
  c('dup2', (u) => u.dup2(F, 121), 'dup2(100, 121) = 121'),
  c('dup3', (u) => u.dup3(F, 122, u.O_CLOEXEC), 'dup3(100, 122, O_CLOEXEC) = 122'),
  c('fcntl', (u) => u.fcntl(F, u.F_GETFD), 'fcntl(100, F_GETFD) = %*'),
  c('fcntlInt', (u) => u.fcntlInt(F, u.F_SETFD, u.FD_CLOEXEC), 'fcntl(100, F_SETFD, FD_CLOEXEC) = 0'),
  c('fcntlFlock', (u) => u.fcntlFlock(F, u.F_SETLK, { type: u.F_WRLCK, whence: u.SEEK_SET, start: 0, len: 10 }), 'fcntl(100, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=10}) = 0'),
  c('closeOnExec', (u) => u.closeOnExec(G), ['fcntl(110, F_GETFD) = %*', 'fcntl(110, F_SETFD, FD_CLOEXEC) = 0']),
  c('setNonblock', (u) => u.setNonblock(QR, true), ['fcntl(111, F_GETFL) = %*', 'fcntl(111, F_SETFL, O_RDONLY|O_NONBLOCK) = 0']),
  c('close_range', (u) => u.close_range(300, 310, 0), 'close_range(300, 310, 0) = 0'),
  // ---------------------------------------------------------------- file data
  c('fsync', (u) => u.fsync(F), 'fsync(100) = 0'),
  c('fdatasync', (u) => u.fdatasync(F), 'fdatasync(100) = 0'),
  c('syncfs', (u) => u.syncfs(F), 'syncfs(100) = 0'),
  c('sync_file_range', (u) => u.sync_file_range(F, 0, 4096, u.SYNC_FILE_RANGE_WRITE), 'sync_file_range(100, 0, 4096, SYNC_FILE_RANGE_WRITE) = 0'),
  c('ftruncate', (u) => u.ftruncate(G, 4096), 'ftruncate(110, 4096) = 0'),
  c('truncate', (u) => u.truncate('f2', 2048), 'truncate("f2", 2048) = 0'),
  c('fallocate', (u) => u.fallocate(G, 0, 0, 8192), 'fallocate(110, 0, 0, 8192) = 0'),
  c('fadvise', (u) => u.fadvise(F, 0, 4096, u.POSIX_FADV_SEQUENTIAL), 'fadvise64(100, 0, 4096, POSIX_FADV_SEQUENTIAL) = 0'),
  c('flock', (u) => u.flock(F, u.LOCK_EX | u.LOCK_NB), 'flock(100, LOCK_EX|LOCK_NB) = 0'),
  c('sendfile', (u) => u.sendfile(G, F, 0, 16), 'sendfile(110, 100, [0] => [16], 16) = 16'),
  c('splice', (u) => u.splice(PR, null, G, 0, 8, 0), 'splice(102, NULL, 110, [0], 8, 0) = 8'),
  c('tee', (u) => {
    const [r, w] = u.pipe();
    u.dup2(r, 130);
    u.dup2(w, 131);
    u.tee(PR, 131, 4, u.SPLICE_F_NONBLOCK);
  }, 'tee(102, 131, 4, SPLICE_F_NONBLOCK) = 4'),
  c('vmsplice', (u) => u.vmsplice(QW, [Buffer.from('vm')], 0), 'vmsplice(112, [{iov_base="vm", iov_len=2}], 1, 0) = 2'),
  c('copy_file_range', (u) => u.copy_file_range(F, 0, G, 0, 32, 0), 'copy_file_range(100, [0], 110, [0], 32, 0) = 32'),
  c('getdents64', (u) => {
    u.lseek(D, 0, u.SEEK_SET);
    u.getdents64(D);
  }, 'getdents64(101, %* /* %d entries */, 32768) = %d'),
  c('getdents', (u) => u.getdents(D, Buffer.alloc(1024)), 'getdents64(101, %*, 1024) = %d'),
  c('name_to_handle_at', (u) => u.name_to_handle_at(D, 'f1', 0), 'name_to_handle_at(101, "f1", {handle_bytes=128 => %d, handle_type=%*}, [%d], 0) = 0'),
  c('open_by_handle_at', (u) => {
    const h = u.name_to_handle_at(D, 'f1', 0);
    u.close(u.open_by_handle_at(D, h.handle, u.O_RDONLY));
  }, 'open_by_handle_at(101, {handle_bytes=%d, handle_type=%*}, O_RDONLY) = %d', true),
  c('cachestat', (u) => u.cachestat(F, 0, 8192), 'cachestat(0x64, %x, %x, 0) = 0'),
  // ---------------------------------------------------------------- metadata
  c('access', (u) => u.access('f1', u.R_OK), 'faccessat(AT_FDCWD, "f1", R_OK) = 0'),
  c('faccessat', (u) => u.faccessat(D, 'f1', u.W_OK), 'faccessat(101, "f1", W_OK) = 0'),
  c('faccessat2', (u) => u.faccessat2(D, 'f1', u.F_OK, u.AT_EACCESS), 'faccessat2(101, "f1", F_OK, AT_EACCESS) = 0'),
  c('fchmod', (u) => u.fchmod(G, 0o640), 'fchmod(110, 0640) = 0'),
  c('fchmodat', (u) => u.fchmodat(D, 'f2', 0o600), 'fchmodat(101, "f2", 0600) = 0'),
  c('fchmodat2', (u) => u.fchmodat2(D, 'f2', 0o644, u.AT_SYMLINK_NOFOLLOW), 'fchmodat2(0x65, %x, 0x1a4, 0x100) = %*'),
  c('chmod', (u) => u.chmod('f2', 0o644), 'fchmodat(AT_FDCWD, "f2", 0644) = 0'),
  c('fchown', (u) => u.fchown(G, -1, -1), 'fchown(110, -1, -1) = 0'),
  c('fchownat', (u) => u.fchownat(D, 'f2', -1, -1, u.AT_SYMLINK_NOFOLLOW), 'fchownat(101, "f2", -1, -1, AT_SYMLINK_NOFOLLOW) = 0'),
  c('chown', (u) => u.chown('f2', -1, -1), 'fchownat(AT_FDCWD, "f2", -1, -1, 0) = 0'),
  c('lchown', (u) => u.lchown('s1', -1, -1), 'fchownat(AT_FDCWD, "s1", -1, -1, AT_SYMLINK_NOFOLLOW) = 0'),
  c('umask', (u) => u.umask(u.umask(0o027)), ['umask(027) = %*', 'umask(%*) = 027']),
  c('utimensat', (u) => u.utimensat(D, 'f2', [{ sec: 1, nsec: 2 }, { sec: 3, nsec: 4 }], 0), 'utimensat(101, "f2", [{tv_sec=1, tv_nsec=2}%*, {tv_sec=3, tv_nsec=4}%*], 0) = 0'),
  c('utimesNano', (u) => u.utimesNano('f2', [5_000_000_006n, 7_000_000_008n]), 'utimensat(AT_FDCWD, "f2", [{tv_sec=5, tv_nsec=6}%*, {tv_sec=7, tv_nsec=8}%*], 0) = 0'),
  c('utimesNanoAt', (u) => u.utimesNanoAt(D, 's1', [1_000_000_000n, 2_000_000_000n], u.AT_SYMLINK_NOFOLLOW), 'utimensat(101, "s1", [{tv_sec=1, tv_nsec=0}%*, {tv_sec=2, tv_nsec=0}%*], AT_SYMLINK_NOFOLLOW) = 0'),
  c('utimes', (u) => u.utimes('f2', [{ sec: 9, usec: 1 }, { sec: 10, usec: 2 }]), 'utimensat(AT_FDCWD, "f2", [{tv_sec=9, tv_nsec=1000}%*, {tv_sec=10, tv_nsec=2000}%*], 0) = 0'),
  c('lutimes', (u) => u.lutimes('s1', [{ sec: 9, usec: 0 }, { sec: 10, usec: 0 }]), 'utimensat(AT_FDCWD, "s1", [{tv_sec=9, tv_nsec=0}%*, {tv_sec=10, tv_nsec=0}%*], AT_SYMLINK_NOFOLLOW) = 0'),
  c('futimes', (u) => u.futimes(G, [{ sec: 11, usec: 0 }, { sec: 12, usec: 0 }]), 'utimensat(110, NULL, [{tv_sec=11, tv_nsec=0}%*, {tv_sec=12, tv_nsec=0}%*], 0) = 0'),
  c('futimesat', (u) => u.futimesat(D, 'f2', [{ sec: 13, usec: 0 }, { sec: 14, usec: 0 }]), 'futimesat(101, "f2", [{tv_sec=13, tv_usec=0}%*, {tv_sec=14, tv_usec=0}%*]) = 0'),
  c('utime', (u) => u.utime('f2', { actime: 15, modtime: 16 }), 'utime("f2", {actime=15%*, modtime=16%*}) = 0'),
  c('mknodat', (u) => u.mknodat(D, 'p1', u.S_IFIFO | 0o600, 0), 'mknodat(101, "p1", S_IFIFO|0600) = 0'),
  c('mknod', (u) => u.mknod('p2', u.S_IFIFO | 0o644, 0), 'mknodat(AT_FDCWD, "p2", S_IFIFO|0644) = 0'),
  c('mkfifo', (u) => u.mkfifo('p3', 0o600), 'mknodat(AT_FDCWD, "p3", S_IFIFO|0600) = 0'),
  c('mkfifoat', (u) => u.mkfifoat(D, 'p4', 0o600), 'mknodat(101, "p4", S_IFIFO|0600) = 0'),
  c('setxattr', (u) => ignore(() => u.setxattr('f1', 'user.k', 'v1', u.XATTR_CREATE)), 'setxattr("f1", "user.k", "v1", 2, XATTR_CREATE) = %*'),
  c('lsetxattr', (u) => ignore(() => u.lsetxattr('f1', 'user.k', 'v2', u.XATTR_REPLACE)), 'lsetxattr("f1", "user.k", "v2", 2, XATTR_REPLACE) = %*'),
  c('fsetxattr', (u) => ignore(() => u.fsetxattr(F, 'user.j', 'v3', 0)), 'fsetxattr(100, "user.j", "v3", 2, 0) = %*'),
  c('getxattr', (u) => ignore(() => u.getxattr('f1', 'user.k')), 'getxattr("f1", "user.k", NULL, 0) = %*'),
  c('lgetxattr', (u) => ignore(() => u.lgetxattr('f1', 'user.k')), 'lgetxattr("f1", "user.k", NULL, 0) = %*'),
  c('fgetxattr', (u) => ignore(() => u.fgetxattr(F, 'user.j')), 'fgetxattr(100, "user.j", NULL, 0) = %*'),
  c('listxattr', (u) => ignore(() => u.listxattr('f1')), 'listxattr("f1", NULL, 0) = %*'),
  c('llistxattr', (u) => ignore(() => u.llistxattr('f1')), 'llistxattr("f1", NULL, 0) = %*'),
  c('flistxattr', (u) => ignore(() => u.flistxattr(F)), 'flistxattr(100, NULL, 0) = %*'),
  c('removexattr', (u) => ignore(() => u.removexattr('f1', 'user.k')), 'removexattr("f1", "user.k") = %*'),
  c('lremovexattr', (u) => ignore(() => u.lremovexattr('f1', 'user.k')), 'lremovexattr("f1", "user.k") = %*'),
  c('fremovexattr', (u) => ignore(() => u.fremovexattr(F, 'user.j')), 'fremovexattr(100, "user.j") = %*'),
  c('statfs', (u) => u.statfs('.'), 'statfs(".", {f_type=%*}) = 0'),
  c('fstatfs', (u) => u.fstatfs(F), 'fstatfs(100, {f_type=%*}) = 0'),
  c('ustat', (u) => ignore(() => u.ustat(0)), 'ustat(makedev(0, 0), %x) = %*'),
  c('chroot', (u) => u.chroot('/'), 'chroot("/") = 0', true),
  c('acct', (u) => u.acct(null), 'acct(NULL) = 0', true),
  // ---------------------------------------------------------------- memory
  c('mmap', (u) => u.munmap(u.mmap(-1, 0, 8192, u.PROT_READ | u.PROT_WRITE, u.MAP_PRIVATE | u.MAP_ANONYMOUS)), 'mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = %x'),
  c('mmap-file', (u) => u.munmap(u.mmap(F, 4096, 4096, u.PROT_READ, u.MAP_SHARED)), 'mmap(NULL, 4096, PROT_READ, MAP_SHARED, 100, 0x1000) = %x'),
  c('munmap', (u) => u.munmap(u.mmap(-1, 0, 4096, u.PROT_READ, u.MAP_PRIVATE | u.MAP_ANONYMOUS)), 'munmap(%x, 4096) = 0'),
  c('mmapPtr', (u) => u.munmapPtr(u.mmapPtr(0n, 4096, u.PROT_NONE, u.MAP_PRIVATE | u.MAP_ANONYMOUS, -1, 0), 4096), ['mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = %x', 'munmap(%x, 4096) = 0']),
  c('mprotect', (u, x) => u.mprotect(x.map, u.PROT_READ), 'mprotect(%x, 16384, PROT_READ) = 0'),
  c('madvise', (u, x) => u.madvise(x.map, u.MADV_WILLNEED), 'madvise(%x, 16384, MADV_WILLNEED) = 0'),
  c('msync', (u, x) => u.msync(x.map, u.MS_ASYNC), 'msync(%x, 16384, MS_ASYNC) = 0'),
  c('mlock', (u, x) => u.mlock(x.map), 'mlock(%x, 16384) = %*'),
  c('mlock2', (u, x) => ignore(() => u.mlock2(x.map, u.MLOCK_ONFAULT)), 'mlock2(%x, 16384, MLOCK_ONFAULT) = %*'),
  c('munlock', (u, x) => u.munlock(x.map), 'munlock(%x, 16384) = 0'),
  c('mlockall', (u) => ignore(() => u.mlockall(u.MCL_FUTURE | u.MCL_ONFAULT)), 'mlockall(MCL_FUTURE|MCL_ONFAULT) = %*'),
  c('munlockall', (u) => u.munlockall(), 'munlockall() = 0'),
  c('mremap', (u) => u.munmap(u.mremap(u.mmap(-1, 0, 4096, u.PROT_READ, u.MAP_PRIVATE | u.MAP_ANONYMOUS), 8192, u.MREMAP_MAYMOVE)), 'mremap(%x, 4096, 8192, MREMAP_MAYMOVE) = %x'),
  c('mremapPtr', (u) => {
    const a = u.mmapPtr(0n, 4096, u.PROT_READ, u.MAP_PRIVATE | u.MAP_ANONYMOUS, -1, 0);
    u.munmapPtr(u.mremapPtr(a, 4096, 0n, 12288, u.MREMAP_MAYMOVE), 12288);
  }, 'mremap(%x, 4096, 12288, MREMAP_MAYMOVE) = %x'),
  c('mseal', (u) => ignore(() => u.mseal(u.mmap(-1, 0, 4096, u.PROT_READ, u.MAP_PRIVATE | u.MAP_ANONYMOUS), 0)), 'mseal(%x, 0x1000, 0) = %*'),
  c('memfd_create', (u) => u.close(u.memfd_create('sysray', u.MFD_CLOEXEC)), 'memfd_create("sysray", MFD_CLOEXEC) = %d'),
  c('memfd_secret', (u) => ignore(() => u.memfd_secret(0)), 'memfd_secret(0) = %*'),
  c('set_mempolicy', (u) => u.set_mempolicy(u.MPOL_DEFAULT), 'set_mempolicy(MPOL_DEFAULT, NULL, 0) = 0'),
  c('shmget', (u) => u.shmctl(u.shmget(u.IPC_PRIVATE, 4096, u.IPC_CREAT | 0o600), u.IPC_RMID), 'shmget(IPC_PRIVATE, 4096, IPC_CREAT|0600) = %d'),
  c('shmat', (u) => {
    const id = u.shmget(u.IPC_PRIVATE, 4096, u.IPC_CREAT | 0o600);
    const b = u.shmat(id, 0);
    b[0] = 1;
    u.shmdt(b);
    u.shmctl(id, u.IPC_RMID);
  }, ['shmctl(%d, IPC_STAT, %*) = 0', 'shmat(%d, NULL, 0) = %x', 'shmdt(%x) = 0', 'shmctl(%d, IPC_RMID, NULL) = 0']),
  c('getrandom', (u) => u.getrandom(Buffer.alloc(16), u.GRND_NONBLOCK), 'getrandom("%*", 16, GRND_NONBLOCK) = 16'),
  // ---------------------------------------------------------------- events
  c('poll', (u) => u.poll([{ fd: EV, events: u.POLLIN }, { fd: QR, events: u.POLLIN }], 0), 'poll([{fd=109, events=POLLIN}, {fd=111, events=POLLIN}], 2, 0) = 2 ([{fd=109, revents=POLLIN}, {fd=111, revents=POLLIN}])'),
  c('ppoll', (u) => u.ppoll([{ fd: EV, events: u.POLLIN }], { sec: 0, nsec: 0 }, null), 'ppoll([{fd=109, events=POLLIN}], 1, {tv_sec=0, tv_nsec=0}, NULL, 8) = 1 ([{fd=109, revents=POLLIN}], left {tv_sec=0, tv_nsec=0})'),
  c('select', (u) => {
    const r = new u.FdSet();
    r.set(EV);
    u.select(EV + 1, r, null, null, { sec: 0n, usec: 0 });
  }, 'select(110, [109], NULL, NULL, {tv_sec=0, tv_usec=0}) = 1 (in [109], left {tv_sec=0, tv_usec=0})'),
  c('pselect', (u) => {
    const r = new u.FdSet();
    r.set(EV);
    u.pselect(EV + 1, r, null, null, { sec: 0, nsec: 0 }, null);
  }, 'pselect6(110, [109], NULL, NULL, {tv_sec=0, tv_nsec=0}, NULL) = 1 (in [109], left {tv_sec=0, tv_nsec=0})'),
  c('epoll_create', (u) => u.close(u.epoll_create(1)), 'epoll_create(1) = %d'),
  c('epoll_create1', (u) => u.close(u.epoll_create1(u.EPOLL_CLOEXEC)), 'epoll_create1(EPOLL_CLOEXEC) = %d'),
  c('epoll_ctl', (u) => u.epoll_ctl(EP, u.EPOLL_CTL_ADD, EV, { events: u.EPOLLIN, data: 7 }), 'epoll_ctl(108, EPOLL_CTL_ADD, 109, {events=EPOLLIN, data=%*u64=7}}) = 0'),
  c('epoll_wait', (u) => u.epoll_wait(EP, 4, 0), 'epoll_wait(108, [{events=EPOLLIN, data=%*u64=7}}], 4, 0) = 1'),
  c('epoll_pwait', (u) => u.epoll_pwait(EP, 4, 0, [10]), 'epoll_pwait(108, [{events=EPOLLIN, data=%*u64=7}}], 4, 0, [USR1], 8) = 1'),
  c('eventfd', (u) => u.close(u.eventfd(3, u.EFD_CLOEXEC | u.EFD_NONBLOCK)), 'eventfd2(3, EFD_CLOEXEC|EFD_NONBLOCK) = %d'),
  c('signalfd', (u) => u.close(u.signalfd(-1, ['SIGUSR2'], u.SFD_CLOEXEC)), 'signalfd4(-1, [USR2], 8, SFD_CLOEXEC) = %d'),
  c('timerfd_create', (u) => u.close(u.timerfd_create(u.CLOCK_MONOTONIC, u.TFD_CLOEXEC)), 'timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC) = %d'),
  c('timerfd_settime', (u) => {
    const t = u.timerfd_create(u.CLOCK_MONOTONIC, 0);
    u.dup2(t, 132);
    u.close(t);
    u.timerfd_settime(132, 0, { interval: { sec: 0, nsec: 0 }, value: { sec: 100, nsec: 0 } });
  }, 'timerfd_settime(132, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=100, tv_nsec=0}}, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0'),
  c('timerfd_gettime', (u) => u.timerfd_gettime(132), 'timerfd_gettime(132, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=%d, tv_nsec=%d}}) = 0'),
  c('inotify_init', (u) => u.close(u.inotify_init()), 'inotify_init() = %d'),
  c('inotify_init1', (u) => {
    const i = u.inotify_init1(u.IN_CLOEXEC);
    u.dup2(i, 133);
    u.close(i);
  }, 'inotify_init1(IN_CLOEXEC) = %d'),
  c('inotify_add_watch', (u) => u.inotify_add_watch(133, '.', u.IN_CREATE | u.IN_DELETE), 'inotify_add_watch(133, ".", IN_CREATE|IN_DELETE) = 1'),
  c('inotify_rm_watch', (u) => u.inotify_rm_watch(133, 1), 'inotify_rm_watch(133, 1) = 0'),
  c('fanotify_init', (u) => {
    const f = u.fanotify_init(u.FAN_CLASS_NOTIF | u.FAN_CLOEXEC, u.O_RDONLY);
    u.dup2(f, 134);
    u.close(f);
  }, 'fanotify_init(FAN_CLASS_NOTIF|FAN_CLOEXEC, O_RDONLY) = %d', true),
  c('fanotify_mark', (u) => u.fanotify_mark(134, u.FAN_MARK_ADD, u.FAN_CLOSE_WRITE, u.AT_FDCWD, '.'), 'fanotify_mark(134, FAN_MARK_ADD, FAN_CLOSE_WRITE, AT_FDCWD, ".") = 0', true),
  // ---------------------------------------------------------------- time
  c('clock_gettime', (u) => u.clock_gettime(u.CLOCK_MONOTONIC), 'clock_gettime(CLOCK_MONOTONIC, {tv_sec=%d, tv_nsec=%d}) = 0'),
  c('clock_getres', (u) => u.clock_getres(u.CLOCK_REALTIME), 'clock_getres(CLOCK_REALTIME, {tv_sec=0, tv_nsec=1}) = 0'),
  c('clock_settime', (u) => ignore(() => u.clock_settime(u.CLOCK_MONOTONIC, { sec: 1, nsec: 0 })), 'clock_settime(CLOCK_MONOTONIC, {tv_sec=1, tv_nsec=0}) = -1 EINVAL (Invalid argument)'),
  c('nanosleep', (u) => u.nanosleep({ sec: 0, nsec: 1000 }), 'nanosleep({tv_sec=0, tv_nsec=1000}, NULL) = 0'),
  c('clock_nanosleep', (u) => u.clock_nanosleep(u.CLOCK_MONOTONIC, 0, { sec: 0, nsec: 2000 }), 'clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=2000}, NULL) = 0'),
  c('adjtimex', (u) => u.adjtimex(), 'adjtimex({modes=0, %*}) = %*'),
  c('clock_adjtime', (u) => u.clock_adjtime(u.CLOCK_REALTIME), 'clock_adjtime(CLOCK_REALTIME, {modes=0, %*}) = %*'),
  c('gettimeofday', (u) => u.gettimeofday(), 'gettimeofday({tv_sec=%d, tv_usec=%d}, NULL) = 0'),
  c('settimeofday', (u) => ignore(() => u.settimeofday({ sec: 0, usec: 999999 })), 'settimeofday({tv_sec=0, tv_usec=999999}, NULL) = %*', true),
  c('time', (u) => u.time(), 'time(NULL) = %d%*'),
  c('times', (u) => u.times(), 'times({tms_utime=%*, tms_stime=%*, tms_cutime=0, tms_cstime=0}) = %d'),
  c('getitimer', (u) => u.getitimer(u.ITIMER_VIRTUAL), 'getitimer(ITIMER_VIRTUAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0'),
  c('setitimer', (u) => u.setitimer(u.ITIMER_VIRTUAL, {}), 'setitimer(ITIMER_VIRTUAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0'),
  c('alarm', (u) => u.alarm(0), 'alarm(0) = 0'),
  // ---------------------------------------------------------------- processes
  c('getpid', (u) => u.getpid(), 'getpid() = %d'),
  c('getppid', (u) => u.getppid(), 'getppid() = %d'),
  c('gettid', (u) => u.gettid(), 'gettid() = %d'),
  c('getuid', (u) => u.getuid(), 'getuid() = %d'),
  c('geteuid', (u) => u.geteuid(), 'geteuid() = %d'),
  c('getgid', (u) => u.getgid(), 'getgid() = %d'),
  c('getegid', (u) => u.getegid(), 'getegid() = %d'),
  c('getpgid', (u) => u.getpgid(0), 'getpgid(0) = %d'),
  c('getpgrp', (u) => u.getpgrp(), 'getpgrp() = %d'),
  c('getsid', (u) => u.getsid(0), 'getsid(0) = %d'),
  c('setpgid', (u, x) => ignore(() => u.setpgid(0, x.pid)), 'setpgid(0, %d) = %*'),
  c('setsid', (u) => ignore(() => u.setsid()), 'setsid() = %*'),
  c('getpriority', (u) => u.getpriority(u.PRIO_PROCESS, 0), 'getpriority(PRIO_PROCESS, 0) = %d'),
  c('setpriority', (u) => u.setpriority(u.PRIO_PROCESS, 0, 0), 'setpriority(PRIO_PROCESS, 0, 0) = 0'),
  c('getrlimit', (u) => u.getrlimit(u.RLIMIT_NOFILE), 'getrlimit(RLIMIT_NOFILE, {rlim_cur=%*, rlim_max=%*}) = 0'),
  c('setrlimit', (u) => u.setrlimit(u.RLIMIT_CORE, { cur: 0n, max: u.getrlimit(u.RLIMIT_CORE).max }), 'setrlimit(RLIMIT_CORE, {rlim_cur=0, rlim_max=%*}) = 0'),
  c('prlimit', (u, x) => u.prlimit(x.pid, u.RLIMIT_STACK, null), 'prlimit64(%d, RLIMIT_STACK, NULL, {rlim_cur=%*, rlim_max=%*}) = 0'),
  c('getrusage', (u) => u.getrusage(u.RUSAGE_SELF), 'getrusage(RUSAGE_SELF, {ru_utime={tv_sec=%d, tv_usec=%d}, %*}) = 0'),
  c('getresuid', (u) => u.getresuid(), 'getresuid([%d], [%d], [%d]) = 0'),
  c('getresgid', (u) => u.getresgid(), 'getresgid([%d], [%d], [%d]) = 0'),
  c('getgroups', (u) => u.getgroups(), ['getgroups(0, NULL) = %d', 'getgroups(%d, %*) = %d']),
  c('setgroups', (u) => u.setgroups(u.getgroups()), 'setgroups(%d, %*) = 0', true),
  c('setuid', (u) => u.setuid(u.geteuid()), 'setuid(%d) = 0', true),
  c('setgid', (u) => u.setgid(u.getegid()), 'setgid(%d) = 0', true),
  c('setreuid', (u) => u.setreuid(-1, -1), 'setreuid(-1, -1) = 0'),
  c('setregid', (u) => u.setregid(-1, -1), 'setregid(-1, -1) = 0'),
  c('setresuid', (u) => u.setresuid(-1, -1, -1), 'setresuid(-1, -1, -1) = 0'),
  c('setresgid', (u) => u.setresgid(-1, -1, -1), 'setresgid(-1, -1, -1) = 0'),
  c('setfsuid', (u) => u.setfsuid(-1), 'setfsuid(-1) = %d'),
  c('setfsgid', (u) => u.setfsgid(-1), 'setfsgid(-1) = %d'),
  c('capget', (u) => u.capget(0), 'capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {%*}) = 0'),
  c('capset', (u) => u.capset(u.capget(0)), 'capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {%*}) = 0'),
  c('prctl', (u) => u.prctl(u.PR_GET_DUMPABLE), 'prctl(PR_GET_DUMPABLE) = %d%*'),
  c('prctl-set', (u) => u.prctl(u.PR_SET_CHILD_SUBREAPER, 0), 'prctl(PR_SET_CHILD_SUBREAPER, 0) = 0'),
  c('sched_getaffinity', (u) => u.sched_getaffinity(0), 'sched_getaffinity(0, 128, [%*]) = %d'),
  c('sched_setaffinity', (u) => u.sched_setaffinity(0, u.sched_getaffinity(0)), 'sched_setaffinity(0, 128, [%*]) = 0'),
  c('sched_getattr', (u) => u.sched_getattr(0), 'sched_getattr(0, {size=56, sched_policy=SCHED_OTHER, %*}, 56, 0) = 0'),
  c('sched_setattr', (u) => u.sched_setattr(0, { policy: u.SCHED_OTHER, nice: 0 }), 'sched_setattr(0, {size=56, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=0, %*}, 0) = 0'),
  c('wait4', (u) => ignore(() => u.wait4(-1, u.WNOHANG)), 'wait4(-1, %*, WNOHANG, %*) = %*'),
  c('waitid', (u) => ignore(() => u.waitid(u.P_ALL, 0, u.WEXITED | u.WNOHANG)), 'waitid(P_ALL, 0, %*, WNOHANG|WEXITED, %*) = %*'),
  c('pidfd_open', (u, x) => {
    const p = u.pidfd_open(x.pid, 0);
    u.dup2(p, 135);
    u.close(p);
  }, 'pidfd_open(%d, 0) = %d'),
  c('pidfd_getfd', (u) => u.close(u.pidfd_getfd(135, F, 0)), 'pidfd_getfd(135, 100, 0) = %d'),
  c('pidfd_send_signal', (u) => u.pidfd_send_signal(135, 0, 0), 'pidfd_send_signal(135, 0, NULL, 0) = 0'),
  c('kill', (u, x) => u.kill(x.pid, 0), 'kill(%d, 0) = 0'),
  c('tgkill', (u, x) => u.tgkill(x.pid, x.pid, 0), 'tgkill(%d, %d, 0) = 0'),
  c('uname', (u) => u.uname(), 'uname({sysname="Linux", %*}) = 0'),
  c('sysinfo', (u) => u.sysinfo(), 'sysinfo({uptime=%d, %*}) = 0'),
  c('klogctl', (u) => u.klogctl(10 /* SYSLOG_ACTION_SIZE_BUFFER */), 'syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */) = %d'),
  c('process_vm_readv', (u, x) => {
    const src = Buffer.from('remote');
    u.process_vm_readv(x.pid, [Buffer.alloc(6)], [{ addr: u.addressOf(src), len: 6 }]);
  }, 'process_vm_readv(%d, [{iov_base="remote", iov_len=6}], 1, [{iov_base=%x, iov_len=6}], 1, 0) = 6'),
  c('process_vm_writev', (u, x) => {
    const dst = Buffer.alloc(2);
    u.process_vm_writev(x.pid, [Buffer.from('ok')], [{ addr: u.addressOf(dst), len: 2 }]);
  }, 'process_vm_writev(%d, [{iov_base="ok", iov_len=2}], 1, [{iov_base=%x, iov_len=2}], 1, 0) = 2'),
  c('perf_event_open', (u) => ignore(() => u.perf_event_open(Buffer.alloc(128), 0, -1, -1, 0)), 'perf_event_open(%*, 0, -1, -1, 0) = %*'),
  c('ptrace', (u) => ignore(() => u.ptraceCont(NOPID, 0)), 'ptrace(PTRACE_CONT, 999999999, NULL, 0) = -1 ESRCH (No such process)'),
  c('ptraceGetEventMsg', (u) => ignore(() => u.ptraceGetEventMsg(NOPID)), 'ptrace(PTRACE_GETEVENTMSG, 999999999, NULL, %x) = -1 ESRCH (No such process)'),
  c('ptraceSetOptions', (u) => ignore(() => u.ptraceSetOptions(NOPID, u.PTRACE_O_TRACESYSGOOD)), 'ptrace(PTRACE_SETOPTIONS, 999999999, NULL, PTRACE_O_TRACESYSGOOD) = -1 ESRCH (No such process)'),
  c('ptraceDetach', (u) => ignore(() => u.ptraceDetach(NOPID)), 'ptrace(PTRACE_DETACH, 999999999, NULL, 0) = -1 ESRCH (No such process)'),
  c('ptracePeekData', (u) => ignore(() => u.ptracePeekData(NOPID, 0x1000n, 8)), 'ptrace(PTRACE_PEEKDATA, 999999999, 0x1000, %*) = -1 ESRCH (No such process)'),
  c('add_key', (u) => u.add_key('user', 'sysray-test', 'payload', u.KEY_SPEC_PROCESS_KEYRING), 'add_key("user", "sysray-test", "payload", 7, KEY_SPEC_PROCESS_KEYRING) = %d'),
  c('keyctlGetKeyringID', (u) => u.keyctlGetKeyringID(u.KEY_SPEC_PROCESS_KEYRING, false), 'keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_PROCESS_KEYRING, 0) = %d'),
  c('keyctlSearch', (u) => u.keyctlSearch(u.KEY_SPEC_PROCESS_KEYRING, 'user', 'sysray-test', 0), 'keyctl(KEYCTL_SEARCH, KEY_SPEC_PROCESS_KEYRING, "user", "sysray-test", 0) = %d'),
  c('request_key', (u) => u.request_key('user', 'sysray-test', null, 0), 'request_key("user", "sysray-test", NULL, 0) = %d'),
  // ---------------------------------------------------------------- sockets
  c('socket', (u) => u.close(u.socket(u.AF_INET, u.SOCK_DGRAM | u.SOCK_CLOEXEC, 0)), 'socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC, IPPROTO_IP) = %d'),
  c('socketpair', (u) => u.socketpair(u.AF_UNIX, u.SOCK_SEQPACKET, 0).forEach((fd) => u.close(fd)), 'socketpair(AF_UNIX, SOCK_SEQPACKET, 0, [%d, %d]) = 0'),
  c('bind', (u) => {
    const s = u.socket(u.AF_INET, u.SOCK_DGRAM, 0);
    u.dup2(s, 136);
    u.close(s);
    u.bind(136, { family: 'inet', addr: '127.0.0.1', port: 0 });
  }, 'bind(136, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("127.0.0.1")}, 16) = 0'),
  c('listen', (u) => u.listen(L, 64), 'listen(104, 64) = 0'),
  c('getsockname', (u) => u.getsockname(U), 'getsockname(107, {sa_family=AF_INET, sin_port=htons(%d), sin_addr=inet_addr("127.0.0.1")}, [128 => 16]) = 0'),
  c('connect', (u) => u.connect(136, u.getsockname(U)), 'connect(136, {sa_family=AF_INET, sin_port=htons(%d), sin_addr=inet_addr("127.0.0.1")}, 16) = 0'),
  c('getpeername', (u) => u.getpeername(136), 'getpeername(136, {sa_family=AF_INET, sin_port=htons(%d), sin_addr=inet_addr("127.0.0.1")}, [128 => 16]) = 0'),
  c('send', (u) => u.send(S1, 'ab', 0), 'sendto(105, "ab", 2, 0, NULL, 0) = 2'),
  c('recv', (u) => u.recv(S2, Buffer.alloc(2), 0), 'recvfrom(106, "ab", 2, 0, NULL, NULL) = 2'),
  c('sendto', (u) => u.sendto(136, 'dg', 0, u.getsockname(U)), 'sendto(136, "dg", 2, 0, {sa_family=AF_INET, sin_port=htons(%d), sin_addr=inet_addr("127.0.0.1")}, 16) = 2'),
  c('recvfrom', (u) => u.recvfrom(U, Buffer.alloc(8), 0), 'recvfrom(107, "dg", 8, 0, {sa_family=AF_INET, sin_port=htons(%d), sin_addr=inet_addr("127.0.0.1")}, [128 => 16]) = 2'),
  c('sendmsg', (u) => u.sendmsg(S1, [Buffer.from('m')], { control: [{ kind: 'rights', fds: [F] }] }), 'sendmsg(105, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="m", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[100]}], msg_controllen=24, msg_flags=0}, 0) = 1'),
  c('recvmsg', (u) => u.recvmsg(S2, [Buffer.alloc(1)], { controlLen: u.cmsgSpace(4) }).control.forEach((m) => m.kind === 'rights' && m.fds.forEach((fd) => u.close(fd))), 'recvmsg(106, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="m", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[%d]}], msg_controllen=24, msg_flags=0}, 0) = 1'),
  c('shutdown', (u) => u.shutdown(136, u.SHUT_WR), 'shutdown(136, SHUT_WR) = 0'),
  c('accept4', (u) => {
    u.setNonblock(L, true);
    ignore(() => u.accept4(L, u.SOCK_NONBLOCK));
    u.setNonblock(L, false);
  }, 'accept4(104, NULL, NULL, SOCK_NONBLOCK) = -1 EAGAIN (Resource temporarily unavailable)'),
  c('setsockopt', (u) => u.setsockopt(U, u.SOL_SOCKET, u.SO_REUSEADDR, true), 'setsockopt(107, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0'),
  c('getsockopt', (u) => u.getsockopt(U, u.SOL_SOCKET, u.SO_TYPE), 'getsockopt(107, SOL_SOCKET, SO_TYPE, [2], [4]) = 0'),
  c('setsockoptLinger', (u) => u.setsockoptLinger(L, u.SOL_SOCKET, u.SO_LINGER, { onoff: 1, linger: 5 }), 'setsockopt(104, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8) = 0'),
  c('getsockoptLinger', (u) => u.getsockoptLinger(L, u.SOL_SOCKET, u.SO_LINGER), 'getsockopt(104, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, [8]) = 0'),
  c('getsockoptUcred', (u) => u.getsockoptUcred(S1, u.SOL_SOCKET, u.SO_PEERCRED), 'getsockopt(105, SOL_SOCKET, SO_PEERCRED, {pid=%d, uid=%d, gid=%d}, [12]) = 0'),
  c('setsockoptTimeval', (u) => u.setsockoptTimeval(U, u.SOL_SOCKET, u.SO_RCVTIMEO, { sec: 2n, usec: 500n }), 'setsockopt(107, SOL_SOCKET, SO_RCVTIMEO_OLD, "\\2\\0\\0\\0\\0\\0\\0\\0\\364\\1\\0\\0\\0\\0\\0\\0", 16) = 0'),
  c('getsockoptTimeval', (u) => u.getsockoptTimeval(U, u.SOL_SOCKET, u.SO_RCVTIMEO), 'getsockopt(107, SOL_SOCKET, SO_RCVTIMEO_OLD, "\\2\\0\\0\\0\\0\\0\\0\\0%*", [16]) = 0'),
  c('getsockoptTCPInfo', (u) => u.getsockoptTCPInfo(L, u.SOL_TCP, u.TCP_INFO), 'getsockopt(104, SOL_TCP, TCP_INFO, "\\n%*"..., [248]) = 0'),
  c('setsockoptIPMreq', (u) => ignore(() => u.setsockoptIPMreq(U, u.SOL_IP, u.IP_ADD_MEMBERSHIP, { multiaddr: '224.0.0.251', interface: '127.0.0.1' })), 'setsockopt(107, SOL_IP, IP_ADD_MEMBERSHIP, {imr_multiaddr=inet_addr("224.0.0.251"), imr_interface=inet_addr("127.0.0.1")}, 8) = %*'),
  c('setsockoptIPMreqn', (u) => ignore(() => u.setsockoptIPMreqn(U, u.SOL_IP, u.IP_DROP_MEMBERSHIP, { multiaddr: '224.0.0.251', address: '127.0.0.1', ifindex: 1 })), 'setsockopt(107, SOL_IP, IP_DROP_MEMBERSHIP, {imr_multiaddr=inet_addr("224.0.0.251"), imr_interface=inet_addr("127.0.0.1")}, 12) = %*'),
  c('setsockoptInt-TCP', (u) => u.setsockopt(L, u.SOL_TCP, u.TCP_NODELAY, 1), 'setsockopt(104, SOL_TCP, TCP_NODELAY, [1], 4) = 0'),
  c('setsockoptByte', (u) => u.setsockoptByte(U, u.SOL_IP, u.IP_MULTICAST_TTL, 3), 'setsockopt(107, SOL_IP, IP_MULTICAST_TTL, "\\3", 1) = 0'),
  c('getsockoptByte', (u) => u.getsockoptByte(U, u.SOL_IP, u.IP_MULTICAST_TTL), 'getsockopt(107, SOL_IP, IP_MULTICAST_TTL, "\\3", [1]) = 0'),
  c('setsockoptString', (u) => ignore(() => u.setsockoptString(L, u.SOL_TCP, u.TCP_CONGESTION, 'cubic')), 'setsockopt(104, SOL_TCP, TCP_CONGESTION, "cubic", 5) = %*'),
  c('getsockoptString', (u) => u.getsockoptString(L, u.SOL_TCP, u.TCP_CONGESTION, 16), 'getsockopt(104, SOL_TCP, TCP_CONGESTION, "%*", [16]) = 0'),
  c('bindToDevice', (u) => ignore(() => u.bindToDevice(U, 'lo')), 'setsockopt(107, SOL_SOCKET, SO_BINDTODEVICE, "lo", 2) = %*'),
  c('getsockoptInet4Addr', (u) => u.getsockoptInet4Addr(U, u.SOL_IP, u.IP_MULTICAST_IF), 'getsockopt(107, SOL_IP, IP_MULTICAST_IF, %*, [4]) = 0'),
  c('setsockoptSockFprog', (u) => u.setsockoptSockFprog(U, u.SOL_SOCKET, u.SO_ATTACH_FILTER, [{ code: 6, jt: 0, jf: 0, k: 0xffff }]), 'setsockopt(107, SOL_SOCKET, SO_ATTACH_FILTER, {len=1, filter=%x}, 16) = 0'),
  // ---------------------------------------------------------------- terminals and ioctl
  c('ioctlGetWinsize', (u) => ignore(() => u.ioctlGetWinsize(F)), 'ioctl(100, TIOCGWINSZ, %x) = -1 ENOTTY (Inappropriate ioctl for device)'),
  c('ioctlGetTermios', (u) => ignore(() => u.ioctlGetTermios(F)), 'ioctl(100, TCGETS, %x) = -1 ENOTTY (Inappropriate ioctl for device)'),
  c('ioctlSetWinsize', (u) => ignore(() => u.ioctlSetWinsize(F, { row: 24, col: 80 })), 'ioctl(100, TIOCSWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = -1 ENOTTY (Inappropriate ioctl for device)'),
  c('ioctlGetInt', (u) => u.ioctlGetInt(PR, u.ioctlRequest('FIONREAD')), 'ioctl(102, FIONREAD, [%d]) = 0'),
  c('ioctlFileClone', (u) => ignore(() => u.ioctlFileClone(G, F)), 'ioctl(110, BTRFS_IOC_CLONE or FICLONE, 100) = %*'),
  c('ioctlIfreq', (u) => u.ioctlIfreq(U, u.ioctlRequest('SIOCGIFINDEX'), { name: 'lo' }), 'ioctl(107, SIOCGIFINDEX, {ifr_name="lo", ifr_ifindex=1}) = 0'),
  c('syscall', (u) => u.syscall('getppid'), 'getppid() = %d'),
  c('ptraceAttach', (u) => ignore(() => u.ptraceAttach(NOPID)), 'ptrace(PTRACE_ATTACH, 999999999) = -1 ESRCH (No such process)'),
  c('ptraceSyscall', (u) => ignore(() => u.ptraceSyscall(NOPID, 0)), 'ptrace(PTRACE_SYSCALL, 999999999, NULL, 0) = -1 ESRCH (No such process)'),
  c('ptraceSingleStep', (u) => ignore(() => u.ptraceSingleStep(NOPID)), 'ptrace(PTRACE_SINGLESTEP, 999999999, NULL, 0) = -1 ESRCH (No such process)'),
  c('ptracePeekText', (u) => ignore(() => u.ptracePeekText(NOPID, 0x2000n, 8)), 'ptrace(PTRACE_PEEKTEXT, 999999999, 0x2000, %*) = -1 ESRCH (No such process)'),
  c('ptracePokeData', (u) => ignore(() => u.ptracePokeData(NOPID, 0x3000n, Buffer.alloc(8, 1))), 'ptrace(PTRACE_POKEDATA, 999999999, 0x3000, 0x101010101010101) = -1 ESRCH (No such process)'),
  c('ptracePokeText', (u) => ignore(() => u.ptracePokeText(NOPID, 0x3000n, Buffer.alloc(8, 2))), 'ptrace(PTRACE_POKETEXT, 999999999, 0x3000, 0x202020202020202) = -1 ESRCH (No such process)'),
  c('ptracePokeUser', (u) => ignore(() => u.ptracePokeUser(NOPID, 8n, Buffer.alloc(8, 3))), 'ptrace(PTRACE_POKEUSER, 999999999, 8*R14, 0x303030303030303) = -1 ESRCH (No such process)'),
  c('sync', (u) => u.sync(), 'sync() = 0'),
  c('klogset', (u) => ignore(() => u.klogset(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, 0)), 'syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 0 /* LOGLEVEL_EMERG */) = -1 EINVAL (Invalid argument)', true),
  c('keyctl', (u) => u.keyctl(u.KEYCTL_GET_KEYRING_ID, u.KEY_SPEC_PROCESS_KEYRING, 0), 'keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_PROCESS_KEYRING, 0) = %d'),
  c('keyctlString', (u) => u.keyctlString(u.KEYCTL_DESCRIBE, u.keyctlSearch(u.KEY_SPEC_PROCESS_KEYRING, 'user', 'sysray-test', 0)), 'keyctl(KEYCTL_DESCRIBE, %d, "user;%*sysray-test", 256) = %d'),
  c('keyctlBuffer', (u) => u.keyctlBuffer(u.KEYCTL_READ, u.keyctlSearch(u.KEY_SPEC_PROCESS_KEYRING, 'user', 'sysray-test', 0), Buffer.alloc(16)), 'keyctl(KEYCTL_READ, %d, "payload", 16) = 7'),
  c('keyctlSetperm', (u) => u.keyctlSetperm(u.keyctlSearch(u.KEY_SPEC_PROCESS_KEYRING, 'user', 'sysray-test', 0), 0x3f010000), 'keyctl(KEYCTL_SETPERM, %d, KEY_POS_VIEW|KEY_POS_READ|KEY_POS_WRITE|KEY_POS_SEARCH|KEY_POS_LINK|KEY_POS_SETATTR|KEY_USR_VIEW) = 0'),
  c('keyctlJoinSessionKeyring', (u) => u.keyctlJoinSessionKeyring(null), 'keyctl(KEYCTL_JOIN_SESSION_KEYRING, NULL) = %d'),
  c('keyctlRestrictKeyring', (u) => ignore(() => u.keyctlRestrictKeyring(u.KEY_SPEC_SESSION_KEYRING, null, null)), 'keyctl(KEYCTL_RESTRICT_KEYRING, KEY_SPEC_SESSION_KEYRING, NULL, NULL) = %*'),
  c('keyctlInstantiateIOV', (u) => ignore(() => u.keyctlInstantiateIOV(12345, [Buffer.from('k')], 0)), 'keyctl(KEYCTL_INSTANTIATE_IOV, 12345, [{iov_base="k", iov_len=1}], 1, 0) = %*'),
  c('keyctlDHCompute', (u) => ignore(() => u.keyctlDHCompute({ private: 1, prime: 2, base: 3 }, Buffer.alloc(8))), 'keyctl(KEYCTL_DH_COMPUTE, {private=1, prime=2, base=3}, %*, 8, NULL) = %*'),
  c('getsockoptIPMreq', (u) => ignore(() => u.getsockoptIPMreq(U, u.SOL_IP, u.IP_ADD_MEMBERSHIP)), 'getsockopt(107, SOL_IP, IP_ADD_MEMBERSHIP, %*, [8]) = %*'),
  c('getsockoptIPMreqn', (u) => ignore(() => u.getsockoptIPMreqn(U, u.SOL_IP, u.IP_ADD_MEMBERSHIP)), 'getsockopt(107, SOL_IP, IP_ADD_MEMBERSHIP, %*, [12]) = %*'),
  c('getsockoptIPv6Mreq', (u) => ignore(() => u.getsockoptIPv6Mreq(U, u.SOL_IPV6, u.IPV6_ADD_MEMBERSHIP)), 'getsockopt(107, SOL_IPV6, IPV6_ADD_MEMBERSHIP, %*, [20]) = %*'),
  c('setsockoptIPv6Mreq', (u) => ignore(() => u.setsockoptIPv6Mreq(U, u.SOL_IPV6, u.IPV6_ADD_MEMBERSHIP, { interface: 1 })), 'setsockopt(107, SOL_IPV6, IPV6_ADD_MEMBERSHIP, %*, 20) = %*'),
  c('getsockoptIPv6MTUInfo', (u) => ignore(() => u.getsockoptIPv6MTUInfo(U, u.SOL_IPV6, u.IPV6_MTU)), 'getsockopt(107, SOL_IPV6, IPV6_MTU, %*, [32]) = %*'),
  c('getsockoptICMPv6Filter', (u) => ignore(() => u.getsockoptICMPv6Filter(U, u.SOL_ICMPV6, 1)), 'getsockopt(107, SOL_ICMPV6, %*, [32]) = %*'),
  c('setsockoptICMPv6Filter', (u) => ignore(() => u.setsockoptICMPv6Filter(U, u.SOL_ICMPV6, 1, {})), 'setsockopt(107, SOL_ICMPV6, %*, 32) = %*'),
  c('getsockoptTpacketStats', (u) => ignore(() => u.getsockoptTpacketStats(U, u.SOL_PACKET, u.PACKET_STATISTICS)), 'getsockopt(107, SOL_PACKET, PACKET_STATISTICS, %*, [8]) = %*'),
  c('getsockoptTpacketStatsV3', (u) => ignore(() => u.getsockoptTpacketStatsV3(U, u.SOL_PACKET, u.PACKET_STATISTICS)), 'getsockopt(107, SOL_PACKET, PACKET_STATISTICS, %*, [12]) = %*'),
  c('setsockoptPacketMreq', (u) => ignore(() => u.setsockoptPacketMreq(U, u.SOL_PACKET, u.PACKET_ADD_MEMBERSHIP, { ifindex: 1 })), 'setsockopt(107, SOL_PACKET, PACKET_ADD_MEMBERSHIP, %*, 16) = %*'),
  c('setsockoptTpacketReq', (u) => ignore(() => u.setsockoptTpacketReq(U, u.SOL_PACKET, u.PACKET_RX_RING, {})), 'setsockopt(107, SOL_PACKET, PACKET_RX_RING, %*, 16) = %*'),
  c('setsockoptTpacketReq3', (u) => ignore(() => u.setsockoptTpacketReq3(U, u.SOL_PACKET, u.PACKET_RX_RING, {})), 'setsockopt(107, SOL_PACKET, PACKET_RX_RING, %*, 28) = %*'),
  c('getsockoptTCPCCVegasInfo', (u) => ignore(() => u.getsockoptTCPCCVegasInfo(L, u.SOL_TCP, u.TCP_CC_INFO)), 'getsockopt(104, SOL_TCP, TCP_CC_INFO, %x, [16 => %d]) = 0'),
  c('getsockoptTCPCCDCTCPInfo', (u) => ignore(() => u.getsockoptTCPCCDCTCPInfo(L, u.SOL_TCP, u.TCP_CC_INFO)), 'getsockopt(104, SOL_TCP, TCP_CC_INFO, %x, [16 => %d]) = 0'),
  c('getsockoptTCPCCBBRInfo', (u) => ignore(() => u.getsockoptTCPCCBBRInfo(L, u.SOL_TCP, u.TCP_CC_INFO)), 'getsockopt(104, SOL_TCP, TCP_CC_INFO, %x, [20 => %d]) = 0'),
  c('setsockoptTCPMD5Sig', (u) => ignore(() => u.setsockoptTCPMD5Sig(L, u.SOL_TCP, u.TCP_MD5SIG, { keylen: 0 })), 'setsockopt(104, SOL_TCP, TCP_MD5SIG, %*, 216) = %*'),
  c('setsockoptTCPRepairOpt', (u) => ignore(() => u.setsockoptTCPRepairOpt(L, u.SOL_TCP, u.TCP_REPAIR_OPTIONS, [{ code: 2, val: 1460 }])), 'setsockopt(104, SOL_TCP, TCP_REPAIR_OPTIONS, %*, 8) = %*'),
  c('setsockoptCanRawFilter', (u) => ignore(() => u.setsockoptCanRawFilter(U, 101 /* SOL_CAN_RAW */, 1, [{ id: 0x123, mask: 0x7ff }])), 'setsockopt(107, %*, 8) = %*'),
  c('setsockoptUint64', (u) => ignore(() => u.setsockoptUint64(U, u.SOL_SOCKET, u.SO_MAX_PACING_RATE, 1000000n)), 'setsockopt(107, SOL_SOCKET, SO_MAX_PACING_RATE, %*, 8) = %*'),
  c('getsockoptUint64', (u) => u.getsockoptUint64(U, u.SOL_SOCKET, u.SO_MAX_PACING_RATE), 'getsockopt(107, SOL_SOCKET, SO_MAX_PACING_RATE, %*, [%d]) = 0'),
  c('setsockoptInet4Addr', (u) => u.setsockoptInet4Addr(U, u.SOL_IP, u.IP_MULTICAST_IF, '127.0.0.1'), 'setsockopt(107, SOL_IP, IP_MULTICAST_IF, %*, 4) = 0'),
  c('ioctlGetUint32', (u) => u.ioctlGetUint32(PR, u.ioctlRequest('FIONREAD')), 'ioctl(102, FIONREAD, [%d]) = 0'),
  c('ioctlSetPointerInt', (u) => u.ioctlSetPointerInt(QR, u.ioctlRequest('FIONBIO'), 1), 'ioctl(111, FIONBIO, [1]) = 0'),
  c('ioctlSetInt', (u) => ignore(() => u.ioctlSetInt(F, u.ioctlRequest('TCXONC'), 1)), 'ioctl(100, TCXONC, TCOON) = -1 ENOTTY (Inappropriate ioctl for device)'),
  c('ioctlRetInt', (u) => ignore(() => u.ioctlRetInt(F, u.ioctlRequest('TIOCGPGRP'))), 'ioctl(100, TIOCGPGRP, NULL) = -1 ENOTTY (Inappropriate ioctl for device)'),
  c('ioctlSetString', (u) => ignore(() => u.ioctlSetString(F, u.ioctlRequest('FS_IOC_SETFSLABEL'), 'label')), 'ioctl(100, FS_IOC_SETFSLABEL, %*) = %*'),
  c('ioctlSetTermios', (u) => ignore(() => u.ioctlSetTermios(F, u.ioctlRequest('TCSETS'), {})), 'ioctl(100, SNDCTL_TMR_START or TCSETS, {%*}) = -1 ENOTTY (Inappropriate ioctl for device)'),
  c('ioctlFileCloneRange', (u) => ignore(() => u.ioctlFileCloneRange(G, { srcFd: F, srcLength: 4096 })), 'ioctl(110, BTRFS_IOC_CLONE_RANGE or FICLONERANGE, {src_fd=100, src_offset=0, src_length=4096, dest_offset=0}) = %*'),
  c('ioctlPidfdInfo', (u) => ignore(() => u.ioctlPidfdInfo(135)), 'ioctl(135, %*) = %*'),
  c('ioctl', (u) => u.ioctl(PR, u.ioctlRequest('FIONREAD'), Buffer.alloc(4)), 'ioctl(102, FIONREAD, [%d]) = 0'),
  // ---------------------------------------------------------------- namespaces and mounts (last: they move this thread)
  c('unshare', (u) => {
    const ns = u.open('/proc/thread-self/ns/uts', u.O_RDONLY | u.O_CLOEXEC);
    u.dup2(ns, 137);
    u.close(ns);
    u.unshare(u.CLONE_NEWNS | u.CLONE_NEWUTS);
  }, 'unshare(CLONE_NEWNS|CLONE_NEWUTS) = 0', true),
  c('sethostname', (u) => u.sethostname('sysray-ns'), 'sethostname("sysray-ns", 9) = 0', true),
  c('setdomainname', (u) => u.setdomainname('sysray'), 'setdomainname("sysray", 6) = 0', true),
  c('mount-private', (u) => u.mount(null, '/', null, u.MS_REC | u.MS_PRIVATE), 'mount(NULL, "/", NULL, MS_REC|MS_PRIVATE, NULL) = 0', true),
  c('mount', (u) => {
    u.mkdir('mnt', 0o755);
    u.mount('none', 'mnt', 'tmpfs', 0, 'size=1m');
  }, 'mount("none", "mnt", "tmpfs", 0, "size=1m") = 0', true),
  c('umount2', (u) => u.umount2('mnt', u.MNT_DETACH), 'umount2("mnt", MNT_DETACH) = 0', true),
  c('fsopen', (u) => {
    const f = u.fsopen('tmpfs', u.FSOPEN_CLOEXEC);
    u.dup2(f, 138);
    u.close(f);
  }, 'fsopen("tmpfs", FSOPEN_CLOEXEC) = %d', true),
  c('fsconfigSetString', (u) => u.fsconfigSetString(138, 'size', '1m'), 'fsconfig(138, FSCONFIG_SET_STRING, "size", "1m", 0) = 0', true),
  c('fsconfigSetFlag', (u) => ignore(() => u.fsconfigSetFlag(138, 'noswap')), 'fsconfig(138, FSCONFIG_SET_FLAG, "noswap", NULL, 0) = %*', true),
  c('fsconfigCreate', (u) => u.fsconfigCreate(138), 'fsconfig(138, FSCONFIG_CMD_CREATE, NULL, NULL, 0) = 0', true),
  c('fsmount', (u) => {
    const m = u.fsmount(138, u.FSMOUNT_CLOEXEC, u.MOUNT_ATTR_NODEV);
    u.dup2(m, 139);
    u.close(m);
  }, 'fsmount(138, FSMOUNT_CLOEXEC, MOUNT_ATTR_NODEV) = %d', true),
  c('move_mount', (u) => u.move_mount(139, '', u.AT_FDCWD, 'mnt', u.MOVE_MOUNT_F_EMPTY_PATH), 'move_mount(139, "", AT_FDCWD, "mnt", MOVE_MOUNT_F_EMPTY_PATH) = 0', true),
  c('mount_setattr', (u) => u.mount_setattr(u.AT_FDCWD, 'mnt', 0, { attrSet: u.MOUNT_ATTR_RDONLY }), 'mount_setattr(AT_FDCWD, "mnt", 0, {attr_set=MOUNT_ATTR_RDONLY, %*}, 32) = 0', true),
  c('fspick', (u) => u.close(u.fspick(u.AT_FDCWD, 'mnt', u.FSPICK_CLOEXEC)), 'fspick(AT_FDCWD, "mnt", FSPICK_CLOEXEC) = %d', true),
  c('open_tree', (u) => u.close(u.open_tree(u.AT_FDCWD, 'mnt', u.OPEN_TREE_CLONE | u.OPEN_TREE_CLOEXEC)), 'open_tree(AT_FDCWD, "mnt", OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC) = %d', true),
  c('fsconfigSetPath', (u) => {
    const f = u.fsopen('tmpfs', u.FSOPEN_CLOEXEC);
    u.dup2(f, 140);
    u.close(f);
    ignore(() => u.fsconfigSetPath(140, 'source', '/', u.AT_FDCWD));
  }, 'fsconfig(140, FSCONFIG_SET_PATH, "source", "/", AT_FDCWD) = %*', true),
  c('fsconfigSetPathEmpty', (u) => ignore(() => u.fsconfigSetPathEmpty(140, 'source', '', D)), 'fsconfig(140, FSCONFIG_SET_PATH_EMPTY, "source", "", 101) = %*', true),
  c('fsconfigSetFd', (u) => ignore(() => u.fsconfigSetFd(140, 'source', F)), 'fsconfig(140, FSCONFIG_SET_FD, "source", NULL, 100) = %*', true),
  c('fsconfigSetBinary', (u) => ignore(() => u.fsconfigSetBinary(140, 'source', Buffer.from('xy'))), 'fsconfig(140, FSCONFIG_SET_BINARY, "source", %*, 2) = %*', true),
  c('fsconfigReconfigure', (u) => {
    const f = u.fspick(u.AT_FDCWD, 'mnt', u.FSPICK_CLOEXEC);
    ignore(() => u.fsconfigReconfigure(f));
    u.close(f);
  }, 'fsconfig(%d, FSCONFIG_CMD_RECONFIGURE, NULL, NULL, 0) = %*', true),
  // a pivot that succeeded would move this namespace's root: the row asks for one that cannot
  c('pivot_root', (u) => ignore(() => u.pivot_root('no-such-root', 'no-such-root')), 'pivot_root("no-such-root", "no-such-root") = -1 ENOENT (No such file or directory)', true),
  c('unmount', (u) => {
    u.close(139);
    u.umount2('mnt', 0);
  }, 'umount2("mnt", 0) = 0', true),
  c('setns', (u) => u.setns(137, u.CLONE_NEWUTS), 'setns(137, CLONE_NEWUTS) = 0', true),
];
