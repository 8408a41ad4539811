/**
 * bpf(BPF_OBJ_GET_INFO_BY_FD): the attr, and with -v the struct bpf_map_info or bpf_prog_info the
 * kernel fills in (strace's print_bpf_map_info, print_bpf_prog_info).
 */
import { addr, buf, rd } from './args.js';
import type { Ctx } from './types.js';
import { field, note, struct, uint, type Field, type Value } from './value.js';
import { flags as xflags } from './xlat/core.js';
import { BPF_MAP_FLAGS, BPF_MAP_TYPES, BPF_PROG_TYPES } from './xlat/proc.js';
import { cstrField, dev, idV, ifindexV, printArray, sprinttime, xval } from './printers.js';
import { ebpfInsn } from './bpf_filter.js';
import { bpfExtra } from './bpf.js';

const PAGE_SIZE = 4096;
const ATTR_SIZE = 16;
const MAP_INFO_SIZE = 88;
const PROG_INFO_SIZE = 220;

type Kind = 'map' | 'prog';

/** What the fd is, as strace learns it from the fd's link when the call is decoded: a map, a program, or neither. */
function objKind(c: Ctx, fd: number): Kind | undefined {
  const l = c.host?.fdLink(fd);
  return l === 'anon_inode:bpf-map' ? 'map' : l === 'anon_inode:bpf-prog' ? 'prog' : undefined;
}

/** `size` bytes of the info buffer, zero-padded to a page, or null (fetch_bpf_obj_info). */
function infoBytes(c: Ctx, a: bigint, size: number): Uint8Array | null {
  if (size <= 0 || size > PAGE_SIZE) return null;
  const b = c.mem.read(a, size);
  if (!b) return null;
  const full = new Uint8Array(PAGE_SIZE);
  full.set(b);
  return full;
}

/** A u32 the kernel may have changed: `N`, or `N => M`. */
const changed = (before: number | bigint, after: number | bigint, show: (v: bigint) => Value = uint): Value =>
  (BigInt(before) !== BigInt(after) ? { k: 'inout', in: show(BigInt(before)), out: show(BigInt(after)) } : show(BigInt(after)));
const addr64 = (v: bigint): Value => addr(v);

/** struct bpf_map_info, the fields `size` bytes hold. */
function mapInfo(c: Ctx, b: Uint8Array, size: number): Value {
  const len = Math.min(size, MAP_INFO_SIZE);
  const f: Field[] = [
    field('type', xval(BPF_MAP_TYPES, BigInt(rd.u32(b, 0)), 'BPF_MAP_TYPE_???')), field('id', uint(rd.u32(b, 4))),
    field('key_size', uint(rd.u32(b, 8))), field('value_size', uint(rd.u32(b, 12))), field('max_entries', uint(rd.u32(b, 16))),
    field('map_flags', xflags(BPF_MAP_FLAGS, BigInt(rd.u32(b, 20)), 'BPF_F_???')),
  ];
  if (len <= 24) return struct(f);
  f.push(field('name', cstrField(b, 24, 16)));
  if (len <= 40) return struct(f);
  f.push(field('ifindex', ifindexV(c, rd.u32(b, 40))), field('btf_vmlinux_value_type_id', uint(rd.u32(b, 44))),
    field('netns_dev', dev(rd.u64(b, 48))), field('netns_ino', uint(rd.u64(b, 56))));
  if (len <= 64) return struct(f);
  f.push(field('btf_id', uint(rd.u32(b, 64))), field('btf_key_type_id', uint(rd.u32(b, 68))),
    field('btf_value_type_id', uint(rd.u32(b, 72))));
  return struct([...f, ...bpfExtra(c, b.subarray(0, size), MAP_INFO_SIZE)]);
}

/**
 * An approximation of the wall-clock time of a CLOCK_BOOTTIME instant, in seconds (strace's
 * print_boottime): the host's boot time plus the instant; none without a host to ask.
 */
function boottimeNote(c: Ctx, ns: bigint): string | undefined {
  const boot = c.host?.bootEpochMs();
  return boot === undefined ? undefined : sprinttime(BigInt(Math.floor((boot + Number(ns / 1000000n)) / 1000)));
}

/** struct bpf_prog_info: `before` is the buffer at entry, for the counts the kernel changes. */
function progInfo(c: Ctx, b: Uint8Array, size: number, before: Uint8Array): Value {
  const len = Math.min(size, PROG_INFO_SIZE);
  const u32 = (off: number): number => rd.u32(b, off);
  const u64 = (off: number): bigint => rd.u64(b, off);
  const was32 = (name: string, off: number): Field => field(name, changed(rd.u32(before, off), u32(off)));
  const f: Field[] = [
    field('type', xval(BPF_PROG_TYPES, BigInt(u32(0)), 'BPF_PROG_TYPE_???')), field('id', uint(u32(4))),
    field('tag', { k: 'str', b: b.subarray(8, 16), hex: true }),
    was32('jited_prog_len', 16), field('jited_prog_insns', buf(c, u64(24), u32(16), true)),
    was32('xlated_prog_len', 20),
    field('xlated_prog_insns', c.opt.abbrev ? addr(u64(32))
      : printArray(c, u64(32), Math.floor(Math.min(rd.u32(before, 20), u32(20)) / 8), 8, ebpfInsn, { exiting: true })),
  ];
  if (len <= 40) return struct(f);
  const when = boottimeNote(c, u64(40));
  f.push(field('load_time', when ? note(uint(u64(40)), when) : uint(u64(40))), field('created_by_uid', idV(u32(48))),
    was32('nr_map_ids', 52),
    field('map_ids', printArray(c, u64(56), Math.min(rd.u32(before, 52), u32(52)), 4, (x) => uint(rd.u32(x, 0)), { exiting: true })),
    field('name', cstrField(b, 64, 16)));
  if (len <= 80) return struct(f);
  f.push(field('ifindex', ifindexV(c, u32(80))), field('gpl_compatible', uint(u32(84) & 1)),
    field('netns_dev', dev(u64(88))), field('netns_ino', uint(u64(96))));
  if (len <= 104) return struct(f);
  f.push(was32('nr_jited_ksyms', 104), was32('nr_jited_func_lens', 108),
    field('jited_ksyms', changed(rd.u64(before, 112), u64(112), addr64)),
    field('jited_func_lens', changed(rd.u64(before, 120), u64(120), addr64)));
  if (len <= 128) return struct(f);
  f.push(field('btf_id', uint(u32(128))), was32('func_info_rec_size', 132), field('func_info', addr(u64(136))),
    was32('nr_func_info', 144), was32('nr_line_info', 148), field('line_info', addr(u64(152))),
    field('jited_line_info', changed(rd.u64(before, 160), u64(160), addr64)),
    was32('nr_jited_line_info', 168), was32('line_info_rec_size', 172), was32('jited_line_info_rec_size', 176),
    was32('nr_prog_tags', 180), field('prog_tags', addr(u64(184))));
  if (len <= 192) return struct(f);
  f.push(field('run_time_ns', uint(u64(192))), field('run_cnt', uint(u64(200))));
  if (len <= 208) return struct(f);
  f.push(field('recursion_misses', uint(u64(208))));
  if (len <= 216) return struct(f);
  f.push(field('verified_insns', uint(u32(216))));
  return struct([...f, ...bpfExtra(c, b.subarray(0, size), PROG_INFO_SIZE)]);
}

/** What the entry saves for the exit: the attr, the object's kind, the info buffer as it was. */
export interface ObjInfoEntry { attr: Uint8Array; kind?: Kind; info?: Uint8Array }

/** At entry (with -v): which printer the fd calls for, and the buffer before the kernel fills it. */
export function objInfoEntry(c: Ctx, attr: Uint8Array): ObjInfoEntry {
  const a = new Uint8Array(Math.max(ATTR_SIZE, attr.length));
  a.set(attr);
  const kind = c.opt.abbrev ? undefined : objKind(c, rd.s32(a, 0));
  if (!kind) return { attr };
  return { attr, kind, info: infoBytes(c, rd.u64(a, 8), rd.u32(a, 4)) ?? new Uint8Array(PAGE_SIZE) };
}

/** `{info={bpf_fd=…, info_len=N => M, info=…}}` from the attr at entry and at exit. */
export function objInfoExit(c: Ctx, entry: ObjInfoEntry, after: Uint8Array): Value {
  const b = new Uint8Array(Math.max(ATTR_SIZE, entry.attr.length));
  b.set(entry.attr);
  const a = new Uint8Array(Math.max(ATTR_SIZE, after.length));
  a.set(after);
  const infoLen = rd.u32(a, 4);
  const at = rd.u64(a, 8);
  let info: Value = addr(at);
  if (entry.kind) {
    const got = infoBytes(c, at, infoLen);
    if (got) info = entry.kind === 'map' ? mapInfo(c, got, infoLen) : progInfo(c, got, infoLen, entry.info!);
  }
  const f = struct([
    field('bpf_fd', { k: 'fd', fd: rd.s32(b, 0) }), field('info_len', changed(rd.u32(b, 4), infoLen)), field('info', info),
  ]);
  return struct([field('info', f), ...bpfExtra(c, after, ATTR_SIZE)]);
}
