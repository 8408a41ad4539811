/**
 * sysray/unix: typed raw Linux syscalls from TypeScript, in the spirit of Go's golang.org/x/sys/unix.
 *
 * ```ts
 * import * as unix from 'sysray/unix';
 * const fd = unix.open('test.txt', unix.O_CREAT | unix.O_WRONLY, 0o600);
 * unix.write(fd, 'hello world\n');
 * unix.close(fd);
 * await unix.async.accept(listener);   // waits off the event loop
 * ```
 *
 * Every function makes the real system call (through libc's `syscall()`, by number from the
 * architecture table; no libc wrapper in between), so what you write is what `strace` shows. The
 * plain functions are synchronous; `unix.async` has a Promise form of every call that can wait.
 * Errors throw {@link SyscallError}; bad arguments throw TypeError/RangeError before any syscall.
 * docs/unix.md is the manual.
 */
export * from './constants.js';
export * from './names.js';
export { SyscallError, addressOf, syscall, syscallNumber, type PathLike, type SyscallArg } from './core.js';
export * from './files.js';
export * from './sockaddr.js';
export * from './sockets.js';
export * from './process.js';
export * from './memory.js';
export * from './events.js';
export * from './time.js';
export { struct, type Layout, type StructOf } from './struct.js';
export * from './filemeta.js';
export * from './filedata.js';
export * from './namespaces.js';
export * from './ptrace.js';
export * from './ioctl.js';
export * from './sockopts.js';
export * from './keys.js';
export * as async from './async.js';
