/** Socket addresses of every family (strace's sockaddr.c), for the network decoders. */
import { addr, hexv, rd } from './args.js';
import type { Ctx } from './types.js';
import { array, call, field, int, join, note, struct, tok, uint, type Field, type Value } from './value.js';
import { flags as xflags, symbol, xlat, type Xlat } from './xlat/core.js';
import { SOCKET_FAMILIES } from './xlat/tables.js';
import { cstrField, fetch, ifindexV, pidV } from './printers.js';
import { ARPHRD, ETHERNET_PROTOCOLS, PACKET_TYPES } from './xlat/net.js';


export const AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16, AF_PACKET = 17, AF_ALG = 38, AF_VSOCK = 40;

const VSOCK_CIDS = xlat(() => [[0, 'VMADDR_CID_HYPERVISOR'], [1, 'VMADDR_CID_LOCAL'], [2, 'VMADDR_CID_HOST'], [0xffffffff, 'VMADDR_CID_ANY']]);
const VSOCK_PORTS = xlat(() => [[0xffffffff, 'VMADDR_PORT_ANY']]);
const VSOCK_FLAGS = xlat(() => [[1, 'VMADDR_FLAG_TO_HOST']]);
const CRYPTO_ALG_FLAGS = xlat(() => [[0x1000, 'CRYPTO_ALG_KERN_DRIVER_ONLY']]);

/** Flags always with their number (PRINT_FIELD_FLAGS_VERBOSE): `0`, `0x1000 /* CRYPTO_ALG_KERN_DRIVER_ONLY *\/`. */
const verboseFlags = (x: Xlat, v: number, dflt: string): Value => {
  if (!v) return int(0);
  const n = hexv(BigInt(v >>> 0));
  const f = xflags(x, BigInt(v >>> 0));
  const text = f.k === 'flags' && f.names.length ? [...f.names, ...(f.rest ? ['0x' + f.rest.toString(16)] : [])].join('|') : dflt;
  return { k: 'styled', abbrev: note(n, text), raw: n, verbose: note(n, text) };
};

// ---------------------------------------------------------------- addresses

/** inet_ntop for IPv4. */
const ntop4 = (b: Uint8Array, off = 0): string => `${b[off]}.${b[off + 1]}.${b[off + 2]}.${b[off + 3]}`;

/** inet_ntop for IPv6, glibc's way (longest zero run as `::`, embedded IPv4 for ::a.b.c.d and ::ffff:a.b.c.d). */
export function ntop6(b: Uint8Array, off = 0): string {
  const w: number[] = [];
  for (let i = 0; i < 8; i++) w.push((b[off + 2 * i]! << 8) | b[off + 2 * i + 1]!);
  let best = { base: -1, len: 0 };
  let cur = { base: -1, len: 0 };
  for (let i = 0; i < 8; i++) {
    if (w[i] === 0) {
      if (cur.base === -1) cur = { base: i, len: 1 };
      else cur.len++;
    } else if (cur.base !== -1) {
      if (best.base === -1 || cur.len > best.len) best = cur;
      cur = { base: -1, len: 0 };
    }
  }
  if (cur.base !== -1 && (best.base === -1 || cur.len > best.len)) best = cur;
  if (best.base !== -1 && best.len < 2) best = { base: -1, len: 0 };
  let s = '';
  for (let i = 0; i < 8; i++) {
    if (best.base !== -1 && i >= best.base && i < best.base + best.len) {
      if (i === best.base) s += ':';
      continue;
    }
    if (i !== 0) s += ':';
    if (i === 6 && best.base === 0 && (best.len === 6 || (best.len === 5 && w[5] === 0xffff))) {
      s += ntop4(b, off + 12);
      break;
    }
    s += w[i]!.toString(16);
  }
  if (best.base !== -1 && best.base + best.len === 8) s += ':';
  return s;
}

const quoted = (s: string): Value => ({ k: 'str', b: Buffer.from(s, 'latin1') });
/** The bytes of a field, as -X raw shows numbers in network order and addresses: `"\x00\x50"`. */
export const rawBytes = (b: Uint8Array, off: number, n: number): Value => ({ k: 'str', b: b.slice(off, off + n), hex: true });
/** A port in network order: `htons(80)`; -X raw: its bytes; -X verbose: both. */
export const netPort = (b: Uint8Array, off: number): Value =>
  ({ k: 'styled', abbrev: call('htons', int((b[off]! << 8) | b[off + 1]!)), raw: rawBytes(b, off, 2) });
/** An IPv4 address: `inet_addr("127.0.0.1")`; -X raw: its bytes; -X verbose: both. */
export const inet4 = (b: Uint8Array, off = 0): Value =>
  ({ k: 'styled', abbrev: call('inet_addr', quoted(ntop4(b, off))), raw: rawBytes(b, off, 4) });
/**
 * An IPv6 address: `inet_pton(AF_INET6, "::1", &name)` standing alone; with -X raw and -X verbose a
 * named field (`name="\x00…"`, with the inet_pton form as a comment for verbose). Without a name
 * (netlink attributes): `inet_pton(AF_INET6, "::1")`.
 */
export const inet6 = (b: Uint8Array, off = 0, name?: string): Value => {
  const text = quoted(ntop6(b, off));
  const raw = rawBytes(b, off, 16);
  if (!name) return { k: 'styled', abbrev: call('inet_pton', tok('AF_INET6'), text), raw };
  const named = (v: Value): Value => join('', tok(name + '='), v);
  return {
    k: 'styled', abbrev: call('inet_pton', tok('AF_INET6'), text, tok('&' + name)), raw: named(raw),
    verbose: named(note(raw, `inet_pton(AF_INET6, "${ntop6(b, off)}")`)), // the text needs no escaping
  };
};

/** The bytes up to the first NUL within `size` (print_quoted_string with QUOTE_0_TERMINATED). */
const cbytes = (b: Uint8Array): Value => {
  const z = b.indexOf(0);
  return { k: 'str', b: z >= 0 ? b.subarray(0, z) : b };
};

type SaPrinter = { min: number; fn: (b: Uint8Array, len: number, c?: Ctx) => Field[] };

const IN6_LINKLOCAL = (b: Uint8Array, o: number): boolean => b[o] === 0xfe && (b[o + 1]! & 0xc0) === 0x80;
const IN6_MC_LINKLOCAL = (b: Uint8Array, o: number): boolean => b[o] === 0xff && (b[o + 1]! & 0xf) === 0x2;

const SA_PRINTERS: Record<number, SaPrinter> = {
  [AF_UNIX]: {
    min: 3,
    fn: (b, len) => {
      const pathLen = Math.min(len, 110) - 2;
      const p = b.subarray(2, 2 + Math.max(pathLen, 0));
      if (b[2]) return [field('sun_path', cbytes(p))];
      return [field('sun_path', join('', tok('@'), { k: 'str', b: p.subarray(1) }))];
    },
  },
  [AF_INET]: {
    min: 16,
    fn: (b) => [
      field('sin_port', netPort(b, 2)),
      field('sin_addr', inet4(b, 4)),
    ],
  },
  [AF_INET6]: {
    min: 24,
    fn: (b, len) => {
      const f: Field[] = [
        field('sin6_port', netPort(b, 2)),
        field('sin6_flowinfo', {
          k: 'styled', abbrev: call('htonl', uint(new DataView(b.buffer, b.byteOffset).getUint32(4, false))), raw: rawBytes(b, 4, 4),
        }),
        // by default strace prints the inet_pton() form alone, with no field name
        { v: inet6(b, 8, 'sin6_addr') },
      ];
      if (len > 24) {
        const scope = rd.u32(b, 24);
        f.push(field('sin6_scope_id', IN6_LINKLOCAL(b, 8) || IN6_MC_LINKLOCAL(b, 8) ? ifindexV(scope) : uint(scope)));
      }
      return f;
    },
  },
  [AF_NETLINK]: {
    min: 12,
    fn: (b, _len, c) => {
      const f: Field[] = [];
      const pad = rd.u16(b, 2);
      if (pad) f.push(field('nl_pad', hexv(BigInt(pad))));
      const groups = rd.u32(b, 8);
      f.push(
        field('nl_pid', c ? pidV(c, rd.s32(b, 4)) : int(rd.s32(b, 4))),
        field('nl_groups', tok(groups ? '0x' + groups.toString(16).padStart(6, '0') : '00000000')),
      );
      return f;
    },
  },
  [AF_ALG]: {
    min: 25,
    fn: (b, len) => [
      field('salg_type', cstrField(b, 2, 14)),
      field('salg_feat', verboseFlags(CRYPTO_ALG_FLAGS, rd.u32(b, 16), 'CRYPTO_ALG_???')),
      field('salg_mask', verboseFlags(CRYPTO_ALG_FLAGS, rd.u32(b, 20), 'CRYPTO_ALG_???')),
      field('salg_name', cstrField(b, 24, len - 24)),
    ],
  },
  [AF_VSOCK]: {
    min: 16,
    fn: (b) => {
      const f: Field[] = [];
      const reserved = rd.u16(b, 2);
      if (reserved) f.push(field('svm_reserved1', hexv(BigInt(reserved))));
      f.push(
        field('svm_cid', symbol(VSOCK_CIDS, BigInt(rd.u32(b, 8)), 'x')),
        field('svm_port', symbol(VSOCK_PORTS, BigInt(rd.u32(b, 4)), 'x')),
        field('svm_flags', xflags(VSOCK_FLAGS, BigInt(b[12]!), 'VMADDR_FLAG_???')),
      );
      if (b[13] || b[14] || b[15]) f.push(field('svm_zero', rawBytes(b, 13, 3)));
      return f;
    },
  },
  [AF_PACKET]: {
    min: 20,
    fn: (b, len) => {
      const halen = b[11]!;
      const f: Field[] = [
        field('sll_protocol', {
          k: 'styled', abbrev: call('htons', symbol(ETHERNET_PROTOCOLS, BigInt((b[2]! << 8) | b[3]!), 'x', 'ETH_P_???')), raw: rawBytes(b, 2, 2),
        }),
        field('sll_ifindex', ifindexV(rd.s32(b, 4))),
        field('sll_hatype', symbol(ARPHRD, BigInt(rd.u16(b, 8)), 'x', 'ARPHRD_???')),
        field('sll_pkttype', symbol(PACKET_TYPES, BigInt(b[10]!), 'x', 'PACKET_???')),
        field('sll_halen', uint(halen)),
      ];
      if (halen) {
        // the bytes beyond addrlen print as `...`
        const inBounds = len - 12;
        const hw: Value[] = [];
        for (let i = 0; i < halen && i < inBounds; i++) hw.push(hexv(BigInt(b[12 + i]!)));
        f.push(field('sll_addr', array(hw, halen > inBounds)));
      }
      return f;
    },
  },
};
export const xlatOf = (p: [number, string][]): Xlat => xlat(p);

/** print_sockaddr over a buffer holding `len` bytes (zero-padded beyond). */
export function sockaddrV(b: Uint8Array, len: number, c?: Ctx): Value {
  const family = rd.u16(b, 0);
  const f: Field[] = [field('sa_family', symbol(SOCKET_FAMILIES, BigInt(family), 'x', 'AF_???'))];
  if (len > 2) {
    const p = SA_PRINTERS[family];
    if (p && len >= p.min) f.push(...p.fn(b, len, c));
    else f.push(field('sa_data', { k: 'str', b: b.subarray(2, len) }));
  }
  return struct(f);
}

/** decode_sockaddr: NULL, the address, or `{sa_family=…, …}` of `len` (≤ 128) bytes. */
export function sockaddrAt(c: Ctx, a: bigint, len: number, exiting = false): Value {
  if (len < 2) return addr(a);
  const n = Math.min(len, 128);
  return fetch(c, a, n, (raw) => {
    const b = new Uint8Array(129);
    b.set(raw);
    return sockaddrV(b, n, c);
  }, exiting);
}
