import { writeSync } from 'node:fs';
import { internalError, main } from './main.js';
import { sysrayArgs } from '../tracer/spawn.js';
import { raw } from '../sys/libc.js';

try {
  process.exitCode = main(sysrayArgs());
} catch (e) {
  // a failure main() did not expect: one line, never a JavaScript stack trace
  writeSync(2, `sysray: ${internalError(e)}\n`);
  process.exitCode = 1;
}

/**
 * For bin/boot.cjs, once it has nothing left to do: _exit(2) at once. Node's teardown and libc's
 * atexit handlers (koffi's fsyncs stdout and stderr, slow when they are files) would cost tens of
 * milliseconds, with nothing left for them to do: sysray writes everything synchronously.
 */
export function quickExit(code: number): never {
  raw._exit(code);
  throw new Error('_exit returned');
}
