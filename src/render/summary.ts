/**
 * The `-c` / `-C` call summary table, in strace 6.1's exact layout (count.c), plus the
 * `-S SORTBY`, `-U COLUMNS` and `-O OVERHEAD` option parsers. Pure: feed it calls, get text.
 *
 * What strace counts (the engine's job; facts from strace 6.1 syscall.c / strace.c / count.c):
 * - Only syscalls that are traced and printed would be: not filtered out by -e trace= or -P,
 *   and not hidden before the first execve. -z/-Z/-e status= do NOT affect counting.
 * - One `add` per completed syscall (entry and exit both seen). Syscalls cut short by the
 *   process's death ("unfinished") are not counted. strace 6.1 only counts numbers inside its
 *   table (it ignores larger ones, and crashes on holes inside it), so do not add syscalls it
 *   does not know (see filter/expr.ts isKnownToStrace61).
 * - `failed`: the syscall returned an error (-4095..-1, ERESTART* included). (strace exempts the
 *   calls its tables flag as never failing, getpid and the like, which the kernel never fails.)
 * - `durationNs` without -w: the tracee's *system CPU time* spent in the call: ru_stime (µs
 *   resolution, from the wait4 rusage of the syscall-exit stop) minus ru_stime at the
 *   syscall-entry stop. With -w (count_wallclock): CLOCK_MONOTONIC read when the exit stop is
 *   handled minus CLOCK_MONOTONIC read after the entry stop was handled. The -O overhead is
 *   subtracted per call (clamped at 0) by the counter itself.
 * - The table goes to the trace output (-o FILE or stderr) when strace ends: after the
 *   "+++ exited with N +++" line under -C, alone under -c. Nothing at all is printed when no
 *   syscall was counted.
 */
import type { ArchTable } from '../arch/types.js';
import { FilterError } from '../filter/expr.js';

export type Column = 'time_percent' | 'total_time' | 'min_time' | 'max_time' | 'avg_time' | 'calls' | 'errors' | 'name';
export type SortKey = Column | 'nothing';

/** strace's column_aliases (used by both -S and -U; exact, case-sensitive). */
const ALIASES: readonly (readonly [string, SortKey])[] = [
  ['time', 'time_percent'], ['time_percent', 'time_percent'], ['time-percent', 'time_percent'],
  ['time_total', 'total_time'], ['time-total', 'total_time'], ['total_time', 'total_time'], ['total-time', 'total_time'],
  ['min_time', 'min_time'], ['min-time', 'min_time'], ['shortest', 'min_time'], ['time_min', 'min_time'], ['time-min', 'min_time'],
  ['longest', 'max_time'], ['max_time', 'max_time'], ['max-time', 'max_time'], ['time_max', 'max_time'], ['time-max', 'max_time'],
  ['avg_time', 'avg_time'], ['avg-time', 'avg_time'], ['time_avg', 'avg_time'], ['time-avg', 'avg_time'],
  ['calls', 'calls'], ['count', 'calls'],
  ['error', 'errors'], ['errors', 'errors'],
  ['name', 'name'], ['syscall', 'name'], ['syscall_name', 'name'], ['syscall-name', 'name'],
  ['none', 'nothing'], ['nothing', 'nothing'],
];

export const DEFAULT_COLUMNS: readonly Column[] = ['time_percent', 'total_time', 'avg_time', 'calls', 'errors', 'name'];
export const DEFAULT_SORT: SortKey = 'time_percent';

/** -S / --summary-sort-by. time_percent and total_time both sort by time; 'nothing' keeps syscall-number order. */
export function parseSortBy(s: string): SortKey {
  const a = ALIASES.find(([n]) => n === s);
  if (!a) throw new FilterError(`invalid sortby: '${s}'`, true);
  return a[1];
}

/** -U / --summary-columns (the last -U wins; the syscall name column is appended when missing). */
export function parseColumns(s: string): Column[] {
  const cols: Column[] = [];
  let rest = s;
  for (;;) {
    const comma = rest.indexOf(',');
    const tok = comma < 0 ? rest : rest.slice(0, comma);
    const a = ALIASES.find(([n, c]) => n === tok && c !== 'nothing');
    if (!a) throw new FilterError(`unknown column name: '${tok}'`, true);
    const col = a[1] as Column;
    if (cols.includes(col)) {
      throw new FilterError(`call summary column has been provided more than once: '${a[0]}' (-U option residual: '${rest}')`, true);
    }
    cols.push(col);
    if (comma < 0) break;
    rest = rest.slice(comma + 1);
  }
  if (!cols.includes('name')) cols.push('name');
  return cols;
}

/**
 * -O / --summary-syscall-overhead (strace's parse_ts): a number (integer or strtod float,
 * no sign) with an optional unit s/ms/us/ns (any case; default us). Returns nanoseconds, or
 * undefined when invalid (strace then says "invalid -O argument: 'X'" + hint).
 */
export function parseOverhead(s: string): bigint | undefined {
  const FLOAT = 'eE.-+0123456789';
  const INT = '+0123456789';
  let fl = 0;
  while (fl < s.length && FLOAT.includes(s[fl]!)) fl++;
  let il = 0;
  while (il < s.length && INT.includes(s[il]!)) il++;
  let rest: string;
  let floatVal = -1;
  let intVal = -1n;
  if (fl > il) {
    const m = /^[ \t\n\v\f\r]*[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)/i.exec(s);
    if (!m) return undefined;
    floatVal = Number(m[0].trim().replace(/^([+-]?)inf(inity)?$/i, '$1Infinity').replace(/^[+-]?nan$/i, 'NaN'));
    // strtod's ERANGE (overflow, underflow to zero or a subnormal) and negative values fail.
    const underflow = floatVal === 0 ? /[1-9]/.test(m[0].replace(/[eE].*$/, '')) : Math.abs(floatVal) < 2.2250738585072014e-308;
    if (!Number.isFinite(floatVal) || underflow || floatVal < 0) return undefined;
    rest = s.slice(m[0].length);
  } else {
    const m = /^[ \t\n\v\f\r]*[+-]?\d+/.exec(s);
    if (!m) return undefined;
    intVal = BigInt(m[0].trim());
    if (intVal < 0n || intVal > 0x7fffffffffffffffn) return undefined;
    rest = s.slice(m[0].length);
    if (rest !== '' && !'smun'.includes(rest[0]!)) return undefined;
  }
  const units: Record<string, number> = { '': 1000, s: 1e9, ms: 1e6, us: 1000, ns: 1 };
  const scale = units[rest.toLowerCase()];
  if (scale === undefined) return undefined;
  const per = 1e9 / scale; // units per second
  if (fl > il) {
    const sec = Math.trunc(floatVal / per);
    const nsec = BigInt(Math.trunc((floatVal - sec * per) * scale)) % 1000000000n;
    return BigInt(sec) * 1000000000n + nsec;
  }
  const perB = BigInt(per);
  return (intVal / perB) * 1000000000n + (intVal % perB) * BigInt(scale);
}

// ---------------------------------------------------------------------------------------------
// C-exact number formatting

/** printf("%.{prec}f", x) for finite x >= 0, exactly as glibc (exact value, ties to even). */
export function formatFixed(x: number, prec: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (bexp === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = bexp - 1075;
  }
  const pow10 = 10n ** BigInt(prec);
  let q: bigint;
  if (exp >= 0) q = (mant << BigInt(exp)) * pow10;
  else {
    const num = mant * pow10;
    const den = 1n << BigInt(-exp);
    q = num / den;
    const r2 = (num % den) * 2n;
    if (r2 > den || (r2 === den && q % 2n === 1n)) q += 1n;
  }
  let digits = q.toString();
  if (prec === 0) return digits;
  digits = digits.padStart(prec + 1, '0');
  return `${digits.slice(0, -prec)}.${digits.slice(-prec)}`;
}

// ---------------------------------------------------------------------------------------------
// Counting and rendering

const NS = 1000000000n;

/** strace's ts_float: tv_sec + tv_nsec / 1e9 in double arithmetic. */
const tsFloat = (ns: bigint): number => Number(ns / NS) + Number(ns % NS) / 1000000000.0;

/** strace's ts_div (rounded to the nearest nanosecond). */
function tsDiv(ns: bigint, n: bigint): bigint {
  const sec = ns / NS;
  const nsec = ns % NS;
  const q = ((sec % n) * NS + nsec + n / 2n) / n;
  return (sec / n + q / NS) * NS + (q % NS);
}

interface Entry {
  name: string;
  order: number;
  seq: number;
  calls: bigint;
  errors: bigint;
  time: bigint;
  min: bigint;
  max: bigint;
}

export interface SummaryCounterOptions {
  /** -O overhead in ns, subtracted from every call's time (result clamped at 0). */
  overheadNs?: bigint;
}

export interface SummaryRenderOptions {
  /** -S (default time). */
  sortBy?: SortKey;
  /** -U (default DEFAULT_COLUMNS). */
  columns?: readonly Column[];
}

export class SummaryCounter {
  private readonly entries = new Map<string, Entry>();
  private seq = 0;
  private readonly overhead: bigint;

  /** `table` gives the syscall-number order strace uses for ties (and for -S nothing). */
  constructor(private readonly table?: ArchTable, opts: SummaryCounterOptions = {}) {
    this.overhead = opts.overheadNs ?? 0n;
  }

  /** One completed syscall. `nr` defaults to the table's number for `name`. */
  add(name: string, durationNs: bigint, failed: boolean, nr?: number): void {
    let e = this.entries.get(name);
    if (!e) {
      const order = nr ?? this.table?.byName.get(name)?.nr ?? Number.MAX_SAFE_INTEGER;
      e = { name, order, seq: this.seq++, calls: 0n, errors: 0n, time: 0n, min: 0n, max: 0n };
      this.entries.set(name, e);
    }
    let d = durationNs - this.overhead;
    if (d < 0n) d = 0n;
    e.calls++;
    if (failed) e.errors++;
    e.time += d;
    if (e.calls === 1n || d < e.min) e.min = d;
    if (d > e.max) e.max = d;
  }

  /** Nothing counted: strace prints no table at all. */
  get empty(): boolean {
    return this.entries.size === 0;
  }

  render(opts: SummaryRenderOptions = {}): string {
    const list = [...this.entries.values()].sort((a, b) => a.order - b.order || a.seq - b.seq);
    if (list.length === 0) return '';
    const columns = opts.columns ?? DEFAULT_COLUMNS;
    const sortBy = opts.sortBy ?? DEFAULT_SORT;

    let cum = 0n;
    let tvMin: bigint | undefined;
    let tvMinMax = 0n;
    let tvMax = 0n;
    let tvAvgMax = 0n;
    let callCum = 0n;
    let errorCum = 0n;
    let nameMax = 0;
    const avg = new Map<Entry, bigint>();
    for (const e of list) {
      cum += e.time;
      if (tvMin === undefined || e.min < tvMin) tvMin = e.min;
      if (e.min > tvMinMax) tvMinMax = e.min;
      if (e.max > tvMax) tvMax = e.max;
      callCum += e.calls;
      errorCum += e.errors;
      const a = tsDiv(e.time, e.calls);
      avg.set(e, a);
      if (a > tvAvgMax) tvAvgMax = a;
      nameMax = Math.max(nameMax, Buffer.byteLength(e.name));
    }
    const floatCum = tsFloat(cum);

    // glibc's qsort is a stable merge sort here; ties keep syscall-number order.
    const desc = (f: (e: Entry) => bigint) => (a: Entry, b: Entry) => (f(a) < f(b) ? 1 : f(a) > f(b) ? -1 : 0);
    const cmp: ((a: Entry, b: Entry) => number) | undefined = {
      time_percent: desc((e) => e.time),
      total_time: desc((e) => e.time),
      min_time: desc((e) => e.min),
      max_time: desc((e) => e.max),
      avg_time: desc((e) => avg.get(e)!),
      calls: desc((e) => e.calls),
      errors: desc((e) => e.errors),
      name: (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
      nothing: undefined,
    }[sortBy];
    if (cmp) list.sort(cmp);

    const usecs = (ns: bigint): bigint => BigInt(Math.trunc(tsFloat(ns) * 1e6));
    const width: Record<Column, number> = {
      time_percent: 6,
      total_time: Math.max(11, formatFixed(floatCum, 6).length),
      min_time: Math.max(8, `${tvMinMax / NS}.000000`.length),
      max_time: Math.max(7, `${tvMax / NS}.000000`.length),
      avg_time: Math.max(11, usecs(tvAvgMax).toString().length),
      calls: Math.max(9, callCum.toString().length),
      errors: Math.max(9, errorCum.toString().length),
      name: Math.max(16, nameMax + 1),
    };
    const header: Record<Column, string> = {
      time_percent: '% time', total_time: 'seconds', min_time: 'shortest', max_time: 'longest',
      avg_time: 'usecs/call', calls: 'calls', errors: 'errors', name: 'syscall',
    };
    const last = columns.length - 1;
    const cell = (c: Column, i: number, text: string): string =>
      c === 'name' ? (i === last ? text : text.padEnd(width[c])) : text.padStart(width[c]);
    const line = (f: (c: Column) => string): string => `${columns.map((c, i) => cell(c, i, f(c))).join(' ')}\n`;
    const dashes = `${columns.map((c) => '-'.repeat(width[c])).join(' ')}\n`;

    let out = line((c) => header[c]) + dashes;
    for (const e of list) {
      const t = tsFloat(e.time);
      let percent = 100.0 * t;
      if (percent !== 0.0) percent /= floatCum;
      out += line((c) => {
        switch (c) {
          case 'time_percent': return formatFixed(percent, 2);
          case 'total_time': return formatFixed(t, 6);
          case 'min_time': return formatFixed(tsFloat(e.min), 6);
          case 'max_time': return formatFixed(tsFloat(e.max), 6);
          case 'avg_time': return usecs(avg.get(e)!).toString();
          case 'calls': return e.calls.toString();
          case 'errors': return e.errors === 0n ? '' : e.errors.toString();
          case 'name': return e.name;
        }
      });
    }
    out += dashes;
    out += line((c) => {
      switch (c) {
        case 'time_percent': return formatFixed(100.0, 2);
        case 'total_time': return formatFixed(floatCum, 6);
        case 'min_time': return formatFixed(tsFloat(tvMin!), 6);
        case 'max_time': return formatFixed(tsFloat(tvMax), 6);
        case 'avg_time': return BigInt(Math.trunc((floatCum / Number(callCum)) * 1e6)).toString();
        case 'calls': return callCum.toString();
        case 'errors': return errorCum === 0n ? '' : errorCum.toString();
        case 'name': return 'total';
      }
    });
    return out;
  }
}
