/**
 * NETLINK_SOCK_DIAG payloads (strace's netlink_sock_diag.c and netlink_{unix,inet,netlink,packet,smc}_diag.c):
 * a request or a reply of each address family, its fixed header then its attributes.
 *
 * netlink.ts imports this file and this file imports netlink.ts's attribute helpers: so that either
 * may load first, nothing here touches them before a message is decoded (tables of decoders are
 * built on first use).
 */
import type { Ctx } from './types.js';
import { array, field, int, join, note, struct, tok, uint, type Field, type Value } from './value.js';
import { bits, indexed, flags as xflags, symbol, type Xlat } from './xlat/core.js';
import { IPPROTO, SOCKET_FAMILIES, SOCKET_TYPES } from './xlat/tables.js';
import { ETHERNET_PROTOCOLS, NETLINK_PROTOCOLS } from './xlat/net.js';
import { cstrField, dev, fetch, idV, ifindexV, nonzeroTail, printArray } from './printers.js';
import { AF_INET, AF_INET6, AF_UNIX, inet4, inet6, netPort, rawBytes, sockaddrV, xlatOf } from './sockaddr.js';
import { addr, buf, hexv, rd } from './args.js';
import { bpfProg } from './bpf_filter.js';
import {
  fixedThenAttrs, nlattrsV, nlaStrD, nlaU32, nlaU32Struct, nlaU64, nlaU8, type NlaDecoder,
} from './netlink_nla.js';

export const NETLINK_SOCK_DIAG = 4;
export const SOCK_DIAG_TYPES = indexed(['TCPDIAG_GETSOCK', 'DCCPDIAG_GETSOCK', 'SOCK_DIAG_BY_FAMILY', 'SOCK_DESTROY'], 18);

/** Decoders built on first use (see the file's comment). */
const lazy = <T>(make: () => T): (() => T) => {
  let v: T | undefined;
  return () => (v ??= make());
};

const AF_NETLINK = 16, AF_PACKET = 17, AF_SMC = 43;
const NLM_F_REQUEST = 1;

const TCP_STATE_NAMES = ['ESTABLISHED', 'SYN_SENT', 'SYN_RECV', 'FIN_WAIT1', 'FIN_WAIT2', 'TIME_WAIT', 'CLOSE', 'CLOSE_WAIT',
  'LAST_ACK', 'LISTEN', 'CLOSING', 'NEW_SYN_RECV'];
const TCP_STATES = indexed(TCP_STATE_NAMES.map((n) => `TCP_${n}`), 1);
const TCP_STATE_FLAGS = bits(TCP_STATE_NAMES.map((n) => `1<<TCP_${n}`), 1);
const INET_DIAG_NAMES = ['INET_DIAG_NONE', 'INET_DIAG_MEMINFO', 'INET_DIAG_INFO', 'INET_DIAG_VEGASINFO', 'INET_DIAG_CONG',
  'INET_DIAG_TOS', 'INET_DIAG_TCLASS', 'INET_DIAG_SKMEMINFO', 'INET_DIAG_SHUTDOWN', 'INET_DIAG_DCTCPINFO', 'INET_DIAG_PROTOCOL',
  'INET_DIAG_SKV6ONLY', 'INET_DIAG_LOCALS', 'INET_DIAG_PEERS', 'INET_DIAG_PAD', 'INET_DIAG_MARK', 'INET_DIAG_BBRINFO',
  'INET_DIAG_CLASS_ID', 'INET_DIAG_MD5SIG', 'INET_DIAG_ULP_INFO', 'INET_DIAG_SK_BPF_STORAGES', 'INET_DIAG_CGROUP_ID',
  'INET_DIAG_SOCKOPT'];
const INET_DIAG_ATTRS = indexed(INET_DIAG_NAMES);
const INET_DIAG_EXT_FLAGS = bits(INET_DIAG_NAMES.slice(1).map((n) => `1<<(${n}-1)`));
const INET_DIAG_REQ_ATTRS = indexed(['INET_DIAG_REQ_NONE', 'INET_DIAG_REQ_BYTECODE', 'INET_DIAG_REQ_SK_BPF_STORAGES', 'INET_DIAG_REQ_PROTOCOL']);
const SHUTDOWN_FLAGS = xlatOf([[1, 'RCV_SHUTDOWN'], [2, 'SEND_SHUTDOWN']]);
const SOCKOPT_BITS = ['recverr', 'is_icsk', 'freebind', 'hdrincl', 'mc_loop', 'transparent', 'mc_all', 'nodefrag',
  'bind_address_no_port', 'recverr_rfc4884', 'defer_connect'];

/** PRINT_VAL_0X: `%#0*llx` of a field of `size` bytes, 0x counted in the width (0 has no 0x). */
const zeroX = (v: bigint | number, size: number): Value => {
  const digits = BigInt(v).toString(16);
  return tok(v ? '0x' + digits.padStart(size * 2 - 2, '0') : '0'.repeat(size * 2));
};

/** The first `n` bytes of `b` as a little-endian number. */
const le = (b: Uint8Array, n: number): bigint => {
  let v = 0n;
  for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]!);
  return v;
};

/** A socket cookie: two u32 words. */
const cookie = (b: Uint8Array, off: number): Value => array([uint(rd.u32(b, off)), uint(rd.u32(b, off + 4))]);

/** PRINT_FIELD_INET_ADDR of a 16-byte address field; the raw form is all 16 bytes, as strace prints it. */
const inetField = (b: Uint8Array, at: number, name: string, family: number): Field =>
  (family === AF_INET ? field(name, { ...inet4(b, at), raw: rawBytes(b, at, 16) } as Value)
    : family === AF_INET6 ? { v: inet6(b, at, name) } : field(name, rawBytes(b, at, 16)));

/** struct inet_diag_sockid (48 bytes at `off`): ports, addresses of the family, interface, cookie. */
function inetDiagSockid(c: Ctx, b: Uint8Array, off: number, family: number): Value {
  return struct([
    field('idiag_sport', netPort(b, off)), field('idiag_dport', netPort(b, off + 2)),
    inetField(b, off + 4, 'idiag_src', family), inetField(b, off + 20, 'idiag_dst', family),
    field('idiag_if', ifindexV(c, rd.u32(b, off + 36))),
    field('idiag_cookie', cookie(b, off + 40)),
  ]);
}

/** INET_DIAG_SOCKOPT: the bits that are set (all of them with -v). */
const diagSockopt: NlaDecoder = (c, a, len) => (len < 2 ? null : fetch(c, a, 2, (b) => {
  const v = b[0]! | (b[1]! << 8);
  const f: Field[] = SOCKOPT_BITS.flatMap((n, i) => (!c.opt.abbrev || (v >> i) & 1 ? [field(n, uint((v >> i) & 1))] : []));
  const unused = b[1]! >> 3;
  if (!c.opt.abbrev || unused) f.push(field('unused', note(hexv(BigInt(unused)), 'bits 3..8')));
  return struct(f);
}));

/** A one-byte shutdown attribute: always with its number (the names are not part of the UAPI). */
const diagShutdown: NlaDecoder = (c, a, len) => (len < 1 ? null : fetch(c, a, 1, (b) => {
  const v = b[0]!;
  if (!v) return int(0);
  const f = xflags(SHUTDOWN_FLAGS, BigInt(v));
  const text = f.k === 'flags' ? [...f.names, ...(f.rest ? ['0x' + f.rest.toString(16)] : [])].join('|') : '';
  return note(hexv(BigInt(v)), f.k === 'flags' && f.names.length ? text : '???_SHUTDOWN');
}));

const SK_MEMINFO = indexed(['RMEM_ALLOC', 'RCVBUF', 'WMEM_ALLOC', 'SNDBUF', 'FWD_ALLOC', 'WMEM_QUEUED', 'OPTMEM', 'BACKLOG', 'DROPS']
  .map((n) => `SK_MEMINFO_${n}`));
/** decode_nla_meminfo: u32 counters indexed by SK_MEMINFO_* (`[[SK_MEMINFO_RCVBUF]=N, …]`). */
const nlaMeminfo: NlaDecoder = (c, a, len) => (len < 4 ? null : printArray(c, a, Math.floor(len / 4), 4, (b, i) =>
  join('', tok('['), symbol(SK_MEMINFO, BigInt(i), 'u', 'SK_MEMINFO_???'), tok(']='), uint(rd.u32(b, 0)))));
const nlaUid: NlaDecoder = (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => idV(rd.u32(b, 0))));

const INET_DIAG_BC = indexed(['NOP', 'JMP', 'S_GE', 'S_LE', 'D_GE', 'D_LE', 'AUTO', 'S_COND', 'D_COND', 'DEV_COND', 'MARK_COND',
  'S_EQ', 'D_EQ', 'CGROUP_COND'].map((n) => `INET_DIAG_BC_${n}`));
const BC_S_GE = 2, BC_D_LE = 5, BC_S_COND = 7, BC_D_COND = 8, BC_DEV_COND = 9, BC_MARK_COND = 10;

/** struct inet_diag_bc_op: `{code=…, yes=…, no=…}`. */
const bcOp = (b: Uint8Array): Value => struct([
  field('code', symbol(INET_DIAG_BC, BigInt(b[0]!), 'x', 'INET_DIAG_BC_???')), field('yes', uint(b[1]!)), field('no', uint(rd.u16(b, 2))),
]);

/** decode_inet_addr with a field name: `addr=inet_addr("…")`, `inet_pton(AF_INET6, "…", &addr)`, else `addr=` hex bytes. */
function namedInetAddr(c: Ctx, a: bigint, len: number, family: number, name: string): Field {
  const size = family === AF_INET ? 4 : family === AF_INET6 ? 16 : 0;
  if (!size || len < size) return field(name, buf(c, a, len, true));
  const b = c.mem.read(a, size);
  if (!b) return field(name, addr(a));
  return size === 4 ? field(name, inet4(b)) : { v: inet6(b, 0, name) };
}

/** The data after a bytecode op, by the op's code (decode_bytecode_data). */
function bcData(c: Ctx, code: number, a: bigint, len: number): Value {
  const sized = (size: number, show: (b: Uint8Array) => Value): Value => (len < size ? buf(c, a, len, true) : fetch(c, a, size, show));
  if (code === BC_S_COND || code === BC_D_COND) {
    // struct inet_diag_hostcond, then the address of its family
    return sized(8, (b) => struct([
      field('family', symbol(SOCKET_FAMILIES, BigInt(b[0]!), 'x', 'AF_???')), field('prefix_len', uint(b[1]!)),
      field('port', uint(rd.u32(b, 4))),
      ...(len > 8 ? [namedInetAddr(c, a + 8n, len - 8, b[0]!, 'addr')] : []),
    ]));
  }
  if (code === BC_DEV_COND) return sized(4, (b) => ifindexV(c, rd.u32(b, 0)));
  if (code >= BC_S_GE && code <= BC_D_LE) return sized(4, bcOp);
  if (code === BC_MARK_COND) return sized(8, (b) => struct([field('mark', uint(rd.u32(b, 0))), field('mask', uint(rd.u32(b, 4)))]));
  return buf(c, a, len, true);
}

/** INET_DIAG_REQ_BYTECODE: the first op, then what follows it, as two more elements of the attribute. */
const diagBytecode: NlaDecoder = (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) =>
  (len > 4 ? join(', ', bcOp(b), bcData(c, b[0]!, a + 4n, len - 4)) : bcOp(b))));

/** decode_nla_xval: a number of up to 8 bytes, named by `table`. */
const nlaXval = (table: Xlat, dflt: string): NlaDecoder => (c, a, len) =>
  (len > 8 ? null : fetch(c, a, len, (b) => symbol(table, le(b, len), 'x', dflt)));

const inetDiagReqDecoders = lazy((): (NlaDecoder | undefined)[] => [undefined, diagBytecode, undefined, nlaXval(IPPROTO, 'IPPROTO_???')]);

/** A nested attribute: its own attributes, of `table`. */
const nested = (table: Xlat, dflt: string, decoders: () => (NlaDecoder | undefined)[]): NlaDecoder =>
  (c, a, len) => nlattrsV(c, a, len, table, dflt, decoders());
/** decode_nla_xint: a value of 1, 2, 4 or 8 bytes in hex. */
const nlaXint: NlaDecoder = (c, a, len) => ([1, 2, 4, 8].includes(len) ? nlaHex(len)(c, a, len) : null);
const nlaU16: NlaDecoder = (c, a, len) => (len < 2 ? null : fetch(c, a, 2, (b) => uint(rd.u16(b, 0))));
/** decode_nla_xval/flags of a `size`-byte field. */
const nlaSized = (size: number, show: (v: bigint) => Value): NlaDecoder => (c, a, len) =>
  (len < size ? null : fetch(c, a, size, (b) => show(le(b, size))));
const nlaHex = (size: number): NlaDecoder => nlaSized(size, hexv);

const TLS_VERSIONS = xlatOf([[0x303, 'TLS_1_2_VERSION'], [0x304, 'TLS_1_3_VERSION']]);
const TLS_CIPHERS = indexed(['AES_GCM_128', 'AES_GCM_256', 'AES_CCM_128', 'CHACHA20_POLY1305', 'SM4_GCM', 'SM4_CCM', 'ARIA_GCM_128',
  'ARIA_GCM_256'].map((n) => `TLS_CIPHER_${n}`), 51);
const TLS_CONFIGS = indexed(['BASE', 'SW', 'HW', 'HW_RECORD'].map((n) => `TLS_CONF_${n}`), 1);
const TLS_INFO_ATTRS = indexed(['UNSPEC', 'VERSION', 'CIPHER', 'TXCONF', 'RXCONF', 'ZC_RO_TX', 'RX_NO_PAD'].map((n) => `TLS_INFO_${n}`));
const MPTCP_ATTRS = indexed(['UNSPEC', 'TOKEN_REM', 'TOKEN_LOC', 'RELWRITE_SEQ', 'MAP_SEQ', 'MAP_SFSEQ', 'SSN_OFFSET', 'MAP_DATALEN',
  'FLAGS', 'ID_REM', 'ID_LOC', 'PAD'].map((n) => `MPTCP_SUBFLOW_ATTR_${n}`));
const MPTCP_FLAGS = bits(['MCAP_REM', 'MCAP_LOC', 'JOIN_REM', 'JOIN_LOC', 'BKUP_REM', 'BKUP_LOC', 'FULLY_ESTABLISHED', 'CONNECTED',
  'MAPVALID'].map((n) => `MPTCP_SUBFLOW_FLAG_${n}`));
const ULP_INFO_ATTRS = indexed(['UNSPEC', 'NAME', 'TLS', 'MPTCP'].map((n) => `INET_ULP_INFO_${n}`));
const BPF_STORAGE_ATTRS = indexed(['NONE', 'PAD', 'MAP_ID', 'MAP_VALUE'].map((n) => `SK_DIAG_BPF_STORAGE_${n}`));
const BPF_STORAGES_ATTRS = indexed(['SK_DIAG_BPF_STORAGE_REP_NONE', 'SK_DIAG_BPF_STORAGE']);

const tlsDecoders = lazy((): (NlaDecoder | undefined)[] => {
  const conf = nlaSized(2, (v) => symbol(TLS_CONFIGS, v, 'x', 'TLS_CONF_???'));
  return [undefined, nlaSized(2, (v) => symbol(TLS_VERSIONS, v, 'x', 'TLS_???_VERSION')),
    nlaSized(2, (v) => symbol(TLS_CIPHERS, v, 'x', 'TLS_CIPHER_???')), conf, conf];
});
const mptcpDecoders = lazy((): (NlaDecoder | undefined)[] => [undefined, nlaHex(4), nlaHex(4), nlaU32, nlaU64, nlaU32, nlaU32, nlaU16,
  nlaSized(4, (v) => xflags(MPTCP_FLAGS, v, 'MPTCP_SUBFLOW_FLAG_???')), nlaU8, nlaU8]);
const ulpDecoders = lazy((): (NlaDecoder | undefined)[] => [undefined, nlaStrD,
  nested(TLS_INFO_ATTRS, 'TLS_INFO_???', tlsDecoders), nested(MPTCP_ATTRS, 'MPTCP_SUBFLOW_ATTR_???', mptcpDecoders)]);
const bpfStorageDecoders = lazy((): (NlaDecoder | undefined)[] => [undefined, undefined, nlaU32, nlaXint]);
const bpfStoragesDecoders = lazy((): (NlaDecoder | undefined)[] =>
  [undefined, nested(BPF_STORAGE_ATTRS, 'SK_DIAG_BPF_STORAGE_???', bpfStorageDecoders)]);

/** An array of struct sockaddr_storage (INET_DIAG_LOCALS, INET_DIAG_PEERS). */
const nlaSockaddrs: NlaDecoder = (c, a, len) => (len < 128 ? null : printArray(c, a, Math.floor(len / 128), 128, (b) => sockaddrV(b, 128, c)));

/** INET_DIAG_SOCKOPT, then any nonzero bytes after its two. */
const diagSockoptAll: NlaDecoder = (c, a, len) => {
  const v = diagSockopt(c, a, len);
  const tail = v && v.k !== 'ptr' ? nonzeroTail(c, a, 2, BigInt(len)) : undefined;
  return v && tail ? join(', ', v, tail.v) : v;
};

const inetDiagMsgDecoders = lazy(() => {
  const d: (NlaDecoder | undefined)[] = [];
  d[1] = u32s(['idiag_rmem', 'idiag_wmem', 'idiag_fmem', 'idiag_tmem']);
  d[3] = u32s(['tcpv_enabled', 'tcpv_rttcnt', 'tcpv_rtt', 'tcpv_minrtt']);
  d[4] = nlaStrD; d[5] = nlaU8; d[6] = nlaU8; d[7] = nlaMeminfo; d[8] = diagShutdown;
  // struct tcp_dctcp_info: two u16, three u32
  d[9] = (c, a, len) => (len < 16 ? null : fetch(c, a, 16, (b) => struct([
    field('dctcp_enabled', uint(rd.u16(b, 0))), field('dctcp_ce_state', uint(rd.u16(b, 2))),
    field('dctcp_alpha', uint(rd.u32(b, 4))), field('dctcp_ab_ecn', uint(rd.u32(b, 8))), field('dctcp_ab_tot', uint(rd.u32(b, 12))),
  ])));
  d[10] = nlaXval(IPPROTO, 'IPPROTO_???'); d[11] = nlaU8; d[12] = nlaSockaddrs; d[13] = nlaSockaddrs; d[15] = nlaU32;
  d[16] = (c, a, len) => (len < 20 ? null : fetch(c, a, 20, (b) => struct([
    field('bbr_bw_lo', hexv(BigInt(rd.u32(b, 0)))), field('bbr_bw_hi', hexv(BigInt(rd.u32(b, 4)))),
    field('bbr_min_rtt', uint(rd.u32(b, 8))), field('bbr_pacing_gain', uint(rd.u32(b, 12))), field('bbr_cwnd_gain', uint(rd.u32(b, 16))),
  ])));
  // struct tcp_diag_md5sig: the address of its family, the key as long as tcpm_keylen says (at most 80)
  d[18] = (c, a, len) => (len < 100 ? null : printArray(c, a, Math.floor(len / 100), 100, (b) => struct([
    field('tcpm_family', symbol(SOCKET_FAMILIES, BigInt(b[0]!), 'x', 'AF_???')), field('tcpm_prefixlen', uint(b[1]!)),
    field('tcpm_keylen', uint(rd.u16(b, 2))), inetField(b, 4, 'tcpm_addr', b[0]!),
    field('tcpm_key', { k: 'str', b: b.subarray(20, 20 + Math.min(80, rd.u16(b, 2))), hex: true }),
  ])));
  d[17] = nlaU32; d[19] = nested(ULP_INFO_ATTRS, 'INET_ULP_INFO_???', ulpDecoders);
  d[20] = nested(BPF_STORAGES_ATTRS, 'SK_DIAG_BPF_STORAGE_???', bpfStoragesDecoders);
  d[21] = nlaU64; d[22] = diagSockoptAll;
  return d;
});

// ---------------------------------------------------------------- AF_UNIX

const UDIAG_SHOW = bits(['NAME', 'VFS', 'PEER', 'ICONS', 'RQLEN', 'MEMINFO', 'UID'].map((n) => `UDIAG_SHOW_${n}`));
const UNIX_DIAG_ATTRS = indexed(['UNIX_DIAG_NAME', 'UNIX_DIAG_VFS', 'UNIX_DIAG_PEER', 'UNIX_DIAG_ICONS', 'UNIX_DIAG_RQLEN',
  'UNIX_DIAG_MEMINFO', 'UNIX_DIAG_SHUTDOWN', 'UNIX_DIAG_UID']);
const unixDiagMsgDecoders = lazy((): (NlaDecoder | undefined)[] => [
  nlaStrD,
  // struct unix_diag_vfs: the inode first, the device second, printed the other way round
  (c, a, len) => (len < 8 ? null : fetch(c, a, 8, (b) =>
    struct([field('udiag_vfs_dev', dev(BigInt(rd.u32(b, 4)))), field('udiag_vfs_ino', uint(rd.u32(b, 0)))]))),
  nlaU32,
  (c, a, len) => (len < 4 ? null : printArray(c, a, Math.floor(len / 4), 4, (b) => uint(rd.u32(b, 0)))),
  nlaU32Struct(['udiag_rqueue', 'udiag_wqueue']), nlaMeminfo, nlaU8, nlaUid,
]);

/** AF_UNIX sock_diag: struct unix_diag_req, or struct unix_diag_msg and its attributes. */
function unixDiag(c: Ctx, request: boolean, head: (n: string) => Field, a: bigint, len: number): Value[] {
  if (request) {
    return fixedThenAttrs(c, a, Math.min(len, 24), head('sdiag_family'), 24, (b) => [
      field('sdiag_protocol', uint(b[0]!)),
      field('udiag_states', xflags(TCP_STATE_FLAGS, BigInt(rd.u32(b, 3)), '1<<TCP_???')),
      field('udiag_ino', uint(rd.u32(b, 7))),
      field('udiag_show', xflags(UDIAG_SHOW, BigInt(rd.u32(b, 11)), 'UDIAG_SHOW_???')),
      field('udiag_cookie', cookie(b, 15)),
    ], UNIX_DIAG_ATTRS, 'UNIX_DIAG_???', []);
  }
  return fixedThenAttrs(c, a, len, head('udiag_family'), 16, (b) => [
    field('udiag_type', symbol(SOCKET_TYPES, BigInt(b[0]!), 'x', 'SOCK_???')),
    field('udiag_state', symbol(TCP_STATES, BigInt(b[1]!), 'x', 'TCP_???')),
    field('udiag_ino', uint(rd.u32(b, 3))),
    field('udiag_cookie', cookie(b, 7)),
  ], UNIX_DIAG_ATTRS, 'UNIX_DIAG_???', unixDiagMsgDecoders());
}

// ---------------------------------------------------------------- AF_INET, AF_INET6

const TCPDIAG_GETSOCK = 18, DCCPDIAG_GETSOCK = 19;

/** inet requests: struct inet_diag_req (the old TCPDIAG/DCCPDIAG types) or inet_diag_req_v2; replies: inet_diag_msg. */
function inetDiag(c: Ctx, type: number, request: boolean, head: (n: string) => Field, family: number, a: bigint, len: number): Value[] {
  if (request && (type === TCPDIAG_GETSOCK || type === DCCPDIAG_GETSOCK)) {
    return fixedThenAttrs(c, a, len, head('idiag_family'), 60, (b) => [
      field('idiag_src_len', uint(b[0]!)), field('idiag_dst_len', uint(b[1]!)),
      field('idiag_ext', xflags(INET_DIAG_EXT_FLAGS, BigInt(b[2]!), '1<<INET_DIAG_???-1')),
      field('id', inetDiagSockid(c, b, 3, family)),
      field('idiag_states', xflags(TCP_STATE_FLAGS, BigInt(rd.u32(b, 51)), '1<<TCP_???')),
      field('idiag_dbs', uint(rd.u32(b, 55))),
    ], INET_DIAG_REQ_ATTRS, 'INET_DIAG_REQ_???', inetDiagReqDecoders());
  }
  if (request) {
    return fixedThenAttrs(c, a, len, head('sdiag_family'), 56, (b) => [
      field('sdiag_protocol', symbol(IPPROTO, BigInt(b[0]!), 'x', 'IPPROTO_???')),
      field('idiag_ext', xflags(INET_DIAG_EXT_FLAGS, BigInt(b[1]!), '1<<INET_DIAG_???-1')),
      field('idiag_states', xflags(TCP_STATE_FLAGS, BigInt(rd.u32(b, 3)), '1<<TCP_???')),
      field('id', inetDiagSockid(c, b, 7, family)),
    ], INET_DIAG_REQ_ATTRS, 'INET_DIAG_REQ_???', inetDiagReqDecoders());
  }
  return fixedThenAttrs(c, a, len, head('idiag_family'), 72, (b) => [
    field('idiag_state', symbol(TCP_STATES, BigInt(b[0]!), 'x', 'TCP_???')),
    field('idiag_timer', uint(b[1]!)), field('idiag_retrans', uint(b[2]!)),
    field('id', inetDiagSockid(c, b, 3, family)),
    field('idiag_expires', uint(rd.u32(b, 51))), field('idiag_rqueue', uint(rd.u32(b, 55))),
    field('idiag_wqueue', uint(rd.u32(b, 59))), field('idiag_uid', uint(rd.u32(b, 63))), field('idiag_inode', uint(rd.u32(b, 67))),
  ], INET_DIAG_ATTRS, 'INET_DIAG_???', inetDiagMsgDecoders());
}

// ---------------------------------------------------------------- AF_NETLINK

const NDIAG_PROTO_ALL = 255;
const NDIAG_SHOW = bits(['MEMINFO', 'GROUPS', 'RING_CFG', 'FLAGS'].map((n) => `NDIAG_SHOW_${n}`));
const NETLINK_STATES = xlatOf([[0, 'NETLINK_UNCONNECTED'], [1, 'NETLINK_CONNECTED'], [7, 'TCP_CLOSE']]);
const NETLINK_DIAG_ATTRS = indexed(['MEMINFO', 'GROUPS', 'RX_RING', 'TX_RING', 'FLAGS'].map((n) => `NETLINK_DIAG_${n}`));
const NDIAG_FLAGS = bits(['CB_RUNNING', 'PKTINFO', 'BROADCAST_ERROR', 'NO_ENOBUFS', 'LISTEN_ALL_NSID', 'CAP_ACK'].map((n) => `NDIAG_FLAG_${n}`));

/** Several u32 fields of a ring or info struct, when the attribute holds them all. */
const u32s = (names: string[]): NlaDecoder => (c, a, len) => (len < names.length * 4 ? null
  : fetch(c, a, names.length * 4, (b) => struct(names.map((n, i) => field(n, uint(rd.u32(b, i * 4)))))));

const netlinkDiagMsgDecoders = lazy((): (NlaDecoder | undefined)[] => {
  const ring = u32s(['ndr_block_size', 'ndr_block_nr', 'ndr_frame_size', 'ndr_frame_nr']);
  return [
    nlaMeminfo,
    // the groups bitmap, in words of the tracee's size
    (c, a, len) => (len < 8 ? null : printArray(c, a, Math.floor(len / 8), 8, (b) => zeroX(rd.u64(b, 0), 8))),
    ring, ring,
    (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => xflags(NDIAG_FLAGS, BigInt(rd.u32(b, 0)), 'NDIAG_FLAG_???'))),
  ];
});

function netlinkDiag(c: Ctx, request: boolean, head: (n: string) => Field, a: bigint, len: number): Value[] {
  if (request) {
    return fixedThenAttrs(c, a, Math.min(len, 20), head('sdiag_family'), 20, (b) => [
      field('sdiag_protocol', b[0] === NDIAG_PROTO_ALL ? { k: 'sym', name: 'NDIAG_PROTO_ALL', v: BigInt(NDIAG_PROTO_ALL), fmt: 'x' }
        : symbol(NETLINK_PROTOCOLS, BigInt(b[0]!), 'x', 'NETLINK_???')),
      field('ndiag_ino', uint(rd.u32(b, 3))),
      field('ndiag_show', xflags(NDIAG_SHOW, BigInt(rd.u32(b, 7)), 'NDIAG_SHOW_???')),
      field('ndiag_cookie', cookie(b, 11)),
    ], NETLINK_DIAG_ATTRS, 'NETLINK_DIAG_???', []);
  }
  return fixedThenAttrs(c, a, len, head('ndiag_family'), 28, (b) => [
    field('ndiag_type', symbol(SOCKET_TYPES, BigInt(b[0]!), 'x', 'SOCK_???')),
    field('ndiag_protocol', symbol(NETLINK_PROTOCOLS, BigInt(b[1]!), 'x', 'NETLINK_???')),
    field('ndiag_state', symbol(NETLINK_STATES, BigInt(b[2]!), 'x', 'NETLINK_???')),
    field('ndiag_portid', uint(rd.u32(b, 3))), field('ndiag_dst_portid', uint(rd.u32(b, 7))),
    field('ndiag_dst_group', uint(rd.u32(b, 11))), field('ndiag_ino', uint(rd.u32(b, 15))),
    field('ndiag_cookie', cookie(b, 19)),
  ], NETLINK_DIAG_ATTRS, 'NETLINK_DIAG_???', netlinkDiagMsgDecoders());
}

// ---------------------------------------------------------------- AF_PACKET

const PACKET_SHOW = bits(['INFO', 'MCLIST', 'RING_CFG', 'FANOUT', 'MEMINFO', 'FILTER'].map((n) => `PACKET_SHOW_${n}`));
const PACKET_DIAG_ATTRS = indexed(['INFO', 'MCLIST', 'RX_RING', 'TX_RING', 'FANOUT', 'UID', 'MEMINFO', 'FILTER']
  .map((n) => `PACKET_DIAG_${n}`));
const TPACKET_VERSIONS = indexed(['TPACKET_V1', 'TPACKET_V2', 'TPACKET_V3']);
const PDI_FLAGS = bits(['RUNNING', 'AUXDATA', 'ORIGDEV', 'VNETHDR', 'LOSS'].map((n) => `PDI_${n}`));

const packetDiagMsgDecoders = lazy((): (NlaDecoder | undefined)[] => {
  const ring = u32s(['pdr_block_size', 'pdr_block_nr', 'pdr_frame_size', 'pdr_frame_nr', 'pdr_retire_tmo', 'pdr_sizeof_priv',
    'pdr_features']);
  return [
    (c, a, len) => (len < 24 ? null : fetch(c, a, 24, (b) => struct([
      field('pdi_index', ifindexV(c, rd.u32(b, 0))),
      field('pdi_version', symbol(TPACKET_VERSIONS, BigInt(rd.u32(b, 4)), 'x', 'TPACKET_???')),
      field('pdi_reserve', uint(rd.u32(b, 8))), field('pdi_copy_thresh', uint(rd.u32(b, 12))),
      field('pdi_tstamp', uint(rd.u32(b, 16))), field('pdi_flags', xflags(PDI_FLAGS, BigInt(rd.u32(b, 20)), 'PDI_???')),
    ]))),
    // struct packet_diag_mclist: 44 bytes, the address as long as pdmc_alen says (at most 32)
    (c, a, len) => (len < 44 ? null : printArray(c, a, Math.floor(len / 44), 44, (b) => struct([
      field('pdmc_index', ifindexV(c, rd.u32(b, 0))), field('pdmc_count', uint(rd.u32(b, 4))),
      field('pdmc_type', uint(rd.u16(b, 8))), field('pdmc_alen', uint(rd.u16(b, 10))),
      field('pdmc_addr', { k: 'str', b: b.subarray(12, 12 + Math.min(rd.u16(b, 10), 32)), hex: true }),
    ]))),
    ring, ring, nlaU32, nlaUid, nlaMeminfo,
    (c, a, len) => (len < 8 || len / 8 > 0xffff ? null : bpfProg(c, a, Math.floor(len / 8), 'socket')),
  ];
});

function packetDiag(c: Ctx, request: boolean, head: (n: string) => Field, a: bigint, len: number): Value[] {
  if (request) {
    return fixedThenAttrs(c, a, Math.min(len, 20), head('sdiag_family'), 20, (b) => [
      field('sdiag_protocol', hexv(BigInt(b[0]!))),
      field('pdiag_ino', uint(rd.u32(b, 3))),
      field('pdiag_show', xflags(PACKET_SHOW, BigInt(rd.u32(b, 7)), 'PACKET_SHOW_???')),
      field('pdiag_cookie', cookie(b, 11)),
    ], PACKET_DIAG_ATTRS, 'PACKET_DIAG_???', []);
  }
  return fixedThenAttrs(c, a, len, head('pdiag_family'), 16, (b) => [
    field('pdiag_type', symbol(SOCKET_TYPES, BigInt(b[0]!), 'x', 'SOCK_???')),
    field('pdiag_num', symbol(ETHERNET_PROTOCOLS, BigInt(rd.u16(b, 1)), 'x', 'ETH_P_???')),
    field('pdiag_ino', uint(rd.u32(b, 3))),
    field('pdiag_cookie', cookie(b, 7)),
  ], PACKET_DIAG_ATTRS, 'PACKET_DIAG_???', packetDiagMsgDecoders());
}

// ---------------------------------------------------------------- AF_SMC

const SMC_STATES = xlatOf([[1, 'SMC_ACTIVE'], [2, 'SMC_INIT'], [7, 'SMC_CLOSED'], [10, 'SMC_LISTEN'], [20, 'SMC_PEERCLOSEWAIT1'],
  [21, 'SMC_PEERCLOSEWAIT2'], [24, 'SMC_APPFINCLOSEWAIT'], [22, 'SMC_APPCLOSEWAIT1'], [23, 'SMC_APPCLOSEWAIT2'],
  [25, 'SMC_PEERFINCLOSEWAIT'], [26, 'SMC_PEERABORTWAIT'], [27, 'SMC_PROCESSABORT']]);
const SMC_DIAG_MODES = indexed(['SMC_DIAG_MODE_SMCR', 'SMC_DIAG_MODE_FALLBACK_TCP', 'SMC_DIAG_MODE_SMCD']);
const SMC_DIAG_EXT = bits(['1<<(SMC_DIAG_CONNINFO-1)', '1<<(SMC_DIAG_LGRINFO-1)']);
const SMC_DIAG_ATTRS = indexed(['NONE', 'CONNINFO', 'LGRINFO', 'SHUTDOWN', 'DMBINFO', 'FALLBACK'].map((n) => `SMC_DIAG_${n}`));

function smcDiag(c: Ctx, request: boolean, head: (n: string) => Field, a: bigint, len: number): Value[] {
  if (request) {
    // the AF_SMC handler keeps AF_INET addresses
    return fixedThenAttrs(c, a, Math.min(len, 52), head('diag_family'), 52, (b) => [
      field('diag_ext', xflags(SMC_DIAG_EXT, BigInt(b[2]!), '1<<SMC_DIAG_???-1')),
      field('id', inetDiagSockid(c, b, 3, AF_INET)),
    ], SMC_DIAG_ATTRS, 'SMC_DIAG_???', []);
  }
  return fixedThenAttrs(c, a, len, head('diag_family'), 64, (b) => [
    field('diag_state', symbol(SMC_STATES, BigInt(b[0]!), 'x', 'SMC_???')),
    field('diag_fallback', symbol(SMC_DIAG_MODES, BigInt(b[1]!), 'x', 'SMC_DIAG_MODE_???')),
    field('diag_shutdown', uint(b[2]!)),
    field('id', inetDiagSockid(c, b, 3, AF_INET)),
    field('diag_uid', uint(rd.u32(b, 51))), field('diag_inode', uint(rd.u64(b, 55))),
  ], SMC_DIAG_ATTRS, 'SMC_DIAG_???', smcDiagMsgDecoders());
}

const SMC_ROLES = indexed(['SMC_CLNT', 'SMC_SERV']);
const SMC_DECL_CODES = xlatOf([[0x01010000, 'SMC_CLC_DECL_MEM'], [0x02010000, 'SMC_CLC_DECL_TIMEOUT_CL'],
  [0x02020000, 'SMC_CLC_DECL_TIMEOUT_AL'], [0x03000000, 'SMC_CLC_DECL_CNFERR'], [0x03010000, 'SMC_CLC_DECL_PEERNOSMC'],
  [0x03020000, 'SMC_CLC_DECL_IPSEC'], [0x03030000, 'SMC_CLC_DECL_NOSMCDEV'], [0x03040000, 'SMC_CLC_DECL_MODEUNSUPP'],
  [0x03050000, 'SMC_CLC_DECL_RMBE_EC'], [0x03060000, 'SMC_CLC_DECL_OPTUNSUPP'], [0x04000000, 'SMC_CLC_DECL_SYNCERR'],
  [0x05000000, 'SMC_CLC_DECL_PEERDECL'], [0x99990000, 'SMC_CLC_DECL_INTERR'], [0x99990001, 'SMC_CLC_DECL_ERR_RTOK'],
  [0x99990002, 'SMC_CLC_DECL_ERR_RDYLNK'], [0x99990003, 'SMC_CLC_DECL_ERR_REGRMB']]);

/** struct smc_diag_cursor at `off`. */
const smcCursor = (b: Uint8Array, off: number): Value =>
  struct([field('reserved', uint(rd.u16(b, off))), field('wrap', uint(rd.u16(b, off + 2))), field('count', uint(rd.u32(b, off + 4)))]);
/** A reason code, always with its name (they are not in a UAPI header, so strace prints both). */
const smcDecl = (v: number): Value => {
  const num = v ? hexv(BigInt(v)) : int(0);
  const named = note(num, SMC_DECL_CODES.byValue.get(BigInt(v)) ?? 'SMC_CLC_DECL_???');
  return { k: 'styled', abbrev: named, raw: num, verbose: named };
};

const smcDiagMsgDecoders = lazy((): (NlaDecoder | undefined)[] => [
  undefined,
  (c, a, len) => (len < 76 ? null : fetch(c, a, 76, (b) => struct([
    field('token', uint(rd.u32(b, 0))), field('sndbuf_size', uint(rd.u32(b, 4))), field('rmbe_size', uint(rd.u32(b, 8))),
    field('peer_rmbe_size', uint(rd.u32(b, 12))),
    field('rx_prod', smcCursor(b, 16)), field('rx_cons', smcCursor(b, 24)), field('tx_prod', smcCursor(b, 32)),
    field('tx_cons', smcCursor(b, 40)),
    field('rx_prod_flags', zeroX(b[48]!, 1)), field('rx_conn_state_flags', zeroX(b[49]!, 1)),
    field('tx_prod_flags', zeroX(b[50]!, 1)), field('tx_conn_state_flags', zeroX(b[51]!, 1)),
    field('tx_prep', smcCursor(b, 52)), field('tx_sent', smcCursor(b, 60)), field('tx_fin', smcCursor(b, 68)),
  ]))),
  // struct smc_diag_lgrinfo: one struct smc_diag_linkinfo (146 bytes), then the role
  (c, a, len) => (len < 147 ? null : fetch(c, a, 147, (b) => struct([
    field('lnk', array([struct([
      field('link_id', uint(b[0]!)), field('ibname', cstrField(b, 1, 64)), field('ibport', uint(b[65]!)),
      field('gid', cstrField(b, 66, 40)), field('peer_gid', cstrField(b, 106, 40)),
    ])])),
    field('role', symbol(SMC_ROLES, BigInt(b[146]!), 'x', 'SMC_???')),
  ]))),
  (c, a, len) => (len < 1 ? null : fetch(c, a, 1, (b) => xflags(SHUTDOWN_FLAGS, BigInt(b[0]!), '???_SHUTDOWN'))),
  (c, a, len) => (len < 40 ? null : fetch(c, a, 40, (b) => struct([
    field('linkid', uint(rd.u32(b, 0))), field('peer_gid', hexv(rd.u64(b, 8))), field('my_gid', hexv(rd.u64(b, 16))),
    field('token', hexv(rd.u64(b, 24))), field('peer_token', hexv(rd.u64(b, 32))),
  ]))),
  (c, a, len) => (len < 8 ? null : fetch(c, a, 8, (b) => struct([
    field('reason', smcDecl(rd.u32(b, 0))), field('peer_diagnosis', smcDecl(rd.u32(b, 4))),
  ]))),
]);

// ---------------------------------------------------------------- dispatch

/** decode_netlink_sock_diag: a request or reply by its family byte, else `{family=…, data=…}`. */
export function sockDiagPayload(c: Ctx, type: number, flags: number, a: bigint, len: number): Value[] {
  const fb = c.mem.read(a, 1);
  if (!fb) return [addr(a)];
  const family = fb[0]!;
  const head = (name: string): Field => field(name, symbol(SOCKET_FAMILIES, BigInt(family), 'x', 'AF_???'));
  const request = (flags & NLM_F_REQUEST) !== 0;
  if (len > 1) {
    if (family === AF_UNIX) return unixDiag(c, request, head, a, len);
    if (family === AF_INET || family === AF_INET6) return inetDiag(c, type, request, head, family, a, len);
    if (family === AF_NETLINK) return netlinkDiag(c, request, head, a, len);
    if (family === AF_PACKET) return packetDiag(c, request, head, a, len);
    if (family === AF_SMC) return smcDiag(c, request, head, a, len);
  }
  const f: Field[] = [head('family')];
  if (len > 1) f.push(field('data', buf(c, a + 1n, len - 1, true)));
  return [struct(f)];
}
