/**
 * sysray/unix: typed socket options. Each struct option is one layout row; its getsockoptX and
 * setsockoptX are made from the row (x/sys/unix's GetsockoptLinger, SetsockoptIPMreq, …).
 */
import { addressOf, arrayArg, fdArg, i32Arg, sys } from './core.js';
import { getsockoptBuffer, setsockopt } from './sockets.js';
import { SO_BINDTODEVICE, SOL_SOCKET } from './names.js';
import { struct, type FieldSpec, type Layout, type StructInput, type StructOf } from './struct.js';

export const LINGER = struct(8, { onoff: ['i32', 0], linger: ['i32', 4] });
export const UCRED = struct(12, { pid: ['i32', 0], uid: ['u32', 4], gid: ['u32', 8] });
export const IP_MREQ = struct(8, { multiaddr: ['ipv4', 0], interface: ['ipv4', 4] });
export const IP_MREQN = struct(12, { multiaddr: ['ipv4', 0], address: ['ipv4', 4], ifindex: ['i32', 8] });
export const IPV6_MREQ = struct(20, { multiaddr: ['bytes', 0, 16], interface: ['u32', 16] });
export const SOCK_TIMEVAL = struct(16, { sec: ['i64', 0], usec: ['i64', 8] });
export const IPV6_MTUINFO = struct(32, { addr: ['bytes', 0, 28], mtu: ['u32', 28] });
export const ICMPV6_FILTER = struct(32, { data: ['bytes', 0, 32] });
export const TPACKET_STATS = struct(8, { packets: ['u32', 0], drops: ['u32', 4] });
export const TPACKET_STATS_V3 = struct(12, { packets: ['u32', 0], drops: ['u32', 4], freezeQCnt: ['u32', 8] });
export const TCP_VEGAS_INFO = struct(16, { enabled: ['u32', 0], rttcnt: ['u32', 4], rtt: ['u32', 8], minrtt: ['u32', 12] });
export const TCP_DCTCP_INFO = struct(16, { enabled: ['u16', 0], ceState: ['u16', 2], alpha: ['u32', 4], abEcn: ['u32', 8], abTot: ['u32', 12] });
export const TCP_BBR_INFO = struct(20, { bwLo: ['u32', 0], bwHi: ['u32', 4], minRtt: ['u32', 8], pacingGain: ['u32', 12], cwndGain: ['u32', 16] });
export const PACKET_MREQ = struct(16, { ifindex: ['i32', 0], type: ['u16', 4], alen: ['u16', 6], address: ['bytes', 8, 8] });
export const TPACKET_REQ = struct(16, { blockSize: ['u32', 0], blockNr: ['u32', 4], frameSize: ['u32', 8], frameNr: ['u32', 12] });
export const TPACKET_REQ3 = struct(28, {
  blockSize: ['u32', 0], blockNr: ['u32', 4], frameSize: ['u32', 8], frameNr: ['u32', 12], retireBlkTov: ['u32', 16],
  sizeofPriv: ['u32', 20], featureReqWord: ['u32', 24],
});
export const TCP_REPAIR_OPT = struct(8, { code: ['u32', 0], val: ['u32', 4] });
export const TCP_MD5SIG_LAYOUT = struct(216, {
  addr: ['bytes', 0, 128], flags: ['u8', 128], prefixlen: ['u8', 129], keylen: ['u16', 130], ifindex: ['i32', 132], key: ['bytes', 136, 80],
});

/** `struct tcp_info` (Linux 6.x, 248 bytes); fields a kernel does not fill read as 0. */
export const TCP_INFO_LAYOUT = struct(248, {
  state: ['u8', 0], caState: ['u8', 1], retransmits: ['u8', 2], probes: ['u8', 3], backoff: ['u8', 4], options: ['u8', 5],
  wscale: ['u8', 6], flags: ['u8', 7], rto: ['u32', 8], ato: ['u32', 12], sndMss: ['u32', 16], rcvMss: ['u32', 20],
  unacked: ['u32', 24], sacked: ['u32', 28], lost: ['u32', 32], retrans: ['u32', 36], fackets: ['u32', 40],
  lastDataSent: ['u32', 44], lastAckSent: ['u32', 48], lastDataRecv: ['u32', 52], lastAckRecv: ['u32', 56], pmtu: ['u32', 60],
  rcvSsthresh: ['u32', 64], rtt: ['u32', 68], rttvar: ['u32', 72], sndSsthresh: ['u32', 76], sndCwnd: ['u32', 80],
  advmss: ['u32', 84], reordering: ['u32', 88], rcvRtt: ['u32', 92], rcvSpace: ['u32', 96], totalRetrans: ['u32', 100],
  pacingRate: ['u64', 104], maxPacingRate: ['u64', 112], bytesAcked: ['u64', 120], bytesReceived: ['u64', 128],
  segsOut: ['u32', 136], segsIn: ['u32', 140], notsentBytes: ['u32', 144], minRtt: ['u32', 148], dataSegsIn: ['u32', 152],
  dataSegsOut: ['u32', 156], deliveryRate: ['u64', 160], busyTime: ['u64', 168], rwndLimited: ['u64', 176],
  sndbufLimited: ['u64', 184], delivered: ['u32', 192], deliveredCe: ['u32', 196], bytesSent: ['u64', 200],
  bytesRetrans: ['u64', 208], dsackDups: ['u32', 216], reordSeen: ['u32', 220], rcvOoopack: ['u32', 224], sndWnd: ['u32', 228],
  rcvWnd: ['u32', 232], rehash: ['u32', 236], totalRto: ['u16', 240], totalRtoRecoveries: ['u16', 242], totalRtoTime: ['u32', 244],
});

/** getsockopt(2) of a struct option, decoded (a short answer is zero-padded). */
function getter<F extends Record<string, FieldSpec>>(layout: Layout<F>): (fd: number, level: number, name: number) => StructOf<F> {
  return (fd, level, name) => {
    const got = getsockoptBuffer(fd, level, name, layout.size);
    const b = Buffer.alloc(layout.size);
    got.copy(b);
    return layout.decode(b);
  };
}

/** setsockopt(2) of a struct option. */
function setter<F extends Record<string, FieldSpec>>(layout: Layout<F>): (fd: number, level: number, name: number, value: StructInput<F>) => void {
  return (fd, level, name, value) => setsockopt(fd, level, name, layout.encode(value));
}

export const getsockoptLinger = getter(LINGER);
export const setsockoptLinger = setter(LINGER);
export const getsockoptUcred = getter(UCRED);
export const getsockoptIPMreq = getter(IP_MREQ);
export const setsockoptIPMreq = setter(IP_MREQ);
export const getsockoptIPMreqn = getter(IP_MREQN);
export const setsockoptIPMreqn = setter(IP_MREQN);
export const getsockoptIPv6Mreq = getter(IPV6_MREQ);
export const setsockoptIPv6Mreq = setter(IPV6_MREQ);
export const getsockoptTimeval = getter(SOCK_TIMEVAL);
export const setsockoptTimeval = setter(SOCK_TIMEVAL);
export const getsockoptIPv6MTUInfo = getter(IPV6_MTUINFO);
export const getsockoptICMPv6Filter = getter(ICMPV6_FILTER);
export const setsockoptICMPv6Filter = setter(ICMPV6_FILTER);
export const getsockoptTpacketStats = getter(TPACKET_STATS);
export const getsockoptTpacketStatsV3 = getter(TPACKET_STATS_V3);
export const getsockoptTCPInfo = getter(TCP_INFO_LAYOUT);
export const getsockoptTCPCCVegasInfo = getter(TCP_VEGAS_INFO);
export const getsockoptTCPCCDCTCPInfo = getter(TCP_DCTCP_INFO);
export const getsockoptTCPCCBBRInfo = getter(TCP_BBR_INFO);
export const setsockoptPacketMreq = setter(PACKET_MREQ);
export const setsockoptTpacketReq = setter(TPACKET_REQ);
export const setsockoptTpacketReq3 = setter(TPACKET_REQ3);
export const setsockoptTCPMD5Sig = setter(TCP_MD5SIG_LAYOUT);

/** SetsockoptTCPRepairOpt: an array of {code, val}. */
export function setsockoptTCPRepairOpt(fd: number, level: number, name: number, opts: readonly { code: number; val: number }[]): void {
  const list = arrayArg<{ code: number; val: number }>(opts, 'opts');
  setsockopt(fd, level, name, Buffer.concat(list.map((o) => TCP_REPAIR_OPT.encode(o))));
}

/** SetsockoptCanRawFilter: CAN_RAW_FILTER's array of {id, mask}. */
export function setsockoptCanRawFilter(fd: number, level: number, name: number, filters: readonly { id: number; mask: number }[]): void {
  const list = arrayArg<{ id: number; mask: number }>(filters, 'filters');
  const b = Buffer.alloc(list.length * 8);
  list.forEach((f, i) => {
    b.writeUInt32LE(f.id >>> 0, i * 8);
    b.writeUInt32LE(f.mask >>> 0, i * 8 + 4);
  });
  setsockopt(fd, level, name, b);
}

/** SetsockoptSockFprog: a classic BPF program (SO_ATTACH_FILTER): {code, jt, jf, k} instructions. */
export function setsockoptSockFprog(fd: number, level: number, name: number, prog: readonly { code: number; jt: number; jf: number; k: number }[]): void {
  const list = arrayArg<{ code: number; jt: number; jf: number; k: number }>(prog, 'prog');
  const insns = Buffer.alloc(Math.max(list.length, 1) * 8);
  list.forEach((p, i) => {
    insns.writeUInt16LE(p.code, i * 8);
    insns.writeUInt8(p.jt, i * 8 + 2);
    insns.writeUInt8(p.jf, i * 8 + 3);
    insns.writeUInt32LE(p.k >>> 0, i * 8 + 4);
  });
  const fprog = Buffer.alloc(16);
  fprog.writeUInt16LE(list.length, 0);
  fprog.writeBigUInt64LE(addressOf(insns), 8);
  sys('setsockopt', [fdArg(fd), i32Arg(level, 'level'), i32Arg(name, 'name'), addressOf(fprog), 16], [fprog, insns]);
}

/** GetsockoptInt is getsockopt; these read the other scalar shapes. */
export const getsockoptByte = (fd: number, level: number, name: number): number => getsockoptBuffer(fd, level, name, 1)[0] ?? 0;
export const getsockoptUint64 = (fd: number, level: number, name: number): bigint => {
  const b = Buffer.alloc(8);
  getsockoptBuffer(fd, level, name, 8).copy(b);
  return b.readBigUInt64LE(0);
};
export const getsockoptString = (fd: number, level: number, name: number, size = 256): string => {
  const b = getsockoptBuffer(fd, level, name, size);
  const nul = b.indexOf(0);
  return b.toString('utf8', 0, nul === -1 ? b.length : nul);
};
export const getsockoptInet4Addr = (fd: number, level: number, name: number): string => {
  const b = Buffer.alloc(4);
  getsockoptBuffer(fd, level, name, 4).copy(b);
  return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
};
export const setsockoptByte = (fd: number, level: number, name: number, value: number): void => setsockopt(fd, level, name, Buffer.from([value & 0xff]));
export const setsockoptUint64 = (fd: number, level: number, name: number, value: bigint | number): void => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt.asUintN(64, BigInt(value)));
  setsockopt(fd, level, name, b);
};
export const setsockoptString = (fd: number, level: number, name: number, value: string): void => setsockopt(fd, level, name, Buffer.from(value, 'utf8'));
export const setsockoptInet4Addr = (fd: number, level: number, name: number, addr: string): void =>
  setsockopt(fd, level, name, IP_MREQ.encode({ multiaddr: addr }).subarray(0, 4));

/** BindToDevice: SO_BINDTODEVICE with an interface name ('' unbinds). */
export const bindToDevice = (fd: number, ifname: string): void => setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, Buffer.from(ifname, 'utf8'));
