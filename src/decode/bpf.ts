/** The bpf(2) decoder: union bpf_attr of each command (strace's bpf.c). */
import { addr, buf, cstr, path, rd, withFacts } from './args.js';
import type { Ctx, SyscallDecoder } from './types.js';
import { badPtr, field, hex, note, struct, tok, uint, type Field, type Value } from './value.js';
import { flags as xflags, xlat } from './xlat/core.js';
import {
  BPF_ATTACH_FLAGS, BPF_ATTACH_TYPES, BPF_CMDS, BPF_FILE_MODE_FLAGS, BPF_KPROBE_MULTI_FLAGS, BPF_LOOKUP_FLAGS,
  BPF_MAP_FLAGS, BPF_MAP_TYPES, BPF_PROG_FLAGS, BPF_PROG_TYPES, BPF_QUERY_FLAGS, BPF_TASK_FD_TYPES,
  BPF_TEST_RUN_FLAGS, BPF_UPDATE_FLAGS,
} from './xlat/proc.js';
import { cstrField, cstrN, ifindexV, pidV, printArray, xflags32, xflags64, xval, xval64 } from './printers.js';
import { ebpfInsn } from './bpf_filter.js';
import { objInfoEntry, objInfoExit, type ObjInfoEntry } from './bpf_obj_info.js';


// ================================================================ added: bpf, perf_event_open


const BPF_MAP_CREATE_SIZE = 72;
const BPF_F_NUMA_NODE = 4;

/** union bpf_attr of BPF_MAP_CREATE, fields up to what `len` bytes hold (older kernels' sizes). */
function bpfMapCreate(c: Ctx, b: Uint8Array, len: number): Field[] {
  const f: Field[] = [
    field('map_type', xval(BPF_MAP_TYPES, BigInt(rd.u32(b, 0)), 'BPF_MAP_TYPE_???')),
    field('key_size', uint(rd.u32(b, 4))), field('value_size', uint(rd.u32(b, 8))), field('max_entries', uint(rd.u32(b, 12))),
  ];
  if (len <= 16) return f;
  const flags = rd.u32(b, 16);
  f.push(field('map_flags', xflags(BPF_MAP_FLAGS, BigInt(flags), 'BPF_F_???')));
  if (len <= 20) return f;
  f.push(field('inner_map_fd', { k: 'fd', fd: rd.s32(b, 20) }));
  if (len <= 24) return f;
  if (flags & BPF_F_NUMA_NODE) {
    const node = rd.u32(b, 24);
    f.push(field('numa_node', node === 0xffffffff ? note(uint(node), 'NUMA_NO_NODE') : uint(node)));
  }
  if (len <= 28) return f;
  f.push(field('map_name', cstrField(b, 28, Math.min(16, len - 28))));
  if (len <= 44) return f;
  f.push(field('map_ifindex', ifindexV(c, rd.u32(b, 44))));
  if (len <= 48) return f;
  f.push(field('btf_fd', { k: 'fd', fd: rd.s32(b, 48) }), field('btf_key_type_id', uint(rd.u32(b, 52))),
    field('btf_value_type_id', uint(rd.u32(b, 56))));
  if (len <= 60) return f;
  f.push(field('btf_vmlinux_value_type_id', uint(rd.u32(b, 60))));
  if (len <= 64) return f;
  f.push(field('map_extra', uint(rd.u64(b, 64))));
  return f;
}

/** decode_attr_extra_data: nonzero bytes past the struct strace knows. */
export function bpfExtra(c: Ctx, b: Uint8Array, known: number): Field[] {
  const extra = b.subarray(known);
  if (!extra.some((x) => x !== 0)) return [];
  if (c.opt.abbrev) return [{ v: tok('...') }];
  return [{ n: 'extra_data', v: note({ k: 'str', b: extra, hex: true } as Value, `bytes ${known}..${b.length - 1}`) }];
}

/** bpf commands that return a new fd. */
const BPF_FD_CMDS = new Set([0, 5, 6, 7, 13, 14, 17, 18, 19, 28, 30, 33]);
const PAGE_SIZE = 4096n;


/**
 * One field of a bpf command's attr: name, offset, printer; `opt` fields print only when the size
 * reaches them; `when` fields only when it holds for the attr.
 */
type BpfField = readonly [string, number, (c: Ctx, b: Uint8Array, off: number) => Value, boolean?, ((b: Uint8Array) => boolean)?];
const bfFd = (_c: Ctx, b: Uint8Array, off: number): Value => ({ k: 'fd', fd: rd.s32(b, off) });
const bfU32 = (_c: Ctx, b: Uint8Array, off: number): Value => uint(rd.u32(b, off));
const bfAddr = (_c: Ctx, b: Uint8Array, off: number): Value => addr(rd.u64(b, off));
const bfPath = (c: Ctx, b: Uint8Array, off: number): Value => path(c, rd.u64(b, off));
const bfFlags64 = (x: ReturnType<typeof xlat>, unknown: string) => (_c: Ctx, b: Uint8Array, off: number): Value =>
  xflags64(x, rd.u64(b, off), unknown);
const bfFlags32 = (x: ReturnType<typeof xlat>, unknown: string) => (_c: Ctx, b: Uint8Array, off: number): Value =>
  xflags32(x, BigInt(rd.u32(b, off)), unknown);
const bfVal64 = (x: ReturnType<typeof xlat>, unknown: string) => (_c: Ctx, b: Uint8Array, off: number): Value =>
  xval64(x, rd.u64(b, off), unknown);
const bfVal32 = (x: ReturnType<typeof xlat>, unknown: string) => (_c: Ctx, b: Uint8Array, off: number): Value =>
  xval(x, BigInt(rd.u32(b, off)), unknown);

const BPF_LOOKUP: readonly BpfField[] = [
  ['map_fd', 0, bfFd], ['key', 8, bfAddr], ['value', 16, bfAddr], ['flags', 24, bfFlags64(BPF_LOOKUP_FLAGS, 'BPF_???'), true],
];
const BPF_OBJ: readonly BpfField[] = [
  ['pathname', 0, bfPath], ['bpf_fd', 8, bfFd], ['file_flags', 12, bfFlags32(BPF_FILE_MODE_FLAGS, 'BPF_F_???'), true],
];
const bfInsns = (c: Ctx, b: Uint8Array, off: number): Value => {
  const a = rd.u64(b, off);
  return c.opt.abbrev ? addr(a) : printArray(c, a, rd.u32(b, 4), 8, ebpfInsn, { stopMore: true });
};
const bfKernelVersion = (_c: Ctx, b: Uint8Array, off: number): Value => {
  const v = rd.u32(b, off);
  return { k: 'sym', name: `KERNEL_VERSION(${v >>> 16}, ${(v >>> 8) & 0xff}, ${v & 0xff})`, v: BigInt(v), fmt: 'x' };
};
const BPF_PROG_LOAD_FIELDS: readonly BpfField[] = [
  ['prog_type', 0, bfVal32(BPF_PROG_TYPES, 'BPF_PROG_TYPE_???')], ['insn_cnt', 4, bfU32], ['insns', 8, bfInsns],
  ['license', 16, (c, b, off) => cstr(c, rd.u64(b, off))],
  ['log_level', 24, bfU32, true], ['log_size', 28, bfU32], ['log_buf', 32, (c, b, off) => cstrN(c, rd.u64(b, off), rd.u32(b, 28))],
  ['kern_version', 40, bfKernelVersion, true],
  ['prog_flags', 44, bfFlags32(BPF_PROG_FLAGS, 'BPF_F_???'), true],
  ['prog_name', 48, (_c, b, off) => cstrField(b, off, 16), true],
  ['prog_ifindex', 64, (c, b, off) => ifindexV(c, rd.u32(b, off)), true],
  ['expected_attach_type', 68, bfVal32(BPF_ATTACH_TYPES, 'BPF_???'), true],
  ['prog_btf_fd', 72, bfFd, true], ['func_info_rec_size', 76, bfU32], ['func_info', 80, bfAddr], ['func_info_cnt', 88, bfU32],
  ['line_info_rec_size', 92, bfU32], ['line_info', 96, bfAddr], ['line_info_cnt', 104, bfU32],
  ['attach_btf_id', 108, bfU32, true], ['attach_prog_fd', 112, bfFd, true], ['fd_array', 120, bfAddr, true],
];

const bpfById = (id: string): readonly BpfField[] => [
  [id, 0, bfU32], ['next_id', 4, bfU32], ['open_flags', 8, bfFlags32(BPF_FILE_MODE_FLAGS, 'BPF_F_???'), true],
];

const BPF_TEST_RUN_FIELDS: readonly BpfField[] = [
  ['prog_fd', 0, bfFd], ['retval', 4, bfU32], ['data_size_in', 8, bfU32], ['data_size_out', 12, bfU32],
  ['data_in', 16, bfAddr], ['data_out', 24, bfAddr], ['repeat', 32, bfU32], ['duration', 36, bfU32],
  ['ctx_size_in', 40, bfU32, true], ['ctx_size_out', 44, bfU32], ['ctx_in', 48, bfAddr], ['ctx_out', 56, bfAddr],
  ['flags', 64, bfFlags32(BPF_TEST_RUN_FLAGS, 'BPF_F_???'), true], ['cpu', 68, bfU32], ['batch_size', 72, bfU32, true],
];

/**
 * The attr layouts of the bpf commands decoded here, with strace's size of each; `wrap` nests the
 * fields in a named struct (`{test={…}}`).
 */
const BPF_ATTRS: Record<number, { size: number; fields: readonly BpfField[]; wrap?: string }> = {
  10: { size: 76, fields: BPF_TEST_RUN_FIELDS, wrap: 'test' }, // BPF_PROG_TEST_RUN
  17: { // BPF_RAW_TRACEPOINT_OPEN
    size: 12, wrap: 'raw_tracepoint',
    fields: [['name', 0, (c, b, off) => cstrN(c, rd.u64(b, off), 128)], ['prog_fd', 8, bfFd]],
  },
  18: { // BPF_BTF_LOAD
    size: 28,
    fields: [['btf', 0, (c, b, off) => buf(c, rd.u64(b, off), rd.u32(b, 16))], ['btf_log_buf', 8, bfAddr],
      ['btf_size', 16, bfU32], ['btf_log_size', 20, bfU32], ['btf_log_level', 24, bfU32]],
  },
  29: { // BPF_LINK_UPDATE
    size: 16, wrap: 'link_update',
    fields: [['link_fd', 0, bfFd], ['new_prog_fd', 4, bfFd], ['flags', 8, bfFlags32(BPF_ATTACH_FLAGS, 'BPF_F_???')],
      ['old_prog_fd', 12, bfFd, false, (b) => (rd.u32(b, 8) & 4) !== 0]],
  },
  30: { size: 4, fields: [['link_id', 0, bfU32]] }, // BPF_LINK_GET_FD_BY_ID
  1: { size: 32, fields: BPF_LOOKUP }, // BPF_MAP_LOOKUP_ELEM
  21: { size: 32, fields: BPF_LOOKUP }, // BPF_MAP_LOOKUP_AND_DELETE_ELEM
  2: { // BPF_MAP_UPDATE_ELEM
    size: 32,
    fields: [['map_fd', 0, bfFd], ['key', 8, bfAddr], ['value', 16, bfAddr], ['flags', 24, bfVal64(BPF_UPDATE_FLAGS, 'BPF_???')]],
  },
  3: { size: 16, fields: [['map_fd', 0, bfFd], ['key', 8, bfAddr]] }, // BPF_MAP_DELETE_ELEM
  4: { size: 24, fields: [['map_fd', 0, bfFd], ['key', 8, bfAddr], ['next_key', 16, bfAddr]] }, // BPF_MAP_GET_NEXT_KEY
  22: { size: 4, fields: [['map_fd', 0, bfFd]] }, // BPF_MAP_FREEZE
  6: { size: 16, fields: BPF_OBJ }, // BPF_OBJ_PIN
  7: { size: 16, fields: BPF_OBJ }, // BPF_OBJ_GET
  8: { // BPF_PROG_ATTACH
    size: 20,
    fields: [['target_fd', 0, bfFd], ['attach_bpf_fd', 4, bfFd], ['attach_type', 8, bfVal32(BPF_ATTACH_TYPES, 'BPF_???')],
      ['attach_flags', 12, bfFlags32(BPF_ATTACH_FLAGS, 'BPF_F_???')], ['replace_bpf_fd', 16, bfFd, true]],
  },
  9: { size: 12, fields: [['target_fd', 0, bfFd], ['attach_type', 8, bfVal32(BPF_ATTACH_TYPES, 'BPF_???')]] }, // BPF_PROG_DETACH
  13: { size: 12, fields: bpfById('prog_id') }, // BPF_PROG_GET_FD_BY_ID
  14: { size: 12, fields: bpfById('map_id') }, // BPF_MAP_GET_FD_BY_ID
  19: { size: 4, fields: [['btf_id', 0, bfU32]] }, // BPF_BTF_GET_FD_BY_ID
  5: { size: 128, fields: BPF_PROG_LOAD_FIELDS }, // BPF_PROG_LOAD
};

/** union bpf_attr of one command (strace's BEGIN_BPF_CMD_DECODER… END_BPF_CMD_DECODER). */
function bpfAttr(c: Ctx, cmd: number, b: Uint8Array): Value {
  if (cmd === 28) return bpfLinkCreate(c, b);
  if (cmd === 0) {
    const full = new Uint8Array(Math.max(BPF_MAP_CREATE_SIZE, b.length));
    full.set(b);
    return struct([...bpfMapCreate(c, full, Math.min(b.length, BPF_MAP_CREATE_SIZE)), ...bpfExtra(c, b, BPF_MAP_CREATE_SIZE)]);
  }
  const spec = BPF_ATTRS[cmd]!;
  const full = new Uint8Array(Math.max(spec.size, b.length));
  full.set(b);
  const len = Math.min(b.length, spec.size);
  const f: Field[] = [];
  for (const [name, off, fn, opt, when] of spec.fields) {
    if (opt && len <= off) break;
    if (!when || when(full)) f.push(field(name, fn(c, full, off)));
  }
  return struct([...(spec.wrap ? [field(spec.wrap, struct(f))] : f), ...bpfExtra(c, b, spec.size)]);
}

/** `size` bytes or more: `b` padded with zeros (strace copies the attr into a zeroed struct). */
const padded = (b: Uint8Array, size: number): Uint8Array => {
  const full = new Uint8Array(Math.max(size, b.length));
  full.set(b);
  return full;
};
/** A u32 field that the kernel may have changed: `N`, or `N => M`. */
const changedU32 = (before: number, after: number): Value =>
  (before !== after ? { k: 'inout', in: uint(before), out: uint(after) } : uint(after));


/** The *_GET_NEXT_ID commands: the kernel fills next_id (`next_id=0 => 5`). */
function bpfNextId(c: Ctx, before: Uint8Array, after: Uint8Array): Value {
  const a = padded(after, 12);
  const f: Field[] = [field('start_id', uint(rd.u32(a, 0))), field('next_id', changedU32(rd.u32(padded(before, 12), 4), rd.u32(a, 4)))];
  if (after.length > 8) f.push(field('open_flags', xflags32(BPF_FILE_MODE_FLAGS, BigInt(rd.u32(a, 8)), 'BPF_F_???')));
  return struct([...f, ...bpfExtra(c, after, 12)]);
}

/** BPF_PROG_QUERY: the query at entry, the program ids and their count as the kernel left them. */
function bpfProgQuery(c: Ctx, before: Uint8Array, after: Uint8Array): Value {
  const b = padded(before, 28), a = padded(after, 28);
  return struct([field('query', struct([
    field('target_fd', bfFd(c, b, 0)), field('attach_type', xval(BPF_ATTACH_TYPES, BigInt(rd.u32(b, 4)), 'BPF_???')),
    field('query_flags', xflags(BPF_QUERY_FLAGS, BigInt(rd.u32(b, 8)), 'BPF_F_QUERY_???')),
    field('attach_flags', xflags(BPF_ATTACH_FLAGS, BigInt(rd.u32(b, 12)), 'BPF_F_???')),
    field('prog_ids', printArray(c, rd.u64(a, 16), rd.u32(a, 24), 4, (x) => uint(rd.u32(x, 0)), { exiting: true })),
    field('prog_cnt', changedU32(rd.u32(b, 24), rd.u32(a, 24))),
  ])), ...bpfExtra(c, after, 28)]);
}

/** BPF_TASK_FD_QUERY: what the kernel reports of a task's fd. */
function bpfTaskFdQuery(c: Ctx, before: Uint8Array, after: Uint8Array): Value {
  const b = padded(before, 48), a = padded(after, 48);
  const [lenBefore, lenAfter] = [rd.u32(b, 12), rd.u32(a, 12)];
  return struct([field('task_fd_query', struct([
    field('pid', pidV(c, rd.s32(b, 0))), field('fd', bfFd(c, b, 4)), field('flags', uint(rd.u32(b, 8))),
    field('buf_len', changedU32(lenBefore, lenAfter)),
    field('buf', cstrN(c, rd.u64(a, 16), Math.min(lenBefore, lenAfter))),
    field('prog_id', uint(rd.u32(a, 24))), field('fd_type', xval(BPF_TASK_FD_TYPES, BigInt(rd.u32(a, 28)), 'BPF_FD_TYPE_???')),
    field('probe_offset', hex(rd.u64(a, 32))), field('probe_addr', hex(rd.u64(a, 40))),
  ])), ...bpfExtra(c, after, 48)]);
}

/** The batch commands: the batch at entry, then ` => {batch={count=N}}` when the kernel changed the count. */
const bpfBatch = (fields: readonly string[]) => (c: Ctx, before: Uint8Array, after: Uint8Array): Value => {
  const b = padded(before, 56);
  const at: Record<string, (x: Uint8Array) => Value> = {
    in_batch: (x) => addr(rd.u64(x, 0)), out_batch: (x) => addr(rd.u64(x, 8)), keys: (x) => addr(rd.u64(x, 16)),
    values: (x) => addr(rd.u64(x, 24)), count: (x) => uint(rd.u32(x, 32)), map_fd: (x) => bfFd(c, x, 36),
    elem_flags: (x) => xflags64(BPF_LOOKUP_FLAGS, rd.u64(x, 40), 'BPF_???'), flags: (x) => hex(rd.u64(x, 48)),
  };
  const v = struct([field('batch', struct(fields.map((n) => field(n, at[n]!(b))))), ...bpfExtra(c, before, 56)]);
  const count = rd.u32(padded(after, 56), 32);
  return count !== rd.u32(b, 32) ? { k: 'inout', in: v, out: struct([field('batch', struct([field('count', uint(count))]))]) } : v;
};

/** Commands whose attr prints when the call returns (from the attr at entry and at exit). */
const BPF_AT_EXIT: Record<number, (c: Ctx, before: Uint8Array, after: Uint8Array) => Value> = {
  11: bpfNextId, 12: bpfNextId, 23: bpfNextId, 31: bpfNextId, // BPF_*_GET_NEXT_ID
  16: bpfProgQuery, // BPF_PROG_QUERY
  20: bpfTaskFdQuery, // BPF_TASK_FD_QUERY
  15: (c, _before, after) => objInfoExit(c, c.state.objInfo as ObjInfoEntry, after), // BPF_OBJ_GET_INFO_BY_FD
  24: bpfBatch(['in_batch', 'out_batch', 'keys', 'values', 'count', 'map_fd', 'elem_flags', 'flags']), // BPF_MAP_LOOKUP_BATCH
  25: bpfBatch(['in_batch', 'out_batch', 'keys', 'values', 'count', 'map_fd', 'elem_flags', 'flags']), // …_AND_DELETE_BATCH
  26: bpfBatch(['keys', 'values', 'count', 'map_fd', 'elem_flags', 'flags']), // BPF_MAP_UPDATE_BATCH
  27: bpfBatch(['keys', 'count', 'map_fd', 'elem_flags', 'flags']), // BPF_MAP_DELETE_BATCH
};

const BPF_TRACE_ITER = 28, BPF_PERF_EVENT = 41, BPF_TRACE_KPROBE_MULTI = 42;

/** BPF_LINK_CREATE: the union after the flags is guessed from the attach type, as strace does. */
function bpfLinkCreate(c: Ctx, raw: Uint8Array): Value {
  const b = padded(raw, 48);
  const len = Math.min(raw.length, 48);
  const type = rd.u32(b, 8);
  const f: Field[] = [
    field('prog_fd', bfFd(c, b, 0)), field('target_fd', bfFd(c, b, 4)),
    field('attach_type', xval(BPF_ATTACH_TYPES, BigInt(type), 'BPF_???')), field('flags', hex(rd.u32(b, 12))),
  ];
  let known = 48;
  if (len > 16) {
    if (type === 0) {
      if (rd.u32(b, 16)) f.push(field('target_btf_id', uint(rd.u32(b, 16))));
      known = 20;
    } else if (type === BPF_TRACE_ITER) {
      f.push(field('iter_info', printArray(c, rd.u64(b, 16), rd.u32(b, 24), 4, (x) =>
        struct([field('map', struct([field('map_fd', { k: 'fd', fd: rd.s32(x, 0) })]))]))));
      f.push(field('iter_info_len', uint(rd.u32(b, 24))));
      known = 28;
    } else if (type === BPF_PERF_EVENT) {
      f.push(field('perf_event', struct([field('bpf_cookie', hex(rd.u64(b, 16)))])));
      known = 24;
    } else if (type === BPF_TRACE_KPROBE_MULTI) {
      const cnt = rd.u32(b, 20);
      f.push(field('kprobe_multi', struct([
        field('flags', xflags(BPF_KPROBE_MULTI_FLAGS, BigInt(rd.u32(b, 16)), 'BPF_F_???')), field('cnt', uint(cnt)),
        field('syms', printArray(c, rd.u64(b, 24), cnt, 8, (x) => cstr(c, rd.u64(x, 0)))),
        field('addrs', printArray(c, rd.u64(b, 32), cnt, 8, (x) => hex(rd.u64(x, 0)))),
        field('cookies', printArray(c, rd.u64(b, 40), cnt, 8, (x) => hex(rd.u64(x, 0)))),
      ])));
      known = 48;
    } else known = 16;
  }
  return struct([field('link_create', struct(f)), ...bpfExtra(c, raw, known)]);
}

/** The attr bytes when strace decodes them (a readable attr of 1 byte … a page), else the Value to print. */
function bpfFetch(c: Ctx, decoded: boolean): Uint8Array | Value {
  const a = c.args[1]!;
  const size = BigInt.asUintN(32, c.args[2]!);
  if (!decoded || size === 0n || size > PAGE_SIZE || a === 0n || !c.opt.verbose) return addr(a);
  return c.mem.read(a, Number(size)) ?? badPtr(a);
}

const BPF_OBJ_GET_INFO_BY_FD = 15;
const bpfCmd = (c: Ctx): number => Number(BigInt.asUintN(32, c.args[0]!));

const bpf: SyscallDecoder = {
  entry: (c) => {
    const cmd = bpfCmd(c);
    const head = xval(BPF_CMDS, BigInt(cmd), 'BPF_???');
    const size = uint(BigInt.asUintN(32, c.args[2]!));
    const atExit = BPF_AT_EXIT[cmd] !== undefined;
    const got = bpfFetch(c, cmd === 0 || cmd === 28 || BPF_ATTRS[cmd] !== undefined || atExit);
    if (got instanceof Uint8Array && atExit) {
      c.state.attr = got;
      if (cmd === BPF_OBJ_GET_INFO_BY_FD) c.state.objInfo = objInfoEntry(c, got);
      return [head];
    }
    return [head, got instanceof Uint8Array ? bpfAttr(c, cmd, got) : got, size];
  },
  needsExit: (c) => c.state.attr !== undefined,
  exit: (c) => {
    const before = c.state.attr as Uint8Array;
    const got = bpfFetch(c, true);
    return [BPF_AT_EXIT[bpfCmd(c)]!(c, before, got instanceof Uint8Array ? got : before), uint(BigInt.asUintN(32, c.args[2]!))];
  },
  ret: (c) => ({ fmt: BPF_FD_CMDS.has(Number(BigInt.asUintN(32, c.args[0]!))) ? 'fd' : 'd' }),
};

export const decoders: Record<string, SyscallDecoder> = { bpf: withFacts(bpf, { paths: [] }) };
