/**
 * Output options against the real strace: -c/-C summaries (same syscalls, calls and errors),
 * -t/-tt/-ttt/-r/-T (same lines once the times themselves are set aside).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalise, ROOT, STRACE, SYSRAY, testEnv, traceWith } from '../helpers/diff.js';
import { scratch } from '../helpers/fixtures.js';

const PROGRAM = ['ls', '-la', '/usr', '/nonexistent'];

/** calls and errors per syscall from a -c table. */
function table(text: string): Map<string, [number, number]> {
  const rows = new Map<string, [number, number]>();
  for (const line of text.split('\n')) {
    const t = line.trim().split(/\s+/);
    if (t.length < 5 || !/^\d/.test(t[0]!) || t.at(-1) === 'total') continue;
    const name = t.at(-1)!;
    const [calls, errors] = t.length >= 6 ? [Number(t[3]), Number(t[4])] : [Number(t[3]), 0];
    rows.set(name, [calls, errors]);
  }
  return rows;
}

test('-c: the same syscalls, calls and errors as strace -c', () => {
  const a = traceWith(STRACE, ['-c'], PROGRAM, scratch());
  const b = traceWith(SYSRAY, ['-c'], PROGRAM, scratch());
  assert.equal(b.status, a.status);
  const ta = table(a.trace), tb = table(b.trace);
  assert.ok(ta.size > 10, `strace's table has rows:\n${a.trace}`);
  assert.deepEqual([...tb.entries()].sort(), [...ta.entries()].sort());
  // the layout: header, dashes, rows, dashes, total
  const head = (t: string) => t.split('\n').slice(0, 2).join('\n');
  assert.equal(head(b.trace), head(a.trace));
  assert.match(b.trace, /\n------ ----------- ----------- --------- --------- ----------------\n100\.00 +\d+\.\d{6} +\d+ +\d+ +\d+ total\n$/);
});

test('-C: the trace, then the table', () => {
  const a = traceWith(STRACE, ['-C'], PROGRAM, scratch());
  const b = traceWith(SYSRAY, ['-C'], PROGRAM, scratch());
  const cut = (t: string) => t.slice(0, t.indexOf('% time'));
  assert.equal(normalise(cut(b.trace)), normalise(cut(a.trace)));
  assert.deepEqual([...table(b.trace).entries()].sort(), [...table(a.trace).entries()].sort());
});

test('-S calls -U name,calls,errors: same table as strace', () => {
  const opts = ['-c', '-S', 'calls', '-U', 'name,calls,errors'];
  const a = traceWith(STRACE, opts, PROGRAM, scratch());
  const b = traceWith(SYSRAY, opts, PROGRAM, scratch());
  // ties in calls may sort differently only if strace's own order is unstable: compare as sets of lines
  assert.deepEqual(b.trace.split('\n').sort(), a.trace.split('\n').sort());
  assert.equal(b.trace.split('\n')[0], a.trace.split('\n')[0]);
});

const STAMPS: [string[], RegExp][] = [
  [['-t'], /^\d\d:\d\d:\d\d /gm],
  [['-tt'], /^\d\d:\d\d:\d\d\.\d{6} /gm],
  [['-ttt'], /^\d{10}\.\d{6} /gm],
  [['-r'], /^ {0,5}\d+\.\d{6} /gm],
  [['-T'], / <\d+\.\d{6}>$/gm],
  [['-tt', '-T'], /^\d\d:\d\d:\d\d\.\d{6} | <\d+\.\d{6}>$/gm],
  [['--timestamps=unix,ms'], /^\d{10}\.\d{3} /gm],
  [['--timestamps=time,ns'], /^\d\d:\d\d:\d\d\.\d{9} /gm],
  [['--relative-timestamps=s'], /^ {0,5}\d+ /gm],
  // repeated options: each changes only what it names
  [['--timestamps=format:unix', '--timestamps=precision:s'], /^\d{10} /gm],
  [['--absolute-timestamps=precision:MS', '--absolute-timestamps=unix'], /^\d{10}\.\d{3} /gm],
  [['--timestamps=ns', '--timestamps=none', '--timestamps=time'], /^\d\d:\d\d:\d\d\.\d{9} /gm],
];

for (const [opts, stamp] of STAMPS) {
  test(`${opts.join(' ')}: every line stamped as strace stamps it, the rest the same`, () => {
    const a = traceWith(STRACE, opts, PROGRAM, scratch());
    const b = traceWith(SYSRAY, opts, PROGRAM, scratch());
    const lines = (t: string) => t.trimEnd().split('\n');
    for (const l of lines(b.trace).filter((x) => !x.startsWith('+++') || opts.includes('-T') === false))
      if (!(opts.length === 1 && opts[0] === '-T' && (l.startsWith('+++') || l.endsWith('= ?'))))
        assert.match(l, new RegExp(stamp.source, 'm'), `stamped: ${l}`);
    const strip = (t: string) => normalise(t.replace(stamp, '')).split('\n');
    const sa = strip(a.trace), sb = strip(b.trace);
    const i = sa.findIndex((l, k) => l !== sb[k]);
    assert.ok(i < 0 && sa.length === sb.length, `line ${i + 1}:\n- ${sa[i]}\n+ ${sb[i]}`);
  });
}

test('-y: fds print with the paths they name, as strace prints them', () => {
  const cmd = ['python3', '-c', "open('/etc/hostname').read(); import os, socket; socket.socket().close(); os.pipe()"];
  for (const opts of [['-y'], ['-y', '-e', 'trace=openat,read,close,pipe2,socket,newfstatat']]) {
    const a = traceWith(STRACE, opts, cmd, scratch());
    const b = traceWith(SYSRAY, opts, cmd, scratch());
    assert.match(b.trace, /openat\(AT_FDCWD<[^>]+>, "\/etc\/hostname", O_RDONLY\|O_CLOEXEC\) = 3<\/etc\/hostname>/);
    assert.equal(normalise(b.trace), normalise(a.trace), opts.join(' '));
  }
});

test('-e read=/write=: hex dumps of the data, as strace prints them', () => {
  const cmd = ['python3', '-c', "import os; os.write(1, open('/etc/hostname', 'rb').read() * 3 + bytes(range(40))); os.writev(1, [b'ab', b'cd'])"];
  for (const opts of [['-e', 'write=1', '-e', 'trace=write,writev'], ['-e', 'read=all', '-e', 'trace=read'], ['-e', 'read=all', '-e', 'write=all']]) {
    const a = traceWith(STRACE, opts, cmd, scratch());
    const b = traceWith(SYSRAY, opts, cmd, scratch());
    assert.match(b.trace, /^ \| 00000  /m, 'a dump');
    assert.equal(normalise(b.trace), normalise(a.trace), opts.join(' '));
  }
});

test('-A appends to the -o file', () => {
  const dir = scratch();
  const out = `${dir}/trace`;
  const run = (extra: string[]) => spawnSync(SYSRAY, [...extra, '-o', out, '/bin/true'], { encoding: 'utf8' });
  run([]);
  const once = readFileSync(out, 'utf8');
  run(['-A']);
  assert.ok(readFileSync(out, 'utf8').startsWith(once), 'the first trace is kept');
  assert.equal(readFileSync(out, 'utf8').split('+++ exited with 0 +++').length, 3, 'two traces in the file');
  run([]);
  assert.equal(readFileSync(out, 'utf8').split('+++ exited with 0 +++').length, 2, 'without -A the file is rewritten');
});

test('-yy / --decode-fds: socket details, devices, pidfds and deleted files as strace prints them', () => {
  const cmd = ['python3', '-S', join(ROOT, 'tests', 'programs', 'sockets_yy.py')];
  const calls = 'trace=socket,bind,connect,accept4,getsockname,sendto,read,write,close';
  // what differs between two strace runs here: socket inodes, ports, pids (short ones too, once
  // the pid counter wraps: a pidfd's pid, a netlink socket's port id)
  const numbers = (t: string) => normalise(t).replace(/\d{4,}/g, 'N').replace(/\b(pid:|nl_pid=|ROUTE:)\d+/g, '$1N');
  for (const opts of [['-yy', '-e', calls], ['--decode-fds=socket', '-e', calls], ['--decode-fds=path,dev,pidfd', '-x', '-e', calls]]) {
    const a = traceWith(STRACE, opts, cmd, scratch());
    const b = traceWith(SYSRAY, opts, cmd, scratch());
    if (opts[0] !== '--decode-fds=path,dev,pidfd') assert.ok(a.trace.includes('TCP:['), 'strace printed socket details');
    else assert.ok(a.trace.includes('<char 1:3>'), 'strace printed a device');
    assert.equal(numbers(b.trace), numbers(a.trace), opts.join(' '));
  }
});

test('-e read=/write= on sendmsg/recvmsg/sendmmsg/recvmmsg and vectors with empty buffers: as strace dumps them', () => {
  const cmd = ['python3', '-S', join(ROOT, 'tests', 'programs', 'msg_dumps.py')];
  const opts = ['-e', 'read=all', '-e', 'write=all', '-e', 'trace=sendmsg,recvmsg,sendmmsg,recvmmsg,writev,readv'];
  const a = traceWith(STRACE, opts, cmd, scratch());
  const b = traceWith(SYSRAY, opts, cmd, scratch());
  assert.match(a.trace, / = 1 buffers in vector 1\n \* 6 bytes in buffer 0\n/, 'strace dumped recvmmsg');
  assert.equal(normalise(b.trace), normalise(a.trace));
});

test('-o |COMMAND and -o !COMMAND: the trace piped to sh -c COMMAND, which sysray waits for, as strace does', () => {
  for (const out of ['|cat >&2', '!sed "s/^/> /" >&2']) {
    const cmd = ['-o', out, '-e', 'trace=openat,close,execve', 'ls', '/proc/self/fd'];
    const a = spawnSync(STRACE, cmd, { encoding: 'utf8', env: testEnv() });
    const b = spawnSync(SYSRAY, cmd, { encoding: 'utf8', env: testEnv() });
    assert.match(a.stderr, out.startsWith('|') ? /^execve\("\/usr\/bin\/ls"/ : /^> execve\("\/usr\/bin\/ls"/);
    assert.equal(normalise(b.stderr), normalise(a.stderr), out);
    // the traced program does not get the pipe: the same fds as under strace
    assert.equal(b.stdout, a.stdout);
    assert.equal(b.status, 0);
  }
  const a = spawnSync(STRACE, ['-ff', '-o', '|cat', 'true'], { encoding: 'utf8' });
  const b = spawnSync(SYSRAY, ['-ff', '-o', '|cat', 'true'], { encoding: 'utf8' });
  assert.match(a.stderr, /piping the output and -ff\/--output-separately are mutually exclusive/);
  assert.equal(b.stderr.replaceAll(SYSRAY, STRACE), a.stderr);
  assert.equal(b.status, a.status);
});

test('-o a file that cannot be written: one message per line lost, as strace says them, and the command unharmed', () => {
  for (const args of [['-o', '/dev/full', 'true'], ['-o', '/dev/full', '-e', 'trace=none', 'sh', '-c', 'exit 4']]) {
    const a = spawnSync(STRACE, args, { encoding: 'utf8', env: testEnv() });
    const b = spawnSync(SYSRAY, args, { encoding: 'utf8', env: testEnv() });
    assert.match(a.stderr, /^\/usr\/bin\/strace: \/dev\/full: No space left on device\n/);
    assert.equal(b.stderr.replaceAll(SYSRAY, STRACE), a.stderr, args.join(' '));
    assert.equal(b.status, a.status);
  }
});

test('-ff whose first file cannot be made: one message, exit 1, the command goes no further, as strace', () => {
  const dir = scratch();
  const name = join(dir, 'x'.repeat(300));
  const marker = join(dir, 'ran');
  for (const tool of [STRACE, SYSRAY]) {
    const r = spawnSync(tool, ['-ff', '-o', name, 'sh', '-c', `: > ${marker}`], { encoding: 'utf8', env: testEnv() });
    assert.equal(r.status, 1, `${tool}: ${r.stderr}`);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, /: Can't fopen '.*x{300}\.\d+': File name too long$/);
    assert.throws(() => readFileSync(marker), `${tool} let the command run`);
  }
});
