/**
 * A 64-bit process making i386 calls through `int $0x80` (strace-suite's int_0x80): the i386 table
 * names and filters them, and strace's personality lines say when the process switches.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalise, STRACE, SYSRAY, traceWith } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';

const noCc = (!haveCc() || process.arch !== 'x64') && 'no cc, or not x86_64';

/** The -o trace of the fixture, pids and the low mapping's address made neutral. */
function trace(tool: string, opts: string[]): string[] {
  const run = traceWith(tool, opts, [fixture('int80')], scratch());
  return normalise(run.trace).replace(/PID=\d+/g, 'PID=N').replace(/= 0x[0-9a-f]+$/gm, '= ADDR').split('\n');
}

test('int $0x80 calls decode in the i386 table, with strace\'s personality lines', { skip: noCc }, () => {
  const cases: [string[], RegExp][] = [
    [['--quiet=none'], /^\[ Process PID=N runs in 32 bit mode\. \]$/],
    [['-e', 'trace=getgid32'], /^getgid32\(\) += 0$/],
    [['-a11', '-e', 'trace=getgid32,getppid', '--quiet=none'], /^getgid32\(\) = 0$/],
    [['-e', 'trace=%creds', '-e', 'quiet=none'], /^getgid32\(\) += 0$/],
    [['-e', 'trace=chdir@32,close'], /^chdir\("\/"\) += 0$/],
    [['-f', '-e', 'trace=getgid32', '--quiet=none'], /^PID +\[ Process PID=N runs in 64 bit mode\. \]$/],
    [['-e', 'trace=!getgid32'], /^close\(-1\) += -1 EBADF/],
    // under the seccomp filter, the traced call after an i386 one stops at its entry and its seccomp stop
    [['-f', '-e', 'trace=getppid,getgid32', '--quiet=none'], /^PID +getppid\(\) = PID$/],
    // strace's own filter mode sees the switch back only at the next traced call
    [['-f', '--seccomp-bpf', '-e', 'trace=getgid32,getppid', '--quiet=none'], /^PID +getppid\(\) = PID$/],
    [['-f', '--seccomp-bpf', '-e', 'trace=getgid32', '--quiet=none'], /^PID +getgid32\(\) = 0$/],
  ];
  for (const [opts, expect] of cases) {
    const want = trace(STRACE, opts), got = trace(SYSRAY, opts);
    assert.ok(want.some((l) => expect.test(l)), `strace ${opts.join(' ')} printed ${expect}:\n${want.join('\n')}`);
    assert.deepEqual(got, want, opts.join(' '));
  }
});
