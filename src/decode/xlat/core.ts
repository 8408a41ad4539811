/**
 * Declarative constant tables ("xlat", as strace calls them) and the few ways strace prints
 * a number with one: as a bit set, as one named value, or as a value plus flags.
 */
import type { Value } from '../value.js';

/** A table: [value, name] pairs. Order matters for flag sets (strace prints in table order). */
export interface Xlat {
  readonly pairs: ReadonlyArray<readonly [bigint, string]>;
  readonly byValue: ReadonlyMap<bigint, string>;
}

type Pairs = ReadonlyArray<readonly [number | bigint, string]>;

/**
 * Build a table from [value, name] pairs (numbers or bigints), or from a function returning them.
 * Built on first use: sysray defines hundreds of tables and a run touches a few dozen. Given as a
 * function, a table's literal costs nothing until then either (V8 compiles a function when it first
 * runs: a script of tables written as plain literals compiles and runs them all as it loads).
 */
export function xlat(pairs: Pairs | (() => Pairs)): Xlat {
  let p: (readonly [bigint, string])[] | undefined;
  let byValue: Map<bigint, string> | undefined;
  return {
    get pairs() {
      return (p ??= (typeof pairs === 'function' ? pairs() : pairs).map(([v, n]) => [BigInt(v), n] as const));
    },
    get byValue() {
      if (!byValue) {
        byValue = new Map();
        for (const [v, n] of this.pairs) if (!byValue.has(v)) byValue.set(v, n);
      }
      return byValue;
    },
  };
}

/** Name of `v` in `x`, or undefined. */
export function lookup(x: Xlat, v: bigint | number): string | undefined {
  return x.byValue.get(BigInt(v));
}

/**
 * One named value, else the number: `AT_FDCWD`, `SEEK_SET`; unknown values print as strace's
 * fallback for that argument, `fmt` ('x' → `0x1234`, 'd' → `-5`, 'u'), with an optional
 * comment naming the prefix as strace does (`0x1234 /* SEEK_??? *\/`).
 */
export function symbol(x: Xlat, v: bigint, fmt: 'd' | 'u' | 'x' = 'd', unknownNote?: string): Value {
  const name = x.byValue.get(v);
  if (name !== undefined) return fmt === 'x' ? { k: 'sym', name, v, fmt } : { k: 'sym', name, v };
  const n: Value = { k: 'int', v, fmt };
  return unknownNote ? { k: 'note', v: n, text: unknownNote, xlat: true } : n;
}

/**
 * A bit set: names of the set bits (table order; multi-bit entries match when all their bits are
 * set), leftover bits as hex. `v == 0` prints the table's zero entry if it has one, else `0`.
 */
export function flags(x: Xlat, v: bigint, unknownNote?: string): Value {
  const names: string[] = [];
  let rest = v;
  if (v === 0n) {
    const z = x.byValue.get(0n);
    if (z !== undefined) names.push(z);
    return { k: 'flags', names, rest: 0n, v };
  }
  for (const [bit, name] of x.pairs) {
    if (bit !== 0n && (rest & bit) === bit) {
      names.push(name);
      rest &= ~bit;
    }
  }
  const out: Value = { k: 'flags', names, rest, v };
  return unknownNote && names.length === 0 && rest !== 0n ? { k: 'note', v: out, text: unknownNote, xlat: true } : out;
}

/** Convert a non-negative 64-bit raw value to signed. */
export const s64 = (v: bigint): bigint => BigInt.asIntN(64, v);
/** The low 32 bits, signed (C `int`). */
export const s32 = (v: bigint): bigint => BigInt.asIntN(32, v);
/** The low 32 bits, unsigned. */
export const u32 = (v: bigint): bigint => BigInt.asUintN(32, v);

/** Table of `[1 << i, names[i]]` for bit-indexed names (strace's `1<<CAP_CHOWN` style tables). */
export const bits = (names: readonly string[], shift = 0): Xlat => xlat(names.map((n, i) => [1n << BigInt(i + shift), n] as const));
/** Table of `[i, names[i]]` (strace's #value_indexed tables). */
export const indexed = (names: readonly string[], first = 0): Xlat => xlat(names.map((n, i) => [first + i, n] as const));
