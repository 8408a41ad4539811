/**
 * Unit tests of the file and desc decoders on fake tracee memory: each case builds the memory and
 * raw arguments of one call and asserts the exact line strace 6.1 prints for it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { decoders as fileDecoders } from '../../src/decode/file.js';
import { sprinttime } from '../../src/decode/printers.js';
import { symbolicMode } from '../../src/decode/stat.js';
import { decoders as descDecoders } from '../../src/decode/desc.js';
import { decoders as ioctlDecoders, ioctlRequest } from '../../src/decode/ioctl.js';
import type { Ctx, SyscallDecoder } from '../../src/decode/types.js';
import { formatRet, formatValue } from '../../src/render/strace.js';
import { FakeMemory as BaseMemory, lineMaker } from '../helpers/decode.js';

process.env.TZ = 'UTC';

const ALL: Record<string, SyscallDecoder> = { ...fileDecoders, ...descDecoders, ...ioctlDecoders };


const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const cstr = (s: string): Uint8Array => enc(s + '\0');

class FakeMemory extends BaseMemory {
  constructor(strict = true) {
    super(strict);
  }
}
const line = lineMaker(ALL, () => new FakeMemory(true));

const AT_FDCWD = -100;
const EBADF = 9, ENOENT = 2, EFAULT = 14, ENOTTY = 25;
const BUF = 0x7ffd0000n;
const PATH = 0x5000n;
const BAD = 0xdead0000n;

/** A 144-byte x86_64 struct stat. */
function statBytes(s: { mode: number; size?: number; rdev?: bigint; dev?: bigint; ino?: number; nlink?: number; uid?: number; gid?: number; times?: number[] }): Uint8Array {
  const b = new Uint8Array(144);
  const v = new DataView(b.buffer);
  v.setBigUint64(0, s.dev ?? 0xfe00n, true);
  v.setBigUint64(8, BigInt(s.ino ?? 1234), true);
  v.setBigUint64(16, BigInt(s.nlink ?? 1), true);
  v.setUint32(24, s.mode, true);
  v.setUint32(28, s.uid ?? 0, true);
  v.setUint32(32, s.gid ?? 0, true);
  v.setBigUint64(40, s.rdev ?? 0n, true);
  v.setBigInt64(48, BigInt(s.size ?? 0), true);
  v.setBigInt64(56, 4096n, true);
  v.setBigInt64(64, 8n, true);
  const t = s.times ?? [1700000000, 5, 1700000001, 0, 0, 0];
  for (let i = 0; i < 6; i++) v.setBigUint64(72 + i * 8, BigInt(t[i]!), true);
  return b;
}

// ---------------------------------------------------------------- read / write

test('read: the buffer at exit, cut at -s; on failure its address', () => {
  const m = new FakeMemory();
  m.put(BUF, 'root:x:0:0:root:/root:/bin/bash\ndaemon');
  assert.equal(line('read', { args: [3, BUF, 10], mem: m, rval: 10 }), 'read(3, "root:x:0:0", 10) = 10');
  assert.equal(line('read', { args: [3, BUF, 100], mem: m, rval: 38 }), 'read(3, "root:x:0:0:root:/root:/bin/bash\\n"..., 100) = 38');
  assert.equal(line('read', { args: [99, BUF, 10], mem: m, err: EBADF }), 'read(99, 0x7ffd0000, 10) = -1 EBADF (Bad file descriptor)');
  assert.equal(line('read', { args: [3, BUF, 0], mem: m, rval: 0 }), 'read(3, "", 0) = 0');
  assert.equal(line('pread64', { args: [3, BUF, 5, 64], mem: m, rval: 5 }, 'pread'), 'pread64(3, "root:", 5, 64) = 5');
});

test('write: the buffer at entry; unreadable (also its -s+1-th byte) prints the address', () => {
  const m = new FakeMemory();
  m.put(BUF, 'hello\n');
  assert.equal(line('write', { args: [1, BUF, 6], mem: m, rval: 6 }), 'write(1, "hello\\n", 6) = 6');
  assert.equal(line('write', { args: [1, BAD, 5], mem: m, rval: 5 }), 'write(1, 0xdead0000, 5) = 5');
  assert.equal(line('write', { args: [1, BUF, 6], mem: m, rval: 6, opt: { strsize: 3 } }), 'write(1, "hel"..., 6) = 6');
  assert.equal(line('write', { args: [1, BUF, 9], mem: m, rval: 9, opt: { strsize: 6 } }), 'write(1, 0x7ffd0000, 9) = 9');
  assert.equal(line('pwrite64', { args: [99, BUF, 3, 100], mem: m, err: EBADF }, 'pwrite'), 'pwrite64(99, "hel", 3, 100) = -1 EBADF (Bad file descriptor)');
});

test('readv/writev: iovecs, readv capped at the bytes read', () => {
  const m = new FakeMemory();
  const iov = new Uint8Array(48);
  const v = new DataView(iov.buffer);
  const data = [0x1000n, 0x2000n, 0x3000n];
  const lens = [3n, 100n, 5n];
  for (let i = 0; i < 3; i++) {
    v.setBigUint64(i * 16, data[i]!, true);
    v.setBigUint64(i * 16 + 8, lens[i]!, true);
  }
  m.put(0x9000n, iov);
  m.put(0x1000n, 'root');
  m.put(0x2000n, 'abcdefghij');
  m.put(0x3000n, 'xyz12');
  assert.equal(
    line('readv', { args: [3, 0x9000n, 3], mem: m, rval: 8 }),
    'readv(3, [{iov_base="roo", iov_len=3}, {iov_base="abcde", iov_len=100}, {iov_base="", iov_len=5}], 3) = 8',
  );
  assert.equal(
    line('readv', { args: [99, 0x9000n, 2], mem: m, err: EBADF }),
    'readv(99, [{iov_base=0x1000, iov_len=3}, {iov_base=0x2000, iov_len=100}], 2) = -1 EBADF (Bad file descriptor)',
  );
  assert.equal(line('readv', { args: [3, BAD, 2], mem: m, err: EFAULT }), 'readv(3, 0xdead0000, 2) = -1 EFAULT (Bad address)');
  assert.equal(
    line('writev', { args: [1, 0x9000n, 4], mem: m, rval: 3 }),
    'writev(1, [{iov_base="roo", iov_len=3}, {iov_base=0x2000, iov_len=100}, {iov_base="xyz12", iov_len=5}, ... /* 0x9030 */], 4) = 3',
  );
  assert.equal(
    line('writev', { args: [1, 0x9000n, 3], mem: m, rval: 3, opt: { strsize: 1 } }),
    'writev(1, [{iov_base="r"..., iov_len=3}, ...], 3) = 3',
  );
});

test('lseek: signed offset, whence name or hex with comment', () => {
  assert.equal(line('lseek', { args: [3, -5n, 2], rval: 100 }), 'lseek(3, -5, SEEK_END) = 100');
  assert.equal(line('lseek', { args: [3, 1, 7], err: 22 }), 'lseek(3, 1, 0x7 /* SEEK_??? */) = -1 EINVAL (Invalid argument)');
});

// ---------------------------------------------------------------- open family

test('open/openat/creat: flags, mode only with O_CREAT or O_TMPFILE', () => {
  const m = new FakeMemory();
  m.put(PATH, cstr('/tmp/out'));
  assert.equal(line('openat', { args: [AT_FDCWD, PATH, 0x80000, 0o777], mem: m, rval: 3 }), 'openat(AT_FDCWD, "/tmp/out", O_RDONLY|O_CLOEXEC) = 3');
  assert.equal(line('openat', { args: [AT_FDCWD, PATH, 0x241, 0o640], mem: m, rval: 3 }), 'openat(AT_FDCWD, "/tmp/out", O_WRONLY|O_CREAT|O_TRUNC, 0640) = 3');
  assert.equal(line('openat', { args: [AT_FDCWD, PATH, 0x410002, 0o600], mem: m, rval: 3 }), 'openat(AT_FDCWD, "/tmp/out", O_RDWR|O_TMPFILE, 0600) = 3');
  assert.equal(line('openat', { args: [AT_FDCWD, PATH, 0xc1, 0x12345], mem: m, err: 17 }), 'openat(AT_FDCWD, "/tmp/out", O_WRONLY|O_CREAT|O_EXCL, 021505) = -1 EEXIST (File exists)');
  assert.equal(line('open', { args: [PATH, 0x80000003], mem: m, rval: 4 }), 'open("/tmp/out", O_ACCMODE|0x80000000) = 4');
  assert.equal(line('open', { args: [BAD, 0], mem: m, err: EFAULT }), 'open(0xdead0000, O_RDONLY) = -1 EFAULT (Bad address)');
  assert.equal(line('creat', { args: [PATH, 0o600], mem: m, rval: 5 }), 'creat("/tmp/out", 0600) = 5');
});

test('openat2: struct open_how, short sizes as an address', () => {
  const m = new FakeMemory();
  m.put(PATH, cstr('/etc/passwd'));
  const how = new Uint8Array(32);
  const v = new DataView(how.buffer);
  v.setBigUint64(0, 0x80000n, true);
  v.setBigUint64(16, 4n, true);
  m.put(0x6000n, how);
  assert.equal(
    line('openat2', { args: [AT_FDCWD, PATH, 0x6000n, 24], mem: m, rval: 3 }),
    'openat2(AT_FDCWD, "/etc/passwd", {flags=O_RDONLY|O_CLOEXEC, resolve=RESOLVE_NO_SYMLINKS}, 24) = 3',
  );
  assert.equal(line('openat2', { args: [AT_FDCWD, PATH, 0x6000n, 8], mem: m, err: 22 }), 'openat2(AT_FDCWD, "/etc/passwd", 0x6000, 8) = -1 EINVAL (Invalid argument)');
  v.setBigUint64(0, 0x41n, true);
  v.setBigUint64(8, 0o644n, true);
  v.setBigUint64(16, 0n, true);
  v.setUint8(28, 7);
  assert.equal(
    line('openat2', { args: [AT_FDCWD, PATH, 0x6000n, 32], mem: m, err: 7 }),
    'openat2(AT_FDCWD, "/etc/passwd", {flags=O_WRONLY|O_CREAT, mode=0644, resolve=0, /* bytes 24..31 */ "\\x00\\x00\\x00\\x00\\x07\\x00\\x00\\x00"}, 32) = -1 E2BIG (Argument list too long)',
  );
});

// ---------------------------------------------------------------- stat family

test('stat: abbreviated, devices with st_rdev, full with -v, failures as addresses', () => {
  const m = new FakeMemory();
  m.put(PATH, cstr('/etc/passwd'));
  m.put(0x8000n, statBytes({ mode: 0o100644, size: 34547 }));
  m.put(0x8100n, statBytes({ mode: 0o20666, rdev: 0x8801n }));
  assert.equal(
    line('newfstatat', { args: [AT_FDCWD, PATH, 0x8000n, 0], mem: m, rval: 0 }),
    'newfstatat(AT_FDCWD, "/etc/passwd", {st_mode=S_IFREG|0644, st_size=34547, ...}, 0) = 0',
  );
  assert.equal(line('fstat', { args: [3, 0x8100n], mem: m, rval: 0 }), 'fstat(3, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x88, 0x1), ...}) = 0');
  assert.equal(line('stat', { args: [PATH, 0x8000n], mem: m, err: ENOENT }), 'stat("/etc/passwd", 0x8000) = -1 ENOENT (No such file or directory)');
  assert.equal(line('lstat', { args: [PATH, BAD], mem: m, err: EFAULT }), 'lstat("/etc/passwd", 0xdead0000) = -1 EFAULT (Bad address)');
  assert.equal(
    line('fstat', { args: [3, 0x8000n], mem: m, rval: 0, opt: { abbrev: false } }),
    'fstat(3, {st_dev=makedev(0xfe, 0), st_ino=1234, st_mode=S_IFREG|0644, st_nlink=1, st_uid=0, st_gid=0, st_blksize=4096, st_blocks=8, st_size=34547, ' +
      'st_atime=1700000000 /* 2023-11-14T22:13:20.000000005+0000 */, st_atime_nsec=5, st_mtime=1700000001 /* 2023-11-14T22:13:21+0000 */, st_mtime_nsec=0, st_ctime=0, st_ctime_nsec=0}) = 0',
  );
  assert.equal(line('fstat', { args: [3, 0x8000n], mem: m, rval: 0, opt: { verbose: false } }), 'fstat(3, 0x8000) = 0');
});

test('symbolic modes and times', () => {
  assert.equal(formatValue(symbolicMode(0o41777)), 'S_IFDIR|S_ISVTX|0777');
  assert.equal(formatValue(symbolicMode(0o104755)), 'S_IFREG|S_ISUID|0755');
  assert.equal(formatValue(symbolicMode(0o644)), '0644');
  assert.equal(formatValue(symbolicMode(0o170644)), '0170644');
  assert.equal(sprinttime(0n, 0n), undefined);
  assert.equal(sprinttime(1n, 1000000000n), undefined);
  assert.equal(sprinttime(86400n, 0n), '1970-01-02T00:00:00+0000');
});

test('statx: sync type and AT flags, abbreviated result', () => {
  const m = new FakeMemory();
  m.put(PATH, cstr('/etc/passwd'));
  const b = new Uint8Array(256);
  const v = new DataView(b.buffer);
  v.setUint32(0, 0x17ff, true);
  v.setUint32(4, 4096, true);
  v.setUint16(28, 0o100644, true);
  v.setBigUint64(40, 1221n, true);
  v.setBigUint64(56, 0x4n, true);
  m.put(0x8000n, b);
  assert.equal(
    line('statx', { args: [AT_FDCWD, PATH, 0x2100, 0xfff, 0x8000n], mem: m, rval: 0 }),
    'statx(AT_FDCWD, "/etc/passwd", AT_STATX_FORCE_SYNC|AT_SYMLINK_NOFOLLOW, STATX_ALL, {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0644, stx_size=1221, ...}) = 0',
  );
  assert.equal(
    line('statx', { args: [AT_FDCWD, PATH, 0x6000, 0x10000000, 0x8000n], mem: m, err: 22 }),
    'statx(AT_FDCWD, "/etc/passwd", AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC, 0x10000000 /* STATX_??? */, 0x8000) = -1 EINVAL (Invalid argument)',
  );
  assert.equal(
    line('statx', { args: [3, PATH, 0, 1, 0x8000n], mem: m, rval: 0, opt: { abbrev: false } }),
    'statx(3, "/etc/passwd", AT_STATX_SYNC_AS_STAT, STATX_TYPE, {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_blksize=4096, stx_attributes=0, stx_nlink=0, stx_uid=0, stx_gid=0, ' +
      'stx_mode=S_IFREG|0644, stx_ino=0, stx_size=1221, stx_blocks=0, stx_attributes_mask=STATX_ATTR_COMPRESSED, stx_atime={tv_sec=0, tv_nsec=0}, stx_ctime={tv_sec=0, tv_nsec=0}, ' +
      'stx_mtime={tv_sec=0, tv_nsec=0}, stx_rdev_major=0, stx_rdev_minor=0, stx_dev_major=0, stx_dev_minor=0, stx_mnt_id=0}) = 0',
  );
});

test('statfs: magic names, fsid, flags when ST_VALID', () => {
  const m = new FakeMemory();
  m.put(PATH, cstr('/'));
  const b = new Uint8Array(120);
  const v = new DataView(b.buffer);
  v.setBigUint64(0, 0xef53n, true);
  v.setBigUint64(8, 4096n, true);
  v.setUint32(56, 0xbe36ea80, true);
  v.setUint32(60, 0x14, true);
  v.setBigUint64(64, 255n, true);
  v.setBigUint64(72, 4096n, true);
  v.setBigUint64(80, 0x1020n, true);
  m.put(0x8000n, b);
  assert.equal(
    line('statfs', { args: [PATH, 0x8000n], mem: m, rval: 0 }),
    'statfs("/", {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=0, f_bfree=0, f_bavail=0, f_files=0, f_ffree=0, f_fsid={val=[0xbe36ea80, 0x14]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}) = 0',
  );
  v.setBigUint64(0, 0x1234n, true);
  v.setBigUint64(80, 0n, true);
  assert.equal(
    line('fstatfs', { args: [3, 0x8000n], mem: m, rval: 0, opt: { strsize: 1 } }),
    'fstatfs(3, {f_type=0x1234, f_bsize=4096, f_blocks=0, f_bfree=0, f_bavail=0, f_files=0, f_ffree=0, f_fsid={val=[0xbe36ea80, ...]}, f_namelen=255, f_frsize=4096}) = 0',
  );
});

// ---------------------------------------------------------------- getdents

/** linux_dirent64 records. */
function dirents64(ents: { ino: number; name: string; type: number }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let off = 0;
  for (const e of ents) {
    const reclen = (19 + e.name.length + 1 + 7) & ~7;
    const b = new Uint8Array(reclen);
    const v = new DataView(b.buffer);
    off += reclen;
    v.setBigUint64(0, BigInt(e.ino), true);
    v.setBigUint64(8, BigInt(off), true);
    v.setUint16(16, reclen, true);
    b[18] = e.type;
    b.set(enc(e.name), 19);
    parts.push(b);
  }
  const out = new Uint8Array(off);
  let p = 0;
  for (const b of parts) {
    out.set(b, p);
    p += b.length;
  }
  return out;
}

test('getdents64: a count with abbrev, every entry without', () => {
  const m = new FakeMemory();
  const d = dirents64([{ ino: 2, name: '.', type: 4 }, { ino: 1, name: '..', type: 4 }, { ino: 77, name: 'passwd', type: 8 }]);
  m.put(0x4000n, d);
  assert.equal(line('getdents64', { args: [3, 0x4000n, 32768], mem: m, rval: d.length }), `getdents64(3, 0x4000 /* 3 entries */, 32768) = ${d.length}`);
  assert.equal(
    line('getdents64', { args: [3, 0x4000n, 32768], mem: m, rval: d.length, opt: { abbrev: false } }),
    'getdents64(3, [{d_ino=2, d_off=24, d_reclen=24, d_type=DT_DIR, d_name="."}, {d_ino=1, d_off=48, d_reclen=24, d_type=DT_DIR, d_name=".."}, ' +
      `{d_ino=77, d_off=80, d_reclen=32, d_type=DT_REG, d_name="passwd"}], 32768) = ${d.length}`,
  );
  assert.equal(line('getdents64', { args: [3, 0x4000n, 32768], mem: m, rval: 0, opt: { abbrev: false } }), 'getdents64(3, [], 32768) = 0');
  assert.equal(line('getdents64', { args: [3, 0x4000n, 32768], mem: m, rval: 0 }), 'getdents64(3, 0x4000 /* 0 entries */, 32768) = 0');
  assert.equal(line('getdents64', { args: [99, 0x4000n, 200], mem: m, err: EBADF }), 'getdents64(99, 0x4000, 200) = -1 EBADF (Bad file descriptor)');
  // a trailing partial record prints as hex bytes; the abbreviated count gets a `+`
  const m2 = new FakeMemory();
  const d2 = new Uint8Array(d.length + 4);
  d2.set(d);
  d2.set([1, 2, 3, 4], d.length);
  m2.put(0x4000n, d2);
  assert.equal(line('getdents64', { args: [3, 0x4000n, 200], mem: m2, rval: 28 }), 'getdents64(3, 0x4000 /* 1+ entries */, 200) = 28');
  assert.equal(
    line('getdents64', { args: [3, 0x4000n, 200], mem: m2, rval: 28, opt: { abbrev: false } }),
    'getdents64(3, [{d_ino=2, d_off=24, d_reclen=24, d_type=DT_DIR, d_name="."}, "\\x01\\x00\\x00\\x00"], 200) = 28',
  );
  // a record claiming more than was returned
  assert.equal(line('getdents64', { args: [3, 0x4000n, 200], mem: m, rval: 20 }), 'getdents64(3, 0x4000 /* d_reclen 4 bytes overflow */ /* 1 entries */, 200) = 20');
});

test('getdents: the old record, d_name then d_type from the last byte', () => {
  const m = new FakeMemory();
  const b = new Uint8Array(24);
  const v = new DataView(b.buffer);
  v.setBigUint64(0, 5n, true);
  v.setBigUint64(8, 24n, true);
  v.setUint16(16, 24, true);
  b.set(enc('abc'), 18);
  b[23] = 8;
  m.put(0x4000n, b);
  assert.equal(
    line('getdents', { args: [3, 0x4000n, 100], mem: m, rval: 24, opt: { abbrev: false } }),
    'getdents(3, [{d_ino=5, d_off=24, d_reclen=24, d_name="abc", d_type=DT_REG}], 100) = 24',
  );
});

// ---------------------------------------------------------------- fcntl

test('fcntl: commands, flag results in hex with their names, struct flock', () => {
  assert.equal(line('fcntl', { args: [3, 1], rval: 1 }), 'fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)');
  assert.equal(line('fcntl', { args: [3, 1], rval: 0 }), 'fcntl(3, F_GETFD) = 0');
  assert.equal(line('fcntl', { args: [3, 2, 1], rval: 0 }), 'fcntl(3, F_SETFD, FD_CLOEXEC) = 0');
  assert.equal(line('fcntl', { args: [3, 3], rval: 0x8002 }), 'fcntl(3, F_GETFL) = 0x8002 (flags O_RDWR|O_LARGEFILE)');
  assert.equal(line('fcntl', { args: [3, 4, 0xc00], rval: 0 }), 'fcntl(3, F_SETFL, O_RDONLY|O_APPEND|O_NONBLOCK) = 0');
  assert.equal(line('fcntl', { args: [3, 1030, 0], rval: 4 }), 'fcntl(3, F_DUPFD_CLOEXEC, 0) = 4');
  assert.equal(line('fcntl', { args: [99, 1], err: EBADF }), 'fcntl(99, F_GETFD) = -1 EBADF (Bad file descriptor)');
  assert.equal(line('fcntl', { args: [3, 1234, 0x55], err: 22 }), 'fcntl(3, 0x4d2 /* F_??? */, 0x55) = -1 EINVAL (Invalid argument)');
  assert.equal(line('fcntl', { args: [3, 11], rval: 10 }), 'fcntl(3, F_GETSIG) = 10 (SIGUSR1)');
  assert.equal(line('fcntl', { args: [7, 1032], rval: 65536 }), 'fcntl(7, F_GETPIPE_SZ) = 65536');
  const m = new FakeMemory();
  const fl = new Uint8Array(32);
  const v = new DataView(fl.buffer);
  v.setInt16(0, 1, true);
  v.setBigInt64(16, 100n, true);
  v.setInt32(24, 42, true);
  m.put(0x3000n, fl);
  assert.equal(line('fcntl', { args: [3, 6, 0x3000n], mem: m, rval: 0 }), 'fcntl(3, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=100}) = 0');
  assert.equal(line('fcntl', { args: [3, 5, 0x3000n], mem: m, rval: 0 }), 'fcntl(3, F_GETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=100, l_pid=42}) = 0');
  assert.equal(line('fcntl', { args: [3, 5, 0x3000n], mem: m, err: EFAULT }), 'fcntl(3, F_GETLK, 0x3000) = -1 EFAULT (Bad address)');
});

// ---------------------------------------------------------------- ioctl

test('ioctl: request names, _IOC() for unknown ones', () => {
  assert.equal(formatValue(ioctlRequest(0x5401)), 'TCGETS');
  assert.equal(formatValue(ioctlRequest(0x5402)), 'SNDCTL_TMR_START or TCSETS');
  assert.equal(formatValue(ioctlRequest(0x80086601)), 'FS_IOC_GETFLAGS');
  assert.equal(formatValue(ioctlRequest(0x5499)), '_IOC(_IOC_NONE, 0x54, 0x99, 0)');
  assert.equal(formatValue(ioctlRequest(0xc0089912)), '_IOC(_IOC_READ|_IOC_WRITE, 0x99, 0x12, 0x8)');
  assert.equal(formatValue(ioctlRequest(0x40044d04)), 'MIXER_WRITE(4)');
  assert.equal(formatValue(ioctlRequest(0x80604521)), 'EVIOCGBIT(EV_KEY, 96)');
});

test('ioctl: terminal arguments', () => {
  const m = new FakeMemory();
  const t = new Uint8Array(44);
  const v = new DataView(t.buffer);
  v.setUint32(0, 0x500, true); // ICRNL|IXON
  v.setUint32(4, 0x5, true); // OPOST|ONLCR
  v.setUint32(8, 0xbf, true); // B38400|CS8|CREAD
  v.setUint32(12, 0x8a3b, true);
  t.set([3, 0x1c, 0x7f, 0x15, 4, 0, 1], 17);
  m.put(0x3000n, t);
  const ws = new Uint8Array(8);
  new DataView(ws.buffer).setUint16(0, 24, true);
  new DataView(ws.buffer).setUint16(2, 80, true);
  m.put(0x3100n, ws);
  m.put(0x3200n, new Uint8Array([5, 0, 0, 0]));
  assert.equal(
    line('ioctl', { args: [0, 0x5401, 0x3000n], mem: m, rval: 0 }),
    'ioctl(0, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0',
  );
  assert.equal(line('ioctl', { args: [1, 0x5401, 0x3000n], mem: m, err: ENOTTY }), 'ioctl(1, TCGETS, 0x3000) = -1 ENOTTY (Inappropriate ioctl for device)');
  assert.equal(
    line('ioctl', { args: [0, 0x5401, 0x3000n], mem: m, rval: 0, opt: { abbrev: false } }),
    'ioctl(0, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, c_line=N_TTY, ' +
      'c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, [VERASE]=0x7f, [VKILL]=0x15, [VEOF]=0x4, [VTIME]=0, [VMIN]=0x1, [VSWTC]=0, [VSTART]=0, [VSTOP]=0, [VSUSP]=0, [VEOL]=0, ' +
      '[VREPRINT]=0, [VDISCARD]=0, [VWERASE]=0, [VLNEXT]=0, [VEOL2]=0, [17]=0, [18]=0]}) = 0',
  );
  v.setUint32(0, 0, true);
  v.setUint32(4, 0, true);
  v.setUint32(8, 0xd00bf, true);
  assert.equal(
    line('ioctl', { args: [0, 0x5403, 0x3000n], mem: m, rval: 0 }),
    'ioctl(0, SNDCTL_TMR_STOP or TCSETSW, {c_iflag=, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|, c_cflag=B38400|B9600<<IBSHIFT|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0',
  );
  assert.equal(line('ioctl', { args: [1, 0x5413, 0x3100n], mem: m, rval: 0 }), 'ioctl(1, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0');
  assert.equal(line('ioctl', { args: [3, 0x541b, 0x3200n], mem: m, rval: 0 }), 'ioctl(3, FIONREAD, [5]) = 0');
  assert.equal(line('ioctl', { args: [3, 0x5451, 0], rval: 0 }), 'ioctl(3, FIOCLEX) = 0');
  assert.equal(line('ioctl', { args: [3, 0x540b, 2], rval: 0 }), 'ioctl(3, TCFLSH, TCIOFLUSH) = 0');
  assert.equal(line('ioctl', { args: [3, 0xc0089912, 0x42], err: ENOTTY }), 'ioctl(3, _IOC(_IOC_READ|_IOC_WRITE, 0x99, 0x12, 0x8), 0x42) = -1 ENOTTY (Inappropriate ioctl for device)');
});

// ---------------------------------------------------------------- descriptors

test('dup/pipe/close: fds, the pipe pair at exit, pipe2 flags', () => {
  const m = new FakeMemory();
  m.put(0x2000n, new Uint8Array([3, 0, 0, 0, 4, 0, 0, 0]));
  assert.equal(line('pipe2', { args: [0x2000n, 0x80800], mem: m, rval: 0 }), 'pipe2([3, 4], O_NONBLOCK|O_CLOEXEC) = 0');
  assert.equal(line('pipe2', { args: [BAD, 0], mem: m, err: EFAULT }), 'pipe2(0xdead0000, 0) = -1 EFAULT (Bad address)');
  assert.equal(line('pipe2', { args: [0x2000n, 0x40000000], mem: m, err: 22 }), 'pipe2(0x2000, 0x40000000 /* O_??? */) = -1 EINVAL (Invalid argument)');
  assert.equal(line('pipe', { args: [0x2000n], mem: m, rval: 0, opt: { strsize: 1 } }), 'pipe([3, ...]) = 0');
  assert.equal(line('dup3', { args: [3, 21, 0x80000], rval: 21 }), 'dup3(3, 21, O_CLOEXEC) = 21');
  assert.equal(line('dup', { args: [99], err: EBADF }), 'dup(99) = -1 EBADF (Bad file descriptor)');
  assert.equal(line('close', { args: [3], rval: 0 }), 'close(3) = 0');
});

test('sendfile: the offset before and after', () => {
  const m = new FakeMemory();
  const off = new Uint8Array(8);
  m.put(0x2000n, off);
  const dec = ALL.sendfile64!;
  const c: Ctx = { pid: 1, nr: 40, name: 'sendfile', args: [12n, 3n, 0x2000n, 20n, 0n, 0n], mem: m, opt: { strsize: 32, abbrev: true, verbose: true }, rval: 0n, err: 0, state: {} };
  const entry = dec.entry(c);
  off[0] = 20;
  c.rval = 20n;
  assert.equal([...entry, ...dec.exit!(c)].map((v) => formatValue(v)).join(', '), '12, 3, [0] => [20], 20');
  assert.equal(line('sendfile', { args: [12, 3, 0, 20], mem: m, rval: 20 }, 'sendfile64'), 'sendfile(12, 3, NULL, 20) = 20');
  assert.equal(line('sendfile', { args: [99, 3, 0x2000n, 20], mem: m, err: EBADF }, 'sendfile64'), 'sendfile(99, 3, [20], 20) = -1 EBADF (Bad file descriptor)');
});

test('small fd calls: ftruncate, fadvise64, fallocate, flock, fchmod, fchown', () => {
  assert.equal(line('ftruncate', { args: [12, 50], rval: 0 }), 'ftruncate(12, 50) = 0');
  assert.equal(line('fadvise64', { args: [12, 0, 100, 4], rval: 0 }), 'fadvise64(12, 0, 100, POSIX_FADV_DONTNEED) = 0');
  assert.equal(line('fallocate', { args: [12, 1, 0, 4096], rval: 0 }), 'fallocate(12, FALLOC_FL_KEEP_SIZE, 0, 4096) = 0');
  assert.equal(line('flock', { args: [12, 6], rval: 0 }), 'flock(12, LOCK_EX|LOCK_NB) = 0');
  assert.equal(line('fchmod', { args: [12, 0o4755], rval: 0 }), 'fchmod(12, 04755) = 0');
  assert.equal(line('fchown', { args: [12, 0xffffffff, -1], rval: 0 }), 'fchown(12, -1, -1) = 0');
  assert.equal(line('sync', { args: [], rval: 0 }), 'sync() = 0');
});

// ---------------------------------------------------------------- paths

test('path calls: access, readlink, getcwd, mkdir, rename*, *at flags, umask', () => {
  const m = new FakeMemory();
  m.put(PATH, cstr('/etc/passwd'));
  m.put(0x5100n, cstr('/tmp/b'));
  m.put(BUF, '/tmp/fx/c\0garbage');
  assert.equal(line('access', { args: [PATH, 6], mem: m, rval: 0 }), 'access("/etc/passwd", R_OK|W_OK) = 0');
  assert.equal(line('access', { args: [PATH, 0x18], mem: m, err: 22 }), 'access("/etc/passwd", 0x18 /* ?_OK */) = -1 EINVAL (Invalid argument)');
  assert.equal(
    line('faccessat2', { args: [3, PATH, 4, 0x10300], mem: m, err: 22 }),
    'faccessat2(3, "/etc/passwd", R_OK, AT_SYMLINK_NOFOLLOW|AT_EACCESS|0x10000) = -1 EINVAL (Invalid argument)',
  );
  assert.equal(line('readlink', { args: [PATH, BUF, 256], mem: m, rval: 4 }), 'readlink("/etc/passwd", "/tmp", 256) = 4');
  assert.equal(line('readlink', { args: [PATH, BUF, 10], mem: m, err: 22 }), 'readlink("/etc/passwd", 0x7ffd0000, 10) = -1 EINVAL (Invalid argument)');
  assert.equal(line('getcwd', { args: [BUF, 256], mem: m, rval: 10 }), 'getcwd("/tmp/fx/c", 256) = 10');
  assert.equal(line('getcwd', { args: [BUF, 2], mem: m, err: 34 }), 'getcwd(0x7ffd0000, 2) = -1 ERANGE (Numerical result out of range)');
  assert.equal(line('mkdirat', { args: [AT_FDCWD, PATH, 0o1777], mem: m, rval: 0 }), 'mkdirat(AT_FDCWD, "/etc/passwd", 01777) = 0');
  assert.equal(
    line('renameat2', { args: [AT_FDCWD, PATH, 5, 0x5100n, 1], mem: m, rval: 0 }),
    'renameat2(AT_FDCWD, "/etc/passwd", 5, "/tmp/b", RENAME_NOREPLACE) = 0',
  );
  assert.equal(line('unlinkat', { args: [AT_FDCWD, 0x5100n, 0x200], mem: m, rval: 0 }), 'unlinkat(AT_FDCWD, "/tmp/b", AT_REMOVEDIR) = 0');
  assert.equal(line('lchown', { args: [PATH, 1000, -1], mem: m, rval: 0 }, 'chown'), 'lchown("/etc/passwd", 1000, -1) = 0');
  assert.equal(line('umask', { args: [0o22], rval: 0o22 }), 'umask(022) = 022');
  assert.equal(line('umask', { args: [0], rval: 0 }), 'umask(000) = 000');
  assert.equal(line('chmod', { args: [0, 0o644], mem: m, err: EFAULT }), 'chmod(NULL, 0644) = -1 EFAULT (Bad address)');
});

test('utimensat: UTIME_NOW/UTIME_OMIT, dates as comments', () => {
  const m = new FakeMemory();
  m.put(PATH, cstr('/tmp/out'));
  const ts = new Uint8Array(32);
  const v = new DataView(ts.buffer);
  v.setBigInt64(0, 1700000000n, true);
  v.setBigInt64(8, 5n, true);
  v.setBigInt64(24, (1n << 30n) - 1n, true);
  m.put(0x3000n, ts);
  assert.equal(
    line('utimensat', { args: [AT_FDCWD, PATH, 0x3000n, 0], mem: m, rval: 0 }, 'utimensat_time64'),
    'utimensat(AT_FDCWD, "/tmp/out", [{tv_sec=1700000000, tv_nsec=5} /* 2023-11-14T22:13:20.000000005+0000 */, UTIME_NOW], 0) = 0',
  );
  assert.equal(
    line('utimensat', { args: [AT_FDCWD, PATH, 0, 0x100], mem: m, rval: 0 }, 'utimensat_time64'),
    'utimensat(AT_FDCWD, "/tmp/out", NULL, AT_SYMLINK_NOFOLLOW) = 0',
  );
});

test('xattr: a last NUL of the value is not shown, nor `...` after it', () => {
  const m = new FakeMemory();
  m.put(PATH, cstr('/tmp/xa'));
  m.put(0x5100n, cstr('user.b'));
  m.put(BUF, '0123456789012345678901234567890\0xyz');
  m.put(0x6000n, 'hello\0');
  assert.equal(line('setxattr', { args: [PATH, 0x5100n, 0x6000n, 6, 1], mem: m, rval: 0 }), 'setxattr("/tmp/xa", "user.b", "hello", 6, XATTR_CREATE) = 0');
  assert.equal(line('lgetxattr', { args: [PATH, 0x5100n, BUF, 256], mem: m, rval: 35 }, 'getxattr'), 'lgetxattr("/tmp/xa", "user.b", "0123456789012345678901234567890", 256) = 35');
  assert.equal(line('getxattr', { args: [PATH, 0x5100n, 0, 0], mem: m, rval: 6 }), 'getxattr("/tmp/xa", "user.b", NULL, 0) = 6');
  assert.equal(line('getxattr', { args: [PATH, 0x5100n, BUF, 2], mem: m, err: 34 }), 'getxattr("/tmp/xa", "user.b", 0x7ffd0000, 2) = -1 ERANGE (Numerical result out of range)');
  assert.equal(line('listxattr', { args: [PATH, 0x6000n, 256], mem: m, rval: 6 }), 'listxattr("/tmp/xa", "hello\\0", 256) = 6');
  assert.equal(line('listxattr', { args: [PATH, 0, 0], mem: m, rval: 14 }), 'listxattr("/tmp/xa", NULL, 0) = 14');
});

test('mknod, utime, memfd_create, inotify, fs ioctls', () => {
  const m = new FakeMemory();
  m.put(PATH, cstr('/tmp/n'));
  assert.equal(line('mknodat', { args: [AT_FDCWD, PATH, 0o64600 | 0o4000, 0x11110370n], mem: m, rval: 0 }), 'mknodat(AT_FDCWD, "/tmp/n", S_IFBLK|S_ISUID|0600, makedev(0x103, 0x11170)) = 0');
  assert.equal(line('mknod', { args: [PATH, 0o10600, 0], mem: m, rval: 0 }), 'mknod("/tmp/n", S_IFIFO|0600) = 0');
  const ub = new Uint8Array(16);
  new DataView(ub.buffer).setBigInt64(0, 1700000000n, true);
  m.put(0x3000n, ub);
  assert.equal(line('utime', { args: [PATH, 0x3000n], mem: m, rval: 0 }), 'utime("/tmp/n", {actime=1700000000 /* 2023-11-14T22:13:20+0000 */, modtime=0}) = 0');
  m.put(0x4000n, cstr('huge'));
  assert.equal(line('memfd_create', { args: [0x4000n, 0x54000005], mem: m, rval: 8 }), 'memfd_create("huge", MFD_CLOEXEC|MFD_HUGETLB|21<<MFD_HUGE_SHIFT) = 8');
  assert.equal(line('memfd_create', { args: [0x4000n, 0], mem: m, rval: 7 }), 'memfd_create("huge", 0) = 7');
  assert.equal(line('memfd_create', { args: [0x4000n, 0x40], mem: m, err: 22 }), 'memfd_create("huge", 0x40 /* MFD_??? */) = -1 EINVAL (Invalid argument)');
  assert.equal(line('inotify_init1', { args: [0x80800], rval: 4 }), 'inotify_init1(IN_NONBLOCK|IN_CLOEXEC) = 4');
  assert.equal(line('inotify_add_watch', { args: [3, PATH, 0x1000300], mem: m, rval: 1 }), 'inotify_add_watch(3, "/tmp/n", IN_CREATE|IN_DELETE|IN_ONLYDIR) = 1');
  m.put(0x7000n, new Uint8Array([0, 0, 8, 0]));
  assert.equal(line('ioctl', { args: [3, 0x80086601, 0x7000n], mem: m, rval: 0 }), 'ioctl(3, FS_IOC_GETFLAGS, [FS_EXTENT_FL]) = 0');
  assert.equal(line('ioctl', { args: [4, 0x40049409, 3], err: 95 }), 'ioctl(4, BTRFS_IOC_CLONE or FICLONE, 3) = -1 EOPNOTSUPP (Operation not supported)');
});
