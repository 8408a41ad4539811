/**
 * Benchmarks, always as ratios measured in the same run: sysray against strace (and against the
 * untraced program). Each figure is the median of several runs.
 *   npm run bench            (BENCH_RUNS=N to change the number of runs)
 */
import { spawnSync } from 'node:child_process';
import { STRACE, SYSRAY } from '../tests/helpers/diff.js';
import { fixture } from '../tests/helpers/fixtures.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Sample {
  wall: number;
  user: number;
  sys: number;
}

/** Run a command under GNU time; wall, user and system seconds of it and its descendants. */
function timed(cmd: string[]): Sample {
  const r = spawnSync('/usr/bin/time', ['-f', '@@ %e %U %S', ...cmd], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const m = /@@ ([\d.]+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (!m || r.status !== 0) throw new Error(`benchmark command failed: ${cmd.join(' ')}\n${r.stderr}`);
  return { wall: Number(m[1]), user: Number(m[2]), sys: Number(m[3]) };
}

/** Wall time of a command in seconds, measured here (finer than GNU time's 10 ms). */
function wall(cmd: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0]!, cmd.slice(1), { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`benchmark command failed: ${cmd.join(' ')}`);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function medianSample(cmd: string[]): Sample {
  const s = Array.from({ length: RUNS }, () => timed(cmd));
  return { wall: median(s.map((x) => x.wall)), user: median(s.map((x) => x.user)), sys: median(s.map((x) => x.sys)) };
}

const fmt = (x: number): string => x.toFixed(3);
const ratio = (a: number, b: number): string => (b > 0 ? (a / b).toFixed(2) + '×' : 'n/a');

function main(): void {
  const loop = fixture('writeloop');
  const n = '20000';
  console.log(`sysray benchmarks (median of ${RUNS} runs)\n`);

  // 1. per-syscall cost: a 20,000-write loop
  const base = medianSample([loop, n]);
  const st = medianSample([STRACE, '-o', '/dev/null', loop, n]);
  const sy = medianSample([SYSRAY, '-o', '/dev/null', loop, n]);
  const cpu = (s: Sample): number => Math.max(0, s.user + s.sys - (base.user + base.sys));
  console.log('20,000 write() calls, traced to /dev/null');
  console.log(`  untraced  wall ${fmt(base.wall)} s`);
  console.log(`  strace    wall ${fmt(st.wall)} s   tracer CPU ${fmt(cpu(st))} s`);
  console.log(`  sysray    wall ${fmt(sy.wall)} s   tracer CPU ${fmt(cpu(sy))} s`);
  console.log(`  RATIO wall sysray/strace ${ratio(sy.wall, st.wall)}   (target ≤ 1.0×)`);
  console.log(`  RATIO tracer CPU sysray/strace ${ratio(cpu(sy), cpu(st))}   (target ≤ 1.0×; CPU of tracer+tracee minus the untraced run)`);

  // 2. a filtered trace of a file-heavy program: seccomp-bpf keeps untraced syscalls from stopping
  const files = fixture('fileloop');
  const m = '100000';
  const u = medianSample([files, m]);
  const bpf = medianSample([STRACE, '-f', '--seccomp-bpf', '-e', 'trace=%network', '-o', '/dev/null', files, m]);
  const plain = medianSample([STRACE, '-f', '-e', 'trace=%network', '-o', '/dev/null', files, m]);
  const ours = medianSample([SYSRAY, '-f', '-e', 'trace=%network', '-o', '/dev/null', files, m]);
  console.log('\n-f -e trace=%network on 100,000 open/read/close rounds');
  console.log(`  untraced ${fmt(u.wall)} s   strace --seccomp-bpf ${fmt(bpf.wall)} s   strace ${fmt(plain.wall)} s   sysray ${fmt(ours.wall)} s`);
  console.log(`  RATIO sysray/strace --seccomp-bpf ${ratio(ours.wall, bpf.wall)}   (target ≤ 1.2×)`);
  console.log(`  RATIO sysray/plain strace ${ratio(ours.wall, plain.wall)}   (target ≤ 0.25×)`);
  console.log(`  RATIO sysray/untraced ${ratio(ours.wall, u.wall)}`);
  // the same, ten times longer: start-up (about 0.1 s more for Node than for strace) weighs less
  const m10 = '1000000';
  const bpf10 = medianSample([STRACE, '-f', '--seccomp-bpf', '-e', 'trace=%network', '-o', '/dev/null', files, m10]);
  const ours10 = medianSample([SYSRAY, '-f', '-e', 'trace=%network', '-o', '/dev/null', files, m10]);
  console.log(`  1,000,000 rounds: strace --seccomp-bpf ${fmt(bpf10.wall)} s   sysray ${fmt(ours10.wall)} s   RATIO ${ratio(ours10.wall, bpf10.wall)}`);

  // 3. start-up
  const startSysray = median(Array.from({ length: RUNS * 2 }, () => wall([SYSRAY, '-o', '/dev/null', '/bin/true'])));
  const startStrace = median(Array.from({ length: RUNS * 2 }, () => wall([STRACE, '-o', '/dev/null', '/bin/true'])));
  const node = median(Array.from({ length: RUNS * 2 }, () => wall([process.execPath, '-e', '0'])));
  console.log('\nstart-up: -o /dev/null /bin/true');
  console.log(`  strace ${(startStrace * 1000).toFixed(1)} ms   sysray ${(startSysray * 1000).toFixed(1)} ms   (bare node -e 0: ${(node * 1000).toFixed(1)} ms)`);
  console.log(`  STARTUP sysray ${(startSysray * 1000).toFixed(1)} ms   (target ≤ 120 ms)`);
}

main();
