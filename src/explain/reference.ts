/**
 * The syscall reference: one entry per syscall, joining the rows written in
 * src/explain/reference/*.ts (words, signature, errors, related calls, APIs) with what the syscall
 * tables own (numbers and classes per architecture). The rows load on first use.
 */
import { AARCH64, X86_64, type ArchTable, type SyscallClass } from '../arch/index.js';
import { referenceRows } from './reference/data.js';
import type { RefRow } from './reference/types.js';

export type { Example, ExampleArg, ExampleMem, RefRow } from './reference/types.js';

/** One argument of a signature. */
export interface RefArg {
  type: string;
  name: string;
}

/** A syscall's whole reference entry. */
export interface SyscallRef extends RefRow {
  /** The signature, as written in the row. */
  signature: string;
  /** The signature's return type, and its arguments in order. */
  retType: string;
  args: readonly RefArg[];
  /** The syscall's number on each architecture that has it (from src/arch/). */
  numbers: Readonly<Partial<Record<ArchTable['name'], number>>>;
  /** Its classes in the table of the first architecture that has it (x86_64, else aarch64). */
  classes: readonly SyscallClass[];
}

const TABLES: readonly ArchTable[] = [X86_64, AARCH64];

/**
 * `ssize_t read(int fd, void *buf, size_t count)` → its parts. Throws on a signature that is not
 * one C declaration of that form (a test reads every row through this).
 */
export function parseSignature(sig: string): { retType: string; name: string; args: RefArg[] } {
  const m = /^\s*([^()]*?)\s*\b([a-z_][a-z0-9_]*)\s*\(([^()]*)\)\s*$/.exec(sig);
  if (!m) throw new Error(`bad signature: ${sig}`);
  const list = m[3]!.trim();
  const args = list === 'void' || list === '' ? [] : list.split(',').map((a) => {
    const am = /^(.*?)\s*\b([A-Za-z_][A-Za-z0-9_]*)\s*(\[\d*\])?$/.exec(a.trim());
    if (!am || !am[1]) throw new Error(`bad argument '${a.trim()}' in signature: ${sig}`);
    return { type: am[1] + (am[3] ?? ''), name: am[2]! };
  });
  return { retType: m[1]!, name: m[2]!, args };
}

let byName: Map<string, SyscallRef> | undefined;

function build(): Map<string, SyscallRef> {
  const map = new Map<string, SyscallRef>();
  for (const row of referenceRows()) {
    if (map.has(row.name)) throw new Error(`reference: ${row.name} twice`);
    const { retType, args } = parseSignature(row.sig);
    const numbers: Partial<Record<ArchTable['name'], number>> = {};
    let classes: readonly SyscallClass[] | undefined;
    for (const t of TABLES) {
      const r = t.byName.get(row.name);
      if (!r) continue;
      numbers[t.name] = r.nr;
      classes ??= r.classes;
    }
    map.set(row.name, { ...row, signature: row.sig, retType, args, numbers, classes: classes ?? [] });
  }
  return map;
}

/** The reference entry of the syscall `name`, or undefined when the reference has none. */
export function referenceOf(name: string): SyscallRef | undefined {
  return (byName ??= build()).get(name);
}

/** Every entry, in the order the rows are written. */
export function allReferences(): readonly SyscallRef[] {
  return [...(byName ??= build()).values()];
}
