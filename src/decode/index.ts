/** The decoder registry: family files contribute decoders keyed by strace's decoder name. */
import type { ArchTable, SyscallRow } from '../arch/types.js';
import { printargs } from './args.js';
import type { SyscallDecoder } from './types.js';
import { decoders as desc } from './desc.js';
import { decoders as ioctl } from './ioctl.js';
import { decoders as file } from './file.js';
import { decoders as memory } from './memory.js';
import { decoders as net } from './net.js';
import { decoders as processDecoders } from './process.js';
import { decoders as signal } from './signal.js';
import { decoders as misc } from './misc.js';

export const REGISTRY: Readonly<Record<string, SyscallDecoder>> = Object.assign(
  Object.create(null) as Record<string, SyscallDecoder>,
  desc, ioctl, file, memory, net, processDecoders, signal, misc,
);

/** A syscall's decoder: its row's decoder, else its name's, else printargs over its argument count. */
export function decoderForRow(row: SyscallRow | undefined): SyscallDecoder {
  if (!row) return printargs(6);
  return REGISTRY[row.dec ?? row.name] ?? REGISTRY[row.name] ?? printargs(row.nargs);
}

/** Syscall `nr`'s decoder in table `t` (the bundle's stand-in loads only the family that has it). */
export function decoderFor(t: ArchTable, nr: number): SyscallDecoder {
  return decoderForRow(t.rows[nr]);
}

/** Every decoder of a table, indexed by syscall number. */
export function decoderTable(t: ArchTable): SyscallDecoder[] {
  return t.rows.map((row) => decoderForRow(row));
}
