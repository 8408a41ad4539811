/**
 * Unit tests of the proc family decoders (ioprio, kcmp, reboot, modules, sched_attr, futex_waitv,
 * robust lists, process_vm, ptrace, keys, bpf, perf_event_open) on fake tracee memory. Each expected
 * line is what strace 6.1 printed for the same call in tests/fixtures/fam_proc_*.c.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { REGISTRY } from '../../src/decode/index.js';
import type { SyscallDecoder } from '../../src/decode/types.js';
import { FakeMemory, lineMaker, bytes } from '../helpers/decode.js';
import { formatRet, formatValue } from '../../src/render/strace.js';
import type { Ctx } from '../../src/decode/types.js';

const ALL: Readonly<Record<string, SyscallDecoder>> = REGISTRY;
const line = lineMaker(ALL, () => new FakeMemory(false));


const EFAULT = 14, EINVAL = 22, EAGAIN = 11, ENOKEY = 126, ESRCH = 3, E2BIG = 7, ENOSYS = 38;
const BUF = 0x7ffd0000n;
const BUF2 = 0x7ffd1000n;

test('ioprio_get/ioprio_set print IOPRIO_PRIO_VALUE', () => {
  assert.equal(line('ioprio_get', { args: [1, 0], rval: 0 }), 'ioprio_get(IOPRIO_WHO_PROCESS, 0) = 0 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))');
  assert.equal(line('ioprio_set', { args: [1, 0, (2 << 13) | 4] }), 'ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)) = 0');
  assert.equal(line('ioprio_set', { args: [1, 0, (7 << 13) | 5], err: EINVAL }),
    'ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(0x7 /* IOPRIO_CLASS_??? */, 5)) = -1 EINVAL (Invalid argument)');
  assert.equal(line('ioprio_get', { args: [9, 0], err: EINVAL }), 'ioprio_get(0x9 /* IOPRIO_WHO_??? */, 0) = -1 EINVAL (Invalid argument)');
});

test('kcmp, reboot and the module calls', () => {
  assert.equal(line('kcmp', { args: [1, 1, 0, 0, 1], rval: 2 }), 'kcmp(1, 1, KCMP_FILE, 0, 1) = 2');
  assert.equal(line('kcmp', { args: [1, 1, 1, 0, 0] }), 'kcmp(1, 1, KCMP_VM) = 0');
  assert.equal(line('kcmp', { args: [1, 1, 99, 0, 0], err: EINVAL }), 'kcmp(1, 1, 0x63 /* KCMP_??? */, 0, 0) = -1 EINVAL (Invalid argument)');
  assert.equal(line('reboot', { args: [0xfee1dead, 0x12345, 0x1234567, 0], err: EINVAL }),
    'reboot(LINUX_REBOOT_MAGIC1, 0x12345 /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_CMD_RESTART) = -1 EINVAL (Invalid argument)');
  const mem = new FakeMemory();
  mem.put(BUF, 'a=b\0');
  mem.put(BUF2, 'nosuchmod\0');
  assert.equal(line('finit_module', { args: [99, BUF, 3], mem, err: ENOSYS }),
    'finit_module(99, "a=b", MODULE_INIT_IGNORE_MODVERSIONS|MODULE_INIT_IGNORE_VERMAGIC) = -1 ENOSYS (Function not implemented)');
  assert.equal(line('delete_module', { args: [BUF2, 0xa00], mem, err: ENOSYS }),
    'delete_module("nosuchmod", O_NONBLOCK|O_TRUNC) = -1 ENOSYS (Function not implemented)');
  assert.equal(line('init_module', { args: [1, 16, BUF], mem, err: ENOSYS }), 'init_module(0x1, 16, "a=b") = -1 ENOSYS (Function not implemented)');
});

test('sched_getattr/sched_setattr print struct sched_attr', () => {
  const mem = new FakeMemory();
  mem.put(BUF, bytes([4, 56], [4, 0], [8, 0], [4, 0], [4, 0], [8, 1400000], [8, 0], [8, 0], [4, 0], [4, 0]));
  assert.equal(line('sched_getattr', { args: [0, BUF, 56, 0], mem }),
    'sched_getattr(0, {size=56, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=0, sched_priority=0, sched_runtime=1400000, sched_deadline=0, sched_period=0, sched_util_min=0, sched_util_max=0}, 56, 0) = 0');
  mem.put(BUF2, bytes([4, 8], [4, 0]));
  assert.equal(line('sched_setattr', { args: [0, BUF2, 0], mem, err: E2BIG }),
    'sched_setattr(0, {size=8} => {size=8}, 0) = -1 E2BIG (Argument list too long)');
  assert.equal(line('sched_getattr', { args: [0, 1, 56, 0], err: EFAULT }), 'sched_getattr(0, 0x1, 56, 0) = -1 EFAULT (Bad address)');
});

test('futex_waitv, get_robust_list, process_vm_writev', () => {
  const mem = new FakeMemory();
  mem.put(BUF, new Uint8Array([...bytes([8, 1], [8, 0x5000], [4, 2], [4, 0]), ...bytes([8, 0], [8, 0x5004], [4, 0x82], [4, 0])]));
  assert.equal(line('futex_waitv', { args: [BUF, 2, 0, 0, 1], mem, err: EAGAIN }),
    'futex_waitv([{val=0x1, uaddr=0x5000, flags=FUTEX_32}, {val=0, uaddr=0x5004, flags=FUTEX_32|FUTEX_PRIVATE_FLAG}], 2, 0, NULL, CLOCK_MONOTONIC) = -1 EAGAIN (Resource temporarily unavailable)');
  mem.put(BUF2, bytes([8, 0x7f0000a20n], [8, 24]));
  assert.equal(line('get_robust_list', { args: [0, BUF2, BUF2 + 8n], mem }), 'get_robust_list(0, [0x7f0000a20], [24]) = 0');
  const m2 = new FakeMemory();
  m2.put(BUF, 'abcd');
  m2.put(BUF2, bytes([8, BUF], [8, 4], [8, 0x1000], [8, 4]));
  assert.equal(line('process_vm_writev', { args: [42, BUF2, 1, BUF2 + 16n, 1, 0], mem: m2, rval: 4 }),
    'process_vm_writev(42, [{iov_base="abcd", iov_len=4}], 1, [{iov_base=0x1000, iov_len=4}], 1, 0) = 4');
});

test('ptrace requests', () => {
  assert.equal(line('ptrace', { args: [0x4200, 999999, 0, 0x100009], err: ESRCH }),
    'ptrace(PTRACE_SETOPTIONS, 999999, NULL, PTRACE_O_TRACESYSGOOD|PTRACE_O_TRACECLONE|PTRACE_O_EXITKILL) = -1 ESRCH (No such process)');
  assert.equal(line('ptrace', { args: [0xc, 999999, 0, 1], err: ESRCH }), 'ptrace(PTRACE_GETREGS, 999999, 0x1) = -1 ESRCH (No such process)');
  assert.equal(line('ptrace', { args: [8, 999999, 0, 0], err: ESRCH }), 'ptrace(PTRACE_KILL, 999999) = -1 ESRCH (No such process)');
  assert.equal(line('ptrace', { args: [7, 999999, 0, 9], err: ESRCH }), 'ptrace(PTRACE_CONT, 999999, NULL, SIGKILL) = -1 ESRCH (No such process)');
  assert.equal(line('ptrace', { args: [0, 0, 0, 0], err: 1 }), 'ptrace(PTRACE_TRACEME) = -1 EPERM (Operation not permitted)');
  const mem = new FakeMemory();
  mem.put(BUF, bytes([1, 2], [1, 0], [2, 0], [4, 0xc000003e], [8, 0x401000], [8, 0x7ffc0000], [8, -2n], [1, 1]));
  assert.equal(line('ptrace', { args: [0x420e, 5, 88, BUF], mem, rval: 33 }),
    'ptrace(PTRACE_GET_SYSCALL_INFO, 5, 88, {op=PTRACE_SYSCALL_INFO_EXIT, arch=AUDIT_ARCH_X86_64, instruction_pointer=0x401000, stack_pointer=0x7ffc0000, exit={rval=-ENOENT, is_error=1}}) = 33');
  // an i386 call (int $0x80) is named from the i386 table, as a comment: not the tracer's personality
  const m386 = new FakeMemory();
  m386.put(BUF, bytes([1, 1], [1, 0], [2, 0], [4, 0x40000003], [8, 0x401000], [8, 0x7ffc0000], [8, 200], [8, 1], [8, 0], [8, 0], [8, 0], [8, 0], [8, 0]));
  assert.equal(line('ptrace', { args: [0x420e, 5, 88, BUF], mem: m386, rval: 80 }),
    'ptrace(PTRACE_GET_SYSCALL_INFO, 5, 88, {op=PTRACE_SYSCALL_INFO_ENTRY, arch=AUDIT_ARCH_I386, instruction_pointer=0x401000, stack_pointer=0x7ffc0000, entry={nr=200 /* getgid32 */, args=[0x1, 0, 0, 0, 0, 0]}}) = 80');
});

test('add_key, request_key, keyctl', () => {
  const mem = new FakeMemory();
  mem.put(BUF, 'user\0');
  mem.put(BUF + 0x100n, 'fixture:key\0');
  mem.put(BUF + 0x200n, 'payload');
  assert.equal(line('add_key', { args: [BUF, BUF + 0x100n, BUF + 0x200n, 7, 12345], mem, err: ENOKEY }),
    'add_key("user", "fixture:key", "payload", 7, 12345) = -1 ENOKEY (Required key not available)');
  assert.equal(line('request_key', { args: [BUF, BUF + 0x100n, 0, -3], mem, err: ENOKEY }),
    'request_key("user", "fixture:key", NULL, KEY_SPEC_SESSION_KEYRING) = -1 ENOKEY (Required key not available)');
  assert.equal(line('keyctl', { args: [5, 12345, 0x3f010000, 0, 0], err: ENOKEY }),
    'keyctl(KEYCTL_SETPERM, 12345, KEY_POS_VIEW|KEY_POS_READ|KEY_POS_WRITE|KEY_POS_SEARCH|KEY_POS_LINK|KEY_POS_SETATTR|KEY_USR_VIEW) = -1 ENOKEY (Required key not available)');
  assert.equal(line('keyctl', { args: [6, 12345, 1, 10, 0], err: ENOKEY }), 'keyctl(KEYCTL_DESCRIBE, 12345, 0x1, 10) = -1 ENOKEY (Required key not available)');
  assert.equal(line('keyctl', { args: [14, 0, 0, 0, 0] }), 'keyctl(KEYCTL_SET_REQKEY_KEYRING, KEY_REQKEY_DEFL_DEFAULT) = 0');
  assert.equal(line('keyctl', { args: [0x99, 1, 2, 3, 4], err: 95 }),
    'keyctl(0x99 /* KEYCTL_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EOPNOTSUPP (Operation not supported)');
});

test('bpf BPF_MAP_CREATE and perf_event_open', () => {
  const mem = new FakeMemory();
  const attr = new Uint8Array(72);
  attr.set(bytes([4, 2], [4, 4], [4, 8], [4, 1]));
  mem.put(BUF, attr);
  assert.equal(line('bpf', { args: [0, BUF, 72], mem, rval: 5 }),
    'bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, value_size=8, max_entries=1, map_flags=0, inner_map_fd=0, map_name="", map_ifindex=0, btf_fd=0, btf_key_type_id=0, btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=0}, 72) = 5');
  assert.equal(line('bpf', { args: [99, BUF, 144], mem, err: EINVAL }), 'bpf(0x63 /* BPF_??? */, 0x7ffd0000, 144) = -1 EINVAL (Invalid argument)');
  const pa = new Uint8Array(128);
  pa.set(bytes([4, 1], [4, 128], [8, 1], [8, 0], [8, 0], [8, 0], [8, 0x21]));
  mem.put(BUF2, pa);
  assert.equal(line('perf_event_open', { args: [BUF2, 0, -1, -1, 8], mem, rval: 6 }),
    'perf_event_open({type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER7, config=PERF_COUNT_SW_TASK_CLOCK, sample_period=0, sample_type=0, read_format=0, disabled=1, exclude_kernel=1, precise_ip=0 /* arbitrary skid */, ...}, 0, -1, -1, PERF_FLAG_FD_CLOEXEC) = 6');
  assert.equal(line('perf_event_open', { args: [1, 0, -1, -1, 0], err: EFAULT }), 'perf_event_open(0x1, 0, -1, -1, 0) = -1 EFAULT (Bad address)');
});

test('execve envp running into unreadable memory is unterminated', () => {
  const mem = new FakeMemory();
  mem.put(BUF, 'x\0');
  mem.put(BUF2, bytes([8, BUF]));
  assert.equal(line('execve', { args: [BUF, BUF2, BUF2], mem, err: 2 }),
    'execve("x", ["x", ... /* 0x7ffd1008 */], 0x7ffd1000 /* 1 var, unterminated */) = -1 ENOENT (No such file or directory)');
});

test('prctl SVE/tagged/PAC/SCHED_CORE options and seccomp filters with -v', () => {
  assert.equal(line('prctl', { args: [50, (1 << 18) | 0x40, 0, 0, 0], err: EINVAL }),
    'prctl(PR_SVE_SET_VL, PR_SVE_SET_VL_ONEXEC|0x40) = -1 EINVAL (Invalid argument)');
  assert.equal(line('prctl', { args: [55, 1 | 2 | (3 << 3), 0, 0, 0], err: EINVAL }),
    'prctl(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_SYNC|0x3<<PR_MTE_TAG_SHIFT, 0, 0, 0) = -1 EINVAL (Invalid argument)');
  assert.equal(line('prctl', { args: [54, 0x3f, 0, 0, 0], err: EINVAL }),
    'prctl(PR_PAC_RESET_KEYS, PR_PAC_APIAKEY|PR_PAC_APIBKEY|PR_PAC_APDAKEY|PR_PAC_APDBKEY|PR_PAC_APGAKEY|0x20, 0, 0, 0) = -1 EINVAL (Invalid argument)');
  assert.equal(line('prctl', { args: [62, 1, 0, 2, 0], err: EINVAL }),
    'prctl(PR_SCHED_CORE, PR_SCHED_CORE_CREATE, 0, 0x2 /* PIDTYPE_PGID */, NULL) = -1 EINVAL (Invalid argument)');
  const mem = new FakeMemory();
  mem.put(BUF, new Uint8Array([
    ...bytes([2, 0x20], [1, 0], [1, 0], [4, 0]), ...bytes([2, 0x15], [1, 0], [1, 1], [4, 0xa3]),
    ...bytes([2, 0x06], [1, 0], [1, 0], [4, 0x50001]), ...bytes([2, 0x06], [1, 0], [1, 0], [4, 0x7fff0000]),
  ]));
  mem.put(BUF2, bytes([2, 4], [2, 0], [4, 0], [8, BUF]));
  assert.equal(line('seccomp', { args: [1, 0, BUF2], mem, opt: { abbrev: false } }),
    'seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=4, filter=[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0), BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0xa3, 0, 0x1), BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ERRNO|0x1), BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ALLOW)]}) = 0');
  assert.equal(line('seccomp', { args: [1, 0, BUF2], mem }), 'seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=4, filter=0x7ffd0000}) = 0');
  // a BPF_MISC code's bits above the opcode print as strace's print_bpf_filter_code leaves them
  const odd = new FakeMemory();
  odd.put(BUF, bytes([2, 0x107], [1, 0], [1, 0], [4, 0]));
  odd.put(BUF2, bytes([2, 1], [2, 0], [4, 0], [8, BUF]));
  assert.equal(line('seccomp', { args: [1, 0, BUF2], mem: odd, err: EINVAL, opt: { abbrev: false } }),
    'seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=1, filter=[BPF_STMT(BPF_MISC|BPF_TAX|0x100 /* BPF_??? */, 0)]}) = -1 EINVAL (Invalid argument)');
});

test('ptrace PEEKUSER offsets, clone3 set_tid, bpf map elements', () => {
  const mem = new FakeMemory();
  mem.put(BUF, bytes([8, 0]));
  assert.equal(line('ptrace', { args: [3, 5, 8 * 21, BUF], mem }), 'ptrace(PTRACE_PEEKUSER, 5, 8*SS+8, [NULL]) = 0');
  assert.equal(line('ptrace', { args: [3, 5, 4096, BUF], err: 5 }), 'ptrace(PTRACE_PEEKUSER, 5, 0x1000, 0x7ffd0000) = -1 EIO (Input/output error)');
  const m2 = new FakeMemory();
  m2.put(BUF2, bytes([4, 1000], [4, 2000]));
  const ca = new Uint8Array(88);
  ca.set(bytes([8, 0x20000000], [8, 0], [8, 0], [8, 0], [8, 0], [8, 0], [8, 0], [8, 0], [8, BUF2], [8, 2], [8, 0]));
  m2.put(BUF, ca);
  assert.equal(line('clone3', { args: [BUF, 88], mem: m2, err: EINVAL }),
    'clone3({flags=CLONE_NEWPID, exit_signal=0, stack=NULL, stack_size=0, set_tid=[1000, 2000], set_tid_size=2}, 88) = -1 EINVAL (Invalid argument)');
  const m3 = new FakeMemory();
  m3.put(BUF, bytes([4, 5], [4, 0], [8, 0x1000], [8, 0x2000], [8, 0]));
  assert.equal(line('bpf', { args: [2, BUF, 32], mem: m3 }), 'bpf(BPF_MAP_UPDATE_ELEM, {map_fd=5, key=0x1000, value=0x2000, flags=BPF_ANY}, 32) = 0');
  assert.equal(line('bpf', { args: [1, BUF, 24], mem: m3 }), 'bpf(BPF_MAP_LOOKUP_ELEM, {map_fd=5, key=0x1000, value=0x2000}, 24) = 0');
});

test('-X styles: ioprio_set argument, ioprio_get result, unknown constants in raw', () => {
  const c = (args: bigint[], rval = 0n): Ctx => ({
    pid: 1, nr: 0, name: '', args: [...args, 0n, 0n, 0n, 0n, 0n, 0n].slice(0, 6), mem: new FakeMemory(),
    opt: { strsize: 32, abbrev: true, verbose: true }, rval, err: 0, state: {},
  });
  const set = ALL.ioprio_set!.entry(c([1n, 0n, BigInt((2 << 13) | 4)]));
  const o = (xlat: 'raw' | 'verbose') => ({ acolumn: 40, xflag: 0 as const, xlat });
  assert.equal(set.map((v) => formatValue(v, o('verbose'))).join(', '),
    '0x1 /* IOPRIO_WHO_PROCESS */, 0, 16388 /* IOPRIO_PRIO_VALUE(0x2 /* IOPRIO_CLASS_BE */, 4) */');
  assert.equal(set.map((v) => formatValue(v, o('raw'))).join(', '), '0x1, 0, 16388');
  const get = c([1n, 0n], 0n);
  const r = ALL.ioprio_get!.ret!(get);
  assert.equal(formatRet({ rval: 0n, errno: 0, fmt: r.fmt, ...(r.aux ? { aux: r.aux } : {}) }, o('raw')), '= 0');
  assert.equal(formatRet({ rval: 0n, errno: 0, fmt: r.fmt, ...(r.aux ? { aux: r.aux } : {}) }, o('verbose')),
    '= 0 (IOPRIO_PRIO_VALUE(0 /* IOPRIO_CLASS_NONE */, 0))');
  const kc = ALL.kcmp!.entry(c([1n, 1n, 99n, 0n, 0n]));
  assert.equal(kc.map((v) => formatValue(v, o('raw'))).join(', '), '1, 1, 0x63, 0, 0');
});

test('modify_ldt and thread areas: struct user_desc, and an error in a 32-bit result', () => {
  const m = new FakeMemory(false);
  const desc = bytes([4, 0xffffffff], [4, 0x1000], [4, 0xfffff], [4, 1 | (2 << 1) | (1 << 4) | (1 << 6)]);
  m.put(BUF, desc);
  const l = lineMaker(ALL, () => m);
  assert.equal(l('modify_ldt', { args: [1, BUF, 16], rval: 4294967274 }),
    'modify_ldt(1, {entry_number=-1, base_addr=0x001000, limit=0x0fffff, seg_32bit=1, contents=2, read_exec_only=0, limit_in_pages=1, seg_not_present=0, useable=1, lm=0}, 16) = 4294967274 EINVAL (Invalid argument)');
  assert.equal(l('modify_ldt', { args: [1, BUF, 8], rval: 0 }), `modify_ldt(1, 0x${BUF.toString(16)}, 8) = 0`);
  assert.equal(l('iopl', { args: [7], rval: -ENOSYS, err: ENOSYS }), 'iopl(7) = -1 ENOSYS (Function not implemented)');
  const m2 = new FakeMemory(false);
  m2.put(BUF, bytes([4, 12], [4, 0], [4, 0], [4, 0]));
  assert.equal(lineMaker(ALL, () => m2)('get_thread_area', { args: [BUF], rval: 0 }),
    'get_thread_area({entry_number=12, base_addr=00000000, limit=00000000, seg_32bit=0, contents=0, read_exec_only=0, limit_in_pages=0, seg_not_present=0, useable=0, lm=0}) = 0');
});

test('ptrace SETREGSET: iov_len `=>` what the kernel wrote back; SECCOMP_GET_METADATA; -X raw errors', () => {
  const dec = REGISTRY.ptrace!;
  const mem = new FakeMemory();
  const iov = bytes([8, BUF2], [8, 224]);
  mem.put(BUF, iov);
  mem.put(BUF2, new Uint8Array(224));
  const c: Ctx = {
    pid: 1, nr: 101, name: 'ptrace', args: [0x4205n, 5n, 1n, BUF, 0n, 0n], mem,
    opt: { strsize: 32, abbrev: true, verbose: true }, rval: 0n, err: 0, state: {},
  };
  const entry = dec.entry(c);
  iov.set(bytes([8, 216]), 8); // the kernel's length, written back
  assert.ok(dec.needsExit!(c));
  const text = [...entry, ...dec.exit!(c)].map((v) => formatValue(v)).join(', ');
  assert.match(text, /^PTRACE_SETREGSET, 5, NT_PRSTATUS, \{iov_base=\{r15=0, .*, gs=0, \.\.\.\}, iov_len=224 => 216\}$/);

  const md = new FakeMemory();
  md.put(BUF, bytes([8, 7], [8, 1]));
  assert.equal(line('ptrace', { args: [0x420d, 5, 16, BUF], mem: md, err: ESRCH }),
    'ptrace(PTRACE_SECCOMP_GET_METADATA, 5, 16, {filter_off=7}) = -1 ESRCH (No such process)');
  assert.equal(line('ptrace', { args: [0x420d, 5, 16, BUF], mem: md, rval: 16 }),
    'ptrace(PTRACE_SECCOMP_GET_METADATA, 5, 16, {filter_off=7, flags=SECCOMP_FILTER_FLAG_TSYNC}) = 16');
  assert.equal(line('ptrace', { args: [0x420d, 5, 16, BUF], mem: md, rval: 12 }),
    'ptrace(PTRACE_SECCOMP_GET_METADATA, 5, 16, {filter_off=7, ???}) = 12');
  assert.equal(line('ptrace', { args: [0x420d, 5, 7, BUF], mem: md, err: ESRCH }),
    'ptrace(PTRACE_SECCOMP_GET_METADATA, 5, 7, 0x7ffd0000) = -1 ESRCH (No such process)');

  const si = new FakeMemory();
  si.put(BUF, bytes([1, 2], [1, 0], [2, 0], [4, 0xc000003e], [8, 0x401000], [8, 0x7ffc0000], [8, -2n], [1, 1]));
  const c2: Ctx = {
    pid: 1, nr: 101, name: 'ptrace', args: [0x420en, 5n, 88n, BUF, 0n, 0n], mem: si,
    opt: { strsize: 32, abbrev: true, verbose: true }, rval: 33n, err: 0, state: {},
  };
  assert.equal(formatValue(REGISTRY.ptrace!.exit!(c2)[0]!, { acolumn: 40, xflag: 0, xlat: 'verbose' }),
    '{op=0x2 /* PTRACE_SYSCALL_INFO_EXIT */, arch=0xc000003e /* AUDIT_ARCH_X86_64 */, instruction_pointer=0x401000, stack_pointer=0x7ffc0000, exit={rval=-2 /* -ENOENT */, is_error=1}}');
});
