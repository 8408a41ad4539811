/**
 * The parts of an `-e inject=` rule that change a call rather than its result: `syscall=NAME`,
 * `delay_enter=`/`delay_exit=` and `poke_enter=`/`poke_exit=`, parsed as strace 6.1 parses them
 * (filter_qualify.c's parse_inject_token, parse_delay_token, parse_poke_token; util.c's parse_ts).
 * Pure: each parser returns undefined where strace rejects the token (its caller then says
 * "invalid inject argument '…'").
 */
import type { ArchTable } from '../arch/types.js';

/** Bytes to write into the tracee at the address argument `arg` (1-based) holds. */
export interface Poke {
  arg: number;
  data: Uint8Array;
}

/** C's isspace, which strtoll and strtod skip before a number. */
const SPACE = '[ \\t\\n\\v\\f\\r]*';
const INT_RE = new RegExp(`^${SPACE}([+-]?[0-9]+)`);
const FLOAT_RE = new RegExp(`^${SPACE}[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?`);
const LLONG_MAX = (1n << 63n) - 1n;

/** Nanoseconds in one unit of each suffix strace accepts (case-insensitive); no suffix is microseconds. */
const UNIT_NS: Readonly<Record<string, number>> = { s: 1e9, ms: 1e6, us: 1e3, ns: 1 };

/** The length of the prefix of `s` made of characters in `accept` (C's strspn). */
function span(s: string, accept: string): number {
  let i = 0;
  while (i < s.length && accept.includes(s[i]!)) i++;
  return i;
}

/**
 * A delay as strace's parse_ts reads it: an integer or a decimal/exponent number, then nothing
 * (microseconds) or a unit `s`, `ms`, `us`, `ns`. Nanoseconds, or undefined if strace rejects it.
 */
export function parseDelay(s: string): bigint | undefined {
  const floatLen = span(s, 'eE.-+0123456789');
  const intLen = span(s, '+0123456789');
  let rest: string, value: number | bigint;
  if (floatLen > intLen) {
    const m = FLOAT_RE.exec(s);
    if (!m) return undefined;
    const v = Number(m[0].trim());
    // strtod's ERANGE: too large, or a non-zero number too small to represent
    if (!Number.isFinite(v) || v < 0 || (v === 0 && /[1-9]/.test(m[0].replace(/[eE].*$/, '')))) return undefined;
    value = v;
    rest = s.slice(m[0].length);
  } else {
    const m = INT_RE.exec(s);
    if (!m) return undefined;
    const v = BigInt(m[1]!);
    if (v < 0n || v > LLONG_MAX) return undefined;
    rest = s.slice(m[0].length);
    if (rest !== '' && !'smun'.includes(rest[0]!)) return undefined;
    value = v;
  }
  const unit = rest === '' ? 1e3 : UNIT_NS[rest.toLowerCase()];
  if (unit === undefined) return undefined;
  const perSecond = 1e9 / unit;
  if (typeof value === 'bigint') {
    const sec = value / BigInt(perSecond), frac = value % BigInt(perSecond);
    return sec * 1000000000n + frac * BigInt(unit);
  }
  // parse_ts on a double: whole seconds truncated, the remainder scaled to nanoseconds and truncated
  const sec = Math.trunc(value / perSecond);
  const nsec = Math.trunc((value - sec * perSecond) * unit) % 1e9;
  return BigInt(sec) * 1000000000n + BigInt(nsec);
}

/** sscanf("%2hhx") at `s`: one byte from at most two characters, or undefined. */
function hexByte(s: string): number | undefined {
  const m = /^[+-]?[0-9a-fA-F]{1,2}/.exec(s.slice(0, 2));
  if (!m || !/[0-9a-fA-F]/.test(m[0])) return undefined;
  const v = parseInt(m[0].replace('+', ''), 16);
  return v & 0xff;
}

/**
 * `@argN=HEX[,@argN=HEX…]`: N from 1 to 7, HEX an even number of hex digits (at most 1,024 bytes),
 * each argument at most once. Undefined if strace rejects it.
 */
export function parsePokes(s: string): Poke[] | undefined {
  if (s === '') return undefined;
  const out: Poke[] = [];
  for (const tok of s.split(',')) {
    if (tok === '') continue; // strtok skips empty fields
    const m = /^@arg([1-7])=(.*)$/s.exec(tok);
    if (!m) return undefined;
    const hex = m[2]!;
    if (hex.length === 0 || hex.length % 2 || hex.length > 2048) return undefined;
    const data = new Uint8Array(hex.length / 2);
    for (let i = 0; i < data.length; i++) {
      const b = hexByte(hex.slice(2 * i));
      if (b === undefined) return undefined;
      data[i] = b;
    }
    const arg = Number(m[1]);
    if (out.some((p) => p.arg === arg)) return undefined;
    out.push({ arg, data });
  }
  return out;
}

/**
 * `syscall=NAME`: the call run in place of the injected one. strace takes only names (no
 * numbers), and only pure calls (no side effects: getpid, gettid, …). Its number, or undefined.
 */
export function replacementSyscall(name: string, table: ArchTable): number | undefined {
  const row = table.byName.get(name);
  return row && row.classes.includes('pure') ? row.nr : undefined;
}
