/**
 * Video4Linux2 ioctls (type 'V'), as strace's v4l2.c prints them: capabilities, formats (by buffer
 * type), buffers, stream parameters, standards, inputs, controls, tuners, crops, frame sizes and
 * intervals. Most structs are read at entry and completed at exit: the fields the caller gives
 * first, then those the kernel fills in (or ` => ` and the struct as the kernel left it).
 */
import { addr, buf, localArray, rd } from './args.js';
import {
  changed, charLit, cstrField, fetch, numAt, onEntry, onExit, printArray, timevalV, twoStep, xval, type ArgAt, type ArgPrinter,
} from './printers.js';
import type { Ctx, RetInfo } from './types.js';
import { array, field, hex, int, join, note, struct, tok, uint, type Field, type Value } from './value.js';
import { flags, lookup, type Xlat } from './xlat/core.js';
import {
  V4L2_BUF_FLAGS, V4L2_BUF_FLAGS_TS_SRC, V4L2_BUF_FLAGS_TS_TYPE, V4L2_BUF_TYPES, V4L2_CAPTURE_MODES, V4L2_COLORSPACES,
  V4L2_CONTROL_CLASSES, V4L2_CONTROL_FLAGS, V4L2_CONTROL_IDS, V4L2_CONTROL_QUERY_FLAGS, V4L2_CONTROL_TYPES,
  V4L2_DEVICE_CAPABILITIES_FLAGS, V4L2_FIELDS, V4L2_FORMAT_DESCRIPTION_FLAGS, V4L2_FRAMEINTERVAL_TYPES,
  V4L2_FRAMESIZE_TYPES, V4L2_INPUT_TYPES, V4L2_MEMORIES, V4L2_META_FMTS, V4L2_PIX_FMTS, V4L2_SDR_FMTS, V4L2_SLICED_FLAGS,
  V4L2_STREAMING_CAPABILITIES, V4L2_TUNER_AUDMODES, V4L2_TUNER_CAPABILITIES, V4L2_TUNER_RXSUBCHANSES, V4L2_TUNER_TYPES,
  V4L2_VBI_FLAGS,
} from './xlat/v4l2.js';

const u32At = (b: Uint8Array, off: number): Value => uint(rd.u32(b, off));
const s32At = (b: Uint8Array, off: number): Value => int(rd.s32(b, off));
const x32At = (b: Uint8Array, off: number): Value => hex(rd.u32(b, off));
const xvalAt = (x: Xlat, unknown: string) => (b: Uint8Array, off: number): Value => xval(x, BigInt(rd.u32(b, off)), unknown);
const flagsAt = (x: Xlat, unknown: string) => (b: Uint8Array, off: number): Value => flags(x, BigInt(rd.u32(b, off)), unknown);
const bufType = xvalAt(V4L2_BUF_TYPES, 'V4L2_BUF_TYPE_???');
const memory = xvalAt(V4L2_MEMORIES, 'V4L2_MEMORY_???');
const fieldOrder = xvalAt(V4L2_FIELDS, 'V4L2_FIELD_???');
const colorspace = xvalAt(V4L2_COLORSPACES, 'V4L2_COLORSPACE_???');
/** struct v4l2_fract: `num/den`. */
const fract = (b: Uint8Array, off: number): Value => tok(`${rd.u32(b, off)}/${rd.u32(b, off + 4)}`);
/** struct v4l2_rect. */
const rect = (b: Uint8Array, off: number): Value =>
  struct([field('left', s32At(b, off)), field('top', s32At(b, off + 4)), field('width', u32At(b, off + 8)), field('height', u32At(b, off + 12))]);

/** A fourcc code as its four characters, named when the table knows it; the number with -X raw. */
function fourcc(x: Xlat) {
  return (b: Uint8Array, off: number): Value => {
    const v = rd.u32(b, off);
    const chars = tok(`v4l2_fourcc(${[0, 8, 16, 24].map((s) => charLit((v >>> s) & 0xff)).join(', ')})`);
    const name = lookup(x, v);
    const shown = name ? note(chars, name) : chars;
    return { k: 'styled', abbrev: shown, raw: hex(v), verbose: shown };
  };
}
const pixFmt = fourcc(V4L2_PIX_FMTS);
const sdrFmt = fourcc(V4L2_SDR_FMTS);
const metaFmt = fourcc(V4L2_META_FMTS);

/** `KERNEL_VERSION(a, b, c)`, the number alone with -X raw. */
const kernelVersion = (v: number): Value =>
  ({ k: 'sym', name: `KERNEL_VERSION(${v >>> 16}, ${(v >>> 8) & 0xff}, ${v & 0xff})`, v: BigInt(v), fmt: 'x' });

/**
 * Whether an array printed whole (strace's print_array returning true): not NULL, not empty, not
 * an address, not cut short by unreadable memory (cut short by -s is whole).
 */
function printedWhole(v: Value): boolean {
  if (v.k !== 'array') return false;
  const last = v.items[v.items.length - 1];
  return v.more || (!!last && !(last.k === 'note' && last.v.k === 'tok' && last.v.text === '...'));
}
// ---------------------------------------------------------------- capabilities and formats

const capsFlags = flagsAt(V4L2_DEVICE_CAPABILITIES_FLAGS, 'V4L2_CAP_???');
const capability: ArgPrinter = (c, a) =>
  fetch(c, a, 104, (b) => struct([
    field('driver', cstrField(b, 0, 16)), field('card', cstrField(b, 16, 32)), field('bus_info', cstrField(b, 48, 32)),
    field('version', kernelVersion(rd.u32(b, 80))), field('capabilities', capsFlags(b, 84)),
    ...(rd.u32(b, 88) ? [field('device_caps', capsFlags(b, 88))] : []),
  ]), true);

const fmtdesc = twoStep({
  size: 64,
  head: (_c, b) => [field('index', u32At(b, 0)), field('type', bufType(b, 4))],
  done: (_c, b, head) => struct([
    ...head, field('flags', flagsAt(V4L2_FORMAT_DESCRIPTION_FLAGS, 'V4L2_FMT_FLAG_???')(b, 8)),
    field('description', cstrField(b, 12, 32)), field('pixelformat', pixFmt(b, 44)),
  ]),
});

const pix = (_c: Ctx, b: Uint8Array, o: number): Value => struct([
  field('width', u32At(b, o)), field('height', u32At(b, o + 4)), field('pixelformat', pixFmt(b, o + 8)),
  field('field', fieldOrder(b, o + 12)), field('bytesperline', u32At(b, o + 16)), field('sizeimage', u32At(b, o + 20)),
  field('colorspace', colorspace(b, o + 24)),
]);
const MAX_PLANES = 8;
const pixMp = (c: Ctx, b: Uint8Array, o: number): Value => {
  const planes = b[o + 180]!;
  const planeFmt: Value[] = [];
  for (let i = 0; i < Math.min(planes, MAX_PLANES); i++)
    planeFmt.push(struct([field('sizeimage', u32At(b, o + 20 + 20 * i)), field('bytesperline', u32At(b, o + 24 + 20 * i))]));
  return struct([
    field('width', u32At(b, o)), field('height', u32At(b, o + 4)), field('pixelformat', pixFmt(b, o + 8)),
    field('field', fieldOrder(b, o + 12)), field('colorspace', colorspace(b, o + 16)),
    field('plane_fmt', localArray(c, planeFmt)), field('num_planes', uint(planes)),
  ]);
};
const win = (c: Ctx, b: Uint8Array, o: number): Value => {
  const alpha = b[o + 48]!;
  return struct([
    field('w', rect(b, o)), field('field', fieldOrder(b, o + 16)), field('chromakey', x32At(b, o + 20)),
    field('clips', printArray(c, rd.u64(b, o + 24), rd.u32(b, o + 32), 24, (e) => struct([field('c', rect(e, 0))]))),
    field('clipcount', u32At(b, o + 32)), field('bitmap', addr(rd.u64(b, o + 40))),
    ...(alpha ? [field('global_alpha', hex(alpha))] : []),
  ]);
};
const vbi = (_c: Ctx, b: Uint8Array, o: number): Value => struct([
  field('sampling_rate', u32At(b, o)), field('offset', u32At(b, o + 4)), field('samples_per_line', u32At(b, o + 8)),
  field('sample_format', pixFmt(b, o + 12)), field('start', array([s32At(b, o + 16), s32At(b, o + 20)])),
  field('count', array([u32At(b, o + 24), u32At(b, o + 28)])), field('flags', flagsAt(V4L2_VBI_FLAGS, 'V4L2_VBI_???')(b, o + 32)),
]);
const sliced = (_c: Ctx, b: Uint8Array, o: number): Value => {
  const lines = [0, 1].map((i) => array(Array.from({ length: 24 }, (_, j) => hex(rd.u16(b, o + 2 + 48 * i + 2 * j)))));
  return struct([
    field('service_set', flags(V4L2_SLICED_FLAGS, BigInt(rd.u16(b, o)), 'V4L2_SLICED_???')),
    field('service_lines', array(lines)), field('io_size', u32At(b, o + 100)),
  ]);
};
const sdr = (_c: Ctx, b: Uint8Array, o: number): Value => struct([
  field('pixelformat', sdrFmt(b, o)), ...(rd.u32(b, o + 4) ? [field('buffersize', u32At(b, o + 4))] : []),
]);
const meta = (_c: Ctx, b: Uint8Array, o: number): Value =>
  struct([field('dataformat', metaFmt(b, o)), field('buffersize', u32At(b, o + 4))]);

/** The format union's member for each buffer type, by the name strace gives it. */
const FORMATS: Readonly<Record<number, [string, (c: Ctx, b: Uint8Array, o: number) => Value]>> = {
  1: ['fmt.pix', pix], 2: ['fmt.pix', pix], 9: ['fmt.pix_mp', pixMp], 10: ['fmt.pix_mp', pixMp],
  3: ['fmt.win', win], 8: ['fmt.win', win], 4: ['fmt.vbi', vbi], 5: ['fmt.vbi', vbi],
  6: ['fmt.sliced', sliced], 7: ['fmt.sliced', sliced], 11: ['fmt.sdr', sdr], 12: ['fmt.sdr', sdr],
  13: ['fmt.meta', meta], 14: ['fmt.meta', meta],
};
/** struct v4l2_format's union at `off` (after the type): none for an unknown type. */
const formatFields = (c: Ctx, b: Uint8Array, off: number): Field[] => {
  const f = FORMATS[rd.u32(b, off - 8)];
  return f ? [field(f[0], f[1](c, b, off))] : [];
};
const FORMAT = 208;
const format = (isGet: boolean): ArgAt => twoStep({
  size: FORMAT,
  head: (c, b) => [field('type', bufType(b, 0)), ...(isGet ? [] : formatFields(c, b, 8))],
  // strace stops at entry after an unknown type, or a window whose clips did not print whole
  complete: (_b, head) => {
    if (isGet) return false;
    const fmt = head[1]?.v;
    const clips = fmt?.k === 'struct' && head[1]!.n === 'fmt.win' ? fmt.fields.find((f) => f.n === 'clips')!.v : undefined;
    return !fmt || (clips !== undefined && !printedWhole(clips));
  },
  done: (c, b, head) => {
    const after = formatFields(c, b, 8);
    return isGet || !after.length ? struct([...head, ...after]) : changed(head, after);
  },
});

// ---------------------------------------------------------------- buffers

const reqbufs = twoStep({
  size: 20,
  head: (_c, b) => [field('type', bufType(b, 4)), field('memory', memory(b, 8)), field('count', u32At(b, 0))],
  done: (_c, b, head) => struct([...head.slice(0, 2), field('count', { k: 'inout', in: head[2]!.v, out: u32At(b, 0) })]),
});

const TIMESTAMP_MASK = 0xe000;
const TSTAMP_SRC_MASK = 0x70000;
/** v4l2_buffer flags: the flag bits, then the timestamp type and source fields, named. */
function bufFlags(v: number): Value {
  const type = v & TIMESTAMP_MASK;
  const src = v & TSTAMP_SRC_MASK;
  const rest = v & ~type & ~src;
  const parts = [
    xval(V4L2_BUF_FLAGS_TS_TYPE, BigInt(type), 'V4L2_BUF_FLAG_TIMESTAMP_???'),
    xval(V4L2_BUF_FLAGS_TS_SRC, BigInt(src), 'V4L2_BUF_FLAG_TSTAMP_SRC_???'),
  ];
  if (rest) parts.unshift(flags(V4L2_BUF_FLAGS, BigInt(rest >>> 0), 'V4L2_BUF_FLAG_???'));
  const named = join('|', ...parts);
  return { k: 'styled', abbrev: named, raw: hex(v >>> 0), verbose: named };
}
const MEMORY_MMAP = 1;
const MEMORY_USERPTR = 2;
const VIDIOC_DQBUF = 0xc0585611;
const buffer = (code: number): ArgAt => {
  const dq = code === VIDIOC_DQBUF;
  return twoStep({
    size: 88,
    head: (_c, b) => [field('type', bufType(b, 4)), ...(dq ? [] : [field('index', u32At(b, 0))])],
    done: (_c, b, head) => {
      const mem = rd.u32(b, 60);
      return struct([
        ...head, ...(dq ? [field('index', u32At(b, 0))] : []), field('memory', memory(b, 60)),
        ...(mem === MEMORY_MMAP ? [field('m.offset', x32At(b, 64))] : mem === MEMORY_USERPTR ? [field('m.userptr', addr(rd.u64(b, 64)))] : []),
        field('length', u32At(b, 72)), field('bytesused', u32At(b, 8)), field('flags', bufFlags(rd.u32(b, 12))),
        ...(dq ? [field('timestamp', timevalV(b, 24))] : []),
      ], true);
    },
  });
};

const framebuffer = (c: Ctx, a: bigint, exiting = false): Value =>
  fetch(c, a, 48, (b) => struct([field('capability', x32At(b, 0)), field('flags', x32At(b, 4)), field('base', addr(rd.u64(b, 8)))]), exiting);

// ---------------------------------------------------------------- stream parameters, standards, inputs

const CAPTURE = 1;
const OUTPUT = 2;
/** struct v4l2_captureparm / v4l2_outputparm (the same layout) at offset 4. */
const streamparm = (b: Uint8Array): Field => {
  const capture = rd.u32(b, 0) === CAPTURE;
  return field(capture ? 'parm.capture' : 'parm.output', struct([
    field('capability', flagsAt(V4L2_STREAMING_CAPABILITIES, 'V4L2_CAP_???')(b, 4)),
    field(capture ? 'capturemode' : 'outputmode', flagsAt(V4L2_CAPTURE_MODES, 'V4L2_MODE_???')(b, 8)),
    field('timeperframe', fract(b, 12)), field('extendedmode', x32At(b, 20)),
    field(capture ? 'readbuffers' : 'writebuffers', u32At(b, 24)),
  ]));
};
const parm = (isGet: boolean): ArgAt => twoStep({
  size: 204,
  head: (_c, b) => {
    const type = rd.u32(b, 0);
    const video = type === CAPTURE || type === OUTPUT;
    return [field('type', bufType(b, 0)), ...(video && !isGet ? [streamparm(b)] : [])];
  },
  complete: (b) => rd.u32(b, 0) !== CAPTURE && rd.u32(b, 0) !== OUTPUT,
  done: (_c, b, head) => (isGet ? struct([...head, streamparm(b)]) : changed(head, [streamparm(b)])),
});

const standard = twoStep({
  size: 72,
  head: (_c, b) => [field('index', u32At(b, 0))],
  done: (_c, b, head) => struct([
    ...head, field('name', cstrField(b, 16, 24)), field('frameperiod', fract(b, 40)), field('framelines', u32At(b, 48)),
  ]),
});

const input = twoStep({
  size: 80,
  head: (_c, b) => [field('index', u32At(b, 0))],
  done: (_c, b, head) => struct([
    ...head, field('name', cstrField(b, 4, 32)), field('type', xvalAt(V4L2_INPUT_TYPES, 'V4L2_INPUT_TYPE_???')(b, 36)),
  ]),
});

// ---------------------------------------------------------------- controls

const NEXT_FLAGS = 0xc0000000;
/**
 * A control id: its name, else its class and the offset in it (`V4L2_CTRL_CLASS_USER+0x1`), else
 * `V4L2_CID_???`; VIDIOC_QUERYCTRL's NEXT flags first (`withNext`). The number with -X raw.
 */
function cid(v: number, withNext: boolean): Value {
  const parts: Value[] = [];
  let id = v;
  if (withNext && v & NEXT_FLAGS) {
    parts.push(flags(V4L2_CONTROL_QUERY_FLAGS, BigInt((v & NEXT_FLAGS) >>> 0), 'V4L2_CTRL_FLAG_NEXT_???'));
    id = (v & ~NEXT_FLAGS) >>> 0;
  }
  const name = lookup(V4L2_CONTROL_IDS, id);
  let cls: readonly [bigint, string] | undefined;
  for (const p of V4L2_CONTROL_CLASSES.pairs) if (p[0] <= BigInt(id) && (!cls || p[0] > cls[0])) cls = p;
  const off = cls ? id - Number(cls[0]) : 0;
  parts.push(name ? { k: 'sym', name, v: BigInt(id), fmt: 'x' }
    : cls && off < 0x10000 ? { k: 'sym', name: `${cls[1]}+${off ? '0x' + off.toString(16) : '0'}`, v: BigInt(id), fmt: 'x' }
    : note(hex(id), 'V4L2_CID_???'));
  const named = parts.length > 1 ? join('|', ...parts) : parts[0]!;
  return { k: 'styled', abbrev: named, raw: hex(v), verbose: named };
}

const control = (isGet: boolean): ArgAt => twoStep({
  size: 8,
  head: (_c, b) => [field('id', cid(rd.u32(b, 0), false)), ...(isGet ? [] : [field('value', s32At(b, 4))])],
  done: (_c, b, head) => struct([head[0]!, field('value', isGet ? s32At(b, 4) : { k: 'inout', in: head[1]!.v, out: s32At(b, 4) })]),
});

const ctrlType = xvalAt(V4L2_CONTROL_TYPES, 'V4L2_CTRL_TYPE_???');
const ctrlFlags = flagsAt(V4L2_CONTROL_FLAGS, 'V4L2_CTRL_FLAG_???');
const xints = (b: Uint8Array, off: number, n: number): Value[] => Array.from({ length: n }, (_, i) => x32At(b, off + 4 * i));
/** The id given (with its NEXT flags), ` => ` the id found when it differs, then the control's description. */
const queryCtrl = (size: number, details: (c: Ctx, b: Uint8Array) => Field[]): ArgAt => twoStep({
  size,
  head: (c, b) => {
    c.state.ctrlId = rd.u32(b, 0);
    return [field('id', cid(rd.u32(b, 0), true))];
  },
  done: (c, b, head) => {
    const id = rd.u32(b, 0);
    const idField = id === (c.state.ctrlId as number) ? head[0]! : field('id', { k: 'inout', in: head[0]!.v, out: cid(id, false) });
    const f = [idField, field('type', ctrlType(b, 4)), field('name', cstrField(b, 8, 32))];
    return c.opt.abbrev ? struct(f, true) : struct([...f, ...details(c, b)]);
  },
});
const reservedIfSet = (c: Ctx, b: Uint8Array, off: number, n: number): Field[] => {
  const items = xints(b, off, n);
  return items.some((v) => v.k === 'int' && v.v !== 0n) ? [field('reserved', localArray(c, items))] : [];
};
const queryctrl = queryCtrl(68, (c, b) => [
  field('minimum', s32At(b, 40)), field('maximum', s32At(b, 44)), field('step', s32At(b, 48)),
  field('default_value', s32At(b, 52)), field('flags', ctrlFlags(b, 56)), ...reservedIfSet(c, b, 60, 2),
]);
const queryExtCtrl = queryCtrl(232, (c, b) => {
  const dims = rd.u32(b, 84);
  return [
    field('minimum', int(rd.s64(b, 40))), field('maximum', int(rd.s64(b, 48))), field('step', uint(rd.u64(b, 56))),
    field('default_value', int(rd.s64(b, 64))), field('flags', ctrlFlags(b, 72)), field('elem_size', u32At(b, 76)),
    field('elems', u32At(b, 80)), field('nr_of_dims', uint(dims)),
    field('dims', localArray(c, Array.from({ length: Math.min(dims, 4) }, (_, i) => u32At(b, 88 + 4 * i)))),
    ...reservedIfSet(c, b, 104, 32),
  ];
});

/** struct v4l2_ext_control (packed, 20 bytes): a string when it has a size, else the value both ways. */
const extControl = (c: Ctx) => (e: Uint8Array): Value => {
  const size = rd.u32(e, 4);
  return struct([
    field('id', xval(V4L2_CONTROL_IDS, BigInt(rd.u32(e, 0)), 'V4L2_CID_???')), field('size', uint(size)),
    ...(size ? [field('string', buf(c, rd.u64(e, 12), size))] : [field('value', s32At(e, 12)), field('value64', int(rd.s64(e, 12)))]),
  ]);
};
const extControls = (isGet: boolean): ArgAt => {
  const controls = (c: Ctx, b: Uint8Array): Field =>
    field('controls', printArray(c, rd.u64(b, 24), rd.u32(b, 4), 20, extControl(c), { ignoreErr: true }));
  return twoStep({
    size: 32,
    head: (c, b) => [
      field('ctrl_class', xvalAt(V4L2_CONTROL_CLASSES, 'V4L2_CTRL_CLASS_???')(b, 0)), field('count', u32At(b, 4)),
      ...(rd.u32(b, 4) && !isGet ? [controls(c, b)] : []),
    ],
    // a controls array that cannot be read ends the struct at entry
    complete: (b, head) => !rd.u32(b, 4) || (!isGet && !printedWhole(head[2]!.v)),
    evenOnError: true,
    done: (c, b, head) => {
      const after = [controls(c, b), ...(c.err ? [field('error_idx', u32At(b, 8))] : [])];
      return isGet ? struct([...head, ...after]) : changed(head, after);
    },
  });
};

// ---------------------------------------------------------------- tuners, crops, frame sizes and intervals

const tunerFields = (b: Uint8Array): Field[] => [
  field('name', cstrField(b, 4, 32)), field('type', xvalAt(V4L2_TUNER_TYPES, 'V4L2_TUNER_???')(b, 36)),
  field('capability', flagsAt(V4L2_TUNER_CAPABILITIES, 'V4L2_TUNER_CAP_???')(b, 40)), field('rangelow', u32At(b, 44)),
  field('rangehigh', u32At(b, 48)), field('rxsubchans', flagsAt(V4L2_TUNER_RXSUBCHANSES, 'V4L2_TUNER_SUB_???')(b, 52)),
  field('audmode', xvalAt(V4L2_TUNER_AUDMODES, 'V4L2_TUNER_MODE_???')(b, 56)), field('signal', s32At(b, 60)),
  field('afc', s32At(b, 64)),
];
const tuner = (isGet: boolean): ArgAt => twoStep({
  size: 84,
  head: (_c, b) => [field('index', u32At(b, 0)), ...(isGet ? [] : tunerFields(b))],
  done: (_c, b, head) => (isGet ? struct([...head, ...tunerFields(b)]) : changed(head, tunerFields(b))),
});

const cropcap = twoStep({
  size: 44,
  head: (_c, b) => [field('type', bufType(b, 0))],
  done: (_c, b, head) => struct([...head, field('bounds', rect(b, 4)), field('defrect', rect(b, 20)), field('pixelaspect', fract(b, 36))]),
});
const gCrop = twoStep({
  size: 20,
  head: (_c, b) => [field('type', bufType(b, 0))],
  done: (_c, b, head) => struct([...head, field('c', rect(b, 4))]),
});
const sCrop: ArgPrinter = (c, a) => fetch(c, a, 20, (b) => struct([field('type', bufType(b, 0)), field('c', rect(b, 4))]));

const DISCRETE = 1;
const CONTINUOUS = 2;
const STEPWISE = 3;
const frameSizes = twoStep({
  size: 44,
  head: (_c, b) => [field('index', u32At(b, 0)), field('pixel_format', pixFmt(b, 4))],
  done: (_c, b, head) => {
    const type = rd.u32(b, 8);
    const names = ['min_width', 'max_width', 'step_width', 'min_height', 'max_height', 'step_height'];
    return struct([
      ...head, field('type', xvalAt(V4L2_FRAMESIZE_TYPES, 'V4L2_FRMSIZE_TYPE_???')(b, 8)),
      ...(type === DISCRETE ? [field('discrete', struct([field('width', u32At(b, 12)), field('height', u32At(b, 16))]))]
        : type === STEPWISE ? [field('stepwise', struct(names.map((n, i) => field(n, u32At(b, 12 + 4 * i)))))] : []),
    ]);
  },
});
const frameIntervals = twoStep({
  size: 52,
  head: (_c, b) => [
    field('index', u32At(b, 0)), field('pixel_format', pixFmt(b, 4)), field('width', u32At(b, 8)), field('height', u32At(b, 12)),
  ],
  done: (_c, b, head) => {
    const type = rd.u32(b, 16);
    return struct([
      ...head, field('type', xvalAt(V4L2_FRAMEINTERVAL_TYPES, 'V4L2_FRMIVAL_TYPE_???')(b, 16)),
      ...(type === DISCRETE ? [field('discrete', fract(b, 20))]
        : type === CONTINUOUS || type === STEPWISE
          ? [field('stepwise', struct([field('min', fract(b, 20)), field('max', fract(b, 28)), field('step', fract(b, 36))]))] : []),
    ]);
  },
});

/** struct v4l2_create_buffers as given; the result names the buffers made (V4L2_RESULTS). */
const CREATE_BUFFERS = 256;
const createBufs: ArgPrinter = (c, a) =>
  fetch(c, a, CREATE_BUFFERS, (b) => struct([
    field('count', u32At(b, 4)), field('memory', memory(b, 8)),
    field('format', struct([field('type', bufType(b, 16)), ...formatFields(c, b, 24)])),
  ]));
const VIDIOC_CREATE_BUFS = 0xc100565c;

/** With -e verbose=none strace decodes no 'V' request: the argument prints as a number. */
const unlessVerbose = (at: ArgAt): ArgAt => ({
  at: at.at,
  save: (c, a) => c.opt.verbose && at.save?.(c, a),
  print: (c, a) => (c.opt.verbose ? at.print(c, a) : hex(a)),
});

/** By request (x86_64 numbers). */
const V4L2_ARGS: Readonly<Record<number, ArgAt>> = {
  0x80685600: onExit(capability), // VIDIOC_QUERYCAP
  0xc0405602: fmtdesc, // VIDIOC_ENUM_FMT
  0xc0d05604: format(true), 0xc0d05605: format(false), 0xc0d05640: format(false), // VIDIOC_G_FMT, _S_FMT, _TRY_FMT
  0xc0145608: reqbufs, // VIDIOC_REQBUFS
  0xc0585609: buffer(0xc0585609), 0xc058560f: buffer(0xc058560f), 0xc0585611: buffer(VIDIOC_DQBUF), // VIDIOC_QUERYBUF, _QBUF, _DQBUF
  0x8030560a: onExit((c, a) => framebuffer(c, a, true)), 0x4030560b: onEntry(framebuffer), // VIDIOC_G_FBUF, VIDIOC_S_FBUF
  // VIDIOC_STREAMON, VIDIOC_STREAMOFF
  0x40045612: onEntry((c, a) => fetch(c, a, 4, (b) => array([bufType(b, 0)]))),
  0x40045613: onEntry((c, a) => fetch(c, a, 4, (b) => array([bufType(b, 0)]))),
  0xc0cc5615: parm(true), 0xc0cc5616: parm(false), // VIDIOC_G_PARM, VIDIOC_S_PARM
  // VIDIOC_G_STD, VIDIOC_S_STD: a v4l2_std_id
  0x80085617: onExit((c, a) => fetch(c, a, 8, (b) => array([hex(rd.u64(b, 0))]), true)),
  0x40085618: onEntry((c, a) => fetch(c, a, 8, (b) => array([hex(rd.u64(b, 0))]))),
  0xc0485619: standard, // VIDIOC_ENUMSTD
  0xc050561a: input, // VIDIOC_ENUMINPUT
  0xc008561b: control(true), 0xc008561c: control(false), // VIDIOC_G_CTRL, VIDIOC_S_CTRL
  0xc054561d: tuner(true), 0x4054561e: tuner(false), // VIDIOC_G_TUNER, VIDIOC_S_TUNER
  0xc0445624: queryctrl, // VIDIOC_QUERYCTRL
  0xc0e85667: queryExtCtrl, // VIDIOC_QUERY_EXT_CTRL
  0x80045626: onExit((c, a) => numAt(c, a, true, true)), 0xc0045627: onEntry((c, a) => numAt(c, a, false, true)), // VIDIOC_G_INPUT, _S_INPUT
  0xc02c563a: cropcap, // VIDIOC_CROPCAP
  0xc014563b: gCrop, 0x4014563c: onEntry(sCrop), // VIDIOC_G_CROP, VIDIOC_S_CROP
  0xc0205647: extControls(true), 0xc0205648: extControls(false), 0xc0205649: extControls(false), // VIDIOC_G/S/TRY_EXT_CTRLS
  0xc02c564a: frameSizes, // VIDIOC_ENUM_FRAMESIZES
  0xc034564b: frameIntervals, // VIDIOC_ENUM_FRAMEINTERVALS
  [VIDIOC_CREATE_BUFS]: onEntry(createBufs),
};

export const V4L2_IOCTLS: Readonly<Record<number, ArgAt>> =
  Object.fromEntries(Object.entries(V4L2_ARGS).map(([code, at]) => [code, unlessVerbose(at)]));

/** VIDIOC_CREATE_BUFS's result: the index and count of the buffers made, when the call succeeded. */
export const V4L2_RESULTS: Readonly<Record<number, (c: Ctx) => RetInfo>> = {
  [VIDIOC_CREATE_BUFS]: (c) => {
    const b = c.err || !c.opt.verbose ? null : c.mem.read(c.args[2]!, CREATE_BUFFERS);
    return b ? { fmt: 'd', aux: tok(`{index=${rd.u32(b, 0)}, count=${rd.u32(b, 4)}}`) } : { fmt: 'd' };
  },
};
