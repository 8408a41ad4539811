/** Constant tables of NETLINK_ROUTE messages other than links: routes, rules, neighbours, traffic control, mdb. */
import { bits, indexed, xlat } from './core.js';

const pre = (prefix: string, names: string[]): string[] => names.map((n) => prefix + n);

export const RT_SCOPES = xlat([[0, 'RT_SCOPE_UNIVERSE'], [200, 'RT_SCOPE_SITE'], [253, 'RT_SCOPE_LINK'], [254, 'RT_SCOPE_HOST'], [255, 'RT_SCOPE_NOWHERE']]);
export const RT_TABLES = xlat([[0, 'RT_TABLE_UNSPEC'], [252, 'RT_TABLE_COMPAT'], [253, 'RT_TABLE_DEFAULT'], [254, 'RT_TABLE_MAIN'], [255, 'RT_TABLE_LOCAL']]);
export const RT_PROTOS = xlat(() => [
  [0, 'RTPROT_UNSPEC'], [1, 'RTPROT_REDIRECT'], [2, 'RTPROT_KERNEL'], [3, 'RTPROT_BOOT'], [4, 'RTPROT_STATIC'], [8, 'RTPROT_GATED'],
  [9, 'RTPROT_RA'], [10, 'RTPROT_MRT'], [11, 'RTPROT_ZEBRA'], [12, 'RTPROT_BIRD'], [13, 'RTPROT_DNROUTED'], [14, 'RTPROT_XORP'],
  [15, 'RTPROT_NTK'], [16, 'RTPROT_DHCP'], [17, 'RTPROT_MROUTED'], [18, 'RTPROT_KEEPALIVED'], [42, 'RTPROT_BABEL'],
  [99, 'RTPROT_OPENR'], [186, 'RTPROT_BGP'], [187, 'RTPROT_ISIS'], [188, 'RTPROT_OSPF'], [189, 'RTPROT_RIP'], [192, 'RTPROT_EIGRP'],
]);
export const RTN_TYPES = indexed(pre('RTN_', ['UNSPEC', 'UNICAST', 'LOCAL', 'BROADCAST', 'ANYCAST', 'MULTICAST', 'BLACKHOLE',
  'UNREACHABLE', 'PROHIBIT', 'THROW', 'NAT', 'XRESOLVE']));
export const IPTOS_FLAGS = xlat([[0x10, 'IPTOS_LOWDELAY'], [0x08, 'IPTOS_THROUGHPUT'], [0x04, 'IPTOS_RELIABILITY'], [0x02, 'IPTOS_MINCOST']]);
export const RTM_F_FLAGS = xlat([[0x100, 'RTM_F_NOTIFY'], [0x200, 'RTM_F_CLONED'], [0x400, 'RTM_F_EQUALIZE'], [0x800, 'RTM_F_PREFIX'],
  [0x1000, 'RTM_F_LOOKUP_TABLE'], [0x2000, 'RTM_F_FIB_MATCH'], [0x4000, 'RTM_F_OFFLOAD'], [0x8000, 'RTM_F_TRAP'],
  [0x20000000, 'RTM_F_OFFLOAD_FAILED']]);
export const RTA_ATTRS = indexed(pre('RTA_', ['UNSPEC', 'DST', 'SRC', 'IIF', 'OIF', 'GATEWAY', 'PRIORITY', 'PREFSRC',
  'METRICS', 'MULTIPATH', 'PROTOINFO', 'FLOW', 'CACHEINFO', 'SESSION', 'MP_ALGO', 'TABLE', 'MARK', 'MFC_STATS', 'VIA', 'NEWDST',
  'PREF', 'ENCAP_TYPE', 'ENCAP', 'EXPIRES', 'PAD', 'UID', 'TTL_PROPAGATE', 'IP_PROTO', 'SPORT', 'DPORT', 'NH_ID']));
export const RTAX_ATTRS = indexed(pre('RTAX_', ['UNSPEC', 'LOCK', 'MTU', 'WINDOW', 'RTT', 'RTTVAR', 'SSTHRESH', 'CWND', 'ADVMSS',
  'REORDERING', 'HOPLIMIT', 'INITCWND', 'FEATURES', 'RTO_MIN', 'INITRWND', 'QUICKACK', 'CC_ALGO', 'FASTOPEN_NO_COOKIE']));
export const RTNH_FLAGS = bits(pre('RTNH_F_', ['DEAD', 'PERVASIVE', 'ONLINK', 'OFFLOAD', 'LINKDOWN', 'UNRESOLVED', 'TRAP']));
export const LWTUNNEL_ENCAP_TYPES = indexed(pre('LWTUNNEL_ENCAP_', ['NONE', 'MPLS', 'IP', 'ILA', 'IP6', 'SEG6', 'BPF', 'SEG6_LOCAL', 'RPL']));

// fib rules (RTM_*RULE)
export const FRA_ATTRS = indexed(pre('FRA_', ['UNSPEC', 'DST', 'SRC', 'IIFNAME', 'GOTO', 'UNUSED2', 'PRIORITY', 'UNUSED3', 'UNUSED4',
  'UNUSED5', 'FWMARK', 'FLOW', 'TUN_ID', 'SUPPRESS_IFGROUP', 'SUPPRESS_PREFIXLEN', 'TABLE', 'FWMASK', 'OIFNAME', 'PAD', 'L3MDEV',
  'UID_RANGE', 'PROTOCOL', 'IP_PROTO', 'SPORT_RANGE', 'DPORT_RANGE']));
export const FR_ACTIONS = indexed(pre('FR_ACT_', ['UNSPEC', 'TO_TBL', 'GOTO', 'NOP', 'RES3', 'RES4', 'BLACKHOLE', 'UNREACHABLE', 'PROHIBIT']));
export const FIB_RULE_FLAGS = xlat([[1, 'FIB_RULE_PERMANENT'], [2, 'FIB_RULE_INVERT'], [4, 'FIB_RULE_UNRESOLVED'],
  [8, 'FIB_RULE_IIF_DETACHED'], [0x10, 'FIB_RULE_OIF_DETACHED'], [0x10000, 'FIB_RULE_FIND_SADDR']]);

// nexthops (RTM_*NEXTHOP)
export const NHA_ATTRS = indexed(pre('NHA_', ['UNSPEC', 'ID', 'GROUP', 'GROUP_TYPE', 'BLACKHOLE', 'OIF', 'GATEWAY', 'ENCAP_TYPE',
  'ENCAP', 'GROUPS', 'MASTER', 'FDB', 'RES_GROUP', 'RES_BUCKET']));
export const NEXTHOP_GRP_TYPES = indexed(pre('NEXTHOP_GRP_TYPE_', ['MPATH', 'RES']));
export const NHA_RES_GROUP_ATTRS = indexed(pre('NHA_RES_GROUP_', ['PAD', 'BUCKETS', 'IDLE_TIMER', 'UNBALANCED_TIMER', 'UNBALANCED_TIME']));
export const NHA_RES_BUCKET_ATTRS = indexed(pre('NHA_RES_BUCKET_', ['PAD', 'INDEX', 'IDLE_TIME', 'NH_ID']));

// multicast routing cache reports (RTM_NEWCACHEREPORT)
export const RTNL_FAMILIES = xlat([[128, 'RTNL_FAMILY_IPMR'], [129, 'RTNL_FAMILY_IP6MR']]);
export const IPMRA_CREPORT_ATTRS = indexed(pre('IPMRA_CREPORT_', ['UNSPEC', 'MSGTYPE', 'VIF_ID', 'SRC_ADDR', 'DST_ADDR', 'PKT', 'TABLE']));
export const IP6MRA_CREPORT_ATTRS = indexed(pre('IP6MRA_CREPORT_', ['UNSPEC', 'MSGTYPE', 'MIF_ID', 'SRC_ADDR', 'DST_ADDR', 'PKT']));
export const IGMPMSG_TYPES = indexed(pre('IGMPMSG_', ['NOCACHE', 'WRONGVIF', 'WHOLEPKT', 'WRVIFWHOLE']), 1);
export const MRT6MSG_TYPES = indexed(pre('MRT6MSG_', ['NOCACHE', 'WRONGMIF', 'WHOLEPKT']), 1);

// address labels (RTM_*ADDRLABEL)
export const IFAL_ATTRS = indexed(['IFAL_ADDRESS', 'IFAL_LABEL'], 1);

// neighbours (RTM_*NEIGH, RTM_*NEIGHTBL)
export const NUD_STATES = xlat([[0, 'NUD_NONE'], [0x01, 'NUD_INCOMPLETE'], [0x02, 'NUD_REACHABLE'], [0x04, 'NUD_STALE'], [0x08, 'NUD_DELAY'],
  [0x10, 'NUD_PROBE'], [0x20, 'NUD_FAILED'], [0x40, 'NUD_NOARP'], [0x80, 'NUD_PERMANENT']]);
export const NTF_FLAGS = bits(pre('NTF_', ['USE', 'SELF', 'MASTER', 'PROXY', 'EXT_LEARNED', 'OFFLOADED', 'STICKY', 'ROUTER']));
export const NTF_EXT_FLAGS = bits(['NTF_EXT_MANAGED']);
export const NDA_ATTRS = indexed(pre('NDA_', ['UNSPEC', 'DST', 'LLADDR', 'CACHEINFO', 'PROBES', 'VLAN', 'PORT', 'VNI', 'IFINDEX',
  'MASTER', 'LINK_NETNSID', 'SRC_VNI', 'PROTOCOL', 'NH_ID', 'FDB_EXT_ATTRS', 'FLAGS_EXT', 'NDM_STATE_MASK', 'NDM_FLAGS_MASK']));
export const NFEA_ATTRS = indexed(pre('NFEA_', ['UNSPEC', 'ACTIVITY_NOTIFY', 'DONT_REFRESH']));
export const FDB_NOTIFY_FLAGS = bits(['FDB_NOTIFY_BIT', 'FDB_NOTIFY_INACTIVE_BIT']);
export const NDTA_ATTRS = indexed(pre('NDTA_', ['UNSPEC', 'NAME', 'THRESH1', 'THRESH2', 'THRESH3', 'CONFIG', 'PARMS', 'STATS',
  'GC_INTERVAL', 'PAD']));
export const NDTPA_ATTRS = indexed(pre('NDTPA_', ['UNSPEC', 'IFINDEX', 'REFCNT', 'REACHABLE_TIME', 'BASE_REACHABLE_TIME',
  'RETRANS_TIME', 'GC_STALETIME', 'DELAY_PROBE_TIME', 'QUEUE_LEN', 'APP_PROBES', 'UCAST_PROBES', 'MCAST_PROBES', 'ANYCAST_DELAY',
  'PROXY_DELAY', 'PROXY_QLEN', 'LOCKTIME', 'QUEUE_LENBYTES', 'MCAST_REPROBES', 'PAD', 'INTERVAL_PROBE_TIME_MS']));

// traffic control (RTM_*QDISC, *TCLASS, *TFILTER, *CHAIN, *ACTION)
export const TCA_ATTRS = indexed(pre('TCA_', ['UNSPEC', 'KIND', 'OPTIONS', 'STATS', 'XSTATS', 'RATE', 'FCNT', 'STATS2', 'STAB', 'PAD',
  'DUMP_INVISIBLE', 'CHAIN', 'HW_OFFLOAD', 'INGRESS_BLOCK', 'EGRESS_BLOCK', 'DUMP_FLAGS']));
export const TCA_STAB_ATTRS = indexed(pre('TCA_STAB_', ['UNSPEC', 'BASE', 'DATA']));
export const TCA_STATS_ATTRS = indexed(pre('TCA_STATS_', ['UNSPEC', 'BASIC', 'RATE_EST', 'QUEUE', 'APP', 'RATE_EST64', 'PAD',
  'BASIC_HW', 'PKT64']));
export const TCA_ACT_ATTRS = indexed(pre('TCA_ACT_', ['UNSPEC', 'KIND', 'OPTIONS', 'INDEX', 'STATS', 'PAD', 'COOKIE', 'FLAGS',
  'HW_STATS', 'USED_HW_STATS', 'IN_HW_COUNT']));
export const TCA_ACT_FLAGS = bits(pre('TCA_ACT_FLAGS_', ['NO_PERCPU_STATS', 'SKIP_HW', 'SKIP_SW']));
export const TCA_ACT_HW_STATS = bits(pre('TCA_ACT_HW_STATS_', ['IMMEDIATE', 'DELAYED']));

// bridge multicast database (RTM_*MDB)
export const MDBA_ATTRS = indexed(pre('MDBA_', ['UNSPEC', 'MDB', 'ROUTER']));
export const MDBA_MDB_ATTRS = indexed(pre('MDBA_MDB_', ['UNSPEC', 'ENTRY']));
export const MDBA_MDB_ENTRY_ATTRS = indexed(pre('MDBA_MDB_ENTRY_', ['UNSPEC', 'INFO']));
export const MDBA_MDB_EATTR_ATTRS = indexed(pre('MDBA_MDB_EATTR_', ['UNSPEC', 'TIMER', 'SRC_LIST', 'GROUP_MODE', 'SOURCE', 'RTPROT']));
export const MDBA_ROUTER_ATTRS = indexed(pre('MDBA_ROUTER_', ['UNSPEC', 'PORT']));
export const MDBA_ROUTER_PATTR_ATTRS = indexed(pre('MDBA_ROUTER_PATTR_', ['UNSPEC', 'TIMER', 'TYPE', 'INET_TIMER', 'INET6_TIMER']));
export const MDB_STATES = indexed(['MDB_TEMPORARY', 'MDB_PERMANENT']);
export const MDB_FLAGS = bits(pre('MDB_FLAGS_', ['OFFLOAD', 'FAST_LEAVE', 'STAR_EXCL', 'BLOCKED']));
export const MDB_RTR_TYPES = indexed(pre('MDB_RTR_TYPE_', ['DISABLED', 'TEMP_QUERY', 'PERM', 'TEMP']));
