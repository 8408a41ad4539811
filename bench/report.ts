/**
 * The report's budget on a 1M-syscall recording: `--replay --report` time (against replaying the
 * same recording as text to /dev/null, in the same run), the file's bytes per event, and, in
 * Chromium, the time until the page is interactive and the time to redraw the whole trace.
 *   npm run build && node dist/bench/report.js [EVENTS]     (needs /usr/bin/chromium)
 * Two recordings: `loop`, a real program's shape (one write per line of varying text, with reads
 * and the odd failed open between), and `mixed`, a real trace of a small program (report_calls)
 * repeated with its addresses, pids and times shifted each time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSRAY } from '../tests/helpers/diff.js';
import { fixture } from '../tests/helpers/fixtures.js';

const N = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'sysray-bench-report-'));

/** A seeded generator, so that every run measures the same recording. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function write(file: string, lines: Iterable<string>): void {
  const fd = openSync(file, 'w');
  let buf: string[] = [];
  for (const l of lines) {
    buf.push(l);
    if (buf.length === 10000) {
      writeSync(fd, buf.join('\n') + '\n');
      buf = [];
    }
  }
  if (buf.length) writeSync(fd, buf.join('\n') + '\n');
  closeSync(fd);
}

function* loop(): Generator<string> {
  const r = rng(42);
  let t = 1796000000000000000n;
  const pid = 4242;
  yield JSON.stringify({ type: 'attach', time: t.toString(), pid, how: 'start' });
  for (let i = 0; i < N; i++) {
    const dur = 800 + Math.floor(r() * 4000);
    t += BigInt(dur + 200 + Math.floor(r() * 3000));
    const k = r();
    let o: object;
    if (k < 0.7) {
      const text = `line ${i}: value=${Math.floor(r() * 1e6)}\n`;
      o = { type: 'syscall', time: t.toString(), pid, nr: 1, name: 'write', args: [{ kind: 'fd', fd: 1 }, { kind: 'string', text }, { kind: 'int', value: text.length, format: 'u' }], ret: text.length, durationNs: dur };
    } else if (k < 0.95) {
      const n = Math.floor(r() * 4096);
      o = { type: 'syscall', time: t.toString(), pid, nr: 0, name: 'read', args: [{ kind: 'fd', fd: 3 }, { kind: 'string', text: `chunk ${i}`.padEnd(32, '.'), truncated: true }, { kind: 'int', value: 4096, format: 'u' }], entryArgs: 1, ret: n, durationNs: dur };
    } else {
      o = { type: 'syscall', time: t.toString(), pid, nr: 257, name: 'openat', args: [{ kind: 'const', name: 'AT_FDCWD', value: -100 }, { kind: 'string', text: `/data/part-${i % 977}.csv` }, { kind: 'flags', names: ['O_RDONLY'], value: 0 }], ret: -2, errno: 'ENOENT', retFormat: 'fd', durationNs: dur };
    }
    yield JSON.stringify(o);
  }
  yield JSON.stringify({ type: 'exit', time: (t + 1000n).toString(), pid, code: 0 });
}

function* mixed(seed: string[]): Generator<string> {
  const events = seed.map((l) => JSON.parse(l) as Record<string, unknown>);
  const t0 = BigInt(events[0]!.time as string);
  const span = BigInt(events[events.length - 1]!.time as string) - t0 + 1000n;
  const calls = events.filter((e) => e.type === 'syscall').length;
  const pids = [...new Set(events.map((e) => e.pid as number))];
  for (let copy = 0, n = 0; n < N; copy++) {
    const shift = BigInt(copy) * span;
    const pidMap = new Map(pids.map((p, i) => [p, 100000 + copy * pids.length + i]));
    for (const e of events) {
      let s = JSON.stringify({ ...e, time: (BigInt(e.time as string) + shift).toString() });
      // addresses and pids move from copy to copy, as they do from run to run
      s = s.replace(/"value":(\d{8,})/g, (_, v: string) => `"value":${Number(v) + copy * 4096}`)
        .replace(/\b(\d{3,6})\b/g, (m) => String(pidMap.get(Number(m)) ?? m));
      yield s;
      if (e.type === 'syscall' && ++n >= N) return;
    }
    void calls;
  }
}

/** Wall seconds, and the CPU seconds (user + system) GNU time saw: on a busy machine the wall time is mostly waiting. */
const run = (args: string[]): { wall: number; cpu: number } => {
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '@@ %U %S', SYSRAY, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const m = /@@ ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`sysray ${args.join(' ')}: ${r.stderr}`);
  return { wall: Number(process.hrtime.bigint() - t) / 1e9, cpu: Number(m[1]) + Number(m[2]) };
};
const secs = (x: { wall: number; cpu: number }): string => `${x.wall.toFixed(2)} s (CPU ${x.cpu.toFixed(2)} s)`;

async function inChromium(file: string): Promise<{ tti: number; loaded: number; full: number; zoomed: number }> {
  const { chromium } = await import('playwright-core');
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await b.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto('file://' + file);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 120_000 });
    // the page's own clock, from the start of its loading
    const [tti = 0, loaded = 0] = await page.evaluate(() => [Number(document.body.dataset.timeline) / 1000, Number(document.body.dataset.loaded) / 1000]);
    const paint = (zoom: number): Promise<number> => page.evaluate((z) => {
      const r = (window as unknown as { sysrayReport: { view(a: number, b: number): void; span(i: number): [number, number]; n: number } }).sysrayReport;
      const end = r.span(r.n - 1)[1];
      const t0 = performance.now();
      for (let i = 0; i < 5; i++) r.view(end * 0.4, end * 0.4 + end / z);
      return (performance.now() - t0) / 5;
    }, zoom);
    return { tti, loaded, full: await paint(1), zoomed: await paint(1000) };
  } finally {
    await b.close();
  }
}

const seedFile = join(dir, 'seed.jsonl');
spawnSync(SYSRAY, ['-f', '--json', '-o', seedFile, fixture('report_calls')], { stdio: 'ignore' });
const seed = readFileSync(seedFile, 'utf8').split('\n').filter(Boolean);
for (const [name, lines] of [['loop', loop()], ['mixed', mixed(seed)]] as const) {
  const rec = join(dir, `${name}.jsonl`);
  write(rec, lines);
  const html = join(dir, `${name}.html`);
  const text = run([`--replay=${rec}`, '-o', '/dev/null']);
  const report = run([`--replay=${rec}`, `--report=${html}`]);
  const perfetto = run([`--replay=${rec}`, `--perfetto=${join(dir, `${name}.json`)}`]);
  const size = statSync(html).size;
  const b = await inChromium(html);
  console.log(`${name}: ${N} syscalls, recording ${(statSync(rec).size / 1e6).toFixed(0)} MB`);
  console.log(`  --report ${secs(report)}: ${(report.cpu / text.cpu).toFixed(2)}x the CPU of replaying the text to /dev/null, ${secs(text)}; --perfetto ${secs(perfetto)}`);
  console.log(`  report ${(size / 1e6).toFixed(1)} MB, ${(size / N).toFixed(1)} bytes per event`);
  console.log(`  Chromium, from the start of loading: timeline interactive after ${b.tti.toFixed(2)} s, lines and tables in after ${b.loaded.toFixed(2)} s; redraw of the whole trace ${b.full.toFixed(1)} ms, zoomed x1000 ${b.zoomed.toFixed(1)} ms`);
}
rmSync(dir, { recursive: true, force: true });
