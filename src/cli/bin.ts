import { main } from './main.js';
import { raw } from '../sys/libc.js';

process.exitCode = main(process.argv.slice(2));

/**
 * For bin/boot.cjs, once it has nothing left to do: end the process at once. Node's teardown and
 * libc's atexit handlers (koffi's fsyncs stdout and stderr, slow when they are files) cost tens of
 * milliseconds, and there is nothing left for them to do: sysray writes everything synchronously.
 */
export function quickExit(code: number): never {
  raw._exit(code);
  throw new Error('_exit returned');
}
