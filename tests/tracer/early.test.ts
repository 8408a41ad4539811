/**
 * The early start (launcher.S, early_plan): for a filtered trace with -f and nothing but flags that
 * change how lines print, bin/sysray itself seizes the command's process, lets it exec under the
 * seccomp filter and sees it through its execve; the command then runs while Node starts. These
 * check which command lines take that path, that those Node would refuse never run the command,
 * and that what is traced agrees with strace all the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X86_64 } from '../../src/arch/index.js';
import { earlyTable } from '../../src/tracer/launcher.js';
import { perProcess, STRACE, SYSRAY, testEnv, traceWith } from '../helpers/diff.js';

const x64 = process.arch === 'x64';
const skip = !x64 && 'x86_64 only (the executable launcher)';
const scratch = () => mkdtempSync(join(tmpdir(), 'sysray-early-'));

/** Whether sysray started the command itself: the launcher tells Node so in SYSRAY_LAUNCHED. */
function startedEarly(opts: string[]): boolean {
  // the command's parent is sysray's Node; its environment as it started shows the launcher's word.
  // Started early, the command may run before the launcher has become Node: wait for that first.
  const probe = 'until grep -q boot.cjs /proc/$PPID/cmdline; do sleep 0.01; done; tr "\\0" "\\n" < /proc/$PPID/environ';
  const r = spawnSync(SYSRAY, [...opts, 'sh', '-c', probe], { encoding: 'latin1', env: testEnv(), timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const v = /^SYSRAY_LAUNCHED=(.*)$/m.exec(r.stdout)?.[1];
  assert.ok(v, r.stdout);
  return /,R[0-9a-f]{128}(,E|$)/.test(v);
}

test('which command lines start the command before Node', { skip }, () => {
  const o = ['-o', '/dev/null'];
  const early: string[][] = [
    ['-f', '-e', 'trace=%network', ...o],
    ['-f', '-e', 'trace=openat,close', ...o],
    [...o, '-e', 'trace=socket', '-f'],
    ['-q', '-f', '-yy', '-tt', '-T', '-x', '-v', '-n', '-i', '-r', '-e', 'trace=%net,read,close', ...o],
    ['-f', '-e', 'trace=%%stat,%clock,network,read'],
    ['-f', '-s', '200', '-a', '0', '-e', 'trace=read', '-s', '999999999', ...o],
    // execve shown: Node prints its line from what the launcher passes
    ['-f', '-e', 'trace=%process', ...o],
    ['-f', '-e', 'trace=%file', ...o],
    ['-f', '-e', 'trace=%desc', ...o],
    ['-f', '-x', '-yy', '-s', '5', '-e', 'trace=execve,openat', ...o],
    // every flag it allows, repeated: Node takes any number of each (it must: the command runs)
    ['-q', '-q', '-qq', '-y', '-y', '-yy', '-t', '-tt', '-ttt', '-T', '-T', '-v', '-v', '-x', '-xx', '-n', '-n', '-i', '-i', '-r', '-r', '-f', '-e', 'trace=read', ...o],
  ];
  const late: string[][] = [
    ['-e', 'trace=%network', ...o], // no -f: no filter, as strace's --seccomp-bpf
    // execve shown, with what its line cannot have from the launcher: times, the address, -v
    ['-t', '-f', '-e', 'trace=%process', ...o],
    ['-f', '-T', '-e', 'trace=execve', ...o],
    ['-f', '-r', '-e', 'trace=%file', ...o],
    ['-f', '-i', '-e', 'trace=execve', ...o],
    ['-f', '-v', '-e', 'trace=execveat', ...o],
    ['-f', '-e', 'trace=!openat', ...o],
    ['-f', '-e', 'trace=all', ...o],
    ['-f', '-e', 'trace=openat,', ...o],
    ['-f', '-e', 'trace=?openat', ...o],
    ['-f', '-e', 'trace=socket@64', ...o],
    ['-f', '-e', 'trace=41', ...o],
    ['-f', '-e', 'trace=/^sock', ...o],
    ['-f', '-e', 'trace=socketcall,socket', ...o], // an i386 name
    ['-f', '-s10', '-e', 'trace=openat', ...o],
    ['-ff', '-e', 'trace=openat', ...o],
    ['-f', '-f', '-e', 'trace=openat', ...o],
    ['-f', '-etrace=openat', ...o],
    ['-f', '--trace=openat', ...o],
    ['-f', '-e', 'trace=openat', '-e', 'trace=close', ...o],
    ['-f', '-e', 'trace=openat', '--no-seccomp-bpf', ...o],
    ['-f', '-e', 'trace=openat', '--seccomp-bpf', ...o],
    ['-f', '-e', 'trace=openat', '-I', '2', ...o],
    ['-f', '-e', 'trace=openat', '-c', ...o],
    ['-f', '-e', 'trace=openat', '-A', ...o],
    ['-f', '-e', 'trace=openat', ...o, '--'],
  ];
  for (const a of early) assert.ok(startedEarly(a), `not started early: ${a.join(' ')}`);
  for (const a of late) assert.ok(!startedEarly(a), `started early: ${a.join(' ')}`);
});

test('the launcher seizes and releases the command before it execs Node', { skip }, () => {
  const d = scratch();
  const out = join(d, 'watch');
  // strace without -f watches the launcher and then Node (the same process), not the command
  const r = spawnSync(STRACE, ['-o', out, '-e', 'trace=ptrace,execve,wait4', SYSRAY, '-f', '-e', 'trace=%network', '-o', '/dev/null', 'true'], { encoding: 'utf8', env: testEnv(), timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const lines = readFileSync(out, 'utf8').split('\n');
  const at = (re: RegExp): number => lines.findIndex((l) => re.test(l));
  const seize = at(/^ptrace\(PTRACE_SEIZE, \d+, NULL, .*PTRACE_O_TRACESECCOMP\|PTRACE_O_EXITKILL\) = 0/);
  const node = at(/^execve\(".*\/node", \["node"/);
  assert.ok(seize > 0 && node > seize, lines.join('\n'));
  // its filter's stop at the execve, then the exec event: two resumptions, both before Node
  const between = lines.slice(seize, node);
  assert.equal(between.filter((l) => /^ptrace\(PTRACE_CONT, /.test(l)).length, 2, between.join('\n'));
  const events = between.flatMap((l) => /^wait4\(\d+, \[\{WIFSTOPPED\(s\) && WSTOPSIG\(s\) == SIGTRAP\}\|PTRACE_EVENT_(\w+)<<16\], __WALL/.exec(l)?.[1] ?? []);
  assert.deepEqual(events, ['SECCOMP', 'EXEC'], between.join('\n'));
});

test('what Node would refuse never runs the command, started early or not', { skip }, () => {
  const d = scratch();
  const mark = join(d, 'ran');
  const cases: [string[], RegExp][] = [
    [['-f', '-e', 'trace=nosuch', '-o', '/dev/null'], /invalid system call 'nosuch'/],
    [['-f', '-e', 'trace=%network', '-o', join(d, 'no', 'such', 'dir')], /Can't fopen/],
    // -s: what the launcher takes is digits, nine at most; the rest is Node's to judge
    ...['1x', '', '-1', '99999999999'].map((v): [string[], RegExp] => [['-f', '-s', v, '-e', 'trace=openat', '-o', '/dev/null'], /invalid -s argument/]),
  ];
  for (const [opts, msg] of cases) {
    const r = spawnSync(SYSRAY, [...opts, 'touch', mark], { encoding: 'utf8', env: testEnv(), timeout: 60_000 });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, msg);
    assert.ok(!existsSync(mark), `the command ran: ${opts.join(' ')}`);
  }
  // no Node to trace it: the launcher does not start it either
  const n = spawnSync(SYSRAY, ['-f', '-e', 'trace=%network', '-o', '/dev/null', '/usr/bin/touch', mark], { encoding: 'utf8', env: { PATH: '/nonexistent' } });
  assert.equal(n.status, 127);
  assert.equal(n.stderr, 'sysray: node: not found\n');
  assert.ok(!existsSync(mark), 'the command ran without Node');
  const r = spawnSync(SYSRAY, ['-f', '-e', 'trace=%network', '-o', '/dev/null', 'nosuchcommand'], { encoding: 'utf8', env: testEnv() });
  const s = spawnSync(STRACE, ['-f', '-e', 'trace=%network', '-o', '/dev/null', 'nosuchcommand'], { encoding: 'utf8', env: testEnv() });
  assert.equal(r.status, s.status);
  assert.equal(r.stderr.replace(SYSRAY, STRACE), s.stderr);
});

test('a command the kernel will not exec: the launcher lets it go and Node starts it the usual way, as strace reports it', { skip }, () => {
  const d = scratch();
  const bad = join(d, 'no-format');
  writeFileSync(bad, 'echo not a program\n', { mode: 0o755 }); // no #!: ENOEXEC
  const a = traceWith(STRACE, ['-f', '-e', 'trace=%network'], [bad], d);
  const b = traceWith(SYSRAY, ['-f', '-e', 'trace=%network'], [bad], d);
  assert.equal(b.status, a.status);
  assert.equal(b.stderr.replace(SYSRAY, STRACE), a.stderr);
  assert.match(a.stderr, /exec: Exec format error/);
  assert.deepEqual(perProcess(b.trace), perProcess(a.trace));
});

test('started early, the trace agrees with strace: forks, signals, sockets, fds, a command that ends at once', { skip }, () => {
  const py = (code: string): string[] => ['python3', '-c', code];
  const cases: [string[], string[]][] = [
    [['-f', '-e', 'trace=%network'], py('import socket\ns = socket.socket()\ns.bind(("127.0.0.1", 0))\ns.listen(1)\ns.close()')],
    [['-f', '-y', '-e', 'trace=%network,read,close'], py('import socket\nopen("/etc/hostname").read()\na, b = socket.socketpair()\na.close()')],
    [['-f', '-e', 'trace=openat,close,read'], ['cat', '/etc/hostname']],
    [['-f', '-e', 'trace=read,write,dup2,close'], ['sh', '-c', 'cat /etc/hostname > /dev/null; cat /etc/hostname; exit 4']],
    // the background child outlives the shell's first wait4 (WNOHANG): had it ended first, the shell
    // would skip rt_sigsuspend, a race of the program's own that a CI run under strace once lost
    [['-f', '-e', 'trace=%signal,wait4,exit_group'], ['sh', '-c', '(sleep 0.2; exit 5) & wait; trap "" USR1; kill -USR1 $$; exit 3']],
    [['-f', '-e', 'trace=exit_group'], ['true']],
    [['-f', '-e', 'trace=kill'], ['sh', '-c', 'kill -TERM $$']],
    // the command's own execve, shown though Node did not see it (not wait4: whether the child's
    // SIGCHLD comes before the shell's wait4 or while in it is the program's own race)
    [['-f', '-e', 'trace=execve,vfork,exit_group'], ['sh', '-c', 'cat /etc/hostname > /dev/null; exit 2']],
    [['-f', '-x', '-s', '4', '-e', 'trace=execve,exit_group'], ['/bin/echo', 'arg\u00e9ument', 'deux']],
    [['-f', '-yy', '-e', 'trace=execve,openat,read'], ['cat', '/etc/hostname']],
    [['-f', '-e', 'trace=%file,%desc'], ['sh', '-c', 'cat /etc/hostname > /dev/null']],
  ];
  const d = scratch();
  for (const [opts, cmd] of cases) {
    // each process's own lines (how processes interleave differs from run to run)
    const a = traceWith(STRACE, opts, cmd, d), b = traceWith(SYSRAY, opts, cmd, d);
    assert.ok(a.trace.length > 0, a.stderr);
    assert.deepEqual(perProcess(b.trace), perProcess(a.trace), `${opts.join(' ')} ${cmd.join(' ')}\n${a.trace}\n${b.trace}`);
    assert.equal(b.status, a.status, cmd.join(' '));
    assert.equal(b.signal, a.signal, cmd.join(' '));
  }
  // each of these went the early way
  assert.ok(startedEarly(['-f', '-y', '-e', 'trace=%network,read,close', '-o', '/dev/null']));
  assert.ok(startedEarly(['-f', '-e', 'trace=%signal,wait4,exit_group', '-o', '/dev/null']));
});

test('the early table is what the expression parser makes of each name and class', () => {
  const t = earlyTable(X86_64);
  const size = t.readUInt32LE(0);
  assert.equal(size, X86_64.rows.length);
  const bits = (b: Buffer): number[] => [...Array(b.length * 8).keys()].filter((n) => (b[n >> 3]! >> (n & 7)) & 1);
  // execve and execveat: always traced, and never started early
  assert.deepEqual(bits(t.subarray(136, 200)), [59, 322]);
  assert.ok(bits(t.subarray(8, 72)).includes(59));
  const entries = new Map<string, number[]>();
  for (let at = 200; t[at] !== 0; ) {
    const n = t[at]!;
    entries.set(t.subarray(at + 1, at + 1 + n).toString('latin1'), bits(t.subarray(at + 1 + n, at + 65 + n)));
    at += 65 + n;
  }
  assert.deepEqual(entries.get('socket'), [41]);
  assert.deepEqual(entries.get('%net'), entries.get('%network'));
  assert.ok(entries.get('%network')!.includes(41) && entries.get('%network')!.includes(40)); // socket, sendfile
  assert.ok(!entries.has('socketcall') && !entries.has('all'));
  assert.ok(entries.size > 350, `${entries.size}`);
});

test('-o FIFO: the launcher does not open it to see (its reader would get an end of file); the trace reaches the reader', { skip }, () => {
  const d = scratch();
  const fifo = join(d, 'fifo');
  spawnSync('mkfifo', [fifo]);
  const r = spawnSync('sh', ['-c', `cat ${fifo} > ${join(d, 'got')} & ${SYSRAY} -f -e trace=socket -o ${fifo} python3 -c 'import socket; socket.socket()'; wait`], { encoding: 'utf8', env: testEnv(), timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(readFileSync(join(d, 'got'), 'latin1'), /^\d+ +socket\(AF_INET, SOCK_STREAM/);
});

test('-o FILE, started early: the traced lines reach it as strace writes them', { skip }, () => {
  const d = scratch();
  const a = traceWith(STRACE, ['-f', '-e', 'trace=socket'], ['python3', '-c', 'import socket; socket.socket()'], d);
  const b = traceWith(SYSRAY, ['-f', '-e', 'trace=socket'], ['python3', '-c', 'import socket; socket.socket()'], d);
  assert.equal(b.trace.replace(/\d+/g, 'N'), a.trace.replace(/\d+/g, 'N'));
  assert.match(b.trace, /^\d+ +socket\(AF_INET, SOCK_STREAM/);
});
