/**
 * Full-trace throughput against strace (issue 20): python3 doing N `write`s to /dev/null, traced
 * in full with `-o /dev/null`. Wall ratios at 30,000 and 300,000 writes and a short 5,000-write
 * loop, the tracer's own CPU per traced syscall, `-c` on the 300,000 loop, and `--json` against
 * the text output on the same trace. Every ratio is printed with its target.
 */
import { existsSync } from 'node:fs';
import { STRACE, SYSRAY } from '../tests/helpers/diff.js';
import { type Cmd, fmt, med, median, ratioLine, ratios, rounds, RUNS, type Sample, tracerCpu } from './measure.js';

/**
 * python3 writing one byte to /dev/null `n` times (its start-up is the same under both tracers),
 * then its own CPU seconds to the file named last (measure.ts's selfTimed).
 */
const PYTHON = 'import os, sys\nfd = os.open("/dev/null", os.O_WRONLY)\nfor _ in range(int(sys.argv[1])): os.write(fd, b"x")\n'
  + 't = os.times()\nopen(sys.argv[2], "w").write(f"{t.user} {t.system}")\n';
/** The system's python3 itself: a version manager's shim on PATH (pyenv's is a bash script) would be traced too. */
const PYTHON3 = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const writes = (n: number): string[] => [PYTHON3, '-c', PYTHON, String(n)];

/** Tracer and program, which tells its own CPU (tracerCpu is the rest); -f as a user would give it. */
const traced = (tracer: string[], n: number): Cmd => ({ tracer: [...tracer, '-f', '-o', '/dev/null'], program: writes(n), selfTimed: true });

const us = (s: number, n: number): string => `${((s / n) * 1e6).toFixed(2)} µs`;

/** One loop length, sysray against strace: wall and tracer CPU. */
function fullTrace(n: number, runs: number, wallTarget: number, cpu: boolean, unbound = false): void {
  const r = rounds({
    strace: traced([STRACE], n), sysray: traced([SYSRAY], n), ...(unbound ? { unbound: traced([SYSRAY, '--no-cpu-bind'], n) } : {}),
  }, undefined, undefined, runs);
  const [s, y] = [r.strace!, r.sysray!];
  const label = n.toLocaleString('en-US');
  console.log(`\npython3, ${label} write() calls, full trace -o /dev/null (${runs} paired rounds)`);
  console.log(`  strace  wall ${fmt(med(s))} s   tracer CPU ${fmt(med(s, tracerCpu))} s (${us(med(s, tracerCpu), 2 * n)} per stop)`);
  console.log(`  sysray  wall ${fmt(med(y))} s   tracer CPU ${fmt(med(y, tracerCpu))} s (${us(med(y, tracerCpu), 2 * n)} per stop)`);
  console.log(ratioLine('wall sysray/strace', ratios(y, s), wallTarget));
  if (cpu) console.log(ratioLine('tracer CPU per traced syscall sysray/strace', ratios(y, s, tracerCpu), 1.0));
  // how much of it is the shared CPU (src/tracer/cpubind.ts): the same trace with the command on its own CPUs
  const u = r.unbound;
  if (u) {
    console.log(`  sysray --no-cpu-bind  wall ${fmt(med(u))} s   tracer CPU ${fmt(med(u, tracerCpu))} s (${us(med(u, tracerCpu), 2 * n)} per stop)`);
    console.log(`  (wall sysray --no-cpu-bind/strace ${median(ratios(u, s)).toFixed(2)}×, no target)`);
  }
}

/** `-c` on the long loop: the summary's cost, against strace -c. */
function summary(n: number, runs: number): void {
  const r = rounds({ strace: traced([STRACE, '-c'], n), sysray: traced([SYSRAY, '-c'], n) }, undefined, undefined, runs);
  console.log(`\n-c, python3 ${n.toLocaleString('en-US')} write() calls (${runs} paired rounds)`);
  console.log(`  strace -c ${fmt(med(r.strace!))} s   sysray -c ${fmt(med(r.sysray!))} s`);
  console.log(ratioLine('wall sysray -c/strace -c', ratios(r.sysray!, r.strace!), 1.0));
}

/** --json against the text output, the same trace. */
function json(n: number, runs: number): void {
  const r = rounds({ text: traced([SYSRAY], n), json: traced([SYSRAY, '--json'], n) }, undefined, undefined, runs);
  const cpu = (x: Sample): number => tracerCpu(x);
  console.log(`\n--json against text, python3 ${n.toLocaleString('en-US')} write() calls (${runs} paired rounds)`);
  console.log(`  text ${fmt(med(r.text!))} s (tracer CPU ${fmt(med(r.text!, cpu))} s)   --json ${fmt(med(r.json!))} s (tracer CPU ${fmt(med(r.json!, cpu))} s)`);
  console.log(ratioLine('wall --json/text', ratios(r.json!, r.text!), 1.1));
  console.log(ratioLine('tracer CPU --json/text', ratios(r.json!, r.text!, cpu), 1.1));
}

/**
 * All of the throughput measures. The 300,000-write runs take seconds each: they get
 * BENCH_LONG_RUNS rounds (default 5). BENCH_ONLY=NAME[,NAME…] runs only those measures
 * (`30k`, `300k`, `5k`, `c`, `json`), to follow one figure while changing the code.
 */
export function throughput(): void {
  const long = Number(process.env.BENCH_LONG_RUNS ?? 5);
  const only = process.env.BENCH_ONLY?.split(',');
  const want = (name: string): boolean => !only || only.includes(name);
  if (want('30k')) fullTrace(30_000, RUNS, 0.95, true, true);
  if (want('300k')) fullTrace(300_000, long, 0.9, true);
  if (want('5k')) fullTrace(5_000, RUNS, 1.1, false);
  if (want('c')) summary(300_000, long);
  if (want('json')) json(30_000, RUNS);
}
