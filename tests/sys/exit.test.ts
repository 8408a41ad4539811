/** src/sys/exit.ts: the helper that frees sysray's memory after sysray has exited. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, SYSRAY, testEnv } from '../helpers/diff.js';

const exitJs = pathToFileURL(join(ROOT, 'dist', 'src', 'sys', 'exit.js')).href;

/** Wait (polling, up to 5 s) until `pid` is gone. */
function gone(pid: number): boolean {
  const until = Date.now() + 5000;
  while (Date.now() < until) {
    if (!existsSync(`/proc/${pid}`)) return true;
    try {
      // a zombie counts as gone (its memory is freed); it waits for init to reap it
      if (/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'))) return true;
    } catch {
      return true;
    }
    spawnSync('sleep', ['0.05']);
  }
  return false;
}

test('the helper shares the memory, holds only its pipe, and goes when the process has gone', { skip: process.arch !== 'x64' }, () => {
  const script = `
    const { startMemoryHolder } = await import(${JSON.stringify(exitJs)});
    const fs = await import('node:fs');
    const pid = startMemoryHolder();
    const status = fs.readFileSync('/proc/' + pid + '/status', 'utf8');
    const fds = fs.readdirSync('/proc/' + pid + '/fd').map((f) => fs.readlinkSync('/proc/' + pid + '/fd/' + f));
    const same = fs.readlinkSync('/proc/' + pid + '/exe') === fs.readlinkSync('/proc/self/exe');
    console.log(JSON.stringify({ pid, ppid: Number(/PPid:\\s+(\\d+)/.exec(status)[1]), self: process.pid, fds, same,
      blocked: /SigBlk:\\s+([0-9a-f]+)/.exec(status)[1] }));
    (await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'src', 'sys', 'libc.js')).href)})).raw._exit(3);
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: testEnv() });
  assert.equal(r.status, 3, r.stderr);
  const info = JSON.parse(r.stdout) as { pid: number; ppid: number; self: number; fds: string[]; same: boolean; blocked: string };
  assert.ok(info.pid > 0, 'helper started');
  assert.equal(info.ppid, info.self);
  assert.ok(info.same, 'same program image');
  assert.equal(info.fds.length, 1, `fds: ${info.fds.join(' ')}`);
  assert.match(info.fds[0]!, /^pipe:/);
  // every signal the kernel lets one block (not KILL or STOP; glibc keeps its two internal ones)
  const blocked = BigInt('0x' + info.blocked);
  for (const sig of [1, 2, 3, 10, 12, 13, 14, 15, 17, 28]) assert.ok(blocked & (1n << BigInt(sig - 1)), `signal ${sig} not blocked`);
  assert.ok(gone(info.pid), 'the helper outlived its process');
});

test('sysray leaves no helper behind, and its exit status and output are whole', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'sysray-exit-')), 'trace');
  const r = spawnSync(SYSRAY, ['-e', 'trace=write', '-o', out, 'sh', '-c', 'echo x; exit 9'], { encoding: 'utf8', env: testEnv() });
  assert.equal(r.status, 9, r.stderr);
  assert.equal(r.stdout, 'x\n');
  const trace = readFileSync(out, 'utf8');
  assert.match(trace, /write\(1, "x\\n", 2\)/);
  assert.match(trace, /\+\+\+ exited with 9 \+\+\+\n$/);
  // no process is left running sysray's boot script with these arguments
  const until = Date.now() + 5000;
  let left: string[] = [];
  do {
    left = spawnSync('pgrep', ['-f', `boot.cjs -e trace=write -o ${out} sh -c echo x; exit 9`], { encoding: 'utf8' })
      .stdout.split('\n').filter(Boolean);
    if (!left.length) break;
    spawnSync('sleep', ['0.05']);
  } while (Date.now() < until);
  assert.deepEqual(left, []);
});
