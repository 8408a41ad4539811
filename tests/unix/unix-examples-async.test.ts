/** examples/tcp-server-async.ts: several clients served at once, each echoed while the others wait. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../helpers/diff.js';

const SERVER = join(ROOT, 'dist', 'examples', 'tcp-server-async.js');

/** Connect, send `text`, and resolve with the first reply; the socket stays open. */
function ask(port: number, text: string): Promise<{ socket: net.Socket; reply: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    socket.once('data', (d) => resolve({ socket, reply: d.toString() }));
    socket.once('error', reject);
  });
}

test('tcp-server-async serves three clients concurrently', { timeout: 60_000 }, async () => {
  const child = spawn(process.execPath, [SERVER, '0', '3'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // all three stay connected while each gets its answer: a one-client server would answer only the first
  const a = await ask(port, 'one');
  const b = await ask(port, 'two');
  const c = await ask(port, 'three');
  assert.deepEqual([a.reply, b.reply, c.reply], ['received bytes: one', 'received bytes: two', 'received bytes: three']);
  const again = new Promise<string>((resolve) => a.socket.once('data', (d) => resolve(d.toString())));
  a.socket.write('again');
  assert.equal(await again, 'received bytes: again');
  for (const s of [a, b, c]) s.socket.end();
  assert.equal(await exited, 0, err);
  assert.match(out, /client 1: 127\.0\.0\.1:\d+\nclient 2: .*\nclient 3: /);
});
