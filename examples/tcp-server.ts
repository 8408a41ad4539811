/**
 * A one-connection TCP server with raw syscalls: listen on 127.0.0.1:8080 (or the port given as
 * the first argument), accept one connection, receive up to 8 bytes with recvmsg (and an 8-byte
 * control buffer), print them, close both sockets.
 *
 *   socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3
 *   bind(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
 *   listen(3, 0) = 0
 *   accept(3, NULL, NULL) = 4
 *   recvmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hello wo", iov_len=8}], ...}, 0) = 8
 *   close(4) = 0
 *   close(3) = 0
 *
 * Run: npm run example:tcp-server -- 9000   then, elsewhere: echo 'hello world!' | nc 127.0.0.1 9000
 * The calls are synchronous: accept and recvmsg block the whole Node thread while they wait.
 */
import * as unix from '../src/unix/index.js';

function step<T>(what: string, call: () => T): T {
  try {
    return call();
  } catch (err) {
    console.error(`${what} failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

const arg = process.argv[2];
const port = arg === undefined ? 8080 : Number(arg);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`usage: tcp-server [port]   (bad port: ${arg})`);
  process.exit(1);
}

const fd = step('socket', () => unix.socket(unix.AF_INET, unix.SOCK_STREAM, 0));
step('bind', () => unix.bind(fd, { family: 'inet', addr: '127.0.0.1', port }));
step('listen', () => unix.listen(fd, 0));
const conn = step('accept', () => unix.accept(fd));
const buf = Buffer.alloc(8);
const msg = step('recvmsg', () => unix.recvmsg(conn, [buf], { controlLen: 8 }));
process.stdout.write(Buffer.concat([Buffer.from('received bytes: '), buf.subarray(0, msg.bytes), Buffer.from('\n')]));
step('close', () => unix.close(conn));
step('close', () => unix.close(fd));
