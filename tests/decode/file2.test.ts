/**
 * Unit tests of the file-family decoders added for mounts, the new mount API, fanotify, file handles,
 * landlock, quotactl, swapon and ustat: fake tracee memory in, the exact line strace 6.1 printed out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { decoders } from '../../src/decode/file.js';
import { dev } from '../../src/decode/printers.js';
import { symbolicMode } from '../../src/decode/stat.js';
import { defaultTextOptions, formatValue, type TextOptions } from '../../src/render/strace.js';
import { FakeMemory, lineMaker } from '../helpers/decode.js';

const line = lineMaker(decoders, () => new FakeMemory(true));
const AT_FDCWD = -100;
const EINVAL = 22, ENOENT = 2, EBADF = 9, EFAULT = 14, ENODEV = 19, EOVERFLOW = 75;

function bytes(n: number, fill: (v: DataView) => void): Uint8Array {
  const b = new Uint8Array(n);
  fill(new DataView(b.buffer));
  return b;
}

/** Strings at fixed addresses: returns the memory and each string's address. */
function strings(...s: string[]): { m: FakeMemory; at: bigint[] } {
  const m = new FakeMemory(true);
  const at = s.map((x, i) => m.put(0x1000n + BigInt(i) * 0x100n, x + '\0'));
  return { m, at };
}

test('mount: flags, MS_MGC_VAL, type and data ignored by bind mounts, data cut at -s', () => {
  const { m, at } = strings('none', 'm', 'tmpfs', 'size=1m,mode=0755', 'n', 'nosuchfs', 'a-long-option-string-0123456789-abcdefghij');
  assert.equal(line('mount', { args: [at[0]!, at[1]!, at[2]!, 0xe, at[3]!], mem: m }),
    'mount("none", "m", "tmpfs", MS_NOSUID|MS_NODEV|MS_NOEXEC, "size=1m,mode=0755") = 0');
  assert.equal(line('mount', { args: [at[0]!, at[4]!, at[5]!, 0xc0ed0c00, at[6]!], mem: m, err: ENODEV }),
    'mount("none", "n", "nosuchfs", MS_MGC_VAL|MS_NOATIME|MS_NODIRATIME, "a-long-option-string-0123456789-"...) = -1 ENODEV (No such device)');
  assert.equal(line('mount', { args: [at[1]!, at[4]!, 0x55a682dfa033n, 0x1000 | 0x4000, 1], mem: m, err: EFAULT }),
    'mount("m", "n", 0x55a682dfa033, MS_BIND|MS_REC, 0x1) = -1 EFAULT (Bad address)');
  assert.equal(line('mount', { args: [0, at[0]!, 0, 0x40000 | 0x4000, 0], mem: m }), 'mount(NULL, "none", NULL, MS_REC|MS_PRIVATE, NULL) = 0');
});

test('fsconfig, fsmount, mount_setattr', () => {
  const { m, at } = strings('bin', 'size', '1m');
  m.put(0x2000n, new Uint8Array([1, 2, 0x61, 0x62]));
  assert.equal(line('fsconfig', { args: [3, 2, at[0]!, 0x2000n, 4], mem: m, err: EINVAL }),
    'fsconfig(3, FSCONFIG_SET_BINARY, "bin", "\\x01\\x02\\x61\\x62", 4) = -1 EINVAL (Invalid argument)');
  assert.equal(line('fsconfig', { args: [3, 1, at[1]!, at[2]!, 0], mem: m }), 'fsconfig(3, FSCONFIG_SET_STRING, "size", "1m", 0) = 0');
  assert.equal(line('fsconfig', { args: [3, 100, 1, 2, 3], mem: m, err: 95 }),
    'fsconfig(3, 0x64 /* FSCONFIG_??? */, 0x1, 0x2, 3) = -1 EOPNOTSUPP (Operation not supported)');
  assert.equal(line('fsmount', { args: [3, 0x10, 0x40000], err: EINVAL }),
    'fsmount(3, 0x10 /* FSMOUNT_??? */, 0x40000 /* MOUNT_ATTR_??? */) = -1 EINVAL (Invalid argument)');
  const attr = bytes(32, (v) => { v.setBigUint64(0, 9n, true); v.setBigUint64(8, 2n, true); });
  const { m: m2, at: at2 } = strings('m');
  m2.put(0x3000n, attr);
  assert.equal(line('mount_setattr', { args: [AT_FDCWD, at2[0]!, 0x8000, 0x3000n, 32], mem: m2 }),
    'mount_setattr(AT_FDCWD, "m", AT_RECURSIVE, {attr_set=MOUNT_ATTR_RDONLY|MOUNT_ATTR_NOEXEC, attr_clr=MOUNT_ATTR_NOSUID, propagation=0 /* MS_??? */, userns_fd=0}, 32) = 0');
  assert.equal(line('mount_setattr', { args: [AT_FDCWD, at2[0]!, 0, 0x3000n, 16], mem: m2, err: EINVAL }),
    'mount_setattr(AT_FDCWD, "m", 0, 0x3000, 16) = -1 EINVAL (Invalid argument)');
});

test('fanotify_init and fanotify_mark', () => {
  assert.equal(line('fanotify_init', { args: [0x8000000c, 0], err: EINVAL }),
    'fanotify_init(0xc /* FAN_CLASS_??? */|0x80000000 /* FAN_??? */, O_RDONLY) = -1 EINVAL (Invalid argument)');
  assert.equal(line('fanotify_init', { args: [3, 0], rval: 5 }), 'fanotify_init(FAN_CLASS_NOTIF|FAN_CLOEXEC|FAN_NONBLOCK, O_RDONLY) = 5');
  const { m, at } = strings('f');
  assert.equal(line('fanotify_mark', { args: [5, 0x62, 1, -1, at[0]!], mem: m, err: EBADF }),
    'fanotify_mark(5, FAN_MARK_REMOVE|FAN_MARK_IGNORED_MASK|FAN_MARK_IGNORED_SURV_MODIFY, FAN_ACCESS, FAN_NOFD, "f") = -1 EBADF (Bad file descriptor)');
  assert.equal(line('fanotify_mark', { args: [5, 0x800, 0x100004040n, 999, at[0]!], mem: m, err: EINVAL }),
    'fanotify_mark(5, 0x800 /* FAN_MARK_??? */, FAN_MOVED_FROM|FAN_Q_OVERFLOW|0x100000000, 999, "f") = -1 EINVAL (Invalid argument)');
});

test('name_to_handle_at: the handle size in and out, the handle at exit; open_by_handle_at', () => {
  const { m, at } = strings('f');
  const h = bytes(8 + 128, (v) => v.setUint32(0, 128, true));
  m.put(0x4000n, h);
  m.put(0x5000n, bytes(4, (v) => v.setInt32(0, 26, true)));
  // the kernel fills the handle between entry and exit: emulate with a decoder run by hand
  const dec = decoders.name_to_handle_at!;
  const c = { pid: 1, nr: 0, name: 'name_to_handle_at', args: [BigInt.asUintN(64, -100n), at[0]!, 0x4000n, 0x5000n, 0n, 0n], mem: m,
    opt: { strsize: 32, abbrev: true, verbose: true }, rval: 0n, err: 0, state: {} };
  const entry = dec.entry(c).map((v) => formatValue(v));
  new DataView(h.buffer).setUint32(0, 8, true);
  new DataView(h.buffer).setInt32(4, 1, true);
  h.set([0x07, 0x82, 0x21, 0x00, 0x9f, 0x69, 0x21, 0xd5], 8);
  m.put(0x4000n, h);
  const rest = dec.exit!(c).map((v) => formatValue(v));
  assert.equal([...entry, ...rest].join(', '),
    'AT_FDCWD, "f", {handle_bytes=128 => 8, handle_type=1, f_handle="\\x07\\x82\\x21\\x00\\x9f\\x69\\x21\\xd5"}, [26], 0');
  assert.equal(line('name_to_handle_at', { args: [AT_FDCWD, at[0]!, 1, 0x5000n, 1], mem: m, err: EFAULT }),
    'name_to_handle_at(AT_FDCWD, "f", 0x1, 0x5000, 0x1 /* AT_??? */) = -1 EFAULT (Bad address)');
  assert.equal(line('name_to_handle_at', { args: [AT_FDCWD, at[0]!, 0x4000n, 0x5000n, 0], mem: m, err: ENOENT }),
    'name_to_handle_at(AT_FDCWD, "f", {handle_bytes=8}, 0x5000, 0) = -1 ENOENT (No such file or directory)');
  const bad = bytes(16, (v) => { v.setUint32(0, 8, true); v.setInt32(4, 1, true); });
  bad.set([1, 2, 3, 4, 5, 6, 7, 8], 8);
  m.put(0x6000n, bad);
  assert.equal(line('open_by_handle_at', { args: [3, 0x6000n, 0], mem: m, err: 116 }),
    'open_by_handle_at(3, {handle_bytes=8, handle_type=1, f_handle="\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08"}, O_RDONLY) = -1 ESTALE (Stale file handle)');
  void EOVERFLOW;
});

test('landlock', () => {
  const m = new FakeMemory(true);
  m.put(0x1000n, bytes(32, (v) => v.setBigUint64(0, 0x3fffn | (1n << 40n), true)));
  assert.equal(line('landlock_create_ruleset', { args: [0x1000n, 32, 0], mem: m, err: EINVAL }),
    'landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE|LANDLOCK_ACCESS_FS_WRITE_FILE|LANDLOCK_ACCESS_FS_READ_FILE|' +
    'LANDLOCK_ACCESS_FS_READ_DIR|LANDLOCK_ACCESS_FS_REMOVE_DIR|LANDLOCK_ACCESS_FS_REMOVE_FILE|LANDLOCK_ACCESS_FS_MAKE_CHAR|' +
    'LANDLOCK_ACCESS_FS_MAKE_DIR|LANDLOCK_ACCESS_FS_MAKE_REG|LANDLOCK_ACCESS_FS_MAKE_SOCK|LANDLOCK_ACCESS_FS_MAKE_FIFO|' +
    'LANDLOCK_ACCESS_FS_MAKE_BLOCK|LANDLOCK_ACCESS_FS_MAKE_SYM|LANDLOCK_ACCESS_FS_REFER|0x10000000000, ...}, 32, 0) = -1 EINVAL (Invalid argument)');
  assert.equal(line('landlock_create_ruleset', { args: [0, 0, 1], rval: 7 }), 'landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) = 7');
  m.put(0x2000n, bytes(12, (v) => { v.setBigUint64(0, 0x1004n, true); v.setInt32(8, 3, true); }));
  assert.equal(line('landlock_add_rule', { args: [7, 1, 0x2000n, 0], mem: m, err: EINVAL }),
    'landlock_add_rule(7, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=LANDLOCK_ACCESS_FS_READ_FILE|LANDLOCK_ACCESS_FS_MAKE_SYM, parent_fd=3}, 0) = -1 EINVAL (Invalid argument)');
  assert.equal(line('landlock_restrict_self', { args: [3, 7], err: 77 }), 'landlock_restrict_self(3, 0x7) = -1 EBADFD (File descriptor in bad state)');
});

test('quotactl: QCMD, structs in, unknown commands', () => {
  const { m, at } = strings('/dev/nosuch', 'aquota.user');
  m.put(0x3000n, new Uint8Array(24));
  assert.equal(line('quotactl', { args: [0x80000602, at[0]!, 0, 0x3000n], mem: m, err: ENOENT }),
    'quotactl(QCMD(Q_SETINFO, PRJQUOTA), "/dev/nosuch", {dqi_bgrace=0, dqi_igrace=0, dqi_flags=0, dqi_valid=0}) = -1 ENOENT (No such file or directory)');
  assert.equal(line('quotactl', { args: [0x12300, at[0]!, 7, 1], mem: m, err: ENOENT }),
    'quotactl(QCMD(0x123 /* Q_??? */, USRQUOTA), "/dev/nosuch", 7, 0x1) = -1 ENOENT (No such file or directory)');
  assert.equal(line('quotactl', { args: [0x80000200, at[0]!, 4, at[1]!], mem: m, err: ENOENT }),
    'quotactl(QCMD(Q_QUOTAON, USRQUOTA), "/dev/nosuch", QFMT_VFS_V1, "aquota.user") = -1 ENOENT (No such file or directory)');
  assert.equal(line('quotactl', { args: [0x80000700, at[0]!, 0, 0x3000n], mem: m, err: ENOENT }),
    'quotactl(QCMD(Q_GETQUOTA, USRQUOTA), "/dev/nosuch", 0, 0x3000) = -1 ENOENT (No such file or directory)');
  assert.equal(line('quotactl', { args: [0x80000100, 0, 0, 0], mem: m }), 'quotactl(QCMD(Q_SYNC, USRQUOTA), NULL) = 0');
});

test('swapon, ustat, modes and devices under -X', () => {
  const { m, at } = strings('nosuch');
  assert.equal(line('swapon', { args: [at[0]!, 0x178000 & ~0x8000], mem: m, err: EINVAL }),
    'swapon("nosuch", SWAP_FLAG_DISCARD|SWAP_FLAG_DISCARD_ONCE|SWAP_FLAG_DISCARD_PAGES|0x100000|0) = -1 EINVAL (Invalid argument)');
  assert.equal(line('swapon', { args: [at[0]!, 0x8005], mem: m, err: ENOENT }), 'swapon("nosuch", SWAP_FLAG_PREFER|5) = -1 ENOENT (No such file or directory)');
  assert.equal(line('ustat', { args: [1, 1], err: EFAULT }), 'ustat(makedev(0, 0x1), 0x1) = -1 EFAULT (Bad address)');
  const verbose: TextOptions = { ...defaultTextOptions, xlat: 'verbose' };
  assert.equal(formatValue(dev(0x103n), verbose), '0x103 /* makedev(0x1, 0x3) */');
  assert.equal(formatValue(symbolicMode(0o644), verbose), '0644 /* 0644 */');
  assert.equal(formatValue(symbolicMode(0o20666), verbose), '020666 /* S_IFCHR|0666 */');
});

test('fchmodat2 (newer than strace 6.1) prints as later strace does', () => {
  const { m, at } = strings('f');
  assert.equal(line('fchmodat2', { args: [AT_FDCWD, at[0]!, 0o640, 0x100], mem: m }), 'fchmodat2(AT_FDCWD, "f", 0640, AT_SYMLINK_NOFOLLOW) = 0');
  assert.equal(line('fchmodat2', { args: [AT_FDCWD, at[0]!, 0o640, 1], mem: m, err: EINVAL }),
    'fchmodat2(AT_FDCWD, "f", 0640, 0x1 /* AT_??? */) = -1 EINVAL (Invalid argument)');
});

test('quotactl: XFS commands, fs_disk_quota with -v', () => {
  const { m, at } = strings('/dev/nosuch');
  const xdq = new Uint8Array(112);
  xdq.set([1, 4, 0x3f], 0);
  xdq[8] = 100;
  xdq[56] = 7;
  m.put(0x3000n, xdq);
  m.put(0x4000n, bytes(4, (v) => v.setUint32(0, 0x105, true)));
  assert.equal(line('quotactl', { args: [0x580401, at[0]!, 42, 0x3000n], mem: m, err: ENOENT, opt: { abbrev: false } }),
    'quotactl(QCMD(Q_XSETQLIM, GRPQUOTA), "/dev/nosuch", 42, {d_version=1, d_flags=FS_GROUP_QUOTA, d_fieldmask=0x3f, d_id=0, ' +
    'd_blk_hardlimit=100, d_blk_softlimit=0, d_ino_hardlimit=0, d_ino_softlimit=0, d_bcount=0, d_icount=0, d_itimer=7, d_btimer=0, ' +
    'd_iwarns=0, d_bwarns=0, d_rtb_hardlimit=0, d_rtb_softlimit=0, d_rtbcount=0, d_rtbtimer=0, d_rtbwarns=0}) = -1 ENOENT (No such file or directory)');
  assert.equal(line('quotactl', { args: [0x580100, at[0]!, 0, 0x4000n], mem: m, err: ENOENT }),
    'quotactl(QCMD(Q_XQUOTAON, USRQUOTA), "/dev/nosuch", [FS_QUOTA_UDQ_ACCT|FS_QUOTA_GDQ_ACCT|0x100]) = -1 ENOENT (No such file or directory)');
  assert.equal(line('quotactl', { args: [0x580501, at[0]!, 0, 0x3000n], mem: m, err: ENOENT }),
    'quotactl(QCMD(Q_XGETQSTAT, GRPQUOTA), "/dev/nosuch", 0x3000) = -1 ENOENT (No such file or directory)');
  assert.equal(line('quotactl_fd', { args: [999, 0x80000101, 0, 0], mem: m, err: EBADF }),
    'quotactl_fd(999, QCMD(Q_SYNC, GRPQUOTA)) = -1 EBADF (Bad file descriptor)');
});
