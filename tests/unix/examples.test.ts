/**
 * The two sysray/unix examples: what they do, how they fail, and that sysray traces their own
 * syscalls exactly as strace does.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { ROOT, SYSRAY, STRACE, testEnv, normalise } from '../helpers/diff.js';

const WRITE_FILE = join(ROOT, 'dist', 'examples', 'write-file.js');
const TCP_SERVER = join(ROOT, 'dist', 'examples', 'tcp-server.js');
const NODE = process.execPath;

const work = fs.mkdtempSync(join(os.tmpdir(), 'sysray-examples-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));
let seq = 0;
const scratchDir = (): string => fs.mkdtempSync(join(work, `run${seq++}-`));

/** A TCP port on 127.0.0.1 that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Done {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Start `cmd` (the server, possibly under a tracer), connect to 127.0.0.1:port once it listens
 * (polling connect), send `payload`, and wait for the command to exit. Bounded by `timeoutMs`.
 */
async function runServer(cmd: string[], port: number, opts: { cwd?: string; env?: NodeJS.ProcessEnv; payload?: string; timeoutMs?: number } = {}): Promise<Done> {
  const child = spawn(cmd[0]!, cmd.slice(1), { cwd: opts.cwd ?? ROOT, env: opts.env ?? testEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '', stderr = '';
  child.stdout.setEncoding('latin1').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('latin1').on('data', (d: string) => (stderr += d));
  let exited = false;
  const done = new Promise<Done>((resolve) => child.on('close', (status, signal) => {
    exited = true;
    resolve({ status, signal, stdout, stderr });
  }));
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const deadline = Date.now() + timeoutMs;
    let sent = false;
    while (!sent && !exited && Date.now() < deadline) {
      sent = await new Promise<boolean>((resolve) => {
        const s = net.connect({ host: '127.0.0.1', port });
        let connected = false;
        s.on('connect', () => {
          connected = true;
          s.end(opts.payload ?? 'hello world!');
          resolve(true);
        });
        s.on('error', () => {
          if (!connected) resolve(false);
        });
        s.on('close', () => s.destroy());
      });
      if (!sent) await sleep(50);
    }
    return await done;
  } finally {
    clearTimeout(timer);
    if (!exited) child.kill('SIGKILL');
  }
}

/** The trace file `tool -o F` wrote, or '' if none. */
const readTrace = (f: string): string => (fs.existsSync(f) ? fs.readFileSync(f, 'latin1') : '');

/** One line per call, with the return column squeezed: `write(3, "x", 1) = 1`. */
const squeeze = (line: string): string => line.replace(/\s+= /, ' = ');

/** Index of the first line at or after `from` that starts with `prefix`. */
function find(lines: string[], prefix: string, from: number, what: string): number {
  const i = lines.findIndex((l, j) => j >= from && l.startsWith(prefix));
  assert.ok(i >= 0, `no ${what} line (${prefix}…) in the trace`);
  return i;
}

const retval = (line: string): string => /= (-?\d+)$/.exec(line)?.[1] ?? '?';

/** write-file's own lines: its openat of test.txt, the write of "hello world\n" to that fd, its close. */
function writeFileLines(trace: string): string[] {
  const lines = normalise(trace).split('\n');
  const o = find(lines, 'openat(AT_FDCWD, "test.txt"', 0, 'openat');
  const fd = retval(lines[o]!);
  const w = find(lines, `write(${fd}, "hello world\\n"`, o + 1, 'write');
  const c = find(lines, `close(${fd})`, w + 1, 'close');
  return [lines[o]!, lines[w]!, lines[c]!].map((l) => squeeze(l).replaceAll(`(${fd},`, '(FD,').replaceAll(`(${fd})`, '(FD)').replace(/= \d+$/, (m) => (m === `= ${fd}` ? '= FD' : m)));
}

/** tcp-server's own lines, socket .. close of the listening socket, fds and port as L, C, PORT. */
function serverLines(trace: string, port: number): string[] {
  const lines = normalise(trace).split('\n');
  const s = find(lines, 'socket(AF_INET, SOCK_STREAM', 0, 'socket');
  const l = retval(lines[s]!);
  const b = find(lines, `bind(${l}, `, s + 1, 'bind');
  const li = find(lines, `listen(${l}, `, b + 1, 'listen');
  const a = find(lines, `accept(${l}, `, li + 1, 'accept');
  const cfd = retval(lines[a]!);
  const r = find(lines, `recvmsg(${cfd}, `, a + 1, 'recvmsg');
  const cc = find(lines, `close(${cfd})`, r + 1, 'close of the connection');
  const cl = find(lines, `close(${l})`, cc + 1, 'close of the listener');
  return [s, b, li, a, r, cc, cl].map((i) =>
    squeeze(lines[i]!)
      .replace(new RegExp(`^(\\w+)\\(${l}([,)])`), '$1(L$2')
      .replace(new RegExp(`^(\\w+)\\(${cfd}([,)])`), '$1(C$2')
      .replace(`htons(${port})`, 'htons(PORT)')
      .replace(new RegExp(`= ${l}$`), '= L')
      .replace(new RegExp(`= ${cfd}$`), '= C'));
}

const WRITE_FILE_EXPECTED = [
  'openat(AT_FDCWD, "test.txt", O_WRONLY|O_CREAT, 0600) = FD',
  'write(FD, "hello world\\n", 12) = 12',
  'close(FD) = 0',
];

const SERVER_EXPECTED = [
  'socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = L',
  'bind(L, {sa_family=AF_INET, sin_port=htons(PORT), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
  'listen(L, 0) = 0',
  'accept(L, NULL, NULL) = C',
  'recvmsg(C, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hello wo", iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 8',
  'close(C) = 0',
  'close(L) = 0',
];

// ---------------------------------------------------------------- write-file

test('write-file creates test.txt, mode 0600, "hello world\\n"', () => {
  const dir = scratchDir();
  const r = spawnSync(NODE, [WRITE_FILE], { cwd: dir, env: testEnv(), encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, '');
  const p = join(dir, 'test.txt');
  assert.equal(fs.readFileSync(p, 'latin1'), 'hello world\n');
  assert.equal(fs.statSync(p).mode & 0o777, 0o600);
});

test('write-file reports which call failed', () => {
  const dir = scratchDir();
  fs.mkdirSync(join(dir, 'test.txt'));
  const r = spawnSync(NODE, [WRITE_FILE], { cwd: dir, env: testEnv(), encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 1);
  assert.equal(r.stderr, "open failed: EISDIR: is a directory, openat 'test.txt'\n");
});

test('write-file traced: sysray prints its syscalls as strace does', () => {
  const traces: Record<string, string[]> = {};
  for (const tool of [STRACE, SYSRAY]) {
    const dir = scratchDir();
    const out = join(dir, 'trace.out');
    const r = spawnSync(tool, ['-o', out, NODE, WRITE_FILE], { cwd: dir, env: testEnv(), encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, `${tool}: ${r.stderr}`);
    assert.equal(fs.readFileSync(join(dir, 'test.txt'), 'latin1'), 'hello world\n');
    traces[tool] = writeFileLines(readTrace(out));
  }
  assert.deepEqual(traces[STRACE], WRITE_FILE_EXPECTED, 'strace itself');
  assert.deepEqual(traces[SYSRAY], traces[STRACE]);
});

// ---------------------------------------------------------------- tcp-server

test('tcp-server receives 8 bytes and prints them', { timeout: 90_000 }, async () => {
  const port = await freePort();
  const r = await runServer([NODE, TCP_SERVER, String(port)], port);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'received bytes: hello wo\n');
  assert.equal(r.stderr, '');
});

test('tcp-server reports which call failed', { timeout: 60_000 }, async () => {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as net.AddressInfo;
  try {
    const r = spawnSync(NODE, [TCP_SERVER, String(port)], { env: testEnv(), encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'bind failed: EADDRINUSE: address already in use, bind\n');
  } finally {
    await new Promise((resolve) => srv.close(resolve));
  }
  const bad = spawnSync(NODE, [TCP_SERVER, 'http'], { env: testEnv(), encoding: 'utf8', timeout: 30_000 });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /bad port: http/);
});

test('npm run example:tcp-server -- PORT passes the port', { timeout: 90_000, skip: spawnSync('npm', ['--version']).status !== 0 && 'no npm' }, async () => {
  const port = await freePort();
  const r = await runServer(['npm', 'run', '--silent', 'example:tcp-server', '--', String(port)], port, { env: process.env });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'received bytes: hello wo\n');
});

test('tcp-server traced: sysray prints its syscalls as strace does', { timeout: 180_000 }, async () => {
  const traces: Record<string, string[]> = {};
  for (const tool of [STRACE, SYSRAY]) {
    const dir = scratchDir();
    const out = join(dir, 'trace.out');
    const port = await freePort();
    const r = await runServer([tool, '-o', out, NODE, TCP_SERVER, String(port)], port, { cwd: dir });
    assert.equal(r.status, 0, `${tool}: ${r.stderr}`);
    assert.equal(r.stdout, 'received bytes: hello wo\n');
    traces[tool] = serverLines(readTrace(out), port);
  }
  assert.deepEqual(traces[STRACE], SERVER_EXPECTED, 'strace itself');
  assert.deepEqual(traces[SYSRAY], traces[STRACE]);
});
