/** argv → Options, as strace parses its command line. Pure: errors are thrown as UsageError. */
import { NATIVE } from '../arch/index.js';
import {
  applyLongQualifier, applyNoAbbrev, applyStatusFlag, defaultFilters, FilterError, LONG_QUALIFIERS,
  parseQualifier, qualifyDecodePids, type Filters,
} from '../filter/expr.js';
import { parseTips, type Tips } from './tips.js';
import { parseColumns, parseOverhead, parseSortBy, type Column, type SortKey } from '../render/summary.js';
import type { HexStrings } from '../render/strace.js';

export interface Options {
  /** -o FILE */
  output?: string;
  /** -s N */
  strsize: number;
  /** -a N */
  acolumn: number;
  /** --json: JSON Lines instead of strace's text */
  json: boolean;
  /** --explain: a plain sentence after each line (an `explain` field with --json) */
  explain: boolean;
  /** --color=auto|always|never: colour on a terminal */
  color: 'auto' | 'always' | 'never';
  /** --syscalls[=SET]: list the syscall table (true: all of it) instead of tracing */
  syscalls?: string | true;
  /** --describe=NAME|NUMBER: print one syscall's reference entry instead of tracing */
  describe?: string;
  /** --replay=FILE: read a --json recording instead of running a program ('-': stdin) */
  replay?: string;
  /** --report=FILE: write a self-contained HTML report of the trace */
  report?: string;
  /** --perfetto=FILE: write the trace as Chrome Trace Event JSON */
  perfetto?: string;
  /** --effects: a summary of what the program did instead of the trace */
  effects: boolean;
  /** -v */
  verbose: boolean;
  /** -x count (0..2) */
  xflag: HexStrings;
  /** -f count: 1 follows forks, 2 (-ff) also writes one file per process with -o. */
  follow: number;
  /** --output-separately */
  separately: boolean;
  /** -p PID… */
  pids: number[];
  /** -q count */
  quiet: number;
  /** -e expressions, -z/-Z, -v: strace's qualifier sets */
  filters: Filters;
  /** --seccomp-bpf / --no-seccomp-bpf (undefined: sysray's default, on when it helps) */
  seccomp?: boolean;
  /** --no-cpu-bind: never run the started command on the tracer's CPU (src/tracer/cpubind.ts) */
  noCpuBind?: boolean;
  /** -c (only the summary) / -C (trace and summary) */
  summary?: 'only' | 'both';
  /** -w: summary times are wall-clock instead of the tracee's system CPU time */
  wallclock: boolean;
  /** -S */
  sortBy?: SortKey;
  /** -U */
  columns?: Column[];
  /** -O, in ns */
  overheadNs?: bigint;
  /** -t count (1: time of day, 2: with microseconds, 3: seconds since the epoch) */
  tflag: number;
  /** --timestamps=/--absolute-timestamps=: format and digits, overriding -t */
  abs?: { format: 'none' | 'time' | 'unix'; digits: number };
  /** -r / --relative-timestamps[=PRECISION]: digits of fraction */
  rel?: number;
  /** -T / --syscall-times[=PRECISION]: digits of fraction */
  took?: number;
  /** -y count */
  yflag: number;
  /** -P PATH… */
  paths: string[];
  /** -n, -i */
  nflag: boolean;
  iflag: boolean;
  /** -k: print each syscall's stack */
  stackTraces: boolean;
  /** -A: append to -o files */
  append: boolean;
  /** -E VAR=VAL / -E VAR, in order: changes to the command's environment */
  envChanges: string[];
  /** -u USERNAME: run the command as that user */
  user?: string;
  /** -b execve (--detach-on=execve): detach from tracees as they exec */
  detachOnExec: boolean;
  /**
   * -I: when fatal signals (HUP INT QUIT PIPE TERM) reach sysray. 1 anywhere (they kill it), 2 while
   * waiting (it detaches and dies of them: strace's interactive mode), 3 never (ignored), 4 never
   * and SIGTSTP ignored too. Undefined: 3 with -o and a command, else 2.
   */
  intr?: 1 | 2 | 3 | 4;
  /**
   * -D / --daemonize: run the command in sysray's own process and trace it from a detached
   * grandchild: 1 as is, 2 in a new process group, 3 in a new session (0: not).
   */
  daemonize: 0 | 1 | 2 | 3;
  /** --tips: a tip on stderr at the end */
  tips?: Tips;
  /** -d: the engine's debug log on stderr */
  debug: boolean;
  /** -F: strace's deprecated -f */
  optF: boolean;
  /** How many times each option was given, by key (short letter or long name): for strace's checks of combinations. */
  given: Map<string, number>;
  /** -X: how named constants print */
  xlat: 'abbrev' | 'raw' | 'verbose';
  help: boolean;
  version: boolean;
  /** The command and its arguments. */
  command: string[];
}

/** A command-line mistake: strace prints the message, then `Try '… -h' for more information.` if `hint`. */
export class UsageError extends Error {
  constructor(message: string, public hint = true) {
    super(message);
  }
}

const defaults = (): Options => ({
  strsize: 32, acolumn: 40, json: false, explain: false, color: 'auto', effects: false, verbose: false, xflag: 0, follow: 0, separately: false, pids: [], quiet: 0,
  filters: defaultFilters(), wallclock: false, tflag: 0, yflag: 0, paths: [], append: false, envChanges: [], detachOnExec: false, daemonize: 0, debug: false, optF: false, given: new Map(), xlat: 'abbrev', nflag: false, iflag: false, stackTraces: false,
  help: false, version: false, command: [],
});

/** Short options that take an argument (strace's getopt string), and those that do not. */
const WITH_ARG = new Set('abeEIoOpPsSuUX'.split(''));
const NO_ARG = new Set('AcCdDfFhiknqrtTvVwxyYzZ'.split(''));

type ArgKind = 'none' | 'required' | 'optional';
/** A long option: its name, the key `apply` takes, whether it takes an argument, and strace's getopt value. */
interface LongOpt {
  name: string;
  key: string;
  kind: ArgKind;
  /** What getopt_long returns for it in strace (several names may share one: --silent, --silence). */
  val: string;
}
const opt = (name: string, key: string, kind: ArgKind, val = key): LongOpt => ({ name, key, kind, val });

/**
 * strace 6.1's long options, in the order of its table: getopt_long takes an abbreviation as the
 * first name it begins, lists the candidates in this order when it is ambiguous, and does not count
 * as ambiguous two names that mean the same (--fail: --failed-only and --failing-only).
 */
const STRACE_LONG: readonly LongOpt[] = [
  opt('columns', 'a', 'required'),
  opt('output-append-mode', 'A', 'none'),
  opt('detach-on', 'b', 'required'),
  opt('summary-only', 'c', 'none'),
  opt('summary', 'C', 'none'),
  opt('debug', 'd', 'none'),
  opt('daemonize', 'D', 'optional'),
  opt('daemonised', 'D', 'optional'),
  opt('daemonized', 'D', 'optional'),
  opt('env', 'E', 'required'),
  opt('follow-forks', 'follow-forks', 'none'),
  opt('output-separately', 'output-separately', 'none'),
  opt('help', 'h', 'none'),
  opt('instruction-pointer', 'i', 'none'),
  opt('interruptible', 'I', 'required'),
  opt('stack-traces', 'k', 'none'),
  opt('syscall-number', 'n', 'none'),
  opt('output', 'o', 'required'),
  opt('summary-syscall-overhead', 'O', 'required'),
  opt('attach', 'p', 'required'),
  opt('trace-path', 'P', 'required'),
  opt('relative-timestamps', 'relative-timestamps', 'optional', 'r'),
  opt('string-limit', 's', 'required'),
  opt('summary-sort-by', 'S', 'required'),
  opt('absolute-timestamps', 'absolute-timestamps', 'optional', 'ts'),
  opt('timestamps', 'timestamps', 'optional', 'ts'),
  opt('syscall-times', 'syscall-times', 'optional', 'T'),
  opt('user', 'u', 'required'),
  opt('summary-columns', 'U', 'required'),
  opt('no-abbrev', 'v', 'none'),
  opt('version', 'V', 'none'),
  opt('summary-wall-clock', 'w', 'none'),
  opt('strings-in-hex', 'strings-in-hex', 'optional'),
  opt('const-print-style', 'X', 'required'),
  opt('pidns-translation', 'pidns-translation', 'none'),
  opt('successful-only', 'z', 'none'),
  opt('failed-only', 'Z', 'none'),
  opt('failing-only', 'Z', 'none'),
  opt('seccomp-bpf', 'seccomp-bpf', 'none'),
  opt('tips', 'tips', 'optional'),
  ...Object.entries(LONG_QUALIFIERS).map(([k, d]) => opt(k, `qual:${k}`, d.arg, `qual:${d.q}`)),
];

/**
 * sysray's own long options. They are looked up only when strace's give no match, so that any
 * abbreviation strace takes (--no for --no-abbrev) means the same here.
 */
const SYSRAY_LONG: readonly LongOpt[] = [
  opt('json', 'json', 'none'), opt('no-seccomp-bpf', 'no-seccomp-bpf', 'none'),
  opt('syscalls', 'syscalls', 'optional'), opt('describe', 'describe', 'required'),
  opt('explain', 'explain', 'none'), opt('color', 'color', 'optional'), opt('replay', 'replay', 'required'),
  opt('no-cpu-bind', 'no-cpu-bind', 'none'),
  opt('report', 'report', 'required'), opt('perfetto', 'perfetto', 'required'), opt('effects', 'effects', 'none'),
];

/** getopt_long's lookup of `--NAME` (NAME without its `=VALUE`); `arg` is the whole argument, for messages. */
function findLong(name: string, arg: string): LongOpt {
  for (const table of [STRACE_LONG, SYSRAY_LONG]) {
    const exact = table.find((o) => o.name === name);
    if (exact) return exact;
    const matches = table.filter((o) => o.name.startsWith(name));
    const first = matches[0];
    if (!first) continue;
    const differ = matches.filter((o) => o === first || o.kind !== first.kind || o.val !== first.val);
    if (differ.length > 1) {
      throw new UsageError(`option '${arg}' is ambiguous; possibilities:${differ.map((o) => ` '--${o.name}'`).join('')}`);
    }
    return first;
  }
  throw new UsageError(`unrecognized option '${arg}'`);
}

/** -D counts and --daemonize's level, settled after parsing (strace's checks of the two). */
const daemonShort = new WeakMap<Options, number>();
const daemonLong = new WeakMap<Options, 1 | 2 | 3>();

function parseInt10(opt: string, v: string, min: number): number {
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > 0x7fffffff) throw new UsageError(`invalid ${opt} argument: '${v}'`);
  return Number(v);
}

/** The option as the user spelled it (`-s` or `--string-limit`), for messages: strace names it so. */
let spelled = '';

function apply(o: Options, key: string, val: string | undefined, as: string): void {
  o.given.set(key, (o.given.get(key) ?? 0) + 1);
  spelled = as;
  try {
    applyOne(o, key, val);
  } catch (e) {
    if (e instanceof FilterError) throw new UsageError(e.message, e.hint);
    throw e;
  }
}

function applyOne(o: Options, key: string, val: string | undefined): void {
  if (key.startsWith('qual:')) {
    applyLongQualifier(key.slice(5), val, o.filters, NATIVE);
    return;
  }
  switch (key) {
    case 'e': parseQualifier(val!, o.filters, NATIVE); break;
    case 'z': applyStatusFlag(o.filters, 'z'); break;
    case 'Z': applyStatusFlag(o.filters, 'Z'); break;
    case 'seccomp-bpf': o.seccomp = true; break;
    case 'c':
    case 'C':
      if (o.summary && o.summary !== (key === 'c' ? 'only' : 'both'))
        throw new UsageError('-c/--summary-only and -C/--summary are mutually exclusive');
      o.summary = key === 'c' ? 'only' : 'both';
      break;
    case 'w': o.wallclock = true; break;
    case 'S': o.sortBy = parseSortBy(val!); break;
    case 'U': o.columns = parseColumns(val!); break;
    case 'O': {
      const ns = parseOverhead(val!);
      if (ns === undefined) throw new UsageError(`invalid ${spelled} argument: '${val}'`);
      o.overheadNs = ns;
      break;
    }
    case 't':
      o.tflag++;
      o.abs = undefined;
      break;
    case 'r': o.rel = 6; break;
    case 'T': o.took = 6; break;
    case 'relative-timestamps': o.rel = precision(val ?? 'us', '--relative-timestamps'); break;
    case 'syscall-times': o.took = precision(val ?? 'us', '--syscall-times'); break;
    case 'timestamps':
    case 'absolute-timestamps': {
      // [[format:]{none|time|unix}][,[precision:]{s|ms|us|ns}]; each option changes only what it
      // names (an unset format becomes `time`), as strace's parse_ts_arg does
      let format: 'none' | 'time' | 'unix' | undefined, digits: number | undefined;
      for (const part of (val ?? 'time').split(',')) {
        if (!part) continue; // strace skips empty items (`--absolute-timestamps=` is the default)
        const m = /^(format:|precision:)?(.*)$/is.exec(part)!;
        const kind = m[1]?.toLowerCase(), v = m[2]!.toLowerCase();
        if (kind !== 'precision:' && (v === 'time' || v === 'unix' || v === 'none')) format = v;
        else if (kind !== 'format:' && SCALE_DIGITS.has(v)) digits = SCALE_DIGITS.get(v);
        else throw new UsageError(`invalid --${key} argument: '${val}'`);
      }
      o.abs = { format: format ?? o.abs?.format ?? 'time', digits: digits ?? o.abs?.digits ?? 0 };
      break;
    }
    case 'P': o.paths.push(val!); break;
    case 'E': o.envChanges.push(val!); break;
    case 'u': o.user = val!; break;
    case 'I': {
      // a name, or a number up to 4 (strace's string_to_uint_upto: digits only)
      const names: Record<string, 1 | 2 | 3 | 4> = { anywhere: 1, always: 1, waiting: 2, never: 3, never_tstp: 4 };
      const n = names[val!] ?? (/^\d+$/.test(val!) && Number(val) >= 1 && Number(val) <= 4 ? (Number(val) as 1 | 2 | 3 | 4) : undefined);
      if (n === undefined) throw new UsageError(`invalid ${spelled} argument: '${val}'`);
      o.intr = n;
      break;
    }
    case 'b':
      if (val !== 'execve') throw new UsageError(`Syscall '${val}' for -b isn't supported`, false);
      o.detachOnExec = true;
      break;
    case 'A': o.append = true; break;
    case 'n': o.nflag = true; break;
    case 'i': o.iflag = true; break;
    case 'k': o.stackTraces = true; break;
    case 'X':
      if (val !== 'raw' && val !== 'abbrev' && val !== 'verbose') throw new UsageError(`invalid ${spelled} argument: '${val}'`);
      o.xlat = val;
      break;
    case 'strings-in-hex': {
      const m: Record<string, HexStrings> = { none: 0, 'non-ascii': 1, all: 2, 'non-ascii-chars': 3 };
      const x = m[val ?? 'all'];
      if (x === undefined) throw new UsageError(`invalid ${spelled} argument: '${val}'`);
      o.xflag = x;
      break;
    }
    case 'y': o.yflag++; break;
    // -Y and --pidns-translation: strace's shorthands for -e decode-pids=comm and =pidns
    case 'Y': qualifyDecodePids(o.filters, 'comm'); break;
    case 'pidns-translation': qualifyDecodePids(o.filters, 'pidns'); break;
    case 'no-seccomp-bpf': o.seccomp = false; break;
    case 'no-cpu-bind': o.noCpuBind = true; break;
    case 'o': o.output = val!; break;
    case 's': o.strsize = parseInt10(spelled, val!, 0); break;
    case 'a': o.acolumn = parseInt10(spelled, val!, 0); break;
    case 'h': o.help = true; break;
    case 'V': o.version = true; break;
    case 'v':
      o.verbose = true;
      applyNoAbbrev(o.filters, NATIVE);
      break;
    case 'x': o.xflag = o.xflag < 2 ? ((o.xflag + 1) as 1 | 2) : 2; break;
    case 'json': o.json = true; break;
    case 'explain': o.explain = true; break;
    case 'color': {
      // a bare --color means always, as in ls and grep
      const v = val ?? 'always';
      if (v !== 'auto' && v !== 'always' && v !== 'never') throw new UsageError(`invalid ${spelled} argument: '${v}'`);
      o.color = v;
      break;
    }
    case 'syscalls': o.syscalls = val ?? true; break;
    case 'describe': o.describe = val!; break;
    case 'replay': o.replay = val!; break;
    case 'report': o.report = val!; break;
    case 'perfetto': o.perfetto = val!; break;
    case 'effects': o.effects = true; break;
    case 'f': o.follow++; break;
    case 'follow-forks': o.follow = Math.max(o.follow, 1); break;
    case 'F': o.optF = true; break;
    case 'd': o.debug = true; break;
    case 'D': {
      if (!spelled.startsWith('--')) {
        daemonShort.set(o, (daemonShort.get(o) ?? 0) + 1);
        break;
      }
      // strace's daemonize_str, matched without regard to case; no value: grandchild
      const level = val === undefined ? 1 : ({ grandchild: 1, pgroup: 2, pgrp: 2, session: 3 } as Record<string, 1 | 2 | 3>)[val.toLowerCase()];
      if (!level) throw new UsageError(`invalid ${spelled} argument: '${val}'`);
      daemonLong.set(o, level);
      break;
    }
    case 'tips': {
      const t = parseTips(val ?? '', o.tips);
      if (!t) throw new UsageError(`invalid --tips argument: '${val}'`);
      o.tips = t;
      break;
    }
    case 'output-separately': o.separately = true; break;
    case 'q': o.quiet++; break;
    case 'p':
      for (const w of val!.split(/[, \t\n]+/).filter(Boolean)) {
        if (!/^\d+$/.test(w) || Number(w) <= 0 || Number(w) > 0x7fffffff) throw new UsageError(`Invalid process id: '${w}'`, false);
        if (Number(w) === process.pid) throw new UsageError("I'm sorry, I can't let you do that, Dave.", false);
        o.pids.push(Number(w));
      }
      break;
    default:
      throw new UsageError(`invalid option -- '${key}'`);
  }
}

/** A timestamp precision: s, ms, us, ns → digits of fraction. */
/** Digits of fraction per precision name (strace's str2timescale, which ignores case). */
const SCALE_DIGITS = new Map([['s', 0], ['ms', 3], ['us', 6], ['ns', 9]]);

function precision(v: string, opt: string): number {
  const d = SCALE_DIGITS.get(v.toLowerCase());
  if (d === undefined) throw new UsageError(`invalid ${opt} argument: '${v}'`);
  return d;
}

/** Parse argv (without node and script). Options stop at the first non-option (getopt's '+'). */
export function parseArgs(argv: string[]): Options {
  const o = defaults();
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const { name: exact, key, kind } = findLong(name, a);
      let val: string | undefined;
      if (kind === 'none' && eq >= 0) throw new UsageError(`option '--${exact}' doesn't allow an argument`);
      if (kind === 'required') {
        if (eq >= 0) val = a.slice(eq + 1);
        else if (i + 1 < argv.length) val = argv[++i];
        else throw new UsageError(`option '--${exact}' requires an argument`);
      } else if (kind === 'optional' && eq >= 0) val = a.slice(eq + 1);
      apply(o, key, val, `--${exact}`);
      // strace's -h prints the help and exits as getopt meets it: what follows is never read
      if (o.help) return o;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j]!;
        if (WITH_ARG.has(ch)) {
          let val = a.slice(j + 1);
          if (!val) {
            if (i + 1 >= argv.length) throw new UsageError(`option requires an argument -- '${ch}'`);
            val = argv[++i]!;
          }
          apply(o, ch, val, `-${ch}`);
          break;
        }
        if (NO_ARG.has(ch)) apply(o, ch, undefined, `-${ch}`);
        else throw new UsageError(`invalid option -- '${ch}'`);
        if (o.help) return o;
      }
      continue;
    }
    break;
  }
  o.command = argv.slice(i);
  const reference = o.syscalls !== undefined || o.describe !== undefined;
  if (o.replay !== undefined && (o.command.length || o.pids.length)) throw new UsageError('--replay reads a recording: it takes no PROG or -p PID');
  if (!o.help && !o.version && !reference && o.replay === undefined && o.command.length === 0 && o.pids.length === 0) throw new UsageError('must have PROG [ARGS] or -p PID');
  settleDaemonize(o);
  return o;
}

/** strace's checks of -D and --daemonize, in its order, after the PROG/-p check. */
function settleDaemonize(o: Options): void {
  const short = daemonShort.get(o) ?? 0, long = daemonLong.get(o);
  if (long !== undefined && short) throw new UsageError('-D and --daemonize cannot be provided simultaneously', false);
  const level = long ?? short;
  if (!level) return;
  if (o.command.length === 0 && !o.help && !o.version) throw new UsageError('PROG [ARGS] must be specified with -D/--daemonize');
  if (level > 3) throw new UsageError(`Too many -D's (${level}), maximum supported -D count is 3`);
  o.daemonize = level as 1 | 2 | 3;
}

export const USAGE = `Usage: sysray [-cCdDfFhiqrtTvVwxyYzZ] [-I N] [-b execve] [-e EXPR]... [-a COLUMN] [-o FILE]
              [-s STRSIZE] [-X FORMAT] [-O OVERHEAD] [-S SORTBY] [-U COLUMNS] [-P PATH]... [--json]
              [--explain] [--color=WHEN] [--effects] [--report=FILE.html]
              [--perfetto=FILE.json]
              { -p PID | [-E VAR=VAL]... [-u USERNAME] [--] PROG [ARGS] | --replay=FILE }

sysray traces the system calls PROG makes, printing them as strace does.

Output format:
  -a COLUMN, --columns=COLUMN
                 alignment COLUMN for printing syscall results (default 40)
  -o FILE, --output=FILE
                 send trace output to FILE instead of stderr; '|CMD' or '!CMD' pipes it
                 to sh -c CMD
  -s STRSIZE, --string-limit=STRSIZE
                 limit length of print strings to STRSIZE chars (default 32)
  -v, --no-abbrev
                 verbose mode: print entities unabbreviated
  -x             print non-ASCII strings in hex
  -xx            print all strings in hex
  --json         print JSON Lines: one object per event (see docs/json.md)
  --explain      follow each line with a plain sentence saying what it did, on a line
                 starting with '# ' (with --json: an "explain" field)
  --color[=WHEN] colour the trace: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR
                 forces it), always (the default for a bare --color), never

  --replay=FILE  read a --json recording (FILE, or - for stdin) instead of running PROG;
                 every output and filter applies to it
  --effects      instead of the trace, a summary of what PROG did (with --json, one object)
  --report=FILE  instead of the trace, write FILE: one self-contained HTML page with a
                 timeline, the process tree, files, network, errors and the -c table
  --perfetto=FILE
                 instead of the trace, write FILE as Chrome Trace Event JSON (ui.perfetto.dev)

Reference:
  --syscalls[=SET]
                 list the system calls (number, name, classes, signature, what each does);
                 SET selects as -e trace= does (%network, /^sched_, !open,close, 59)
  --describe=NAME|NUMBER
                 what one system call does, its arguments, result, common errors, related
                 calls, the APIs that make it, and an example line as sysray prints it

Filtering:
  -e trace=[!]{[?]SYSCALL[@64|@32|@x32]|[?]/REGEX|%CLASS|all|none},…
                 trace only these system calls (classes: %file %desc %network %process
                 %signal %ipc %memory %stat %lstat %fstat %%stat %statfs %fstatfs %%statfs
                 %creds %clock %pure)
  -e status=SET  print only calls that ended so: successful failed unfinished
                 unavailable detached
  -e signal=SET  print only these signals
  -P PATH, --trace-path=PATH
                 trace only syscalls that refer to PATH (by name or through an fd)
  -e quiet=SET   suppress messages: attach exit path-resolution personality thread-execve
  -z, --successful-only   -Z, --failed-only
  --seccomp-bpf, --no-seccomp-bpf
                 stop the tracee only for traced syscalls (a seccomp-bpf filter; on by
                 default with -f when -e trace= leaves syscalls out)
  --no-cpu-bind  never run the command on sysray's CPU (by default a command that every
                 syscall stops shares it while it runs one task at a time: faster)

Output format:
  -t             prefix each line with the time of day; -tt with microseconds; -ttt seconds
                 since the epoch
  -r             prefix each line with the time since the previous one
  -T             show the time spent in each syscall
  --timestamps[=[format:]{none|time|unix}[,[precision:]{s|ms|us|ns}]]
  --relative-timestamps[=PRECISION], --syscall-times[=PRECISION]
                 the same, with the format and precision given
  -n             print the syscall number before each line; -i the instruction pointer
  -k, --stack-traces
                 print the stack of each syscall after its line
  -X raw|abbrev|verbose
                 named constants as numbers, names (default), or both
  -A             append to the -o file instead of truncating it
  -y             print the paths that file descriptor arguments and results name
  -yy, --decode-fds=path,socket,dev,pidfd
                 also socket addresses, devices and pidfds
  -Y, --decode-pids=comm
                 print the name of each process a pid stands for
  -e read=FDS, -e write=FDS
                 hex dumps of the data read from / written to these fds
  -e inject=SET[:error=ERRNO|:retval=VALUE][:signal=SIG][:syscall=SYSCALL]
            [:delay_enter=DELAY][:delay_exit=DELAY][:poke_enter=@argN=DATAN,…]
            [:poke_exit=@argN=DATAN,…][:when=WHEN]
                 tamper with these syscalls: fail them, fake their result (running the
                 pure SYSCALL in their place), signal, hold them back (DELAY: microseconds
                 or NUMBER{s|ms|us|ns}), write the hex bytes DATAN where argument N points
  -e fault=SET[:error=ERRNO][:when=WHEN]
                 make these syscalls fail (ENOSYS unless said otherwise)
  -e raw=SET, -e abbrev=SET, -e verbose=SET
                 for these syscalls: raw arguments; unabbreviated; structs as addresses

Statistics:
  -c, --summary-only      count time, calls and errors per syscall; print only the table
  -C, --summary           the trace and the table
  -S SORTBY      sort the table by time, min-time, max-time, avg-time, calls, errors, name, nothing
  -U COLUMNS     the table's columns (time-percent, total-time, min-time, max-time, avg-time,
                 calls, errors, name)
  -O OVERHEAD    subtract OVERHEAD (e.g. 5us) from each call's time
  -w             summarise wall-clock time instead of system CPU time

Tracing:
  -f, --follow-forks
                 follow forks, vforks and clones
  -ff            with -o FILE, write each process's trace to FILE.PID
  --output-separately
                 same as -ff's one file per process
  -b execve, --detach-on=execve
                 detach from each process as it execs (the started one after its first)
  -E VAR=VAL, -E VAR, --env=…
                 put VAR=VAL in PROG's environment, or remove VAR from it
  -u USERNAME, --user=USERNAME
                 run PROG as USERNAME (root only), set-user-ID programs as their owner
  -I anywhere|waiting|never|never_tstp, --interruptible=…
                 when HUP INT QUIT TERM (and with never_tstp, ^Z) reach sysray
  -p PID, --attach=PID
                 trace process PID (repeatable; commas or spaces separate several);
                 with -f, every thread of it
  -q             suppress messages about attaching and detaching;
  -qq            also about process exit; -qqq: everything
  -D, --daemonize[=grandchild]
                 run PROG in sysray's own process, traced by a detached grandchild;
  -DD, --daemonize=pgroup
                 the tracer in a new process group;
  -DDD, --daemonize=session
                 in a new session

Miscellaneous:
  -d, --debug    print the tracer's debug messages on stderr
  --tips[=[[id:]ID][,[format:]FORMAT]]
                 a tip at the end (ID: a number or random; FORMAT: none, compact, full)
  -h, --help     print this help message
  -V, --version  print version
`;
