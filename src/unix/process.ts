/** sysray/unix: processes and identity: ids, signals, uname, exit, limits, scheduling. */
import os from 'node:os';
import {
  INT_MAX, INT_MIN, UINT_MAX, addressOf, arrayArg, bytesArg, dataArg, describe, dirfdArg, fdArg, flagsArg, has, i32Arg, int,
  lengthArg, offArg, pathArg, sys, u32Arg, type PathLike,
} from './core.js';

export const getpid = (): number => sys('getpid', []);
export const getppid = (): number => sys('getppid', []);
/** The calling thread's id (the main thread's equals getpid()). */
export const gettid = (): number => sys('gettid', []);
export const getuid = (): number => sys('getuid', []);
export const geteuid = (): number => sys('geteuid', []);
export const getgid = (): number => sys('getgid', []);
export const getegid = (): number => sys('getegid', []);

/** kill(2): `sig` a number (0 only checks) or a name ('SIGTERM'). */
export function kill(pid: number, sig: number | NodeJS.Signals = 'SIGTERM'): void {
  const p = i32Arg(pid, 'pid');
  let s: number;
  if (typeof sig === 'string') {
    const v = (os.constants.signals as Record<string, number | undefined>)[sig];
    if (v === undefined) throw new TypeError(`Unknown signal: ${sig}`);
    s = v;
  } else s = int(sig, 'sig', 0, 64);
  sys('kill', [p, s]);
}

export interface Utsname {
  sysname: string;
  nodename: string;
  release: string;
  version: string;
  machine: string;
  domainname: string;
}

/** uname(2). */
export function uname(): Utsname {
  const b = Buffer.alloc(6 * 65);
  sys('uname', [addressOf(b)], [b]);
  const field = (i: number): string => {
    const f = b.subarray(i * 65, (i + 1) * 65);
    const nul = f.indexOf(0);
    return f.toString('utf8', 0, nul === -1 ? 65 : nul);
  };
  return { sysname: field(0), nodename: field(1), release: field(2), version: field(3), machine: field(4), domainname: field(5) };
}

/**
 * exit_group(2): end the process now, every thread, with `status & 0xff`. Nothing more runs: no
 * 'exit' handlers, and output Node still has buffered (asynchronous stdout) is lost.
 */
export function exit(status = 0): never {
  sys('exit_group', [i32Arg(status, 'status')]);
  throw new Error('exit_group returned');
}
