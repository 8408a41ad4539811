/** unix.async against the real kernel: calls that wait leave the event loop running, and abort. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as unix from '../../src/unix/index.js';

/** A listening TCP socket on 127.0.0.1 and its port. */
function listener(): { fd: number; port: number } {
  const fd = unix.socket(unix.AF_INET, unix.SOCK_STREAM | unix.SOCK_CLOEXEC, 0);
  unix.setsockopt(fd, unix.SOL_SOCKET, unix.SO_REUSEADDR, true);
  unix.bind(fd, { family: 'inet', addr: '127.0.0.1', port: 0 });
  unix.listen(fd, 128);
  const a = unix.getsockname(fd);
  assert.equal(a.family, 'inet');
  return { fd, port: (a as unix.SockAddrInet).port };
}

test('100 concurrent accept/read/epoll_wait waits leave a 1 ms timer ticking, then all complete', async () => {
  const l = listener();
  const pipes = Array.from({ length: 34 }, () => unix.pipe2(unix.O_CLOEXEC));
  const eps = Array.from({ length: 33 }, () => {
    const ep = unix.epoll_create1(unix.EPOLL_CLOEXEC);
    const ev = unix.eventfd(0, unix.EFD_CLOEXEC);
    unix.epoll_ctl(ep, unix.EPOLL_CTL_ADD, ev, { events: unix.EPOLLIN });
    return { ep, ev };
  });
  const waits: Promise<unknown>[] = [
    ...Array.from({ length: 33 }, () => unix.async.accept(l.fd)),
    ...pipes.map(([r]) => unix.async.read(r, Buffer.alloc(8))),
    ...eps.map(({ ep }) => unix.async.epoll_wait(ep, 1, -1)),
  ];
  assert.equal(waits.length, 100);
  let done = 0;
  for (const w of waits) void w.then(() => done++);

  // the timer's rhythm while everything waits: the largest gap between ticks
  const ticks: number[] = [];
  await new Promise<void>((resolve) => {
    const t = setInterval(() => {
      ticks.push(performance.now());
      if (ticks.length === 200) {
        clearInterval(t);
        resolve();
      }
    }, 1);
  });
  const gaps = ticks.slice(1).map((v, i) => v - ticks[i]!);
  const worst = Math.max(...gaps);
  assert.equal(done, 0, 'nothing was ready, so nothing completed');
  assert.equal(unix.async.pendingWaits(), 100);
  // a frozen loop would show one gap as long as the whole wait; a loaded 2-core machine a few ms
  assert.ok(worst < 100, `the loop stalled: largest gap between 1 ms ticks ${worst.toFixed(1)} ms`);

  // now make everything ready: 33 connections, 34 pipe writes, 33 eventfd writes
  const clients = Array.from({ length: 33 }, () => {
    const c = unix.socket(unix.AF_INET, unix.SOCK_STREAM | unix.SOCK_CLOEXEC, 0);
    unix.connect(c, { family: 'inet', addr: '127.0.0.1', port: l.port });
    return c;
  });
  for (const [, w] of pipes) unix.write(w, 'x');
  const one = Buffer.alloc(8);
  one.writeBigUInt64LE(1n);
  for (const { ev } of eps) unix.write(ev, one);
  const results = await Promise.all(waits);
  assert.equal(done, 100);
  const accepted = results.slice(0, 33) as number[];
  assert.equal(new Set(accepted).size, 33, 'each accept got its own connection');
  assert.deepEqual(results.slice(33, 67), new Array(34).fill(1));
  for (const r of results.slice(67)) assert.equal((r as unix.EpollEvent[]).length, 1);
  for (const fd of [...accepted, ...clients, l.fd, ...pipes.flat(), ...eps.flatMap((e) => [e.ep, e.ev])]) unix.close(fd);
  assert.equal(unix.async.pendingWaits(), 0);
});

test('an aborted wait rejects with the signal\'s reason and makes no call', async () => {
  const [r, w] = unix.pipe2(unix.O_CLOEXEC);
  const ac = new AbortController();
  const p = unix.async.read(r, Buffer.alloc(4), undefined, { signal: ac.signal });
  setTimeout(() => ac.abort(new Error('enough')), 10);
  await assert.rejects(p, /enough/);
  assert.equal(unix.async.pendingWaits(), 0);
  // already aborted: rejects at once
  await assert.rejects(unix.async.accept(r, { signal: AbortSignal.abort() }), { name: 'AbortError' });
  // the pipe is untouched: a later read gets the byte
  unix.write(w, 'z');
  const b = Buffer.alloc(4);
  assert.equal(await unix.async.read(r, b), 1);
  assert.equal(b.toString('utf8', 0, 1), 'z');
  unix.close(r);
  unix.close(w);
});

test('pool calls: same checks and errors as the synchronous forms, results as promises', async () => {
  assert.equal(await unix.async.syscall('getpid'), process.pid);
  await assert.rejects(unix.async.write(closedFd(), 'x'), { code: 'EBADF', syscall: 'write' });
  await assert.rejects(unix.async.open('/nonexistent/x'), { code: 'ENOENT', syscall: 'openat', path: '/nonexistent/x' });
  await assert.rejects(unix.async.write(-1, 'x'), RangeError);
  const t0 = performance.now();
  await unix.async.nanosleep({ sec: 0, nsec: 20_000_000 });
  assert.ok(performance.now() - t0 >= 15, 'nanosleep slept');
  const [r, w] = unix.pipe2(unix.O_CLOEXEC);
  assert.equal(await unix.async.write(w, 'hello'), 5);
  const p: unix.PollFd[] = [{ fd: r, events: unix.POLLIN }];
  assert.equal(await unix.async.poll(p, -1), 1);
  assert.equal(p[0]!.revents, unix.POLLIN);
  const set = new unix.FdSet();
  set.set(r);
  assert.equal(await unix.async.select(r + 1, set, null, null, null), 1);
  assert.ok(set.isSet(r));
  const q: unix.PollFd[] = [{ fd: r, events: unix.POLLIN }];
  assert.equal(await unix.async.ppoll(q, null), 1);
  assert.equal(q[0]!.revents, unix.POLLIN);
  assert.equal(await unix.async.getrandom(Buffer.alloc(8)), 8);
  const st = await unix.async.wait4(-1, unix.WNOHANG).catch((e: unix.SyscallError) => e.code);
  assert.ok(st === 'ECHILD' || typeof st === 'object');
  unix.close(r);
  unix.close(w);
});

function closedFd(): number {
  const fd = unix.open('/dev/null');
  unix.close(fd);
  return fd;
}
