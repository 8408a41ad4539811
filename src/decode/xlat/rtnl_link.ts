/** Constant tables of rtnetlink link messages: IFLA_* attributes and what nests in them, RTM_*STATS. */
import { bits, indexed } from './core.js';

const pre = (prefix: string, names: string[]): string[] => names.map((n) => prefix + n);

export const IFLA_ATTRS = indexed(pre('IFLA_', ['UNSPEC', 'ADDRESS', 'BROADCAST', 'IFNAME', 'MTU', 'LINK', 'QDISC',
  'STATS', 'COST', 'PRIORITY', 'MASTER', 'WIRELESS', 'PROTINFO', 'TXQLEN', 'MAP', 'WEIGHT', 'OPERSTATE', 'LINKMODE',
  'LINKINFO', 'NET_NS_PID', 'IFALIAS', 'NUM_VF', 'VFINFO_LIST', 'STATS64', 'VF_PORTS', 'PORT_SELF', 'AF_SPEC', 'GROUP',
  'NET_NS_FD', 'EXT_MASK', 'PROMISCUITY', 'NUM_TX_QUEUES', 'NUM_RX_QUEUES', 'CARRIER', 'PHYS_PORT_ID',
  'CARRIER_CHANGES', 'PHYS_SWITCH_ID', 'LINK_NETNSID', 'PHYS_PORT_NAME', 'PROTO_DOWN', 'GSO_MAX_SEGS', 'GSO_MAX_SIZE',
  'PAD', 'XDP', 'EVENT', 'NEW_NETNSID', 'IF_NETNSID', 'CARRIER_UP_COUNT', 'CARRIER_DOWN_COUNT', 'NEW_IFINDEX',
  'MIN_MTU', 'MAX_MTU', 'PROP_LIST', 'ALT_IFNAME', 'PERM_ADDRESS', 'PROTO_DOWN_REASON', 'PARENT_DEV_NAME',
  'PARENT_DEV_BUS_NAME', 'GRO_MAX_SIZE', 'TSO_MAX_SIZE', 'TSO_MAX_SEGS', 'ALLMULTI']));
export const RTEXT_FILTER_FLAGS = bits(pre('RTEXT_FILTER_', ['VF', 'BRVLAN', 'BRVLAN_COMPRESSED', 'SKIP_STATS', 'MRP',
  'CFM_CONFIG', 'CFM_STATUS']));
