/** struct perf_event_attr (strace's perf.c), for perf_event_open and PERF_EVENT_IOC_MODIFY_ATTRIBUTES. */
import { addr, rd } from './args.js';
import type { Ctx } from './types.js';
import { badPtr, field, hex, join, note, struct, tok, uint, type Field, type Value } from './value.js';
import { CLOCK_IDS } from './xlat/tables.js';
import {
  HW_BREAKPOINT_TYPES, PERF_ATTR_SIZES, PERF_BRANCH_SAMPLE_TYPES, PERF_HW_CACHE_IDS, PERF_HW_CACHE_OP_IDS,
  PERF_HW_CACHE_RESULT_IDS, PERF_HW_IDS, PERF_READ_FORMAT, PERF_SAMPLE_FORMAT, PERF_SW_IDS, PERF_TYPES,
} from './xlat/proc.js';
import { xflags64, xval, xval64 } from './printers.js';

export const PERF_ATTR_SIZE_VER0 = 64;
export const PERF_ATTR_SIZE_MAX = 128;
export const PERF_ABBREV_SIZE = 48; // offsetof(struct perf_event_attr, wakeup_events)
const PRECISE_IP = ['arbitrary skid', 'constant skid', 'requested to have 0 skid', 'must have 0 skid'];
/** The one-bit flags of perf_event_attr by bit number (precise_ip, two bits, sits at 15). */
const PERF_BITS: ReadonlyArray<readonly [number, string]> = [
  [0, 'disabled'], [1, 'inherit'], [2, 'pinned'], [3, 'exclusive'], [4, 'exclude_user'], [5, 'exclude_kernel'],
  [6, 'exclude_hv'], [7, 'exclude_idle'], [8, 'mmap'], [9, 'comm'], [10, 'freq'], [11, 'inherit_stat'],
  [12, 'enable_on_exec'], [13, 'task'], [14, 'watermark'], [-1, 'precise_ip'], [17, 'mmap_data'], [18, 'sample_id_all'],
  [19, 'exclude_host'], [20, 'exclude_guest'], [21, 'exclude_callchain_kernel'], [22, 'exclude_callchain_user'],
  [23, 'mmap2'], [24, 'comm_exec'], [25, 'use_clockid'], [26, 'context_switch'], [27, 'write_backward'],
  [28, 'namespaces'], [29, 'ksymbol'], [30, 'bpf_event'], [31, 'aux_output'], [32, 'cgroup'], [33, 'text_poke'],
  [34, 'build_id'], [35, 'inherit_thread'], [36, 'remove_on_exec'], [37, 'sigtrap'],
];

function perfConfig(type: number, config: bigint): Value {
  const shifted = (v: Value, n: number): Value => join('<<', v, tok(String(n)));
  const parts: Value[] = [];
  const hi = config >> 32n;
  if ((type === 0 || type === 3) && hi) parts.push(shifted(hex(hi), 32));
  switch (type) {
    case 0: // PERF_TYPE_HARDWARE: EEEEEEEE000000AA
      parts.push(xval64(PERF_HW_IDS, config & 0xffffffffn, 'PERF_COUNT_HW_???'));
      break;
    case 1: return xval64(PERF_SW_IDS, config, 'PERF_COUNT_SW_???');
    case 2: return uint(config);
    case 3: { // PERF_TYPE_HW_CACHE: EEEEEEEE00DDCCBB
      const top = (config & 0xffffffffn) >> 24n;
      if (top) parts.push(shifted(hex(top), 24));
      parts.push(
        shifted(xval64(PERF_HW_CACHE_RESULT_IDS, (config >> 16n) & 0xffn, 'PERF_COUNT_HW_CACHE_RESULT_???'), 16),
        shifted(xval64(PERF_HW_CACHE_OP_IDS, (config >> 8n) & 0xffn, 'PERF_COUNT_HW_CACHE_OP_???'), 8),
        xval64(PERF_HW_CACHE_IDS, config & 0xffn, 'PERF_COUNT_HW_CACHE_???'),
      );
      break;
    }
    default: return hex(config);
  }
  return parts.length === 1 ? parts[0]! : join('|', ...parts);
}

/**
 * struct perf_event_attr of `size` fetched bytes (print_perf_event_attr). As in strace, the bytes
 * sit in a zeroed struct of the largest size: a field the size cuts short (a size of 0x6d ends
 * inside sample_max_stack) shows the bytes it has, padded with zeros.
 */
export function perfAttrV(c: Ctx, fetched: Uint8Array, size: number, newSize?: Value): Value {
  const b = new Uint8Array(PERF_ATTR_SIZE_MAX);
  b.set(fetched.subarray(0, PERF_ATTR_SIZE_MAX));
  const u64 = (off: number): bigint => rd.u64(b, off);
  const u32 = (off: number): number => rd.u32(b, off);
  const type = u32(0);
  const attrSize = u32(4);
  const sizeV = xval(PERF_ATTR_SIZES, BigInt(attrSize), 'PERF_ATTR_SIZE_???');
  const f: Field[] = [
    field('type', xval(PERF_TYPES, BigInt(type), 'PERF_TYPE_???')),
    field('size', newSize ? { k: 'inout', in: sizeV, out: newSize } : sizeV),
    field('config', perfConfig(type, u64(8))),
  ];
  const bits = u64(40);
  const bit = (n: number): bigint => (bits >> BigInt(n)) & 1n;
  f.push(bit(10) ? field('sample_freq', uint(u64(16))) : field('sample_period', uint(u64(16))));
  f.push(field('sample_type', xflags64(PERF_SAMPLE_FORMAT, u64(24), 'PERF_SAMPLE_???')));
  f.push(field('read_format', xflags64(PERF_READ_FORMAT, u64(32), 'PERF_FORMAT_???')));
  for (const [n, name] of PERF_BITS) {
    if (n < 0) {
      const p = Number((bits >> 15n) & 3n);
      f.push(field(name, note(uint(p), PRECISE_IP[p]!)));
    } else if (!c.opt.abbrev || bit(n)) f.push(field(name, uint(bit(n))));
  }
  const reserved = bits >> 38n;
  if (reserved) f.push(field('__reserved_1', note(hex(reserved), 'Bits 63..38')));
  const more = (): boolean => (attrSize !== 0 && attrSize > size) || (attrSize === 0 && size < PERF_ATTR_SIZE_VER0);
  if (c.opt.abbrev) return struct(f, more());
  const watermark = bit(14);
  f.push(watermark ? field('wakeup_watermark', uint(u32(48))) : field('wakeup_events', uint(u32(48))));
  const bp = type === 5;
  if (bp) {
    const t = u32(52);
    f.push(field('bp_type', xval(HW_BREAKPOINT_TYPES, BigInt(t), t <= 7 ? 'HW_BREAKPOINT_INVALID' : 'HW_BREAKPOINT_???')));
  }
  f.push(bp ? field('bp_addr', hex(u64(56))) : field('config1', hex(u64(56))));
  const done = (): Value => struct(f, more());
  if (64 >= size) return done();
  f.push(bp ? field('bp_len', uint(u64(64))) : field('config2', hex(u64(64))));
  if (72 >= size) return done();
  if (u64(24) & 0x800n) f.push(field('branch_sample_type', xflags64(PERF_BRANCH_SAMPLE_TYPES, u64(72), 'PERF_SAMPLE_BRANCH_???')));
  if (80 >= size) return done();
  f.push(field('sample_regs_user', hex(u64(80))));
  if (88 >= size) return done();
  if (u64(24) & 0x2000n) f.push(field('sample_stack_user', hex(BigInt(u32(88)))));
  if (bit(25)) {
    if (92 >= size) return done();
    f.push(field('clockid', xval(CLOCK_IDS, BigInt(u32(92)), 'CLOCK_???')));
  }
  if (96 >= size) return done();
  f.push(field('sample_regs_intr', hex(u64(96))));
  if (104 >= size) return done();
  f.push(field('aux_watermark', uint(u32(104))));
  if (108 >= size) return done();
  // nonzero reserved bytes follow the field before them as a comment, whatever their part of size
  const r2 = 110 < size ? rd.u16(b, 110) : 0;
  const maxStack = uint(rd.u16(b, 108));
  f.push(field('sample_max_stack', r2 ? note(maxStack, `bytes 110..111: 0x${r2.toString(16)}`) : maxStack));
  if (112 >= size) return done();
  const r3 = 116 < size ? u32(116) : 0;
  const auxSize = uint(u32(112));
  f.push(field('aux_sample_size', r3 ? note(auxSize, `bytes 116..119: 0x${r3.toString(16)}`) : auxSize));
  if (120 >= size) return done();
  f.push(field('sig_data', hex(u64(120))));
  return done();
}

/**
 * strace's fetch_perf_event_attr: the attr's bytes (as far as its size says, or the abbreviated
 * part), or the value to print in their place: the address when the size is unreadable or below
 * the first published one, or when -e verbose=none.
 */
export function fetchPerfAttr(c: Ctx, a: bigint): Uint8Array | Value {
  const h = c.mem.read(a + 4n, 4);
  if (!h) return addr(a);
  let size = Math.min(rd.u32(h, 0), PERF_ATTR_SIZE_MAX) || PERF_ATTR_SIZE_VER0;
  if (size < PERF_ATTR_SIZE_VER0) return addr(a);
  if (c.opt.abbrev) size = PERF_ABBREV_SIZE;
  if (!c.opt.verbose) return addr(a);
  return c.mem.read(a, size) ?? badPtr(a);
}

/** A perf_event_attr read and printed at once (PERF_EVENT_IOC_MODIFY_ATTRIBUTES). */
export function perfAttrAt(c: Ctx, a: bigint): Value {
  const b = fetchPerfAttr(c, a);
  return b instanceof Uint8Array ? perfAttrV(c, b, b.length) : b;
}
