/**
 * The command-line fuzzer: valid sysray command lines, mutated (options dropped, repeated, swapped,
 * inserted; values made empty, huge, negative, not UTF-8; `--` moved; long options cut short), each
 * run by strace 6.1 and by sysray. strace is the oracle for the exit status and the messages (the
 * program's name made alike); sysray may never print a JavaScript stack trace, never hang, and
 * never start the command (a program leaving a file named `ran`) when strace refuses the line.
 * Cases run in a scratch directory with their own copy of the command (a random `-o X` truncates X).
 * Used by tests/cli/cli-fuzz.test.ts (a few hundred cases) and the reliability script (many more).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../helpers/rng.js';
import { STRACE, SYSRAY, testEnv } from '../helpers/diff.js';
import { fixture } from '../helpers/fixtures.js';

/**
 * sysray's own options (--json, --no-seccomp-bpf), as getopt_long takes them abbreviated: strace
 * refuses them, so the oracle has nothing to say there.
 */
const OWN = /^--(js?o?n?|no-s[a-z-]*)(=|$)/;
/**
 * Known differences, not counted as mismatches: arguments that are not UTF-8 (Node decodes its
 * argv, so sysray's messages show U+FFFD where strace shows the bytes), and a command name longer
 * than NAME_MAX (strace fails at its exec, sysray when it looks the name up), and the options
 * sysray says it does not support yet (-k).
 */
const KNOWN = (line: string[]): boolean => line.some((x) => /[\x80-\xff]/.test(x) || x.length > 255);

/**
 * -d (alone or in a cluster of short options before one that takes an argument) or --debug:
 * strace's debug lines tell its own internals, so only the exit status is compared then.
 */
const DEBUG = (line: string[]): boolean => {
  for (const x of line) {
    if (x === '--') return false;
    if (/^--debu?g?$/.test(x) && x.length >= 4) return true;
    if (x.startsWith('-') && !x.startsWith('--')) {
      for (const ch of x.slice(1)) {
        if ('abeEIoOpPsSuUX'.includes(ch)) break;
        if (ch === 'd') return true;
      }
    }
  }
  return false;
};

/** Valid lines to start from (CMD: the command). No -p (it would attach to whatever has that pid), no -D. */
const SEEDS: string[][] = [
  ['CMD'],
  ['-f', '-e', 'trace=openat,write', 'CMD'],
  ['-o', 'out', '-s', '64', '-v', 'CMD'],
  ['-c', '-S', 'calls', '-U', 'name,calls,errors', 'CMD'],
  ['-e', 'trace=%file,!close', '-e', 'signal=!SIGCHLD', 'CMD'],
  ['-yy', '-T', '-tt', '-i', 'CMD'],
  ['--seccomp-bpf', '-f', '-e', 'trace=%process', 'CMD'],
  ['-P', '/etc/passwd', '-P', 'out', 'CMD'],
  ['-I', '2', '-X', 'verbose', '-x', 'CMD'],
  ['-e', 'inject=openat:error=ENOENT:when=2+', 'CMD'],
  ['-e', 'fault=close:retval=0:when=1..3', '-f', 'CMD'],
  ['-ff', '-o', 'out', 'CMD'],
  ['-e', 'status=successful,failed', '-z', 'CMD'],
  ['-C', '-w', '-O', '10', 'CMD'],
  ['-r', '-n', '-e', 'quiet=attach,exit', 'CMD'],
  ['--follow-forks', '--output=out', '--string-limit=10', '--', 'CMD'],
  ['-e', 'read=3', '-e', 'write=all', '-e', 'verbose=none', '-e', 'abbrev=all', 'CMD'],
  ['--absolute-timestamps=format:unix,precision:us', '--syscall-times=ms', 'CMD'],
  ['-b', 'execve', '-E', 'FOO=1', '-E', 'BAR', 'CMD'],
  ['-A', '-o', 'out', '-q', '-Z', 'CMD'],
  ['-Y', '--decode-pids=comm', '--const-print-style=raw', 'CMD'],
  ['--summary-only', '--summary-sort-by=time', '--summary-columns=calls,name', 'CMD'],
  ['--json', '-f', 'CMD'],
];

/** Options to insert, alone or with a value. */
const INSERTS: string[][] = [
  ['-f'], ['-ff'], ['-c'], ['-C'], ['-w'], ['-v'], ['-q'], ['-qq'], ['-r'], ['-t'], ['-ttt'], ['-T'], ['-x'], ['-xx'], ['-y'],
  ['-yy'], ['-Y'], ['-z'], ['-Z'], ['-n'], ['-i'], ['-k'], ['-F'], ['-A'], ['-V'], ['-h'], ['-d'], ['-e'], ['-s'], ['-o'],
  ['-S'], ['-U'], ['-X'], ['-I'], ['-O'], ['-a'], ['-b'], ['-E'], ['-P'], ['-u'], ['--'], ['-'], ['--seccomp-bpf'],
  ['--summary'], ['--summary-only'], ['--no-abbrev'], ['--output-separately'], ['--tips'], ['--pidns-translation'],
  ['--string-limit'], ['--trace-path'], ['--const-print-style'], ['--timestamps'], ['--syscall-times'], ['--detach-on'],
  ['--interruptible'], ['--decode-fds'], ['--decode-pids'], ['--quiet'], ['--failed-only'], ['--successful-only'],
  ['-s', '0'], ['-a', '40'], ['-e', 'trace=all'], ['-e', 'trace=none'], ['-e', 'trace=/^open'], ['-e', 'trace=?nosuch'],
  ['-e', 'signal=all'], ['-e', 'status=!unfinished'], ['-e', 'quiet=all'], ['-e', 'decode-fds=all'], ['-e', 'kvm=vcpu'],
  ['-e', 'inject=all:error=EIO'], ['-e', 'inject=write:signal=SIGSTOP:when=1'], ['-e', 'x=y'], ['-S', 'name'], ['-X', 'raw'],
  ['-I', '4'], ['-O', '-5'], ['-b', 'exit'], ['-u', 'nobody'], ['-u', 'nosuchuser'], ['-E', ''], ['-P', ''], ['--json'],
];

/** Hostile values for an option's argument. */
function hostile(r: Rng): string {
  switch (r.below(16)) {
    case 0: return '';
    case 1: return '-1';
    case 2: return '99999999999999999999999';
    case 3: return '0x10';
    case 4: return 'a'.repeat(1 + r.below(100_000));
    case 5: return '\xff\xfe\xc3(';
    case 6: return ',';
    case 7: return '!';
    case 8: return 'trace=' + ','.repeat(r.below(5));
    case 9: return '%' + ['file', 'net', 'desc', 'nosuch', ''][r.below(5)];
    case 10: return String(r.below(10)) + ' ';
    case 11: return '--';
    case 12: return '=';
    case 13: return 'all:when=' + ['0', '1+', '65536', '1..0', '2..3+4'][r.below(5)];
    case 14: return '\u00e9\u{1f600}';
    default: return String.fromCharCode(33 + r.below(94)).repeat(1 + r.below(4));
  }
}

/** One mutation of a command line. */
function mutate(r: Rng, a: string[]): string[] {
  const b = a.slice();
  const at = (): number => r.below(b.length + 1);
  switch (r.below(10)) {
    case 0: if (b.length) b.splice(r.below(b.length), 1); break;
    case 1: if (b.length) { const i = r.below(b.length); b.splice(i, 0, b[i]!); } break;
    case 2: if (b.length > 1) { const i = r.below(b.length), j = r.below(b.length); [b[i], b[j]] = [b[j]!, b[i]!]; } break;
    case 3: case 4: b.splice(at(), 0, ...INSERTS[r.below(INSERTS.length)]!); break;
    case 5: if (b.length) b[r.below(b.length)] = hostile(r); break;
    case 6: b.splice(at(), 0, '--'); break;
    case 7: { // a long option cut short, or a short one's value glued on
      const i = b.findIndex((x) => x.startsWith('--') && x.length > 3);
      if (i >= 0) b[i] = b[i]!.slice(0, 3 + r.below(b[i]!.length - 2));
      else if (b.length) b[r.below(b.length)] += hostile(r);
      break;
    }
    case 8: { // inside an expression: a character changed
      const i = b.findIndex((x) => x.includes('='));
      if (i >= 0) {
        const s = b[i]!, k = r.below(s.length);
        b[i] = s.slice(0, k) + String.fromCharCode(32 + r.below(95)) + s.slice(k + 1);
      }
      break;
    }
    default: b.push(hostile(r));
  }
  return b;
}

export interface CaseResult {
  args: string[];
  status: number | null;
  signal: string | null;
  stderr: string;
  ran: boolean;
  timedOut: boolean;
}

export interface FuzzStats {
  /** Cases run, and asked for. */
  cases: number;
  planned: number;
  /** Cases run at once. */
  concurrency: number;
  /** strace's exit status or messages differ (options strace has). */
  mismatches: number;
  /** A JavaScript stack trace, or Node's own error output. */
  crashes: number;
  hangs: number;
  /** sysray started the command of a line strace refused. */
  startedRefused: number;
  /** Differences of the KNOWN kinds (not UTF-8, over-long names, options not supported yet). */
  known: number;
  /** Cases with sysray's own options (no oracle: only crashes, hangs and starts were checked). */
  unchecked: number;
  examples: string[];
  seconds: number;
}

const STACK = /\n\s+at .+\(.*:\d+:\d+\)|\bnode:internal\b|^\S+\.c?js:\d+$|Error: .*\n\s+at /m;

/** The program's name made alike in messages, and pids. */
export const normaliseMessages = (s: string): string =>
  s.replace(/^\S*(strace|sysray)(?=:)/gm, 'TOOL').replace(/'\S*(strace|sysray) -h'/g, "'TOOL -h'").replace(/\b\d{3,}\b/g, 'N');

/** Bytes that are not ASCII: such a line goes through the exec helper, byte for byte. */
const NOT_ASCII = /[^\x00-\x7f]/;

/**
 * Run `tool args…` in `cwd`, at most `timeoutMs`: directly when every argument is ASCII (Node's
 * spawn would encode other latin1 characters as UTF-8), else through the exec helper, which passes
 * the bytes as they are. One exec fewer in nearly every case.
 */
function runCase(helper: string, argsFile: string, tool: string, args: string[], cwd: string, timeoutMs: number): Promise<CaseResult> {
  let file = tool, argv = args;
  if (args.some((a) => NOT_ASCII.test(a))) {
    writeFileSync(argsFile, Buffer.concat([tool, ...args].map((s) => Buffer.concat([Buffer.from(s, 'latin1'), Buffer.of(0)]))));
    file = helper;
    argv = [argsFile];
  }
  return new Promise((resolve) => {
    let p: ReturnType<typeof spawn>;
    try {
      p = spawn(file, argv, { cwd, env: testEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      // a line the kernel will not exec (E2BIG: an argument past 128 KiB) runs neither tool
      return resolve({ args, status: 127, signal: null, stderr: `exec: ${(e as { code?: string }).code ?? e}\n`, ran: false, timedOut: false });
    }
    let stderr = '';
    let timedOut = false;
    p.stderr!.setEncoding('latin1').on('data', (d: string) => {
      if (stderr.length < 1 << 16) stderr += d;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      p.kill('SIGKILL');
    }, timeoutMs);
    p.on('close', (status, signal) => {
      clearTimeout(timer);
      // a hang is a case our timer had to kill: one that ended by itself while this process was
      // too busy to see it (its timer and its exit both pending) is not
      resolve({ args, status, signal, stderr, ran: existsSync(join(cwd, 'ran')), timedOut: timedOut && signal === 'SIGKILL' });
    });
  });
}

export interface FuzzOptions {
  /** Cases run at once (default: one per CPU). */
  concurrency?: number;
  /** A case still running after this long is a hang. */
  timeoutMs?: number;
  /** No case starts after this time (ms since the epoch): a long run stops in time, saying so. */
  deadline?: number;
  /** Called with each failure as it is found (a long run shows them while it goes on). */
  onFailure?: (text: string) => void;
}

/**
 * Run `cases` fuzzed lines (seeded), several at a time; stats.cases says how many ran (fewer when
 * the deadline came first). Arguments are latin1 strings of their bytes (so `\xff` is the byte 0xff).
 */
export async function runCliFuzz(cases: number, seed: bigint, o: FuzzOptions = {}): Promise<FuzzStats> {
  const { concurrency = availableParallelism(), timeoutMs = 20_000, deadline = Infinity } = o;
  const r = new Rng(seed);
  const helper = fixture('argv_exec');
  const mark = fixture('mark', ['-static', '-nostdlib']);
  const markSize = statSync(mark).size;
  const lines: string[][] = [];
  for (let i = 0; i < cases; i++) {
    let a = SEEDS[r.below(SEEDS.length)]!;
    for (let k = 1 + r.below(3); k > 0; k--) a = mutate(r, a);
    lines.push(a);
  }
  const stats: FuzzStats = { cases: 0, planned: cases, concurrency, mismatches: 0, crashes: 0, hangs: 0, startedRefused: 0, known: 0, unchecked: 0, examples: [], seconds: 0 };
  const note = (what: string, a: CaseResult, b?: CaseResult): void => {
    const text = `${what} (seed ${seed}): ${JSON.stringify(a.args).slice(0, 300)}\n  strace: ${b ? `${b.status} ${JSON.stringify(normaliseMessages(b.stderr).slice(0, 200))}` : '-'}\n  sysray: ${a.status}${a.signal ? ' ' + a.signal : ''} ${JSON.stringify(normaliseMessages(a.stderr).slice(0, 300))}`;
    if (stats.examples.length < 20) stats.examples.push(text);
    o.onFailure?.(text);
  };
  const started = Date.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    const home = mkdtempSync(join(tmpdir(), 'sysray-clifuzz-'));
    const cwd = join(home, 'work');
    mkdirSync(cwd);
    const argsFile = join(home, 'args');
    try {
      while (next < lines.length && Date.now() < deadline) {
        const line = lines[next++]!;
        stats.cases++;
        const run = async (tool: string): Promise<CaseResult> => {
          // a fresh directory only when the last run left something there (`ran`, an -o file)
          if (readdirSync(cwd).length !== 1 || !existsSync(join(cwd, 'mark')) || statSync(join(cwd, 'mark')).size !== markSize) {
            rmSync(cwd, { recursive: true, force: true });
            mkdirSync(cwd);
            copyFileSync(mark, join(cwd, 'mark'));
          }
          return runCase(helper, argsFile, tool, line.map((x) => (x === 'CMD' ? './mark' : x)), cwd, timeoutMs);
        };
        const b = await run(SYSRAY);
        if (b.timedOut) {
          stats.hangs++;
          note('hang', b);
          continue;
        }
        if (STACK.test(b.stderr)) {
          stats.crashes++;
          note('stack trace', b);
          continue;
        }
        if (line.some((x) => OWN.test(x))) {
          stats.unchecked++;
          continue;
        }
        const a = await run(STRACE);
        if (b.ran && !a.ran && a.status !== 0) {
          stats.startedRefused++;
          note('started a refused line', b, a);
          continue;
        }
        // the messages strace says (TOOL: …) and its usage hint; the trace itself is not compared.
        // Output piped to a reader that exits at once (`-o '!'`): how many lines reach the pipe
        // before it is gone, each lost one said, is a matter of timing, for strace as for sysray
        const piped = line.some((x) => /^(?:-o|--output=)?[|!]/.test(x));
        const said = (c: CaseResult): string[] => normaliseMessages(c.stderr).split('\n')
          .filter((l) => /^TOOL: |^Try 'TOOL -h'/.test(l) && !(piped && /^TOOL: .*: Broken pipe$/.test(l)));
        const debug = DEBUG(line);
        if (a.status !== b.status || a.signal !== b.signal || (!debug && said(a).join('\n') !== said(b).join('\n'))) {
          if (KNOWN(line) || /is not supported yet/.test(b.stderr)) stats.known++;
          else {
            stats.mismatches++;
            note('differs from strace', b, a);
          }
        }
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  stats.seconds = (Date.now() - started) / 1000;
  return stats;
}

// as a script: node dist/tests/tools/cli-fuzz.js [CASES] [SEED] [CONCURRENCY]
if (process.argv[1]?.endsWith('cli-fuzz.js')) {
  const cases = Number(process.argv[2] ?? 1000);
  const seed = BigInt(process.argv[3] ?? Date.now());
  const s = await runCliFuzz(cases, seed, process.argv[4] ? { concurrency: Number(process.argv[4]) } : {});
  console.log(JSON.stringify({ ...s, examples: undefined }));
  for (const e of s.examples) console.log(e);
}
