/**
 * How the command starts: the scripts of the bundle, and when the decoders (in parts) load. Checked from outside, with strace watching sysray's own Node (sysray's tracee is not
 * strace's: without -f strace follows only sysray).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, STRACE, SYSRAY, testEnv } from '../helpers/diff.js';

/** sysray's own syscalls (openat, ptrace, kill) while it traces `args`. */
function watch(args: string[]): string[] {
  const out = join(mkdtempSync(join(tmpdir(), 'sysray-startup-')), 'trace');
  const r = spawnSync(STRACE, ['-o', out, '-e', 'trace=openat,ptrace,kill', SYSRAY, ...args], { encoding: 'utf8', env: testEnv(), timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  return readFileSync(out, 'utf8').split('\n');
}

const at = (lines: string[], re: RegExp): number => lines.findIndex((l) => re.test(l));

const dist = (f: string): string => readFileSync(join(ROOT, 'dist', f), 'latin1');
/** The decoder parts sysray opened, in order. */
const partsLoaded = (lines: string[]): string[] =>
  lines.flatMap((l) => /openat\(.*dist\/decoders-([a-z]+)\.cjs"/.exec(l)?.[1] ?? []);

test('the decoders are scripts of their own, in parts, apart from the command line and tracer', () => {
  const first = dist('sysray.cjs');
  const parts = readdirSync(join(ROOT, 'dist')).filter((f) => /^decoders-[a-z]+\.cjs$/.test(f));
  assert.ok(parts.length >= 5, parts.join(' '));
  const all = parts.map(dist).join('\n');
  // decoder tables (an ioctl name, a socket option) only in the parts; the usage text only in the first
  assert.ok(dist('decoders-ioctl.cjs').includes('FIBMAP'));
  for (const s of ['FIBMAP', 'SO_REUSEADDR']) {
    assert.ok(all.includes(s), s);
    assert.ok(!first.includes(s), s);
  }
  assert.ok(first.includes('--seccomp-bpf') && !all.includes('--seccomp-bpf'));
  assert.ok(all.length > first.length * 2, 'the decoders are most of the code');
  // a module is in one script only: the family that prints FIBMAP is not also in the network part
  assert.ok(!dist('decoders-net.cjs').includes('FIBMAP'));
});

test('under a seccomp filter the decoders load only when a syscall is shown, and only the parts it needs', () => {
  // nothing shown: never loaded
  const quiet = watch(['-f', '-e', 'trace=%network', '-o', '/dev/null', 'true']);
  assert.ok(at(quiet, /PTRACE_CONT/) >= 0, quiet.join('\n')); // the command ran
  assert.deepEqual(partsLoaded(quiet), [], 'decoders loaded with nothing to decode');
  // one socket() call: loaded at its seccomp stop, after the command had run on its own (started
  // by the launcher, or by Node)
  const lines = watch(['-f', '-e', 'trace=%network', '-o', '/dev/null', 'python3', '-c', 'import socket; socket.socket().close()']);
  const ran = at(lines, /PTRACE_CONT/);
  const stop = at(lines, /PTRACE_GET_SYSCALL_INFO.*op=PTRACE_SYSCALL_INFO_SECCOMP/);
  const load = at(lines, /openat\(.*dist\/decoders-[a-z]+\.cjs"/);
  assert.ok(ran >= 0 && stop > ran && load > stop, lines.join('\n'));
  // the network family and the base it builds on; not the ioctl, misc, file or process families
  const parts = partsLoaded(lines);
  assert.deepEqual([...parts].sort(), ['base', 'net'], parts.join(' '));
  // -e trace=openat: the file family, not the network one
  const open = partsLoaded(watch(['-e', 'trace=openat', '-o', '/dev/null', 'true']));
  assert.ok(open.includes('file') && !open.includes('net') && !open.includes('desc'), open.join(' '));
  // a full trace of a program with no socket and no ioctl: neither the network family nor the
  // ioctl tables (the largest part); an ioctl brings in its family
  const all = partsLoaded(watch(['-o', '/dev/null', 'true']));
  assert.ok(all.includes('desc') && all.includes('process') && all.includes('file'), all.join(' '));
  for (const p of ['net', 'ioctl']) assert.ok(!all.includes(p), `${p} loaded for true: ${all.join(' ')}`);
  const tty = partsLoaded(watch(['-e', 'trace=ioctl', '-o', '/dev/null', 'python3', '-c', 'import contextlib, fcntl\nwith contextlib.suppress(OSError): fcntl.ioctl(1, 0x5401, bytes(60))']));
  assert.ok(tty.includes('ioctl'), tty.join(' '));
  // a terminal request does not bring in the network part; a socket's request does, as it is
  // decoded, and prints as strace prints it
  assert.ok(!tty.includes('net'), tty.join(' '));
  const dir = mkdtempSync(join(tmpdir(), 'sysray-startup-'));
  const sockIoctl = 'import socket, fcntl, struct, contextlib\ns = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n' +
    'with contextlib.suppress(OSError): fcntl.ioctl(s.fileno(), 0x8933, struct.pack("16sI", b"lo", 0) + bytes(20))';
  const ours = join(dir, 'sysray'), theirs = join(dir, 'strace');
  const sock = partsLoaded(watch(['-e', 'trace=ioctl', '-o', ours, 'python3', '-c', sockIoctl]));
  assert.ok(sock.includes('ioctl') && sock.includes('net'), sock.join(' '));
  assert.equal(spawnSync(STRACE, ['-e', 'trace=ioctl', '-o', theirs, 'python3', '-c', sockIoctl], { env: testEnv() }).status, 0);
  const siocgifindex = (f: string): string[] => readFileSync(f, 'utf8').split('\n').filter((l) => l.includes('SIOCGIFINDEX'));
  assert.deepEqual(siocgifindex(ours), siocgifindex(theirs));
  assert.equal(siocgifindex(ours).length, 1, readFileSync(ours, 'utf8'));
});

test('-o: buffered lines reach the file while the command blocks; the flush tick stops when idle', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sysray-tick-'));
  const out = join(dir, 'trace');
  const straced = join(dir, 'sysray-syscalls');
  // strace watches sysray's own setitimer calls and SIGALRMs while the command blocks reading its
  // stdin, until the test lets it go: a wait of the test's choosing, not a sleep's length
  const p = spawn(STRACE, ['-o', straced, '-e', 'trace=setitimer', SYSRAY, '-o', out, 'sh', '-c', 'echo hi >/dev/null; read x'], { env: testEnv(), stdio: ['pipe', 'ignore', 'ignore'] });
  const exited = new Promise((r) => p.on('exit', r));
  const read = (f: string): string => (existsSync(f) ? readFileSync(f, 'utf8') : '');
  const until = async (ok: () => boolean): Promise<void> => {
    for (let i = 0; i < 1500 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
  };
  await until(() => /\nread\(0/.test(read(out)));
  const early = read(out);
  assert.match(early, /^execve\("\/usr\/bin\/sh"/, 'nothing written while the command blocks');
  assert.match(early, /write\(1, "hi\\n", 3\)[^]*\nread\(0/);
  // no stops while the command blocks: the tick's timer is disarmed (its last setitimer zeroes it)
  const timers = (): string[] => read(straced).split('\n').filter((l) => l.startsWith('setitimer('));
  await until(() => /it_value=\{tv_sec=0, tv_usec=0\}/.test(timers().at(-1) ?? ''));
  assert.match(timers().at(-1) ?? '', /it_value=\{tv_sec=0, tv_usec=0\}/, `the tick goes on while the command blocks:\n${read(straced)}`);
  p.stdin!.end('\n');
  assert.equal(await exited, 0);
  const alarms = read(straced).split('\n').filter((l) => /--- SIGALRM/.test(l)).length;
  assert.ok(alarms >= 1, 'the tick flushed');
  assert.match(read(out), /\+\+\+ exited with 0 \+\+\+\n$/);
});

test('without a filter the decoders load for the first line, and the output is whole', () => {
  const lines = watch(['-o', '/dev/null', 'true']);
  const load = at(lines, /openat\(.*dist\/decoders-[a-z]+\.cjs"/);
  const first = at(lines, /PTRACE_GET_SYSCALL_INFO/);
  assert.ok(load > first && first >= 0, 'decoded before it had the decoders?');
  const r = spawnSync(SYSRAY, ['-e', 'trace=execve', 'true'], { encoding: 'utf8', env: testEnv() });
  assert.match(r.stderr, /^execve\("\/usr\/bin\/true", \["true"\], 0x[0-9a-f]+ \/\* \d+ vars \*\/\) = 0\n/);
});
