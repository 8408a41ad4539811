/**
 * The one FFI layer: koffi bindings to libc. Every call that can fail is followed immediately by a
 * read of errno (koffi.errno()), through the small wrappers below. Nothing outside src/sys imports koffi.
 */
import koffi from 'koffi';

const libc = koffi.load('libc.so.6');

// Fixed-arity prototypes (ptrace and syscall are variadic in glibc; fixed arity is cheaper and, with
// integer/pointer arguments only, ABI-identical on x86_64 and aarch64).
export const raw = {
  ptrace: libc.func('long ptrace(long request, int pid, void *addr, void *data)'),
  ptraceN: libc.func('long ptrace(long request, int pid, uint64_t addr, uint64_t data)'),
  waitpid: libc.func('int waitpid(int pid, _Out_ int *status, int options)'),
  waitpidBuf: libc.func('int waitpid(int pid, void *status, int options)'),
  wait4: libc.func('int wait4(int pid, void *status, int options, void *rusage)'),
  kill: libc.func('int kill(int pid, int sig)'),
  getpid: libc.func('int getpid()'),
  syscall6: libc.func('long syscall(long nr, uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e, uint64_t f)'),
  process_vm_readv: libc.func(
    'long process_vm_readv(int pid, void *local, unsigned long liovcnt, void *remote, unsigned long riovcnt, unsigned long flags)',
  ),
  process_vm_writev: libc.func(
    'long process_vm_writev(int pid, void *local, unsigned long liovcnt, void *remote, unsigned long riovcnt, unsigned long flags)',
  ),
  geteuid: libc.func('int geteuid()'),
  pread: libc.func('long pread(int fd, void *buf, unsigned long count, int64_t offset)'),
  open: libc.func('int open(const char *path, int flags, int mode)'),
  close: libc.func('int close(int fd)'),
  posix_spawn: libc.func(
    'int posix_spawn(_Out_ int *pid, const char *path, void *file_actions, void *attrp, void *argv, void *envp)',
  ),
  posix_spawnattr_init: libc.func('int posix_spawnattr_init(void *attr)'),
  posix_spawnattr_destroy: libc.func('int posix_spawnattr_destroy(void *attr)'),
  posix_spawnattr_setflags: libc.func('int posix_spawnattr_setflags(void *attr, short flags)'),
  posix_spawnattr_setsigmask: libc.func('int posix_spawnattr_setsigmask(void *attr, void *mask)'),
  posix_spawnattr_setsigdefault: libc.func('int posix_spawnattr_setsigdefault(void *attr, void *mask)'),
  posix_spawn_file_actions_init: libc.func('int posix_spawn_file_actions_init(void *fa)'),
  posix_spawn_file_actions_destroy: libc.func('int posix_spawn_file_actions_destroy(void *fa)'),
  posix_spawn_file_actions_addclose: libc.func('int posix_spawn_file_actions_addclose(void *fa, int fd)'),
  posix_spawn_file_actions_adddup2: libc.func('int posix_spawn_file_actions_adddup2(void *fa, int fd, int newfd)'),
  signal: libc.func('void *signal(int sig, void *handler)'),
  setrlimit: libc.func('int setrlimit(int resource, void *rlim)'),
  sigprocmask: libc.func('int sigprocmask(int how, void *set, void *oldset)'),
  raise: libc.func('int raise(int sig)'),
  socket: libc.func('int socket(int domain, int type, int protocol)'),
  send: libc.func('long send(int fd, void *buf, unsigned long len, int flags)'),
  recv: libc.func('long recv(int fd, void *buf, unsigned long len, int flags)'),
  getxattr: libc.func('long getxattr(const char *path, const char *name, void *value, unsigned long size)'),
};

/**
 * A NULL-terminated `char *[]` over byte strings, for execve-style arguments. Keep the returned
 * object alive for as long as the pointers are used.
 */
export function cStringArray(items: Uint8Array[]): { ptrs: Buffer; block: Buffer } {
  const total = items.reduce((n, b) => n + b.length + 1, 0);
  const block = Buffer.alloc(Math.max(total, 1));
  const ptrs = Buffer.alloc((items.length + 1) * 8);
  const base = BigInt(koffi.address(block) as unknown as bigint);
  let off = 0;
  items.forEach((b, i) => {
    block.set(b, off);
    ptrs.writeBigUInt64LE(base + BigInt(off), i * 8);
    off += b.length + 1;
  });
  return { ptrs, block };
}

/** errno of the call just made. Read it right after the call, before anything else. */
export const errno = (): number => koffi.errno();

export const SIG_DFL = 0n;
export const SIG_IGN = 1n;

export { koffi };
