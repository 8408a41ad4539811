/**
 * btrfs ioctls (type 0x94, strace's btrfs.c): volume, subvolume, balance, scrub, device, quota,
 * search and send requests. Requests the kernel completes print their struct at entry and, when the
 * call succeeded, ` => ` and what it filled in.
 */
import { addr, fd, path, rd } from './args.js';
import {
  cstrField, dev, fetch, inOut, keepIn, numAt, onEntry, onExit, printArray, sprinttime, xval, xval64, type ArgAt, type ArgPrinter,
} from './printers.js';
import type { Ctx } from './types.js';
import { MORE, array, field, hex, join, note, struct, sym, tok, uint, type Field, type Value } from './value.js';
import { flags, symbol, type Xlat } from './xlat/core.js';
import {
  BTRFS_BALANCE_ARGS, BTRFS_BALANCE_CTL_CMDS, BTRFS_BALANCE_FLAGS, BTRFS_BALANCE_STATE, BTRFS_COMPRESS_TYPES,
  BTRFS_CONT_READING_FROM_SRCDEV_MODE, BTRFS_CSUM_TYPES, BTRFS_DEFRAG_FLAGS, BTRFS_DEV_REPLACE_CMDS,
  BTRFS_DEV_REPLACE_RESULTS, BTRFS_DEV_REPLACE_STATE, BTRFS_DEV_STATS_FLAGS, BTRFS_DEV_STATS_VALUES,
  BTRFS_FEATURES_COMPAT, BTRFS_FEATURES_COMPAT_RO, BTRFS_FEATURES_INCOMPAT, BTRFS_FS_INFO_FLAGS, BTRFS_KEY_TYPES,
  BTRFS_LOGICAL_INO_ARGS_FLAGS, BTRFS_QGROUP_CTL_CMDS, BTRFS_QGROUP_INHERIT_FLAGS, BTRFS_QGROUP_LIMIT_FLAGS,
  BTRFS_SCRUB_FLAGS, BTRFS_SEND_FLAGS, BTRFS_SNAP_FLAGS_V2, BTRFS_SPACE_INFO_FLAGS, BTRFS_TREE_OBJECTIDS,
} from './xlat/btrfs.js';

const UINT64_MAX = 0xffffffffffffffffn;
const EOVERFLOW = 75;
const FIRST_FREE_OBJECTID = 256n;
const LAST_FREE_OBJECTID = UINT64_MAX - 255n;

const u64 = (b: Uint8Array, off: number): Value => uint(rd.u64(b, off));
/** strace's PRINT_FIELD_U64: all ones is UINT64_MAX. */
const u64max = (b: Uint8Array, off: number): Value => {
  const v = rd.u64(b, off);
  return v === UINT64_MAX ? sym('UINT64_MAX', v) : uint(v);
};
const u32 = (b: Uint8Array, off: number): Value => uint(rd.u32(b, off));
const objectid = (v: bigint): Value => symbol(BTRFS_TREE_OBJECTIDS, v, 'u');
const keyType = (v: number): Value => symbol(BTRFS_KEY_TYPES, BigInt(v), 'u');
const flags64 = (b: Uint8Array, off: number, x: Xlat, unknown: string): Value => flags(x, rd.u64(b, off), unknown);

const hexByte = (b: Uint8Array, i: number): string => b[i]!.toString(16).padStart(2, '0');
/** A 16-byte UUID: `01234567-89ab-cdef-fedc-ba9876543210`. */
const uuid = (b: Uint8Array, off: number): Value => {
  let s = '';
  for (let i = 0; i < 16; i++) s += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + hexByte(b, off + i);
  return tok(s);
};
const isZero = (b: Uint8Array, off: number, n: number): boolean => b.subarray(off, off + n).every((x) => x === 0);

/** struct btrfs_ioctl_timespec, then its date as a comment. */
const timespec = (b: Uint8Array, off: number): Value => {
  const nsec = rd.u32(b, off + 8);
  const v = struct([field('sec', u64(b, off)), field('nsec', uint(nsec))]);
  const t = sprinttime(rd.s64(b, off), BigInt(nsec));
  return t ? note(v, t) : v;
};

/** Seconds since the epoch, then their date as a comment. */
const secs = (b: Uint8Array, off: number): Value => {
  const t = sprinttime(rd.s64(b, off));
  return t ? note(u64(b, off), t) : u64(b, off);
};

/** A struct the kernel fills: read at exit (a failed call prints its address). */
const out = (size: number, fn: (b: Uint8Array, c: Ctx, a: bigint) => Value): ArgAt =>
  onExit((c, a) => fetch(c, a, size, (b) => fn(b, c, a), true));
/** A struct the kernel only reads. */
const given = (size: number, fn: (b: Uint8Array, c: Ctx, a: bigint) => Value): ArgAt =>
  onEntry((c, a) => fetch(c, a, size, (b) => fn(b, c, a)));
/** A struct read at entry and, when the call succeeded, completed at exit. */
const both = (size: number, before: (b: Uint8Array, c: Ctx, a: bigint) => Value, after: (b: Uint8Array, c: Ctx, a: bigint) => Value): ArgAt =>
  inOut((c, a) => fetch(c, a, size, (b) => before(b, c, a)), (c, a) => fetch(c, a, size, (b) => after(b, c, a), true));

// ---------------------------------------------------------------- the structs

/** struct btrfs_ioctl_vol_args: an fd and a path name. */
const volArgs = given(4096, (b) => struct([field('fd', fd(rd.u64(b, 0))), field('name', cstrField(b, 8, 4088))]));

const qgroupLimit = (b: Uint8Array, off: number): Value =>
  struct([
    field('flags', flags64(b, off, BTRFS_QGROUP_LIMIT_FLAGS, 'BTRFS_QGROUP_LIMIT_???')),
    field('max_rfer', u64(b, off + 8)), field('max_excl', u64(b, off + 16)),
    field('rsv_rfer', u64(b, off + 24)), field('rsv_excl', u64(b, off + 32)),
  ]);

/** struct btrfs_qgroup_inherit, with its qgroups (only with -v). */
const QGROUP_INHERIT = 72;
const qgroupInherit = (c: Ctx, a: bigint): Value =>
  fetch(c, a, QGROUP_INHERIT, (b) => {
    const f: Field[] = [
      field('flags', flags64(b, 0, BTRFS_QGROUP_INHERIT_FLAGS, 'BTRFS_QGROUP_INHERIT_???')),
      field('num_qgroups', u64(b, 8)), field('num_ref_copies', u64(b, 16)), field('num_excl_copies', u64(b, 24)),
      field('lim', qgroupLimit(b, 32)),
    ];
    if (c.opt.abbrev) return struct(f, true);
    f.push(field('qgroups', printArray(c, a + BigInt(QGROUP_INHERIT), rd.u64(b, 8), 8, (e) => u64(e, 0))));
    return struct(f);
  });

const SUBVOL_QGROUP_INHERIT = 4n;
/** struct btrfs_ioctl_vol_args_v2 (SNAP_CREATE_V2, SUBVOL_CREATE_V2): the new subvolume's transid at exit. */
const volArgsV2 = both(
  4096,
  (b, c) => {
    const fl = rd.u64(b, 16);
    const f: Field[] = [field('fd', fd(rd.u64(b, 0))), field('flags', flags(BTRFS_SNAP_FLAGS_V2, fl, 'BTRFS_SUBVOL_???'))];
    if (fl & SUBVOL_QGROUP_INHERIT) f.push(field('size', u64(b, 24)), field('qgroup_inherit', qgroupInherit(c, rd.u64(b, 32))));
    f.push(field('name', cstrField(b, 56, 4040)));
    return struct(f);
  },
  (b) => struct([field('transid', u64(b, 8))]),
);

const balanceArgs = (b: Uint8Array, off: number): Value =>
  struct([
    field('profiles', flags64(b, off, BTRFS_SPACE_INFO_FLAGS, 'BTRFS_BLOCK_GROUP_???')),
    field('usage', u64max(b, off + 8)), field('devid', dev(rd.u64(b, off + 16))),
    field('pstart', u64max(b, off + 24)), field('pend', u64max(b, off + 32)),
    field('vstart', u64max(b, off + 40)), field('vend', u64max(b, off + 48)),
    field('target', u64max(b, off + 56)),
    field('flags', flags64(b, off + 64, BTRFS_BALANCE_ARGS, 'BTRFS_BALANCE_ARGS_???')),
  ]);

const BALANCE_DATA = 1n;
const BALANCE_SYSTEM = 2n;
const BALANCE_METADATA = 4n;
/** struct btrfs_ioctl_balance_args: the filters of the chunk types it names; `state` once the kernel set it. */
const balance = (withState: boolean) => (b: Uint8Array): Value => {
  const fl = rd.u64(b, 0);
  const f: Field[] = [field('flags', flags(BTRFS_BALANCE_FLAGS, fl, 'BTRFS_BALANCE_???'))];
  if (withState) f.push(field('state', flags64(b, 8, BTRFS_BALANCE_STATE, 'BTRFS_BALANCE_STATE_???')));
  if (fl & BALANCE_DATA) f.push(field('data', balanceArgs(b, 16)));
  if (fl & BALANCE_METADATA) f.push(field('meta', balanceArgs(b, 152)));
  if (fl & BALANCE_SYSTEM) f.push(field('sys', balanceArgs(b, 288)));
  return struct(f);
};

/** BALANCE_V2: strace goes on to the exit even when the struct could not be read at entry. */
const balanceV2: ArgAt = {
  at: 'exit',
  save: keepIn((c, a) => fetch(c, a, 1024, balance(false))),
  print: (c, a) => {
    const v = c.state.argIn as Value;
    return c.err ? v : { k: 'inout', in: v, out: fetch(c, a, 1024, balance(true), true) };
  },
};

const features = (b: Uint8Array, off: number): Value =>
  struct([
    field('compat_flags', flags64(b, off, BTRFS_FEATURES_COMPAT, 'BTRFS_FEATURE_COMPAT_???')),
    field('compat_ro_flags', flags64(b, off + 8, BTRFS_FEATURES_COMPAT_RO, 'BTRFS_FEATURE_COMPAT_RO_???')),
    field('incompat_flags', flags64(b, off + 16, BTRFS_FEATURES_INCOMPAT, 'BTRFS_FEATURE_INCOMPAT_???')),
  ]);

const defragRange = given(48, (b) =>
  struct([
    field('start', u64(b, 0)), field('len', u64max(b, 8)),
    field('flags', flags64(b, 16, BTRFS_DEFRAG_FLAGS, 'BTRFS_DEFRAG_RANGE_???')),
    field('extent_thresh', u32(b, 24)),
    field('compress_type', xval64(BTRFS_COMPRESS_TYPES, BigInt(rd.u32(b, 28)), 'BTRFS_COMPRESS_???')),
  ]));

/** struct btrfs_ioctl_dev_info_args: the device asked for, then what the kernel knows of it. */
const devInfo = both(
  4096,
  (b) => struct([field('devid', dev(rd.u64(b, 0))), ...(isZero(b, 8, 16) ? [] : [field('uuid', uuid(b, 8))])]),
  (b) =>
    struct([
      ...(isZero(b, 8, 16) ? [] : [field('uuid', uuid(b, 8))]),
      field('bytes_used', u64(b, 24)), field('total_bytes', u64(b, 32)), field('path', cstrField(b, 3072, 1024)),
    ]),
);

const REPLACE_CMD_START = 0n;
const REPLACE_CMD_STATUS = 1n;
const replaceStart = (b: Uint8Array): Value =>
  struct([
    field('srcdevid', dev(rd.u64(b, 16))),
    field('cont_reading_from_srcdev_mode', xval64(BTRFS_CONT_READING_FROM_SRCDEV_MODE, rd.u64(b, 24),
      'BTRFS_IOCTL_DEV_REPLACE_CONT_READING_FROM_SRCDEV_MODE_???')),
    field('srcdev_name', cstrField(b, 32, 1025)), field('tgtdev_name', cstrField(b, 1057, 1025)),
  ]);
const replaceStatus = (b: Uint8Array): Value => {
  const progress = rd.u64(b, 24);
  return struct([
    field('replace_state', xval64(BTRFS_DEV_REPLACE_STATE, rd.u64(b, 16), 'BTRFS_IOCTL_DEV_REPLACE_STATE_???')),
    field('progress_1000', progress <= 1000n ? note(uint(progress), `${progress / 10n}.${progress % 10n}%`) : uint(progress)),
    field('time_started', secs(b, 32)), field('time_stopped', secs(b, 40)),
    field('num_write_errors', u64(b, 48)), field('num_uncorrectable_read_errors', u64(b, 56)),
  ]);
};
/** struct btrfs_ioctl_dev_replace_args: the command (and what to replace), then its result (and status). */
const devReplace = both(
  2600,
  (b) => {
    const cmd = rd.u64(b, 0);
    return struct([
      field('cmd', xval64(BTRFS_DEV_REPLACE_CMDS, cmd, 'BTRFS_IOCTL_DEV_REPLACE_CMD_???')),
      ...(cmd === REPLACE_CMD_START ? [field('start', replaceStart(b))] : []),
    ]);
  },
  (b) =>
    struct([
      field('result', xval64(BTRFS_DEV_REPLACE_RESULTS, rd.u64(b, 8), 'BTRFS_IOCTL_DEV_REPLACE_RESULT_???')),
      ...(rd.u64(b, 0) === REPLACE_CMD_STATUS ? [field('status', replaceStatus(b))] : []),
    ]),
);

const FS_INFO_CSUM_INFO = 1n;
const FS_INFO_GENERATION = 2n;
const FS_INFO_METADATA_UUID = 4n;
const fsInfo = out(1024, (b) => {
  const fl = rd.u64(b, 48);
  const f: Field[] = [
    field('max_id', u64(b, 0)), field('num_devices', u64(b, 8)), field('fsid', uuid(b, 16)),
    field('nodesize', u32(b, 32)), field('sectorsize', u32(b, 36)), field('clone_alignment', u32(b, 40)),
  ];
  if (fl & FS_INFO_CSUM_INFO)
    f.push(field('csum_type', xval64(BTRFS_CSUM_TYPES, BigInt(rd.u16(b, 44)), 'BTRFS_CSUM_TYPE_???')), field('csum_size', uint(rd.u16(b, 46))));
  f.push(field('flags', flags(BTRFS_FS_INFO_FLAGS, fl, 'BTRFS_FS_INFO_FLAG_???')));
  if (fl & FS_INFO_GENERATION) f.push(field('generation', u64(b, 56)));
  if (fl & FS_INFO_METADATA_UUID) f.push(field('metadata_uuid', uuid(b, 64)));
  return struct(f);
});

/** struct btrfs_ioctl_get_dev_stats: at exit its values, by name, no more than the BTRFS_DEV_STAT_VALUES_MAX it names. */
const DEV_STATS_MAX = 5;
const devStats = both(
  1032,
  (b) =>
    struct([
      field('devid', dev(rd.u64(b, 0))), field('nr_items', u64(b, 8)),
      field('flags', flags64(b, 16, BTRFS_DEV_STATS_FLAGS, 'BTRFS_DEV_STATS_???')),
    ]),
  (b) => {
    const n = rd.u64(b, 8);
    const values: Value[] = [];
    for (let i = 0; BigInt(i) < n; i++) {
      if (i >= DEV_STATS_MAX) {
        values.push(MORE);
        break;
      }
      values.push(join('', tok('['), symbol(BTRFS_DEV_STATS_VALUES, BigInt(i), 'u'), tok(']='), u64(b, 24 + 8 * i)));
    }
    return struct([
      field('nr_items', uint(n)), field('flags', flags64(b, 16, BTRFS_DEV_STATS_FLAGS, 'BTRFS_DEV_STATS_???')),
      { v: array(values) },
    ]);
  },
);

/** struct btrfs_ioctl_ino_lookup_args: at exit the path, and the tree when the caller asked for its own (0). */
const inoLookup = both(
  4096,
  (b, c) => {
    c.state.btrfsOwnTree = rd.u64(b, 0) === 0n;
    return struct([field('treeid', objectid(rd.u64(b, 0))), field('objectid', objectid(rd.u64(b, 8)))]);
  },
  (b, c) =>
    struct([
      ...(c.state.btrfsOwnTree ? [field('treeid', objectid(rd.u64(b, 0)))] : []),
      field('name', cstrField(b, 16, 4080)),
    ]),
);

/** struct btrfs_data_container: its counts, then (with -v) its `val` elements. */
const container = (c: Ctx, a: bigint, elems: (b: Uint8Array) => Value): Value =>
  fetch(c, a, 16, (b) => {
    const f: Field[] = [
      field('bytes_left', u32(b, 0)), field('bytes_missing', u32(b, 4)), field('elem_cnt', u32(b, 8)), field('elem_missed', u32(b, 12)),
    ];
    if (c.opt.abbrev) return struct(f, true);
    return struct([...f, field('val', elems(b))]);
  }, true);

const inoPaths = both(
  56,
  (b) => struct([field('inum', u64(b, 0)), field('size', u64(b, 8)), field('fspath', addr(rd.u64(b, 48)))]),
  (b, c) => {
    const at = rd.u64(b, 48);
    const val = at + 16n;
    return struct([field('fspath', container(c, at, (h) =>
      printArray(c, val, rd.u32(h, 8), 8, (e) => path(c, BigInt.asUintN(64, val + rd.u64(e, 0))), { exiting: true })))]);
  },
);

const logicalIno = both(
  56,
  (b) => {
    const f: Field[] = [field('logical', u64(b, 0)), field('size', u64(b, 8))];
    if (!isZero(b, 16, 24)) f.push(field('reserved', array([16, 24, 32].map((o) => hex(rd.u64(b, o))))));
    f.push(
      field('flags', flags64(b, 40, BTRFS_LOGICAL_INO_ARGS_FLAGS, 'BTRFS_LOGICAL_INO_ARGS_???')),
      field('inodes', addr(rd.u64(b, 48))),
    );
    return struct(f);
  },
  (b, c) => {
    const at = rd.u64(b, 48);
    return struct([field('inodes', container(c, at, (h) =>
      printArray(c, at + 16n, Math.floor(rd.u32(h, 8) / 3), 24, (e) =>
        struct([field('inum', u64(e, 0)), field('offset', u64(e, 8)), field('root', u64(e, 16))]), { exiting: true })))]);
  },
);

/** struct btrfs_ioctl_received_subvol_args: what was received, then the kernel's transid and time. */
const receivedSubvol = both(
  200,
  (b) =>
    struct([
      field('uuid', uuid(b, 0)), field('stransid', u64(b, 16)), field('stime', timespec(b, 32)), field('flags', u64(b, 64)),
    ]),
  (b) => struct([field('rtransid', u64(b, 24)), field('rtime', timespec(b, 48))]),
);

const SCRUB_PROGRESS = [
  'data_extents_scrubbed', 'tree_extents_scrubbed', 'data_bytes_scrubbed', 'tree_bytes_scrubbed', 'read_errors',
  'csum_errors', 'verify_errors', 'no_csum', 'csum_discards', 'super_errors', 'malloc_errors', 'uncorrectable_errors',
  'corrected_errors', 'last_physical', 'unverified_errors',
];
/** struct btrfs_ioctl_scrub_args: the device (and range, for SCRUB), then the progress made. */
const scrub = (withRange: boolean): ArgAt =>
  both(
    1024,
    (b) =>
      struct([
        field('devid', dev(rd.u64(b, 0))),
        ...(withRange
          ? [field('start', u64(b, 8)), field('end', u64max(b, 16)), field('flags', flags64(b, 24, BTRFS_SCRUB_FLAGS, 'BTRFS_SCRUB_???'))]
          : []),
      ]),
    (b) => struct([field('progress', struct(SCRUB_PROGRESS.map((n, i) => field(n, u64(b, 32 + 8 * i)))))]),
  );

// ---------------------------------------------------------------- tree search

const SEARCH_KEY = 104;
const SEARCH_HEADER = 32;
/** struct btrfs_ioctl_search_key: all of it at entry (the default object ids only with -v), nr_items at exit. */
const searchKey = (c: Ctx, b: Uint8Array, entering: boolean): Value => {
  if (!entering) return struct([field('nr_items', u32(b, 64))]);
  const f: Field[] = [field('tree_id', objectid(rd.u64(b, 0)))];
  const min = rd.u64(b, 8);
  const max = rd.u64(b, 16);
  if (min !== FIRST_FREE_OBJECTID || !c.opt.abbrev) f.push(field('min_objectid', objectid(min)));
  if (max !== LAST_FREE_OBJECTID || !c.opt.abbrev) f.push(field('max_objectid', objectid(max)));
  f.push(
    field('min_offset', u64max(b, 24)), field('max_offset', u64max(b, 32)),
    field('min_transid', u64max(b, 40)), field('max_transid', u64max(b, 48)),
    field('min_type', keyType(rd.u32(b, 56))), field('max_type', keyType(rd.u32(b, 60))),
    field('nr_items', u32(b, 64)),
  );
  return struct(f);
};

/** The search result headers after the key: as many as nr_items says and the buffer holds. */
function searchBuf(c: Ctx, start: bigint, size: bigint, nrItems: number): Field {
  if (c.opt.abbrev) return { v: MORE };
  const items: Value[] = [];
  let off = 0n;
  for (let i = 0; i < nrItems; i++) {
    const at = start + off;
    if (at > UINT64_MAX || off + BigInt(SEARCH_HEADER) > size || i > c.opt.strsize) {
      items.push(MORE);
      break;
    }
    const h = c.mem.read(at, SEARCH_HEADER);
    if (!h) {
      items.push(note(MORE, '0x' + at.toString(16)));
      break;
    }
    items.push(struct([
      field('transid', u64(h, 0)), field('objectid', objectid(rd.u64(h, 8))), field('offset', u64(h, 16)),
      field('type', keyType(rd.u32(h, 24))), field('len', u32(h, 28)),
    ]));
    off += BigInt(SEARCH_HEADER + rd.u32(h, 28));
  }
  return field('buf', array(items));
}

/** BTRFS_IOC_TREE_SEARCH: strace reads the key only; the results fill the rest of the 4096 bytes. */
const treeSearch = inOut(
  (c, a) => fetch(c, a, SEARCH_KEY, (b) => struct([field('key', searchKey(c, b, true))])),
  (c, a) =>
    fetch(c, a, SEARCH_KEY, (b) =>
      struct([field('key', searchKey(c, b, false)), searchBuf(c, a + BigInt(SEARCH_KEY), BigInt(4096 - SEARCH_KEY), rd.u32(b, 64))]), true),
);

/** BTRFS_IOC_TREE_SEARCH_V2: as TREE_SEARCH, with buf_size; EOVERFLOW still shows the size the kernel wants. */
const SEARCH_V2 = 112;
const treeSearchV2: ArgAt = {
  at: 'exit',
  save: keepIn((c, a) =>
    fetch(c, a, SEARCH_V2, (b) => struct([field('key', searchKey(c, b, true)), field('buf_size', u64(b, 104))]))),
  print: (c, a) => {
    const v = c.state.argIn as Value;
    if (v.k !== 'struct') return v;
    if (c.err) {
      if (c.err !== EOVERFLOW) return v;
      const b = c.mem.read(a, SEARCH_V2);
      return { k: 'inout', in: v, out: b ? struct([field('buf_size', u64(b, 104))]) : { k: 'ptr', v: a, bad: true } };
    }
    return {
      k: 'inout', in: v,
      out: fetch(c, a, SEARCH_V2, (b) =>
        struct([
          field('key', searchKey(c, b, false)), field('buf_size', u64(b, 104)),
          searchBuf(c, a + BigInt(SEARCH_V2), rd.u64(b, 104), rd.u32(b, 64)),
        ]), true),
    };
  },
};

// ---------------------------------------------------------------- the rest

/** struct btrfs_ioctl_send_args: the clone sources' object ids only with -v. */
const send = given(72, (b, c) => {
  const count = rd.u64(b, 8);
  const sources = rd.u64(b, 16);
  return struct([
    field('send_fd', fd(rd.u64(b, 0))), field('clone_sources_count', uint(count)),
    field('clone_sources', c.opt.abbrev ? addr(sources) : printArray(c, sources, count, 8, (e) => objectid(rd.u64(e, 0)))),
    field('parent_root', objectid(rd.u64(b, 24))),
    field('flags', flags64(b, 32, BTRFS_SEND_FLAGS, 'BTRFS_SEND_FLAGS_???')),
  ]);
});

/** struct btrfs_ioctl_space_args: the slots offered, then the spaces the kernel reported. */
const spaceInfo = both(
  16,
  (b) => struct([field('space_slots', u64(b, 0))]),
  (b, c, a) => {
    const total = rd.u64(b, 8);
    const f: Field[] = [field('total_spaces', uint(total))];
    if (rd.u64(b, 0) === 0n && total) return struct(f);
    if (c.opt.abbrev) return struct(f, true);
    return struct([...f, field('spaces', printArray(c, a + 16n, total, 24, (e) =>
      struct([
        field('flags', flags64(e, 0, BTRFS_SPACE_INFO_FLAGS, 'BTRFS_SPACE_INFO_???')),
        field('total_bytes', u64(e, 8)), field('used_bytes', u64(e, 16)),
      ]), { exiting: true }))]);
  },
);

const u64At: ArgPrinter = (c, a) => numAt(c, a, false, true, 8);
const subvolFlags = (c: Ctx, a: bigint, exiting: boolean): Value =>
  fetch(c, a, 8, (b) => flags64(b, 0, BTRFS_SNAP_FLAGS_V2, 'BTRFS_SUBVOL_???'), exiting);
const NO_ARG = null;

export const BTRFS_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  // TRANS_START, TRANS_END, SYNC, SCRUB_CANCEL, QUOTA_RESCAN_WAIT; DEFRAG and BALANCE ignore their vol_args
  0x9406: NO_ARG, 0x9407: NO_ARG, 0x9408: NO_ARG, 0x941c: NO_ARG, 0x942e: NO_ARG, 0x50009402: NO_ARG, 0x5000940c: NO_ARG,
  0x40049421: onEntry((_c, a) => xval(BTRFS_BALANCE_CTL_CMDS, a, 'BTRFS_BALANCE_CTL_???')), // BALANCE_CTL
  0x80089418: onExit((c, a) => numAt(c, a, true, true, 8)), // START_SYNC
  0x40089413: onEntry(u64At), 0x40089416: onEntry(u64At), // DEFAULT_SUBVOL, WAIT_SYNC
  0x80089419: onExit((c, a) => subvolFlags(c, a, true)), // SUBVOL_GETFLAGS
  0x4008941a: onEntry((c, a) => subvolFlags(c, a, false)), // SUBVOL_SETFLAGS
  0xc4009420: balanceV2, // BALANCE_V2
  0x84009422: out(1024, balance(true)), // BALANCE_PROGRESS
  0x40309410: defragRange, // DEFRAG_RANGE
  0xd000941e: devInfo, // DEV_INFO
  0xca289435: devReplace, // DEV_REPLACE
  0x80189439: out(24, (b) => features(b, 0)), // GET_FEATURES
  0x40309439: given(48, (b) => array([features(b, 0), features(b, 24)])), // SET_FEATURES
  0x80489439: out(72, (b) => // GET_SUPPORTED_FEATURES
    array([note(features(b, 0), 'supported'), note(features(b, 24), 'safe to set'), note(features(b, 48), 'safe to clear')])),
  0x8400941f: fsInfo, // FS_INFO
  0xc4089434: devStats, // GET_DEV_STATS
  0xd0009412: inoLookup, // INO_LOOKUP
  0xc0389423: inoPaths, // INO_PATHS
  0xc0389424: logicalIno, // LOGICAL_INO
  0x40189429: given(24, (b) => struct([field('assign', u64(b, 0)), field('src', u64(b, 8)), field('dst', u64(b, 16))])), // QGROUP_ASSIGN
  0x4010942a: given(16, (b) => struct([field('create', u64(b, 0)), field('qgroupid', u64(b, 8))])), // QGROUP_CREATE
  0x8030942b: out(48, (b) => struct([field('qgroupid', u64(b, 0)), field('lim', qgroupLimit(b, 8))])), // QGROUP_LIMIT
  0xc0109428: given(16, (b) => struct([field('cmd', xval64(BTRFS_QGROUP_CTL_CMDS, rd.u64(b, 0), 'BTRFS_QUOTA_CTL_???'))])), // QUOTA_CTL
  0x4040942c: given(64, (b) => struct([field('flags', u64(b, 0))])), // QUOTA_RESCAN
  0x8040942d: out(64, (b) => struct([field('flags', u64(b, 0)), field('progress', objectid(rd.u64(b, 8)))])), // QUOTA_RESCAN_STATUS
  0xc0c89425: receivedSubvol, // SET_RECEIVED_SUBVOL
  0xc400941b: scrub(true), 0xc400941d: scrub(false), // SCRUB, SCRUB_PROGRESS
  0xd0009411: treeSearch, 0xc0709411: treeSearchV2, // TREE_SEARCH, TREE_SEARCH_V2
  0x40489426: send, // SEND
  0xc0109414: spaceInfo, // SPACE_INFO
  // SNAP_CREATE, RESIZE, SCAN_DEV, FORGET_DEV, ADD_DEV, RM_DEV, SUBVOL_CREATE, SNAP_DESTROY, DEVICES_READY
  0x50009401: volArgs, 0x50009403: volArgs, 0x50009404: volArgs, 0x50009405: volArgs, 0x5000940a: volArgs,
  0x5000940b: volArgs, 0x5000940e: volArgs, 0x5000940f: volArgs, 0x90009427: volArgs,
  0x50009417: volArgsV2, 0x50009418: volArgsV2, // SNAP_CREATE_V2, SUBVOL_CREATE_V2
};
