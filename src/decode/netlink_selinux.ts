/** NETLINK_SELINUX payloads (strace's netlink_selinux.c): the two messages the kernel sends. */
import { buf, rd } from './args.js';
import type { Ctx } from './types.js';
import { field, int, struct, uint, type Value } from './value.js';
import { fetch } from './printers.js';

export const NETLINK_SELINUX = 7;
const SELNL_MSG_SETENFORCE = 0x10, SELNL_MSG_POLICYLOAD = 0x11;

/** struct selnl_msg_setenforce `{val=…}` or selnl_msg_policyload `{seqno=…}`; null for other types. */
export function selinuxPayload(c: Ctx, type: number, a: bigint, len: number): Value | null {
  if (type !== SELNL_MSG_SETENFORCE && type !== SELNL_MSG_POLICYLOAD) return null;
  if (len < 4) return buf(c, a, len, true);
  return fetch(c, a, 4, (b) => struct([type === SELNL_MSG_SETENFORCE ? field('val', int(rd.s32(b, 0))) : field('seqno', uint(rd.u32(b, 0)))]));
}
