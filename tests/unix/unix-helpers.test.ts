/** sysray/unix's helpers that make no syscall, struct layouts from rows, and exec. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as unix from '../../src/unix/index.js';
import { ROOT } from '../helpers/diff.js';

test('device numbers: mkdev, major and minor agree with the kernel\'s st_rdev', () => {
  const st = unix.stat('/dev/null');
  assert.equal(unix.major(st.rdev), 1);
  assert.equal(unix.minor(st.rdev), 3);
  assert.equal(unix.mkdev(1, 3), st.rdev);
  // the large-number split: minor bits above 8 and major bits above 12
  const dev = unix.mkdev(0x12345, 0x6789a);
  assert.equal(unix.major(dev), 0x12345);
  assert.equal(unix.minor(dev), 0x6789a);
});

test('time conversions round-trip', () => {
  assert.deepEqual(unix.nsecToTimespec(1_500_000_007n), { sec: 1n, nsec: 500_000_007 });
  assert.equal(unix.timespecToNsec({ sec: 1, nsec: 500_000_007 }), 1_500_000_007n);
  assert.deepEqual(unix.nsecToTimeval(2_000_003_999n), { sec: 2n, usec: 3 });
  assert.equal(unix.timevalToNsec({ sec: 2, usec: 3 }), 2_000_003_000n);
  assert.deepEqual(unix.timeToTimespec(new Date(1234)), { sec: 1n, nsec: 234_000_000 });
  assert.deepEqual(unix.makeItimerval(1_000_002_000n, 3_000_000n), { intervalSec: 1n, intervalUsec: 2n, valueSec: 0n, valueUsec: 3000n });
  assert.equal(unix.fdToClockID(3), -29);
  assert.throws(() => unix.nanosleep({ sec: 0, nsec: 1e9 }), RangeError);
});

test('names of signals and errnos, page size from the auxiliary vector', () => {
  assert.equal(unix.signalName(15), 'SIGTERM');
  assert.equal(unix.signalNum('SIGKILL'), 9);
  assert.equal(unix.signalNum('SIGNOPE'), 0);
  assert.equal(unix.errnoName(2), 'ENOENT');
  assert.equal(unix.errnoName(9999), '');
  assert.equal(unix.getpagesize(), 4096);
  const at = new Map(unix.auxv());
  assert.equal(at.get(6 /* AT_PAGESZ */), 4096n);
  assert.equal(at.get(11 /* AT_UID */), BigInt(process.getuid!()));
});

test('struct layouts from rows: decode what encode wrote, reject what does not fit', () => {
  const L = unix.struct(16, { a: ['u8', 0], b: ['i32', 4], c: ['u64', 8] });
  const b = L.encode({ a: 255, b: -2, c: 1n << 63n });
  assert.equal(b.length, 16);
  assert.deepEqual(L.decode(b), { a: 255, b: -2, c: 1n << 63n });
  assert.throws(() => L.encode({ b: 1.5 }), TypeError);
  assert.throws(() => L.decode(Buffer.alloc(8)), RangeError);
  // the typed getters decode the same bytes the kernel returns
  const [s1, s2] = unix.socketpair(unix.AF_UNIX, unix.SOCK_STREAM | unix.SOCK_CLOEXEC, 0);
  const cred = unix.getsockoptUcred(s1, unix.SOL_SOCKET, unix.SO_PEERCRED);
  assert.deepEqual(cred, { pid: process.pid, uid: process.getuid!(), gid: process.getgid!() });
  unix.close(s1);
  unix.close(s2);
});

test('getdents64 lists a directory as entries; parseDirent reads getdents\' bytes', () => {
  const dir = fs.mkdtempSync(join(os.tmpdir(), 'sysray-dents-'));
  fs.writeFileSync(join(dir, 'a-file'), '');
  fs.mkdirSync(join(dir, 'a-dir'));
  const fd = unix.open(dir, unix.O_RDONLY | unix.O_DIRECTORY | unix.O_CLOEXEC);
  try {
    const names = new Map(unix.getdents64(fd).map((e) => [e.name, e.type]));
    assert.equal(names.get('a-file'), unix.DT_REG);
    assert.equal(names.get('a-dir'), unix.DT_DIR);
    assert.equal(names.get('.'), unix.DT_DIR);
    assert.deepEqual(unix.getdents64(fd), [], 'the end of the directory');
    unix.lseek(fd, 0);
    const buf = Buffer.alloc(4096);
    assert.equal(unix.parseDirent(buf, unix.getdents(fd, buf)).length, 4);
  } finally {
    unix.close(fd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('mmap gives a Buffer over the mapping itself: a MAP_SHARED write lands in the file', () => {
  const dir = fs.mkdtempSync(join(os.tmpdir(), 'sysray-mmap-'));
  const file = join(dir, 'm');
  fs.writeFileSync(file, Buffer.alloc(4096));
  const fd = unix.open(file, unix.O_RDWR | unix.O_CLOEXEC);
  try {
    const m = unix.mmap(fd, 0, 4096, unix.PROT_READ | unix.PROT_WRITE, unix.MAP_SHARED);
    m.write('mapped', 0);
    unix.msync(m, unix.MS_SYNC);
    unix.munmap(m);
    assert.equal(fs.readFileSync(file).toString('utf8', 0, 6), 'mapped');
    const grown = unix.mremap(unix.mmap(-1, 0, 4096, unix.PROT_READ | unix.PROT_WRITE, unix.MAP_PRIVATE | unix.MAP_ANONYMOUS), 8192, unix.MREMAP_MAYMOVE);
    assert.equal(grown.length, 8192);
    grown[8191] = 1;
    unix.munmap(grown);
  } finally {
    unix.close(fd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('exec replaces the Node process with the program', () => {
  const mod = pathToFileURL(join(ROOT, 'dist', 'src', 'unix', 'index.js')).href;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e',
    `import * as u from '${mod}'; for (const fd of [1, 2]) u.fcntlInt(fd, u.F_SETFD, 0); u.exec('/bin/sh', ['sh', '-c', 'echo "$0 $X"', 'replaced'], ['X=yes']);`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'replaced yes\n');
  const bad = spawnSync(process.execPath, ['--input-type=module', '-e',
    `import * as u from '${mod}'; try { u.exec('/nonexistent', ['x'], []); } catch (e) { console.log(e.code, e.syscall); }`], { encoding: 'utf8' });
  assert.equal(bad.stdout, 'ENOENT execve\n');
});
