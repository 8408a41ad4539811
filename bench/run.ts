/**
 * Benchmarks, always as ratios measured in the same run: sysray against strace (and against the
 * untraced program). The commands of a comparison run in turn, round after round, so that a slow
 * spell of the machine falls on all of them; a ratio is the median of the rounds' own ratios
 * (each round's sysray time over the same round's strace time), and each time shown is a median.
 *   npm run bench            (BENCH_RUNS=N rounds, default 9)
 *   node dist/bench/run.js api   (the API against --json only)
 *   node dist/bench/run.js throughput   (the full-trace measures only; BENCH_LONG_RUNS=N for the long ones,
 *                                        BENCH_ONLY=30k,300k,5k,c,json for some of them)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STRACE, SYSRAY } from '../tests/helpers/diff.js';
import { fixture } from '../tests/helpers/fixtures.js';
import { bare, fmt, med, ratios, rounds, RUNS, type Sample, times, timed, median } from './measure.js';
import { throughput } from './throughput.js';
import { leanBench } from './lean.js';

/** Median over rounds of a[i] / b[i]. */
const paired = (a: Sample[], b: Sample[], f?: (x: Sample) => number): number => median(ratios(a, b, f));

/**
 * The API consuming a 300,000-syscall trace (every event parsed into an object on the caller's
 * thread) against `sysray --json -o /dev/null` on the same command. BENCH_API_RUNS rounds (default 5:
 * each run takes seconds).
 */
function apiVsJson(): void {
  const loop = fixture('writeloop');
  const n = '300000';
  const dir = mkdtempSync(join(tmpdir(), 'sysray-bench-api-'));
  const consumer = join(dir, 'consume.mjs');
  const api = join(fileURLToPath(import.meta.url), '../../src/api/index.js');
  writeFileSync(consumer, `import { trace } from ${JSON.stringify(api)};
const t = trace(process.argv.slice(2), { stdio: 'ignore' });
let n = 0;
for await (const ev of t) if (ev.type === 'syscall') n++;
const s = await t.exit;
if (!('code' in s) || s.code !== 0 || n < 300000) throw new Error(\`\${n} syscalls, \${JSON.stringify(s)}\`);
`);
  const runs = Number(process.env.BENCH_API_RUNS ?? 5);
  const a: Record<string, Sample[]> = { json: [], api: [] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? ['api', 'json'] : ['json', 'api'];
    for (const k of order) a[k]!.push(timed(k === 'json' ? [SYSRAY, '--json', '-o', '/dev/null', loop, n] : [process.execPath, consumer, loop, n]));
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`\nthe API, 300,000 write() calls (${runs} rounds): every event read as an object`);
  console.log(`  sysray --json -o /dev/null ${fmt(med(a.json!))} s   API (for await) ${fmt(med(a.api!))} s`);
  console.log(`  RATIO API/--json ${times(paired(a.api!, a.json!))}   (target ≤ 1.1×)`);
}

function main(): void {
  // `node dist/bench/run.js api`: the API's measure alone
  if (process.argv[2] === 'api') return apiVsJson();
  // `node dist/bench/run.js throughput`: the full-trace measures alone
  if (process.argv[2] === 'throughput') return throughput();
  const loop = fixture('writeloop');
  const n = '20000';
  console.log(`sysray benchmarks (${RUNS} rounds; times are medians, ratios medians of each round's ratio)\n`);

  // 1. full traces: throughput, tracer CPU, -c and --json against strace (bench/throughput.ts)
  throughput();

  // 2. a filtered trace of a file-heavy program: seccomp-bpf keeps untraced syscalls from stopping
  const files = fixture('fileloop');
  const net = (tool: string[], m: string): string[] => [...tool, '-f', '-e', 'trace=%network', '-o', '/dev/null', files, m];
  const m = '100000';
  const f = rounds({
    untraced: [files, m],
    bpf: net([STRACE, '--seccomp-bpf'], m),
    plain: net([STRACE], m),
    sysray: net([SYSRAY], m),
  });
  console.log('\n-f -e trace=%network on 100,000 open/read/close rounds');
  console.log(`  untraced ${fmt(med(f.untraced!))} s   strace --seccomp-bpf ${fmt(med(f.bpf!))} s   strace ${fmt(med(f.plain!))} s   sysray ${fmt(med(f.sysray!))} s`);
  console.log(`  RATIO sysray/strace --seccomp-bpf ${times(paired(f.sysray!, f.bpf!))}   (target ≤ 1.2×)`);
  console.log(`  RATIO sysray/plain strace ${times(paired(f.sysray!, f.plain!))}   (target ≤ 0.25×)`);
  console.log(`  RATIO sysray/untraced ${times(paired(f.sysray!, f.untraced!))}`);
  // the same, ten times longer: start-up weighs less
  const m10 = '1000000';
  const g = rounds({ bpf: net([STRACE, '--seccomp-bpf'], m10), sysray: net([SYSRAY], m10) });
  console.log(`  1,000,000 rounds: strace --seccomp-bpf ${fmt(med(g.bpf!))} s   sysray ${fmt(med(g.sysray!))} s   RATIO ${times(paired(g.sysray!, g.bpf!))}`);

  // 3. start-up. Bare Node runs with the environment sysray's own Node gets (bin/sysray keeps
  // Node's variables, such as NODE_EXTRA_CA_CERTS, for the traced program).
  const nodeEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NODE_')));
  const s = rounds({ sysray: [SYSRAY, '-o', '/dev/null', '/bin/true'], strace: [STRACE, '-o', '/dev/null', '/bin/true'] }, undefined, bare);
  const node = rounds({ node: [process.execPath, '-e', '0'] }, nodeEnv, bare);
  const ms = (x: number): string => `${(x * 1000).toFixed(1)} ms`;
  console.log('\nstart-up: -o /dev/null /bin/true');
  console.log(`  strace ${ms(med(s.strace!))}   sysray ${ms(med(s.sysray!))}   (bare node -e 0: ${ms(med(node.node!))})`);
  console.log(`  STARTUP sysray ${ms(med(s.sysray!))}   (target ≤ 120 ms)`);

  leanBench();
  apiVsJson();
  void import('./stack.js').then((m) => m.stackBench());
}

main();
