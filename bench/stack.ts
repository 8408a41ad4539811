/**
 * -k's cost: sysray -k's wall time against strace -k's (libunwind) on the same commands, measured
 * in one run. The two tracers alternate, round after round; the ratio is the median of each
 * round's sysray/strace ratio.
 *   npm run bench:stack      (BENCH_RUNS=N rounds, default 7)
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { STRACE, SYSRAY } from '../tests/helpers/diff.js';
import { fixture } from '../tests/helpers/fixtures.js';

/** Seconds one command takes, start to exit; throws if it fails. */
function wall(cmd: readonly string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0]!, cmd.slice(1), { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`failed: ${cmd.join(' ')}`);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const mid = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Each command under strace -k and sysray -k, `runs` rounds; prints the medians and the ratio. */
export function stackBench(runs = Number(process.env.BENCH_RUNS ?? 7)): void {
  const loop = fixture('writeloop');
  const cases: [string, string[]][] = [
    ['2,000 write() calls, a stack each', [loop, '2000']],
    ['ls -l /usr/lib (coreutils, many calls)', ['ls', '-l', '/usr/lib']],
    ['python3 -c pass (a large binary, many mappings)', ['/usr/bin/python3', '-c', 'pass']],
  ];
  console.log(`\n-k stack traces (${runs} rounds; medians), -o /dev/null`);
  for (const [what, cmd] of cases) {
    const s: number[] = [], y: number[] = [];
    for (let i = 0; i < runs; i++) {
      const pair = [() => s.push(wall([STRACE, '-k', '-o', '/dev/null', ...cmd])), () => y.push(wall([SYSRAY, '-k', '-o', '/dev/null', ...cmd]))];
      if (i % 2) pair.reverse();
      pair.forEach((f) => f());
    }
    const ratio = mid(y.map((t, i) => t / s[i]!));
    console.log(`  ${what}: strace -k ${mid(s).toFixed(3)} s   sysray -k ${mid(y).toFixed(3)} s   RATIO ${ratio.toFixed(2)}×   (target ≤ 2×)`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) stackBench();
