/**
 * Runs the rows of unix-cases.ts against the real kernel, each between two markers a tracer shows
 * (`write(-1, "@case NAME", …)` and `write(-1, "@end NAME", …)`, both EBADF), in the directory given
 * as argv[2]. Prints one JSON line: which rows ran and which threw (rows that expect a failure
 * catch it themselves).
 */
import * as u from '../../src/unix/index.js';
import { CASES, D, EP, EV, F, G, L, PR, PW, QR, QW, S1, S2, U } from './unix-cases.js';

const dir = process.argv[2]!;
u.chdir(dir);
// the rows marked root need CAP_SYS_ADMIN and friends, which root in a container may lack
const root = u.geteuid() === 0 && (u.capget(0).effective & (1n << 21n)) !== 0n;

/** Put `fd` at `at` and close the original. */
function place(fd: number, at: number): void {
  u.dup2(fd, at);
  u.close(fd);
}

place(u.open('f1', u.O_CREAT | u.O_RDWR, 0o644), F);
u.write(F, Buffer.alloc(8192, 0x61));
u.lseek(F, 0, u.SEEK_SET);
place(u.open('.', u.O_RDONLY | u.O_DIRECTORY), D);
const [pr, pw] = u.pipe();
place(pr, PR);
place(pw, PW);
u.write(PW, Buffer.alloc(4096, 0x62));
const l = u.socket(u.AF_INET, u.SOCK_STREAM, 0);
u.bind(l, { family: 'inet', addr: '127.0.0.1', port: 0 });
place(l, L);
u.listen(L, 8);
const [s1, s2] = u.socketpair(u.AF_UNIX, u.SOCK_STREAM, 0);
place(s1, S1);
place(s2, S2);
const udp = u.socket(u.AF_INET, u.SOCK_DGRAM, 0);
u.bind(udp, { family: 'inet', addr: '127.0.0.1', port: 0 });
place(udp, U);
place(u.epoll_create1(0), EP);
place(u.eventfd(1, 0), EV);
place(u.open('f2', u.O_CREAT | u.O_RDWR | u.O_TRUNC, 0o644), G);
const [qr, qw] = u.pipe();
place(qr, QR);
place(qw, QW);
const ctx = { map: u.mmap(-1, 0, 16384, u.PROT_READ | u.PROT_WRITE, u.MAP_PRIVATE | u.MAP_ANONYMOUS), pid: process.pid, root };

const marker = (text: string): void => {
  const b = Buffer.from(text);
  try {
    u.syscall('write', -1, u.addressOf(b), b.length);
  } catch {
    // EBADF: the marker is the syscall itself
  }
};

const ran: string[] = [];
const threw: Record<string, string> = {};
for (const k of CASES) {
  if (k.root && !root) continue;
  marker(`@case ${k.name}`);
  try {
    k.call(u, ctx);
  } catch (err) {
    threw[k.name] = err instanceof Error ? err.message : String(err);
  }
  marker(`@end ${k.name}`);
  ran.push(k.name);
}
process.stdout.write(`${JSON.stringify({ ran, threw })}\n`);
