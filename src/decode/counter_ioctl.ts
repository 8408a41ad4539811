/** Counter character device ioctls (type 0x3e): struct counter_watch (strace's counter_ioctl.c). */
import type { Ctx } from './types.js';
import { field, struct, uint, type Value } from './value.js';
import { symbol, xlat } from './xlat/core.js';
import { fetch } from './printers.js';

/** The shape of the ioctl dispatcher's table (desc.ts's ArgAt): when the argument prints, and how. */
interface CounterArg {
  at: 'entry' | 'exit';
  print: (c: Ctx, a: bigint) => Value;
}

const COMPONENT_TYPES = xlat(() => ['NONE', 'SIGNAL', 'COUNT', 'FUNCTION', 'SYNAPSE_ACTION', 'EXTENSION']
  .map((n, i) => [i, `COUNTER_COMPONENT_${n}`] as const));
const SCOPES = xlat(() => ['DEVICE', 'SIGNAL', 'COUNT'].map((n, i) => [i, `COUNTER_SCOPE_${n}`] as const));
const EVENT_TYPES = xlat(() => ['OVERFLOW', 'UNDERFLOW', 'OVERFLOW_UNDERFLOW', 'THRESHOLD', 'INDEX', 'CHANGE_OF_STATE', 'CAPTURE']
  .map((n, i) => [i, `COUNTER_EVENT_${n}`] as const));

/** struct counter_watch: six bytes, the component's four, then the event and the channel. */
const watch = (c: Ctx, a: bigint): Value =>
  fetch(c, a, 6, (b) =>
    struct([
      field('component', struct([
        field('type', symbol(COMPONENT_TYPES, BigInt(b[0]!), 'x', 'COUNTER_COMPONENT_???')),
        field('scope', symbol(SCOPES, BigInt(b[1]!), 'x', 'COUNTER_SCOPE_???')),
        field('parent', uint(b[2]!)), field('id', uint(b[3]!)),
      ])),
      field('event', symbol(EVENT_TYPES, BigInt(b[4]!), 'x', 'COUNTER_EVENT_???')),
      field('channel', uint(b[5]!)),
    ]));

/** By request; null: no argument printed (COUNTER_ENABLE_EVENTS_IOCTL, COUNTER_DISABLE_EVENTS_IOCTL). */
export const COUNTER_IOCTLS: Readonly<Record<number, CounterArg | null>> = {
  0x40063e00: { at: 'entry', print: watch }, // COUNTER_ADD_WATCH_IOCTL
  0x3e01: null, 0x3e02: null,
};
