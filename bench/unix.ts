/**
 * sysray/unix per-call cost, measured in one run: getpid and a 4 KiB read, synchronous and async
 * (unix.async), beside Node's own fs.readSync and fs.read on the same fd. Each variant runs in
 * rounds, in turn, and the figure is the median round's nanoseconds per call; the ratios are to
 * fs.readSync measured in the same rounds.
 *   npm run bench:unix        (BENCH_RUNS=N rounds, default 7)
 */
import fs from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as unix from '../src/unix/index.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SYNC_N = 20_000;
const ASYNC_N = 2_000;

const dir = fs.mkdtempSync(join(os.tmpdir(), 'sysray-bench-unix-'));
const file = join(dir, 'data');
fs.writeFileSync(file, Buffer.alloc(1 << 20, 7));
const fd = fs.openSync(file, 'r');
const buf = Buffer.alloc(4096);
const fsRead = promisify(fs.read);

type Variant = { name: string; n: number; run: (n: number) => void | Promise<void> };

const variants: Variant[] = [
  { name: 'getpid, unix (sync)', n: SYNC_N, run: (n) => { for (let i = 0; i < n; i++) unix.getpid(); } },
  { name: 'getpid, process.pid (no syscall)', n: SYNC_N, run: (n) => { let s = 0; for (let i = 0; i < n; i++) s += process.pid; void s; } },
  { name: 'getpid, unix.async (pool)', n: ASYNC_N, run: async (n) => { for (let i = 0; i < n; i++) await unix.async.syscall('getpid'); } },
  { name: '4 KiB pread, unix (sync)', n: SYNC_N, run: (n) => { for (let i = 0; i < n; i++) unix.pread(fd, buf, (i & 255) * 4096); } },
  { name: '4 KiB read, fs.readSync', n: SYNC_N, run: (n) => { for (let i = 0; i < n; i++) fs.readSync(fd, buf, 0, 4096, (i & 255) * 4096); } },
  { name: '4 KiB read, unix.async.read (poll + read)', n: ASYNC_N, run: async (n) => { for (let i = 0; i < n; i++) { if ((i & 255) === 0) unix.lseek(fd, 0); await unix.async.read(fd, buf); } } },
  { name: '4 KiB pread, unix.async.pread (pool)', n: ASYNC_N, run: async (n) => { for (let i = 0; i < n; i++) await unix.async.pread(fd, buf, (i & 255) * 4096); } },
  { name: '4 KiB read, fs.read (pool)', n: ASYNC_N, run: async (n) => { for (let i = 0; i < n; i++) await fsRead(fd, buf, 0, 4096, (i & 255) * 4096); } },
];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
for (const v of variants) await v.run(Math.min(v.n, 500)); // warm-up: JIT, koffi declarations
for (let r = 0; r < RUNS; r++) {
  for (let j = 0; j < variants.length; j++) {
    const v = variants[(r + j) % variants.length]!;
    const t0 = process.hrtime.bigint();
    await v.run(v.n);
    samples.get(v.name)!.push(Number(process.hrtime.bigint() - t0) / v.n);
  }
}
const base = median(samples.get('4 KiB read, fs.readSync')!);
console.log(`sysray/unix per-call cost (${RUNS} rounds, median ns/call; ratio to fs.readSync of 4 KiB)`);
for (const v of variants) {
  const ns = median(samples.get(v.name)!);
  console.log(`${v.name.padEnd(44)} ${ns.toFixed(0).padStart(8)} ns   x${(ns / base).toFixed(2)}`);
}
fs.closeSync(fd);
fs.rmSync(dir, { recursive: true, force: true });
