/**
 * The shared printer vocabulary: how one argument is turned into a Value. Every family file builds
 * its decoders from these, so a convention (NULL pointers, unreadable memory, -s truncation) lives
 * in one place.
 */
import type { Ctx, RetFmt, RetInfo, SyscallDecoder, SyscallFacts } from './types.js';
import { flags as xflags, symbol, s32, type Xlat } from './xlat/core.js';
import type { Value } from './value.js';

export { s32 };
export const PATH_MAX = 4096;

/** A pointer as strace prints an address: NULL or 0x…. */
export const addr = (v: bigint): Value => ({ k: 'ptr', v });

/** An fd argument (C int). */
export const fd = (v: bigint): Value => ({ k: 'fd', fd: Number(s32(v)) });

/** A dirfd argument: AT_FDCWD or an fd. */
export const dirfd = (v: bigint): Value => (s32(v) === -100n ? { k: 'sym', name: 'AT_FDCWD', v: -100n } : fd(v));

/** C int, signed. */
export const sint = (v: bigint): Value => ({ k: 'int', v: s32(v) });
/** C unsigned int. */
export const uint32 = (v: bigint): Value => ({ k: 'int', v: BigInt.asUintN(32, v), fmt: 'u' });
/** C long, signed. */
export const slong = (v: bigint): Value => ({ k: 'int', v: BigInt.asIntN(64, v) });
/** C unsigned long / size_t. */
export const ulong = (v: bigint): Value => ({ k: 'int', v: BigInt.asUintN(64, v), fmt: 'u' });
/** Hex (0x…; 0 prints as 0). */
export const hexv = (v: bigint): Value => ({ k: 'int', v, fmt: 'x' });
/** A file mode as strace prints it: 0 → 000, else 0644. */
export const mode = (v: bigint): Value => ({ k: 'int', v: BigInt.asUintN(32, v), fmt: 'o' });

/**
 * A NUL-terminated path, not cut by -s: strace's printpath reads PATH_MAX bytes and shows at most
 * PATH_MAX - 1 of them, then `...` when no NUL came. NULL, or an unreadable address as hex.
 */
export function path(c: Ctx, a: bigint): Value {
  if (a === 0n) return addr(0n);
  const r = c.mem.readString(a, PATH_MAX);
  if (!r) return { k: 'ptr', v: a, bad: true };
  return r.nul ? { k: 'str', b: r.b } : { k: 'str', b: r.b.subarray(0, PATH_MAX - 1), trunc: true };
}

/** A NUL-terminated string cut at -s (strace's printstr with QUOTE_0_TERMINATED). */
export function cstr(c: Ctx, a: bigint, limit = c.opt.strsize): Value {
  if (a === 0n) return addr(0n);
  const r = c.mem.readString(a, limit + 1);
  if (!r) return { k: 'ptr', v: a, bad: true };
  if (r.b.length > limit) return { k: 'str', b: r.b.subarray(0, limit), trunc: true };
  return r.nul ? { k: 'str', b: r.b } : { k: 'str', b: r.b, trunc: true };
}

/**
 * A buffer of `len` bytes (strace's printstr_ex without QUOTE_0_TERMINATED): at most -s bytes are
 * shown, with `...` when len is larger. `hex` forces \x escapes (strace's QUOTE_FORCE_HEX).
 */
export function buf(c: Ctx, a: bigint, len: bigint | number, hex = false): Value {
  if (a === 0n) return addr(0n);
  const n = BigInt.asUintN(64, BigInt(len));
  const more = n > BigInt(c.opt.strsize);
  // strace fetches one byte more than it shows: that byte must be readable too
  const b = c.mem.read(a, more ? c.opt.strsize + 1 : Number(n));
  if (!b) return { k: 'ptr', v: a, bad: true };
  const v: Value = more ? { k: 'str', b: b.subarray(0, c.opt.strsize), trunc: true } : { k: 'str', b };
  return hex ? { ...v, hex: true } as Value : v;
}

/** Flags from a table. */
export const flagsOf = (x: Xlat, v: bigint, note?: string): Value => xflags(x, v, note);

/** strace's print_local_array: an array already in hand, cut after -s elements with abbrev (`[1, 2, ...]`). */
export function localArray(c: Ctx, items: Value[]): Value {
  return c.opt.abbrev && c.opt.strsize < items.length ? { k: 'array', items: items.slice(0, c.opt.strsize), more: true } : { k: 'array', items };
}
/** A named value from a table, else a number in `fmt`. */
export const symOf = (x: Xlat, v: bigint, fmt: 'd' | 'u' | 'x' = 'd', note?: string): Value => symbol(x, v, fmt, note);

/** Read a little-endian u64 / s64 / u32 / s32 at `off` of a byte array. */
export const rd = {
  u64: (b: Uint8Array, off: number): bigint => new DataView(b.buffer, b.byteOffset, b.byteLength).getBigUint64(off, true),
  s64: (b: Uint8Array, off: number): bigint => new DataView(b.buffer, b.byteOffset, b.byteLength).getBigInt64(off, true),
  u32: (b: Uint8Array, off: number): number => new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(off, true),
  s32: (b: Uint8Array, off: number): number => new DataView(b.buffer, b.byteOffset, b.byteLength).getInt32(off, true),
  u16: (b: Uint8Array, off: number): number => new DataView(b.buffer, b.byteOffset, b.byteLength).getUint16(off, true),
  u8: (b: Uint8Array, off: number): number => b[off]!,
};

/** An argument printer: one raw argument (with the context, for arguments that depend on others). */
export type ArgFn = (c: Ctx, i: number) => Value;
/** An argument printed only when the call has returned (an output buffer). */
export interface ExitArg {
  exit: ArgFn;
}
export type ArgSpec = ArgFn | ExitArg;

/** Mark an argument as printed at exit. */
export const atExit = (fn: ArgFn): ExitArg => ({ exit: fn });

/** Simple argument printers by name, for signatures. */
export const A = {
  fd: ((c, i) => fd(c.args[i]!)) as ArgFn,
  dirfd: ((c, i) => dirfd(c.args[i]!)) as ArgFn,
  int: ((c, i) => sint(c.args[i]!)) as ArgFn,
  uint: ((c, i) => uint32(c.args[i]!)) as ArgFn,
  long: ((c, i) => slong(c.args[i]!)) as ArgFn,
  ulong: ((c, i) => ulong(c.args[i]!)) as ArgFn,
  hex: ((c, i) => hexv(c.args[i]!)) as ArgFn,
  ptr: ((c, i) => addr(c.args[i]!)) as ArgFn,
  mode: ((c, i) => mode(c.args[i]!)) as ArgFn,
  path: ((c, i) => path(c, c.args[i]!)) as ArgFn,
  cstr: ((c, i) => cstr(c, c.args[i]!)) as ArgFn,
  flags: (x: Xlat, note?: string): ArgFn => (c, i) => xflags(x, BigInt.asUintN(32, c.args[i]!), note),
  flags64: (x: Xlat, note?: string): ArgFn => (c, i) => xflags(x, c.args[i]!, note),
  sym: (x: Xlat, fmt: 'd' | 'u' | 'x' = 'd', note?: string): ArgFn => (c, i) =>
    symbol(x, fmt === 'd' ? s32(c.args[i]!) : BigInt.asUintN(32, c.args[i]!), fmt, note),
};

/**
 * A decoder from a list of argument printers: those before the first exit-time argument print at
 * entry, the rest when the call returns. `ret` gives the return format (default signed decimal).
 */
export function sig(args: ArgSpec[], ret: RetFmt | ((c: Ctx) => RetInfo) = 'd'): SyscallDecoder {
  const firstExit = args.findIndex((a) => typeof a !== 'function');
  const split = firstExit < 0 ? args.length : firstExit;
  const fnOf = (a: ArgSpec): ArgFn => (typeof a === 'function' ? a : a.exit);
  // a fixed format is one object, never written to, handed out at every exit
  const fixed = typeof ret === 'function' ? undefined : { fmt: ret };
  const d: SyscallDecoder = {
    entry: (c) => {
      const out: Value[] = new Array(split);
      for (let i = 0; i < split; i++) out[i] = fnOf(args[i]!)(c, i);
      return out;
    },
    ret: typeof ret === 'function' ? ret : () => fixed!,
  };
  if (split < args.length)
    d.exit = (c) => {
      const out: Value[] = [];
      for (let i = split; i < args.length; i++) out.push(fnOf(args[i]!)(c, i));
      return out;
    };
  return d;
}

/** The return value printed as an fd, hex, etc. */
export const R = {
  fd: 'fd' as RetFmt,
  hex: 'x' as RetFmt,
  dec: 'd' as RetFmt,
  udec: 'u' as RetFmt,
  oct: 'o' as RetFmt,
  none: 'none' as RetFmt,
};

/** strace's printargs: every argument as hex (0 prints as 0). */
export function printargs(nargs: number): SyscallDecoder {
  return {
    entry: (c) => c.args.slice(0, nargs).map((v) => hexv(v)),
    ret: () => ({ fmt: 'd' }),
  };
}

/** `d` with the facts its syscall has besides printing (the result is a pid, -P roles, …). */
export const withFacts = (d: SyscallDecoder, facts: SyscallFacts): SyscallDecoder => ({ ...d, facts });
