/**
 * Every row of the syscall reference, by subject. The bundle (scripts/bundle.mjs) puts this module
 * and the rows in a script of their own, loaded only by --syscalls and --describe (and --explain's
 * fallback sentences).
 */
import type { RefRow } from './types.js';
import { rows as file } from './file.js';
import { rows as desc } from './desc.js';
import { rows as net } from './net.js';
import { rows as proc } from './process.js';
import { rows as signal } from './signal.js';
import { rows as memory } from './memory.js';
import { rows as ipc } from './ipc.js';
import { rows as time } from './time.js';
import { rows as misc } from './misc.js';

/** All rows, each subject's in its file's order. */
export function referenceRows(): readonly RefRow[] {
  return [...file, ...desc, ...net, ...proc, ...signal, ...memory, ...ipc, ...time, ...misc];
}
