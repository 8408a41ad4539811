/**
 * The TCP server with unix.async: listen on 127.0.0.1:8080 (or the port given as the first
 * argument) and serve clients concurrently: each connection's bytes are echoed back with a
 * `received bytes: ` prefix per read, until the client closes. The accept and read waits run off
 * the event loop, so a timer keeps ticking meanwhile. With a second argument N, the server exits
 * after serving N clients.
 *
 * Run: npm run example:tcp-server-async -- 9000   then, from several terminals: nc 127.0.0.1 9000
 */
import * as unix from '../src/unix/index.js';

const arg = process.argv[2];
const port = arg === undefined ? 8080 : Number(arg);
const limit = process.argv[3] === undefined ? Infinity : Number(process.argv[3]);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !(limit > 0)) {
  console.error(`usage: tcp-server-async [port [clients]]   (bad arguments: ${process.argv.slice(2).join(' ')})`);
  process.exit(1);
}

/** Echo one client's data back, prefixed, until it closes its end. */
async function serve(conn: number, peer: string): Promise<void> {
  const buf = Buffer.alloc(4096);
  try {
    for (;;) {
      const n = await unix.async.read(conn, buf);
      if (n === 0) break;
      await unix.async.write(conn, Buffer.concat([Buffer.from('received bytes: '), buf.subarray(0, n)]));
    }
  } catch (err) {
    console.error(`${peer}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    unix.close(conn);
  }
}

let fd: number;
try {
  fd = unix.socket(unix.AF_INET, unix.SOCK_STREAM | unix.SOCK_CLOEXEC, 0);
  unix.setsockopt(fd, unix.SOL_SOCKET, unix.SO_REUSEADDR, true);
  unix.bind(fd, { family: 'inet', addr: '127.0.0.1', port });
  unix.listen(fd, 128);
} catch (err) {
  console.error(`listen failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
const bound = unix.getsockname(fd);
console.log(`listening on 127.0.0.1:${bound.family === 'inet' ? bound.port : port}`);

const sessions: Promise<void>[] = [];
for (let served = 0; served < limit; served++) {
  const { fd: conn, peer } = await unix.async.acceptPeer(fd, unix.SOCK_CLOEXEC);
  const who = peer.family === 'inet' ? `${peer.addr}:${peer.port}` : peer.family;
  console.log(`client ${served + 1}: ${who}`);
  sessions.push(serve(conn, who));
}
await Promise.all(sessions);
unix.close(fd);
