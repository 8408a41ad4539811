/**
 * strace 6.1's qualifying expressions (`-e trace=…`, `--signal=…`, `-e status=…`, …) parsed into
 * typed filter objects, with strace's exact error messages. Pure: errors are thrown as FilterError.
 *
 * Facts taken from strace v6.1 (filter_qualify.c, basic_filters.c, number_set.c, strace.c):
 *
 * - `-e EXPR`: EXPR is `NAME=VALUE` when the text before the first '=' is one of the qualifier
 *   names (trace t abbrev a verbose v raw x signal signals s status quiet silent silence q read
 *   reads r write writes w fault inject kvm decode-fd decode-fds decode-pid decode-pids
 *   secontext); anything else is taken whole as a `trace=` value (so `-e open` is `-e trace=open`
 *   and `-e bogus=1` fails with "invalid system call 'bogus=1'").
 * - Every qualifier *replaces* its set (a second `-e trace=` does not add to the first), and
 *   options are processed in command-line order (`-v` is `abbrev=none`; `-z`/`-Z` replace the
 *   status set with {successful}/{failed}).
 * - Leading '!'s each invert the rest; after them the exact (case-sensitive) words `all` / `none`
 *   are the whole value; otherwise a comma-separated list (empty items skipped; no items at all
 *   is an error naming the whole value, e.g. "invalid system call '!'").
 * - Syscall items: optional leading '?'s (no error if nothing matches), optional `@64`/`@32`/
 *   `@x32` personality suffix (x86_64; aarch64 has `@64`/`@32`), then a number (first char a
 *   digit; must be a valid syscall number of some personality), `/REGEX` (POSIX ERE as glibc's
 *   regcomp, matched anywhere in the name; must match some name), a class (`%file` … case-
 *   sensitive; legacy `file desc memory process signal ipc network all`), or an exact name.
 *   strace on x86_64 also knows the i386 and x32 tables (and on aarch64 the arm table): names and
 *   numbers valid only there are accepted but select nothing for 64-bit tracees.
 * - Syscalls newer than strace 6.1 are unknown to it: their names are rejected, and numbers it
 *   does not know are always traced and printed raw, whatever the sets say (see `qualFlags`).
 */
import type { ArchTable, SyscallClass, SyscallRow } from '../arch/types.js';
import { NEWER_THAN_STRACE61 as X86_64_NEWER } from '../arch/x86_64.js';
import { NEWER_THAN_STRACE61 as AARCH64_NEWER } from '../arch/aarch64.js';
import { X86_64_COMPAT } from '../arch/x86_64/personalities.js';
import { AARCH64_COMPAT } from '../arch/aarch64/personalities.js';
import { errnoByName } from '../decode/xlat/errno.js';
import { compilePosixEre } from './ere.js';
import { parseDelay, parsePokes, type Poke, replacementSyscall } from './inject-tokens.js';

/** A bad expression. `message` is what strace prints after "strace: ". */
export class FilterError extends Error {
  /**
   * @param hint strace follows the message with "Try 'strace -h' for more information."
   * @param unsupported strace accepts this, sysray does not implement it (not a strace message).
   */
  constructor(message: string, readonly hint = false, readonly unsupported = false) {
    super(message);
    this.name = 'FilterError';
  }
}

// ---------------------------------------------------------------------------------------------
// Sets

/** strace's number_set: membership is `(v in items) XOR not`. */
export class NumberSet<T = number> {
  not = false;
  readonly items = new Set<T>();
  has(v: T): boolean {
    return this.items.has(v) !== this.not;
  }
  clear(): void {
    this.items.clear();
    this.not = false;
  }
  /** Every value of `universe` is in the set (strace's is_complete_set for the small fixed sets). */
  isComplete(universe: readonly T[]): boolean {
    return universe.every((v) => this.has(v));
  }
}

/** A number_set over a small set of named values (status, quiet, decode-fds, decode-pids). */
export class TokenSet<T extends string> extends NumberSet<T> {
  constructor(readonly universe: readonly T[]) {
    super();
  }
  /** All values selected (strace's is_complete_set). */
  override isComplete(): boolean {
    return super.isComplete(this.universe);
  }
}

/** A syscall set for the 64-bit personality of one arch table, by syscall number. */
export class SyscallSet extends NumberSet<number> {
  /**
   * A number was ever added (strace's set has slots then, which a later clear keeps): strace's
   * is_complete_set then says an inverted set with no numbers (`trace=all`) is not complete.
   */
  allocated = false;
  /** Numbers explicitly added (all valid strace 6.1 numbers of `table`). */
  get nrs(): Set<number> {
    return this.items;
  }
  /** Numbers added in compat personality `p` (1: i386 on x86_64), for those with a table of their own. */
  readonly compat: Set<number>[] = [];
  compatNrs(p: number): Set<number> {
    return (this.compat[p] ??= new Set());
  }
  /** Membership of a number of compat personality `p`. */
  hasCompat(p: number, nr: number): boolean {
    return (this.compat[p]?.has(nr) ?? false) !== this.not;
  }
  override clear(): void {
    super.clear();
    this.compat.length = 0;
  }
  /** Every syscall traced, as strace's is_complete_set_array sees it after `trace=all`. */
  straceComplete(everyNumber: boolean): boolean {
    return everyNumber && !(this.not && this.allocated);
  }
  /** Per-number booleans for 0..length-1 (e.g. the table's rows.length). */
  toArray(length: number): boolean[] {
    return Array.from({ length }, (_, nr) => this.has(nr));
  }
}

export type Status = 'successful' | 'failed' | 'unfinished' | 'unavailable' | 'detached';
export const STATUSES: readonly Status[] = ['successful', 'failed', 'unfinished', 'unavailable', 'detached'];
export type Quiet = 'attach' | 'exit' | 'path-resolution' | 'personality' | 'thread-execve';
export const QUIETS: readonly Quiet[] = ['attach', 'exit', 'path-resolution', 'personality', 'thread-execve'];
export type DecodeFd = 'path' | 'socket' | 'dev' | 'pidfd';
export const DECODE_FDS: readonly DecodeFd[] = ['path', 'socket', 'dev', 'pidfd'];
export type DecodePid = 'pidns' | 'comm';
export const DECODE_PIDS: readonly DecodePid[] = ['pidns', 'comm'];

export interface Filters {
  /** -e trace= (default all). */
  trace: SyscallSet;
  /** -e abbrev= (default all; -v makes it none). */
  abbrev: SyscallSet;
  /** -e verbose= (default all). */
  verbose: SyscallSet;
  /** -e raw= (default none). */
  raw: SyscallSet;
  /** -e signal= : signal numbers 0..255 whose delivery is printed (default all). */
  signal: NumberSet;
  /** -e status= (default all; -z = {successful}, -Z = {failed}). */
  status: TokenSet<Status>;
  /** -e quiet= (default none; see finishQuiet for -q and the -o default). */
  quiet: TokenSet<Quiet>;
  /** A quiet= qualifier was given (strace's quiet_set_updated). */
  quietUpdated: boolean;
  /** -e read= fds to dump (default none). */
  read: NumberSet;
  /** -e write= fds to dump (default none). */
  write: NumberSet;
  /** --decode-fds= (default none; see finishDecodeFds for -y/-yy). */
  decodeFds: TokenSet<DecodeFd>;
  /** A decode-fds qualifier was given (strace's decode_fd_set_updated). */
  decodeFdsUpdated: boolean;
  /** --decode-pids= / -Y (comm) / --pidns-translation (pidns). Default none. */
  decodePids: TokenSet<DecodePid>;
  /** -e kvm=vcpu was given. */
  kvmVcpu: boolean;
  /** Number of -z / -Z options seen (see zflagsWarning). */
  zflags: number;
  /** -e inject= / -e fault=: what to do to each syscall (by number of the native table). */
  inject: Map<number, InjectSpec>;
  /** Warnings strace prints while it reads the options (an injected retval that reads as an error). */
  warnings: string[];
}

/**
 * One -e inject= / -e fault= rule (strace's struct inject_opts): act on the `first`th call, then
 * every `step`th (0: only once), until the `last`th (Infinity: no end). The action: make the call
 * fail with `error`, or return `retval` without running it (running the pure call `syscall` in
 * its place if given), deliver `signal` as it starts, write bytes where its arguments point
 * (`pokeEnter` before it runs, `pokeExit` after), hold the tracee for `delayEnter` ns before it
 * runs and `delayExit` ns after it returns.
 */
export interface InjectSpec {
  first: number;
  last: number;
  step: number;
  error?: number;
  retval?: bigint;
  signal?: number;
  syscall?: number;
  delayEnter?: bigint;
  delayExit?: bigint;
  pokeEnter?: Poke[];
  pokeExit?: Poke[];
}

/** strace's state before option parsing: trace/abbrev/verbose/status/signal all, the rest none. */
export function defaultFilters(): Filters {
  const all = (): SyscallSet => {
    const s = new SyscallSet();
    s.not = true;
    return s;
  };
  const f: Filters = {
    trace: all(),
    abbrev: all(),
    verbose: all(),
    raw: new SyscallSet(),
    signal: new NumberSet(),
    status: new TokenSet(STATUSES),
    quiet: new TokenSet(QUIETS),
    quietUpdated: false,
    read: new NumberSet(),
    write: new NumberSet(),
    decodeFds: new TokenSet(DECODE_FDS),
    decodeFdsUpdated: false,
    decodePids: new TokenSet(DECODE_PIDS),
    kvmVcpu: false,
    zflags: 0,
    inject: new Map(),
    warnings: [],
  };
  f.signal.not = true;
  f.status.not = true;
  return f;
}

// ---------------------------------------------------------------------------------------------
// Personalities (what strace 6.1 knows, for accepting or rejecting syscall items)

interface Personality {
  designator: string;
  /** Names strace 6.1 knows in this personality. */
  names: ReadonlySet<string>;
  /** Whether `nr` (as typed) is a valid syscall number there. */
  validNr(nr: number): boolean;
  /** Its own table, where the engine decodes it (i386). */
  table?: ArchTable;
}

interface ArchInfo {
  /** Rows of the 64-bit personality strace 6.1 knows, by number. */
  known: (SyscallRow | undefined)[];
  pers: Personality[];
}

type Ranges = readonly (readonly [number, number])[];
const inRanges = (r: Ranges, n: number): boolean => r.some(([a, b]) => n >= a && n <= b);

function derived(base: ReadonlySet<string>, removed: string, added: string): Set<string> {
  const s = new Set(base);
  for (const n of removed.split(' ')) s.delete(n);
  for (const n of added.split(' ')) s.add(n);
  return s;
}

const archCache = new WeakMap<ArchTable, ArchInfo>();

function archInfo(table: ArchTable): ArchInfo {
  let info = archCache.get(table);
  if (info) return info;
  const newer = table.name === 'x86_64' ? X86_64_NEWER : table.name === 'aarch64' ? AARCH64_NEWER : new Set<number>();
  const known = table.rows.map((r) => (r && !newer.has(r.nr) ? r : undefined));
  // the personalities' names are made when a name is looked up (not for classes or numbers)
  let names64: Set<string> | undefined;
  const names = (): Set<string> => {
    if (!names64) {
      names64 = new Set<string>();
      for (const r of known) if (r) names64.add(r.name);
    }
    return names64;
  };
  const p0: Personality = { designator: '64', get names() { return names(); }, validNr: (nr) => known[nr] !== undefined };
  const pers: Personality[] = [p0];
  const other = (designator: string, removed: string, added: string, valid: Ranges, t?: ArchTable): Personality => {
    let own: Set<string> | undefined;
    return { designator, get names() { return (own ??= derived(names(), removed, added)); }, validNr: (n) => inRanges(valid, n), ...(t ? { table: t } : {}) };
  };
  for (const p of table.name === 'x86_64' ? X86_64_COMPAT : table.name === 'aarch64' ? AARCH64_COMPAT : []) pers.push(other(p.designator, p.removed, p.added, p.valid, p.table));
  info = { known, pers };
  archCache.set(table, info);
  return info;
}

/** Whether strace 6.1 knows syscall `nr` of this table's 64-bit personality. */
export function isKnownToStrace61(table: ArchTable, nr: number | bigint): boolean {
  const n = typeof nr === 'bigint' ? (nr >= 0n && nr < 0x7fffffffn ? Number(nr) : -1) : nr;
  return Number.isInteger(n) && n >= 0 && archInfo(table).known[n] !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Numbers (strace's string_to_uint family)

/** strtoll(base 10)-based parse: leading C whitespace and a sign allowed, whole string, 0..max. */
function stringToUint(s: string, max: number): number {
  const m = /^[ \t\n\v\f\r]*([+-]?[0-9]+)$/.exec(s);
  if (!m) return -1;
  const v = BigInt(m[1]!);
  if (v < 0n || v > BigInt(max)) return -1;
  return Number(v);
}
const INT_MAX = 0x7fffffff;

// ---------------------------------------------------------------------------------------------
// Signals

const SIGNAL_NAMES: readonly string[] = [
  '', 'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE',
  'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ',
  'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS', 'RTMIN',
];

/** strace's signame() without the "SIG": 1..31, 32 RTMIN, 33..64 RT_1..RT_32. */
function signalBaseName(sig: number): string | undefined {
  if (sig >= 1 && sig <= 32) return SIGNAL_NAMES[sig];
  if (sig >= 33 && sig <= 64) return `RT_${sig - 32}`;
  return undefined;
}

/** C's strcasecmp folding (ASCII letters only). */
const asciiLower = (s: string): string => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

/** strace's sigstr_to_uint: a number 0..255, or a name with or without SIG, any case. */
export function signalNumber(s: string): number {
  if (s[0]! >= '0' && s[0]! <= '9') return stringToUint(s, 255);
  let name = s;
  if (asciiLower(name.slice(0, 3)) === 'sig') name = name.slice(3);
  const lower = asciiLower(name);
  for (let i = 1; i <= 64; i++) if (asciiLower(signalBaseName(i)!) === lower) return i;
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Generic token sets (strace's qualify_tokens)

/**
 * The start every set value shares: the set is cleared, each leading `!` inverts it, and `all` /
 * `none` are the whole value. Returns the list still to parse, or undefined when none is left.
 */
function negationAndWholeSet(str: string, set: { not: boolean; clear(): void }): string | undefined {
  set.clear();
  let s = str;
  while (s.startsWith('!')) {
    set.not = !set.not;
    s = s.slice(1);
  }
  if (s === 'none') return undefined;
  if (s === 'all') {
    set.not = !set.not;
    return undefined;
  }
  return s;
}

function qualifyTokens<S extends { not: boolean; clear(): void }, V>(
  str: string, set: S, func: (tok: string) => V | undefined, add: (v: V) => void, what: string,
): void {
  const s = negationAndWholeSet(str, set);
  if (s === undefined) return;
  let any = false;
  for (const tok of s.split(',')) {
    if (tok === '') continue;
    const v = func(tok);
    if (v === undefined) throw new FilterError(`invalid ${what} '${tok}'`);
    add(v);
    any = true;
  }
  if (!any) throw new FilterError(`invalid ${what} '${str}'`);
}

function findCaseless<T extends string>(aliases: Record<string, T>, tok: string): T | undefined {
  const l = asciiLower(tok);
  return Object.prototype.hasOwnProperty.call(aliases, l) ? aliases[l] : undefined;
}

const STATUS_ALIASES: Record<string, Status> = {
  successful: 'successful', failed: 'failed', unfinished: 'unfinished', unavailable: 'unavailable', detached: 'detached',
};
const QUIET_ALIASES: Record<string, Quiet> = {
  attach: 'attach', exit: 'exit', exits: 'exit', 'path-resolution': 'path-resolution',
  personality: 'personality', superseded: 'thread-execve', 'thread-execve': 'thread-execve',
};
const DECODE_FD_ALIASES: Record<string, DecodeFd> = { path: 'path', socket: 'socket', dev: 'dev', pidfd: 'pidfd' };
const DECODE_PID_ALIASES: Record<string, DecodePid> = { pidns: 'pidns', comm: 'comm' };

function qualifyNamed<T extends string>(str: string, set: TokenSet<T>, aliases: Record<string, T>, what: string): void {
  qualifyTokens(str, set, (t) => findCaseless(aliases, t), (v) => set.items.add(v), what);
}
function qualifyNumbers(str: string, set: NumberSet, func: (t: string) => number, what: string): void {
  qualifyTokens(str, set, (t) => {
    const n = func(t);
    return n < 0 ? undefined : n;
  }, (v) => set.items.add(v), what);
}

export function qualifySignals(f: Filters, str: string): void {
  qualifyNumbers(str, f.signal, signalNumber, 'signal');
}
export function qualifyStatus(f: Filters, str: string): void {
  qualifyNamed(str, f.status, STATUS_ALIASES, 'status');
}
export function qualifyQuiet(f: Filters, str: string): void {
  f.quietUpdated = true;
  qualifyNamed(str, f.quiet, QUIET_ALIASES, 'quiet');
}
export function qualifyRead(f: Filters, str: string): void {
  qualifyNumbers(str, f.read, (t) => stringToUint(t, INT_MAX), 'descriptor');
}
export function qualifyWrite(f: Filters, str: string): void {
  qualifyNumbers(str, f.write, (t) => stringToUint(t, INT_MAX), 'descriptor');
}
export function qualifyDecodeFds(f: Filters, str: string): void {
  f.decodeFdsUpdated = true;
  qualifyNamed(str, f.decodeFds, DECODE_FD_ALIASES, 'decode-fds');
}
export function qualifyDecodePids(f: Filters, str: string): void {
  qualifyNamed(str, f.decodePids, DECODE_PID_ALIASES, 'decode-pids');
  // the tracer follows pids by their process's name (comm, TraceOptions.comm) and by sysray's
  // number for them when a tracee's PID namespace is another (pidns, TraceOptions.pidns)
}

// ---------------------------------------------------------------------------------------------
// Syscall sets (strace's qualify_syscall_tokens)

/** `%class` and legacy class names (strace's table is case-sensitive); 'all' = every named syscall. */
const CLASS_NAMES: Record<string, SyscallClass | 'all'> = {
  '%desc': 'desc', '%file': 'file', '%memory': 'memory', '%process': 'process', '%creds': 'creds',
  '%signal': 'signal', '%ipc': 'ipc', '%net': 'network', '%network': 'network', '%stat': 'stat',
  '%lstat': 'lstat', '%fstat': 'fstat', '%%stat': 'stat_like', '%statfs': 'statfs', '%fstatfs': 'fstatfs',
  '%%statfs': 'statfs_like', '%pure': 'pure', '%clock': 'clock',
  all: 'all', desc: 'desc', file: 'file', memory: 'memory', process: 'process', signal: 'signal', ipc: 'ipc',
  network: 'network',
};

/** Every syscall class expression strace 6.1 accepts, with the class it selects. */
export const SYSCALL_CLASSES: Readonly<Record<string, SyscallClass | 'all'>> = CLASS_NAMES;

function qualifySyscallPers(tok: string, p: number, info: ArchInfo, set: SyscallSet): boolean {
  const found = qualifySyscallNumbers(tok, p, info, set);
  if (found) set.allocated = true;
  return found;
}

function qualifySyscallNumbers(tok: string, p: number, info: ArchInfo, set: SyscallSet): boolean {
  const pers = info.pers[p]!;
  const c = tok[0];
  if (c !== undefined && c >= '0' && c <= '9') {
    const nr = stringToUint(tok, INT_MAX);
    if (nr < 0 || !pers.validNr(nr)) return false;
    if (p === 0) set.nrs.add(nr);
    else if (pers.table) set.compatNrs(p).add(nr);
    return true;
  }
  if (c === '/') {
    const pattern = tok.slice(1);
    const re = compilePosixEre(pattern);
    if (!re.ok) throw new FilterError(`regcomp: ${pattern}: ${re.error}`);
    let found = false;
    if (p === 0) {
      for (const r of info.known) {
        if (r && re.test(r.name)) {
          set.nrs.add(r.nr);
          found = true;
        }
      }
    } else {
      for (const n of pers.names) {
        if (!re.test(n)) continue;
        found = true;
        const r = pers.table?.byName.get(n);
        if (r) set.compatNrs(p).add(r.nr);
      }
    }
    return found;
  }
  if (Object.prototype.hasOwnProperty.call(CLASS_NAMES, tok)) {
    const cls = CLASS_NAMES[tok]!;
    if (p === 0) {
      for (const r of info.known) if (r && (cls === 'all' || r.classes.includes(cls))) set.nrs.add(r.nr);
    } else if (pers.table) {
      for (const r of pers.table.rows) if (r && (cls === 'all' || r.classes.includes(cls))) set.compatNrs(p).add(r.nr);
    }
    return true;
  }
  if (!pers.names.has(tok)) return false;
  if (p === 0) {
    for (const r of info.known) if (r && r.name === tok) set.nrs.add(r.nr);
  } else {
    const r = pers.table?.byName.get(tok);
    if (r) set.compatNrs(p).add(r.nr);
  }
  return true;
}

function qualifySyscall(token: string, info: ArchInfo, set: SyscallSet): boolean {
  let rc = false;
  let tok = token;
  while (tok.startsWith('?')) {
    tok = tok.slice(1);
    rc = true;
  }
  const at = tok.lastIndexOf('@');
  if (at >= 0) {
    const des = tok.slice(at + 1);
    const p = info.pers.findIndex((x) => x.designator === des);
    if (p < 0) throw new FilterError(`incorrect personality designator '${des}' in qualification '${tok}'`, true);
    return qualifySyscallPers(tok.slice(0, at), p, info, set) || rc;
  }
  for (let p = 0; p < info.pers.length; p++) if (qualifySyscallPers(tok, p, info, set)) rc = true;
  return rc;
}

/** Parse a syscall-set value (trace=, abbrev=, verbose=, raw=) into `set`, replacing it. */
export function qualifySyscalls(str: string, set: SyscallSet, table: ArchTable): void {
  const info = archInfo(table);
  const s = negationAndWholeSet(str, set);
  if (s === undefined) return;
  let done = false;
  for (const tok of s.split(',')) {
    if (tok === '') continue;
    done = qualifySyscall(tok, info, set);
    if (!done) throw new FilterError(`invalid system call '${tok}'`);
  }
  if (!done) throw new FilterError(`invalid system call '${str}'`);
}

// ---------------------------------------------------------------------------------------------
// Dispatch

export type QualifierName =
  | 'trace' | 'abbrev' | 'verbose' | 'raw' | 'signal' | 'status' | 'quiet' | 'read' | 'write'
  | 'fault' | 'inject' | 'kvm' | 'decode-fds' | 'decode-pids' | 'secontext';

/** Names accepted before '=' in `-e NAME=VALUE`, in strace's order. */
export const QUALIFIER_ALIASES: Readonly<Record<string, QualifierName>> = {
  trace: 'trace', t: 'trace', abbrev: 'abbrev', a: 'abbrev', verbose: 'verbose', v: 'verbose',
  raw: 'raw', x: 'raw', signal: 'signal', signals: 'signal', s: 'signal', status: 'status',
  quiet: 'quiet', silent: 'quiet', silence: 'quiet', q: 'quiet', read: 'read', reads: 'read', r: 'read',
  write: 'write', writes: 'write', w: 'write', fault: 'fault', inject: 'inject', kvm: 'kvm',
  'decode-fd': 'decode-fds', 'decode-fds': 'decode-fds', 'decode-pid': 'decode-pids',
  'decode-pids': 'decode-pids', secontext: 'secontext',
};

/** Apply one qualifier with its value (the value after '=' or of the long option). */
export function applyQualifier(name: QualifierName, value: string, f: Filters, table: ArchTable): void {
  switch (name) {
    case 'trace': return qualifySyscalls(value, f.trace, table);
    case 'abbrev': return qualifySyscalls(value, f.abbrev, table);
    case 'verbose': return qualifySyscalls(value, f.verbose, table);
    case 'raw': return qualifySyscalls(value, f.raw, table);
    case 'signal': return qualifySignals(f, value);
    case 'status': return qualifyStatus(f, value);
    case 'quiet': return qualifyQuiet(f, value);
    case 'read': return qualifyRead(f, value);
    case 'write': return qualifyWrite(f, value);
    case 'decode-fds': return qualifyDecodeFds(f, value);
    case 'decode-pids': return qualifyDecodePids(f, value);
    case 'kvm':
      if (value !== 'vcpu') throw new FilterError(`invalid -e kvm= argument: '${value}'`);
      f.kvmVcpu = true;
      return;
    case 'secontext':
      // The reference strace 6.1 build has no SELinux support.
      throw new FilterError('SELinux context printing (--secontext option) is not supported by this build of sysray');
    case 'fault':
    case 'inject':
      return qualifyInject(f, value, name === 'fault', table);
  }
}

// ---------------------------------------------------------------------------------------------
// Syscall tampering (strace's qualify_inject_common)

const INJECT_LAST_INF = Infinity;
const MAX_ERRNO_VALUE = 4095;

/** string_to_uint_ex: a base-10 number 0..max, then nothing or one of `endings`; [value, rest] or undefined. */
function uintWithEnding(s: string, max: number, endings: string): [number, string] | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?[0-9]+)(.*)$/s.exec(s);
  if (!m) return undefined;
  const v = BigInt(m[1]!);
  if (v < 0n || v > BigInt(max)) return undefined;
  const rest = m[2]!;
  if (rest && !endings.includes(rest[0]!)) return undefined;
  return [Number(v), rest];
}

/** strtoull(s, &end, 0) over the whole string: C whitespace, a sign, 0x hex or 0 octal; undefined if invalid or out of range. */
function strtoull0(s: string): bigint | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const digits = m[2]!;
  const v = /^0[xX]/.test(digits) ? BigInt(digits) : digits.length > 1 && digits[0] === '0' ? BigInt('0o' + digits.slice(1)) : BigInt(digits);
  if (v > 0xffffffffffffffffn) return undefined;
  return m[1] === '-' ? BigInt.asUintN(64, -v) : v;
}

/** One `:token` of an inject/fault rule; false if strace rejects it. */
function injectToken(tok: string, o: InjectSpec, faultOnly: boolean, f: Filters, table: ArchTable): boolean {
  const eq = tok.indexOf('=');
  const key = eq < 0 ? tok : tok.slice(0, eq + 1);
  const val = tok.slice(eq + 1);
  switch (key) {
    case 'when=': {
      const a = uintWithEnding(val, 0xffff, '+.');
      if (!a || a[0] < 1) return false;
      o.first = a[0];
      let end = a[1];
      if (end[0] === '.') {
        if (end[1] !== '.') return false;
        const b = uintWithEnding(end.slice(2), 0xffff, '+');
        if (!b || b[0] < o.first || b[0] === 0xffff) return false;
        o.last = b[0];
        end = b[1];
      } else o.last = INJECT_LAST_INF;
      if (end !== '') {
        const stepText = end.slice(1);
        if (stepText !== '') {
          const st = stringToUint(stepText, 0xffff);
          if (st < 1) return false;
          o.step = st;
        } else o.step = 1;
      } else o.step = o.last === INJECT_LAST_INF ? 0 : 1;
      return true;
    }
    case 'error=': {
      if (o.error !== undefined || o.retval !== undefined) return false;
      let n = stringToUint(val, MAX_ERRNO_VALUE);
      if (n < 0) n = errnoByName(val) ?? -1;
      if (n < 1) return false;
      o.error = n;
      return true;
    }
    case 'retval=': {
      if (faultOnly || o.error !== undefined || o.retval !== undefined) return false;
      const v = strtoull0(val);
      if (v === undefined) return false;
      const s64 = BigInt.asIntN(64, v), s32 = BigInt.asIntN(32, v);
      if (s64 < 0n && s64 >= -BigInt(MAX_ERRNO_VALUE)) f.warnings.push(`Inadvertent injection of error ${-s64} is possible for retval=${v}`);
      else if (s32 < 0n && s32 >= -BigInt(MAX_ERRNO_VALUE)) f.warnings.push(`Inadvertent injection of error ${-s32} is possible in compat personality for retval=${v}`);
      else if (BigInt.asUintN(32, v) !== v) f.warnings.push(`Injected return value ${v} will be clipped to ${BigInt.asUintN(32, v)} in compat personality`);
      o.retval = v;
      return true;
    }
    case 'signal=': {
      if (faultOnly || o.signal !== undefined) return false;
      const n = signalNumber(val);
      if (n < 1 || n > 64) return false;
      o.signal = n;
      return true;
    }
    case 'syscall=': {
      // strace accepts syscall= in fault= rules too (it only matters with error=)
      if (o.syscall !== undefined) return false;
      o.syscall = replacementSyscall(val, table);
      return o.syscall !== undefined;
    }
    case 'delay_enter=': case 'delay_exit=': {
      const which = key === 'delay_enter=' ? 'delayEnter' : 'delayExit';
      if (faultOnly || o[which] !== undefined) return false;
      o[which] = parseDelay(val);
      return o[which] !== undefined;
    }
    case 'poke_enter=': case 'poke_exit=': {
      const which = key === 'poke_enter=' ? 'pokeEnter' : 'pokeExit';
      if (faultOnly || o[which] !== undefined) return false;
      o[which] = parsePokes(val);
      return o[which] !== undefined;
    }
    default:
      return false;
  }
}

/** -e inject=SET:… and -e fault=SET:… (fault: error= and when= only; the error defaults to ENOSYS). */
function qualifyInject(f: Filters, str: string, faultOnly: boolean, table: ArchTable): void {
  const what = faultOnly ? 'fault argument' : 'inject argument';
  const o: InjectSpec = { first: 1, last: INJECT_LAST_INF, step: 1 };
  // strtok: the syscalls, then tokens; empty tokens (`::`) are skipped
  const parts = str.startsWith(':') ? [''] : str.split(':').filter((p, i) => i === 0 || p !== '');
  const name = str === '' ? '' : parts[0]!;
  for (const tok of parts.slice(1)) if (!injectToken(tok, o, faultOnly, f, table)) throw new FilterError(`invalid ${what} '${str}'`);
  const set = new SyscallSet();
  qualifySyscalls(name, set, table);
  // syscall= alone is no action: it only says what runs in place of an error=/retval= call
  const acts = [o.error, o.retval, o.signal, o.delayEnter, o.delayExit, o.pokeEnter, o.pokeExit];
  if (acts.every((a) => a === undefined)) {
    if (!faultOnly) throw new FilterError(`invalid ${what} '${str}'`);
    o.error = 38; // ENOSYS
  }
  for (let nr = 0; nr < table.rows.length; nr++) if (set.has(nr)) f.inject.set(nr, { ...o });
}

/** `-e ARG`: strace's qualify(). */
export function parseQualifier(arg: string, into: Filters, table: ArchTable): void {
  const eq = arg.indexOf('=');
  if (eq >= 0) {
    const key = arg.slice(0, eq);
    if (Object.prototype.hasOwnProperty.call(QUALIFIER_ALIASES, key)) {
      applyQualifier(QUALIFIER_ALIASES[key]!, arg.slice(eq + 1), into, table);
      return;
    }
  }
  applyQualifier('trace', arg, into, table);
}

/**
 * Long options that are qualifiers (getopt_long names; unique prefixes such as `--signal=` are
 * the CLI's business). `arg` is getopt's argument kind; `dflt` the value used when an optional
 * argument is absent.
 */
export const LONG_QUALIFIERS: Readonly<Record<string, { q: QualifierName; arg: 'required' | 'optional'; dflt?: string }>> = {
  trace: { q: 'trace', arg: 'required' },
  abbrev: { q: 'abbrev', arg: 'required' },
  verbose: { q: 'verbose', arg: 'required' },
  raw: { q: 'raw', arg: 'required' },
  signals: { q: 'signal', arg: 'required' },
  status: { q: 'status', arg: 'required' },
  read: { q: 'read', arg: 'required' },
  write: { q: 'write', arg: 'required' },
  fault: { q: 'fault', arg: 'required' },
  inject: { q: 'inject', arg: 'required' },
  kvm: { q: 'kvm', arg: 'required' },
  quiet: { q: 'quiet', arg: 'optional', dflt: 'attach,personality' },
  silent: { q: 'quiet', arg: 'optional', dflt: 'attach,personality' },
  silence: { q: 'quiet', arg: 'optional', dflt: 'attach,personality' },
  'decode-fds': { q: 'decode-fds', arg: 'optional', dflt: 'path' },
  'decode-pids': { q: 'decode-pids', arg: 'required' },
  secontext: { q: 'secontext', arg: 'optional', dflt: '!full,mismatch' },
};

/** `--NAME[=VALUE]` for a full long-option name from LONG_QUALIFIERS. */
export function applyLongQualifier(longName: string, value: string | undefined, f: Filters, table: ArchTable): void {
  const d = LONG_QUALIFIERS[longName];
  if (!d) throw new Error(`not a qualifier long option: --${longName}`);
  const v = value ?? d.dflt;
  if (v === undefined) throw new Error(`--${longName} requires an argument`);
  applyQualifier(d.q, v, f, table);
}

/** -z / --successful-only and -Z / --failed-only (the last one wins). */
export function applyStatusFlag(f: Filters, flag: 'z' | 'Z'): void {
  f.status.clear();
  f.status.items.add(flag === 'z' ? 'successful' : 'failed');
  f.zflags++;
}

/** -v / --no-abbrev. */
export function applyNoAbbrev(f: Filters, table: ArchTable): void {
  qualifySyscalls('none', f.abbrev, table);
}

/** -Y (comm) and --pidns-translation (pidns): replace the decode-pids set. */
export function applyDecodePidsFlag(f: Filters, what: DecodePid): void {
  qualifyDecodePids(f, what);
}

/**
 * After option parsing, when more than one of -z/-Z was given strace warns (not fatal) with
 * this message; it comes after the -c/-w/-U/-S/-o checks.
 */
export function zflagsWarning(f: Filters): string | undefined {
  return f.zflags > 1
    ? 'Only the last of -z/--successful-only/-Z/--failed-only options will take effect. See status qualifier for more complex filters.'
    : undefined;
}

/**
 * -y / -yy (yCount) after option parsing; strace checks this right after the -x/--strings-in-hex
 * conflict and before the -f checks.
 */
export function finishDecodeFds(f: Filters, yCount: number): void {
  if (yCount <= 0) return;
  if (f.decodeFdsUpdated) throw new FilterError('-y and --decode-fds cannot be provided simultaneously');
  qualifyDecodeFds(f, yCount === 1 ? 'path' : 'all');
}

/**
 * -q / -qq / -qqq (qCount) and the implicit -q strace adds when output goes to -o FILE and it
 * starts a command (`outputAndCommand`). strace does this after opening the output file.
 */
export function finishQuiet(f: Filters, qCount: number, outputAndCommand: boolean): void {
  let q = qCount;
  if (outputAndCommand && q === 0 && !f.quietUpdated) q = 1;
  if (q <= 0) return;
  if (f.quietUpdated) throw new FilterError('-q and -e quiet/--quiet cannot be provided simultaneously');
  qualifyQuiet(f, q === 1 ? 'attach,personality' : q === 2 ? 'exit,attach,personality' : 'all');
}

export interface QualFlags {
  trace: boolean;
  abbrev: boolean;
  verbose: boolean;
  raw: boolean;
}

/**
 * strace's qual_flg for a syscall number of the 64-bit personality. Numbers strace 6.1 does not
 * know (no row, or newer than 6.1; these print as syscall_0x…) always get trace+abbrev+verbose+raw,
 * whatever the sets say.
 */
export function qualFlags(f: Filters, table: ArchTable, nr: number | bigint): QualFlags {
  if (!isKnownToStrace61(table, nr)) return { trace: true, abbrev: true, verbose: true, raw: true };
  const n = Number(nr);
  return { trace: f.trace.has(n), abbrev: f.abbrev.has(n), verbose: f.verbose.has(n), raw: f.raw.has(n) };
}

/**
 * qualFlags for every number of `table` below rows.length, as two arrays: `traced` (1 where -e trace=
 * selects the number or the table has no row for it; undefined when that is every number) and
 * `qual` (per row: bit 0 raw, bit 1 not abbrev, bit 2 not verbose, bit 3 unknown to strace 6.1;
 * undefined when all are 0).
 * One pass without allocating per number: this runs before the traced command may start.
 */
export function qualTables(f: Filters, table: ArchTable): QualTables {
  const rows = table.rows, len = rows.length, known = archInfo(table).known;
  const traced = new Uint8Array(len), qual = new Uint8Array(len);
  let allTraced = true, anyQual = false;
  for (let nr = 0; nr < len; nr++) {
    if (rows[nr] === undefined) {
      traced[nr] = 1;
    } else if (known[nr] === undefined) {
      // unknown to strace 6.1: traced, abbrev, verbose and raw whatever the sets say, and unnamed
      traced[nr] = 1;
      qual[nr] = 9;
      anyQual = true;
    } else {
      if (f.trace.has(nr)) traced[nr] = 1;
      else allTraced = false;
      const q = (f.raw.has(nr) ? 1 : 0) | (f.abbrev.has(nr) ? 0 : 2) | (f.verbose.has(nr) ? 0 : 4);
      if (q) {
        qual[nr] = q;
        anyQual = true;
      }
    }
  }
  const out: QualTables = { ...(allTraced ? {} : { traced }), ...(anyQual ? { qual } : {}) };
  // made when a tracee first switches personality (few ever do; the table is built only then)
  const pers = archInfo(table).pers;
  if (pers.some((p) => p.table)) {
    const made = new Map<number, CompatQual | undefined>();
    out.compat = (arch) => {
      if (!made.has(arch)) {
        const p = pers.findIndex((x) => x.table?.auditArch === arch);
        made.set(arch, p > 0 ? compatQualTables(f, p, pers[p]!.table!) : undefined);
      }
      return made.get(arch);
    };
  }
  return out;
}

/** qualTables' result: the arrays of the 64-bit table, and a maker of those of a compat personality. */
export interface QualTables {
  traced?: Uint8Array;
  qual?: Uint8Array;
  /** The same for a compat personality's table, by its AUDIT_ARCH (undefined: no such table). */
  compat?: (auditArch: number) => CompatQual | undefined;
}
export interface CompatQual {
  traced?: Uint8Array;
  qual?: Uint8Array;
}

/** The arrays of compat personality `p`, whose own table is `t`. */
function compatQualTables(f: Filters, p: number, t: ArchTable): CompatQual {
  const rows = t.rows, len = rows.length;
  const traced = new Uint8Array(len), qual = new Uint8Array(len);
  let allTraced = true, anyQual = false;
  for (let nr = 0; nr < len; nr++) {
    if (rows[nr] === undefined || f.trace.hasCompat(p, nr)) traced[nr] = 1;
    else allTraced = false;
    if (rows[nr] === undefined) continue;
    const q = (f.raw.hasCompat(p, nr) ? 1 : 0) | (f.abbrev.hasCompat(p, nr) ? 0 : 2) | (f.verbose.hasCompat(p, nr) ? 0 : 4);
    if (q) {
      qual[nr] = q;
      anyQual = true;
    }
  }
  return { ...(allTraced ? {} : { traced }), ...(anyQual ? { qual } : {}) };
}
