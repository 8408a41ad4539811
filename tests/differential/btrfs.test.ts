/**
 * Differential tests of the btrfs ioctls (issue 18, strace's btrfs tests): every request strace
 * decodes, with NULL, with structs cut short by an unmapped page and with filled structs, on fd -1.
 * Injecting success shows what strace prints at exit too; injecting EOVERFLOW, TREE_SEARCH_V2's
 * buffer size.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare, diffReport } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';

const noCc = !haveCc() && 'no cc';

/** Trace the fixture with both tracers; `expect` is a line strace must print (the fixture ran). */
function same(opts: string[], expect: RegExp): void {
  const c = compare([fixture('parity_btrfs')], ['-e', 'trace=ioctl', ...opts], scratch());
  assert.ok(c.strace.some((l) => expect.test(l)), `strace printed ${expect}`);
  assert.ok(c.ok, `first difference at line ${c.firstDiff}:\n${diffReport(c)}`);
}

test('btrfs requests at entry: NULL, cut short, filled; abbreviated, -v, -X verbose', { skip: noCc }, () => {
  for (const x of [[], ['-v'], ['-X', 'verbose'], ['-v', '-X', 'verbose']])
    same(x, /^ioctl\(-1, [^,]*BTRFS_IOC_SEND[^,]*, \{send_fd=1, clone_sources_count=3, /);
});

test('btrfs requests that succeed: what the kernel filled in, after ` => `', { skip: noCc }, () => {
  const ok = ['-e', 'inject=ioctl:retval=0'];
  for (const x of [[], ['-v'], ['-v', '-X', 'verbose'], ['-X', 'raw'], ['-v', '-s', '1'], ['-e', 'verbose=none']])
    same([...x, ...ok], /\{space_slots=3\} => \{total_spaces=3, |BTRFS_IOC_SPACE_INFO, 0xADDR\) = 0/);
});

test('TREE_SEARCH_V2 failing with EOVERFLOW shows the buffer size the kernel wants', { skip: noCc }, () => {
  same(['-v', '-e', 'inject=ioctl:error=EOVERFLOW'], /^ioctl\(-1, BTRFS_IOC_TREE_SEARCH_V2, \{key=.*\} => \{buf_size=80\}\) = -1 EOVERFLOW/);
});
