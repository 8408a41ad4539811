/**
 * Write "hello world\n" to test.txt (created with mode 0600) with raw syscalls:
 *
 *   openat(AT_FDCWD, "test.txt", O_WRONLY|O_CREAT, 0600) = 3
 *   write(3, "hello world\n", 12) = 12
 *   close(3) = 0
 *
 * Run: npm run example:write-file   (or: node dist/examples/write-file.js)
 * In your own code: import * as unix from 'sysray/unix';
 */
import * as unix from '../src/unix/index.js';

function step<T>(what: string, call: () => T): T {
  try {
    return call();
  } catch (err) {
    console.error(`${what} failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

const fd = step('open', () => unix.open('test.txt', unix.O_CREAT | unix.O_WRONLY, 0o600));
step('write', () => unix.write(fd, 'hello world\n'));
step('close', () => unix.close(fd));
