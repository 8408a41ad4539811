/**
 * The tracer's answers to decoders' questions about the host (src/tracer/host.ts, ifnames.ts,
 * fdkind.ts), checked against what this machine says through other ways.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { raw } from '../../src/sys/libc.js';
import { hostFacts } from '../../src/tracer/host.js';
import { ifname } from '../../src/tracer/ifnames.js';
import { fdLink, netlinkProtocol } from '../../src/tracer/fdkind.js';

/** sysfs's interfaces by index, when sysfs is this network namespace's. */
function sysfsInterfaces(): Map<number, string> {
  const m = new Map<number, string>();
  try {
    for (const n of readdirSync('/sys/class/net')) m.set(Number(readFileSync(`/sys/class/net/${n}/ifindex`, 'latin1')), n);
  } catch { /* no sysfs */ }
  return m;
}

test('interface names: if_indextoname, as sysfs lists them; none for an index nothing has', () => {
  const sys = sysfsInterfaces();
  if (sys.size) for (const [i, n] of sys) assert.equal(ifname(i), n);
  assert.equal(ifname(0), undefined);
  assert.equal(ifname(0xfffffff0), undefined);
});

test("a tracee's fd: its link, and a netlink socket's protocol", () => {
  const fd = openSync('/dev/null', 'r');
  try {
    assert.equal(fdLink(process.pid, fd), '/dev/null');
    assert.equal(netlinkProtocol(process.pid, fd), undefined);
  } finally {
    closeSync(fd);
  }
  assert.equal(fdLink(process.pid, -1), undefined);
  const NETLINK_SOCK_DIAG = 4;
  const sock = raw.socket(16, 3 | 0x80000, NETLINK_SOCK_DIAG) as number; // AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC
  if (sock < 0) return;
  try {
    assert.match(fdLink(process.pid, sock) ?? '', /^socket:\[\d+\]$/);
    // /proc's listing holds bound sockets only: a first message binds it
    const noop = Buffer.alloc(16);
    noop.writeUInt32LE(16, 0);
    noop.writeUInt16LE(1, 4); // NLMSG_NOOP
    assert.equal(raw.send(sock, noop, 16, 0), 16);
    assert.equal(netlinkProtocol(process.pid, sock), NETLINK_SOCK_DIAG);
  } finally {
    raw.close(sock);
  }
});

test('the run-wide figures, and the per-tracee lookups bound to its /proc directory and registers', () => {
  let asked = 0;
  const h = hostFacts(() => (asked++, process.pid), () => 0x7ffd1234n);
  const cpus = h.possibleCpus();
  assert.ok(cpus === undefined || (Number.isInteger(cpus) && cpus >= 1), `possible CPUs ${cpus}`);
  const optmem = h.optmemMax();
  assert.ok(optmem === undefined || optmem > 0, `optmem_max ${optmem}`);
  const boot = h.bootEpochMs();
  assert.ok(boot !== undefined && boot <= Date.now() && boot > 0, `boot time ${boot}`);
  assert.equal(h.bootEpochMs(), boot, 'taken once');
  assert.equal(h.stackPointer(), 0x7ffd1234n);
  assert.equal(asked, 0, 'the /proc directory is asked for only by an fd lookup');
  const fd = openSync('/dev/null', 'r');
  try {
    assert.equal(h.fdLink(fd), '/dev/null');
  } finally {
    closeSync(fd);
  }
  assert.equal(asked, 1);
});
