/**
 * The netlink attribute vocabulary (strace's nlattr.c): the walk over a chain of records, decode_nlattr
 * and the attribute decoders its tables name, for the decoders of every netlink family.
 */
import { addr, buf, hexv, rd } from './args.js';
import type { Ctx } from './types.js';
import { array, badPtr, call, field, int, join, note, struct, tok, uint, type Field, type Value } from './value.js';
import { flags as xflags, symbol, type Xlat } from './xlat/core.js';
import { IPPROTO, SOCKET_FAMILIES } from './xlat/tables.js';
import { clockT, fetch, holdOne, ifindexV } from './printers.js';
import { AF_INET, AF_INET6, inet4, inet6, xlatOf } from './sockaddr.js';

/** A table of names by value from `first` on; empty names are holes. */
export const nlTable = (names: string[], first = 0): Xlat => xlatOf(names.flatMap((n, i) => (n ? [[first + i, n] as [number, string]] : [])));

/** decode_nla_str: the bytes, a trailing NUL dropped, `...` when there is none. */
export function nlaStr(c: Ctx, a: bigint, len: number): Value {
  const size = Math.min(len, c.opt.strsize + 1);
  const b = c.mem.read(a, size);
  if (!b) return badPtr(a);
  const shown = Math.min(size, c.opt.strsize);
  const v = b.subarray(0, shown);
  if (shown > 0 && v[shown - 1] === 0) return { k: 'str', b: v.subarray(0, shown - 1) };
  return len ? { k: 'str', b: v, trunc: true } : { k: 'str', b: v };
}

/** decode_inet_addr with no field name: `inet_addr("…")`, `inet_pton(AF_INET6, "…")`, else hex bytes. */
export function inetAddrAt(c: Ctx, a: bigint, len: number, family: number): Value {
  const size = family === AF_INET ? 4 : family === AF_INET6 ? 16 : 0;
  if (!size || len < size) return buf(c, a, len, true);
  const b = c.mem.read(a, size);
  if (!b) return addr(a);
  return size === 4 ? inet4(b) : inet6(b);
}

/** An attribute decoder: a value, or null for strace's fallback (the payload in hex). */
export type NlaDecoder = (c: Ctx, a: bigint, len: number) => Value | null;
/** Decoders by attribute type, or a function of the raw nla_type (strace's decoder tables of size 0). */
export type NlaDecoders = (NlaDecoder | undefined)[] | ((nlaType: number) => NlaDecoder | undefined);

export const nlaU32: NlaDecoder = (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => uint(rd.u32(b, 0))));
export const nlaS32: NlaDecoder = (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => int(rd.s32(b, 0))));

/** decode_nlattr: `[{nla_len=8, nla_type=IFA_ADDRESS}, inet_addr("…")]`, several in an array. */
export function nlattrsV(c: Ctx, a: bigint, len: number, table: Xlat, dflt: string, decoders: NlaDecoders): Value {
  return netlinkRecords(c, a, len, 4, (h) => rd.u16(h, 0), (h, at, left) => {
    const nlaLen = rd.u16(h, 0);
    const nlaType = rd.u16(h, 2);
    const type = nlaType & 0x3fff;
    const typeParts: Value[] = [];
    // print_xlat of each flag: a constant, so -X raw and verbose show its number
    if (nlaType & 0x8000) typeParts.push({ k: 'sym', name: 'NLA_F_NESTED', v: 0x8000n, fmt: 'x' });
    if (nlaType & 0x4000) typeParts.push({ k: 'sym', name: 'NLA_F_NET_BYTEORDER', v: 0x4000n, fmt: 'x' });
    typeParts.push(symbol(table, BigInt(type), 'x', dflt));
    const hdr = struct([field('nla_len', uint(nlaLen)), field('nla_type', typeParts.length > 1 ? join('|', ...typeParts) : typeParts[0]!)]);
    const dataLen = Math.min(nlaLen, left);
    if (dataLen <= 4) return hdr;
    const decoder = typeof decoders === 'function' ? decoders(nlaType) : decoders[type];
    return array([hdr, decoder?.(c, at + 4n, dataLen - 4) ?? buf(c, at + 4n, dataLen - 4, true)]);
  });
}

/**
 * strace's walk over a chain of netlink records (messages, attributes) in `len` bytes at `a`: each
 * starts with a `hdr`-byte header giving its length; the next follows 4-byte aligned while bytes
 * remain. A short tail prints as bytes, an unreadable header as its address, and with abbrev the
 * walk stops after -s records. Several records print as an array, one alone.
 */
export function netlinkRecords(
  c: Ctx, a: bigint, len: number, hdr: number, lenOf: (h: Uint8Array) => number,
  print: (h: Uint8Array, a: bigint, len: number) => Value,
): Value {
  const items: Value[] = [];
  let isArray = false;
  for (let elt = 0; ; elt++) {
    if (len < hdr) {
      items.push(buf(c, a, len, true));
      break;
    }
    const h = c.mem.read(a, hdr);
    if (!h) {
      items.push(isArray ? note(tok('...'), '0x' + a.toString(16)) : addr(a));
      break;
    }
    if ((c.opt.abbrev && elt === c.opt.strsize) || !holdOne(c)) {
      items.push(tok('...'));
      break;
    }
    const recLen = lenOf(h);
    const aligned = (recLen + 3) & ~3;
    let next = 0n;
    let nextLen = 0;
    if (recLen >= hdr) {
      nextLen = len >= aligned ? len - aligned : 0;
      if (nextLen) next = a + BigInt(aligned);
    }
    if (!isArray && next) isArray = true;
    items.push(print(h, a, len));
    if (!next) break;
    a = next;
    len = nextLen;
  }
  return isArray ? array(items) : items[0]!;
}

export const nlaU8: NlaDecoder = (c, a, len) => (len < 1 ? null : fetch(c, a, 1, (b) => uint(b[0]!)));
export const nlaStrD: NlaDecoder = (c, a, len) => nlaStr(c, a, len);

export const nlaU16: NlaDecoder = (c, a, len) => (len < 2 ? null : fetch(c, a, 2, (b) => uint(rd.u16(b, 0))));
export const nlaU64: NlaDecoder = (c, a, len) => (len < 8 ? null : fetch(c, a, 8, (b) => uint(rd.u64(b, 0))));
export const nlaIfindex: NlaDecoder = (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => ifindexV(c, rd.u32(b, 0))));
/** Several u32 counters as a struct, when the attribute is long enough. */
export const nlaU32Struct = (names: string[], hexAt = -1): NlaDecoder => (c, a, len) =>
  (len < names.length * 4 ? null : fetch(c, a, names.length * 4, (b) =>
    struct(names.map((n, i) => field(n, i === hexAt ? hexv(BigInt(rd.u32(b, i * 4))) : uint(rd.u32(b, i * 4)))))));

/**
 * A route message's fixed header of `size` bytes (the family byte, then `rest` of the others) and
 * its attributes after it; `{family, ...}` when the message is shorter than the header.
 */
export function fixedThenAttrs(c: Ctx, a: bigint, len: number, head: Field, size: number, rest: (b: Uint8Array) => Field[],
  attrs: Xlat, dflt: string, decoders: (NlaDecoder | undefined)[]): Value[] {
  if (len < size) return [struct([head], true)];
  const b = c.opt.verbose ? c.mem.read(a + 1n, size - 1) : null;
  if (!b) return [struct([head, { v: addr(a + 1n) }])];
  const out: Value[] = [struct([head, ...rest(b)])];
  if (len > size) out.push(nlattrsV(c, a + BigInt(size), len - size, attrs, dflt, decoders));
  return out;
}


/** The little-endian number of `len` (at most 8) bytes (umoven_to_uint64). */
const leNum = (b: Uint8Array, len: number): bigint => {
  let v = 0n;
  for (let i = len - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]!);
  return v;
};

/**
 * decode_nla_xval / decode_nla_flags: a number of `size` bytes (of the attribute's length, up to 8,
 * when size is 0) named from a table, or null when the attribute is shorter than `size` or longer than 8.
 */
const nlaNumber = (print: (v: bigint) => Value, size: number): NlaDecoder => (c, a, len) => {
  if (len > 8 || len < size) return null;
  const n = size || len;
  return fetch(c, a, n, (b) => print(leNum(b, n)));
};
export const nlaXval = (x: Xlat, dflt: string | undefined, size = 0): NlaDecoder =>
  nlaNumber((v) => symbol(x, v, 'x', dflt), size);
export const nlaFlags = (x: Xlat, dflt: string, size = 0): NlaDecoder => nlaNumber((v) => xflags(x, v, dflt), size);
/** decode_nla_clock_t: ticks with their seconds. */
export const nlaClockT: NlaDecoder = nlaNumber(clockT, 0);
export const nlaIpProto: NlaDecoder = nlaXval(IPPROTO, 'IPPROTO_???');

/** decode_nla_be16 / decode_nla_be64: `htons(N)`, `htobe64(N)`. */
export const nlaBe16: NlaDecoder = (c, a, len) => (len < 2 ? null : fetch(c, a, 2, (b) => call('htons', uint((b[0]! << 8) | b[1]!))));
export const nlaBe64: NlaDecoder = (c, a, len) =>
  (len < 8 ? null : fetch(c, a, 8, (b) => call('htobe64', uint(Buffer.from(b).readBigUInt64BE(0)))));
export const nlaX32: NlaDecoder = (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => hexv(BigInt(rd.u32(b, 0)))));

/** decode_nla_in_addr / decode_nla_in6_addr. */
export const nlaInAddr: NlaDecoder = (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => inet4(b)));
export const nlaIn6Addr: NlaDecoder = (c, a, len) => (len < 16 ? null : fetch(c, a, 16, (b) => inet6(b)));
/** decode_inet_addr of the message's family. */
export const nlaInet = (family: number): NlaDecoder => (c, a, len) => inetAddrAt(c, a, len, family);

/** An attribute holding attributes of another table (a nested decode_nlattr). */
export const nlaNested = (table: Xlat, dflt: string, decoders: (NlaDecoder | undefined)[] = []): NlaDecoder =>
  (c, a, len) => nlattrsV(c, a, len, table, dflt, decoders);

/** A struct of fixed size printed by `fn`, or null (the hex fallback) when the attribute is shorter. */
export const nlaStruct = (size: number, fn: (b: Uint8Array) => Value): NlaDecoder =>
  (c, a, len) => (len < size ? null : fetch(c, a, size, fn));

/** A value followed, in the same attribute, by more attributes 4-byte aligned after it (`v, [attrs]`). */
export const withAttrsAfter = (c: Ctx, v: Value, size: number, a: bigint, len: number, table: Xlat, dflt: string,
  decoders: (NlaDecoder | undefined)[]): Value => {
  const off = (size + 3) & ~3;
  return len > off ? join(', ', v, nlattrsV(c, a + BigInt(off), len - off, table, dflt, decoders)) : v;
};

/** A message's address family field: `rtm_family=AF_INET`. */
export const familyField = (name: string, family: number): Field => field(name, symbol(SOCKET_FAMILIES, BigInt(family), 'x', 'AF_???'));

/** A header of one address family byte (struct rtgenmsg, netconfmsg), attributes after 4 bytes. */
export function familyOnlyV(c: Ctx, family: number, name: string, a: bigint, len: number, attrs: Xlat, dflt: string,
  decoders: (NlaDecoder | undefined)[]): Value[] {
  const out: Value[] = [struct([familyField(name, family)])];
  if (len > 4) out.push(nlattrsV(c, a + 4n, len - 4, attrs, dflt, decoders));
  return out;
}

