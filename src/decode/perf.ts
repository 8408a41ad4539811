/** The perf_event_open(2) decoder; its struct perf_event_attr is perf_attr.ts's. */
import { fd, rd, sint, withFacts } from './args.js';
import type { Ctx, SyscallDecoder } from './types.js';
import { tok, type Value } from './value.js';
import { PERF_ATTR_SIZES, PERF_OPEN_FLAGS } from './xlat/proc.js';
import { xflags64, xval } from './printers.js';
import { E2BIG } from './xlat/errno.js';
import { fetchPerfAttr, perfAttrV } from './perf_attr.js';

const perfRest = (c: Ctx): Value[] => [
  sint(c.args[1]!), sint(c.args[2]!), fd(c.args[3]!), xflags64(PERF_OPEN_FLAGS, c.args[4]!, 'PERF_FLAG_???'),
];

/**
 * perf_event_open: the attr is fetched at entry and printed at exit (the kernel may write back its
 * size); an attr that cannot be fetched prints as its address, the whole call at entry.
 */
const perfEventOpen: SyscallDecoder = {
  entry: (c) => {
    const b = fetchPerfAttr(c, c.args[0]!);
    if (!(b instanceof Uint8Array)) return [b, ...perfRest(c)];
    c.state.attr = b;
    return [];
  },
  needsExit: (c) => c.state.attr !== undefined,
  exit: (c) => {
    const b = c.state.attr as Uint8Array;
    let newSize: Value | undefined;
    if (c.err === E2BIG) {
      const n = c.mem.read(c.args[0]! + 4n, 4);
      newSize = n ? xval(PERF_ATTR_SIZES, BigInt(rd.u32(n, 0)), 'PERF_ATTR_SIZE_???') : tok('???');
    }
    return [perfAttrV(c, b, b.length, newSize), ...perfRest(c)];
  },
  ret: () => ({ fmt: 'fd' }),
};

export const decoders: Record<string, SyscallDecoder> = { perf_event_open: withFacts(perfEventOpen, { paths: [] }) };
