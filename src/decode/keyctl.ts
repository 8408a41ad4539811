/** Decoders of the key management calls: add_key, request_key, keyctl (strace's keyctl.c). */
import { A, addr, buf, cstr, hexv, localArray, rd, sig, sint, symOf, ulong, type ArgFn } from './args.js';
import type { Ctx, SyscallDecoder } from './types.js';
import { array, badPtr, field, hex, struct, sym, tok, uint, type Field, type Value } from './value.js';
import { flags as xflags } from './xlat/core.js';
import {
  KEYCTL_CAPS0, KEYCTL_CAPS1, KEYCTL_CMDS, KEYCTL_MOVE_FLAGS, KEYCTL_PKEY_OPS, KEY_PERMS, KEY_REQKEYS, KEY_SPEC,
} from './xlat/proc.js';
import { errnoName } from './xlat/errno.js';
import { fetch, idV, iovecs, printArray, xflags32, xval } from './printers.js';


// ================================================================ added: keys

/** A key serial number: KEY_SPEC_* or the number. */
const keyV = (v: bigint): Value => symOf(KEY_SPEC, BigInt.asIntN(32, v));
const K: ArgFn = (c, i) => keyV(c.args[i]!);
/** printstrn: `len` bytes at `a`. */
const strn = (c: Ctx, a: bigint, len: bigint): Value => buf(c, a, len);

const KEYCTL = {
  GET_KEYRING_ID: 0, JOIN_SESSION_KEYRING: 1, UPDATE: 2, REVOKE: 3, CHOWN: 4, SETPERM: 5, DESCRIBE: 6, CLEAR: 7,
  LINK: 8, UNLINK: 9, SEARCH: 10, READ: 11, INSTANTIATE: 12, NEGATE: 13, SET_REQKEY_KEYRING: 14, SET_TIMEOUT: 15,
  ASSUME_AUTHORITY: 16, GET_SECURITY: 17, SESSION_TO_PARENT: 18, REJECT: 19, INSTANTIATE_IOV: 20, INVALIDATE: 21,
  GET_PERSISTENT: 22, RESTRICT_KEYRING: 29, MOVE: 30,
};

/** The arguments after the command, at entry, by command (args are 1-based: arg2 … arg5). */
const KEYCTL_ARGS: Record<number, (c: Ctx, a: bigint[]) => Value[]> = {
  [KEYCTL.GET_KEYRING_ID]: (c, a) => [keyV(a[1]!), sint(a[2]!)],
  [KEYCTL.JOIN_SESSION_KEYRING]: (c, a) => [cstr(c, a[1]!)],
  [KEYCTL.UPDATE]: (c, a) => [keyV(a[1]!), strn(c, a[2]!, a[3]!), ulong(a[3]!)],
  [KEYCTL.REVOKE]: (c, a) => [keyV(a[1]!)],
  [KEYCTL.CLEAR]: (c, a) => [keyV(a[1]!)],
  [KEYCTL.INVALIDATE]: (c, a) => [keyV(a[1]!)],
  [KEYCTL.ASSUME_AUTHORITY]: (c, a) => [keyV(a[1]!)],
  [KEYCTL.LINK]: (c, a) => [keyV(a[1]!), keyV(a[2]!)],
  [KEYCTL.UNLINK]: (c, a) => [keyV(a[1]!), keyV(a[2]!)],
  [KEYCTL.SEARCH]: (c, a) => [keyV(a[1]!), cstr(c, a[2]!), cstr(c, a[3]!), keyV(a[4]!)],
  [KEYCTL.CHOWN]: (c, a) => [keyV(a[1]!), idV(a[2]!), idV(a[3]!)],
  [KEYCTL.SETPERM]: (c, a) => [keyV(a[1]!), xflags32(KEY_PERMS, a[2]!, 'KEY_???')],
  [KEYCTL.INSTANTIATE]: (c, a) => [keyV(a[1]!), strn(c, a[2]!, a[3]!), ulong(a[3]!), keyV(a[4]!)],
  [KEYCTL.NEGATE]: (c, a) => [keyV(a[1]!), uint(BigInt.asUintN(32, a[2]!)), keyV(a[3]!)],
  [KEYCTL.SET_REQKEY_KEYRING]: (c, a) => [symOf(KEY_REQKEYS, BigInt.asIntN(32, a[1]!), 'd', 'KEY_REQKEY_DEFL_???')],
  [KEYCTL.SET_TIMEOUT]: (c, a) => [keyV(a[1]!), uint(BigInt.asUintN(32, a[2]!))],
  [KEYCTL.SESSION_TO_PARENT]: () => [],
  [KEYCTL.REJECT]: (c, a) => [
    keyV(a[1]!), uint(BigInt.asUintN(32, a[2]!)),
    // a named constant: -X raw prints the number, -X verbose both
    ((e) => (e ? sym(e, BigInt.asUintN(32, a[3]!)) : uint(BigInt.asUintN(32, a[3]!))))(errnoName(Number(BigInt.asUintN(32, a[3]!)))),
    keyV(a[4]!),
  ],
  [KEYCTL.INSTANTIATE_IOV]: (c, a) => [keyV(a[1]!), iovecs(c, a[2]!, a[3]!, -1n, true), ulong(a[3]!), keyV(a[4]!)],
  [KEYCTL.GET_PERSISTENT]: (c, a) => [idV(a[1]!), keyV(a[2]!)],
  [KEYCTL.RESTRICT_KEYRING]: (c, a) => [keyV(a[1]!), cstr(c, a[2]!), cstr(c, a[3]!)],
  [KEYCTL.MOVE]: (c, a) => [keyV(a[1]!), keyV(a[2]!), keyV(a[3]!), xflags32(KEYCTL_MOVE_FLAGS, a[4]!, 'KEYCTL_MOVE_???')],
};
const KEYCTL_DH_COMPUTE = 23, KEYCTL_PKEY_QUERY = 24, KEYCTL_PKEY_VERIFY = 28, KEYCTL_CAPABILITIES = 31;
const KEYCTL_PKEY_OUT = new Set([25, 26, 27]); // KEYCTL_PKEY_ENCRYPT, _DECRYPT, _SIGN

/** A u32 array printed only when not all zero: `__spare=[0, 0x1, …]`. */
const spareField = (c: Ctx, b: Uint8Array, off: number, n: number): Field[] => {
  const w = Array.from({ length: n }, (_, i) => rd.u32(b, off + i * 4));
  return w.some((x) => x) ? [field('__spare', localArray(c, w.map((x) => hex(x))))] : [];
};

/** struct keyctl_pkey_params; `out` names the third word out_len, else in2_len. */
function pkeyParams(c: Ctx, a: bigint, out: boolean): { v: Value; b?: Uint8Array } {
  if (a === 0n || !c.opt.verbose) return { v: addr(a) };
  const b = c.mem.read(a, 40);
  if (!b) return { v: badPtr(a) };
  return {
    v: struct([
      field('key_id', keyV(BigInt(rd.s32(b, 0)))), field('in_len', uint(rd.u32(b, 4))),
      field(out ? 'out_len' : 'in2_len', uint(rd.u32(b, 8))), ...spareField(c, b, 12, 7),
    ]),
    b,
  };
}

/** The commands with an exit part beyond the read-key ones. */
const KEYCTL_SPECIAL: Record<number, SyscallDecoder> = {
  [KEYCTL_DH_COMPUTE]: {
    entry: (c) => [fetch(c, c.args[1]!, 12, (b) => struct([
      field('private', keyV(BigInt(rd.s32(b, 0)))), field('prime', keyV(BigInt(rd.s32(b, 4)))),
      field('base', keyV(BigInt(rd.s32(b, 8)))),
    ]))],
    exit: (c) => {
      const [bufA, len, kdfA] = [c.args[2]!, c.args[3]!, c.args[4]!];
      const data = c.err ? addr(bufA) : buf(c, bufA, c.rval >= 0n && c.rval > len ? len : c.rval);
      const k = kdfA ? c.mem.read(kdfA, 56) : null;
      const kdf = !k ? addr(kdfA) : (() => {
        const otherLen = rd.u32(k, 16);
        return struct([
          field('hashname', cstr(c, rd.u64(k, 0))),
          field('otherinfo', otherLen ? buf(c, rd.u64(k, 8), otherLen) : addr(rd.u64(k, 8))),
          field('otherinfolen', uint(otherLen)), ...spareField(c, k, 20, 8),
        ]);
      })();
      return [data, ulong(len), kdf];
    },
  },
  [KEYCTL_PKEY_QUERY]: {
    entry: (c) => [keyV(c.args[1]!), hexv(c.args[2]!), cstr(c, c.args[3]!)],
    exit: (c) => [fetch(c, c.args[4]!, 56, (b) => struct([
      field('supported_ops', xflags(KEYCTL_PKEY_OPS, BigInt(rd.u32(b, 0)), 'KEYCTL_SUPPORTS_???')),
      field('key_size', uint(rd.u32(b, 4))), field('max_data_size', uint(rd.u16(b, 8))),
      field('max_sig_size', uint(rd.u16(b, 10))), field('max_enc_size', uint(rd.u16(b, 12))),
      field('max_dec_size', uint(rd.u16(b, 14))), ...spareField(c, b, 16, 10),
    ]), true)],
  },
  [KEYCTL_CAPABILITIES]: {
    entry: () => [],
    exit: (c) => {
      const [a, len] = [c.args[1]!, c.args[2]!];
      const caps = [[KEYCTL_CAPS0, 'KEYCTL_CAPS0_???'], [KEYCTL_CAPS1, 'KEYCTL_CAPS1_???']] as const;
      const v = c.err ? addr(a) : printArray(c, a, len < c.rval ? len : c.rval, 1, (b, i) =>
        (i < caps.length ? xflags(caps[i]![0], BigInt(b[0]!), caps[i]![1]) : hex(b[0]!)), { exiting: true });
      return [v, ulong(len)];
    },
  },
};

/** The PKEY encrypt/decrypt/sign/verify commands: params, info, the input, and the output (at exit) or second input. */
function pkeyOp(c: Ctx, out: boolean): Value[] {
  const p = pkeyParams(c, c.args[1]!, out);
  const res = [p.v, cstr(c, c.args[2]!)];
  if (!p.b) return [...res, addr(c.args[3]!), addr(c.args[4]!)];
  res.push(buf(c, c.args[3]!, rd.u32(p.b, 4)));
  if (out) c.state.outLen = rd.u32(p.b, 8);
  else res.push(buf(c, c.args[4]!, rd.u32(p.b, 8)));
  return res;
}

/** Commands that read a key into a buffer: the buffer and its size print at exit. */
const KEYCTL_READS = new Set([KEYCTL.DESCRIBE, KEYCTL.READ, KEYCTL.GET_SECURITY]);
const keyctlCmd = (c: Ctx): number => Number(BigInt.asIntN(32, c.args[0]!));

/** keyctl_read_key at exit: what the kernel wrote (up to the buffer size); DESCRIBE/GET_SECURITY drop the NUL. */
function keyBuf(c: Ctx): Value {
  const a = c.args[2]!;
  const len = c.args[3]!;
  if (c.err) return addr(a);
  const n = c.rval >= 0n && c.rval > len ? len : c.rval;
  if (keyctlCmd(c) !== KEYCTL.READ && n > 0n && a !== 0n) {
    // QUOTE_OMIT_TRAILING_0: a NUL as the last byte shown ends the string
    const shown = n < BigInt(c.opt.strsize) ? Number(n) : c.opt.strsize;
    const b = c.mem.read(a, shown);
    if (b && b[shown - 1] === 0) return { k: 'str', b: b.subarray(0, shown - 1) };
  }
  return buf(c, a, n);
}

const keyDecoders: Record<string, SyscallDecoder> = {
  add_key: sig([A.cstr, A.cstr, (c, i) => strn(c, c.args[i]!, c.args[3]!), A.ulong, K]),
  request_key: sig([A.cstr, A.cstr, A.cstr, K]),
  keyctl: {
    entry: (c) => {
      const cmd = keyctlCmd(c);
      const head = xval(KEYCTL_CMDS, c.args[0]!, 'KEYCTL_???');
      if (KEYCTL_READS.has(cmd)) return [head, keyV(c.args[1]!)];
      const special = KEYCTL_SPECIAL[cmd];
      if (special) return [head, ...special.entry(c)];
      if (KEYCTL_PKEY_OUT.has(cmd) || cmd === KEYCTL_PKEY_VERIFY) return [head, ...pkeyOp(c, cmd !== KEYCTL_PKEY_VERIFY)];
      const f = KEYCTL_ARGS[cmd];
      return [head, ...(f ? f(c, c.args) : c.args.slice(1, 5).map((v) => hexv(v)))];
    },
    needsExit: (c) => {
      const cmd = keyctlCmd(c);
      return KEYCTL_READS.has(cmd) || KEYCTL_SPECIAL[cmd] !== undefined || (KEYCTL_PKEY_OUT.has(cmd) && c.state.outLen !== undefined);
    },
    exit: (c) => {
      const cmd = keyctlCmd(c);
      const special = KEYCTL_SPECIAL[cmd];
      if (special) return special.exit!(c);
      if (KEYCTL_PKEY_OUT.has(cmd)) return [c.err ? addr(c.args[4]!) : buf(c, c.args[4]!, BigInt(c.state.outLen as number))];
      return [keyBuf(c), ulong(c.args[3]!)];
    },
  },
};

export { keyDecoders as decoders };
