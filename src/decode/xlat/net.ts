/** Constant tables of the net family that the shared tables lack (ARP hardware types, interface flags, …). */
import { xlat } from './core.js';

/** ARPHRD_*: a link's hardware type (sll_hatype, ifr_hwaddr.sa_family). */
export const ARPHRD = xlat(() => [
  [0, 'ARPHRD_NETROM'], [1, 'ARPHRD_ETHER'], [2, 'ARPHRD_EETHER'], [3, 'ARPHRD_AX25'], [4, 'ARPHRD_PRONET'],
  [5, 'ARPHRD_CHAOS'], [6, 'ARPHRD_IEEE802'], [7, 'ARPHRD_ARCNET'], [8, 'ARPHRD_APPLETLK'], [15, 'ARPHRD_DLCI'],
  [19, 'ARPHRD_ATM'], [23, 'ARPHRD_METRICOM'], [24, 'ARPHRD_IEEE1394'], [27, 'ARPHRD_EUI64'], [32, 'ARPHRD_INFINIBAND'],
  [256, 'ARPHRD_SLIP'], [257, 'ARPHRD_CSLIP'], [258, 'ARPHRD_SLIP6'], [259, 'ARPHRD_CSLIP6'], [260, 'ARPHRD_RSRVD'],
  [264, 'ARPHRD_ADAPT'], [270, 'ARPHRD_ROSE'], [271, 'ARPHRD_X25'], [272, 'ARPHRD_HWX25'], [280, 'ARPHRD_CAN'],
  [290, 'ARPHRD_MCTP'], [512, 'ARPHRD_PPP'], [513, 'ARPHRD_CISCO'], [516, 'ARPHRD_LAPB'], [517, 'ARPHRD_DDCMP'],
  [518, 'ARPHRD_RAWHDLC'], [519, 'ARPHRD_RAWIP'], [768, 'ARPHRD_TUNNEL'], [769, 'ARPHRD_TUNNEL6'], [770, 'ARPHRD_FRAD'],
  [771, 'ARPHRD_SKIP'], [772, 'ARPHRD_LOOPBACK'], [773, 'ARPHRD_LOCALTLK'], [774, 'ARPHRD_FDDI'], [775, 'ARPHRD_BIF'],
  [776, 'ARPHRD_SIT'], [777, 'ARPHRD_IPDDP'], [778, 'ARPHRD_IPGRE'], [779, 'ARPHRD_PIMREG'], [780, 'ARPHRD_HIPPI'],
  [781, 'ARPHRD_ASH'], [782, 'ARPHRD_ECONET'], [783, 'ARPHRD_IRDA'], [784, 'ARPHRD_FCPP'], [785, 'ARPHRD_FCAL'],
  [786, 'ARPHRD_FCPL'], [787, 'ARPHRD_FCFABRIC'], [800, 'ARPHRD_IEEE802_TR'], [801, 'ARPHRD_IEEE80211'],
  [802, 'ARPHRD_IEEE80211_PRISM'], [803, 'ARPHRD_IEEE80211_RADIOTAP'], [804, 'ARPHRD_IEEE802154'],
  [805, 'ARPHRD_IEEE802154_MONITOR'], [820, 'ARPHRD_PHONET'], [821, 'ARPHRD_PHONET_PIPE'], [822, 'ARPHRD_CAIF'],
  [823, 'ARPHRD_IP6GRE'], [824, 'ARPHRD_NETLINK'], [825, 'ARPHRD_6LOWPAN'], [826, 'ARPHRD_VSOCKMON'],
  [0xfffe, 'ARPHRD_NONE'], [0xffff, 'ARPHRD_VOID'],
]);

/** PACKET_*: sll_pkttype. */
export const PACKET_TYPES = xlat(() => [
  [0, 'PACKET_HOST'], [1, 'PACKET_BROADCAST'], [2, 'PACKET_MULTICAST'], [3, 'PACKET_OTHERHOST'], [4, 'PACKET_OUTGOING'],
  [5, 'PACKET_LOOPBACK'], [6, 'PACKET_USER'], [7, 'PACKET_KERNEL'],
]);

/** IFF_*: ifr_flags. */
export const IFF_FLAGS = xlat(
  ['UP', 'BROADCAST', 'DEBUG', 'LOOPBACK', 'POINTOPOINT', 'NOTRAILERS', 'RUNNING', 'NOARP', 'PROMISC', 'ALLMULTI',
    'MASTER', 'SLAVE', 'MULTICAST', 'PORTSEL', 'AUTOMEDIA', 'DYNAMIC', 'LOWER_UP', 'DORMANT', 'ECHO'].map((n, i) => [1 << i, `IFF_${n}`]),
);

/** SOL_PACKET option names. */
export const SOL_PACKET_OPTIONS = xlat(() => [
  [1, 'PACKET_ADD_MEMBERSHIP'], [2, 'PACKET_DROP_MEMBERSHIP'], [3, 'PACKET_RECV_OUTPUT'], [5, 'PACKET_RX_RING'],
  [6, 'PACKET_STATISTICS'], [7, 'PACKET_COPY_THRESH'], [8, 'PACKET_AUXDATA'], [9, 'PACKET_ORIGDEV'], [10, 'PACKET_VERSION'],
  [11, 'PACKET_HDRLEN'], [12, 'PACKET_RESERVE'], [13, 'PACKET_TX_RING'], [14, 'PACKET_LOSS'], [15, 'PACKET_VNET_HDR'],
  [16, 'PACKET_TX_TIMESTAMP'], [17, 'PACKET_TIMESTAMP'], [18, 'PACKET_FANOUT'], [19, 'PACKET_TX_HAS_OFF'],
  [20, 'PACKET_QDISC_BYPASS'], [21, 'PACKET_ROLLOVER_STATS'], [22, 'PACKET_FANOUT_DATA'], [23, 'PACKET_IGNORE_OUTGOING'],
]);

/** struct packet_mreq's mr_type. */
export const PACKET_MR_TYPES = xlat(() => [
  [0, 'PACKET_MR_MULTICAST'], [1, 'PACKET_MR_PROMISC'], [2, 'PACKET_MR_ALLMULTI'], [3, 'PACKET_MR_UNICAST'],
]);

/** ICMP message types, the bits of an ICMP_FILTER. */
export const ICMP_FILTER_FLAGS = xlat(() => [
  [0, 'ICMP_ECHOREPLY'], [3, 'ICMP_DEST_UNREACH'], [4, 'ICMP_SOURCE_QUENCH'], [5, 'ICMP_REDIRECT'], [8, 'ICMP_ECHO'],
  [11, 'ICMP_TIME_EXCEEDED'], [12, 'ICMP_PARAMETERPROB'], [13, 'ICMP_TIMESTAMP'], [14, 'ICMP_TIMESTAMPREPLY'],
  [15, 'ICMP_INFO_REQUEST'], [16, 'ICMP_INFO_REPLY'], [17, 'ICMP_ADDRESS'], [18, 'ICMP_ADDRESSREPLY'],
]);

/** SOL_TLS option names. */
export const SOL_TLS_OPTIONS = xlat(() => [[1, 'TLS_TX'], [2, 'TLS_RX']]);

/** Classic BPF instruction parts (struct sock_filter's code). */
export const BPF_CLASS = xlat(() => [[0, 'BPF_LD'], [1, 'BPF_LDX'], [2, 'BPF_ST'], [3, 'BPF_STX'], [4, 'BPF_ALU'], [5, 'BPF_JMP'], [6, 'BPF_RET'], [7, 'BPF_MISC']]);
export const BPF_MISCOP = xlat(() => [[0, 'BPF_TAX'], [0x80, 'BPF_TXA']]);
export const BPF_MODE = xlat(() => [[0, 'BPF_IMM'], [0x20, 'BPF_ABS'], [0x40, 'BPF_IND'], [0x60, 'BPF_MEM'], [0x80, 'BPF_LEN'], [0xa0, 'BPF_MSH'], [0xc0, 'BPF_XADD']]);
export const BPF_OP_ALU = xlat(() => [
  [0, 'BPF_ADD'], [0x10, 'BPF_SUB'], [0x20, 'BPF_MUL'], [0x30, 'BPF_DIV'], [0x40, 'BPF_OR'], [0x50, 'BPF_AND'], [0x60, 'BPF_LSH'],
  [0x70, 'BPF_RSH'], [0x80, 'BPF_NEG'], [0x90, 'BPF_MOD'], [0xa0, 'BPF_XOR'], [0xb0, 'BPF_MOV'], [0xc0, 'BPF_ARSH'], [0xd0, 'BPF_END'],
]);
export const BPF_OP_JMP = xlat(() => [
  [0, 'BPF_JA'], [0x10, 'BPF_JEQ'], [0x20, 'BPF_JGT'], [0x30, 'BPF_JGE'], [0x40, 'BPF_JSET'], [0x50, 'BPF_JNE'], [0x60, 'BPF_JSGT'],
  [0x70, 'BPF_JSGE'], [0x80, 'BPF_CALL'], [0x90, 'BPF_EXIT'], [0xa0, 'BPF_JLT'], [0xb0, 'BPF_JLE'], [0xc0, 'BPF_JSLT'], [0xd0, 'BPF_JSLE'],
]);
export const BPF_RVAL = xlat(() => [[0, 'BPF_K'], [0x08, 'BPF_X'], [0x10, 'BPF_A']]);
export const BPF_SIZE = xlat(() => [[0, 'BPF_W'], [0x08, 'BPF_H'], [0x10, 'BPF_B'], [0x18, 'BPF_DW']]);
export const BPF_SRC = xlat(() => [[0, 'BPF_K'], [0x08, 'BPF_X']]);
/** SKF_AD_*: ancillary data offsets after SKF_AD_OFF. */
export const SKF_AD = xlat(() => [
  [0, 'SKF_AD_PROTOCOL'], [4, 'SKF_AD_PKTTYPE'], [8, 'SKF_AD_IFINDEX'], [12, 'SKF_AD_NLATTR'], [16, 'SKF_AD_NLATTR_NEST'],
  [20, 'SKF_AD_MARK'], [24, 'SKF_AD_QUEUE'], [28, 'SKF_AD_HATYPE'], [32, 'SKF_AD_RXHASH'], [36, 'SKF_AD_CPU'],
  [40, 'SKF_AD_ALU_XOR_X'], [44, 'SKF_AD_VLAN_TAG'], [48, 'SKF_AD_VLAN_TAG_PRESENT'], [52, 'SKF_AD_PAY_OFFSET'],
  [56, 'SKF_AD_RANDOM'], [60, 'SKF_AD_VLAN_TPID'],
]);
