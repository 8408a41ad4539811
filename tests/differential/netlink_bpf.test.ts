/**
 * Differential tests for the netlink families other than route and for bpf's OBJ_GET_INFO_BY_FD,
 * as strace 6.1's own test suite found them (issue 18): each fixture is traced by /usr/bin/strace
 * and by sysray.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare, diffReport } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';

const noCc = !haveCc() && 'no cc';

/**
 * Trace fixture `name` with both tracers and compare the lines after `fix` (what differs between
 * two runs); `expect` is a line strace must print (the fixture ran).
 */
function same(name: string, opts: string[], expect: RegExp, fix = (l: string): string => l): void {
  const c = compare([fixture(name)], opts, scratch());
  const [a, b] = [c.strace.map(fix), c.sysray.map(fix)];
  assert.ok(a.some((l) => expect.test(l)), `strace printed ${expect}`);
  const at = a.findIndex((l, i) => l !== b[i]);
  assert.ok(at < 0 && a.length === b.length, `first difference at line ${at + 1}:\n${diffReport({ ...c, strace: a, sysray: b })}`);
}

test('sock_diag of AF_NETLINK, AF_PACKET, AF_SMC and old inet requests; netfilter, SELinux, uevents', { skip: noCc }, () => {
  for (const x of [[], ['-v'], ['-X', 'raw'], ['-X', 'verbose']])
    same('parity_nl_families', [...x, '-e', 'trace=sendto'], /, sdiag_protocol=(NDIAG_PROTO_ALL|0xff)\b/);
});

test('netlink attributes of sock_diag: bytecode, SMC link groups, packet filters, groups bitmaps', { skip: noCc }, () => {
  same('parity_nl_families', ['-e', 'trace=sendto'],
    /\{code=INET_DIAG_BC_S_COND, yes=4, no=24\}, \{family=AF_INET6, prefix_len=128, port=80, inet_pton\(AF_INET6, "::1", &addr\)\}/);
});

test('NETLINK_GENERIC types: the family names the kernel reports (nlctrl), GENERIC_FAMILY_??? else', { skip: noCc }, () => {
  for (const x of [[], ['-X', 'raw'], ['-X', 'verbose']])
    same('parity_nl_families', [...x, '-e', 'trace=sendto'], /^sendto\(3, \[\{nlmsg_len=20, nlmsg_type=(nlctrl|0x10|0x10 \/\* nlctrl \*\/), /);
});

test('inet_diag_msg attributes: nested ULP and BPF storage info, MD5 keys, socket options and their tail', { skip: noCc }, () => {
  same('parity_nl_families', ['-e', 'trace=sendto'],
    /\[\{nla_len=20, nla_type=INET_ULP_INFO_TLS\}, \[\[\{nla_len=6, nla_type=TLS_INFO_VERSION\}, TLS_1_3_VERSION\], .*\{recverr=1, freebind=1\}, \/\* bytes 2\.\.3 \*\/ "\\x00\\xff"\]/);
});

test('BPF_OBJ_GET_INFO_BY_FD: info_len as changed; with -v the map and program info', { skip: noCc }, () => {
  // ids count up from run to run, and a program's load time is the boot-time clock
  const fix = (l: string): string => l.replace(/\bid=\d+/g, 'id=N').replace(/load_time=\d+/, 'load_time=N');
  for (const x of [[], ['-v'], ['-y']])
    same('parity_bpf_info', [...x, '-e', 'trace=bpf'], /^bpf\(BPF_OBJ_GET_INFO_BY_FD, \{info=\{bpf_fd=-1, info_len=3735928559, info=0xADDR\}\}, 16\)/, fix);
  same('parity_bpf_info', ['-v', '-e', 'trace=bpf'], /info=\{type=BPF_PROG_TYPE_SOCKET_FILTER, id=N, .* name="parity_prog", /, fix);
});
