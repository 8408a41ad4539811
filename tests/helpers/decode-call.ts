/** The decoder fuzzers' step: one call decoded as the tracer decodes it, then rendered both ways. */
import type { Ctx, SyscallDecoder } from '../../src/decode/types.js';
import type { Value } from '../../src/decode/value.js';
import type { SyscallEvent } from '../../src/model.js';
import { renderJson } from '../../src/render/json.js';
import type { StraceText } from '../../src/render/strace.js';

/**
 * Run `dec` on `c`: its entry; then `result` sets the call's return value (c.rval, c.err); its exit
 * (when it asks for one) and result; then the strace text and the --json line, which must parse
 * when `parse`. `at.stage` names the step running, so a caller that catches can say where it
 * threw. Returns the characters rendered.
 */
export function decodeOneCall(dec: SyscallDecoder, c: Ctx, result: (c: Ctx) => void, text: StraceText, at: { stage: string }, parse = false): number {
  at.stage = 'entry';
  const entry = dec.entry(c);
  result(c);
  at.stage = 'exit';
  const rest: Value[] = dec.exit && (dec.needsExit ? dec.needsExit(c) : true) ? dec.exit(c) : [];
  at.stage = 'ret';
  const ri = dec.ret ? dec.ret(c) : { fmt: 'd' as const };
  const ev: SyscallEvent = {
    type: 'syscall', pid: c.pid, nr: c.nr, name: c.name, args: entry.concat(rest), entryArgs: entry.length, scno: c.nr,
    ret: { rval: c.rval, errno: ri.errno ?? c.err, fmt: ri.fmt, ...(ri.aux ? { aux: ri.aux } : {}) }, time: 0n, duration: 0n,
  };
  at.stage = 'text';
  const n = text.render(ev).length;
  at.stage = 'json';
  const line = renderJson(ev);
  if (parse) JSON.parse(line);
  return n + line.length;
}
