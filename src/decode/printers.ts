/**
 * The printers the decoder families share (strace's umove_or_printaddr, print_array, timespec and
 * timeval, sigsets, rusage, clock_t, uids, sigevent, network interfaces): in the decoders' base part, so that a family
 * loads without the misc family's decoders and tables.
 */
import { A, addr, type ArgFn, buf, rd, sint, ulong } from './args.js';
import type { Ctx, Memory, PidType, RetFmt, RetInfo, SyscallDecoder } from './types.js';
import { array, type ArrayTail, badPtr, call, field, hex, int, join, joinOf, note, struct, sym, tok, uint, type Field, type Value } from './value.js';
import { flags as xflags, lookup, symbol, xlat, type Xlat } from './xlat/core.js';
import { signalName, sigsetNames } from './xlat/signals.js';

// (device numbers: stat's st_dev and st_rdev, ioctls and netlink diag messages print them)
/** glibc's major()/minor() of a 64-bit dev_t. */
export const major = (d: bigint): bigint => BigInt.asUintN(32, ((d >> 8n) & 0xfffn) | ((d >> 32n) & ~0xfffn));
export const minor = (d: bigint): bigint => BigInt.asUintN(32, (d & 0xffn) | ((d >> 12n) & ~0xffn));

/** print_dev_t: `makedev(0x88, 0x1)` (-X raw: the number; -X verbose: the number, then this as a comment). */
export const dev = (d: bigint): Value => joinOf(d, '', call('makedev', hex(major(d)), hex(minor(d))));

export const NULL: Value = { k: 'ptr', v: 0n };

/** `name=value`, for arguments strace prints with their name (clone's `child_stack=NULL`). */
export const named = (name: string, v: Value): Value => join('=', tok(name), v);

/**
 * strace's umove_or_printaddr: NULL; the address when -e verbose=none, when the call failed (at
 * exit) or when the memory cannot be read; else `fn` of the `size` bytes.
 */
export function fetch(c: Ctx, a: bigint, size: number, fn: (b: Uint8Array) => Value, exiting = false): Value {
  if (a === 0n) return NULL;
  if (!c.opt.verbose || (exiting && c.err)) return addr(a);
  const b = c.mem.read(a, size);
  return b ? fn(b) : badPtr(a);
}

/**
 * printnum_int / printnum_int64: `[N]`, signed or unsigned (`u`), of 4 or 8 bytes; `exiting`: the
 * call wrote it, so a failed call prints the address.
 */
export const numAt = (c: Ctx, a: bigint, exiting = false, u = false, size: 4 | 8 = 4): Value =>
  fetch(c, a, size, (b) => array([size === 8 ? int(u ? rd.u64(b, 0) : rd.s64(b, 0), u ? 'u' : undefined) : u ? uint(rd.u32(b, 0)) : int(rd.s32(b, 0))]), exiting);

/** printnum_kptr / printnum_addr: `[0x7f…]`. */
export const ptrAt = (c: Ctx, a: bigint, exiting = false): Value =>
  fetch(c, a, 8, (b) => array([addr(rd.u64(b, 0))]), exiting);

export interface ArrayOpts {
  /** Printed at exit: a failed call prints the address (tfetch_mem). */
  exiting?: boolean;
  /** Fetch even when the call failed (tfetch_mem_ignore_syserror). */
  ignoreErr?: boolean;
  /** Append `...` after the elements (PAF_ARRAY_TRUNCATED). */
  truncated?: boolean;
  /** `fn` returning null ends the array with `...` (a printer that prints it and stops). */
  stopMore?: boolean;
}

/**
 * strace's print_array: `[e1, e2, ...]` of `nmemb` elements of `size` bytes at `start`; NULL; the
 * address when the first element cannot be fetched; `... /* 0xADDR *\/` where a later one cannot;
 * at most -s elements with abbrev. `fn` returning null stops the array there.
 */
export function printArray(
  c: Ctx, start: bigint, nmemb: bigint | number, size: number,
  fn: (b: Uint8Array, i: number) => Value | null, o: ArrayOpts = {},
): Value {
  if (start === 0n) return NULL;
  const n = BigInt.asUintN(64, BigInt(nmemb));
  if (n === 0n) return o.truncated ? array([], true) : array([]);
  const end = start + n * BigInt(size);
  if (end > 0xffffffffffffffffn) return addr(start);
  const canFetch = c.opt.verbose && (o.ignoreErr || !o.exiting || !c.err);
  if (!canFetch) return addr(start);
  const limit = c.opt.abbrev && BigInt(c.opt.strsize) < n ? BigInt(c.opt.strsize) : n;
  // every element of a huge array: the first ones now, the rest as the line is written
  const stop = c.opt.streamArrays && limit === n && n > STREAM_AT ? STREAM_AT : n;
  // the elements we may look at (the element after the limit is fetched too, as strace does)
  const element = elementReader(c.mem, start, size, limit < n ? limit + 1n : stop);
  const items: Value[] = [];
  for (let i = 0n; i < stop; i++) {
    const b = element(i);
    if (!b) {
      if (i === 0n) return badPtr(start);
      items.push(note(tok('...'), '0x' + (start + i * BigInt(size)).toString(16)));
      return array(items);
    }
    if (i >= limit) return array(items, true);
    if (!holdOne(c)) return array(items, true);
    const v = fn(b, Number(i));
    if (v === null) {
      if (o.stopMore) items.push(tok('...'));
      return o.truncated ? array(items, true) : array(items);
    }
    items.push(v);
  }
  const v = o.truncated ? array(items, true) : array(items);
  if (stop < n && v.k === 'array') {
    v.tail = arrayTail(c, start, stop, n, size, fn, o.stopMore === true);
    c.state.streamed = true;
  }
  return v;
}

/**
 * Elements printArray reads now; a longer array's rest is read as its line is written. Few: values
 * that all live at once teach V8 to allocate such values straight into the old generation.
 */
export const STREAM_AT = 256n;

/**
 * The elements (of all its arrays and netlink records) one call may hold when its output cannot
 * stream them (--effects, --report, --perfetto, --explain, colour, replay, the API): far more than
 * any real call has, far less than a hostile one can claim (sendmmsg: 1,024 messages, each of
 * thousands of iovecs, each of thousands of netlink attributes).
 */
export const HELD_ELEMENTS = 100_000;

/**
 * One more element (of an array, or a netlink record) of the call, for an output that cannot
 * stream: false once the call has HELD_ELEMENTS, when the caller ends its list with `...`.
 */
export function holdOne(c: Ctx): boolean {
  if (c.opt.streamArrays) return true;
  const count = ((c.state.held as number | undefined) ?? 0) + 1;
  c.state.held = count;
  return count <= HELD_ELEMENTS;
}

/**
 * Element `i` of the array at `start` (i < `end`), read `bytes` of elements at a time; a chunk that
 * cannot be read whole is read element by element, to find the first unreadable one.
 */
function elementReader(mem: Memory, start: bigint, size: number, end: bigint, bytes = 1 << 20, reuse = false): (i: bigint) => Uint8Array | null {
  const sz = BigInt(size);
  const per = BigInt(Math.max(1, Math.floor(bytes / size)));
  // `reuse`: one buffer for every chunk (each element is printed before the next chunk is read)
  const own = reuse && mem.readTo ? new Uint8Array(Number(per) * size) : undefined;
  let chunk: Uint8Array | null = null;
  let from = 0n;
  let until = 0n;
  return (i) => {
    if (i < from || i >= until) {
      from = i;
      until = end - i < per ? end : i + per;
      const len = Number((until - i) * sz);
      if (until <= i) chunk = null;
      else if (own) chunk = mem.readTo!(start + i * sz, len, own) ? own : null;
      else chunk = mem.read(start + i * sz, len);
    }
    if (!chunk) return mem.read(start + i * sz, size);
    const at = Number((i - from) * sz);
    return chunk.subarray(at, at + size);
  };
}

/** Elements [from, n) of printArray's array, read from the tracee that made them as they are printed. */
function arrayTail(c: Ctx, start: bigint, from: bigint, n: bigint, size: number,
  fn: (b: Uint8Array, i: number) => Value | null, stopMore: boolean): ArrayTail {
  const { mem, pid } = c;
  return {
    each(visit) {
      // written at another process's stop, the memory would be that process's: say no more
      if (mem.pid !== undefined && mem.pid !== pid) return visit(tok('...'));
      // four pages at a time (through the memory's page cache) into one buffer: a new buffer per
      // chunk lives outside the V8 heap, and those piled up until a full collection (RSS grew with -v)
      const element = elementReader(mem, start, size, n, 1 << 14, true);
      for (let i = from; i < n; i++) {
        const b = element(i);
        if (!b) return visit(note(tok('...'), '0x' + (start + i * BigInt(size)).toString(16)));
        let v: Value | null;
        try {
          v = fn(b, Number(i));
        } catch {
          // a decoder's failure ends the array, not the trace (its line is half written)
          return visit(tok('...'));
        }
        if (v === null) return stopMore ? visit(tok('...')) : undefined;
        visit(v);
      }
    },
  };
}

/** `{tv_sec=1, tv_nsec=0}` from 16 bytes. */
export const timespecV = (b: Uint8Array, off = 0): Value =>
  struct([field('tv_sec', int(rd.s64(b, off))), field('tv_nsec', uint(rd.u64(b, off + 8)))]);
/** `{tv_sec=1, tv_usec=0}` from 16 bytes. */
export const timevalV = (b: Uint8Array, off = 0): Value =>
  struct([field('tv_sec', int(rd.s64(b, off))), field('tv_usec', uint(rd.u64(b, off + 8)))]);
export const timespecAt = (c: Ctx, a: bigint, exiting = false): Value => fetch(c, a, 16, (b) => timespecV(b), exiting);
export const timevalAt = (c: Ctx, a: bigint, exiting = false): Value => fetch(c, a, 16, (b) => timevalV(b), exiting);
/** `{it_interval={…}, it_value={…}}` (timeval pairs; `ts` for itimerspec). */
export const itimerAt = (c: Ctx, a: bigint, exiting = false, ts = false): Value =>
  fetch(c, a, 32, (b) => {
    const f = ts ? timespecV : timevalV;
    return struct([field('it_interval', f(b, 0)), field('it_value', f(b, 16))]);
  }, exiting);

/** A signal set from `len` bytes: `[INT TERM]`, `~[]`. */
export function sigsetV(b: Uint8Array, len: number): Value {
  let m = 0n;
  for (let i = Math.min(len, 8) - 1; i >= 0; i--) m = (m << 8n) | BigInt(b[i]!);
  const { names, inverted } = sigsetNames(m, len);
  return inverted ? { k: 'sigset', names, inverted } : { k: 'sigset', names };
}

/** print_sigset_addr_len: a sigset of `len` bytes at `a`; `len` must be 8 (or at least `min`). */
export function sigsetAt(c: Ctx, a: bigint, len: bigint, exiting = false, min = 8n): Value {
  if (len < min || len > 8n) return addr(a);
  return fetch(c, a, Number(len), (b) => sigsetV(b, Number(len)), exiting);
}

/** A bit set as strace prints one: `[0 1 5]`. */
// (the items as an array: an fd_set may hold a million, too many to spread into arguments)
export const bitset = (items: Value[]): Value => join('', tok('['), { k: 'join', sep: ' ', parts: items }, tok(']'));

/** printsignal: `SIGINT`, or the number. */
export function sigV(n: number): Value {
  const name = n > 0 ? signalName(n) : undefined;
  return name ? sym(name, n) : int(n);
}

/** PRINT_VAL_ID: a uid/gid, unsigned except -1. */
export const idV = (v: bigint | number): Value => {
  const u = BigInt.asUintN(32, BigInt(v));
  return u === 0xffffffffn ? int(-1) : uint(u);
};

const CLK_TCK = 100n;
/** print_clock_t: ticks, with seconds in a comment when nonzero: `150 /* 1.50 s *\/`. */
export function clockT(v: bigint): Value {
  const n = uint(v);
  if (v === 0n) return n;
  // strace leaves the seconds out with -X raw, as it does a constant's name
  return { k: 'note', v: n, text: `${v / CLK_TCK}.${(v % CLK_TCK).toString().padStart(2, '0')} s`, xlat: true };
}

/** A 144-byte struct rusage (x86_64/aarch64 layout). */
export function rusageV(c: Ctx, b: Uint8Array): Value {
  const f: Field[] = [field('ru_utime', timevalV(b, 0)), field('ru_stime', timevalV(b, 16))];
  if (c.opt.abbrev) return struct(f, true);
  const names = ['ru_maxrss', 'ru_ixrss', 'ru_idrss', 'ru_isrss', 'ru_minflt', 'ru_majflt', 'ru_nswap', 'ru_inblock',
    'ru_oublock', 'ru_msgsnd', 'ru_msgrcv', 'ru_nsignals', 'ru_nvcsw', 'ru_nivcsw'];
  names.forEach((n, i) => f.push(field(n, uint(rd.u64(b, 32 + i * 8)))));
  return struct(f);
}
export const rusageAt = (c: Ctx, a: bigint, exiting = false): Value => fetch(c, a, 144, (b) => rusageV(c, b), exiting);

/** printxval on a 32-bit value: the name, else hex with strace's `/* X_??? *\/` comment. */
export const xval = (x: Xlat, v: bigint, unknown?: string): Value => symbol(x, BigInt.asUintN(32, v), 'x', unknown);
/** printxval64. */
export const xval64 = (x: Xlat, v: bigint, unknown?: string): Value => symbol(x, BigInt.asUintN(64, v), 'x', unknown);
/** printflags on a 32-bit value. */
export const xflags32 = (x: Xlat, v: bigint, unknown?: string): Value => xflags(x, BigInt.asUintN(32, v), unknown);
/** printflags64. */
export const xflags64 = (x: Xlat, v: bigint, unknown?: string): Value => xflags(x, BigInt.asUintN(64, v), unknown);

export type { PidType };
/** printpid: a C int; with -Y, a thread's or a process's name follows it (`1234<sh>`), with pidns sysray's number. */
export function pidV(c: Ctx, v: bigint | number, type: PidType = 'tgid'): Value {
  const pid = Number(BigInt.asIntN(32, BigInt(v)));
  const notes = pid > 0 ? c.pidNotes?.(pid, type) : undefined;
  return notes ? { k: 'int', v: BigInt(pid), ...notes } : int(pid);
}
/** printpid_tgid_pgid: a process when positive, a process group when below -1 (kill, wait4, F_SETOWN). */
export function pidOrGroupV(c: Ctx, v: bigint | number): Value {
  const pid = Number(BigInt.asIntN(32, BigInt(v)));
  if (pid >= -1) return pidV(c, pid, 'tgid');
  // a group's notes are of its id, printed after the negative number
  const notes = c.pidNotes?.(-pid, 'pgid');
  return notes ? { k: 'int', v: BigInt(pid), ...notes } : int(pid);
}
/** An argument that is a process (printpid PT_TGID). */
export const P: ArgFn = (c, i) => pidV(c, c.args[i]!, 'tgid');
/** An argument that is a thread (PT_TID). */
export const PTID: ArgFn = (c, i) => pidV(c, c.args[i]!, 'tid');
/** An argument that is a process group (PT_PGID): -Y does not name it. */
export const PGRP: ArgFn = (c, i) => pidV(c, c.args[i]!, 'pgid');
/** An argument that is a process, or with a negative value a process group. */
export const PANY: ArgFn = (c, i) => pidOrGroupV(c, c.args[i]!);


/** The flags text strace's sprintflags builds for an auxstr (names, `|0x…` leftover). */
export function flagsText(x: Xlat, v: bigint): string {
  const names: string[] = [];
  let rest = v;
  for (const [bit, name] of x.pairs) {
    if (bit !== 0n && (rest & bit) === bit) {
      names.push(name);
      rest &= ~bit;
    }
  }
  if (v === 0n) return x.byValue.get(0n) ?? '';
  if (rest) names.push('0x' + rest.toString(16));
  return names.join('|');
}

/**
 * A result's flags as strace's aux string (sprintflags_ex in SPFF_AUXSTR_MODE): the named bits and
 * any leftover hex, or undefined when no bit has a name; -X raw shows none.
 */
export function auxFlags(x: Xlat, v: bigint): Value | undefined {
  const text = flagsText(x, v);
  return text === '' || text.startsWith('0x') ? undefined : rawless(tok(text));
}

/** ERESTART* errors: the call was interrupted (is_erestart). */
export const isErestart = (c: Ctx): boolean => c.err === 512 || c.err === 513 || c.err === 514 || c.err === 516;

/** A return format with an auxstr, shown only when the call succeeded and there is a text. */
export const withAux = (fmt: RetFmt, aux: Value | undefined): RetInfo => (aux ? { fmt, aux } : { fmt });

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Days since 1970-01-01 to a proleptic Gregorian date (Hinnant's civil_from_days), for any year. */
function civil(days: bigint): { y: bigint; m: number; d: number } {
  const z = days + 719468n;
  const era = (z >= 0n ? z : z - 146096n) / 146097n;
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const m = Number(mp < 10n ? mp + 3n : mp - 9n);
  return { y: yoe + era * 400n + (m <= 2 ? 1n : 0n), m, d: Number(doy - (153n * mp + 2n) / 5n + 1n) };
}

const JS_DATE_MAX = 8640000000000n;

/**
 * strace's sprinttime_nsec: local time `2023-11-14T22:13:20.123456789+0000`, no fraction when it is
 * 0; undefined for the epoch itself, an out-of-range fraction or a year glibc's struct tm cannot
 * hold. Beyond JS dates, the offset of the nearest date JS knows stands for the zone's last rule.
 */
export function sprinttime(sec: bigint, frac = 0n, maxFrac = 999999999n, width = 9): string | undefined {
  if ((sec === 0n && frac === 0n) || frac > maxFrac || frac < 0n) return undefined;
  const near = sec > JS_DATE_MAX ? JS_DATE_MAX : sec < -JS_DATE_MAX ? -JS_DATE_MAX : sec;
  const off = -new Date(Number(near) * 1000).getTimezoneOffset();
  const local = sec + BigInt(off * 60);
  const secOfDay = ((local % 86400n) + 86400n) % 86400n;
  const { y, m, d } = civil((local - secOfDay) / 86400n);
  if (y - 1900n > 2147483647n || y - 1900n < -2147483648n) return undefined;
  const t = Number(secOfDay);
  const abs = Math.abs(off);
  const ys = (y < 0n ? -y : y).toString().padStart(4, '0');
  return (
    `${y < 0n ? '-' : ''}${ys}-${pad(m)}-${pad(d)}` +
    `T${pad(Math.floor(t / 3600))}:${pad(Math.floor(t / 60) % 60)}:${pad(t % 60)}` +
    (frac > 0n ? '.' + frac.toString().padStart(width, '0') : '') +
    `${off < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

const SIGEV_NOTIFY = xlat(() => [[0, 'SIGEV_SIGNAL'], [1, 'SIGEV_NONE'], [2, 'SIGEV_THREAD'], [4, 'SIGEV_THREAD_ID']]);

/**
 * struct sigevent: `{sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL}`. strace reads the 32 bytes it
 * decodes, not the kernel's 64, so a struct ending at an unmapped page still prints.
 */
export const sigeventAt = (c: Ctx, a: bigint): Value => fetch(c, a, 32, (b) => {
  const f: Field[] = [];
  const ptr = rd.u64(b, 0);
  if (ptr) f.push(field('sigev_value', struct([field('sival_int', int(rd.s32(b, 0))), field('sival_ptr', addr(ptr))])));
  const notify = rd.s32(b, 12);
  const signo = rd.s32(b, 8);
  f.push(field('sigev_signo', notify === 0 || notify === 2 || notify === 4 ? sigV(signo) : uint(signo >>> 0)));
  f.push(field('sigev_notify', symbol(SIGEV_NOTIFY, BigInt(notify >>> 0), 'x', 'SIGEV_???')));
  if (notify === 4) f.push(field('sigev_notify_thread_id', int(rd.s32(b, 16))));
  if (notify === 2) f.push(field('sigev_notify_function', addr(rd.u64(b, 16))), field('sigev_notify_attributes', addr(rd.u64(b, 24))));
  return struct(f);
});

/** PRINT_FIELD_0X: C's `%#0*x` as wide as the type's hex digits: `0x0000ff`, and `00000000` for 0. */
export const hex0 = (v: number | bigint, bytes: number): Value =>
  tok(v ? '0x' + v.toString(16).padStart(bytes * 2 - 2, '0') : '0'.repeat(bytes * 2));
/** print_ifindex: `if_nametoindex("lo")`, or the number (always, without the host to ask). */
export const ifindexV = (c: Ctx | undefined, i: number): Value => {
  const n = c?.host?.ifname(i);
  return n ? { k: 'styled', abbrev: call('if_nametoindex', { k: 'str', b: Buffer.from(n, 'latin1') }), raw: uint(i) } : uint(i);
};

/**
 * strace's printstr_ex with QUOTE_0_TERMINATED and a length: at most `len` (and -s) bytes, `...` without a NUL.
 * `expectNul` (QUOTE_EXPECT_TRAILING_0): the last byte of a buffer shown whole is its NUL, so it is not shown.
 */
export function cstrN(c: Ctx, a: bigint, len: number, expectNul = false): Value {
  if (a === 0n) return NULL;
  let size = Math.min(c.opt.strsize + 1, len);
  const r = c.mem.readString(a, size);
  if (!r) return { k: 'ptr', v: a, bad: true };
  if (size > c.opt.strsize) size = c.opt.strsize;
  const lastIsNul = expectNul && size === len && size > 0;
  if (lastIsNul) size--;
  const terminated = r.nul && (lastIsNul ? r.b.length <= size : r.b.length < size);
  const b = r.b.subarray(0, Math.min(r.b.length, size));
  return terminated || len === 0 ? { k: 'str', b } : { k: 'str', b, trunc: true };
}

/**
 * strace's print_char with SCF_QUOTES: `'a'`, `'\\''`, `'\x7f'`; `escWs` names \t\n\v\f\r (SCF_ESC_WS).
 */
export function charLit(ch: number, escWs = false): string {
  if (ch >= 0x20 && ch < 0x7f) return ch === 0x27 || ch === 0x5c ? `'\\${String.fromCharCode(ch)}'` : `'${String.fromCharCode(ch)}'`;
  if (escWs && ch >= 9 && ch <= 13) return `'\\${'tnvfr'[ch - 9]}'`;
  return `'\\x${ch.toString(16).padStart(2, '0')}'`;
}

/** An aux text strace leaves out with -X raw. */
export const rawless = (v: Value): Value => ({ k: 'styled', abbrev: v, raw: tok(''), verbose: v });

/**
 * print_quoted_cstring of a char[size] field at `off`: quoted up to its NUL; with no NUL before the
 * last byte and a last byte that is not one, all but that byte and `...`.
 */
export function cstrField(b: Uint8Array, off: number, size: number): Value {
  const s = b.subarray(off, off + Math.max(size, 0));
  const z = s.indexOf(0);
  if (z >= 0) return { k: 'str', b: s.subarray(0, z) };
  return { k: 'str', b: s.subarray(0, Math.max(s.length - 1, 0)), trunc: s.length > 0 };
}

/**
 * An iovec array: `[{iov_base="…", iov_len=5}]`. `data` caps the bytes of the buffers shown in all
 * (readv shows what was read; -1: all); `bases` false prints the buffers as addresses; `show` prints
 * a buffer's bytes (a netlink message, say) instead of as a string.
 */
export function iovecs(
  c: Ctx, a: bigint, n: bigint, data: bigint, bases: boolean,
  show: (base: bigint, len: bigint) => Value = (base, len) => buf(c, base, len),
): Value {
  let left = data;
  return printArray(c, a, n, 16, (b) => {
    const base = rd.u64(b, 0);
    const len = rd.u64(b, 8);
    const shown = left < 0n || len <= left ? len : left;
    if (left >= 0n) left -= shown;
    return struct([field('iov_base', bases ? show(base, shown) : addr(base)), field('iov_len', ulong(len))]);
  }, { ignoreErr: true });
}

// ---------------------------------------------------------------- commands: fcntl, ioctl

/** How a command's third argument prints: when (entry, or exit for what the kernel fills in) and how. */
export type ArgPrinter = (c: Ctx, a: bigint) => Value;
export interface ArgAt {
  at: 'entry' | 'exit';
  print: ArgPrinter;
  /**
   * For arguments printed at exit: runs at entry, to keep in c.state what the call overwrites
   * (in/out arguments keep their entry value as c.state.argIn).
   */
  save?: (c: Ctx, a: bigint) => void;
}
export const onEntry = (print: ArgPrinter): ArgAt => ({ at: 'entry', print });
export const onExit = (print: ArgPrinter): ArgAt => ({ at: 'exit', print });

/** A save hook keeping the argument as printed at entry, for printing at exit (c.state.argIn). */
export const keepIn = (before: ArgPrinter) => (c: Ctx, a: bigint): void => {
  c.state.argIn = before(c, a);
};

/**
 * An argument the kernel reads and then fills: the entry value, then ` => ` and the exit value when
 * the call succeeded (an unreadable argument prints once).
 */
export const inOut = (before: ArgPrinter, after: ArgPrinter): ArgAt => ({
  at: 'exit',
  save: keepIn(before),
  print: (c, a) => {
    const v = c.state.argIn as Value;
    return v.k !== 'struct' || c.err ? v : { k: 'inout', in: v, out: after(c, a) };
  },
});

/**
 * A struct strace prints in two steps: `head`'s fields at entry (all of it when `complete` says so,
 * or when it cannot be read), then at exit, when the call succeeded (`evenOnError`: in any case) and
 * the struct can be read again, what `done` makes of it and of the fields already shown.
 */
export interface TwoStep {
  size: number;
  head: (c: Ctx, b: Uint8Array) => Field[];
  done: (c: Ctx, b: Uint8Array, head: Field[], a: bigint) => Value;
  complete?: (b: Uint8Array, head: Field[]) => boolean;
  evenOnError?: boolean;
}
export function twoStep(t: TwoStep): ArgAt {
  return {
    at: 'exit',
    save: (c, a) => {
      let fields: Field[] | undefined;
      let b: Uint8Array | undefined;
      c.state.argIn = fetch(c, a, t.size, (got) => {
        b = got;
        fields = t.head(c, got);
        return struct(fields);
      });
      c.state.argFields = fields && !t.complete?.(b!, fields) ? fields : undefined;
    },
    print: (c, a) => {
      const fields = c.state.argFields as Field[] | undefined;
      const b = fields && (!c.err || t.evenOnError) ? c.mem.read(a, t.size) : null;
      return b ? t.done(c, b, fields!, a) : (c.state.argIn as Value);
    },
  };
}
/** `{given} => {filled}`: a struct as given and as the kernel left it. */
export const changed = (head: Field[], after: Field[]): Value => ({ k: 'inout', in: struct(head), out: struct(after) });

/** A decoder for fd/command/argument calls: the argument per command, the result per command. */
export function byCommand(name: (c: Ctx) => Value, argOf: (c: Ctx) => ArgAt | undefined, ret: (c: Ctx) => RetInfo): SyscallDecoder {
  return {
    entry: (c) => {
      const h = argOf(c);
      const out = [A.fd(c, 0), name(c)];
      if (h?.at === 'entry') out.push(h.print(c, c.args[2]!));
      else h?.save?.(c, c.args[2]!);
      return out;
    },
    needsExit: (c) => argOf(c)?.at === 'exit',
    exit: (c) => [argOf(c)!.print(c, c.args[2]!)],
    ret,
  };
}

/** A result followed by `(NAME)` when there is a name (strace's RVAL_STR with a looked-up auxstr). */
export const withName = (name: string | undefined, fmt: 'd' | 'x'): RetInfo => (name ? { fmt, aux: tok(name) } : { fmt });
/** A result that is a file descriptor (F_DUPFD, ioctls that make one). */
export const asFd = (): RetInfo => ({ fmt: 'fd' });

/** strace's printflags with no default: a zero value prints nothing at all. */
export const flagsNoDflt = (x: Xlat, v: bigint): Value => (v === 0n && lookup(x, 0n) === undefined ? tok('') : xflags(x, v));

/**
 * strace's print_nonzero_bytes: the bytes of an extensible struct beyond the `known` size (up to
 * `size`, at most a page), as `/* bytes 24..63 *\/ "\x00…"` when any is non-zero, `???` when unreadable.
 */
export function nonzeroTail(c: Ctx, a: bigint, known: number, size: bigint): Field | undefined {
  if (size <= BigInt(known)) return undefined;
  const total = Number(size < 4096n ? size : 4096n);
  const len = total - known;
  const tail = c.mem.read(a + BigInt(known), len);
  if (!tail) return { v: tok('???') };
  if (!tail.some((x) => x !== 0)) return undefined;
  const n = Math.min(len, c.opt.strsize);
  const bytes: Value = { k: 'str', b: tail.subarray(0, n), hex: true, ...(n < len ? { trunc: true } : {}) };
  return { v: join('', tok(`/* bytes ${known}..${total - 1} */ `), bytes) };
}

/**
 * The smallest CPU mask size the kernel accepts (strace's get_cpuset_size): 128 bytes, doubled
 * until it holds a bit per possible CPU; 128 when the host's count is unknown.
 */
function cpusetSize(c: Ctx): number {
  const ncpu = c.host?.possibleCpus() ?? 0;
  let size = 128;
  while (size * 8 < ncpu) size *= 2;
  return size;
}

/** print_affinitylist: the CPUs in a mask, `[0 1 2 3]`. */
export function affinityAt(c: Ctx, a: bigint, len: number, exiting: boolean): Value {
  if (!c.opt.verbose || (exiting && c.err) || a === 0n) return addr(a);
  if (len === 0) return array([]);
  const umove = Math.min(len, cpusetSize(c));
  const size = Math.ceil(umove / 8) * 8;
  const b = c.mem.read(a, umove);
  if (!b) return badPtr(a);
  const cpus: Value[] = [];
  for (let i = 0; i < umove * 8; i++) if ((b[i >> 3]! >> (i & 7)) & 1) cpus.push(int(i));
  if (size < len) cpus.push(tok('...'));
  return bitset(cpus);
}
