/** sysray/unix against the real kernel: every wrapper, success and failure, and argument checks. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as unix from '../../src/unix/index.js';
import { koffiLoadedFrom, raw } from '../../src/sys/libc.js';
import {
  AT_FLAGS, FCNTL_CMDS, IPPROTO, MSG_FLAGS, OPEN_ACCMODE, OPEN_FLAGS, SEEK_WHENCE, SOCK_TYPE_FLAGS, SOCKET_FAMILIES,
  SOCKET_TYPES, SOCKOPT_LEVELS, SOL_SOCKET_OPTIONS,
} from '../../src/decode/xlat/tables.js';
import { xlat } from '../../src/decode/xlat/core.js';
import { ROOT } from '../helpers/diff.js';

const tmp = fs.mkdtempSync(join(os.tmpdir(), 'sysray-unix-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Assert `fn` throws a SyscallError with this code (and syscall, if given). */
function throwsErrno(fn: () => unknown, code: string, syscall?: string): unix.SyscallError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof unix.SyscallError, `expected SyscallError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  assert.equal(caught.errno, unix.errnos[code]);
  if (syscall) assert.equal(caught.syscall, syscall);
  return caught;
}

/** A closed fd: any call that reached the kernel with it would fail with EBADF. */
function closedFd(): number {
  const fd = unix.open('/dev/null');
  unix.close(fd);
  return fd;
}

// ---------------------------------------------------------------- constants

test("koffi's prebuilt binary is loaded directly (the short start-up path), and works", () => {
  assert.equal(koffiLoadedFrom, 'prebuilt');
  assert.equal(raw.getpid(), process.pid);
  // the functions are declared on first use, once
  assert.equal(raw.getpid, raw.getpid);
});

test('constants come from the xlat tables', () => {
  const ns = unix as unknown as Record<string, unknown>;
  const pre = /^(O|AF|SOCK|MSG|SOL|SO|SEEK|AT|F|IPPROTO|SHUT|STATX|S|TCP|SCM|FD|R|W|X)_/;
  let n = 0;
  for (const [name, v] of Object.entries(ns)) {
    if (typeof v !== 'number' || !pre.test(name)) continue;
    assert.equal(unix.constants[name], v, name);
    n++;
  }
  assert.ok(n > 200, `${n} named constants`);
  for (const t of [OPEN_ACCMODE, OPEN_FLAGS, AT_FLAGS, FCNTL_CMDS, SEEK_WHENCE, SOCKET_FAMILIES, SOCKET_TYPES, SOCK_TYPE_FLAGS, IPPROTO, MSG_FLAGS, SOCKOPT_LEVELS, SOL_SOCKET_OPTIONS]) {
    for (const [v, name] of t.pairs) assert.equal(unix.constants[name], Number(v), name);
  }
  assert.equal(unix.O_CREAT, 0x40);
  assert.equal(unix.O_WRONLY, 1);
  assert.equal(unix.O_CLOEXEC, 0x80000);
  assert.equal(unix.AF_INET, 2);
  assert.equal(unix.AF_INET6, 10);
  assert.equal(unix.AF_UNIX, 1);
  assert.equal(unix.SOCK_STREAM, 1);
  assert.equal(unix.SOCK_NONBLOCK, 0x800);
  assert.equal(unix.SOL_SOCKET, 1);
  assert.equal(unix.SO_REUSEADDR, 2);
  assert.equal(unix.SO_RCVTIMEO, 20);
  assert.equal(unix.AT_FDCWD, -100);
  assert.equal(unix.AT_REMOVEDIR, 0x200);
  assert.equal(unix.F_GETFL, 3);
  assert.equal(unix.SEEK_END, 2);
  assert.equal(unix.IPPROTO_TCP, 6);
  assert.equal(unix.MSG_DONTWAIT, 0x40);
  assert.equal(unix.SCM_RIGHTS, 1);
  assert.equal(unix.S_IFMT, 0o170000);
  assert.equal(unix.ENOENT, 2);
  assert.equal(unix.EWOULDBLOCK, unix.EAGAIN);
});

test('constantsFrom: name → value from table pairs, conflicts rejected', () => {
  assert.deepEqual({ ...unix.constantsFrom(xlat([[1, 'A'], [2, 'B']]), xlat([[1, 'A']])) }, { A: 1, B: 2 });
  assert.throws(() => unix.constantsFrom(xlat([[1, 'A']]), xlat([[2, 'A']])), /A has two values/);
});

// ---------------------------------------------------------------- errors

test('SyscallError: errno, code, syscall, path and a Node-style message', () => {
  const e = throwsErrno(() => unix.open('/nope/x'), 'ENOENT', 'openat');
  assert.equal(e.message, "ENOENT: no such file or directory, openat '/nope/x'");
  assert.equal(e.errno, 2);
  assert.equal(e.path, '/nope/x');
  assert.equal(e.name, 'SyscallError');
  assert.ok(e instanceof Error);
  // Node words the same failure the same way (its syscall is "open", and its errno is negative).
  try {
    fs.openSync('/nope/x', 'r');
  } catch (err) {
    assert.equal((err as Error).message, "ENOENT: no such file or directory, open '/nope/x'");
  }
  const r = throwsErrno(() => unix.rename(join(tmp, 'none-a'), join(tmp, 'none-b')), 'ENOENT', 'renameat');
  assert.equal(r.message, `ENOENT: no such file or directory, renameat '${join(tmp, 'none-a')}' -> '${join(tmp, 'none-b')}'`);
  assert.equal(r.dest, join(tmp, 'none-b'));
  const b = throwsErrno(() => unix.close(closedFd()), 'EBADF', 'close');
  assert.equal(b.message, 'EBADF: bad file descriptor, close');
  assert.equal(b.path, undefined);
});

// ---------------------------------------------------------------- files

test('open/write/read/lseek/pread/pwrite/close', () => {
  const p = join(tmp, 'rw.txt');
  const fd = unix.open(p, unix.O_CREAT | unix.O_RDWR | unix.O_TRUNC | unix.O_CLOEXEC, 0o640);
  assert.ok(fd >= 0);
  assert.equal(unix.write(fd, 'hello world\n'), 12);
  assert.equal(unix.write(fd, Buffer.from('0123456789'), 4), 4);
  assert.equal(unix.lseek(fd, 0, unix.SEEK_CUR), 16);
  assert.equal(unix.lseek(fd, 0n, unix.SEEK_SET), 0);
  const buf = Buffer.alloc(32);
  assert.equal(unix.read(fd, buf), 16);
  assert.equal(buf.toString('latin1', 0, 16), 'hello world\n0123');
  assert.equal(unix.read(fd, buf), 0, 'EOF');
  assert.equal(unix.read(fd, buf, 0), 0);
  assert.equal(unix.pwrite(fd, 'HELLO', 0), 5);
  const small = new Uint8Array(5);
  assert.equal(unix.pread(fd, small, 0), 5);
  assert.equal(Buffer.from(small).toString(), 'HELLO');
  assert.equal(unix.pread(fd, buf, 6n, 5), 5);
  assert.equal(buf.toString('latin1', 0, 5), 'world');
  assert.equal(unix.lseek(fd, -4, unix.SEEK_END), 12);
  assert.equal(unix.lseek(fd, 0, unix.SEEK_CUR), 12, 'pread/pwrite leave the offset alone');
  unix.close(fd);
  assert.equal(fs.readFileSync(p, 'latin1'), 'HELLO world\n0123');
  assert.equal(fs.statSync(p).mode & 0o777, 0o640 & ~process.umask());
  throwsErrno(() => unix.read(fd, buf), 'EBADF', 'read');
  throwsErrno(() => unix.write(fd, 'x'), 'EBADF', 'write');
  throwsErrno(() => unix.pread(fd, buf, 0), 'EBADF', 'pread64');
  throwsErrno(() => unix.pwrite(fd, 'x', 0), 'EBADF', 'pwrite64');
  throwsErrno(() => unix.lseek(fd, 0), 'EBADF', 'lseek');
  throwsErrno(() => unix.close(fd), 'EBADF', 'close');
  throwsErrno(() => unix.open(join(tmp, 'nope', 'x')), 'ENOENT', 'openat');
  throwsErrno(() => unix.open(p, unix.O_CREAT | unix.O_EXCL | unix.O_WRONLY), 'EEXIST', 'openat');
  const r = unix.open(p);
  throwsErrno(() => unix.write(r, 'x'), 'EBADF', 'write');
  throwsErrno(() => unix.lseek(r, -1, unix.SEEK_SET), 'EINVAL', 'lseek');
  unix.close(r);
});

test('creat truncates; openat is relative to a directory fd', () => {
  const p = join(tmp, 'creat.txt');
  fs.writeFileSync(p, 'old contents');
  const fd = unix.creat(p, 0o600);
  unix.write(fd, 'new');
  unix.close(fd);
  assert.equal(fs.readFileSync(p, 'utf8'), 'new');
  const dir = unix.open(tmp, unix.O_RDONLY | unix.O_DIRECTORY);
  const f = unix.openat(dir, 'creat.txt');
  const buf = Buffer.alloc(8);
  assert.equal(unix.read(f, buf), 3);
  unix.close(f);
  throwsErrno(() => unix.openat(dir, 'missing'), 'ENOENT', 'openat');
  throwsErrno(() => unix.open(p, unix.O_RDONLY | unix.O_DIRECTORY), 'ENOTDIR');
  unix.close(dir);
  throwsErrno(() => unix.openat(dir, 'creat.txt'), 'EBADF', 'openat');
  throwsErrno(() => unix.creat(join(tmp, 'no', 'such')), 'ENOENT');
});

test('readv/writev scatter and gather', () => {
  const [r, w] = unix.pipe2(unix.O_CLOEXEC);
  assert.equal(unix.writev(w, [Buffer.from('abc'), new Uint8Array(0), Buffer.from('defgh')]), 8);
  const a = Buffer.alloc(2), b = Buffer.alloc(3), c = Buffer.alloc(10);
  assert.equal(unix.readv(r, [a, b, c]), 8);
  assert.equal(`${a}${b}${c.subarray(0, 3)}`, 'abcdefgh');
  assert.equal(unix.writev(w, []), 0);
  unix.close(r);
  unix.close(w);
  throwsErrno(() => unix.readv(r, [a]), 'EBADF', 'readv');
  throwsErrno(() => unix.writev(w, [a]), 'EBADF', 'writev');
});

test('stat/lstat/fstat/fstatat match fs.statSync', () => {
  const p = join(tmp, 'st.txt');
  fs.writeFileSync(p, 'x'.repeat(5000));
  const link = join(tmp, 'st.link');
  fs.symlinkSync('st.txt', link);
  const check = (s: unix.Stat, n: fs.BigIntStats) => {
    assert.equal(s.dev, n.dev);
    assert.equal(s.ino, n.ino);
    assert.equal(BigInt(s.mode), n.mode);
    assert.equal(BigInt(s.nlink), n.nlink);
    assert.equal(BigInt(s.uid), n.uid);
    assert.equal(BigInt(s.gid), n.gid);
    assert.equal(s.rdev, n.rdev);
    assert.equal(s.size, n.size);
    assert.equal(BigInt(s.blksize), n.blksize);
    assert.equal(s.blocks, n.blocks);
    assert.equal(unix.timespecNs(s.atime), n.atimeNs);
    assert.equal(unix.timespecNs(s.mtime), n.mtimeNs);
    assert.equal(unix.timespecNs(s.ctime), n.ctimeNs);
    assert.equal(unix.timespecDate(s.mtime).getTime(), Number(n.mtimeMs));
  };
  const s = unix.stat(p);
  check(s, fs.statSync(p, { bigint: true }));
  assert.equal(s.type, 'file');
  assert.ok(s.isFile() && !s.isDirectory() && !s.isSymbolicLink());
  check(unix.stat(link), fs.statSync(link, { bigint: true }));
  const l = unix.lstat(link);
  check(l, fs.lstatSync(link, { bigint: true }));
  assert.equal(l.type, 'symlink');
  assert.ok(l.isSymbolicLink());
  const d = unix.stat(tmp);
  check(d, fs.statSync(tmp, { bigint: true }));
  assert.ok(d.isDirectory());
  assert.equal(unix.stat('/dev/null').type, 'char');
  assert.ok(unix.stat('/dev/null').isCharacterDevice());
  check(unix.stat('/dev/null'), fs.statSync('/dev/null', { bigint: true }));
  const fd = unix.open(p);
  check(unix.fstat(fd), fs.fstatSync(fd, { bigint: true }));
  const dir = unix.open(tmp, unix.O_DIRECTORY);
  check(unix.fstatat(dir, 'st.link', unix.AT_SYMLINK_NOFOLLOW), fs.lstatSync(link, { bigint: true }));
  check(unix.fstatat(fd, '', unix.AT_EMPTY_PATH), fs.statSync(p, { bigint: true }));
  unix.close(dir);
  unix.close(fd);
  const [r, w] = unix.pipe();
  assert.equal(unix.fstat(r).type, 'fifo');
  unix.close(r);
  unix.close(w);
  throwsErrno(() => unix.fstat(fd), 'EBADF', 'fstat');
  const e = throwsErrno(() => unix.stat(join(tmp, 'missing')), 'ENOENT', 'newfstatat');
  assert.equal(e.path, join(tmp, 'missing'));
  throwsErrno(() => unix.lstat(join(tmp, 'missing')), 'ENOENT', 'newfstatat');
  throwsErrno(() => unix.stat(join(p, 'sub')), 'ENOTDIR', 'newfstatat');
});

test('statx matches fs.statSync', () => {
  const p = join(tmp, 'sx.txt');
  fs.writeFileSync(p, 'hello');
  const s = unix.statx(unix.AT_FDCWD, p, 0, unix.STATX_BASIC_STATS | unix.STATX_BTIME);
  const n = fs.statSync(p, { bigint: true });
  assert.equal(s.mask & unix.STATX_BASIC_STATS, unix.STATX_BASIC_STATS);
  assert.equal(s.ino, n.ino);
  assert.equal(BigInt(s.mode), n.mode);
  assert.equal(s.size, 5n);
  assert.equal(BigInt(s.nlink), n.nlink);
  assert.equal(BigInt(s.uid), n.uid);
  assert.equal(BigInt(s.blksize), n.blksize);
  assert.equal(s.blocks, n.blocks);
  assert.equal(unix.timespecNs(s.mtime), n.mtimeNs);
  assert.equal(BigInt((s.devMajor << 8) | s.devMinor), n.dev & 0xfffffn, 'dev major/minor');
  assert.ok(s.isFile());
  const l = join(tmp, 'sx.link');
  fs.symlinkSync(p, l);
  assert.equal(unix.statx(unix.AT_FDCWD, l, unix.AT_SYMLINK_NOFOLLOW).type, 'symlink');
  assert.equal(unix.statx(unix.AT_FDCWD, l).type, 'file');
  throwsErrno(() => unix.statx(unix.AT_FDCWD, join(tmp, 'missing')), 'ENOENT', 'statx');
  throwsErrno(() => unix.statx(closedFd(), 'x'), 'EBADF', 'statx');
});

test('mkdir/rmdir/unlink/rename/symlink/readlink', () => {
  const d = join(tmp, 'dir');
  unix.mkdir(d, 0o750);
  assert.ok(fs.statSync(d).isDirectory());
  assert.equal(fs.statSync(d).mode & 0o777, 0o750 & ~process.umask());
  throwsErrno(() => unix.mkdir(d), 'EEXIST', 'mkdirat');
  throwsErrno(() => unix.mkdir(join(tmp, 'no', 'dir')), 'ENOENT', 'mkdirat');
  fs.writeFileSync(join(d, 'f'), 'f');
  throwsErrno(() => unix.rmdir(d), 'ENOTEMPTY', 'unlinkat');
  throwsErrno(() => unix.unlink(d), 'EISDIR', 'unlinkat');
  unix.rename(join(d, 'f'), join(d, 'g'));
  assert.equal(fs.readFileSync(join(d, 'g'), 'utf8'), 'f');
  throwsErrno(() => unix.rename(join(d, 'f'), join(d, 'h')), 'ENOENT', 'renameat');
  const dfd = unix.open(d, unix.O_DIRECTORY);
  unix.renameat(dfd, 'g', unix.AT_FDCWD, join(d, 'h'));
  assert.ok(fs.existsSync(join(d, 'h')));
  unix.symlink('h', join(d, 'link'));
  assert.equal(unix.readlink(join(d, 'link')), 'h');
  assert.equal(unix.readlinkat(dfd, 'link'), 'h');
  const e = throwsErrno(() => unix.symlink('h', join(d, 'link')), 'EEXIST', 'symlinkat');
  assert.equal(e.message, `EEXIST: file exists, symlinkat 'h' -> '${join(d, 'link')}'`);
  unix.symlinkat('x'.repeat(300), dfd, 'long');
  assert.equal(unix.readlink(join(d, 'long')), 'x'.repeat(300));
  throwsErrno(() => unix.readlink(join(d, 'h')), 'EINVAL', 'readlinkat');
  throwsErrno(() => unix.readlink(join(d, 'missing')), 'ENOENT', 'readlinkat');
  unix.unlinkat(dfd, 'long');
  unix.mkdirat(dfd, 'sub');
  unix.unlinkat(dfd, 'sub', unix.AT_REMOVEDIR);
  unix.close(dfd);
  unix.unlink(join(d, 'link'));
  unix.unlink(join(d, 'h'));
  throwsErrno(() => unix.unlink(join(d, 'h')), 'ENOENT', 'unlinkat');
  unix.rmdir(d);
  assert.ok(!fs.existsSync(d));
  throwsErrno(() => unix.rmdir(d), 'ENOENT', 'unlinkat');
  // byte-array paths
  unix.mkdir(Buffer.from(join(tmp, 'bytes-dir')));
  assert.ok(fs.existsSync(join(tmp, 'bytes-dir')));
});

test('chdir/fchdir/getcwd', () => {
  const start = unix.getcwd();
  assert.equal(start, fs.realpathSync(process.cwd()));
  try {
    unix.chdir(tmp);
    assert.equal(unix.getcwd(), fs.realpathSync(tmp));
    unix.chdir('/');
    assert.equal(unix.getcwd(), '/');
    const fd = unix.open(tmp, unix.O_DIRECTORY);
    unix.fchdir(fd);
    unix.close(fd);
    assert.equal(unix.getcwd(), fs.realpathSync(tmp));
    throwsErrno(() => unix.chdir(join(tmp, 'missing')), 'ENOENT', 'chdir');
    throwsErrno(() => unix.fchdir(closedFd()), 'EBADF', 'fchdir');
  } finally {
    unix.chdir(start);
  }
});

test('pipe2/dup/dup2/dup3/fcntl', () => {
  const [r, w] = unix.pipe2(unix.O_NONBLOCK | unix.O_CLOEXEC);
  assert.equal(unix.fcntl(r, unix.F_GETFD), unix.FD_CLOEXEC);
  assert.equal(unix.fcntl(r, unix.F_GETFL) & unix.O_NONBLOCK, unix.O_NONBLOCK);
  const buf = Buffer.alloc(4);
  throwsErrno(() => unix.read(r, buf), 'EAGAIN', 'read');
  unix.fcntl(r, unix.F_SETFL, 0);
  assert.equal(unix.fcntl(r, unix.F_GETFL) & unix.O_NONBLOCK, 0);
  unix.fcntl(r, unix.F_SETFD, 0);
  assert.equal(unix.fcntl(r, unix.F_GETFD), 0);
  assert.ok(unix.fcntl(w, unix.F_GETPIPE_SZ) >= 4096);
  const d = unix.dup(w);
  assert.equal(unix.fcntl(d, unix.F_GETFD), 0, 'dup clears FD_CLOEXEC');
  unix.write(d, 'ab');
  assert.equal(unix.read(r, buf), 2);
  const target = unix.dup(r);
  assert.equal(unix.dup2(w, target), target);
  unix.write(target, 'cd');
  assert.equal(unix.read(r, buf), 2);
  assert.equal(unix.dup2(target, target), target);
  assert.equal(unix.dup3(w, target, unix.O_CLOEXEC), target);
  assert.equal(unix.fcntl(target, unix.F_GETFD), unix.FD_CLOEXEC);
  throwsErrno(() => unix.dup3(target, target, 0), 'EINVAL', 'dup3');
  const low = unix.fcntl(w, unix.F_DUPFD_CLOEXEC, 100);
  assert.ok(low >= 100);
  for (const fd of [r, w, d, target, low]) unix.close(fd);
  throwsErrno(() => unix.dup(w), 'EBADF', 'dup');
  throwsErrno(() => unix.dup2(w, 50), 'EBADF', 'dup2');
  throwsErrno(() => unix.fcntl(w, unix.F_GETFD), 'EBADF', 'fcntl');
  const fd = unix.open('/dev/null');
  throwsErrno(() => unix.fcntl(fd, 0x7fff), 'EINVAL', 'fcntl');
  // a struct argument by buffer: F_GETLK on an unlocked file says F_UNLCK (2)
  const p = join(tmp, 'lock');
  fs.writeFileSync(p, '');
  const lf = unix.open(p, unix.O_RDWR);
  const flock = Buffer.alloc(32);
  flock.writeInt16LE(1, 0); // F_WRLCK
  unix.fcntl(lf, unix.F_GETLK, flock);
  assert.equal(flock.readInt16LE(0), 2);
  unix.close(lf);
  unix.close(fd);
});

// ---------------------------------------------------------------- sockets

/** A listening TCP socket on 127.0.0.1 with a kernel-chosen port. */
function tcpListener(flags = 0): { fd: number; port: number } {
  const fd = unix.socket(unix.AF_INET, unix.SOCK_STREAM | unix.SOCK_CLOEXEC | flags);
  unix.bind(fd, { family: 'inet', addr: '127.0.0.1', port: 0 });
  unix.listen(fd, 16);
  const a = unix.getsockname(fd);
  assert.equal(a.family, 'inet');
  return { fd, port: (a as unix.SockAddrInet).port };
}

test('TCP over loopback: socket/bind/listen/connect/accept/send/recv/shutdown/getpeername', () => {
  const l = tcpListener();
  const c = unix.socket(unix.AF_INET, unix.SOCK_STREAM, unix.IPPROTO_TCP);
  unix.connect(c, { family: 'inet', addr: '127.0.0.1', port: l.port });
  const { fd: s, peer } = unix.acceptPeer(l.fd, unix.SOCK_CLOEXEC);
  assert.deepEqual(peer, unix.getsockname(c));
  assert.deepEqual(unix.getpeername(c), { family: 'inet', addr: '127.0.0.1', port: l.port });
  assert.deepEqual(unix.getpeername(s), unix.getsockname(c));
  assert.equal(unix.send(c, 'hello world!'), 12);
  const buf = Buffer.alloc(5);
  assert.equal(unix.recv(s, buf, unix.MSG_PEEK), 5);
  assert.equal(unix.recv(s, buf), 5);
  assert.equal(buf.toString(), 'hello');
  assert.equal(unix.recv(s, Buffer.alloc(64)), 7);
  throwsErrno(() => unix.recv(s, buf, unix.MSG_DONTWAIT), 'EAGAIN', 'recvfrom');
  unix.shutdown(c, unix.SHUT_WR);
  assert.equal(unix.recv(s, buf), 0, 'EOF after shutdown');
  // plain accept
  const c2 = unix.socket(unix.AF_INET, unix.SOCK_STREAM);
  unix.connect(c2, { family: 'inet', addr: '127.0.0.1', port: l.port });
  const s2 = unix.accept(l.fd);
  assert.deepEqual(unix.getpeername(s2), unix.getsockname(c2));
  const c3 = unix.socket(unix.AF_INET, unix.SOCK_STREAM);
  unix.connect(c3, { family: 'inet', addr: '127.0.0.1', port: l.port });
  const s3 = unix.accept4(l.fd, unix.SOCK_NONBLOCK);
  assert.equal(unix.fcntl(s3, unix.F_GETFL) & unix.O_NONBLOCK, unix.O_NONBLOCK);
  for (const fd of [c, s, c2, s2, c3, s3, l.fd]) unix.close(fd);
  throwsErrno(() => unix.accept(l.fd), 'EBADF', 'accept');
  throwsErrno(() => unix.shutdown(c, unix.SHUT_RD), 'EBADF', 'shutdown');
  throwsErrno(() => unix.getsockname(c), 'EBADF', 'getsockname');
  throwsErrno(() => unix.send(c, 'x'), 'EBADF', 'sendto');
});

test('socket errors: EADDRINUSE, ECONNREFUSED, ENOTCONN, ENOTSOCK, EAGAIN on a non-blocking accept', () => {
  const l = tcpListener(unix.SOCK_NONBLOCK);
  const again = unix.socket(unix.AF_INET, unix.SOCK_STREAM);
  const e = throwsErrno(() => unix.bind(again, { family: 'inet', addr: '127.0.0.1', port: l.port }), 'EADDRINUSE', 'bind');
  assert.equal(e.message, 'EADDRINUSE: address already in use, bind');
  throwsErrno(() => unix.accept(l.fd), 'EAGAIN', 'accept');
  throwsErrno(() => unix.acceptPeer(l.fd), 'EAGAIN', 'accept4');
  throwsErrno(() => unix.getpeername(again), 'ENOTCONN', 'getpeername');
  // a port nobody listens on
  const t = unix.socket(unix.AF_INET, unix.SOCK_STREAM);
  unix.bind(t, { family: 'inet', addr: '127.0.0.1', port: 0 });
  const free = (unix.getsockname(t) as unix.SockAddrInet).port;
  unix.close(t);
  throwsErrno(() => unix.connect(again, { family: 'inet', addr: '127.0.0.1', port: free }), 'ECONNREFUSED', 'connect');
  const [r, w] = unix.pipe();
  throwsErrno(() => unix.listen(r, 1), 'ENOTSOCK', 'listen');
  throwsErrno(() => unix.getsockopt(r, unix.SOL_SOCKET, unix.SO_TYPE), 'ENOTSOCK', 'getsockopt');
  throwsErrno(() => unix.socket(9999, unix.SOCK_STREAM), 'EAFNOSUPPORT', 'socket');
  throwsErrno(() => unix.socketpair(unix.AF_INET, unix.SOCK_STREAM), 'EOPNOTSUPP', 'socketpair');
  for (const fd of [again, l.fd, r, w]) unix.close(fd);
});

test('UDP: sendto/recvfrom/sendmsg/recvmsg with addresses', () => {
  const a = unix.socket(unix.AF_INET, unix.SOCK_DGRAM);
  const b = unix.socket(unix.AF_INET, unix.SOCK_DGRAM);
  unix.bind(a, { family: 'inet', addr: '127.0.0.1', port: 0 });
  unix.bind(b, { family: 'inet', addr: '127.0.0.1', port: 0 });
  const aa = unix.getsockname(a);
  const ba = unix.getsockname(b);
  assert.equal(unix.sendto(a, 'ping', 0, ba), 4);
  const buf = Buffer.alloc(16);
  const got = unix.recvfrom(b, buf);
  assert.equal(got.bytes, 4);
  assert.deepEqual(got.from, aa);
  assert.equal(unix.sendmsg(b, [Buffer.from('po'), Buffer.from('ng!')], { to: aa }), 5);
  const one = Buffer.alloc(2), two = Buffer.alloc(2);
  const m = unix.recvmsg(a, [one, two], { from: true });
  assert.equal(m.bytes, 4, 'datagram truncated to the iov');
  assert.equal(m.flags & unix.MSG_TRUNC, unix.MSG_TRUNC);
  assert.equal(`${one}${two}`, 'pong');
  assert.deepEqual(m.from, ba);
  assert.deepEqual(m.control, []);
  unix.close(a);
  unix.close(b);
  throwsErrno(() => unix.recvfrom(a, buf), 'EBADF', 'recvfrom');
  throwsErrno(() => unix.sendto(a, 'x', 0, ba), 'EBADF', 'sendto');
  throwsErrno(() => unix.recvmsg(a, [buf]), 'EBADF', 'recvmsg');
  throwsErrno(() => unix.sendmsg(a, [buf]), 'EBADF', 'sendmsg');
});

test('IPv6 loopback', { skip: !fs.existsSync('/proc/net/if_inet6') && 'no IPv6' }, () => {
  const l = unix.socket(unix.AF_INET6, unix.SOCK_STREAM);
  try {
    unix.bind(l, { family: 'inet6', addr: '::1', port: 0 });
  } catch (err) {
    unix.close(l);
    if (err instanceof unix.SyscallError && err.code === 'EADDRNOTAVAIL') return; // ::1 not configured
    throw err;
  }
  unix.listen(l, 1);
  const la = unix.getsockname(l) as unix.SockAddrInet6;
  assert.equal(la.family, 'inet6');
  assert.equal(la.addr, '::1');
  const c = unix.socket(unix.AF_INET6, unix.SOCK_STREAM);
  unix.connect(c, { family: 'inet6', addr: '::1', port: la.port });
  const { fd: s, peer } = unix.acceptPeer(l);
  assert.deepEqual(peer, unix.getsockname(c));
  assert.deepEqual(unix.getpeername(c), { family: 'inet6', addr: '::1', port: la.port, flowinfo: 0, scopeId: 0 });
  for (const fd of [c, s, l]) unix.close(fd);
});

test('socketpair: SCM_RIGHTS passes a working fd', () => {
  const [a, b] = unix.socketpair(unix.AF_UNIX, unix.SOCK_STREAM | unix.SOCK_CLOEXEC);
  const [r, w] = unix.pipe();
  assert.equal(unix.sendmsg(a, [Buffer.from('fd')], { control: [{ kind: 'rights', fds: [w, r] }] }), 2);
  const buf = Buffer.alloc(8);
  const m = unix.recvmsg(b, [buf], { controlLen: unix.cmsgSpace(8), flags: unix.MSG_CMSG_CLOEXEC });
  assert.equal(m.bytes, 2);
  assert.equal(m.flags & unix.MSG_CTRUNC, 0);
  assert.equal(m.control.length, 1);
  const c0 = m.control[0]!;
  assert.equal(c0.kind, 'rights');
  const [w2, r2] = (c0 as { fds: number[] }).fds as [number, number];
  assert.notEqual(w2, w);
  assert.equal(unix.fcntl(w2, unix.F_GETFD), unix.FD_CLOEXEC);
  assert.deepEqual(unix.fstat(w2).ino, unix.fstat(w).ino);
  unix.write(w2, 'via passed fd');
  const got = Buffer.alloc(32);
  assert.equal(unix.read(r2, got), 13);
  assert.equal(got.toString('utf8', 0, 13), 'via passed fd');
  assert.equal(m.controlData.length, unix.cmsgSpace(8));
  assert.deepEqual(unix.decodeControl(unix.encodeControl(m.control)), m.control);
  // A control buffer too small for the fds: MSG_CTRUNC, no fds delivered.
  unix.sendmsg(a, [Buffer.from('x')], { control: [{ kind: 'rights', fds: [w] }] });
  const t = unix.recvmsg(b, [buf], { controlLen: 8 });
  assert.equal(t.flags & unix.MSG_CTRUNC, unix.MSG_CTRUNC);
  assert.deepEqual(t.control, []);
  for (const fd of [a, b, r, w, r2, w2]) unix.close(fd);
});

test('socketpair: SCM_CREDENTIALS with SO_PASSCRED', () => {
  const [a, b] = unix.socketpair(unix.AF_UNIX, unix.SOCK_DGRAM);
  unix.setsockopt(b, unix.SOL_SOCKET, unix.SO_PASSCRED, true);
  assert.equal(unix.getsockopt(b, unix.SOL_SOCKET, unix.SO_PASSCRED), 1);
  const creds = { kind: 'credentials' as const, pid: unix.getpid(), uid: unix.getuid(), gid: unix.getgid() };
  unix.sendmsg(a, [Buffer.from('me')], { control: [creds] });
  const m = unix.recvmsg(b, [Buffer.alloc(4)], { controlLen: unix.cmsgSpace(12) });
  assert.deepEqual(m.control, [creds]);
  // SO_PEERCRED is the same struct as raw bytes
  const pc = unix.getsockoptBuffer(a, unix.SOL_SOCKET, unix.SO_PEERCRED, 12);
  assert.equal(pc.readInt32LE(0), process.pid);
  unix.close(a);
  unix.close(b);
});

test('raw control messages round-trip through encode/decode', () => {
  const msgs: unix.ControlMessage[] = [
    { kind: 'raw', level: 0, type: 8, data: Buffer.from([1, 2, 3]) },
    { kind: 'rights', fds: [0] },
  ];
  const enc = unix.encodeControl(msgs);
  assert.equal(enc.length, unix.cmsgSpace(3) + unix.cmsgSpace(4));
  assert.equal(Number(enc.readBigUInt64LE(0)), unix.cmsgLen(3));
  const dec = unix.decodeControl(enc);
  assert.equal(dec.length, 2);
  assert.deepEqual({ ...dec[0], data: Buffer.from((dec[0] as { data: Uint8Array }).data) }, { ...msgs[0], data: Buffer.from([1, 2, 3]) });
  assert.deepEqual(dec[1], msgs[1]);
  assert.deepEqual(unix.decodeControl(enc, 10), [], 'a truncated header is dropped');
});

test('unix sockets: pathname, abstract and unnamed addresses', () => {
  const name = `sysray-test-${process.pid}-${Date.now()}`;
  const l = unix.socket(unix.AF_UNIX, unix.SOCK_STREAM);
  unix.bind(l, { family: 'unix', path: name, abstract: true });
  unix.listen(l, 1);
  assert.deepEqual(unix.getsockname(l), { family: 'unix', path: name, abstract: true });
  const c = unix.socket(unix.AF_UNIX, unix.SOCK_STREAM);
  unix.connect(c, { family: 'unix', path: name, abstract: true });
  const { fd: s, peer } = unix.acceptPeer(l);
  assert.deepEqual(peer, { family: 'unix', path: '' }, 'an unbound client is unnamed');
  assert.deepEqual(unix.getpeername(c), { family: 'unix', path: name, abstract: true });
  const dup = unix.socket(unix.AF_UNIX, unix.SOCK_STREAM);
  throwsErrno(() => unix.bind(dup, { family: 'unix', path: name, abstract: true }), 'EADDRINUSE', 'bind');
  for (const fd of [c, s, l, dup]) unix.close(fd);
  // pathname socket
  const p = join(tmp, 'sock');
  const l2 = unix.socket(unix.AF_UNIX, unix.SOCK_STREAM);
  unix.bind(l2, { family: 'unix', path: p });
  unix.listen(l2, 1);
  assert.ok(unix.stat(p).isSocket());
  assert.deepEqual(unix.getsockname(l2), { family: 'unix', path: p });
  const c2 = unix.socket(unix.AF_UNIX, unix.SOCK_STREAM);
  unix.connect(c2, { family: 'unix', path: p });
  const s2 = unix.accept(l2);
  unix.send(s2, 'hi');
  const buf = Buffer.alloc(2);
  assert.equal(unix.recv(c2, buf), 2);
  for (const fd of [c2, s2, l2]) unix.close(fd);
  throwsErrno(() => unix.connect(unix.socket(unix.AF_UNIX, unix.SOCK_STREAM), { family: 'unix', path: join(tmp, 'nosock') }), 'ENOENT', 'connect');
  const [x, y] = unix.socketpair(unix.AF_UNIX, unix.SOCK_STREAM);
  assert.deepEqual(unix.getsockname(x), { family: 'unix', path: '' });
  unix.close(x);
  unix.close(y);
});

test('socket address encoding and decoding', () => {
  const inet = unix.encodeSockAddr({ family: 'inet', addr: '127.0.0.1', port: 8080 });
  assert.deepEqual([...inet], [2, 0, 0x1f, 0x90, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(unix.decodeSockAddr(inet), { family: 'inet', addr: '127.0.0.1', port: 8080 });
  for (const [input, text] of [
    ['::1', '::1'], ['::', '::'], ['fe80::1', 'fe80::1'], ['::ffff:127.0.0.1', '::ffff:127.0.0.1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
    ['2001:DB8::', '2001:db8::'], ['1::', '1::'], ['::2:3:4:5:6:7:8', '0:2:3:4:5:6:7:8'], ['1:0:0:2:0:0:3:4', '1::2:0:0:3:4'], ['::1.2.3.4', '::1.2.3.4'],
  ] as const) {
    const b = unix.encodeSockAddr({ family: 'inet6', addr: input, port: 443, flowinfo: 5, scopeId: 2 });
    assert.equal(b.length, 28);
    assert.deepEqual(unix.decodeSockAddr(b), { family: 'inet6', addr: text, port: 443, flowinfo: 5, scopeId: 2 }, input);
  }
  const v6 = unix.encodeSockAddr({ family: 'inet6', addr: '2001:db8::ff', port: 1 });
  assert.equal(v6.subarray(8, 24).toString('hex'), '20010db80000000000000000000000ff');
  const path = unix.encodeSockAddr({ family: 'unix', path: '/tmp/x' });
  assert.equal(path.length, 2 + 6 + 1);
  assert.deepEqual(unix.decodeSockAddr(path), { family: 'unix', path: '/tmp/x' });
  const abs = unix.encodeSockAddr({ family: 'unix', path: 'abc', abstract: true });
  assert.deepEqual([...abs], [1, 0, 0, 0x61, 0x62, 0x63]);
  assert.deepEqual(unix.decodeSockAddr(abs), { family: 'unix', path: 'abc', abstract: true });
  assert.deepEqual(unix.decodeSockAddr(unix.encodeSockAddr({ family: 'unix', path: '' })), { family: 'unix', path: '' });
  const raw = unix.encodeSockAddr({ family: 'raw', saFamily: 16, data: Buffer.from([0, 0, 1, 0, 0, 0]) });
  assert.deepEqual(unix.decodeSockAddr(raw), { family: 'raw', saFamily: 16, data: Buffer.from([0, 0, 1, 0, 0, 0]) });
  // bad addresses
  assert.throws(() => unix.encodeSockAddr({ family: 'inet', addr: '999.1.1.1', port: 1 }), TypeError);
  assert.throws(() => unix.encodeSockAddr({ family: 'inet', addr: 'localhost', port: 1 }), TypeError);
  assert.throws(() => unix.encodeSockAddr({ family: 'inet', addr: '1.2.3.4', port: 70000 }), RangeError);
  assert.throws(() => unix.encodeSockAddr({ family: 'inet', addr: '1.2.3.4', port: 1.5 }), TypeError);
  assert.throws(() => unix.encodeSockAddr({ family: 'inet6', addr: '1.2.3.4', port: 1 }), TypeError);
  assert.throws(() => unix.encodeSockAddr({ family: 'inet6', addr: 'fe80::1%lo', port: 1 }), TypeError);
  assert.throws(() => unix.encodeSockAddr({ family: 'unix', path: 'x'.repeat(108) }), RangeError);
  assert.throws(() => unix.encodeSockAddr({ family: 'unix', path: 'a\0b' }), TypeError);
  assert.throws(() => unix.encodeSockAddr({ family: 'ipx' } as unknown as unix.SockAddr), TypeError);
  assert.throws(() => unix.encodeSockAddr(null as unknown as unix.SockAddr), TypeError);
});

test('setsockopt/getsockopt: int options and raw buffers', () => {
  const fd = unix.socket(unix.AF_INET, unix.SOCK_STREAM);
  assert.equal(unix.getsockopt(fd, unix.SOL_SOCKET, unix.SO_TYPE), unix.SOCK_STREAM);
  assert.equal(unix.getsockopt(fd, unix.SOL_SOCKET, unix.SO_DOMAIN), unix.AF_INET);
  assert.equal(unix.getsockopt(fd, unix.SOL_SOCKET, unix.SO_PROTOCOL), unix.IPPROTO_TCP);
  assert.equal(unix.getsockopt(fd, unix.SOL_SOCKET, unix.SO_REUSEADDR), 0);
  unix.setsockopt(fd, unix.SOL_SOCKET, unix.SO_REUSEADDR, true);
  assert.equal(unix.getsockopt(fd, unix.SOL_SOCKET, unix.SO_REUSEADDR), 1);
  unix.setsockopt(fd, unix.SOL_SOCKET, unix.SO_REUSEADDR, 0);
  assert.equal(unix.getsockopt(fd, unix.SOL_SOCKET, unix.SO_REUSEADDR), 0);
  unix.setsockopt(fd, unix.IPPROTO_TCP, unix.TCP_NODELAY, 1);
  assert.equal(unix.getsockopt(fd, unix.SOL_TCP, unix.TCP_NODELAY), 1);
  const linger = Buffer.alloc(8);
  linger.writeInt32LE(1, 0);
  linger.writeInt32LE(7, 4);
  unix.setsockopt(fd, unix.SOL_SOCKET, unix.SO_LINGER, linger);
  assert.deepEqual(unix.getsockoptBuffer(fd, unix.SOL_SOCKET, unix.SO_LINGER, 8), linger);
  assert.equal(unix.getsockoptBuffer(fd, unix.SOL_TCP, unix.TCP_CONGESTION, 16).toString('latin1').replace(/\0.*$/s, '').length > 0, true);
  throwsErrno(() => unix.getsockopt(fd, unix.SOL_SOCKET, 9999), 'ENOPROTOOPT', 'getsockopt');
  throwsErrno(() => unix.setsockopt(fd, unix.SOL_SOCKET, 9999, 1), 'ENOPROTOOPT', 'setsockopt');
  unix.close(fd);
  throwsErrno(() => unix.setsockopt(fd, unix.SOL_SOCKET, unix.SO_REUSEADDR, 1), 'EBADF', 'setsockopt');
  throwsErrno(() => unix.getsockopt(fd, unix.SOL_SOCKET, unix.SO_TYPE), 'EBADF', 'getsockopt');
});

// ---------------------------------------------------------------- processes

test('ids, uname, kill', async () => {
  assert.equal(unix.getpid(), process.pid);
  assert.equal(unix.getppid(), process.ppid);
  assert.equal(unix.gettid(), process.pid, 'the main thread');
  assert.equal(unix.getuid(), process.getuid!());
  assert.equal(unix.geteuid(), process.geteuid!());
  assert.equal(unix.getgid(), process.getgid!());
  assert.equal(unix.getegid(), process.getegid!());
  const u = unix.uname();
  assert.equal(u.sysname, 'Linux');
  assert.equal(u.release, os.release());
  assert.equal(u.nodename, os.hostname());
  assert.equal(u.machine, os.machine());
  assert.equal(u.version, os.version());
  unix.kill(process.pid, 0);
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, sig) => resolve(sig)));
  await new Promise((resolve) => child.on('spawn', resolve));
  unix.kill(child.pid!, 'SIGTERM');
  assert.equal(await exited, 'SIGTERM');
  throwsErrno(() => unix.kill(child.pid!, 0), 'ESRCH', 'kill');
  assert.throws(() => unix.kill(process.pid, 'SIGNOPE' as NodeJS.Signals), TypeError);
});

test('exit ends the process with the status', () => {
  const mod = pathToFileURL(join(ROOT, 'dist', 'src', 'unix', 'index.js')).href;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import * as u from '${mod}'; u.exit(7); console.log('not here')`], {
    encoding: 'utf8', timeout: 30_000,
  });
  assert.equal(r.status, 7);
  assert.equal(r.stdout, '');
});

test('syscall: the raw escape hatch', () => {
  assert.equal(unix.syscall('getpid'), process.pid);
  assert.equal(unix.syscall(unix.syscallNumber('getppid')), process.ppid);
  const b = Buffer.from('raw write\n');
  const [r, w] = unix.pipe();
  assert.equal(unix.syscall('write', w, unix.addressOf(b), b.length), b.length);
  throwsErrno(() => unix.syscall('close', closedFd()), 'EBADF', 'close');
  assert.throws(() => unix.syscall('no_such_call'), /no syscall no_such_call/);
  assert.throws(() => unix.syscall('close', 1.5), TypeError);
  assert.throws(() => unix.syscall('close', 1, 2, 3, 4, 5, 6, 7), RangeError);
  unix.close(r);
  unix.close(w);
});

test('addressOf', () => {
  const b = Buffer.alloc(64);
  assert.equal(typeof unix.addressOf(b), 'bigint');
  assert.equal(unix.addressOf(b.subarray(10)) - unix.addressOf(b), 10n);
  assert.equal(unix.addressOf(new Uint8Array(0)), 0n);
  assert.notEqual(unix.addressOf(new Uint8Array(4)), 0n);
  assert.throws(() => unix.addressOf('x' as unknown as Uint8Array), TypeError);
});

// ---------------------------------------------------------------- bad arguments

test('bad arguments throw TypeError/RangeError before any syscall', () => {
  // With a closed fd, reaching the kernel would throw SyscallError EBADF instead.
  const fd = closedFd();
  const buf = Buffer.alloc(10);
  const T = TypeError, R = RangeError;
  const cases: [string, () => unknown, typeof TypeError | typeof RangeError][] = [
    ['fd as string', () => unix.read('3' as unknown as number, buf), T],
    ['non-integer fd', () => unix.read(1.5, buf), T],
    ['NaN fd', () => unix.close(NaN), T],
    ['negative fd', () => unix.read(-1, buf), R],
    ['huge fd', () => unix.close(2 ** 31), R],
    ['fd as bigint', () => unix.close(3n as unknown as number), T],
    ['missing buffer', () => unix.read(fd, undefined as unknown as Buffer), T],
    ['string as read buffer', () => unix.read(fd, 'abc' as unknown as Buffer), T],
    ['negative length', () => unix.read(fd, buf, -1), R],
    ['length past the buffer', () => unix.read(fd, buf, 11), R],
    ['write length past the data', () => unix.write(fd, 'abc', 4), R],
    ['pread negative length', () => unix.pread(fd, buf, 0, -5), R],
    ['pread offset 1.5', () => unix.pread(fd, buf, 1.5), T],
    ['pwrite offset string', () => unix.pwrite(fd, buf, '0' as unknown as number), T],
    ['lseek offset beyond 64 bits', () => unix.lseek(fd, 1n << 64n), R],
    ['write number', () => unix.write(fd, 42 as unknown as string), T],
    ['path with NUL', () => unix.open('a\0b'), T],
    ['path bytes with NUL', () => unix.open(Buffer.from([0x61, 0, 0x62])), T],
    ['path number', () => unix.open(5 as unknown as string), T],
    ['bad dirfd', () => unix.openat(-5, 'x'), R],
    ['flags as string', () => unix.open('/dev/null', 'r' as unknown as number), T],
    ['mode negative', () => unix.open('/dev/null', unix.O_RDONLY, -1), R],
    ['readv not an array', () => unix.readv(fd, buf as unknown as Uint8Array[]), T],
    ['readv array of strings', () => unix.readv(fd, ['x'] as unknown as Uint8Array[]), T],
    ['writev too many', () => unix.writev(fd, new Array<Uint8Array>(1025).fill(buf)), R],
    ['socket type as string', () => unix.socket(unix.AF_INET, 'tcp' as unknown as number), T],
    ['bind bad address', () => unix.bind(fd, { family: 'inet', addr: '1.2.3', port: 1 }), T],
    ['bind bad port', () => unix.bind(fd, { family: 'inet', addr: '1.2.3.4', port: -1 }), R],
    ['connect missing address', () => unix.connect(fd, undefined as unknown as unix.SockAddr), T],
    ['listen backlog 1.5', () => unix.listen(fd, 1.5), T],
    ['recvmsg negative control length', () => unix.recvmsg(fd, [buf], { controlLen: -1 }), R],
    ['recvmsg iov not array', () => unix.recvmsg(fd, buf as unknown as Uint8Array[]), T],
    ['sendmsg fd in rights not a number', () => unix.sendmsg(fd, [buf], { control: [{ kind: 'rights', fds: ['x' as unknown as number] }] }), T],
    ['sendmsg negative fd in rights', () => unix.sendmsg(fd, [buf], { control: [{ kind: 'rights', fds: [-1] }] }), R],
    ['sendmsg unknown control kind', () => unix.sendmsg(fd, [buf], { control: [{ kind: 'nope' } as unknown as unix.ControlMessage] }), T],
    ['getsockoptBuffer negative size', () => unix.getsockoptBuffer(fd, unix.SOL_SOCKET, unix.SO_TYPE, -1), R],
    ['setsockopt value string', () => unix.setsockopt(fd, unix.SOL_SOCKET, unix.SO_REUSEADDR, 'yes' as unknown as number), T],
    ['fcntl arg string', () => unix.fcntl(fd, unix.F_SETFL, 'x' as unknown as number), T],
    ['kill pid string', () => unix.kill('1' as unknown as number, 0), T],
    ['kill bad signal number', () => unix.kill(process.pid, 99), R],
    ['exit status 1.5', () => unix.exit(1.5), T],
  ];
  for (const [what, fn, type] of cases) {
    assert.throws(fn, (err: unknown) => {
      assert.ok(!(err instanceof unix.SyscallError), `${what}: reached the kernel (${String(err)})`);
      assert.ok(err instanceof type, `${what}: expected ${type.name}, got ${String(err)}`);
      return true;
    }, what);
  }
});
