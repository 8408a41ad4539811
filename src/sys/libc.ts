/**
 * The one FFI layer: koffi bindings to libc. Every call that can fail is followed immediately by a
 * read of errno (koffi.errno()), through the small wrappers below. Nothing outside src/sys imports koffi.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as KoffiModule from 'koffi';

type Koffi = typeof KoffiModule;

/** How koffi was found: its prebuilt binary directly, or through its package's loader. */
export let koffiLoadedFrom: 'prebuilt' | 'package' = 'package';

/**
 * koffi, loaded straight from its prebuilt binary when that sits where npm installs it. koffi's own
 * loader resolves three packages and reads Node's ELF header to choose between its glibc and musl
 * builds: a tenth of sysray's start-up. sysray binds glibc's libc.so.6 anyway, so the glibc build
 * is the one. Anything unexpected falls back to `require('koffi')`.
 */
function loadKoffi(): Koffi {
  if (process.platform === 'linux' && (process.arch === 'x64' || process.arch === 'arm64')) {
    const rel = join('node_modules', '@koromix', `koffi-linux-${process.arch}`, `linux_${process.arch}`, 'koffi.node');
    // import.meta.dirname: Node 20.11 and later; the bundle has it as __dirname, with no URL made
    for (let dir = import.meta.dirname ?? dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
      const bin = join(dir, rel);
      if (existsSync(bin)) {
        try {
          // what require() of a .node file does, without its path resolution
          const mod = { exports: {} as Koffi };
          process.dlopen(mod, bin);
          const native = mod.exports;
          if (typeof native.load === 'function' && typeof native.errno === 'function') {
            koffiLoadedFrom = 'prebuilt';
            return native;
          }
        } catch {
          // not loadable here: koffi's loader decides
        }
        break;
      }
      if (dirname(dir) === dir) break;
    }
  }
  return requireKoffi();
}

/**
 * `require('koffi')`, through koffi's own loader. node:module is fetched here, not imported: loading
 * it costs 1.5 ms of every start-up, and the prebuilt binary above is nearly always there.
 */
function requireKoffi(): Koffi {
  const { createRequire } = process.getBuiltinModule?.('node:module') ?? {};
  if (createRequire) return createRequire(import.meta.url)('koffi') as Koffi;
  // Node 20 before 20.16: sysray's bundle has a require; the modules themselves do without
  if (typeof require === 'function') return require('koffi') as Koffi;
  throw new Error('sysray: cannot load koffi: its prebuilt binary is not where npm installs it, and this Node has no process.getBuiltinModule (20.16 and later)');
}

const koffi = loadKoffi();
const libc = koffi.load('libc.so.6');

type KoffiFunction = ReturnType<typeof libc.func>;

/** Functions declared from their C prototypes on first use (each declaration parses its prototype). */
function lazyFuncs<K extends string>(protos: Record<K, string>): Record<K, KoffiFunction> {
  const out = {} as Record<K, KoffiFunction>;
  for (const name of Object.keys(protos) as K[]) {
    Object.defineProperty(out, name, {
      configurable: true,
      enumerable: true,
      get(): KoffiFunction {
        const fn = libc.func(protos[name]);
        Object.defineProperty(out, name, { value: fn, enumerable: true });
        return fn;
      },
    });
  }
  return out;
}

// Fixed-arity prototypes (ptrace and syscall are variadic in glibc; fixed arity is cheaper and, with
// integer/pointer arguments only, ABI-identical on x86_64 and aarch64). The tracer's calls at every
// stop take the addresses of buffers fixed in memory as plain integers (bufferAddress): koffi then
// has no buffer to look up at each call.
export const raw = lazyFuncs({
  ptraceN: 'long ptrace(long request, int pid, uint64_t addr, uint64_t data)',
  waitpid: 'int waitpid(int pid, _Out_ int *status, int options)',
  waitpidAt: 'int waitpid(int pid, uint64_t status, int options)',
  wait4At: 'int wait4(int pid, uint64_t status, int options, uint64_t rusage)',
  kill: 'int kill(int pid, int sig)',
  getpid: 'int getpid()',
  syscall6: 'long syscall(long nr, uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e, uint64_t f)',
  process_vm_readvAt: 'long process_vm_readv(int pid, uint64_t local, unsigned long liovcnt, uint64_t remote, unsigned long riovcnt, unsigned long flags)',
  process_vm_writev: 'long process_vm_writev(int pid, void *local, unsigned long liovcnt, void *remote, unsigned long riovcnt, unsigned long flags)',
  geteuid: 'int geteuid()',
  pread: 'long pread(int fd, void *buf, unsigned long count, int64_t offset)',
  open: 'int open(const char *path, int flags, int mode)',
  close: 'int close(int fd)',
  posix_spawn: 'int posix_spawn(_Out_ int *pid, const char *path, void *file_actions, void *attrp, void *argv, void *envp)',
  posix_spawnattr_init: 'int posix_spawnattr_init(void *attr)',
  posix_spawnattr_destroy: 'int posix_spawnattr_destroy(void *attr)',
  posix_spawnattr_setflags: 'int posix_spawnattr_setflags(void *attr, short flags)',
  posix_spawnattr_setsigmask: 'int posix_spawnattr_setsigmask(void *attr, void *mask)',
  posix_spawnattr_setsigdefault: 'int posix_spawnattr_setsigdefault(void *attr, void *mask)',
  posix_spawn_file_actions_init: 'int posix_spawn_file_actions_init(void *fa)',
  posix_spawn_file_actions_destroy: 'int posix_spawn_file_actions_destroy(void *fa)',
  posix_spawn_file_actions_addclose: 'int posix_spawn_file_actions_addclose(void *fa, int fd)',
  posix_spawn_file_actions_adddup2: 'int posix_spawn_file_actions_adddup2(void *fa, int fd, int newfd)',
  posix_spawn_file_actions_addchdir_np: 'int posix_spawn_file_actions_addchdir_np(void *fa, const char *path)',
  posix_spawn_file_actions_addopen: 'int posix_spawn_file_actions_addopen(void *fa, int fd, const char *path, int flags, int mode)',
  signal: 'void *signal(int sig, void *handler)',
  setrlimit: 'int setrlimit(int resource, void *rlim)',
  sigprocmask: 'int sigprocmask(int how, void *set, void *oldset)',
  raise: 'int raise(int sig)',
  socket: 'int socket(int domain, int type, int protocol)',
  send: 'long send(int fd, void *buf, unsigned long len, int flags)',
  recv: 'long recv(int fd, void *buf, unsigned long len, int flags)',
  getxattr: 'long getxattr(const char *path, const char *name, void *value, unsigned long size)',
  _exit: 'void _exit(int status)',
  getpwnam: 'void *getpwnam(const char *name)',
  getgrouplist: 'int getgrouplist(const char *user, uint32_t group, void *groups, void *ngroups)',
  getuid: 'int getuid()',
  pipe2: 'int pipe2(void *fds, int flags)',
  gettid: 'int gettid()',
  tgkill: 'int tgkill(int tgid, int tid, int sig)',
  prctl: 'int prctl(int option, void *arg2, uint64_t arg3, uint64_t arg4, uint64_t arg5)',
  poll: 'int poll(void *fds, unsigned long nfds, int timeout)',
  isatty: 'int isatty(int fd)',
  ioctl: 'int ioctl(int fd, unsigned long request, unsigned long arg)',
  if_indextoname: 'void *if_indextoname(unsigned int ifindex, void *ifname)',
  sched_getaffinity: 'int sched_getaffinity(int pid, unsigned long size, void *mask)',
  sched_setaffinity: 'int sched_setaffinity(int pid, unsigned long size, void *mask)',
  sched_getcpu: 'int sched_getcpu()',
});

/**
 * Name this process as the kernel would have named it had it exec'd `argv0` itself (its file name,
 * 15 bytes at most: /proc/PID/comm, what ps and strace -Y show), not `node`.
 */
export function setProcessName(argv0: string): void {
  const base = argv0.slice(argv0.lastIndexOf('/') + 1);
  if (!base) return;
  const name = Buffer.alloc(16);
  Buffer.from(base, 'latin1').copy(name, 0, 0, 15);
  raw.prctl(15 /* PR_SET_NAME */, name, 0, 0, 0);
}

/**
 * A user as strace's -u looks one up: getpwnam's uid and gid, and the supplementary groups
 * initgroups(name, gid) would set (getgrouplist). Undefined if there is no such user.
 */
export function userByName(name: string): { uid: number; gid: number; groups: number[] } | undefined {
  const pw = raw.getpwnam(name);
  if (!pw) return undefined;
  // struct passwd on x86_64 and aarch64: pw_name, pw_passwd (pointers), then pw_uid, pw_gid
  const ids = new DataView(koffi.view(pw, 24));
  const uid = ids.getUint32(16, true), gid = ids.getUint32(20, true);
  for (let room = 64; ; ) {
    const groups = Buffer.alloc(room * 4);
    const n = Buffer.alloc(4);
    n.writeInt32LE(room);
    const rc = raw.getgrouplist(name, gid, groups, n) as number;
    const count = n.readInt32LE(0);
    if (rc >= 0) return { uid, gid, groups: Array.from({ length: count }, (_, i) => groups.readUInt32LE(i * 4)) };
    if (count <= room) return { uid, gid, groups: [gid] };
    room = count;
  }
}

/**
 * The address of a buffer's first byte, for passing it to the kernel. Touching `.buffer` first moves
 * a small typed array's bytes off the V8 heap, where they never move. Keep the buffer reachable
 * for as long as the address is used.
 */
export function bufferAddress(buf: Uint8Array): bigint {
  void buf.buffer;
  return BigInt(koffi.address(buf) as unknown as bigint);
}

/**
 * A NULL-terminated `char *[]` over byte strings, for execve-style arguments. Keep the returned
 * object alive for as long as the pointers are used.
 */
export function cStringArray(items: Uint8Array[]): { ptrs: Buffer; block: Buffer } {
  const total = items.reduce((n, b) => n + b.length + 1, 0);
  const block = Buffer.alloc(Math.max(total, 1));
  const ptrs = Buffer.alloc((items.length + 1) * 8);
  const base = bufferAddress(block);
  let off = 0;
  items.forEach((b, i) => {
    block.set(b, off);
    ptrs.writeBigUInt64LE(base + BigInt(off), i * 8);
    off += b.length + 1;
  });
  return { ptrs, block };
}

/**
 * An ArrayBuffer over `length` bytes of this process's memory at `address` (an mmap'd region, for
 * sysray/unix). It does not own the memory: touching it after munmap is a crash.
 */
export function memoryView(address: bigint, length: number): ArrayBuffer {
  return koffi.view(address as unknown as Parameters<typeof koffi.view>[0], length) as ArrayBuffer;
}

/** The result of a call made on libuv's thread pool, with the errno koffi kept for it. */
export interface AsyncResult {
  result: number;
  errno: number;
}

/**
 * `syscall(nr, a…f)` on one of libuv's pool threads (koffi's `.async`), for calls that may wait. The
 * thread is not the caller's: fine for ordinary syscalls, wrong for ptrace (per-thread tracer).
 */
export function syscallAsync(nr: number, a: readonly bigint[]): Promise<AsyncResult> {
  return new Promise((resolve, reject) => {
    raw.syscall6.async(nr, a[0] ?? 0n, a[1] ?? 0n, a[2] ?? 0n, a[3] ?? 0n, a[4] ?? 0n, a[5] ?? 0n, (err: unknown, r: unknown) => {
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else {
        const result = Number(r);
        resolve({ result, errno: result === -1 ? koffi.errno() : 0 });
      }
    });
  });
}

/** `poll(fds, nfds, timeout)` on a libuv pool thread: the shared waiter of sysray/unix's async forms. */
export function pollAsync(fds: Buffer, nfds: number, timeout: number): Promise<AsyncResult> {
  return new Promise((resolve, reject) => {
    raw.poll.async(fds, nfds, timeout, (err: unknown, r: unknown) => {
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else {
        const result = Number(r);
        resolve({ result, errno: result === -1 ? koffi.errno() : 0 });
      }
    });
  });
}

/** errno of the call just made. Read it right after the call, before anything else. */
export const errno = (): number => koffi.errno();

export const SIG_DFL = 0n;
export const SIG_IGN = 1n;

export { koffi, libc };
