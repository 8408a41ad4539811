/**
 * Unit tests of the rtnetlink link decoders (netlink_link.ts) on fake tracee memory, for the forms a
 * live run cannot easily make: attributes cut short by unreadable memory, -X styles of nested
 * values. The expected lines are strace 6.1's, from its own test suite's expectations.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { netlinkV } from '../../src/decode/netlink.js';
import type { Ctx } from '../../src/decode/types.js';
import { defaultTextOptions, formatValue } from '../../src/render/strace.js';
import { FakeMemory, bytes, cat, FAKE_HOST } from '../helpers/decode.js';

const A = 0x10000n;
const ctx = (m: FakeMemory, opt: Partial<Ctx['opt']> = {}): Ctx => ({
  pid: 1, nr: 44, name: 'sendto', args: [3n, A, 0n, 0n, 0n, 0n], mem: m,
  opt: { strsize: 32, abbrev: true, verbose: true, ...opt }, rval: 0n, err: 0, state: {}, host: FAKE_HOST,
});
/** An RTM_GETLINK dump request of `len` bytes in all, for a loopback of family `family`. */
const getlink = (len: number, family: number): Uint8Array => cat(
  bytes([4, len], [2, 18], [2, 0x300], [4, 0], [4, 0]),
  bytes([1, family], [1, 0], [2, 772], [4, 1], [4, 0], [4, 0]),
);
const HEAD = (len: number, family: string): string =>
  `{nlmsg_len=${len}, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, ` +
  `{ifi_family=${family}, ifi_type=ARPHRD_LOOPBACK, ifi_index=if_nametoindex("lo"), ifi_flags=0, ifi_change=0}`;

test('IFLA_AF_SPEC: an IPv6 configuration array running into unreadable memory', () => {
  const m = new FakeMemory();
  // IFLA_AF_SPEC { AF_INET6 { IFLA_INET6_CONF: two ints, the second unreadable } }
  const msg = cat(getlink(52, 0), bytes([2, 20], [2, 26], [2, 16], [2, 10], [2, 12], [2, 2], [4, -559038242]));
  m.put(A, msg);
  assert.equal(formatValue(netlinkV(ctx(m), 0, A, 52n)),
    `[${HEAD(52, 'AF_UNSPEC')}, [{nla_len=20, nla_type=IFLA_AF_SPEC}, [{nla_len=16, nla_type=AF_INET6}, ` +
    `[{nla_len=12, nla_type=IFLA_INET6_CONF}, [[DEVCONF_FORWARDING]=-559038242, ... /* 0x10030 */]]]]]`);
});

test('IFLA_PROTINFO of a bridge port: -X raw and -X verbose forms of timers and bridge ids', () => {
  const m = new FakeMemory();
  // IFLA_PROTINFO { IFLA_BRPORT_ROOT_ID {prio 0x80 0, 02:42:ac:11:00:02}, IFLA_BRPORT_HOLD_TIMER 250 }
  const msg = cat(getlink(60, 7), bytes([2, 28], [2, 12], [2, 12], [2, 13]),
    Uint8Array.from([0x80, 0, 2, 0x42, 0xac, 0x11, 0, 2]), bytes([2, 12], [2, 23], [8, 250]));
  m.put(A, msg);
  const attrs = (root: string, timer: string): string =>
    `[{nla_len=28, nla_type=IFLA_PROTINFO}, [[{nla_len=12, nla_type=IFLA_BRPORT_ROOT_ID}, ${root}], ` +
    `[{nla_len=12, nla_type=IFLA_BRPORT_HOLD_TIMER}, ${timer}]]]`;
  assert.equal(formatValue(netlinkV(ctx(m), 0, A, 60n)),
    `[${HEAD(60, 'AF_BRIDGE')}, ${attrs('{prio=[128, 0], addr=02:42:ac:11:00:02}', '250 /* 2.50 s */')}]`);
  const raw = formatValue(netlinkV(ctx(m), 0, A, 60n), { ...defaultTextOptions, xlat: 'raw' });
  assert.ok(raw.endsWith('{prio=[128, 0], addr="\\x02\\x42\\xac\\x11\\x00\\x02"}], [{nla_len=12, nla_type=0x17}, 250]]]]'), raw);
  const verbose = formatValue(netlinkV(ctx(m), 0, A, 60n), { ...defaultTextOptions, xlat: 'verbose' });
  assert.ok(verbose.endsWith('addr="\\x02\\x42\\xac\\x11\\x00\\x02" /* 02:42:ac:11:00:02 */}], ' +
    '[{nla_len=12, nla_type=0x17 /* IFLA_BRPORT_HOLD_TIMER */}, 250 /* 2.50 s */]]]]'), verbose);
});

test('RTM_GETSTATS: a short if_stats_msg, and its padding when not zero', () => {
  const m = new FakeMemory();
  m.put(A, cat(bytes([4, 24], [2, 94], [2, 0x300], [4, 0], [4, 0]), bytes([1, 1], [1, 0], [2, 0], [4, 0])));
  assert.equal(formatValue(netlinkV(ctx(m), 0, A, 24n)),
    '[{nlmsg_len=24, nlmsg_type=RTM_GETSTATS, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {family=AF_UNIX, ...}]');
  m.put(0x20000n, cat(bytes([4, 28], [2, 94], [2, 0x300], [4, 0], [4, 0]), bytes([1, 1], [1, 0xab], [2, 0xcd], [4, 1], [4, 0x40])));
  assert.equal(formatValue(netlinkV(ctx(m), 0, 0x20000n, 28n)),
    '[{nlmsg_len=28, nlmsg_type=RTM_GETSTATS, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, ' +
    '{family=AF_UNIX, pad1=0xab, pad2=0xcd, ifindex=if_nametoindex("lo"), filter_mask=0x40 /* 1<<IFLA_STATS_??? */}]');
});
