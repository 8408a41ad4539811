/**
 * The differential corpus: real commands and C fixtures, each traced twice by /usr/bin/strace and
 * once by sysray. Agreement of sysray with strace is measured next to strace's agreement with
 * itself (the ceiling): what two strace runs do not share cannot be asked of sysray.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agreement, normalise, perProcess, STRACE, SYSRAY, testEnv } from './diff.js';
import { fixture } from './fixtures.js';

export interface CorpusCase {
  /** Family the case exercises (file, desc, net, poll, signal, time, process, memory, misc…). */
  family: string;
  /** Short unique name. */
  name: string;
  /** The command; a C fixture is named `@name` in the first word (tests/fixtures/name.c). */
  cmd: string[];
  /** strace options shared by both tracers (`-f` compares process by process). */
  opts?: string[];
  /** cc flags for the fixture. */
  cc?: string[];
  /** Files created in the scratch directory first (name → content). */
  files?: Record<string, string>;
  /** Data on stdin. */
  input?: string;
}

export interface CaseResult {
  c: CorpusCase;
  /** Normalised lines of the first strace run, the second strace run, the sysray run. */
  a: string[];
  b: string[];
  s: string[];
  /** Agreement of strace with itself (ceiling) and of sysray with strace (mean over both runs). */
  ceiling: number;
  score: number;
  statusA: number | null;
  statusS: number | null;
  stderr: string;
}

interface RawRun { trace: string; status: number | null; stderr: string }

function runAsync(tool: string, opts: string[], cmd: string[], cwd: string, input?: string): Promise<RawRun> {
  const out = join(mkdtempSync(join(tmpdir(), 'sysray-corpus-')), 'trace');
  return new Promise((resolveRun) => {
    const child = spawn(tool, [...opts, '-o', out, ...cmd], { cwd, env: testEnv(), stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('latin1').on('data', (d: string) => (stderr += d));
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      let trace = '';
      try {
        trace = readFileSync(out, 'latin1');
      } catch {
        /* nothing written */
      }
      rmSync(join(out, '..'), { recursive: true, force: true });
      resolveRun({ trace, status, stderr });
    });
  });
}

/** The lines compared: a single process's trace as is; with -f, each process's lines in turn. */
export function linesOf(trace: string, multi: boolean): string[] {
  if (multi) return perProcess(trace).flat();
  const t = normalise(trace).split('\n');
  while (t.length && t.at(-1) === '') t.pop();
  return t;
}

/** Run one case in fresh scratch directories (a separate one per run, same shape). */
export async function runCase(c: CorpusCase): Promise<CaseResult> {
  const cmd = c.cmd.map((w, i) => (i === 0 && w.startsWith('@') ? fixture(w.slice(1), c.cc ?? []) : w));
  const opts = c.opts ?? [];
  const prep = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'sysray-diff-work-'));
    for (const [name, body] of Object.entries(c.files ?? {})) writeFileSync(join(d, name), body);
    return d;
  };
  const dirs = [prep(), prep(), prep()];
  const ra = await runAsync(STRACE, opts, cmd, dirs[0]!, c.input);
  const rb = await runAsync(STRACE, opts, cmd, dirs[1]!, c.input);
  const rs = await runAsync(SYSRAY, opts, cmd, dirs[2]!, c.input);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  const multi = opts.includes('-f') || opts.includes('--follow-forks');
  const a = linesOf(ra.trace, multi), b = linesOf(rb.trace, multi), s = linesOf(rs.trace, multi);
  return {
    c, a, b, s,
    ceiling: agreement(a, b),
    // against both strace runs: the same footing as the ceiling, with half the noise
    score: (agreement(a, s) + agreement(b, s)) / 2,
    statusA: ra.status, statusS: rs.status, stderr: rs.stderr,
  };
}

/** Run cases `width` at a time. */
export async function runAll(cases: CorpusCase[], width = 2, each?: (r: CaseResult) => void): Promise<CaseResult[]> {
  const results: CaseResult[] = new Array(cases.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < cases.length; i = next++) {
      results[i] = await runCase(cases[i]!);
      each?.(results[i]!);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

export interface FamilyScore { family: string; cases: number; lines: number; ceiling: number; score: number }

/** Line-weighted agreement per family and overall ('all'). */
export function tally(results: CaseResult[]): FamilyScore[] {
  const fam = new Map<string, { cases: number; lines: number; ceil: number; score: number }>();
  const add = (k: string, r: CaseResult): void => {
    const f = fam.get(k) ?? { cases: 0, lines: 0, ceil: 0, score: 0 };
    const n = Math.max(r.a.length, 1);
    f.cases++;
    f.lines += n;
    f.ceil += r.ceiling * n;
    f.score += r.score * n;
    fam.set(k, f);
  };
  for (const r of results) {
    add(r.c.family, r);
    add('all', r);
  }
  return [...fam.entries()]
    .map(([family, f]) => ({ family, cases: f.cases, lines: f.lines, ceiling: f.ceil / f.lines, score: f.score / f.lines }))
    .sort((x, y) => (x.family === 'all' ? 1 : y.family === 'all' ? -1 : x.family < y.family ? -1 : 1));
}

/** The per-family table, as printed in notes and by the corpus test. */
export function table(scores: FamilyScore[]): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(7);
  const rows = scores.map((f) => `${f.family.padEnd(10)} ${String(f.cases).padStart(5)} ${String(f.lines).padStart(7)} ${pct(f.ceiling)} ${pct(f.score)}`);
  return [`${'family'.padEnd(10)} ${'cases'.padStart(5)} ${'lines'.padStart(7)} ${'strace'.padStart(7)} ${'sysray'.padStart(7)}`, ...rows].join('\n');
}

/** The first lines where sysray differs from strace (for reports). */
export function firstDiffs(r: CaseResult, max = 5): string[] {
  const out: string[] = [];
  const inA = new Map<string, number>();
  for (const l of r.a) inA.set(l, (inA.get(l) ?? 0) + 1);
  const inS = new Map<string, number>();
  for (const l of r.s) inS.set(l, (inS.get(l) ?? 0) + 1);
  for (let i = 0; i < Math.max(r.a.length, r.s.length) && out.length < max * 2; i++) {
    const x = r.a[i], y = r.s[i];
    if (x === y) continue;
    if (x !== undefined && !inS.has(x)) out.push(`- ${x}`);
    if (y !== undefined && !inA.has(y)) out.push(`+ ${y}`);
  }
  return out;
}
