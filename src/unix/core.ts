/**
 * The machinery every sysray/unix wrapper shares: the error type, argument checks (made before
 * any syscall, so the kernel never sees a pointer we did not build from a live buffer), and
 * `sys()`, which makes one syscall by number from the architecture table through src/sys.
 */
import { bufferAddress, raw, errno as lastErrno, syscallAsync } from '../sys/libc.js';
import { NATIVE } from '../arch/index.js';
import { ERRNO_NAMES, errnoMessage } from '../decode/xlat/errno.js';
import { constants } from './constants.js';

const AT_FDCWD = constants.AT_FDCWD!;

/**
 * A system call the kernel failed. `errno` is the kernel's positive error number (Node's own
 * errors carry it negated); `code` its name; `syscall` the real syscall made (`openat` for
 * {@link open}, `newfstatat` for {@link stat}); `path`/`dest` the path arguments, if any.
 * The message follows Node's format: `ENOENT: no such file or directory, openat '/nope'`.
 */
export class SyscallError extends Error {
  readonly errno: number;
  readonly code: string;
  readonly syscall: string;
  readonly path?: string;
  readonly dest?: string;

  constructor(syscall: string, errno: number, path?: string, dest?: string) {
    const code = ERRNO_NAMES[errno] ?? `E${errno}`;
    const text = errnoMessage(errno);
    let msg = `${code}: ${text.charAt(0).toLowerCase()}${text.slice(1)}, ${syscall}`;
    if (path !== undefined) msg += ` '${path}'`;
    if (dest !== undefined) msg += ` -> '${dest}'`;
    super(msg);
    this.name = 'SyscallError';
    this.errno = errno;
    this.code = code;
    this.syscall = syscall;
    if (path !== undefined) this.path = path;
    if (dest !== undefined) this.dest = dest;
  }
}

// ================================================================ argument checks

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return `function ${v.name || '<anonymous>'}`;
  if (typeof v === 'object') {
    const name = (v as object).constructor?.name;
    return name ? `an instance of ${name}` : 'an object';
  }
  let s = typeof v === 'bigint' ? `${v}n` : typeof v === 'string' ? `'${v}'` : String(v);
  if (s.length > 28) s = `${s.slice(0, 25)}...`;
  return `type ${typeof v} (${s})`;
}

export function int(v: unknown, name: string, min: number, max: number): number {
  if (typeof v !== 'number') throw new TypeError(`The "${name}" argument must be of type number. Received ${describe(v)}`);
  if (!Number.isInteger(v)) throw new TypeError(`The "${name}" argument must be an integer. Received ${v}`);
  if (v < min || v > max) {
    throw new RangeError(`The value of "${name}" is out of range. It must be >= ${min} and <= ${max}. Received ${v}`);
  }
  return v;
}

export const INT_MIN = -0x80000000;
export const INT_MAX = 0x7fffffff;
export const UINT_MAX = 0xffffffff;

/** A file descriptor: an integer 0..2^31-1. */
export const fdArg = (v: unknown, name = 'fd'): number => int(v, name, 0, INT_MAX);
/** A directory fd for the *at() calls: a file descriptor or AT_FDCWD. */
export const dirfdArg = (v: unknown, name = 'dirfd'): number => (v === AT_FDCWD ? AT_FDCWD : fdArg(v, name));
/** A C `int` or `unsigned int` flag word (both spellings accepted, as C would). */
export const flagsArg = (v: unknown, name = 'flags'): number => int(v, name, INT_MIN, UINT_MAX);
export const i32Arg = (v: unknown, name: string): number => int(v, name, INT_MIN, INT_MAX);
export const u32Arg = (v: unknown, name: string): number => int(v, name, 0, UINT_MAX);

/** A 64-bit signed offset, as a safe-integer number or a bigint. */
export function offArg(v: unknown, name: string): bigint {
  if (typeof v === 'bigint') {
    if (v < -(1n << 63n) || v >= 1n << 63n) throw new RangeError(`The value of "${name}" is out of range of a 64-bit offset. Received ${v}n`);
    return v;
  }
  if (typeof v !== 'number') throw new TypeError(`The "${name}" argument must be of type number or bigint. Received ${describe(v)}`);
  if (!Number.isSafeInteger(v)) throw new TypeError(`The "${name}" argument must be a safe integer or a bigint. Received ${v}`);
  return BigInt(v);
}

export function bytesArg(v: unknown, name: string): Uint8Array {
  if (!(v instanceof Uint8Array)) {
    throw new TypeError(`The "${name}" argument must be an instance of Buffer or Uint8Array. Received ${describe(v)}`);
  }
  return v;
}

/** A length within `buf`: defaults to the whole buffer. */
export function lengthArg(v: unknown, buf: Uint8Array, name = 'length'): number {
  if (v === undefined) return buf.byteLength;
  const n = int(v, name, 0, Number.MAX_SAFE_INTEGER);
  if (n > buf.byteLength) {
    throw new RangeError(`The value of "${name}" is out of range: buffer too small (${n} > ${buf.byteLength} bytes)`);
  }
  return n;
}

export function dataArg(v: unknown, name = 'data'): Uint8Array {
  if (typeof v === 'string') return Buffer.from(v, 'utf8');
  if (v instanceof Uint8Array) return v;
  throw new TypeError(`The "${name}" argument must be of type string or an instance of Buffer or Uint8Array. Received ${describe(v)}`);
}

/** A path argument: a string (UTF-8) or bytes, without NUL bytes. */
export type PathLike = string | Uint8Array;

export interface CPath {
  /** NUL-terminated bytes for the kernel. */
  c: Buffer;
  /** The path as text, for error messages. */
  text: string;
}

export function pathArg(v: unknown, name = 'path'): CPath {
  let bytes: Buffer;
  if (typeof v === 'string') bytes = Buffer.from(v, 'utf8');
  else if (v instanceof Uint8Array) bytes = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  else throw new TypeError(`The "${name}" argument must be of type string or an instance of Buffer or Uint8Array. Received ${describe(v)}`);
  if (bytes.includes(0)) {
    throw new TypeError(`The argument '${name}' must be a string or Uint8Array without null bytes. Received ${describe(v)}`);
  }
  const c = Buffer.alloc(bytes.length + 1);
  bytes.copy(c);
  return { c, text: typeof v === 'string' ? v : bytes.toString('utf8') };
}

export function arrayArg<T>(v: unknown, name: string): readonly T[] {
  if (!Array.isArray(v)) throw new TypeError(`The "${name}" argument must be an array. Received ${describe(v)}`);
  return v as T[];
}

// ================================================================ calling the kernel

/** A syscall argument: a number or bigint, passed as a 64-bit register (negatives two's-complement). */
export type SyscallArg = number | bigint;

/**
 * The kernel address of a buffer's first byte, for passing it as a syscall argument (0n for an
 * empty buffer). Keep a reference to the buffer until the call has returned.
 */
export function addressOf(buf: Uint8Array): bigint {
  if (!(buf instanceof Uint8Array)) throw new TypeError(`addressOf: expected a Buffer or Uint8Array, got ${describe(buf)}`);
  if (buf.byteLength === 0) return 0n;
  return bufferAddress(buf);
}

const nrCache = new Map<string, number>();

/** This architecture's number for a syscall name (from the arch table). Throws if there is none. */
export function syscallNumber(name: string): number {
  let nr = nrCache.get(name);
  if (nr === undefined) {
    const row = NATIVE.byName.get(name);
    if (!row) throw new Error(`sysray/unix: no syscall ${name} on ${NATIVE.name}`);
    nr = row.nr;
    nrCache.set(name, nr);
  }
  return nr;
}

export const has = (name: string): boolean => NATIVE.byName.has(name);

/** Objects that must stay reachable while the kernel may use their memory. */
export const pinned: unknown[] = [];

export interface Ctx {
  path?: string;
  dest?: string;
}

/**
 * A syscall argument as koffi passes a uint64_t: small non-negative numbers as they are (no BigInt
 * on the common path), anything else as its 64-bit two's complement.
 */
const register = (v: SyscallArg): SyscallArg => (typeof v === 'number' && v >= 0 && v <= 0xffffffff ? v : BigInt.asUintN(64, BigInt(v)));

/** Make one syscall; throw SyscallError on failure. `keep` holds the buffers the args point into. */
export function sys(name: string, args: readonly SyscallArg[], keep?: readonly unknown[], ctx?: Ctx): number {
  if (capturing) throw new Captured(name, args, keep, ctx);
  const nr = syscallNumber(name);
  const a: SyscallArg[] = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < args.length; i++) a[i] = register(args[i]!);
  pinned.push(keep);
  let r: number;
  let err = 0;
  try {
    r = Number(raw.syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5]));
    if (r === -1) err = lastErrno();
  } finally {
    pinned.pop();
  }
  if (r === -1) throw new SyscallError(name, err, ctx?.path, ctx?.dest);
  return r;
}

/** A syscall a wrapper was about to make, caught instead of made (see captureSyscall). */
export class Captured {
  constructor(
    readonly name: string,
    readonly args: readonly SyscallArg[],
    readonly keep: readonly unknown[] | undefined,
    readonly ctx: Ctx | undefined,
  ) {}
}

let capturing = false;

/**
 * Run a wrapper up to its syscall and return that syscall instead of making it: the async forms
 * check and encode arguments exactly as the synchronous wrapper does, then make the same call on
 * another thread. Only for wrappers that make one syscall.
 */
export function captureSyscall<A extends unknown[]>(fn: (...a: A) => unknown, args: A): Captured {
  capturing = true;
  try {
    fn(...args);
  } catch (err) {
    if (err instanceof Captured) return err;
    throw err;
  } finally {
    capturing = false;
  }
  throw new Error(`sysray/unix: ${fn.name} made no syscall`);
}

/**
 * `sys()` on a libuv pool thread, for the async forms of calls that may wait. `keep` stays
 * referenced by the closure until the kernel has returned.
 */
export async function sysAsync(name: string, args: readonly SyscallArg[], keep?: readonly unknown[], ctx?: Ctx): Promise<number> {
  const nr = syscallNumber(name);
  const a = [0n, 0n, 0n, 0n, 0n, 0n];
  for (let i = 0; i < args.length; i++) a[i] = BigInt.asUintN(64, BigInt(args[i]!));
  const { result, errno } = await syscallAsync(nr, a);
  void keep;
  if (result === -1) throw new SyscallError(name, errno, ctx?.path, ctx?.dest);
  return result;
}

/**
 * The raw escape hatch: make syscall `nameOrNr` with up to six integer arguments (pointers via
 * {@link addressOf}; keep those buffers referenced). Returns the result; throws SyscallError.
 */
export function syscall(nameOrNr: string | number, ...args: SyscallArg[]): number {
  if (args.length > 6) throw new RangeError(`syscall: at most 6 arguments, got ${args.length}`);
  for (const [i, v] of args.entries()) {
    if (typeof v !== 'bigint' && !(typeof v === 'number' && Number.isSafeInteger(v))) {
      throw new TypeError(`syscall: argument ${i + 1} must be a safe integer or a bigint. Received ${describe(v)}`);
    }
  }
  let name: string;
  if (typeof nameOrNr === 'number') {
    int(nameOrNr, 'nr', 0, INT_MAX);
    name = NATIVE.rows[nameOrNr]?.name ?? `syscall_${nameOrNr}`;
    nrCache.set(name, nameOrNr);
  } else if (typeof nameOrNr === 'string') {
    name = nameOrNr;
    syscallNumber(name);
  } else {
    throw new TypeError(`syscall: the "nameOrNr" argument must be a string or number. Received ${describe(nameOrNr)}`);
  }
  return sys(name, args, args);
}

const IOV_MAX = 1024;

/** A `struct iovec[]` over `bufs`. */
export function iovecs(bufs: unknown, name: string): { iov: Buffer; list: readonly Uint8Array[] } {
  const list = arrayArg<Uint8Array>(bufs, name);
  if (list.length > IOV_MAX) throw new RangeError(`The "${name}" argument has ${list.length} buffers; at most ${IOV_MAX} (IOV_MAX)`);
  const iov = Buffer.alloc(Math.max(list.length, 1) * 16);
  list.forEach((b, i) => {
    bytesArg(b, `${name}[${i}]`);
    iov.writeBigUInt64LE(addressOf(b), i * 16);
    iov.writeBigUInt64LE(BigInt(b.byteLength), i * 16 + 8);
  });
  return { iov, list };
}
