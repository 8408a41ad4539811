/**
 * Unit tests of ioctl families on fake tracee memory (seccomp user notifications, block devices,
 * perf events, socket bridges, PTP clocks): each case asserts the line strace 6.1 prints for the
 * same request and bytes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { decoders as ioctlDecoders } from '../../src/decode/ioctl.js';
import { sprinttime } from '../../src/decode/printers.js';
import { FakeMemory, lineMaker, bytes } from '../helpers/decode.js';

const line = lineMaker(ioctlDecoders, () => new FakeMemory());
const EBADF = 9;

test('dates past the JS Date range print as glibc does; a year beyond struct tm prints none', () => {
  const tz = process.env.TZ;
  process.env.TZ = 'UTC';
  try {
    assert.equal(sprinttime(320255973501901n, 987654321n), '10150477-10-18T23:25:01.987654321+0000');
    assert.equal(sprinttime(-62135596800n), '0001-01-01T00:00:00+0000');
    assert.equal(sprinttime(1700000000n), '2023-11-14T22:13:20+0000');
    assert.equal(sprinttime(0x7fffffffffffffffn), undefined);
  } finally {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  }
});

test('SECCOMP_IOCTL_NOTIF_RECV: a zeroed struct prints at exit, a filled one at entry and exit', () => {
  const mem = new FakeMemory();
  const notif = (nr: number, arch: number) =>
    bytes([8, 0x1234], [4, 77], [4, 1], [4, nr], [4, arch], [8, 0x401000], [8, 1], [8, 2], [8, 3], [8, 4], [8, 5], [8, 6]);
  mem.put(0x1000n, new Uint8Array(80));
  assert.equal(line('ioctl', { args: [-1, 0xc0502100, 0x1000], err: EBADF }), 'ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, 0x1000) = -1 EBADF (Bad file descriptor)');
  assert.equal(line('ioctl', { args: [-1, 0xc0502100, 0], err: EBADF }), 'ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, NULL) = -1 EBADF (Bad file descriptor)');
  mem.put(0x2000n, notif(186, 0xc000003e));
  const s = '{id=0x1234, pid=77, flags=0x1, data={nr=__NR_gettid, arch=AUDIT_ARCH_X86_64, instruction_pointer=0x401000, args=[0x1, 0x2, 0x3, 0x4, 0x5, 0x6]}}';
  assert.equal(line('ioctl', { args: [-1, 0xc0502100, 0x2000], mem, err: EBADF }), `ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, ${s} => 0x2000) = -1 EBADF (Bad file descriptor)`);
  assert.equal(line('ioctl', { args: [-1, 0xc0502100, 0x2000], mem }), `ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, ${s} => ${s}) = 0`);
  mem.put(0x3000n, notif(-1, 0x1234));
  assert.match(line('ioctl', { args: [-1, 0xc0502100, 0x3000], mem }), /data=\{nr=4294967295, arch=0x1234 \/\* AUDIT_ARCH_\?\?\? \*\/, /);
});

test('BLKPG and BLKTRACESETUP: the partition request, the trace setup and its name', () => {
  const mem = new FakeMemory();
  const part = new Uint8Array(152);
  part.set(bytes([8, 2048], [8, -1], [4, 3]));
  part.set(new TextEncoder().encode('sda3'), 20);
  part.fill(0x42, 84);
  mem.put(0x2000n, part);
  mem.put(0x1000n, bytes([4, 1], [4, -2], [4, 152], [4, 0], [8, 0x2000]));
  assert.equal(
    line('ioctl', { args: [3, 0x1269, 0x1000], mem, err: EBADF }),
    `ioctl(3, BLKPG, {op=BLKPG_ADD_PARTITION, flags=-2, datalen=152, data={start=2048, length=-1, pno=3, devname="sda3", volname="${'B'.repeat(63)}"...}}) = -1 EBADF (Bad file descriptor)`,
  );
  mem.put(0x3000n, bytes([4, 3], [4, 0], [4, 0], [4, 0], [8, 0xdead0]));
  assert.equal(line('ioctl', { args: [3, 0x1269, 0x3000], mem }), 'ioctl(3, BLKPG, {op=BLKPG_RESIZE_PARTITION, flags=0, datalen=0, data=0xdead0}) = 0');
  const setup = new Uint8Array(72);
  setup.set(new TextEncoder().encode('sda'), 0);
  setup.set(bytes([2, 3], [2, 0], [4, 512], [4, 4], [4, 0], [8, 0], [8, 100], [4, 9]), 32);
  mem.put(0x4000n, setup);
  const given = 'act_mask=3, buf_size=512, buf_nr=4, start_lba=0, end_lba=100, pid=9';
  assert.equal(line('ioctl', { args: [3, 0xc0481273, 0x4000], mem, err: EBADF }), `ioctl(3, BLKTRACESETUP, {${given}}) = -1 EBADF (Bad file descriptor)`);
  assert.equal(line('ioctl', { args: [3, 0xc0481273, 0x4000], mem }), `ioctl(3, BLKTRACESETUP, {${given}, name="sda"}) = 0`);
});

test('PERF_EVENT_IOC_QUERY_BPF and PERF_EVENT_IOC_MODIFY_ATTRIBUTES', () => {
  const mem = new FakeMemory();
  mem.put(0x1000n, bytes([4, 4], [4, 2], [4, 7], [4, 8]));
  assert.equal(line('ioctl', { args: [-1, 0xc008240a, 0x1000], mem, err: EBADF }), 'ioctl(-1, PERF_EVENT_IOC_QUERY_BPF, {ids_len=4, ...}) = -1 EBADF (Bad file descriptor)');
  assert.equal(line('ioctl', { args: [-1, 0xc008240a, 0x1000], mem, rval: 0 }), 'ioctl(-1, PERF_EVENT_IOC_QUERY_BPF, {ids_len=4, prog_cnt=2, ids=[7, 8]}) = 0');
  assert.equal(line('ioctl', { args: [-1, 0xc008240a, 0] }), 'ioctl(-1, PERF_EVENT_IOC_QUERY_BPF, NULL) = 0');
  mem.put(0x2000n, bytes([4, 1], [4, 64], [8, 2], [8, 0], [8, 0], [8, 0], [8, 0], [8, 0], [8, 0]));
  assert.match(line('ioctl', { args: [-1, 0x4008240b, 0x2000], mem }), /^ioctl\(-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, \{type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER0, config=PERF_COUNT_SW_PAGE_FAULTS, /);
  assert.equal(line('ioctl', { args: [-1, 0x4008240b, 0] }), 'ioctl(-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, NULL) = 0');
});

test('SIOCBRADDBR: a bridge name of IFNAMSIZ bytes without a NUL, or an address when they cannot be read', () => {
  const mem = new FakeMemory(true);
  mem.put(0x1000n, '0123456789abcdef');
  assert.equal(line('ioctl', { args: [-1, 0x89a0, 0x1000], mem, err: EBADF }), 'ioctl(-1, SIOCBRADDBR, "0123456789abcdef"...) = -1 EBADF (Bad file descriptor)');
  assert.equal(line('ioctl', { args: [-1, 0x89a1, 0x1001], mem, err: EBADF }), 'ioctl(-1, SIOCBRDELBR, 0x1001) = -1 EBADF (Bad file descriptor)');
  mem.put(0x2000n, 'br0\0');
  assert.equal(line('ioctl', { args: [-1, 0x89a0, 0x2000], mem }), 'ioctl(-1, SIOCBRADDBR, "br0") = 0');
});

test('UBI: volume requests with names cut at name_len, numbers by pointer, requests without an argument', () => {
  const mem = new FakeMemory();
  const mk = new Uint8Array(152);
  mk.set(bytes([4, 1], [4, 4096], [8, 1 << 20], [1, 4], [1, 1], [2, 2]));
  mk.set(new TextEncoder().encode('vol0'), 24);
  mem.put(0x1000n, mk);
  mem.put(0x2000n, bytes([4, 5]));
  const req = '{vol_id=1, alignment=4096, bytes=1048576, vol_type=UBI_STATIC_VOLUME, flags=UBI_VOL_SKIP_CRC_CHECK_FLG, name_len=2, name="vo"...}';
  assert.equal(line('ioctl', { args: [3, 0x40986f00, 0x1000], mem, err: EBADF }), `ioctl(3, UBI_IOCMKVOL, ${req}) = -1 EBADF (Bad file descriptor)`);
  mem.put(0x1000n + 152n, bytes([4, 0]));
  assert.equal(line('ioctl', { args: [3, 0x40986f00, 0x1000], mem }), `ioctl(3, UBI_IOCMKVOL, ${req} => [1]) = 0`);
  assert.equal(line('ioctl', { args: [3, 0x40046f41, 0x2000], mem }), 'ioctl(3, UBI_IOCDET, [5]) = 0');
  assert.equal(line('ioctl', { args: [3, 0x4f08, 0x2000], mem }), 'ioctl(3, UBI_IOCVOLRMBLK) = 0');
  mem.put(0x3000n, bytes([4, 7], [1, 3], [1, 0], [2, 0]));
  assert.equal(line('ioctl', { args: [3, 0x40084f03, 0x3000], mem }), 'ioctl(3, UBI_IOCEBMAP, {lnum=7, dtype=UBI_UNKNOWN}) = 0');
});

test('MTD: erase ranges at entry, device info at exit, OTP modes by pointer; the mixer name alongside', () => {
  const mem = new FakeMemory();
  mem.put(0x1000n, bytes([4, 0x20000], [4, 0x10000]));
  assert.equal(line('ioctl', { args: [3, 0x40084d02, 0x1000], mem }), 'ioctl(3, MIXER_WRITE(2) or MEMERASE, {start=0x20000, length=0x10000}) = 0');
  mem.put(0x2000n, bytes([1, 4], [1, 0], [2, 0], [4, 0x400], [4, 0x100000], [4, 0x20000], [4, 0x800], [4, 0x40], [8, 0]));
  assert.equal(
    line('ioctl', { args: [3, 0x80204d01, 0x2000], mem }),
    'ioctl(3, MIXER_READ(1) or MEMGETINFO, {type=MTD_NANDFLASH, flags=MTD_WRITEABLE, size=0x100000, erasesize=0x20000, writesize=0x800, oobsize=0x40, padding=0}) = 0',
  );
  assert.equal(line('ioctl', { args: [3, 0x80204d01, 0x2000], mem, err: EBADF }), 'ioctl(3, MIXER_READ(1) or MEMGETINFO, 0x2000) = -1 EBADF (Bad file descriptor)');
  mem.put(0x3000n, bytes([4, 2]));
  assert.equal(line('ioctl', { args: [3, 0x80044d0d, 0x3000], mem }), 'ioctl(3, MIXER_READ(13) or OTPSELECT, [MTD_OTP_USER]) = 0');
  assert.equal(line('ioctl', { args: [3, 0x4d13, 3] }), 'ioctl(3, MTDFILEMODE, MTD_FILE_MODE_RAW) = 0');
});

test('SCSI generic: ints by pointer, resets, the device id at exit, SG_GET_TIMEOUT without an argument', () => {
  const mem = new FakeMemory();
  mem.put(0x1000n, bytes([4, 0x102]));
  assert.equal(line('ioctl', { args: [3, 0x2284, 0x1000], mem }), 'ioctl(3, SG_SCSI_RESET, [SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_BUS]) = 0');
  assert.equal(line('ioctl', { args: [3, 0x2201, 0x1000], mem }), 'ioctl(3, SG_SET_TIMEOUT, [258]) = 0');
  assert.equal(line('ioctl', { args: [3, 0x2202, 0x1000], mem, rval: 60 }), 'ioctl(3, SG_GET_TIMEOUT) = 60');
  mem.put(0x2000n, bytes([4, 1], [4, 0], [4, 5], [4, 0], [4, 0x5], [2, 2], [2, 3], [8, 0]));
  assert.equal(
    line('ioctl', { args: [3, 0x2276, 0x2000], mem }),
    'ioctl(3, SG_GET_SCSI_ID, {host_no=1, channel=0, scsi_id=0x5, lun=0, scsi_type=0x5, h_cmd_per_lun=2, d_queue_depth=3}) = 0',
  );
});

test('KVM: capabilities by name, memory regions, registers and CPUID tables abbreviated as strace does', () => {
  const mem = new FakeMemory();
  assert.equal(line('ioctl', { args: [3, 0xae03, 3], rval: 1 }), 'ioctl(3, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY) = 1');
  assert.equal(line('ioctl', { args: [3, 0xae03, 0xfffff], rval: 0 }), 'ioctl(3, KVM_CHECK_EXTENSION, 0xfffff /* KVM_CAP_??? */) = 0');
  mem.put(0x1000n, bytes([4, 0], [4, 2], [8, 0x1000], [8, 4096], [8, 0x7f0000]));
  assert.equal(
    line('ioctl', { args: [4, 0x4020ae46, 0x1000], mem }),
    'ioctl(4, KVM_SET_USER_MEMORY_REGION, {slot=0, flags=KVM_MEM_READONLY, guest_phys_addr=0x1000, memory_size=4096, userspace_addr=0x7f0000}) = 0',
  );
  const regs = new Uint8Array(144);
  regs.set(bytes([8, 2]), 0);
  regs.set(bytes([8, 0x1000], [8, 2]), 128);
  mem.put(0x2000n, regs);
  assert.equal(line('ioctl', { args: [5, 0x4090ae82, 0x2000], mem }), 'ioctl(5, KVM_SET_REGS, {rax=0x2, ..., rsp=0, rbp=0, ..., rip=0x1000, rflags=0x2}) = 0');
  assert.equal(line('ioctl', { args: [5, 0x8090ae81, 0x2000], mem, err: EBADF }), 'ioctl(5, KVM_GET_REGS, 0x2000) = -1 EBADF (Bad file descriptor)');
  mem.put(0x3000n, bytes([4, 1], [4, 0], [4, 7], [4, 0], [4, 1], [4, 0x1c], [4, 0], [4, 0], [4, 0], [4, 0], [4, 0], [4, 0]));
  assert.equal(line('ioctl', { args: [5, 0x4008ae90, 0x3000], mem }), 'ioctl(5, KVM_SET_CPUID2, {nent=1, entries=[...]}) = 0');
  assert.equal(
    line('ioctl', { args: [5, 0x4008ae90, 0x3000], mem, opt: { abbrev: false } }),
    'ioctl(5, KVM_SET_CPUID2, {nent=1, entries=[{function=0x7, index=0, flags=KVM_CPUID_FLAG_SIGNIFCANT_INDEX, eax=0x1c, ebx=0, ecx=0, edx=0}]}) = 0',
  );
  const sregs = new Uint8Array(312);
  sregs.set(bytes([8, 0xffff0000], [4, 65535], [2, 61440], [1, 11], [1, 1], [1, 0], [1, 0], [1, 1]), 0);
  mem.put(0x4000n, sregs);
  assert.equal(
    line('ioctl', { args: [5, 0x8138ae83, 0x4000], mem }),
    'ioctl(5, KVM_GET_SREGS, {cs={base=0xffff0000, limit=65535, selector=61440, type=11, present=1, dpl=0, db=0, s=1, l=0, g=0, avl=0}, ...}) = 0',
  );
});

test('SG_IO: the v3 request, then what the device sent back; an unknown interface id; a short header', () => {
  const mem = new FakeMemory();
  const hdr = new Uint8Array(88);
  hdr.set(bytes([4, 0x53], [4, 0xfffffffc], [1, 1], [1, 0], [2, 0], [4, 3], [8, 0x2000], [8, 0x3000], [8, 0]));
  hdr.set(bytes([4, 100], [4, 0]), 40);
  hdr.set(bytes([1, 0], [1, 0], [1, 0], [1, 0], [2, 0], [2, 0], [4, 1], [4, 7], [4, 0]), 64);
  mem.put(0x1000n, hdr);
  mem.put(0x2000n, 'abc');
  mem.put(0x3000n, '\x12');
  assert.equal(
    line('ioctl', { args: [3, 0x2285, 0x1000], mem }),
    'ioctl(3, SG_IO, {interface_id=\'S\', dxfer_direction=SG_DXFER_TO_FROM_DEV, cmd_len=1, cmdp="\\x12", mx_sb_len=0, iovec_count=0, dxfer_len=3, timeout=100, flags=0, dxferp="\\x61\\x62\\x63" => dxferp="\\x61\\x62", status=0, masked_status=0, msg_status=0, sb_len_wr=0, sbp=NULL, host_status=0, driver_status=0, resid=1, duration=7, info=0}) = 0',
  );
  mem.put(0x4000n, bytes([4, 0x41]));
  assert.equal(line('ioctl', { args: [3, 0x2285, 0x4000], mem }), 'ioctl(3, SG_IO, [65]) = 0');
  mem.put(0x5000n, bytes([4, 0x51], [4, 0]));
  assert.equal(line('ioctl', { args: [3, 0x2285, 0x5000], mem, err: EBADF }), "ioctl(3, SG_IO, {guard='Q', 0x5004}) = -1 EBADF (Bad file descriptor)");
});

test('device mapper: the header, target specs with -v, misplaced records, the header again at exit', () => {
  const mem = new FakeMemory();
  const hdr = (dataSize: number, dataStart: number, targets: number, fl = 0): Uint8Array => {
    const b = new Uint8Array(312);
    b.set(bytes([4, 4], [4, 1], [4, 2], [4, dataSize], [4, dataStart], [4, targets], [4, 0], [4, fl], [4, 0], [4, 0], [8, 0x1234]));
    b.set(new TextEncoder().encode('dm0'), 48);
    return b;
  };
  mem.put(0x1000n, hdr(312, 0, 0));
  const head = 'version=[4, 1, 2], data_size=312, dev=makedev(0x12, 0x34), name="dm0"';
  assert.equal(line('ioctl', { args: [3, 0xc138fd07, 0x1000], mem, err: EBADF }), `ioctl(3, DM_DEV_STATUS, [{${head}, flags=0}]) = -1 EBADF (Bad file descriptor)`);
  assert.equal(
    line('ioctl', { args: [3, 0xc138fd07, 0x1000], mem }),
    `ioctl(3, DM_DEV_STATUS, [{${head}, flags=0}] => [{${head}, target_count=0, open_count=0, event_nr=0, flags=0}]) = 0`,
  );
  const load = new Uint8Array(400);
  load.set(hdr(400, 312, 1));
  load.set(bytes([8, 0], [8, 8], [4, 0], [4, 0]), 312);
  load.set(new TextEncoder().encode('linear\0\0'), 336);
  load.set(new TextEncoder().encode('/dev/sda 0\0'), 352);
  mem.put(0x2000n, load);
  const loadHead = 'version=[4, 1, 2], data_size=400, data_start=312, dev=makedev(0x12, 0x34), name="dm0", target_count=1, flags=0';
  assert.equal(line('ioctl', { args: [3, 0xc138fd09, 0x2000], mem, err: EBADF }), `ioctl(3, DM_TABLE_LOAD, [{${loadHead}}, ...]) = -1 EBADF (Bad file descriptor)`);
  assert.equal(
    line('ioctl', { args: [3, 0xc138fd09, 0x2000], mem, err: EBADF, opt: { abbrev: false } }),
    `ioctl(3, DM_TABLE_LOAD, [{${loadHead}}, {sector_start=0, length=8, target_type="linear", string="/dev/sda 0"}]) = -1 EBADF (Bad file descriptor)`,
  );
  mem.put(0x3000n, hdr(312, 300, 1));
  assert.match(
    line('ioctl', { args: [3, 0xc138fd09, 0x3000], mem, err: EBADF, opt: { abbrev: false } }),
    /target_count=1, flags=0\}, \?\?\? \/\* misplaced struct dm_target_spec \*\/\]\) = -1 EBADF/,
  );
  const old = new Uint8Array(312);
  old.set(bytes([4, 3], [4, 0], [4, 0], [4, 312]));
  mem.put(0x4000n, old);
  assert.equal(line('ioctl', { args: [3, 0xc138fd00, 0x4000], mem, err: EBADF }), 'ioctl(3, DM_VERSION, [{version=[3, 0, 0] /* unsupported device mapper ABI version */}]) = -1 EBADF (Bad file descriptor)');
});

test('TEE: requests behind tee_ioctl_buf_data, their answers, shared memory', () => {
  const mem = new FakeMemory();
  const inv = new Uint8Array(24 + 64);
  inv.set(bytes([4, 7], [4, 0xabc], [4, 1], [4, 0], [4, 0], [4, 2]));
  inv.set(bytes([8, 1], [8, 0x10], [8, 0x20], [8, 0x30], [8, 5], [8, 0], [8, 64], [8, 3]), 24);
  mem.put(0x2000n, inv);
  mem.put(0x1000n, bytes([8, 0x2000], [8, 88]));
  const given = '{func=7, session=0xabc, cancel_id=1, num_params=2, params=[{attr=TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT, a=0x10, b=0x20, c=0x30}, {attr=TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT, shm_offs=0, size=0x40, shm_id=3}]}';
  assert.equal(line('ioctl', { args: [-1, 0x8010a403, 0x1000], mem, err: EBADF }), `ioctl(-1, TEE_IOC_INVOKE, {buf_len=88, buf_ptr=${given}}) = -1 EBADF (Bad file descriptor)`);
  assert.match(line('ioctl', { args: [-1, 0x8010a403, 0x1000], mem }), /num_params=2, params=\[.*\]\} => \{ret=0, ret_origin=0 \/\* TEEC_ORIGIN_\?\?\? \*\/, params=\[/);
  mem.put(0x3000n, bytes([8, 0x2000], [8, 5000]));
  assert.equal(line('ioctl', { args: [-1, 0x8010a403, 0x3000], mem }), 'ioctl(-1, TEE_IOC_INVOKE, {buf_len=5000, buf_ptr=0x2000}) = 0');
  mem.put(0x4000n, bytes([8, 0x1000], [4, 1], [4, 4]));
  assert.equal(
    line('ioctl', { args: [-1, 0xc010a401, 0x4000], mem }),
    'ioctl(-1, TEE_IOC_SHM_ALLOC, {size=0x1000, flags=TEE_IOCTL_SHM_MAPPED} => {size=0x1000, flags=TEE_IOCTL_SHM_MAPPED, id=4}) = 0',
  );
  mem.put(0x5000n, bytes([4, 1], [4, 1], [4, 5]));
  assert.equal(
    line('ioctl', { args: [-1, 0x800ca400, 0x5000], mem }),
    'ioctl(-1, TEE_IOC_VERSION, {impl_id=TEE_IMPL_ID_OPTEE, gen_caps=TEE_GEN_CAP_GP|TEE_GEN_CAP_REG_MEM, impl_caps=TEE_OPTEE_CAP_TZ}) = 0',
  );
});
