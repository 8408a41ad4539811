/**
 * The host's facts reach decoders only through Ctx.host (the tracer's answers): what each one
 * changes in a line, and the line strace prints when its own asking fails, which is what a
 * decoder prints without a host (replay, tests, --describe).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { decoders as netDecoders } from '../../src/decode/net.js';
import { decoders as miscDecoders } from '../../src/decode/misc.js';
import { decoders as signalDecoders } from '../../src/decode/signal.js';
import { decoders as bpfDecoders } from '../../src/decode/bpf.js';
import type { HostFacts, SyscallDecoder } from '../../src/decode/types.js';
import { NATIVE_ABI } from '../../src/arch/index.js';
import { FakeMemory, FAKE_HOST, lineMaker, bytes, cat } from '../helpers/decode.js';

const ALL: Record<string, SyscallDecoder> = { ...netDecoders, ...miscDecoders, ...signalDecoders, ...bpfDecoders };
const line = lineMaker(ALL, () => new FakeMemory());
const A = 0x10000n;
const host = (facts: Partial<HostFacts>): HostFacts => ({ ...FAKE_HOST, ...facts });

test('ifindex fields: the interface the host names, the number without a host', () => {
  const m = new FakeMemory();
  // struct sockaddr_ll: family, protocol, ifindex 7, hatype, pkttype, halen, addr
  m.put(A, cat(bytes([2, 17], [2, 0], [4, 7], [2, 1], [1, 0], [1, 0]), new Uint8Array(8)));
  const call = { args: [4, A, 20], mem: m };
  const head = 'bind(4, {sa_family=AF_PACKET, sll_protocol=htons(0 /* ETH_P_??? */), sll_ifindex=';
  const tail = ', sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_HOST, sll_halen=0}, 20) = 0';
  assert.equal(line('bind', { ...call, host: host({ ifname: (i) => (i === 7 ? 'eth7' : undefined) }) }), `${head}if_nametoindex("eth7")${tail}`);
  assert.equal(line('bind', call), `${head}7${tail}`);
  assert.equal(line('bind', { ...call, host: null }), `${head}7${tail}`);
});

test('sched_getaffinity: as much of the mask as the possible CPUs need, 128 bytes without a host', () => {
  const m = new FakeMemory();
  const mask = new Uint8Array(512);
  mask[0] = 1;
  mask[1500 >> 3] = 1 << (1500 & 7);
  m.put(A, mask);
  const call = { args: [0, 512, A], mem: m, rval: 512 };
  assert.equal(line('sched_getaffinity', { ...call, host: host({ possibleCpus: () => 2048 }) }), 'sched_getaffinity(0, 512, [0 1500 ...]) = 512');
  assert.equal(line('sched_getaffinity', { ...call, host: host({ possibleCpus: () => 1024 }) }), 'sched_getaffinity(0, 512, [0 ...]) = 512');
  assert.equal(line('sched_getaffinity', { ...call, host: null }), 'sched_getaffinity(0, 512, [0 ...]) = 512');
});

test('msg_control: read up to the host\'s optmem_max rounded up to 8, its default without a host', () => {
  const m = new FakeMemory();
  m.put(A, bytes([8, 0], [4, 0], [4, 0], [8, 0], [8, 0], [8, A + 0x100n], [8, 44], [4, 0], [4, 0]));
  // two SCM_RIGHTS messages of one fd each
  m.put(A + 0x100n, bytes([8, 20], [4, 1], [4, 1], [4, 5], [4, 0], [8, 20], [4, 1], [4, 1], [4, 6], [4, 0]));
  const call = { args: [3, A, 0], mem: m, rval: 0 };
  const head = 'sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5]}, ';
  const tail = '], msg_controllen=44, msg_flags=0}, 0) = 0';
  assert.equal(line('sendmsg', { ...call, host: host({ optmemMax: () => 17 }) }), `${head}...${tail}`);
  const both = `${head}{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[6]}${tail}`;
  assert.equal(line('sendmsg', { ...call, host: host({ optmemMax: () => 44 }) }), both);
  assert.equal(line('sendmsg', { ...call, host: null }), both);
});

test('rt_sigreturn: the mask in the frame at the stack pointer, nothing without the registers', () => {
  const m = new FakeMemory();
  const sp = 0x7000n;
  m.put(sp + NATIVE_ABI.sigmaskOffset, bytes([8, 1n << 9n]));
  assert.equal(line('rt_sigreturn', { args: [], mem: m, host: host({ stackPointer: () => sp }) }), 'rt_sigreturn({mask=[USR1]}) = 0');
  assert.equal(line('rt_sigreturn', { args: [], mem: m, host: null }), 'rt_sigreturn() = 0');
});

test('sendto on a netlink socket: messages of the protocol the host names, bytes without a host', () => {
  const m = new FakeMemory();
  // struct nlmsghdr + struct rtgenmsg: RTM_GETLINK, NLM_F_REQUEST|NLM_F_DUMP
  m.put(A, bytes([4, 20], [2, 18], [2, 0x301], [4, 1], [4, 0], [1, 0], [1, 0], [2, 0]));
  const call = { args: [3, A, 20, 0, 0, 0], mem: m, rval: 20 };
  assert.equal(line('sendto', { ...call, host: host({ netlinkProtocol: () => 0 }) }),
    'sendto(3, [{nlmsg_len=20, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ...}], 20, 0, NULL, 0) = 20');
  assert.equal(line('sendto', { ...call, host: host({ netlinkProtocol: () => 'unknown' }) }),
    'sendto(3, [{nlmsg_len=20, nlmsg_type=0x12 /* NLMSG_??? */, nlmsg_flags=NLM_F_REQUEST|0x300, nlmsg_seq=1, nlmsg_pid=0}, "\\x00\\x00\\x00\\x00"], 20, 0, NULL, 0) = 20');
  const bytesLine = 'sendto(3, "\\24\\0\\0\\0\\22\\0\\1\\3\\1\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0", 20, 0, NULL, 0) = 20';
  assert.equal(line('sendto', { ...call, host: host({ netlinkProtocol: () => undefined }) }), bytesLine);
  assert.equal(line('sendto', { ...call, host: null }), bytesLine);
});

test('BPF_OBJ_GET_INFO_BY_FD with -v: the map info when the fd\'s link names a map, the address else', () => {
  const m = new FakeMemory();
  m.put(A, bytes([4, 3], [4, 24], [8, A + 0x100n]));
  m.put(A + 0x100n, bytes([4, 1], [4, 9], [4, 4], [4, 8], [4, 16], [4, 0]));
  const call = { args: [15, A, 16], mem: m, opt: { abbrev: false } };
  assert.equal(line('bpf', { ...call, host: host({ fdLink: (fd) => (fd === 3 ? 'anon_inode:bpf-map' : undefined) }) }),
    'bpf(BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=3, info_len=24, info={type=BPF_MAP_TYPE_HASH, id=9, key_size=4, value_size=8, max_entries=16, map_flags=0}}}, 16) = 0');
  const bare = 'bpf(BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=3, info_len=24, info=0x10100}}, 16) = 0';
  assert.equal(line('bpf', { ...call, host: host({ fdLink: () => 'anon_inode:[eventfd]' }) }), bare);
  assert.equal(line('bpf', { ...call, host: null }), bare);
});
