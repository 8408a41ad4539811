/**
 * What sysray costs besides tracing (issue 20): start-up, a short trace, its peak memory, and
 * whether anything of it outlives it. Every figure is set beside strace's, measured in the same
 * run, round after round in turn (the order rotating), so that a slow spell of the machine falls
 * on both; a ratio is the median of the rounds' own ratios, a time the median with its spread
 * (lowest–highest). CPU is user + system time of the tool and its descendants, which a busy
 * machine inflates far less than wall time.
 *   npm run bench:lean      (BENCH_RUNS=N rounds, default 9; BENCH_LEAN_RSS_RUNS=N for the
 *                            1,000,000-syscall traces, default 3)
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { STRACE, SYSRAY } from '../tests/helpers/diff.js';
import { fixture } from '../tests/helpers/fixtures.js';
import { inSession } from '../tests/helpers/session.js';

interface Sample {
  wall: number;
  cpu: number;
  out: string;
  /** Processes left in the command's session once it had returned. */
  left: number;
}

/**
 * Run `cmd` in a session of its own: setsid(1) makes it and execs the command in the same process,
 * so the pid of the child is the session's id. Wall time is that of this run alone; with `cpu`
 * the command runs a second time under bash, whose `times` gives the user and system time of its
 * children (the command and its descendants) to the millisecond.
 */
function run(cmd: string[], cpu: boolean): Sample {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('setsid', cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const left = inSession(r.pid).length;
  if (r.status !== 0) throw new Error(`benchmark command failed: ${cmd.join(' ')}`);
  if (!cpu) return { wall, cpu: NaN, out: r.stdout, left };
  const b = spawnSync('bash', ['-c', '"$@" >/dev/null 2>&1; s=$?; times; exit $s', 'bash', ...cmd], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  // times: the shell's own user and system time, then its children's (`0m0.012s 0m0.004s`)
  const t = /\n(\d+)m([\d.]+)s (\d+)m([\d.]+)s\n?$/.exec(b.stdout);
  if (!t || b.status !== 0) throw new Error(`benchmark command failed: ${cmd.join(' ')}`);
  return { wall, cpu: (Number(t[1]) * 60 + Number(t[2]) + Number(t[3]) * 60 + Number(t[4])) * 1000, out: r.stdout, left };
}

/** `runs` rounds of every command in turn, the order rotating each round. */
function rounds(cmds: Record<string, string[]>, runs: number, cpu = true): Record<string, Sample[]> {
  const names = Object.keys(cmds);
  const out: Record<string, Sample[]> = Object.fromEntries(names.map((k) => [k, []]));
  for (let i = 0; i < runs; i++)
    for (let j = 0; j < names.length; j++) {
      const k = names[(i + j) % names.length]!;
      out[k]!.push(run(cmds[k]!, cpu));
    }
  return out;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** Median (lowest–highest). */
const spread = (xs: number[], unit: string, digits = 1): string =>
  `${median(xs).toFixed(digits)} ${unit} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
const paired = (a: number[], b: number[]): number => median(a.map((x, i) => x / b[i]!));
const times = (r: number): string => `${r.toFixed(2)}×`;

/** The tracer's peak RSS in MiB, as the hwmloop fixture printed it (its parent's VmHWM). */
const hwm = (s: Sample): number => {
  const m = /VmHWM:\s+(\d+) kB/.exec(s.out);
  if (!m) throw new Error(`hwmloop printed no VmHWM: ${s.out}`);
  return Number(m[1]) / 1024;
};

/** Print start-up, `ls -la /usr`, peak RSS and leftover processes, each with its target. */
export function leanBench(): void {
  const runs = Number(process.env.BENCH_RUNS ?? 9);
  const rssRuns = Number(process.env.BENCH_LEAN_RSS_RUNS ?? 3);
  let left = 0;
  let sysrayRuns = 0;
  const count = (xs: Sample[]): void => {
    for (const x of xs) left += x.left;
    sysrayRuns += xs.length;
  };
  console.log(`\nstart-up, short traces, memory, exit (${runs} rounds; medians (lowest–highest), ratios medians of each round's ratio)`);

  // Bare Node gets the environment sysray's own Node gets (the launcher drops NODE_* for itself).
  const nodeEnv = Object.entries(process.env).filter(([k]) => k.startsWith('NODE_')).map(([k]) => `--unset=${k}`);
  const s = rounds({
    sysray: [SYSRAY, '-o', '/dev/null', '/bin/true'],
    strace: [STRACE, '-o', '/dev/null', '/bin/true'],
    node: ['env', ...nodeEnv, process.execPath, '-e', '0'],
  }, runs);
  count(s.sysray!);
  const wall = (xs: Sample[]): number[] => xs.map((x) => x.wall);
  const cpu = (xs: Sample[]): number[] => xs.map((x) => x.cpu);
  console.log('start-up, -o /dev/null /bin/true');
  console.log(`  strace  wall ${spread(wall(s.strace!), 'ms')}   CPU ${spread(cpu(s.strace!), 'ms', 0)}`);
  console.log(`  sysray  wall ${spread(wall(s.sysray!), 'ms')}   CPU ${spread(cpu(s.sysray!), 'ms', 0)}`);
  console.log(`  node -e 0  wall ${spread(wall(s.node!), 'ms')}   CPU ${spread(cpu(s.node!), 'ms', 0)}   (the floor)`);
  console.log(`  RATIO start-up wall sysray/strace ${times(paired(wall(s.sysray!), wall(s.strace!)))}   CPU ${times(paired(cpu(s.sysray!), cpu(s.strace!)))}   sysray/bare node wall ${times(paired(wall(s.sysray!), wall(s.node!)))}   (no target of its own: see ls below)`);

  const l = rounds({
    sysray: [SYSRAY, '-o', '/dev/null', 'ls', '-la', '/usr'],
    strace: [STRACE, '-o', '/dev/null', 'ls', '-la', '/usr'],
  }, runs);
  count(l.sysray!);
  console.log('short full trace, -o /dev/null ls -la /usr');
  console.log(`  strace  wall ${spread(wall(l.strace!), 'ms')}   CPU ${spread(cpu(l.strace!), 'ms', 0)}`);
  console.log(`  sysray  wall ${spread(wall(l.sysray!), 'ms')}   CPU ${spread(cpu(l.sysray!), 'ms', 0)}`);
  console.log(`  RATIO ls wall sysray/strace ${times(paired(wall(l.sysray!), wall(l.strace!)))}   (target ≤ 4.0×)   CPU ${times(paired(cpu(l.sysray!), cpu(l.strace!)))}`);

  // Peak RSS: the fixture makes N write()s, then prints its parent's (the tracer's) VmHWM.
  const loop = fixture('hwmloop');
  const rss: Record<string, Record<string, Sample[]>> = {};
  for (const [n, k] of [['0', runs], ['100000', rssRuns], ['1000000', rssRuns]] as const) {
    rss[n] = rounds({ sysray: [SYSRAY, '-o', '/dev/null', loop, n], strace: [STRACE, '-o', '/dev/null', loop, n] }, k, false);
    count(rss[n]!.sysray!);
  }
  const mib = (n: string, tool: string): number[] => rss[n]![tool]!.map(hwm);
  console.log('peak RSS of the tracer (VmHWM) tracing N write()s, -o /dev/null');
  for (const n of Object.keys(rss))
    console.log(`  N=${n.padEnd(8)} sysray ${spread(mib(n, 'sysray'), 'MiB')}   strace ${spread(mib(n, 'strace'), 'MiB')}`);
  const at1m = median(mib('1000000', 'sysray'));
  const growth = at1m - median(mib('100000', 'sysray'));
  console.log(`  RSS at 1,000,000 syscalls ${at1m.toFixed(1)} MiB   (target ≤ 60 MiB)   RATIO sysray/strace ${times(paired(mib('1000000', 'sysray'), mib('1000000', 'strace')))}`);
  console.log(`  RSS growth 100,000 → 1,000,000 syscalls ${growth.toFixed(1)} MiB   (target ≤ 5 MiB)`);

  // Checked as each sysray run returned: a process of its session still there (even exiting).
  console.log(`LEFT processes of sysray's session after it returned: ${left} in ${sysrayRuns} runs   (target 0)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) leanBench();
