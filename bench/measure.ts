/**
 * How the benchmarks measure: commands timed under GNU time, run in paired rounds (every command of
 * a comparison once per round, the order rotating), each ratio the median of the rounds' own ratios
 * with its spread. Shared by bench/run.ts and the measures it gathers from other modules.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RUNS = Number(process.env.BENCH_RUNS ?? 9);

export interface Sample {
  wall: number;
  user: number;
  sys: number;
  /**
   * CPU seconds (user + system) of the traced program alone, when the command wrapped it in
   * `inner()`: the tracer's own CPU is then `user + sys - inner`.
   */
  inner?: number;
}

/** GNU time's format: elapsed, user and system seconds. */
const FORMAT = '@@ %e %U %S';

/** Run a command under GNU time: wall seconds measured here, user and system seconds of it and its descendants. */
export function timed(cmd: string[], env?: NodeJS.ProcessEnv): Sample {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', FORMAT, ...cmd], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], ...(env ? { env } : {}) });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /@@ ([\d.]+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (!m || r.status !== 0) throw new Error(`benchmark command failed: ${cmd.join(' ')}\n${r.stderr}`);
  return { wall, user: Number(m[2]), sys: Number(m[3]) };
}

/** Wall time only, without GNU time's own fork and exec: for start-up. */
export function bare(cmd: string[], env?: NodeJS.ProcessEnv): Sample {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0]!, cmd.slice(1), { stdio: 'ignore', ...(env ? { env } : {}) });
  if (r.status !== 0) throw new Error(`benchmark command failed: ${cmd.join(' ')}`);
  return { wall: Number(process.hrtime.bigint() - t0) / 1e9, user: 0, sys: 0 };
}

/**
 * The traced program wrapped in GNU time writing its own CPU to a file: both tracers trace the
 * wrapper too (a few dozen syscalls), and the tracer's CPU is the whole run's less the program's.
 * Returns the command and a reader for the figure (it removes the file).
 */
export function inner(cmd: string[]): { cmd: string[]; cpu: () => number } {
  return cpuFile((file) => ['/usr/bin/time', '-o', file, '-f', '%U %S', ...cmd]);
}

/**
 * A traced program that writes its own user and system seconds to the file given as its last
 * argument: the program is then the started command itself (a wrapper would fork it, and sysray
 * runs a command on its own CPU only until it forks: src/tracer/cpubind.ts).
 */
export function selfTimed(cmd: string[]): { cmd: string[]; cpu: () => number } {
  return cpuFile((file) => [...cmd, file]);
}

/** A command made to write "USER SYS" seconds to a fresh file, and the reader of the figure (it removes the file). */
function cpuFile(make: (file: string) => string[]): { cmd: string[]; cpu: () => number } {
  const dir = mkdtempSync(join(tmpdir(), 'sysray-bench-'));
  const file = join(dir, 'cpu');
  return {
    cmd: make(file),
    cpu: () => {
      const [u, s] = readFileSync(file, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
      rmSync(dir, { recursive: true, force: true });
      return u! + s!;
    },
  };
}

/**
 * A command of a comparison: argv, or argv whose traced program is measured on its own: wrapped
 * (`inner`), or `selfTimed`.
 */
export type Cmd = string[] | { tracer: string[]; program: string[]; selfTimed?: boolean };

function runOne(c: Cmd, run: typeof timed, env?: NodeJS.ProcessEnv): Sample {
  if (Array.isArray(c)) return run(c, env);
  const w = c.selfTimed ? selfTimed(c.program) : inner(c.program);
  const s = run([...c.tracer, ...w.cmd], env);
  s.inner = w.cpu();
  return s;
}

/** `RUNS` rounds of every command in turn (the order rotating each round); all samples per command. */
export function rounds(cmds: Record<string, Cmd>, env?: NodeJS.ProcessEnv, run = timed, runs = RUNS): Record<string, Sample[]> {
  const names = Object.keys(cmds);
  const out: Record<string, Sample[]> = Object.fromEntries(names.map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < names.length; j++) {
      const k = names[(i + j) % names.length]!;
      out[k]!.push(runOne(cmds[k]!, run, env));
    }
  }
  return out;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const wallOf = (x: Sample): number => x.wall;
/** The tracer's own CPU seconds (the run's user + system less the traced program's). */
export const tracerCpu = (x: Sample): number => Math.max(1e-4, x.user + x.sys - (x.inner ?? 0));

export const med = (s: Sample[], f: (x: Sample) => number = wallOf): number => median(s.map(f));

/** Each round's a[i] / b[i]. */
export const ratios = (a: Sample[], b: Sample[], f: (x: Sample) => number = wallOf): number[] => a.map((x, i) => f(x) / f(b[i]!));

export const fmt = (x: number): string => x.toFixed(3);
export const times = (r: number): string => `${r.toFixed(2)}×`;

/** A ratio as the median of the rounds' ratios, with their range: `0.93× (0.88–1.02)`. */
export function spread(rs: number[]): string {
  return `${times(median(rs))} (${Math.min(...rs).toFixed(2)}–${Math.max(...rs).toFixed(2)})`;
}

/** One ratio line: its name, median and spread, its target and whether the median meets it. */
export function ratioLine(name: string, rs: number[], target: number): string {
  const m = median(rs);
  return `  RATIO ${name} ${spread(rs)}   (target ≤ ${target}×: ${m <= target ? 'met' : 'NOT met'})`;
}
