/** The tracer's own stdin and stdout once the command is started (strace's redirect_standard_fds). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { STRACE, SYSRAY, testEnv } from '../helpers/diff.js';
import { scratch } from '../helpers/fixtures.js';

/**
 * The command closes its stdin and stdout, then sleeps: the pipe it shared with the tracer as `fd`
 * must see its far end close now (a write fails with EPIPE, a read ends), not when the command ends.
 */
async function pipeCloses(tool: string, fd: 'stdin' | 'stdout'): Promise<boolean> {
  const marker = join(scratch(), 'closed');
  const p = spawn(tool, ['-qq', '-e', 'trace=none', 'sh', '-c', `exec <&- >&-; : > ${marker}; exec sleep 60`], { env: testEnv(), stdio: ['pipe', 'pipe', 'ignore'] });
  const exited = new Promise<boolean>((resolve) => p.on('exit', () => resolve(false)));
  const ended = new Promise<boolean>((resolve) => p.stdout.on('end', () => resolve(true)));
  p.stdout.resume();
  try {
    while (!existsSync(marker)) {
      if (p.exitCode !== null) throw new Error(`${tool} exited with ${p.exitCode}`);
      await sleep(20);
    }
    if (fd === 'stdout') return await Promise.race([ended, exited]);
    return await Promise.race([exited, new Promise<boolean>((resolve) => {
      p.stdin.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'EPIPE'));
      // keep writing until the pipe has no reader (it may take a little buffering)
      const feed = (): void => void p.stdin.write(Buffer.alloc(65536), (e) => !e && p.exitCode === null && setImmediate(feed));
      feed();
    })]);
  } finally {
    p.kill('SIGTERM');
  }
}

for (const fd of ['stdin', 'stdout'] as const) {
  test(`${fd} shared with the command closes with it, as strace lets it`, async () => {
    assert.equal(await pipeCloses(STRACE, fd), true, 'strace');
    assert.equal(await pipeCloses(SYSRAY, fd), true, 'sysray');
  });
}
