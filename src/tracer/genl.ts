/**
 * The generic netlink families of this host, by id (`nlctrl`, `nl80211`…): strace names a
 * NETLINK_GENERIC message's type after them, asking the kernel's controller once per run.
 */
import { netlinkQuery } from '../sys/netlink.js';

const NETLINK_GENERIC = 16;
const GENL_ID_CTRL = 0x10;
const NLMSG_DONE = 3;
const NLM_F_REQUEST = 1, NLM_F_DUMP = 0x300;
const CTRL_CMD_GETFAMILY = 3;
const CTRL_ATTR_FAMILY_ID = 1, CTRL_ATTR_FAMILY_NAME = 2;

let families: Map<number, string> | undefined;

/** One CTRL_CMD_NEWFAMILY reply: its id and name attributes (after the 4-byte genlmsghdr). */
function addFamily(data: Buffer): void {
  let id: number | undefined;
  let name: string | undefined;
  for (let off = 4; off + 4 <= data.length;) {
    const len = data.readUInt16LE(off);
    const type = data.readUInt16LE(off + 2) & 0x3fff;
    if (len < 4 || off + len > data.length) break;
    if (type === CTRL_ATTR_FAMILY_ID && len >= 6) id = data.readUInt16LE(off + 4);
    if (type === CTRL_ATTR_FAMILY_NAME) name = data.subarray(off + 4, off + len).toString('latin1').replace(/\0.*$/s, '');
    off += (len + 3) & ~3;
  }
  if (id !== undefined && name) families!.set(id, name);
}

/** The families' names by id; empty when the kernel cannot be asked. */
export function genlFamilies(): ReadonlyMap<number, string> {
  if (families) return families;
  families = new Map();
  const req = Buffer.alloc(20);
  req.writeUInt32LE(20, 0);
  req.writeUInt16LE(GENL_ID_CTRL, 4);
  req.writeUInt16LE(NLM_F_REQUEST | NLM_F_DUMP, 6);
  req[16] = CTRL_CMD_GETFAMILY;
  req[17] = 1;
  netlinkQuery(NETLINK_GENERIC, req, (m) => {
    if (m.type === NLMSG_DONE) return true;
    if (m.type === GENL_ID_CTRL) addFamily(m.data);
    return undefined;
  });
  return families;
}
