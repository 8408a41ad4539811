/** I/O priorities (strace's print_ioprio): ioprio_get/ioprio_set's, and an aio iocb's aio_reqprio. */
import { call, hex, int, join, tok, type Value } from './value.js';
import { IOPRIO_CLASS } from './xlat/proc.js';
import { xval } from './printers.js';

const IOPRIO_CLASS_SHIFT = 13n;


/** The same as a value (the class prints in the -X style): ioprio_get's result text. */
export function ioprioCall(v: bigint): Value {
  const u = BigInt.asUintN(32, v);
  const cls = xval(IOPRIO_CLASS, u >> IOPRIO_CLASS_SHIFT, 'IOPRIO_CLASS_???');
  return call('IOPRIO_PRIO_VALUE', cls, int(u & ((1n << IOPRIO_CLASS_SHIFT) - 1n)));
}

/**
 * An ioprio (strace's print_ioprio): `IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)`; the number with -X raw;
 * both with -X verbose (the class in that style too). `hexNum`: the number in hex (an iocb's aio_reqprio).
 */
export function ioprioV(v: bigint, hexNum = false): Value {
  const n = hexNum ? hex(BigInt.asUintN(32, v)) : int(BigInt.asIntN(32, v));
  const text = ioprioCall(v);
  return { k: 'styled', abbrev: text, raw: n, verbose: join('', n, tok(' /* '), text, tok(' */')) };
}
