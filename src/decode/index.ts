/**
 * The decoder registry: each family file contributes decoders keyed by strace's decoder name (a
 * row's `dec`, else its name), each with the facts its syscall has besides printing. A name is
 * owned by one family: the registry refuses a name decoded twice.
 */
import type { ArchTable, SyscallRow } from '../arch/types.js';
import { printargs } from './args.js';
import type { SyscallDecoder, SyscallFacts } from './types.js';
import { decoders as desc } from './desc.js';
import { decoders as ioctl } from './ioctl.js';
import { decoders as file } from './file.js';
import { decoders as memory } from './memory.js';
import { decoders as ipc } from './ipc.js';
import { decoders as net } from './net.js';
import { decoders as processDecoders } from './process.js';
import { decoders as prctl } from './prctl.js';
import { decoders as seccomp } from './seccomp.js';
import { decoders as system } from './system.js';
import { decoders as sched } from './sched.js';
import { decoders as ptrace } from './ptrace.js';
import { decoders as keyctl } from './keyctl.js';
import { decoders as bpf } from './bpf.js';
import { decoders as perf } from './perf.js';
import { decoders as signal } from './signal.js';
import { decoders as misc } from './misc.js';

/** The families, by the name of their module (decode/NAME.js); scripts/bundle.mjs reads this. */
export const FAMILIES: Readonly<Record<string, Readonly<Record<string, SyscallDecoder>>>> = {
  desc, ioctl, file, memory, ipc, net, process: processDecoders, prctl, seccomp, system, sched, ptrace, keyctl, bpf, perf,
  signal, misc,
};

/** One record of every family's decoders; throws when two families decode the same name. */
export function mergeFamilies(families: Readonly<Record<string, Readonly<Record<string, SyscallDecoder>>>>): Record<string, SyscallDecoder> {
  const out = Object.create(null) as Record<string, SyscallDecoder>;
  const owner = new Map<string, string>();
  for (const [fam, decs] of Object.entries(families)) {
    for (const [name, d] of Object.entries(decs)) {
      const was = owner.get(name);
      if (was !== undefined) throw new Error(`decoder registry: ${name} is decoded in both ${was} and ${fam}`);
      owner.set(name, fam);
      out[name] = d;
    }
  }
  return out;
}

export const REGISTRY: Readonly<Record<string, SyscallDecoder>> = mergeFamilies(FAMILIES);

/** The registry's name for a row's decoder (its `dec`, else its name), or undefined for printargs. */
export function decoderName(row: SyscallRow): string | undefined {
  const sen = row.dec ?? row.name;
  return REGISTRY[sen] ? sen : REGISTRY[row.name] ? row.name : undefined;
}

/** A syscall's decoder: its row's decoder, else its name's, else printargs over its argument count. */
export function decoderForRow(row: SyscallRow | undefined): SyscallDecoder {
  if (!row) return printargs(6);
  const name = decoderName(row);
  return name ? REGISTRY[name]! : printargs(row.nargs);
}

/** Syscall `nr`'s decoder in table `t` (the bundle's stand-in loads only the family that has it). */
export function decoderFor(t: ArchTable, nr: number): SyscallDecoder {
  return decoderForRow(t.rows[nr]);
}

/** Every decoder of a table, indexed by syscall number. */
export function decoderTable(t: ArchTable): SyscallDecoder[] {
  return t.rows.map((row) => decoderForRow(row));
}

const NO_FACTS: SyscallFacts = Object.freeze({});
/** Rows strace decodes with printargs by name have no fd or path arguments for -P. */
const PRINTARGS_FACTS: SyscallFacts = Object.freeze({ paths: Object.freeze([]) });

/**
 * What a row's decoder declares besides printing (SyscallFacts), for the engine and the filters.
 * The bundle's stand-in answers this from a copy made at build time, without loading decoders.
 */
export function factsFor(row: SyscallRow | undefined): SyscallFacts {
  if (!row) return NO_FACTS;
  const name = decoderName(row);
  if (name) return REGISTRY[name]!.facts ?? NO_FACTS;
  return row.dec === 'printargs' ? PRINTARGS_FACTS : NO_FACTS;
}
