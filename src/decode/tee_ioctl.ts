/**
 * TEE (trusted execution environment) ioctls (type 0xa4, strace's tee.c): version, sessions,
 * invocations and supplicant requests, whose arguments sit behind a tee_ioctl_buf_data, and shared
 * memory. Calls the kernel answers print ` => ` and the answer when they succeed.
 */
import { addr, fd, localArray, rd } from './args.js';
import { fetch, idV, printArray, xval, type ArgAt } from './printers.js';
import type { Ctx } from './types.js';
import { field, hex, int, join, struct, tok, uint, type Field, type Value } from './value.js';
import { flags, xlat } from './xlat/core.js';

const GEN_CAPS = xlat([[1, 'TEE_GEN_CAP_GP'], [2, 'TEE_GEN_CAP_PRIVILEGED'], [4, 'TEE_GEN_CAP_REG_MEM'], [8, 'TEE_GEN_CAP_MEMREF_NULL']]);
const IMPL_IDS = xlat([[1, 'TEE_IMPL_ID_OPTEE'], [2, 'TEE_IMPL_ID_AMDTEE']]);
const OPTEE_CAPS = xlat([[1, 'TEE_OPTEE_CAP_TZ']]);
const LOGIN_TYPES = xlat(() => ['PUBLIC', 'USER', 'GROUP', '', 'APPLICATION', 'USER_APPLICATION', 'GROUP_APPLICATION']
  .flatMap((n, i) => (n ? [[i, `TEE_IOCTL_LOGIN_${n}`] as const] : [])));
const ORIGINS = xlat([[1, 'TEEC_ORIGIN_API'], [2, 'TEEC_ORIGIN_COMMS'], [3, 'TEEC_ORIGIN_TEE'], [4, 'TEEC_ORIGIN_TRUSTED_APP']]);
const PARAM_TYPES = xlat(() => ['NONE', 'VALUE_INPUT', 'VALUE_OUTPUT', 'VALUE_INOUT', '', 'MEMREF_INPUT', 'MEMREF_OUTPUT', 'MEMREF_INOUT']
  .flatMap((n, i) => (n ? [[i, `TEE_IOCTL_PARAM_ATTR_TYPE_${n}`] as const] : [])));
const SHM_FLAGS = xlat(() => ['MAPPED', 'DMA_BUF', 'EXT_DMA_BUF', 'REGISTER', 'USER_MAPPED', 'POOL', 'KERNEL_MAPPED']
  .map((n, i) => [1 << i, `TEE_IOCTL_SHM_${n}`] as const));
const ATTR_META = 0x100n;
const MAX_ARG_SIZE = 1024n;
const PARAM_SIZE = 32;

const shmFlags = (v: number): Value => flags(SHM_FLAGS, BigInt(v), 'TEE_IOCTL_SHM_???');

/** struct tee_ioctl_param: memory references by shm id and offset, else three values. */
function param(b: Uint8Array): Value {
  const attr = rd.u64(b, 0);
  const type = xval(PARAM_TYPES, attr & ~ATTR_META, 'TEE_IOCTL_PARAM_ATTR_');
  const f: Field[] = [field('attr', attr & ATTR_META ? join('|', type, tok('TEE_IOCTL_PARAM_ATTR_META')) : type)];
  const [a, b2, c] = [8, 16, 24].map((o) => rd.u64(b, o));
  if (attr === 0n) return struct(f);
  if (attr >= 5n && attr <= 7n) f.push(field('shm_offs', hex(a!)), field('size', hex(b2!)), field('shm_id', uint(c!)));
  else f.push(field('a', hex(a!)), field('b', hex(b2!)), field('c', hex(c!)));
  return struct(f);
}

/** A request behind a tee_ioctl_buf_data: its struct of `size` bytes, then num_params params. */
interface BufArg { size: number; numAt: number; given: (c: Ctx, b: Uint8Array) => Field[]; answer: (c: Ctx, b: Uint8Array) => Field[] }

const bufData = (b: Uint8Array): Value => struct([field('buf_len', uint(rd.u64(b, 8))), field('buf_ptr', addr(rd.u64(b, 0)))]);

/**
 * strace's tee_fetch_buf_data: the buf_data and the struct it points to, or the value printed in
 * their place (the address, or the buf_data alone when its length or contents do not fit).
 */
function fetchBuf(c: Ctx, a: bigint, arg: BufArg, entering: boolean): { buf: Uint8Array; s: Uint8Array; params: bigint } | Value {
  let got: { buf: Uint8Array; s: Uint8Array; params: bigint } | undefined;
  const v = fetch(c, a, 16, (buf) => {
    const len = rd.u64(buf, 8);
    const ptr = rd.u64(buf, 0);
    const s = len > MAX_ARG_SIZE || len < BigInt(arg.size) ? null : c.mem.read(ptr, arg.size);
    if (!s || (entering && BigInt(arg.size + PARAM_SIZE * rd.u32(s, arg.numAt)) !== len)) return bufData(buf);
    got = { buf, s, params: rd.u32(s, arg.numAt) ? ptr + BigInt(arg.size) : 0n };
    return tok('');
  });
  return got ?? v;
}

const params = (c: Ctx, start: bigint, n: number): Field => field('params', printArray(c, start, n, PARAM_SIZE, param));

const bufArg = (arg: BufArg): ArgAt => ({
  at: 'exit',
  save: (c, a) => {
    const r = fetchBuf(c, a, arg, true);
    c.state.argIn = 'buf' in r ? { buf: r.buf, inner: struct([...arg.given(c, r.s), params(c, r.params, rd.u32(r.s, arg.numAt))]) } : r;
  },
  print: (c, a) => {
    const st = c.state.argIn as Value | { buf: Uint8Array; inner: Value };
    if (!('buf' in st)) return st;
    const head = field('buf_len', uint(rd.u64(st.buf, 8)));
    if (c.err) return struct([head, field('buf_ptr', st.inner)]);
    const r = fetchBuf(c, a, arg, false);
    const out = 'buf' in r ? struct([...arg.answer(c, r.s), params(c, r.params, rd.u32(r.s, arg.numAt))]) : r;
    return struct([head, field('buf_ptr', { k: 'inout', in: st.inner, out })]);
  },
});

const u32 = (b: Uint8Array, n: string, off: number): Field => field(n, uint(rd.u32(b, off)));
const session = (b: Uint8Array, off: number): Field => field('session', hex(rd.u32(b, off)));
const origin = (b: Uint8Array, off: number): Field => field('ret_origin', xval(ORIGINS, BigInt(rd.u32(b, off)), 'TEEC_ORIGIN_???'));
const hexBytes = (b: Uint8Array, off: number, n: number, sep: number[]): string =>
  [...b.subarray(off, off + n)].map((x, i) => (sep.includes(i) ? '-' : '') + x.toString(16).padStart(2, '0')).join('');

/** struct tee_ioctl_open_session_arg: clnt_uuid carries a group id for the group logins. */
const OPEN_SESSION: BufArg = {
  size: 56, numAt: 52,
  given: (c, b) => {
    const login = rd.u32(b, 32);
    const clnt = login === 2 || login === 6 ? [field('clnt_uuid', idV(rd.u32(b, 16)))]
      : login === 0 || login === 1 || login === 4 || login === 5 ? []
        : [field('clnt_uuid', localArray(c, [...b.subarray(16, 32)].map((x) => hex(x))))];
    return [
      field('uuid', tok(hexBytes(b, 0, 16, [4, 6, 8, 10]))), field('clnt_login', xval(LOGIN_TYPES, BigInt(login), 'TEE_IOCTL_LOGIN_???')),
      ...clnt, u32(b, 'cancel_id', 36), u32(b, 'num_params', 52),
    ];
  },
  answer: (_c, b) => [session(b, 40), u32(b, 'ret', 44), origin(b, 48)],
};
const INVOKE: BufArg = {
  size: 24, numAt: 20,
  given: (_c, b) => [u32(b, 'func', 0), session(b, 4), u32(b, 'cancel_id', 8), u32(b, 'num_params', 20)],
  answer: (_c, b) => [u32(b, 'ret', 12), origin(b, 16)],
};
const SUPPL_RECV: BufArg = {
  size: 8, numAt: 4,
  given: (_c, b) => [u32(b, 'func', 0), u32(b, 'num_params', 4)],
  answer: (_c, b) => [u32(b, 'num_params', 4)],
};
const SUPPL_SEND: BufArg = {
  size: 8, numAt: 4,
  given: (_c, b) => [u32(b, 'num_params', 4)],
  answer: (_c, b) => [u32(b, 'ret', 0)],
};

/** A struct given at entry and, when the call succeeded, read again at exit as ` => {…}`. */
const answered = (size: number, given: (c: Ctx, b: Uint8Array) => Field[], answer: (b: Uint8Array) => Field[]): ArgAt => ({
  at: 'exit',
  save: (c, a) => {
    c.state.argIn = fetch(c, a, size, (b) => struct(given(c, b)));
  },
  print: (c, a) => {
    const v = c.state.argIn as Value;
    return v.k !== 'struct' || c.err ? v : { k: 'inout', in: v, out: fetch(c, a, size, (b) => struct(answer(b))) };
  },
});

const version: ArgAt = {
  at: 'exit',
  print: (c, a) => fetch(c, a, 12, (b) => {
    const impl = rd.u32(b, 0);
    const caps = rd.u32(b, 4);
    return struct([
      field('impl_id', xval(IMPL_IDS, BigInt(impl), 'TEE_IMPL_ID_???')),
      field('gen_caps', flags(GEN_CAPS, BigInt(rd.u32(b, 8)), 'TEE_GEN_CAP_???')),
      field('impl_caps', impl === 1 ? flags(OPTEE_CAPS, BigInt(caps), 'TEE_OPTEE_CAP_???') : hex(caps)),
    ]);
  }, true),
};

export const TEE_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0x800ca400: version, // TEE_IOC_VERSION
  0x8010a402: bufArg(OPEN_SESSION), // TEE_IOC_OPEN_SESSION
  0x8010a403: bufArg(INVOKE), // TEE_IOC_INVOKE
  0x8010a406: bufArg(SUPPL_RECV), // TEE_IOC_SUPPL_RECV
  0x8010a407: bufArg(SUPPL_SEND), // TEE_IOC_SUPPL_SEND
  0x8008a404: { at: 'entry', print: (c, a) => fetch(c, a, 8, (b) => struct([u32(b, 'cancel_id', 0), session(b, 4)])) }, // TEE_IOC_CANCEL
  0x8004a405: { at: 'entry', print: (c, a) => fetch(c, a, 4, (b) => struct([session(b, 0)])) }, // TEE_IOC_CLOSE_SESSION
  0xc010a401: answered(16, (_c, b) => [field('size', hex(rd.u64(b, 0))), field('flags', shmFlags(rd.u32(b, 8)))], // TEE_IOC_SHM_ALLOC
    (b) => [field('size', hex(rd.u64(b, 0))), field('flags', shmFlags(rd.u32(b, 8))), field('id', int(rd.s32(b, 12)))]),
  0xc018a409: answered(24, (_c, b) => [ // TEE_IOC_SHM_REGISTER
    field('addr', addr(rd.u64(b, 0))), field('length', hex(rd.u64(b, 8))), field('flags', shmFlags(rd.u32(b, 16))),
  ], (b) => [field('length', hex(rd.u64(b, 8))), field('flags', shmFlags(rd.u32(b, 16))), field('id', int(rd.s32(b, 20)))]),
  0xc020a408: answered(32, (_c, b) => [field('fd', fd(rd.u64(b, 0))), field('flags', shmFlags(rd.u32(b, 16)))], // TEE_IOC_SHM_REGISTER_FD (not upstream)
    (b) => [field('size', hex(rd.u64(b, 8))), field('id', int(rd.s32(b, 24)))]),
};
