/** Socket addresses of every family (strace's sockaddr.c), for the network decoders. */
import { addr, hexv, rd } from './args.js';
import type { Ctx } from './types.js';
import { array, call, field, int, join, note, struct, tok, uint, type Field, type Value } from './value.js';
import { flags as xflags, lookup, symbol, xlat, type Xlat } from './xlat/core.js';
import { SOCKET_FAMILIES, SOCKET_TYPES } from './xlat/tables.js';
import { cstrField, fetch, hex0, ifindexV, pidV } from './printers.js';
import { ARPHRD, ETHERNET_PROTOCOLS, PACKET_TYPES } from './xlat/net.js';


export const AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16, AF_PACKET = 17, AF_ALG = 38, AF_VSOCK = 40;
const AF_AX25 = 3, AF_IPX = 4, AF_X25 = 9, AF_RXRPC = 33, AF_IEEE802154 = 36, AF_NFC = 39, AF_QIPCRTR = 42, AF_XDP = 44, AF_MCTP = 45;

const VSOCK_CIDS = xlat(() => [[0, 'VMADDR_CID_HYPERVISOR'], [1, 'VMADDR_CID_LOCAL'], [2, 'VMADDR_CID_HOST'], [0xffffffff, 'VMADDR_CID_ANY']]);
const VSOCK_PORTS = xlat(() => [[0xffffffff, 'VMADDR_PORT_ANY']]);
const VSOCK_FLAGS = xlat(() => [[1, 'VMADDR_FLAG_TO_HOST']]);
const CRYPTO_ALG_FLAGS = xlat(() => [[0x1000, 'CRYPTO_ALG_KERN_DRIVER_ONLY']]);
const RXRPC_SERVICES = xlat(() => [[1, 'CM_SERVICE'], [2500, 'YFS_FS_SERVICE'], [2501, 'YFS_CM_SERVICE'], [2503, 'YFS_VL_SERVICE']]);
const IEEE802154_ADDR_TYPES = xlat(() => [[0, 'IEEE802154_ADDR_NONE'], [2, 'IEEE802154_ADDR_SHORT'], [3, 'IEEE802154_ADDR_LONG']]);
const IEEE802154_PAN_IDS = xlat(() => [[0xffff, 'IEEE802154_PANID_BROADCAST']]);
const IEEE802154_ADDRS = xlat(() => [[0xfffe, 'IEEE802154_ADDR_UNDEF'], [0xffff, 'IEEE802154_ADDR_BROADCAST']]);
const NFC_PROTOCOLS = xlat(() => [
  [1, 'NFC_PROTO_JEWEL'], [2, 'NFC_PROTO_MIFARE'], [3, 'NFC_PROTO_FELICA'], [4, 'NFC_PROTO_ISO14443'],
  [5, 'NFC_PROTO_NFC_DEP'], [6, 'NFC_PROTO_ISO14443_B'], [7, 'NFC_PROTO_ISO15693'],
]);
const NFC_SAPS = xlat(() => [[1, 'LLCP_SAP_SDP'], [2, 'LLCP_SAP_IP'], [3, 'LLCP_SAP_OBEX'], [4, 'LLCP_SAP_SNEP'], [0xff, 'LLCP_SAP_MAX']]);
const QRTR_NODES = xlat(() => [[0xffffffff, 'QRTR_NODE_BCAST']]);
const QRTR_PORTS = xlat(() => [[0xfffffffe, 'QRTR_PORT_CTRL']]);
const XDP_FLAGS = xlat(() => [[1, 'XDP_SHARED_UMEM'], [2, 'XDP_COPY'], [4, 'XDP_ZEROCOPY'], [8, 'XDP_USE_NEED_WAKEUP']]);
const MCTP_NETS = xlat(() => [[0, 'MCTP_NET_ANY']]);
const MCTP_ADDRS = xlat(() => [[0, 'MCTP_ADDR_NULL'], [0xff, 'MCTP_ADDR_ANY']]);

/** Flags always with their number (PRINT_FIELD_FLAGS_VERBOSE): `0`, `0x1000 /* CRYPTO_ALG_KERN_DRIVER_ONLY *\/`. */
const verboseFlags = (x: Xlat, v: number, dflt: string): Value => {
  if (!v) return int(0);
  const n = hexv(BigInt(v >>> 0));
  const f = xflags(x, BigInt(v >>> 0));
  const text = f.k === 'flags' && f.names.length ? [...f.names, ...(f.rest ? ['0x' + f.rest.toString(16)] : [])].join('|') : dflt;
  return { k: 'styled', abbrev: note(n, text), raw: n, verbose: note(n, text) };
};

/**
 * A value always printed as its number, its name as a comment when it has one or `dflt` when not
 * (PRINT_FIELD_XVAL_VERBOSE): `0x9c4 /* YFS_FS_SERVICE *\/`, `0x8988`; -X raw: the number alone.
 */
const verboseXval = (x: Xlat, v: number, dflt?: string): Value => {
  const n = hexv(BigInt(v));
  const text = lookup(x, v) ?? dflt;
  return text ? { k: 'styled', abbrev: note(n, text), raw: n, verbose: note(n, text) } : n;
};

/** A padding or reserved member, shown in hex only when it is not zero. */
const ifSet = (name: string, v: number): Field[] => (v ? [field(name, hexv(BigInt(v)))] : []);

/** PRINT_VAL_0X: `%#0*x`, `width` digits wide: `0xff`, and `00` for zero. */
const val0x = (v: number, width: number): Value => tok(v ? '0x' + v.toString(16).padStart(width - 2, '0') : '0'.repeat(width));

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

// ---------------------------------------------------------------- AX.25

const AX25_LEN = 7;
type Ax25Style = 'default' | 'verbose' | 'raw';

/** check_ax25_address: whether a callsign prints as text, with its bytes too, or only as bytes. */
function ax25Style(a: Uint8Array): Ax25Style {
  let style: Ax25Style = 'default', space = false, chars = false;
  for (let i = 0; i < AX25_LEN - 1; i++) {
    if (a[i]! & 1) style = 'verbose';
    const c = a[i]! >> 1;
    if (c === 0x20) space = true;
    else chars = true;
    const sane = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || c === 0x20;
    if (!sane || (c !== 0x20 && space)) style = 'verbose';
    // unprintable, or a character of a comment's delimiters
    if (c < 0x20 || c > 0x7e || c === 0x2a || c === 0x2f) return 'raw';
  }
  const ssidByte = a[AX25_LEN - 1]!;
  if (ssidByte & ~0x1e || (!chars && ssidByte)) style = 'verbose';
  return style;
}

/** ax25_addr2str: the callsign without trailing spaces, `-` and the SSID; `*` for an empty one. */
function ax25Text(a: Uint8Array): string {
  let end = AX25_LEN - 1;
  while (end && a[end - 1]! >> 1 === 0x20) end--;
  const call = String.fromCharCode(...[...a.subarray(0, end)].map((x) => x >> 1));
  const ssid = (a[AX25_LEN - 1]! >> 1) & 0xf;
  return !call && !ssid ? '*' : `${call}-${ssid}`;
}

/** print_ax25_addr: `VALID-13`; `{ax25_call="\x…"} /* text *\/` for a callsign that is not plain. */
function ax25Addr(a: Uint8Array): Value {
  const raw = struct([field('ax25_call', rawBytes(a, 0, AX25_LEN))]);
  const style = ax25Style(a);
  if (style === 'raw') return raw;
  const text = ax25Text(a);
  if (style === 'verbose') return note(raw, text);
  return { k: 'styled', abbrev: tok(text), raw, verbose: note(raw, text) };
}

/** full_sockaddr_ax25: the address and, with digipeaters or more bytes, those that fit. */
function ax25Fields(b: Uint8Array, len: number): Field[] {
  const ndigis = rd.s32(b, 12);
  const head = [field('sax25_call', ax25Addr(b.subarray(2, 2 + AX25_LEN))), field('sax25_ndigis', int(ndigis))];
  if (!ndigis && len <= 16) return head;
  const has = Math.min(Math.floor((len - 16) / AX25_LEN), 8);
  const want = Math.min(Math.max(ndigis, 0), 8);
  const f: Field[] = [field('fsa_ax25', struct(head))];
  if (want) {
    const digis = Array.from({ length: Math.min(has, want) }, (_, i) => ax25Addr(b.subarray(16 + i * AX25_LEN, 16 + (i + 1) * AX25_LEN)));
    f.push(field('fsa_digipeater', array(digis, want > has)));
  }
  if (len > has * AX25_LEN + 16) f.push({ v: tok('...') });
  return f;
}

// ---------------------------------------------------------------- RxRPC, NFC

/** sockaddr_rxrpc's transport: sin or sin6 when long enough, else the family and the bytes given. */
function rxrpcTransport(b: Uint8Array, len: number): Value {
  const tlen = Math.min(rd.u16(b, 6), len - 8);
  const family = rd.u16(b, 8);
  const t = b.subarray(8);
  const familyV = symbol(SOCKET_FAMILIES, BigInt(family), 'x', 'AF_???');
  const rest: Field[] = tlen > 2 ? [{ v: { k: 'str', b: b.subarray(10, 8 + tlen) } }] : [];
  const inet = (name: string, min: number, printer: SaPrinter): Value => {
    const f = [field(name + '_family', familyV), ...(rd.u16(b, 6) >= min ? printer.fn(t, tlen) : rest)];
    return struct([field(name, struct(f))]);
  };
  if (family === AF_INET) return inet('sin', 16, SA_PRINTERS[AF_INET]!);
  if (family === AF_INET6) return inet('sin6', 24, SA_PRINTERS[AF_INET6]!);
  return struct([field('family', familyV), ...rest]);
}

/** sockaddr_nfc, and the LLCP fields when the length holds sockaddr_nfc_llcp (96 bytes). */
function nfcFields(b: Uint8Array, len: number, c?: Ctx): Field[] {
  const f: Field[] = [
    field('dev_idx', ifindexV(c, rd.u32(b, 4))),
    field('target_idx', hexv(BigInt(rd.u32(b, 8)))),
    field('nfc_protocol', symbol(NFC_PROTOCOLS, BigInt(rd.u32(b, 12)), 'x', 'NFC_PROTO_???')),
  ];
  if (len < 96) return len > 16 ? [...f, { v: tok('...') }] : f;
  const nameLen = rd.u64(b, 88);
  return [
    ...f,
    field('dsap', verboseXval(NFC_SAPS, b[16]!)),
    field('ssap', verboseXval(NFC_SAPS, b[17]!)),
    field('service_name', { k: 'str', b: b.subarray(18, 18 + Number(nameLen < 63n ? nameLen : 63n)) }),
    field('service_name_len', uint(nameLen)),
  ];
}

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
    fn: (b, len, c) => {
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
        f.push(field('sin6_scope_id', IN6_LINKLOCAL(b, 8) || IN6_MC_LINKLOCAL(b, 8) ? ifindexV(c, scope) : uint(scope)));
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
        field('nl_groups', hex0(groups, 4)),
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
      const f: Field[] = [
        ...ifSet('svm_reserved1', rd.u16(b, 2)),
        field('svm_cid', symbol(VSOCK_CIDS, BigInt(rd.u32(b, 8)), 'x')),
        field('svm_port', symbol(VSOCK_PORTS, BigInt(rd.u32(b, 4)), 'x')),
        field('svm_flags', xflags(VSOCK_FLAGS, BigInt(b[12]!), 'VMADDR_FLAG_???')),
      ];
      if (b[13] || b[14] || b[15]) f.push(field('svm_zero', rawBytes(b, 13, 3)));
      return f;
    },
  },
  [AF_PACKET]: {
    min: 20,
    fn: (b, len, c) => {
      const halen = b[11]!;
      const f: Field[] = [
        field('sll_protocol', {
          k: 'styled', abbrev: call('htons', symbol(ETHERNET_PROTOCOLS, BigInt((b[2]! << 8) | b[3]!), 'x', 'ETH_P_???')), raw: rawBytes(b, 2, 2),
        }),
        field('sll_ifindex', ifindexV(c, rd.u32(b, 4))),
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
  [AF_AX25]: { min: 16, fn: ax25Fields },
  [AF_IPX]: {
    min: 16,
    fn: (b) => {
      return [
        field('sipx_port', netPort(b, 2)),
        field('sipx_network', call('htonl', hexv(BigInt(new DataView(b.buffer, b.byteOffset).getUint32(4, false))))),
        field('sipx_node', array([...b.subarray(8, 14)].map((x) => val0x(x, 2)))),
        field('sipx_type', val0x(b[14]!, 2)),
        ...ifSet('sipx_zero', b[15]!),
      ];
    },
  },
  [AF_X25]: { min: 18, fn: (b) => [field('sx25_addr', struct([field('x25_addr', cstrField(b, 2, 16))]))] },
  [AF_RXRPC]: {
    min: 36,
    fn: (b, len) => [
      field('srx_service', verboseXval(RXRPC_SERVICES, rd.u16(b, 2), '???_SERVICE')),
      field('transport_type', symbol(SOCKET_TYPES, BigInt(rd.u16(b, 4)), 'x', 'SOCK_???')),
      field('transport_len', uint(rd.u16(b, 6))),
      field('transport', rxrpcTransport(b, len)),
    ],
  },
  [AF_IEEE802154]: {
    min: 20,
    fn: (b) => {
      const type = rd.u32(b, 4);
      const f: Field[] = [
        field('addr_type', verboseXval(IEEE802154_ADDR_TYPES, type, 'IEEE802154_ADDR_???')),
        field('pan_id', verboseXval(IEEE802154_PAN_IDS, rd.u16(b, 8))),
      ];
      const hw = [...b.subarray(10, 18)].map((x) => x.toString(16).padStart(2, '0')).join(':');
      if (type === 2) f.push(field('short_addr', verboseXval(IEEE802154_ADDRS, rd.u16(b, 10))));
      else if (type !== 0) f.push(field('hwaddr', { k: 'styled', abbrev: tok(hw), raw: rawBytes(b, 10, 8) }));
      return [field('addr', struct(f))];
    },
  },
  [AF_NFC]: { min: 16, fn: nfcFields },
  [AF_QIPCRTR]: {
    min: 12,
    fn: (b) => [field('sq_node', symbol(QRTR_NODES, BigInt(rd.u32(b, 4)), 'x')), field('sq_port', symbol(QRTR_PORTS, BigInt(rd.u32(b, 8)), 'x'))],
  },
  [AF_XDP]: {
    min: 16,
    fn: (b, _len, c) => {
      const flags = rd.u16(b, 2), umem = rd.u32(b, 12);
      const f: Field[] = [
        field('sxdp_flags', xflags(XDP_FLAGS, BigInt(flags), 'XDP_???')),
        field('sxdp_ifindex', ifindexV(c, rd.u32(b, 4))),
        field('sxdp_queue_id', uint(rd.u32(b, 8))),
      ];
      if (flags & 1) f.push(field('sxdp_shared_umem_fd', { k: 'fd', fd: rd.s32(b, 12) }));
      else if (umem) f.push(field('sxdp_shared_umem_fd', hexv(BigInt(umem))));
      return f;
    },
  },
  [AF_MCTP]: {
    min: 12,
    fn: (b) => [
      ...ifSet('__smctp_pad0', rd.u16(b, 2)),
      field('smctp_network', symbol(MCTP_NETS, BigInt(rd.u32(b, 4)), 'x')),
      field('smctp_addr', struct([field('s_addr', symbol(MCTP_ADDRS, BigInt(b[8]!), 'x'))])),
      field('smctp_type', hexv(BigInt(b[9]!))),
      field('smctp_tag', hexv(BigInt(b[10]!))),
      ...ifSet('__smctp_pad1', b[11]!),
    ],
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
