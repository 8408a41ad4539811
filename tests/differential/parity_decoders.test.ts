/**
 * Differential tests for decoder differences strace 6.1's own test suite found (issue 18: socket
 * options, socket filters, select, mmap flags, pidfd_getfd): each fixture makes the calls of one
 * cause, traced by /usr/bin/strace and by sysray.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare, diffReport } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';

const noCc = !haveCc() && 'no cc';
const STYLES = [[], ['-X', 'raw'], ['-X', 'verbose']];

/** Trace fixture `name` with both tracers; `expect` is a line strace must print (the fixture ran). */
function same(name: string, opts: string[], expect: RegExp): void {
  const c = compare([fixture(name)], opts, scratch());
  assert.ok(c.strace.some((l) => expect.test(l)), `strace printed ${expect}`);
  assert.ok(c.ok, `first difference at line ${c.firstDiff}:\n${diffReport(c)}`);
}

test('SO_LINGER cut short prints the bytes of the cut member; SKF_*_OFF are numbers with -X raw', { skip: noCc }, () => {
  for (const x of STYLES)
    same('parity_sockopt_cut', [...x, '-v', '-e', 'trace=getsockopt,setsockopt'], /^getsockopt\(3, .*l_linger="\\x56\\x34\\x12"/);
});

test('select with one set for all three prints `= 1 ()`; an unknown mmap type keeps its comment; pidfd_getfd -y', { skip: noCc }, () => {
  for (const x of STYLES)
    same('parity_select_pidfd', [...x, '-y', '-e', 'trace=select,remap_file_pages,pidfd_getfd'], /^pidfd_getfd\(.*, 5<\/dev\/full>, 0\)/);
});

test('socket addresses of AX.25, IPX, X.25, RxRPC, IEEE 802.15.4, NFC, QIPCRTR, XDP, MCTP; sll_ifindex unsigned', { skip: noCc }, () => {
  for (const x of STYLES)
    same('parity_sockaddr_families', [...x, '-y', '-e', 'trace=connect'], /^connect\(-1, \{sa_family=(AF_AX25|0x3)\b.*fsa_digipeater=\[/);
});

test('-P inside select fd_sets, a pollfd array cut by an unmapped page, and fsconfig by command', { skip: noCc }, () => {
  same('parity_path_sets', ['-P', '/dev/full'], /^fsconfig\(-1, FSCONFIG_SET_PATH, "key", "\/dev\/full", AT_FDCWD\)/);
});

test('fsconfig reads at most 256 bytes of its key and value, whatever -s is', { skip: noCc }, () => {
  same('parity_path_sets', ['-s', '300', '-e', 'trace=fsconfig'], /^fsconfig\(-1, FSCONFIG_SET_FLAG, "k{256}"\.\.\., NULL, 0\)/);
});

test('-e write=/read=: a dump cut by an unmapped page past 64 KiB; message queue sends and receives', { skip: noCc }, () => {
  same('parity_dump_cut', ['-e', 'write=3,4', '-e', 'read=4', '-e', 'trace=write,mq_timedsend,mq_timedreceive'],
    /^ \| <Cannot fetch 10 bytes from pid PID @0xADDR>$/);
});

test('--strings-in-hex=non-ascii-chars: only the unprintable bytes in hex', { skip: noCc }, () => {
  same('parity_dump_cut', ['--strings-in-hex=non-ascii-chars', '-e', 'trace=write,mq_timedsend'], /^write\(3, "\\x00\\x07\\x0e\\x15\\x1c#\*18\?FMT/);
});
