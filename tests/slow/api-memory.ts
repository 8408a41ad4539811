/**
 * Backpressure keeps memory bounded: a consumer that takes 1 ms per event, on a command making
 * 200,000 syscalls, peaks within 20 MiB of the RSS of a consumer that keeps up. Each consumer runs
 * in a process of its own (peak RSS is per process). Minutes long: `npm run test:slow`, not CI.
 * SYSRAY_MEMORY_CALLS=N changes the number of syscalls.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixture, scratch } from '../helpers/fixtures.js';

const CALLS = Number(process.env.SYSRAY_MEMORY_CALLS ?? 200_000);
const API = join(fileURLToPath(import.meta.url), '../../../src/api/index.js');

/** A consumer of the command's trace, pausing `ms` per event; prints its event count and peak RSS. */
const consumer = (command: string[], ms: number): string => `
import { trace } from ${JSON.stringify(API)};
const t = trace(${JSON.stringify(command)}, { stdio: 'ignore' });
let n = 0;
for await (const ev of t) {
  if (ev.type === 'syscall') n++;
  ${ms ? `await new Promise((r) => setTimeout(r, ${ms}));` : ''}
}
console.log(JSON.stringify({ n, exit: await t.exit, maxRssKiB: process.resourceUsage().maxRSS }));
`;

test(`a consumer taking 1 ms per event stays within 20 MiB of a fast one (${CALLS} syscalls)`, () => {
  const dir = scratch();
  const command = [fixture('writeloop'), String(CALLS)];
  const run = (ms: number): { n: number; exit: unknown; maxRssKiB: number } => {
    const file = join(dir, `consumer-${ms}.mjs`);
    writeFileSync(file, consumer(command, ms));
    return JSON.parse(execFileSync('node', [file], { encoding: 'utf8', maxBuffer: 1 << 20 })) as { n: number; exit: unknown; maxRssKiB: number };
  };
  const fast = run(0);
  const slow = run(1);
  const mib = (k: number): string => (k / 1024).toFixed(1);
  console.log(`peak RSS: fast consumer ${mib(fast.maxRssKiB)} MiB, slow (1 ms/event) ${mib(slow.maxRssKiB)} MiB, ${fast.n} syscalls`);
  // writeloop's own calls, and the loader's before them
  assert.ok(fast.n >= CALLS && slow.n === fast.n, `${fast.n} and ${slow.n} syscalls`);
  assert.deepEqual([fast.exit, slow.exit], [{ code: 0 }, { code: 0 }]);
  assert.ok(slow.maxRssKiB - fast.maxRssKiB <= 20 * 1024, `slow ${mib(slow.maxRssKiB)} MiB vs fast ${mib(fast.maxRssKiB)} MiB`);
});
