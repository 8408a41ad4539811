/**
 * A few unix.async calls for a tracer to watch (tests/unix/unix-async-trace.test.ts): a pool write and
 * nanosleep, a readiness read that finds its fd ready, and one that has to wait for a later write.
 */
import * as u from '../../src/unix/index.js';

const [r, w] = u.pipe2(u.O_CLOEXEC);
u.dup2(w, 150);
u.dup2(r, 151);
await u.async.write(150, 'async-write');
await u.async.nanosleep({ sec: 0, nsec: 1234 });
await u.async.read(151, Buffer.alloc(11));
const waiting = u.async.read(151, Buffer.alloc(4));
setTimeout(() => u.write(150, 'late'), 50);
await waiting;
