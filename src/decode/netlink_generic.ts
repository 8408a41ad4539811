/** NETLINK_GENERIC message types: the family the type is the id of (strace's genl_families_xlat). */
import type { Ctx } from './types.js';
import { note, type Value } from './value.js';

export const NETLINK_GENERIC = 16;

/** A generic netlink message type (16 or more): the family's name, as the host's kernel knows it. */
export function genlTypeV(c: Ctx, type: number): Value {
  const name = c.genlFamilies?.().get(type);
  if (name) return { k: 'sym', name, v: BigInt(type), fmt: 'x' };
  return { k: 'note', v: { k: 'int', v: BigInt(type), fmt: 'x' }, text: 'GENERIC_FAMILY_???', xlat: true };
}
