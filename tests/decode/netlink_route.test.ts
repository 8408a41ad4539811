/**
 * Unit tests of the NETLINK_ROUTE decoders on fake tracee memory, for what a live comparison with
 * strace cannot show.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { netlinkV } from '../../src/decode/netlink.js';
import type { Ctx } from '../../src/decode/types.js';
import { formatValue } from '../../src/render/strace.js';
import { FakeMemory, bytes, cat } from '../helpers/decode.js';

const A = 0x10000n;

test('RTA_MULTIPATH: a struct rtnexthop of length 0 ends the walk (strace 6.1 loops on it forever)', () => {
  const m = new FakeMemory();
  m.put(A, cat(
    bytes([4, 40], [2, 26], [2, 0x301], [4, 7], [4, 0]),
    bytes([1, 2], [1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [4, 0]),
    bytes([2, 12], [2, 9]),
    bytes([2, 0], [1, 0], [1, 0], [4, 0]),
  ));
  const c: Ctx = {
    pid: 1, nr: 44, name: 'sendto', args: [3n, A, 40n, 0n, 0n, 0n], mem: m,
    opt: { strsize: 32, abbrev: true, verbose: true }, rval: 0n, err: 0, state: {},
  };
  assert.equal(formatValue(netlinkV(c, 0, A, 40n)),
    '[{nlmsg_len=40, nlmsg_type=RTM_GETROUTE, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=7, nlmsg_pid=0}, ' +
    '{rtm_family=AF_INET, rtm_dst_len=0, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_UNSPEC, rtm_protocol=RTPROT_UNSPEC, ' +
    'rtm_scope=RT_SCOPE_UNIVERSE, rtm_type=RTN_UNSPEC, rtm_flags=0}, [{nla_len=12, nla_type=RTA_MULTIPATH}, ' +
    '[{rtnh_len=0, rtnh_flags=0, rtnh_hops=0, rtnh_ifindex=0}]]]');
});
