/**
 * Unit tests of the network decoders on fake tracee memory: each case builds the memory and raw
 * arguments of one call and asserts the exact line strace 6.1 printed for it in a live run.
 * (Interface names come from the helpers' fake host: lo is index 1, as everywhere.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { decoders as netDecoders } from '../../src/decode/net.js';
import { netlinkV } from '../../src/decode/netlink.js';
import { decoders as ioctlDecoders } from '../../src/decode/ioctl.js';
import type { Ctx, SyscallDecoder } from '../../src/decode/types.js';
import { formatValue } from '../../src/render/strace.js';
import { FakeMemory, lineMaker, bytes, cat, FAKE_HOST } from '../helpers/decode.js';

const ALL: Record<string, SyscallDecoder> = { ...netDecoders, ...ioctlDecoders };
const line = lineMaker(ALL, () => new FakeMemory());

const pad = (b: Uint8Array, size: number): Uint8Array => cat(b, new Uint8Array(size - b.length));
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const A = 0x10000n;

/** struct sockaddr_ll: family, protocol (network order), ifindex, hatype, pkttype, halen, addr[8]. */
const sll = (proto: number, ifindex: number, hatype: number, pkttype: number, halen: number, addr: number[]): Uint8Array =>
  cat(bytes([2, 17], [1, proto >> 8], [1, proto & 0xff], [4, ifindex], [2, hatype], [1, pkttype], [1, halen]), pad(Uint8Array.from(addr), 8));

test('AF_PACKET addresses: ARPHRD_NETROM for 0, sll_addr only when sll_halen is set', () => {
  const m = new FakeMemory();
  m.put(A, sll(0x86dd, 1, 0, 0, 0, []));
  assert.equal(line('bind', { args: [4, A, 20], mem: m }),
    'bind(4, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_IPV6), sll_ifindex=if_nametoindex("lo"), sll_hatype=ARPHRD_NETROM, sll_pkttype=PACKET_HOST, sll_halen=0}, 20) = 0');
  const m2 = new FakeMemory();
  m2.put(A, sll(0x0806, 1, 1, 1, 6, [1, 2, 3, 0xaa, 0xbb, 0xcc]));
  assert.equal(line('connect', { args: [4, A, 20], mem: m2, err: 95 }),
    'connect(4, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ARP), sll_ifindex=if_nametoindex("lo"), sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_BROADCAST, sll_halen=6, sll_addr=[0x1, 0x2, 0x3, 0xaa, 0xbb, 0xcc]}, 20) = -1 EOPNOTSUPP (Operation not supported)');
});

/** struct ifreq: the name, then the union at offset 16. */
const ifreq = (name: string, union: Uint8Array): Uint8Array => cat(pad(enc(name), 16), pad(union, 24));

test('socket ioctls: ifreq requests, SIOCGIFNAME by index, SIOCGIFCONF', () => {
  const m = new FakeMemory();
  m.put(A, ifreq('lo', bytes([4, 1])));
  assert.equal(line('ioctl', { args: [3, 0x8933, A], mem: m }), 'ioctl(3, SIOCGIFINDEX, {ifr_name="lo", ifr_ifindex=1}) = 0');
  assert.equal(line('ioctl', { args: [3, 0x8910, A], mem: m }), 'ioctl(3, SIOCGIFNAME, {ifr_ifindex=1, ifr_name="lo"}) = 0');
  const m2 = new FakeMemory();
  m2.put(A, ifreq('', bytes([4, 77])));
  assert.equal(line('ioctl', { args: [3, 0x8910, A], mem: m2, err: 19 }), 'ioctl(3, SIOCGIFNAME, {ifr_ifindex=77}) = -1 ENODEV (No such device)');
  const m3 = new FakeMemory();
  m3.put(A, ifreq('lo', bytes([2, 772])));
  assert.equal(line('ioctl', { args: [3, 0x8927, A], mem: m3 }),
    'ioctl(3, SIOCGIFHWADDR, {ifr_name="lo", ifr_hwaddr={sa_family=ARPHRD_LOOPBACK, sa_data=00:00:00:00:00:00}}) = 0');
  const m4 = new FakeMemory();
  m4.put(A, ifreq('lo', bytes([2, 9])));
  assert.equal(line('ioctl', { args: [3, 0x8914, A], mem: m4 }), 'ioctl(3, SIOCSIFFLAGS, {ifr_name="lo", ifr_flags=IFF_UP|IFF_LOOPBACK}) = 0');
  assert.equal(line('ioctl', { args: [3, 0x8914, 1] }), 'ioctl(3, SIOCSIFFLAGS, 0x1) = 0');

  // SIOCGIFCONF: the length in and out, then the entries
  const ifc = 0x20000n;
  const bufp = 0x30000n;
  const mem = new FakeMemory();
  const conf = new Uint8Array(16);
  mem.put(ifc, conf);
  mem.put(bufp, ifreq('lo', bytes([2, 2], [2, 0], [1, 127], [1, 0], [1, 0], [1, 1])));
  const dec = ALL.ioctl!;
  const c: Ctx = {
    pid: 1, nr: 16, name: 'ioctl', args: [3n, 0x8912n, ifc, 0n, 0n, 0n], mem,
    opt: { strsize: 32, abbrev: true, verbose: true }, rval: 0n, err: 0, state: {}, host: FAKE_HOST,
  };
  new DataView(conf.buffer).setInt32(0, 160, true);
  new DataView(conf.buffer).setBigUint64(8, bufp, true);
  const entry = dec.entry(c);
  new DataView(conf.buffer).setInt32(0, 40, true); // the kernel writes the length it used
  const exit = dec.exit!(c);
  assert.equal([...entry, ...exit].map((v) => formatValue(v)).join(', '),
    '3, SIOCGIFCONF, {ifc_len=160 /* 4 * sizeof(struct ifreq) */ => 40 /* 1 * sizeof(struct ifreq) */, ifc_buf=[{ifr_name="lo", ifr_addr={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("127.0.0.1")}}]}');
});

test('socket options: ICMP_FILTER, MCAST_JOIN_GROUP, packet_mreq, socket filters with -v', () => {
  const m = new FakeMemory();
  m.put(A, bytes([4, ~0b1001 >>> 0]));
  assert.equal(line('setsockopt', { args: [3, 255, 1, A, 4], mem: m }), 'setsockopt(3, SOL_RAW, ICMP_FILTER, ~[ICMP_ECHOREPLY ICMP_DEST_UNREACH], 4) = 0');
  const g = new FakeMemory();
  g.put(A, pad(cat(bytes([4, 1], [4, 0], [2, 2], [2, 0]), Uint8Array.from([224, 0, 0, 252])), 136));
  assert.equal(line('setsockopt', { args: [3, 0, 42, A, 136], mem: g }),
    'setsockopt(3, SOL_IP, MCAST_JOIN_GROUP, {gr_interface=if_nametoindex("lo"), gr_group={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("224.0.0.252")}}, 136) = 0');
  const p = new FakeMemory();
  p.put(A, cat(bytes([4, 1], [2, 0], [2, 6]), Uint8Array.from([1, 0, 0x5e, 0, 0, 0xfb, 0, 0])));
  assert.equal(line('setsockopt', { args: [4, 263, 2, A, 16], mem: p }),
    'setsockopt(4, SOL_PACKET, PACKET_DROP_MEMBERSHIP, {mr_ifindex=if_nametoindex("lo"), mr_type=PACKET_MR_MULTICAST, mr_alen=6, mr_address=01:00:5e:00:00:fb}, 16) = 0');
  const f = new FakeMemory();
  f.put(A, bytes([2, 2], [2, 0], [4, 0], [8, 0x20000]));
  f.put(0x20000n, bytes([2, 0x20], [1, 0], [1, 0], [4, 0xfffff000], [2, 0x15], [1, 0], [1, 2], [4, 0x800]));
  assert.equal(line('setsockopt', { args: [3, 1, 26, A, 16], mem: f, opt: { abbrev: false } }),
    'setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, {len=2, filter=[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, SKF_AD_OFF+SKF_AD_PROTOCOL), BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x800, 0, 0x2)]}, 16) = 0');
  assert.equal(line('setsockopt', { args: [3, 1, 26, A, 16], mem: f }), 'setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, {len=2, filter=0x20000}, 16) = 0');
});

test('NETLINK_ROUTE link messages: ifinfomsg and IFLA_* attributes', () => {
  const m = new FakeMemory();
  const msg = cat(
    bytes([4, 40], [2, 18], [2, 0x301], [4, 1795786389], [4, 0]),
    bytes([1, 17], [1, 0], [2, 0], [4, 0], [4, 0], [4, 0]),
    bytes([2, 8], [2, 29], [4, 1]),
  );
  m.put(A, msg);
  const c: Ctx = {
    pid: 1, nr: 44, name: 'sendto', args: [3n, A, 40n, 0n, 0n, 0n], mem: m,
    opt: { strsize: 32, abbrev: true, verbose: true }, rval: 0n, err: 0, state: {}, host: FAKE_HOST,
  };
  assert.equal(formatValue(netlinkV(c, 0, A, 40n)),
    '[{nlmsg_len=40, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1795786389, nlmsg_pid=0}, {ifi_family=AF_PACKET, ifi_type=ARPHRD_NETROM, ifi_index=0, ifi_flags=0, ifi_change=0}, [{nla_len=8, nla_type=IFLA_EXT_MASK}, RTEXT_FILTER_VF]]');
  // a short ifinfomsg, and a netlink socket of unknown protocol (generic types only)
  const short = cat(bytes([4, 20], [2, 18], [2, 0x301], [4, 1795786279], [4, 0]), bytes([1, 0], [1, 0], [2, 0]));
  m.put(0x20000n, short);
  assert.equal(formatValue(netlinkV(c, 0, 0x20000n, 20n)),
    '{nlmsg_len=20, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1795786279, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ...}'
      .replace(/^(.*)$/, '[$1]'));
  assert.equal(formatValue(netlinkV(c, -1, A, 40n)),
    '[{nlmsg_len=40, nlmsg_type=0x12 /* NLMSG_??? */, nlmsg_flags=NLM_F_REQUEST|0x300, nlmsg_seq=1795786389, nlmsg_pid=0}, "\\x11\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x08\\x00\\x1d\\x00\\x01\\x00\\x00\\x00"]');
});

test('NETLINK_ROUTE route messages: rtmsg and RTA_* attributes', () => {
  const m = new FakeMemory();
  m.put(A, cat(
    bytes([4, 36], [2, 26], [2, 0x301], [4, 1795787472], [4, 0]),
    bytes([1, 2], [1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [4, 0]),
    bytes([2, 8], [2, 15], [4, 254]),
  ));
  const c: Ctx = {
    pid: 1, nr: 44, name: 'sendto', args: [3n, A, 36n, 0n, 0n, 0n], mem: m,
    opt: { strsize: 32, abbrev: true, verbose: true }, rval: 0n, err: 0, state: {}, host: FAKE_HOST,
  };
  assert.equal(formatValue(netlinkV(c, 0, A, 36n)),
    '[{nlmsg_len=36, nlmsg_type=RTM_GETROUTE, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1795787472, nlmsg_pid=0}, {rtm_family=AF_INET, rtm_dst_len=0, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_UNSPEC, rtm_protocol=RTPROT_UNSPEC, rtm_scope=RT_SCOPE_UNIVERSE, rtm_type=RTN_UNSPEC, rtm_flags=0}, [{nla_len=8, nla_type=RTA_TABLE}, RT_TABLE_MAIN]]');
});

test('NETLINK_SOCK_DIAG: inet_diag_req_v2', () => {
  const m = new FakeMemory();
  m.put(A, cat(
    bytes([4, 72], [2, 20], [2, 0x301], [4, 123456], [4, 0]),
    bytes([1, 2], [1, 6], [1, 0], [1, 0], [4, 0x480]), new Uint8Array(48),
  ));
  const c: Ctx = {
    pid: 1, nr: 46, name: 'sendmsg', args: [3n, A, 0n, 0n, 0n, 0n], mem: m,
    opt: { strsize: 32, abbrev: true, verbose: true }, rval: 0n, err: 0, state: {}, host: FAKE_HOST,
  };
  assert.equal(formatValue(netlinkV(c, 4, A, 72n)),
    '[{nlmsg_len=72, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=123456, nlmsg_pid=0}, {sdiag_family=AF_INET, sdiag_protocol=IPPROTO_TCP, idiag_ext=0, idiag_states=1<<TCP_CLOSE|1<<TCP_LISTEN, id={idiag_sport=htons(0), idiag_dport=htons(0), idiag_src=inet_addr("0.0.0.0"), idiag_dst=inet_addr("0.0.0.0"), idiag_if=0, idiag_cookie=[0, 0]}}]');
});

test('addresses with -X raw and -X verbose: bytes first, the readable form as a comment', () => {
  const m = new FakeMemory();
  m.put(A, cat(bytes([2, 10], [1, 0xb7], [1, 0x9c], [4, 0]), Uint8Array.from([0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]), bytes([4, 1])));
  const c: Ctx = {
    pid: 1, nr: 42, name: 'connect', args: [4n, A, 28n, 0n, 0n, 0n], mem: m,
    opt: { strsize: 32, abbrev: true, verbose: true }, rval: 0n, err: 0, state: {}, host: FAKE_HOST,
  };
  const addrArg = ALL.connect!.entry(c)[1]!;
  assert.equal(formatValue(addrArg, { acolumn: 40, xflag: 0, xlat: 'verbose' }),
    '{sa_family=0xa /* AF_INET6 */, sin6_port="\\xb7\\x9c" /* htons(47004) */, sin6_flowinfo="\\x00\\x00\\x00\\x00" /* htonl(0) */, sin6_addr="\\xfe\\x80\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x01" /* inet_pton(AF_INET6, "fe80::1") */, sin6_scope_id=1 /* if_nametoindex("lo") */}');
  assert.equal(formatValue(addrArg, { acolumn: 40, xflag: 0, xlat: 'raw' }),
    '{sa_family=0xa, sin6_port="\\xb7\\x9c", sin6_flowinfo="\\x00\\x00\\x00\\x00", sin6_addr="\\xfe\\x80\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x01", sin6_scope_id=1}');
  assert.equal(formatValue(addrArg),
    '{sa_family=AF_INET6, sin6_port=htons(47004), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "fe80::1", &sin6_addr), sin6_scope_id=if_nametoindex("lo")}');
});

test('SO_PEERCRED cut short by the length: the members that fit, then the cut one as bytes', () => {
  assert.equal(line('getsockopt', { args: [3, 1, 17, A, A + 0x100n], mem: lenAt(3) }),
    'getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid="\\x34\\x12\\x00"}, [3]) = 0');
  assert.equal(line('getsockopt', { args: [3, 1, 17, A, A + 0x100n], mem: lenAt(7) }),
    'getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=4660, uid="\\xe8\\x03\\x00"}, [7]) = 0');
  assert.equal(line('getsockopt', { args: [3, 1, 17, A, A + 0x100n], mem: lenAt(12) }),
    'getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=4660, uid=1000, gid=100}, [12]) = 0');
});

/** A struct ucred at A, and its length `len` at A + 0x100. */
function lenAt(len: number): FakeMemory {
  const m = new FakeMemory();
  m.put(A, bytes([4, 4660], [4, 1000], [4, 100]));
  m.put(A + 0x100n, bytes([4, len]));
  return m;
}

test('IP_RETOPTS control data: bytes cut after -s elements, as print_local_array cuts them', () => {
  const m = new FakeMemory();
  m.put(A, bytes([8, 0], [4, 0], [4, 0], [8, 0], [8, 0], [8, A + 0x100n], [8, 56], [4, 0], [4, 0]));
  m.put(A + 0x100n, cat(bytes([8, 49], [4, 0], [4, 7]), Uint8Array.from({ length: 40 }, (_, i) => 0x41 + i)));
  const data = Array.from({ length: 32 }, (_, i) => '0x' + (0x41 + i).toString(16)).join(', ');
  assert.equal(line('sendmsg', { args: [-1, A, 0], mem: m, err: 9 }),
    `sendmsg(-1, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, msg_control=[{cmsg_len=49, cmsg_level=SOL_IP, cmsg_type=IP_RETOPTS, cmsg_data=[${data}, ...]}], msg_controllen=56, msg_flags=0}, 0) = -1 EBADF (Bad file descriptor)`);
});
