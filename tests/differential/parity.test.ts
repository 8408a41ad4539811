/**
 * Differential tests for the differences strace 6.1's own test suite found (issue 18): each
 * fixture makes the calls of one cause, traced by /usr/bin/strace and by sysray.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare, diffReport } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';

const noCc = !haveCc() && 'no cc';

/** Trace fixture `name` with both tracers; `expect` is a line strace must print (the fixture ran). */
function same(name: string, opts: string[], expect: RegExp): void {
  const c = compare([fixture(name)], opts, scratch());
  assert.ok(c.strace.some((l) => expect.test(l)), `strace printed ${expect}`);
  assert.ok(c.ok, `first difference at line ${c.firstDiff}:\n${diffReport(c)}`);
}

test('a string running into an unmapped page prints as its address; paths stop at 4095 bytes', { skip: noCc }, () => {
  same('parity_strings', ['-e', 'trace=chdir,utimensat,delete_module'], /^chdir\("p{4095}"\.\.\.\)/);
});

test('-s 5: a short string read needs only the bytes shown, and one more', { skip: noCc }, () => {
  same('parity_strings', ['-s', '5', '-e', 'trace=chdir,utimensat,delete_module'], /^delete_module\("01234"\.\.\., 0\)/);
});

test('quotactl and futex numbers: %#x for an unknown 0, futex ops in 32 bits', { skip: noCc }, () => {
  for (const x of [[], ['-X', 'raw'], ['-X', 'verbose']])
    same('parity_values', [...x, '-e', 'trace=quotactl,futex'], /^quotactl\(/);
});

test('real-time clock ioctls: structs, [N] pointers, NULL, and no argument for RTC_AIE_OFF', { skip: noCc }, () => {
  for (const x of [[], ['-v'], ['-X', 'raw'], ['-X', 'verbose'], ['-e', 'inject=ioctl:retval=0'], ['-v', '-e', 'inject=ioctl:retval=0']])
    same('parity_rtc', [...x, '-e', 'trace=ioctl'], /^ioctl\(-1, (RTC_AIE_OFF|0x7002|0x7002 \/\* RTC_AIE_OFF \*\/)\) = /);
});

test('arch_prctl XCOMP masks: named bits once, XFEATURE_MASK_??? when none, no comment with -X raw', { skip: noCc }, () => {
  for (const [retval, x] of [['0x800', []], ['0x3', []], ['0x789abcde', ['-X', 'raw']], ['0', []], ['0', ['-X', 'raw']], ['0x3', ['-X', 'verbose']]] as const)
    same('parity_arch_prctl', [...x, '-e', `inject=arch_prctl:retval=${retval}:when=2+`, '-e', 'trace=arch_prctl'], /^arch_prctl\((ARCH_GET_XCOMP_SUPP|0x1021)/);
});

test('counter ioctls: struct counter_watch, NULL, and no argument for the event switches', { skip: noCc }, () => {
  for (const x of [[], ['-X', 'raw'], ['-X', 'verbose']])
    same('parity_counter', [...x, '-e', 'trace=ioctl'], /^ioctl\(-1, (COUNTER_ENABLE_EVENTS_IOCTL|0x3e01|0x3e01 \/\* COUNTER_ENABLE_EVENTS_IOCTL \*\/)\) = /);
});

test('watchdog, infrared and network block device ioctls: ints, values, flags, no argument', { skip: noCc }, () => {
  for (const x of [[], ['-X', 'raw'], ['-X', 'verbose'], ['-e', 'inject=ioctl:retval=0']])
    same('parity_devices', [...x, '-e', 'trace=ioctl'], /^ioctl\(-1, (NBD_DISCONNECT|0xab08|0xab08 \/\* NBD_DISCONNECT \*\/)\) = /);
});

test('prctl results named in an aux string: only when a bit has a name, never with -X raw', { skip: noCc }, () => {
  for (const [retval, x] of [['0x100', []], ['0x101', []], ['0x3', ['-X', 'raw']], ['0x10', ['-X', 'verbose']]] as const)
    same('parity_prctl', [...x, '-e', `inject=prctl:retval=${retval}`, '-e', 'trace=prctl'], /^prctl\((PR_GET_SECUREBITS|0x1b|0x1b \/\* PR_GET_SECUREBITS \*\/)\) = 0x\w+/);
});

test('HDIO_DRIVE_CMD: the command header at entry, status and sector data at exit (success or EIO)', { skip: noCc }, () => {
  for (const x of [[], ['-X', 'raw'], ['-e', 'inject=ioctl:retval=0'], ['-e', 'inject=ioctl:error=EIO'], ['-s', '8', '-e', 'inject=ioctl:retval=1']])
    same('parity_hdio', [...x, '-e', 'trace=ioctl'], /^ioctl\(-1, (HDIO_DRIVE_CMD|0x31f), \{command=/);
});

test('evdev ioctls: ints, structs, bit sets by name, slots, effects; failed and injected results', { skip: noCc }, () => {
  for (const x of [[], ['-v'], ['-X', 'raw'], ['-X', 'verbose'], ['-e', 'inject=ioctl:retval=8'], ['-v', '-X', 'verbose', '-e', 'inject=ioctl:retval=12'],
    ['-e', 'inject=ioctl:retval=100']])
    same('parity_evdev', [...x, '-e', 'trace=ioctl'], /^ioctl\(-1, (EVIOCGRAB|0x\w+|0x\w+ \/\* EVIOCGRAB \*\/), 1\) = /);
});

test('GPIO ioctls: requests at entry, ` => ` and what the kernel filled in on success', { skip: noCc }, () => {
  for (const x of [[], ['-X', 'verbose'], ['-s', '2', '-e', 'inject=ioctl:retval=0'], ['-e', 'inject=ioctl:retval=0']])
    same('parity_gpio', [...x, '-e', 'trace=ioctl'], /^ioctl\(-1, (GPIO_V2_LINE_SET_VALUES_IOCTL|0x\w+ \/\* GPIO_V2_LINE_SET_VALUES_IOCTL \*\/), \{bits=0x5, mask=0xf\}\) = /);
});

test('PTP clock ioctls: structs completed at exit, dated samples (not with -X raw), raw without -v', { skip: noCc }, () => {
  for (const x of [[], ['-X', 'raw'], ['-e', 'inject=ioctl:retval=0'], ['-X', 'verbose', '-e', 'inject=ioctl:retval=0'], ['-e', 'verbose=none']])
    same('parity_ptp', [...x, '-e', 'trace=ioctl'], /^ioctl\(-1, (PTP_ENABLE_PPS|0x\w+|0x\w+ \/\* PTP_ENABLE_PPS \*\/), 0x1\) = /);
});

test('clone3 and io_uring_register: the bytes past the known struct, `???` when unreadable', { skip: noCc }, () => {
  for (const x of [[], ['-e', 'inject=clone3,io_uring_register:retval=42'], ['-s', '4']])
    same('parity_tails', [...x, '-e', 'trace=clone3,io_uring_register'], /^clone3\(\{.*, \?\?\?\}/);
});

test('memfd_create: a name read up to 250 bytes, so one ending at an unmapped page prints', { skip: noCc }, () => {
  for (const x of [[], ['-s', '256'], ['-s', '249']])
    same('parity_memfd', [...x, '-e', 'trace=memfd_create'], /^memfd_create\("abcd/);
});

test('struct sigevent: the 32 bytes strace decodes, so one ending at an unmapped page prints', { skip: noCc }, () => {
  same('parity_sigevent', ['-e', 'trace=mq_notify,timer_create'], /^mq_notify\(-1, \{sigev_value=/);
});

test('io_submit: aio_reqprio as a 16-bit priority (class from 3 bits)', { skip: noCc }, () => {
  for (const x of [[], ['-X', 'raw'], ['-X', 'verbose']])
    same('parity_aio', [...x, '-e', 'trace=io_submit'], /^io_submit\(NULL, 1, \[\{.*aio_reqprio=/);
});

test('SCM_RIGHTS: the descriptors cut at -s elements', { skip: noCc }, () => {
  for (const x of [[], ['-s', '8'], ['-v']])
    same('parity_scm_rights', [...x, '-e', 'trace=sendmsg'], /^sendmsg\(-1, \{.*cmsg_type=SCM_RIGHTS/);
});

test('PACKET_STATISTICS: a field cut short by the length prints its bytes', { skip: noCc }, () => {
  same('parity_tpacket_stats', ['-e', 'inject=getsockopt:retval=0', '-e', 'trace=getsockopt'], /tp_drops="\\xab/);
});

test('netlink message types and request flags of the netfilter, audit, xfrm, crypto and selinux families', { skip: noCc }, () => {
  for (const x of [[], ['-X', 'raw'], ['-X', 'verbose']])
    same('parity_nlmsg_types', [...x, '-e', 'trace=sendto'], /nlmsg_type=(NFNL_SUBSYS_ACCT<<8\|NFNL_MSG_ACCT_GET|0x7<<8\|0x1|0x7 \/\* NFNL_SUBSYS_ACCT \*\/<<8\|0x1 \/\* NFNL_MSG_ACCT_GET \*\/),/);
});

test('NETLINK_ROUTE headers: rtgenmsg, netconfmsg, dcbmsg and br_port_msg with their attributes', { skip: noCc }, () => {
  for (const x of [[], ['-X', 'verbose']])
    same('parity_rtnl_headers', [...x, '-e', 'trace=sendto'], /\{rtgen_family=(AF_UNSPEC|0 \/\* AF_UNSPEC \*\/)\}, \[\[\{nla_len=8, nla_type=/);
});

test('rtnetlink link attributes: nested kinds, XDP, VF info, per-family settings; RTM_GETSTATS', { skip: noCc }, () => {
  for (const x of [[], ['-X', 'raw'], ['-X', 'verbose'], ['-s', '2']])
    same('parity_rtnl_link', [...x, '-e', 'trace=sendto'], /nla_type=(IFLA_INFO_KIND|0x1 \/\* IFLA_INFO_KIND \*\/|0x1)\}, "br/);
});

test('NETLINK_ROUTE routes, rules, nexthops, neighbours, traffic control and mdb with their nested attributes', { skip: noCc }, () => {
  for (const x of [[], ['-X', 'raw'], ['-X', 'verbose']])
    same('parity_rtnl_messages', [...x, '-e', 'trace=sendto'], /\[\{nla_len=8, nla_type=(RTAX_MTU|0x2|0x2 \/\* RTAX_MTU \*\/)\}, 1500\]/);
});

test('UNIX_DIAG_VFS: the device, then the inode', { skip: noCc }, () => {
  same('parity_unix_diag_vfs', ['-e', 'trace=sendto'], /\{udiag_vfs_dev=makedev\(0x8, 0x1\), udiag_vfs_ino=123456\}/);
});

test('io_uring_register: the IOWQ_AFF CPU mask as a list; IOWQ_MAX_WORKERS cut short ends at entry', { skip: noCc }, () => {
  for (const x of [[], ['-X', 'raw']])
    same('parity_iowq_aff', [...x, '-e', 'trace=io_uring_register'], /, \[0 1 2 3 5 6 7 9 10 11 12 13 15\], 2\) = /);
});

test('KEYCTL_REJECT: the error code a named constant (a number with -X raw, both with -X verbose)', { skip: noCc }, () => {
  for (const x of [[], ['-X', 'raw'], ['-X', 'verbose']])
    same('parity_keyctl_reject', [...x, '-e', 'trace=keyctl'], /^keyctl\((KEYCTL_REJECT|0x13|0x13 \/\* KEYCTL_REJECT \*\/), -12345, 10, (ENODEV|19|19 \/\* ENODEV \*\/), -12346\)/);
});

test('times: the seconds of clock ticks as a comment, left out with -X raw', { skip: noCc }, () => {
  for (const x of [[], ['-X', 'raw']]) {
    const c = compare([fixture('parity_times')], [...x, '-e', 'trace=times'], scratch());
    // the tick counts differ run to run: compare the shape of the last times() line
    const shape = (l: string): string => l.replace(/\d+/g, 'N');
    const last = (ls: string[]): string => shape(ls.filter((l) => l.startsWith('times(')).pop() ?? '');
    assert.ok(last(c.strace).startsWith('times({tms_utime=N'), 'strace printed times()');
    assert.equal(last(c.sysray), last(c.strace));
  }
});

test('virtual console ioctls: tones and ports with comments, key values named, in/out structs, -e verbose=none', { skip: noCc }, () => {
  const inject = ['-e', 'inject=ioctl:retval=0'];
  for (const x of [[], ['-v'], ['-X', 'raw'], ['-X', 'verbose'], inject, ['-s', '8', ...inject], ['-e', 'verbose=none', ...inject]])
    same('parity_kd', [...x, '-e', 'trace=ioctl'], /^ioctl\(-1, (KIOCSOUND|0x4b2f|0x4b2f \/\* KIOCSOUND \*\/), 1193/);
});

test('Video4Linux2 ioctls: formats by buffer type, fourcc codes, control ids by class, fields filled at exit, none with -e verbose=none', { skip: noCc }, () => {
  const inject = ['-e', 'inject=ioctl:retval=0'];
  const variants = [[], ['-v'], ['-X', 'raw'], ['-X', 'verbose'], inject, ['-v', '-X', 'verbose', ...inject], ['-e', 'verbose=none', ...inject]];
  // -s 0 cuts the clips and controls arrays at once: printed whole, so the struct goes on at exit
  for (const x of [...variants, ['-s', '0'], ['-s', '0', ...inject]])
    same('parity_v4l2', [...x, '-e', 'trace=ioctl'], /^ioctl\(-1, (VIDIOC_QUERYCAP|0xADDR|0xADDR \/\* VIDIOC_QUERYCAP \*\/), (NULL|0)\) +=/);
});
