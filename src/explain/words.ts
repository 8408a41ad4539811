/**
 * The vocabulary explanations are written in: decoded Values read back as plain words (a path, an
 * fd, a size, a flag's presence) and errno values said as what went wrong. Pure.
 */
import type { Value } from '../decode/value.js';
import type { Ret } from '../model.js';
import { errnoMessage, errnoName } from '../decode/xlat/errno.js';
import { quote } from '../render/strace.js';

/** The number a value stands for (an int, a constant, flags, an fd, a pointer), if it has one. */
export function num(v: Value | undefined): bigint | undefined {
  if (!v) return undefined;
  switch (v.k) {
    case 'int': case 'sym': case 'flags': case 'ptr': return v.v;
    case 'fd': return BigInt(v.fd);
    case 'join': return v.v;
    case 'note': return num(v.v);
    case 'styled': return num(v.abbrev);
    case 'call': return v.args.length === 1 ? num(v.args[0]) : undefined;
    case 'array': return v.items.length === 1 ? num(v.items[0]) : undefined;
    case 'inout': return num(v.out);
    default: return undefined;
  }
}

/** Every constant and flag name a value carries (`O_WRONLY|O_CREAT` → both), in order. */
export function names(v: Value | undefined): string[] {
  if (!v) return [];
  switch (v.k) {
    case 'sym': return [v.name];
    case 'flags': return v.names;
    case 'join': return v.parts.flatMap(names);
    case 'note': return names(v.v);
    case 'styled': return names(v.abbrev);
    case 'tok': return v.text.split(/[|\s]+/).filter((t) => /^[A-Z_][A-Z0-9_]*$/.test(t));
    case 'fd': return v.label ? [v.label] : [];
    default: return [];
  }
}

/** True when the value names `name` among its constants or flags. */
export const has = (v: Value | undefined, name: string): boolean => names(v).includes(name);

/** The first constant name a value carries (a `SEEK_SET`, an `AF_INET`), or undefined. */
export const symOf = (v: Value | undefined): string | undefined => names(v)[0];

/** A struct's field by name (or a nested `a.b`). */
export function field(v: Value | undefined, name: string): Value | undefined {
  let cur = v;
  for (const part of name.split('.')) {
    while (cur?.k === 'note') cur = cur.v;
    if (cur?.k === 'array' && cur.items.length === 1) cur = cur.items[0];
    if (cur?.k !== 'struct') return undefined;
    cur = cur.fields.find((f) => f.n === part)?.v;
  }
  return cur;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes as readable text: UTF-8 when it is printable, else strace's escaped form. */
export function bytesText(b: Uint8Array): string {
  try {
    const s = utf8.decode(b);
    // eslint-disable-next-line no-control-regex
    if (!/[\x00-\x1f\x7f]/.test(s)) return s;
  } catch {
    /* not UTF-8: escape */
  }
  return quote(b, 0, false, true);
}

/** Why a pointer argument could not be read, or what it is: NULL, an unreadable address. */
function pointerWords(v: Value & { k: 'ptr' }, what: string): string {
  if (v.v === 0n) return `no ${what} (NULL)`;
  return `an unreadable ${what} at 0x${v.v.toString(16)}`;
}

/** A path argument as words: the path itself, or what stands in its place. */
export function path(v: Value | undefined): string {
  if (!v) return 'a path';
  if (v.k === 'str') return bytesText(v.b) + (v.trunc ? '…' : '');
  if (v.k === 'ptr') return pointerWords(v, 'path');
  if (v.k === 'note') return path(v.v);
  return 'a path';
}

/** True when a path argument is relative (so the directory it is resolved in matters). */
export const isRelative = (v: Value | undefined): boolean => v?.k === 'str' && v.b[0] !== 0x2f;

/** An fd as words: `fd 3`, with what it names when -y said so (`fd 3 (/etc/passwd)`). */
export function fd(v: Value | undefined): string {
  if (!v) return 'an fd';
  if (v.k === 'fd') {
    if (v.label === 'AT_FDCWD') return 'the current directory';
    const what = v.detail ? v.detail.text + (v.detail.path ? ' ' + bytesText(v.detail.path) : '') : v.path ? bytesText(v.path) : undefined;
    return `fd ${v.fd}` + (what !== undefined ? ` (${what})` : '');
  }
  if (has(v, 'AT_FDCWD')) return 'the current directory';
  const n = num(v);
  return n === undefined ? 'an fd' : `fd ${n}`;
}

/**
 * Where a `*at` path is resolved: nothing for an absolute path, `(in the current directory)` for a
 * relative one with AT_FDCWD, else `(relative to fd 3)`.
 */
export function where(dirfd: Value | undefined, p: Value | undefined): string {
  if (!isRelative(p)) return '';
  if (dirfd === undefined || has(dirfd, 'AT_FDCWD')) return ' (in the current directory)';
  return ` (relative to ${fd(dirfd)})`;
}

/** A path with where it is resolved: `test.txt (in the current directory)`. */
export const pathAt = (dirfd: Value | undefined, p: Value | undefined): string =>
  p?.k === 'str' && p.b.length === 0 ? fd(dirfd) : path(p) + where(dirfd, p);

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'];

/** A byte count: `1 byte`, `832 bytes`, `8192 bytes (8 KiB)`. */
export function bytes(n: bigint | undefined): string {
  if (n === undefined) return 'some bytes';
  if (n === 1n) return '1 byte';
  let s = `${n} bytes`;
  if (n >= 1024n) {
    let v = Number(n);
    let u = -1;
    while (v >= 1024 && u < UNITS.length - 1) {
      v /= 1024;
      u++;
    }
    s += ` (${Number.isInteger(v) ? v : v.toFixed(1)} ${UNITS[u]})`;
  }
  return s;
}

/** `n thing`/`n things`. */
export const count = (n: bigint | number | undefined, one: string, many = one + 's'): string =>
  n === undefined ? `some ${many}` : BigInt(n) === 0n ? `no ${many}` : `${n} ${BigInt(n) === 1n ? one : many}`;

/** A data buffer's start, quoted as strace would (`"hello\n"`), for what was read or written. */
export function data(v: Value | undefined, max = 32): string | undefined {
  if (v?.k !== 'str') return undefined;
  const b = v.b.length > max ? v.b.subarray(0, max) : v.b;
  return quote(b, 0, v.hex) + (v.trunc || v.b.length > max ? '…' : '');
}

/** A file mode as octal, `0644`. */
export function mode(v: Value | undefined): string {
  const n = num(v);
  return n === undefined ? 'some mode' : '0' + (n & 0o7777n).toString(8).padStart(3, '0');
}

/** A duration struct ({tv_sec, tv_nsec} or {tv_sec, tv_usec}) as words: `1.5 s`, `20 ms`. */
export function duration(v: Value | undefined): string | undefined {
  const s = num(field(v, 'tv_sec'));
  const ns = num(field(v, 'tv_nsec')) ?? (num(field(v, 'tv_usec')) ?? 0n) * 1000n;
  if (s === undefined || ns < 0n || ns >= 1_000_000_000n) return undefined;
  const total = s * 1_000_000_000n + ns;
  if (total === 0n) return '0 s';
  if (total % 1_000_000_000n === 0n) return `${s} s`;
  if (total < 1_000_000n) return `${Number(total) / 1000} µs`;
  if (total < 1_000_000_000n) return `${Number(total) / 1e6} ms`;
  return `${Number(total) / 1e9} s`;
}

/** What errno `err` means for `subject` (the path, fd or thing the call was about). */
export function why(err: number, subject?: string): string {
  const s = subject ?? 'it';
  switch (errnoName(err)) {
    case 'ENOENT': return subject ? `${subject} does not exist` : 'no such file or directory';
    case 'EACCES': return 'not allowed: permission denied';
    case 'EPERM': return 'not allowed: operation not permitted';
    case 'EEXIST': return `${s} already exists`;
    case 'ENOTDIR': return subject ? `a part of ${subject} is not a directory` : 'not a directory';
    case 'EISDIR': return `${s} is a directory`;
    case 'EBADF': return `${s} is not an open file descriptor (or not open for this)`;
    case 'EAGAIN': return 'nothing was ready and it would have had to wait (non-blocking)';
    case 'EINTR': return 'a signal interrupted it';
    case 'EINVAL': return 'an argument was invalid';
    case 'ENOTTY': return `${s} is not a terminal (or does not take this request)`;
    case 'ESPIPE': return `${s} cannot seek (a pipe, socket or terminal)`;
    case 'ECONNREFUSED': return 'connection refused: nothing listens there';
    case 'EINPROGRESS': return 'the connection is under way and completes later (non-blocking)';
    case 'ENOTCONN': return `${s} is not connected`;
    case 'EISCONN': return `${s} is already connected`;
    case 'EADDRINUSE': return 'that address is already in use';
    case 'EADDRNOTAVAIL': return 'that address is not available here';
    case 'ECHILD': return 'there is no child to wait for';
    case 'ENODATA': return `${s} has no such attribute`;
    case 'EOPNOTSUPP': return 'not supported here';
    case 'ENOSYS': return 'this kernel does not implement it';
    case 'ENOTEMPTY': return `${s} is not empty`;
    case 'ERANGE': return 'the buffer given was too small';
    case 'EFAULT': return 'an address given cannot be read or written';
    case 'ENOMEM': return 'not enough memory';
    case 'ETIMEDOUT': return 'it timed out';
    case 'EPIPE': return 'the other end is closed (broken pipe)';
    case 'ECONNRESET': return 'the peer reset the connection';
    case 'ESRCH': return 'no such process';
    case 'ELOOP': return `too many symbolic links in ${s}`;
    case 'ENAMETOOLONG': return `${s} is too long a name`;
    case 'EROFS': return 'the file system is read-only';
    case 'EXDEV': return 'source and target are on different file systems';
    case 'EMFILE': return 'this process has too many open files';
    case 'ENOSPC': return 'no space left on the device';
    case 'ENXIO': return `${s} has no device behind it`;
    case 'ENOEXEC': return `${s} is not an executable format`;
    case 'ETXTBSY': return `${s} is being executed or written`;
    case 'EAFNOSUPPORT': return 'that address family is not supported';
    case 'ENETUNREACH': return 'the network is unreachable';
    case 'ENOPROTOOPT': return 'no such option at that level';
    case 'ENOTSOCK': return `${s} is not a socket`;
    case 'ERESTARTSYS': case 'ERESTARTNOINTR': case 'ERESTARTNOHAND': case 'ERESTART_RESTARTBLOCK':
      return 'a signal interrupted it (it may be restarted)';
    case 'ETIME': return 'it timed out';
    case 'EDEADLK': return 'it would deadlock';
    default: return errnoMessage(err).toLowerCase();
  }
}

/** A finished call as the explainers read it: its arguments and how it ended. */
export class Call {
  readonly ok: boolean;
  /** The result (0 when the call never returned or failed). */
  readonly rv: bigint;
  constructor(readonly name: string, readonly args: Value[], readonly ret: Ret | undefined) {
    this.ok = ret !== undefined && ret.errno === 0;
    this.rv = ret && !ret.errno ? ret.rval : 0n;
  }
  /** Argument i (a `?` token when the decoder gave fewer). */
  a(i: number): Value {
    return this.args[i] ?? { k: 'tok', text: '?' };
  }
  /** The number argument i stands for (0 when it has none). */
  n(i: number): bigint {
    return num(this.args[i]) ?? 0n;
  }
  /** The returned fd as words, with its path when -y gave one. */
  get fdOut(): string {
    const r = this.ret;
    if (!r) return 'an fd';
    if (r.fd) return fd(r.fd);
    return `fd ${r.rval}` + (r.path ? ` (${bytesText(r.path)})` : '');
  }
  /**
   * The sentence: `done` when the call succeeded, else `could not <attempt>: <why>`, where why
   * speaks of `subject`; a call that never returned says so.
   */
  say(done: string | (() => string), attempt: string, subject?: string): string {
    if (!this.ret) return `${attempt}; the call did not return (the process ended or was replaced first)`;
    if (this.ok) return typeof done === 'string' ? done : done();
    const name = errnoName(this.ret.errno);
    return `could not ${attempt}: ${why(this.ret.errno, subject)}${name ? ` (${name})` : ''}`;
  }
}

/** One explainer: a sentence for a finished call. */
export type Sentence = (c: Call) => string;

/** True when a pointer argument is NULL (an optional argument left out). */
export const isNull = (v: Value | undefined): boolean => v?.k === 'ptr' && v.v === 0n;
