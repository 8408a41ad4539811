/**
 * Unit tests of the desc decoders (fcntl, ioctl, Linux AIO, io_uring, poll) on fake tracee memory:
 * each case builds the memory and raw arguments of one call and asserts the line strace 6.1 printed
 * for the same call in tests/fixtures/fam_desc_*.c.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { decoders as descDecoders } from '../../src/decode/desc.js';
import { decoders as ioctlDecoders } from '../../src/decode/ioctl.js';
import { decoders as miscDecoders } from '../../src/decode/misc.js';
import { defaultTextOptions, formatValue } from '../../src/render/strace.js';
import { FakeMemory, lineMaker, bytes } from '../helpers/decode.js';

const line = lineMaker({ ...descDecoders, ...ioctlDecoders, ...miscDecoders }, () => new FakeMemory());


const CTX = 0x7f2a48412000n;
const BUF = 0x7fffedf23f60n;

/** struct iocb (64 bytes). */
const iocb = (o: { data?: number; rwFlags?: number; op: number; prio?: number; fd: number; buf?: bigint; n?: number; off?: number }) =>
  bytes(
    [8, o.data ?? 0], [4, 0], [4, o.rwFlags ?? 0], [2, o.op], [2, o.prio ?? 0], [4, o.fd],
    [8, o.buf ?? 0], [8, o.n ?? 0], [8, o.off ?? 0], [8, 0], [4, 0], [4, 0],
  );

test('io_submit: iocbs by opcode (pread buffer as address, pwrite buffer as string, fsync header only)', () => {
  const mem = new FakeMemory();
  mem.put(0x1000n, iocb({ data: 0x1234, op: 0, fd: 3, buf: BUF, n: 5 }));
  mem.put(0x2000n, iocb({ rwFlags: 2, op: 1, prio: 1, fd: 4, buf: 0x3000n, n: 4, off: 10 }));
  mem.put(0x3000n, 'aio!');
  mem.put(0x4000n, iocb({ op: 2, fd: 4 }));
  mem.put(0x5000n, bytes([8, 0x1000], [8, 0x2000], [8, 0x4000]));
  assert.equal(
    line('io_submit', { args: [CTX, 3, 0x5000], mem, rval: 3 }),
    'io_submit(0x7f2a48412000, 3, [{aio_data=0x1234, aio_lio_opcode=IOCB_CMD_PREAD, aio_fildes=3, aio_buf=0x7fffedf23f60, aio_nbytes=5, aio_offset=0}, {aio_data=0, aio_rw_flags=RWF_DSYNC, aio_lio_opcode=IOCB_CMD_PWRITE, aio_reqprio=1, aio_fildes=4, aio_buf="aio!", aio_nbytes=4, aio_offset=10}, {aio_data=0, aio_lio_opcode=IOCB_CMD_FSYNC, aio_fildes=4}]) = 3',
  );
  assert.equal(line('io_submit', { args: [CTX, 1, 1], err: 14 }), 'io_submit(0x7f2a48412000, 1, 0x1) = -1 EFAULT (Bad address)');
});

test('io_getevents: the events at exit, the timeout as given', () => {
  const mem = new FakeMemory();
  mem.put(0x1000n, bytes([8, 0x1234], [8, 0x7fffedf23f20n], [8, 5], [8, 0]));
  mem.put(0x2000n, bytes([8, 1], [8, 0]));
  assert.equal(
    line('io_getevents', { args: [CTX, 3, 4, 0x1000, 0x2000], mem, rval: 1 }, 'io_getevents_time64'),
    'io_getevents(0x7f2a48412000, 3, 4, [{data=0x1234, obj=0x7fffedf23f20, res=5, res2=0}], {tv_sec=1, tv_nsec=0}) = 1',
  );
  assert.equal(
    line('io_getevents', { args: [CTX, 0, 4, 1, 1], err: 14 }, 'io_getevents_time64'),
    'io_getevents(0x7f2a48412000, 0, 4, 0x1, 0x1) = -1 EFAULT (Bad address)',
  );
});

test('io_uring_setup: the params given, then what the kernel filled in', () => {
  const mem = new FakeMemory();
  const params = new Uint8Array(120);
  const v = new DataView(params.buffer);
  v.setUint32(0, 4, true);
  v.setUint32(4, 8, true);
  v.setUint32(20, 0x3fff, true);
  [0, 4, 16, 24, 36, 32, 192].forEach((x, i) => v.setUint32(40 + 4 * i, x, true));
  [8, 12, 20, 28, 44, 64, 40].forEach((x, i) => v.setUint32(80 + 4 * i, x, true));
  mem.put(0x1000n, params);
  assert.equal(
    line('io_uring_setup', { args: [4, 0x1000], mem, rval: 9 }),
    'io_uring_setup(4, {flags=0, sq_thread_cpu=0, sq_thread_idle=0, sq_entries=4, cq_entries=8, features=IORING_FEAT_SINGLE_MMAP|IORING_FEAT_NODROP|IORING_FEAT_SUBMIT_STABLE|IORING_FEAT_RW_CUR_POS|IORING_FEAT_CUR_PERSONALITY|IORING_FEAT_FAST_POLL|IORING_FEAT_POLL_32BITS|IORING_FEAT_SQPOLL_NONFIXED|IORING_FEAT_EXT_ARG|IORING_FEAT_NATIVE_WORKERS|IORING_FEAT_RSRC_TAGS|IORING_FEAT_CQE_SKIP|IORING_FEAT_LINKED_FILE|0x2000, sq_off={head=0, tail=4, ring_mask=16, ring_entries=24, flags=36, dropped=32, array=192}, cq_off={head=8, tail=12, ring_mask=20, ring_entries=28, overflow=44, cqes=64, flags=40}}) = 9',
  );
  assert.equal(line('io_uring_setup', { args: [2, 1], err: 14 }), 'io_uring_setup(2, 0x1) = -1 EFAULT (Bad address)');
});

test('io_uring_register: fds and unknown opcodes', () => {
  const mem = new FakeMemory();
  mem.put(0x1000n, bytes([4, 3], [4, 4]));
  assert.equal(line('io_uring_register', { args: [9, 2, 0x1000, 2], mem }), 'io_uring_register(9, IORING_REGISTER_FILES, [3, 4], 2) = 0');
  assert.equal(
    line('io_uring_register', { args: [9, 99, 0, 0], err: 22 }),
    'io_uring_register(9, 0x63 /* IORING_REGISTER_??? */, NULL, 0) = -1 EINVAL (Invalid argument)',
  );
});

test('ioctl: block requests, unknown requests, the request number under -X verbose', () => {
  const mem = new FakeMemory();
  mem.put(0x1000n, bytes([8, 0]));
  assert.equal(line('ioctl', { args: [6, 0x80081272, 0x1000], mem }), 'ioctl(6, BLKGETSIZE64, [0]) = 0');
  assert.equal(line('ioctl', { args: [6, 0x125f, 0], err: 22 }), 'ioctl(6, BLKRRPART) = -1 EINVAL (Invalid argument)');
  assert.equal(
    line('ioctl', { args: [5, 0xfe03, 0x10], err: 25 }),
    'ioctl(5, _IOC(_IOC_NONE, 0xfe, 0x3, 0), 0x10) = -1 ENOTTY (Inappropriate ioctl for device)',
  );
  const c = { pid: 1, nr: 16, name: 'ioctl', args: [4n, 0x5401n, 1n, 0n, 0n, 0n], mem, opt: { strsize: 32, abbrev: true, verbose: true }, rval: 0n, err: 0, state: {} };
  assert.equal(formatValue(ioctlDecoders.ioctl!.entry(c)[1]!, { ...defaultTextOptions, xlat: 'verbose' }), '0x5401 /* TCGETS */');
});

test('fcntl: F_SETSIG names the signal, F_GETFL names the flags', () => {
  assert.equal(line('fcntl', { args: [3, 10, 10] }), 'fcntl(3, F_SETSIG, SIGUSR1) = 0');
  assert.equal(line('fcntl', { args: [3, 3], rval: 0x8002 }), 'fcntl(3, F_GETFL) = 0x8002 (flags O_RDWR|O_LARGEFILE)');
});

test('poll: revents of the ready fds', () => {
  const mem = new FakeMemory();
  mem.put(0x1000n, bytes([4, 3], [2, 3], [2, 1], [4, 4], [2, 4], [2, 4], [4, -1], [2, 1], [2, 0]));
  assert.equal(
    line('poll', { args: [0x1000, 3, 0], mem, rval: 2 }, 'poll_time64'),
    'poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT}, {fd=-1}], 3, 0) = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}])',
  );
});

test('ioctl FS_IOC_FIEMAP: the request, then the mapped extents (all of them with -v)', () => {
  const mem = new FakeMemory();
  const head = (mapped: number) => bytes([8, 0], [8, -1], [4, 0], [4, mapped], [4, 2], [4, 0]);
  const extent = bytes([8, 0], [8, 87195328512], [8, 4096], [8, 0], [8, 0], [4, 1], [4, 0], [4, 0], [4, 0]);
  const m = new Uint8Array(32 + 56);
  m.set(head(1), 0);
  m.set(extent, 32);
  mem.put(0x1000n, m);
  const args = [5, 0xc020660b, 0x1000];
  assert.equal(
    line('ioctl', { args, mem, opt: { abbrev: false } }),
    'ioctl(5, FS_IOC_FIEMAP, {fm_start=0, fm_length=18446744073709551615, fm_flags=0, fm_extent_count=2} => {fm_flags=0, fm_mapped_extents=1, fm_extents=[{fe_logical=0, fe_physical=87195328512, fe_length=4096, fe_flags=FIEMAP_EXTENT_LAST}]}) = 0',
  );
  assert.equal(
    line('ioctl', { args, mem }),
    'ioctl(5, FS_IOC_FIEMAP, {fm_start=0, fm_length=18446744073709551615, fm_flags=0, fm_extent_count=2} => {fm_flags=0, fm_mapped_extents=1, ...}) = 0',
  );
  assert.equal(line('ioctl', { args: [5, 0xc020660b, 1], err: 14 }), 'ioctl(5, FS_IOC_FIEMAP, 0x1) = -1 EFAULT (Bad address)');
});

test('ioctl: loop and random requests', () => {
  const mem = new FakeMemory();
  const info = new Uint8Array(232);
  const v = new DataView(info.buffer);
  v.setBigUint64(24, 512n, true);
  v.setUint32(40, 3, true);
  v.setUint32(52, 0x105, true);
  info.set(new TextEncoder().encode('backing.img'), 56);
  mem.put(0x1000n, info);
  assert.equal(
    line('ioctl', { args: [5, 0x4c04, 0x1000], mem, err: 25 }),
    'ioctl(5, LOOP_SET_STATUS64, {lo_offset=0x200, lo_number=3, lo_flags=LO_FLAGS_READ_ONLY|LO_FLAGS_AUTOCLEAR|0x100, lo_file_name="backing.img", ...}) = -1 ENOTTY (Inappropriate ioctl for device)',
  );
  assert.equal(
    line('ioctl', { args: [5, 0x4c04, 0x1000], mem, err: 25, opt: { abbrev: false } }),
    'ioctl(5, LOOP_SET_STATUS64, {lo_device=makedev(0, 0), lo_inode=0, lo_rdevice=makedev(0, 0), lo_offset=0x200, lo_sizelimit=0, lo_number=3, lo_encrypt_type=LO_CRYPT_NONE, lo_encrypt_key_size=0, lo_flags=LO_FLAGS_READ_ONLY|LO_FLAGS_AUTOCLEAR|0x100, lo_file_name="backing.img", lo_crypt_name="", lo_encrypt_key="", lo_init=[0, 0]}) = -1 ENOTTY (Inappropriate ioctl for device)',
  );
  assert.equal(line('ioctl', { args: [5, 0x4c00, 999], err: 25 }), 'ioctl(5, LOOP_SET_FD, 999) = -1 ENOTTY (Inappropriate ioctl for device)');
  mem.put(0x2000n, bytes([4, 256]));
  assert.equal(line('ioctl', { args: [6, 0x80045200, 0x2000], mem }), 'ioctl(6, RNDGETENTCNT, [256]) = 0');
});

test('io_uring_register: resource registration, files update, ring fds', () => {
  const mem = new FakeMemory();
  mem.put(0x1000n, bytes([4, 2], [4, 0], [8, 0], [8, 0x2000], [8, 0x3000]));
  mem.put(0x2000n, bytes([4, 3], [4, 4]));
  mem.put(0x3000n, bytes([8, 1], [8, 0]));
  assert.equal(
    line('io_uring_register', { args: [9, 13, 0x1000, 32], mem }),
    'io_uring_register(9, IORING_REGISTER_FILES2, {nr=2, flags=0, data=[3, 4], tags=[0x1, 0]}, 32) = 0',
  );
  mem.put(0x4000n, bytes([4, 0], [4, 0], [8, 0x5000]));
  mem.put(0x5000n, bytes([4, 4], [4, -2]));
  assert.equal(
    line('io_uring_register', { args: [9, 6, 0x4000, 2], mem, err: 6 }),
    'io_uring_register(9, IORING_REGISTER_FILES_UPDATE, {offset=0, fds=[4, IORING_REGISTER_FILES_SKIP]}, 2) = -1 ENXIO (No such device or address)',
  );
  mem.put(0x6000n, bytes([4, -1], [4, 0], [8, 9], [4, 5], [4, 1], [8, 999]));
  assert.equal(
    line('io_uring_register', { args: [9, 20, 0x6000, 2], mem, rval: 1 }),
    'io_uring_register(9, IORING_REGISTER_RING_FDS, [{offset=-1, data=9}, {offset=5, resv=0x1, data=999}], 2) = 1',
  );
});

test('io_uring_register: probe and worker limits print what was given, then what the kernel wrote', () => {
  const mem = new FakeMemory();
  mem.put(0x1000n, new Uint8Array(16 + 8 * 2));
  const filled = (m: FakeMemory) => m.put(0x1000n, bytes([1, 62], [1, 63], [2, 0], [4, 0], [4, 0], [4, 0], [1, 0], [1, 0], [2, 1], [4, 0], [1, 1], [1, 0], [2, 1], [4, 0]));
  const c = { args: [3, 8, 0x1000, 2] };
  // the kernel fills the zeroed probe in: only its exit value prints
  const after = new FakeMemory();
  filled(after);
  const dec = descDecoders.io_uring_register!;
  const ctx = { pid: 1, nr: 427, name: 'io_uring_register', args: c.args.map(BigInt), mem: mem as FakeMemory, opt: { strsize: 32, abbrev: true, verbose: true }, rval: 0n, err: 0, state: {} as Record<string, unknown> };
  const entry = dec.entry(ctx).map((v) => formatValue(v));
  assert.deepEqual(entry, ['3', 'IORING_REGISTER_PROBE']);
  ctx.mem = after;
  const exit = dec.exit!(ctx).map((v) => formatValue(v));
  assert.equal(
    `io_uring_register(${[...entry, ...exit].join(', ')})`,
    'io_uring_register(3, IORING_REGISTER_PROBE, {last_op=62 /* IORING_OP_??? */, ops_len=63, ops=[{op=IORING_OP_NOP, flags=IO_URING_OP_SUPPORTED}, {op=IORING_OP_READV, flags=IO_URING_OP_SUPPORTED}, ...]}, 2)',
  );
  const w = new FakeMemory();
  w.put(0x2000n, bytes([4, 0], [4, 0], [4, 0]));
  assert.equal(
    line('io_uring_register', { args: [3, 19, 0x2000, 3], mem: w, err: 22 }),
    'io_uring_register(3, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=0, [IO_WQ_UNBOUND]=0, [2 /* IO_WQ_??? */]=0] => 0x2000, 3) = -1 EINVAL (Invalid argument)',
  );
});

test('poll: without abbrev the result text stops where strace\'s 1024-byte buffer does', () => {
  const mem = new FakeMemory();
  const fds: [1 | 2 | 4 | 8, number][] = [];
  for (let i = 0; i < 40; i++) fds.push([4, 100 + i], [2, 1], [2, 1]);
  mem.put(0x1000n, bytes(...fds));
  const l = line('poll', { args: [0x1000, 40, 0], mem, rval: 40, opt: { abbrev: false } }, 'poll_time64');
  assert.ok(l.endsWith('{fd=136, revents=POLLIN}, {fd=137, revents=POLLIN}, ...])'), l.slice(-80));
});

test('ioctl: nsfs requests (the namespace type named after the result, an fd result)', () => {
  assert.equal(line('ioctl', { args: [3, 0xb703, 0], rval: 0x40000000 }), 'ioctl(3, NS_GET_NSTYPE) = 1073741824 (CLONE_NEWNET)');
  assert.equal(line('ioctl', { args: [3, 0xb701, 0x40000000], rval: 4 }), 'ioctl(3, NS_GET_USERNS) = 4');
  const mem = new FakeMemory();
  mem.put(0x1000n, bytes([4, 0]));
  assert.equal(line('ioctl', { args: [4, 0xb704, 0x1000], mem }), 'ioctl(4, NS_GET_OWNER_UID, [0]) = 0');
});

test('ioctl: legacy IDE requests', () => {
  assert.equal(
    line('ioctl', { args: [6, 0x329, 0x1b], err: 22 }),
    'ioctl(6, HDIO_SET_NICE, 1 << IDE_NICE_DSC_OVERLAP|1 << IDE_NICE_ATAPI_OVERLAP|1 << IDE_NICE_1|1 << IDE_NICE_2) = -1 EINVAL (Invalid argument)',
  );
  assert.equal(line('ioctl', { args: [6, 0x32d, 7], err: 22 }), 'ioctl(6, HDIO_SET_BUSSTATE, 0x7 /* BUSSTATE_??? */) = -1 EINVAL (Invalid argument)');
  const mem = new FakeMemory();
  mem.put(0x1000n, bytes([4, 1], [4, 2], [4, 3]));
  assert.equal(line('ioctl', { args: [6, 0x31c, 0x1000], mem, err: 22 }), 'ioctl(6, HDIO_DRIVE_RESET, [0x1, 0x2, 0x3]) = -1 EINVAL (Invalid argument)');
});

test('ioctl: perf event requests', () => {
  assert.equal(
    line('ioctl', { args: [5, 0x2401, 6], err: 25 }),
    'ioctl(5, PERF_EVENT_IOC_DISABLE, 0x6 /* PERF_IOC_FLAG_??? */) = -1 ENOTTY (Inappropriate ioctl for device)',
  );
  const mem = new FakeMemory();
  mem.put(0x1000n, bytes([8, 1000]));
  mem.put(0x2000n, 'filter string\0');
  assert.equal(line('ioctl', { args: [5, 0x40082404, 0x1000], mem, err: 25 }), 'ioctl(5, PERF_EVENT_IOC_PERIOD, [1000]) = -1 ENOTTY (Inappropriate ioctl for device)');
  assert.equal(
    line('ioctl', { args: [5, 0x40082406, 0x2000], mem, err: 25 }),
    'ioctl(5, PERF_EVENT_IOC_SET_FILTER, "filter string") = -1 ENOTTY (Inappropriate ioctl for device)',
  );
});

// userfaultfd itself is memory's (tests/decode/memory.test.ts)
test('UFFDIO_API (features given => features granted, the ioctls)', () => {
  const dec = ioctlDecoders.ioctl!;
  const before = new FakeMemory();
  before.put(0x1000n, bytes([8, 0xaa], [8, 0], [8, 0]));
  const after = new FakeMemory();
  after.put(0x1000n, bytes([8, 0xaa], [8, 0x1ffff], [8, (1n << 63n) | 3n]));
  const ctx = { pid: 1, nr: 16, name: 'ioctl', args: [3n, 0xc018aa3fn, 0x1000n, 0n, 0n, 0n], mem: before, opt: { strsize: 32, abbrev: true, verbose: true }, rval: 0n, err: 0, state: {} };
  const out = dec.entry(ctx).map((v) => formatValue(v));
  ctx.mem = after;
  out.push(...dec.exit!(ctx).map((v) => formatValue(v)));
  assert.equal(
    `ioctl(${out.join(', ')})`,
    'ioctl(3, UFFDIO_API, {api=0xaa, features=0 => features=UFFD_FEATURE_PAGEFAULT_FLAG_WP|UFFD_FEATURE_EVENT_FORK|UFFD_FEATURE_EVENT_REMAP|UFFD_FEATURE_EVENT_REMOVE|UFFD_FEATURE_MISSING_HUGETLBFS|UFFD_FEATURE_MISSING_SHMEM|UFFD_FEATURE_EVENT_UNMAP|UFFD_FEATURE_SIGBUS|UFFD_FEATURE_THREAD_ID|UFFD_FEATURE_MINOR_HUGETLBFS|UFFD_FEATURE_MINOR_SHMEM|UFFD_FEATURE_EXACT_ADDRESS|UFFD_FEATURE_WP_HUGETLBFS_SHMEM|0x1e000, ioctls=1<<_UFFDIO_REGISTER|1<<_UFFDIO_UNREGISTER|1<<_UFFDIO_API})',
  );
});

test('ioctl: seccomp user notification requests', () => {
  const mem = new FakeMemory();
  mem.put(0x1000n, bytes([8, 0x1234], [8, -1], [4, -1], [4, 1]));
  assert.equal(
    line('ioctl', { args: [5, 0xc0182101, 0x1000], mem, err: 25 }),
    'ioctl(5, SECCOMP_IOCTL_NOTIF_SEND, {id=0x1234, val=-1, error=-EPERM, flags=SECCOMP_USER_NOTIF_FLAG_CONTINUE}) = -1 ENOTTY (Inappropriate ioctl for device)',
  );
  mem.put(0x2000n, bytes([8, 0x1234]));
  assert.equal(
    line('ioctl', { args: [5, 0x80082102, 0x2000], mem, err: 25 }),
    'ioctl(5, SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR, [0x1234]) = -1 ENOTTY (Inappropriate ioctl for device)',
  );
});

test('ioctl FIDEDUPERANGE: destinations, then their results', () => {
  const mem = new FakeMemory();
  const info = (fdn: number, done: number, status: number) => bytes([8, fdn], [8, 0], [8, done], [4, status], [4, 0]);
  const m = new Uint8Array(24 + 32 * 3);
  m.set(bytes([8, 0], [8, 4096], [2, 1], [2, 0], [4, 0]), 0);
  m.set(info(4, 0, 0), 24);
  mem.put(0x1000n, m);
  assert.equal(
    line('ioctl', { args: [3, 0xc0189436, 0x1000], mem, err: 95 }),
    'ioctl(3, BTRFS_IOC_FILE_EXTENT_SAME or FIDEDUPERANGE, {src_offset=0, src_length=4096, dest_count=1, info=[{dest_fd=4, dest_offset=0}]}) = -1 EOPNOTSUPP (Operation not supported)',
  );
  m.set(bytes([2, 3]), 16);
  m.set(info(4, 0, 0), 56);
  m.set(info(999, 0, 0), 88);
  assert.equal(
    line('ioctl', { args: [3, 0xc0189436, 0x1000], mem, err: 95 }),
    'ioctl(3, BTRFS_IOC_FILE_EXTENT_SAME or FIDEDUPERANGE, {src_offset=0, src_length=4096, dest_count=3, info=[{dest_fd=4, dest_offset=0}, {dest_fd=4, dest_offset=0}, ...]}) = -1 EOPNOTSUPP (Operation not supported)',
  );
});
