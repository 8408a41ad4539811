/**
 * Differential tests: the commands of the tracer-core issue, traced by /usr/bin/strace and by
 * sysray, must give the same trace after normalising what differs between two strace runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare, diffReport } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';

const COMMANDS: { cmd: string[]; opts?: string[]; input?: string }[] = [
  { cmd: ['/bin/echo', 'hi'] },
  { cmd: ['cat', '/etc/hostname'] },
  { cmd: ['ls', '-la', '/'] },
  { cmd: ['dd', 'if=/dev/zero', 'of=/dev/null', 'count=10'] },
  { cmd: ['python3', '-c', "open('t','w').write('x')"] },
  { cmd: ['sh', '-c', 'exit 3'] },
  { cmd: ['id'] },
  { cmd: ['uname', '-a'] },
  { cmd: ['stat', '/etc/passwd'] },
  { cmd: ['cat', '/etc/hostname'], opts: ['-s', '8'] },
  { cmd: ['/bin/echo', 'hi'], opts: ['-a', '20'] },
  { cmd: ['stat', '/etc/passwd'], opts: ['-v'] },
  { cmd: ['cat', '/etc/hostname'], opts: ['-x'] },
  { cmd: ['cat', '/etc/hostname'], opts: ['-xx'] },
];

for (const { cmd, opts = [], input } of COMMANDS) {
  test(`same trace as strace: ${[...opts, ...cmd].join(' ')}`, () => {
    const c = compare(cmd, opts, scratch(), input);
    assert.ok(c.strace.length > 3, 'strace produced a trace');
    assert.ok(c.ok, `first difference at line ${c.firstDiff}:\n${diffReport(c)}`);
    assert.equal(c.sysrayRun.status, c.straceRun.status, 'exit status');
  });
}

test('same trace as strace: C fixture with failures and unreadable pointers', { skip: !haveCc() && 'no cc' }, () => {
  const bin = fixture('filebasics');
  const c = compare([bin, 'out.txt'], [], scratch());
  assert.ok(c.strace.some((l) => l.startsWith('openat(AT_FDCWD, 0x1, O_RDONLY)')), 'fixture ran');
  assert.ok(c.ok, `first difference at line ${c.firstDiff}:\n${diffReport(c)}`);
});
