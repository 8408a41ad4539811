/** Decoders of the process family: execve, exit, wait, clone, ids, … */
import { A, addr, cstr, path, R, sig } from './args.js';
import type { Ctx, SyscallDecoder } from './types.js';
import type { Value } from './value.js';

const WORD = 8;

/** argv: `["a", "b"]`, each string cut at -s; at most -s elements with abbrev. */
function argv(c: Ctx, a: bigint): Value {
  if (a === 0n || !c.opt.verbose) return addr(a);
  const items: Value[] = [];
  for (let n = 0, p = a; ; n++, p += BigInt(WORD)) {
    const w = c.mem.read(p, WORD);
    if (!w) {
      if (n === 0) return addr(a);
      items.push({ k: 'note', v: { k: 'tok', text: '...' }, text: '0x' + p.toString(16) });
      return { k: 'array', items };
    }
    const word = new DataView(w.buffer, w.byteOffset, 8).getBigUint64(0, true);
    if (word === 0n) break;
    if (c.opt.abbrev && n >= c.opt.strsize) return { k: 'array', items, more: true };
    items.push(cstr(c, word));
  }
  return { k: 'array', items };
}

/** envp with abbrev: the address and `/* N vars *\/`. */
function argc(c: Ctx, a: bigint): Value {
  if (a === 0n || !c.opt.verbose) return addr(a);
  let n = 0;
  for (let p = a; ; n++, p += BigInt(WORD)) {
    const w = c.mem.read(p, WORD);
    if (!w) {
      if (n === 0) return addr(a);
      break;
    }
    if (new DataView(w.buffer, w.byteOffset, 8).getBigUint64(0, true) === 0n) break;
  }
  return { k: 'note', v: addr(a), text: `${n} var${n === 1 ? '' : 's'}` };
}

const envp = (c: Ctx, i: number): Value => (c.opt.abbrev ? argc(c, c.args[i]!) : argv(c, c.args[i]!));

export const decoders: Record<string, SyscallDecoder> = {
  execve: sig([A.path, (c, i) => argv(c, c.args[i]!), envp]),
  exit: sig([A.int], R.none),
  // the rest of the family is filled in by the decoder work
};
export { path };
