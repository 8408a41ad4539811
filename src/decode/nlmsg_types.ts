/**
 * Netlink message types and request-flag kinds of the families other than route and sock_diag:
 * audit, xfrm, crypto, selinux, and netfilter, whose types strace splits into a subsystem and a
 * message (`NFNL_SUBSYS_ACCT<<8|NFNL_MSG_ACCT_NEW`). Tables from the linux/ headers, by the names
 * strace prints.
 */
import { join, tok, uint, type Value } from './value.js';
import { xlat, type Xlat } from './xlat/core.js';
import { xval } from './printers.js';

/** nl_audit_types: NETLINK_AUDIT message types. */
const AUDIT_TYPES = xlat(() => [
  [1000, 'AUDIT_GET'], [1001, 'AUDIT_SET'], [1002, 'AUDIT_LIST'], [1003, 'AUDIT_ADD'], [1004, 'AUDIT_DEL'],
  [1005, 'AUDIT_USER'], [1006, 'AUDIT_LOGIN'], [1007, 'AUDIT_WATCH_INS'], [1008, 'AUDIT_WATCH_REM'],
  [1009, 'AUDIT_WATCH_LIST'], [1010, 'AUDIT_SIGNAL_INFO'], [1011, 'AUDIT_ADD_RULE'], [1012, 'AUDIT_DEL_RULE'],
  [1013, 'AUDIT_LIST_RULES'], [1014, 'AUDIT_TRIM'], [1015, 'AUDIT_MAKE_EQUIV'], [1016, 'AUDIT_TTY_GET'],
  [1017, 'AUDIT_TTY_SET'], [1018, 'AUDIT_SET_FEATURE'], [1019, 'AUDIT_GET_FEATURE'], [1100, 'AUDIT_FIRST_USER_MSG'],
  [1107, 'AUDIT_USER_AVC'], [1124, 'AUDIT_USER_TTY'], [1199, 'AUDIT_LAST_USER_MSG'], [1200, 'AUDIT_DAEMON_START'],
  [1201, 'AUDIT_DAEMON_END'], [1202, 'AUDIT_DAEMON_ABORT'], [1203, 'AUDIT_DAEMON_CONFIG'], [1300, 'AUDIT_SYSCALL'],
  [1301, 'AUDIT_FS_WATCH'], [1302, 'AUDIT_PATH'], [1303, 'AUDIT_IPC'], [1304, 'AUDIT_SOCKETCALL'],
  [1305, 'AUDIT_CONFIG_CHANGE'], [1306, 'AUDIT_SOCKADDR'], [1307, 'AUDIT_CWD'], [1309, 'AUDIT_EXECVE'],
  [1311, 'AUDIT_IPC_SET_PERM'], [1312, 'AUDIT_MQ_OPEN'], [1313, 'AUDIT_MQ_SENDRECV'], [1314, 'AUDIT_MQ_NOTIFY'],
  [1315, 'AUDIT_MQ_GETSETATTR'], [1316, 'AUDIT_KERNEL_OTHER'], [1317, 'AUDIT_FD_PAIR'], [1318, 'AUDIT_OBJ_PID'],
  [1319, 'AUDIT_TTY'], [1320, 'AUDIT_EOE'], [1321, 'AUDIT_BPRM_FCAPS'], [1322, 'AUDIT_CAPSET'], [1323, 'AUDIT_MMAP'],
  [1324, 'AUDIT_NETFILTER_PKT'], [1325, 'AUDIT_NETFILTER_CFG'], [1326, 'AUDIT_SECCOMP'], [1327, 'AUDIT_PROCTITLE'],
  [1328, 'AUDIT_FEATURE_CHANGE'], [1329, 'AUDIT_REPLACE'], [1330, 'AUDIT_KERN_MODULE'], [1331, 'AUDIT_FANOTIFY'],
  [1332, 'AUDIT_TIME_INJOFFSET'], [1333, 'AUDIT_TIME_ADJNTPVAL'], [1334, 'AUDIT_BPF'],
  [1335, 'AUDIT_EVENT_LISTENER'], [1336, 'AUDIT_URINGOP'], [1337, 'AUDIT_OPENAT2'], [1338, 'AUDIT_DM_CTRL'],
  [1339, 'AUDIT_DM_EVENT'], [1400, 'AUDIT_AVC'], [1401, 'AUDIT_SELINUX_ERR'], [1402, 'AUDIT_AVC_PATH'],
  [1403, 'AUDIT_MAC_POLICY_LOAD'], [1404, 'AUDIT_MAC_STATUS'], [1405, 'AUDIT_MAC_CONFIG_CHANGE'],
  [1406, 'AUDIT_MAC_UNLBL_ALLOW'], [1407, 'AUDIT_MAC_CIPSOV4_ADD'], [1408, 'AUDIT_MAC_CIPSOV4_DEL'],
  [1409, 'AUDIT_MAC_MAP_ADD'], [1410, 'AUDIT_MAC_MAP_DEL'], [1411, 'AUDIT_MAC_IPSEC_ADDSA'],
  [1412, 'AUDIT_MAC_IPSEC_DELSA'], [1413, 'AUDIT_MAC_IPSEC_ADDSPD'], [1414, 'AUDIT_MAC_IPSEC_DELSPD'],
  [1415, 'AUDIT_MAC_IPSEC_EVENT'], [1416, 'AUDIT_MAC_UNLBL_STCADD'], [1417, 'AUDIT_MAC_UNLBL_STCDEL'],
  [1418, 'AUDIT_MAC_CALIPSO_ADD'], [1419, 'AUDIT_MAC_CALIPSO_DEL'], [1700, 'AUDIT_ANOM_PROMISCUOUS'],
  [1701, 'AUDIT_ANOM_ABEND'], [1702, 'AUDIT_ANOM_LINK'], [1703, 'AUDIT_ANOM_CREAT'],
  [1799, 'AUDIT_LAST_KERN_ANOM_MSG'], [1800, 'AUDIT_INTEGRITY_DATA'], [1801, 'AUDIT_INTEGRITY_METADATA'],
  [1802, 'AUDIT_INTEGRITY_STATUS'], [1803, 'AUDIT_INTEGRITY_HASH'], [1804, 'AUDIT_INTEGRITY_PCR'],
  [1805, 'AUDIT_INTEGRITY_RULE'], [1806, 'AUDIT_INTEGRITY_EVM_XATTR'], [1807, 'AUDIT_INTEGRITY_POLICY_RULE'],
  [2000, 'AUDIT_KERNEL'], [2100, 'AUDIT_FIRST_USER_MSG2'], [2999, 'AUDIT_LAST_USER_MSG2'],
]);

/** nl_xfrm_types: NETLINK_XFRM message types. */
const XFRM_TYPES = xlat(() => [
  [0x10, 'XFRM_MSG_NEWSA'], [0x11, 'XFRM_MSG_DELSA'], [0x12, 'XFRM_MSG_GETSA'], [0x13, 'XFRM_MSG_NEWPOLICY'],
  [0x14, 'XFRM_MSG_DELPOLICY'], [0x15, 'XFRM_MSG_GETPOLICY'], [0x16, 'XFRM_MSG_ALLOCSPI'],
  [0x17, 'XFRM_MSG_ACQUIRE'], [0x18, 'XFRM_MSG_EXPIRE'], [0x19, 'XFRM_MSG_UPDPOLICY'], [0x1a, 'XFRM_MSG_UPDSA'],
  [0x1b, 'XFRM_MSG_POLEXPIRE'], [0x1c, 'XFRM_MSG_FLUSHSA'], [0x1d, 'XFRM_MSG_FLUSHPOLICY'], [0x1e, 'XFRM_MSG_NEWAE'],
  [0x1f, 'XFRM_MSG_GETAE'], [0x20, 'XFRM_MSG_REPORT'], [0x21, 'XFRM_MSG_MIGRATE'], [0x22, 'XFRM_MSG_NEWSADINFO'],
  [0x23, 'XFRM_MSG_GETSADINFO'], [0x24, 'XFRM_MSG_NEWSPDINFO'], [0x25, 'XFRM_MSG_GETSPDINFO'],
  [0x26, 'XFRM_MSG_MAPPING'], [0x27, 'XFRM_MSG_SETDEFAULT'], [0x28, 'XFRM_MSG_GETDEFAULT'],
]);

/** nl_crypto_types: NETLINK_CRYPTO message types. */
const CRYPTO_TYPES = xlat(() => [
  [0x10, 'CRYPTO_MSG_NEWALG'], [0x11, 'CRYPTO_MSG_DELALG'], [0x12, 'CRYPTO_MSG_UPDATEALG'],
  [0x13, 'CRYPTO_MSG_GETALG'], [0x14, 'CRYPTO_MSG_DELRNG'],
]);

/** nl_selinux_types: NETLINK_SELINUX message types. */
const SELINUX_TYPES = xlat(() => [
  [0x10, 'SELNL_MSG_SETENFORCE'], [0x11, 'SELNL_MSG_POLICYLOAD'],
]);

/** nl_netfilter_subsys_ids: the subsystem in a netfilter message type's high byte. */
const NF_SUBSYS = xlat(() => [
  [0x0, 'NFNL_SUBSYS_NONE'], [0x1, 'NFNL_SUBSYS_CTNETLINK'], [0x2, 'NFNL_SUBSYS_CTNETLINK_EXP'],
  [0x3, 'NFNL_SUBSYS_QUEUE'], [0x4, 'NFNL_SUBSYS_ULOG'], [0x5, 'NFNL_SUBSYS_OSF'], [0x6, 'NFNL_SUBSYS_IPSET'],
  [0x7, 'NFNL_SUBSYS_ACCT'], [0x8, 'NFNL_SUBSYS_CTNETLINK_TIMEOUT'], [0x9, 'NFNL_SUBSYS_CTHELPER'],
  [0xa, 'NFNL_SUBSYS_NFTABLES'], [0xb, 'NFNL_SUBSYS_NFT_COMPAT'], [0xc, 'NFNL_SUBSYS_HOOK'],
]);

/** nl_netfilter_msg_types: netfilter's batch control messages. */
const NF_CONTROL_TYPES = xlat(() => [
  [0x10, 'NFNL_MSG_BATCH_BEGIN'], [0x11, 'NFNL_MSG_BATCH_END'],
]);

/** nf_ctnetlink_msg_types. */
const NF_CTNETLINK_TYPES = xlat(() => [
  [0x0, 'IPCTNL_MSG_CT_NEW'], [0x1, 'IPCTNL_MSG_CT_GET'], [0x2, 'IPCTNL_MSG_CT_DELETE'],
  [0x3, 'IPCTNL_MSG_CT_GET_CTRZERO'], [0x4, 'IPCTNL_MSG_CT_GET_STATS_CPU'], [0x5, 'IPCTNL_MSG_CT_GET_STATS'],
  [0x6, 'IPCTNL_MSG_CT_GET_DYING'], [0x7, 'IPCTNL_MSG_CT_GET_UNCONFIRMED'],
]);

/** nf_ctnetlink_exp_msg_types. */
const NF_CTNETLINK_EXP_TYPES = xlat(() => [
  [0x0, 'IPCTNL_MSG_EXP_NEW'], [0x1, 'IPCTNL_MSG_EXP_GET'], [0x2, 'IPCTNL_MSG_EXP_DELETE'],
  [0x3, 'IPCTNL_MSG_EXP_GET_STATS_CPU'],
]);

/** nf_queue_msg_types. */
const NF_QUEUE_TYPES = xlat(() => [
  [0x0, 'NFQNL_MSG_PACKET'], [0x1, 'NFQNL_MSG_VERDICT'], [0x2, 'NFQNL_MSG_CONFIG'], [0x3, 'NFQNL_MSG_VERDICT_BATCH'],
]);

/** nf_ulog_msg_types. */
const NF_ULOG_TYPES = xlat(() => [
  [0x0, 'NFULNL_MSG_PACKET'], [0x1, 'NFULNL_MSG_CONFIG'],
]);

/** nf_osf_msg_types. */
const NF_OSF_TYPES = xlat(() => [
  [0x0, 'OSF_MSG_ADD'], [0x1, 'OSF_MSG_REMOVE'],
]);

/** nf_ipset_msg_types. */
const NF_IPSET_TYPES = xlat(() => [
  [0x0, 'IPSET_CMD_NONE'], [0x1, 'IPSET_CMD_PROTOCOL'], [0x2, 'IPSET_CMD_CREATE'], [0x3, 'IPSET_CMD_DESTROY'],
  [0x4, 'IPSET_CMD_FLUSH'], [0x5, 'IPSET_CMD_RENAME'], [0x6, 'IPSET_CMD_SWAP'], [0x7, 'IPSET_CMD_LIST'],
  [0x8, 'IPSET_CMD_SAVE'], [0x9, 'IPSET_CMD_ADD'], [0xa, 'IPSET_CMD_DEL'], [0xb, 'IPSET_CMD_TEST'],
  [0xc, 'IPSET_CMD_HEADER'], [0xd, 'IPSET_CMD_TYPE'], [0x10, 'IPSET_CMD_RESTORE'], [0x11, 'IPSET_CMD_HELP'],
  [0x12, 'IPSET_CMD_VERSION'], [0x13, 'IPSET_CMD_QUIT'], [0x14, 'IPSET_CMD_COMMIT'],
]);

/** nf_acct_msg_types. */
const NF_ACCT_TYPES = xlat(() => [
  [0x0, 'NFNL_MSG_ACCT_NEW'], [0x1, 'NFNL_MSG_ACCT_GET'], [0x2, 'NFNL_MSG_ACCT_GET_CTRZERO'],
  [0x3, 'NFNL_MSG_ACCT_DEL'], [0x4, 'NFNL_MSG_ACCT_OVERQUOTA'],
]);

/** nf_cttimeout_msg_types. */
const NF_CTTIMEOUT_TYPES = xlat(() => [
  [0x0, 'IPCTNL_MSG_TIMEOUT_NEW'], [0x1, 'IPCTNL_MSG_TIMEOUT_GET'], [0x2, 'IPCTNL_MSG_TIMEOUT_DELETE'],
  [0x3, 'IPCTNL_MSG_TIMEOUT_DEFAULT_SET'], [0x4, 'IPCTNL_MSG_TIMEOUT_DEFAULT_GET'],
]);

/** nf_cthelper_msg_types. */
const NF_CTHELPER_TYPES = xlat(() => [
  [0x0, 'NFNL_MSG_CTHELPER_NEW'], [0x1, 'NFNL_MSG_CTHELPER_GET'], [0x2, 'NFNL_MSG_CTHELPER_DEL'],
]);

/** nf_nftables_msg_types. */
const NF_NFTABLES_TYPES = xlat(() => [
  [0x0, 'NFT_MSG_NEWTABLE'], [0x1, 'NFT_MSG_GETTABLE'], [0x2, 'NFT_MSG_DELTABLE'], [0x3, 'NFT_MSG_NEWCHAIN'],
  [0x4, 'NFT_MSG_GETCHAIN'], [0x5, 'NFT_MSG_DELCHAIN'], [0x6, 'NFT_MSG_NEWRULE'], [0x7, 'NFT_MSG_GETRULE'],
  [0x8, 'NFT_MSG_DELRULE'], [0x9, 'NFT_MSG_NEWSET'], [0xa, 'NFT_MSG_GETSET'], [0xb, 'NFT_MSG_DELSET'],
  [0xc, 'NFT_MSG_NEWSETELEM'], [0xd, 'NFT_MSG_GETSETELEM'], [0xe, 'NFT_MSG_DELSETELEM'], [0xf, 'NFT_MSG_NEWGEN'],
  [0x10, 'NFT_MSG_GETGEN'], [0x11, 'NFT_MSG_TRACE'], [0x12, 'NFT_MSG_NEWOBJ'], [0x13, 'NFT_MSG_GETOBJ'],
  [0x14, 'NFT_MSG_DELOBJ'], [0x15, 'NFT_MSG_GETOBJ_RESET'], [0x16, 'NFT_MSG_NEWFLOWTABLE'],
  [0x17, 'NFT_MSG_GETFLOWTABLE'], [0x18, 'NFT_MSG_DELFLOWTABLE'],
]);

/** nf_nft_compat_msg_types. */
const NF_NFT_COMPAT_TYPES = xlat(() => [
  [0x0, 'NFNL_MSG_COMPAT_GET'],
]);

/** nf_hook_msg_types. */
const NF_HOOK_TYPES = xlat(() => [
  [0x0, 'NFNL_MSG_HOOK_GET'],
]);

/** The message tables of the netfilter subsystems, by subsystem id, with strace's fallback names. */
const NF_MESSAGES: ReadonlyArray<readonly [Xlat, string] | undefined> = [
  undefined, [NF_CTNETLINK_TYPES, 'IPCTNL_MSG_CT_???'], [NF_CTNETLINK_EXP_TYPES, 'IPCTNL_MSG_EXP_???'],
  [NF_QUEUE_TYPES, 'NFQNL_MSG_???'], [NF_ULOG_TYPES, 'NFULNL_MSG_???'], [NF_OSF_TYPES, 'OSF_MSG_???'],
  [NF_IPSET_TYPES, 'IPSET_CMD_???'], [NF_ACCT_TYPES, 'NFNL_MSG_ACCT_???'], [NF_CTTIMEOUT_TYPES, 'IPCTNL_MSG_TIMEOUT_???'],
  [NF_CTHELPER_TYPES, 'NFNL_MSG_CTHELPER_???'], [NF_NFTABLES_TYPES, 'NFT_MSG_???'], [NF_NFT_COMPAT_TYPES, 'NFNL_MSG_COMPAT_???'],
  [NF_HOOK_TYPES, 'NFT_MSG_HOOK_???'],
];

const NETLINK_XFRM = 6;
const NETLINK_SELINUX = 7;
const NETLINK_AUDIT = 9;
const NETLINK_NETFILTER = 12;
const NETLINK_CRYPTO = 21;

/** Families whose message types are one table. */
const TYPE_TABLES: Readonly<Record<number, readonly [Xlat, string]>> = {
  [NETLINK_AUDIT]: [AUDIT_TYPES, 'AUDIT_???'], [NETLINK_CRYPTO]: [CRYPTO_TYPES, 'CRYPTO_MSG_???'],
  [NETLINK_SELINUX]: [SELINUX_TYPES, 'SELNL_MSG_???'], [NETLINK_XFRM]: [XFRM_TYPES, 'XFRM_MSG_???'],
};

/** A message type (16 or more) of these families, as strace names it; undefined for other families. */
export function nlmsgTypeV(type: number, family: number | undefined): Value | undefined {
  if (family === undefined) return undefined;
  const table = TYPE_TABLES[family];
  if (table) return xval(table[0], BigInt(type), table[1]);
  if (family !== NETLINK_NETFILTER) return undefined;
  const control = NF_CONTROL_TYPES.byValue.get(BigInt(type));
  if (control) return xval(NF_CONTROL_TYPES, BigInt(type));
  const subsys = type >> 8;
  const msg = type & 0xff;
  const messages = NF_MESSAGES[subsys];
  return join('', xval(NF_SUBSYS, BigInt(subsys), 'NFNL_SUBSYS_???'), tok('<<'), uint(8), tok('|'),
    messages ? xval(messages[0], BigInt(msg), messages[1]) : { k: 'int', v: BigInt(msg), fmt: 'x' });
}

type FlagKind = 'new' | 'get' | 'delete';

/** The netfilter messages that create, get or delete, by subsystem: [new, get, delete] message numbers. */
const NF_KINDS: Readonly<Record<number, readonly [number[], number[], number[]]>> = {
  1: [[0], [1, 3, 4, 5, 6, 7], [2]], 2: [[0], [1, 3], [2]], 7: [[0], [1, 2], [3]], 8: [[0], [1], [2]], 9: [[0], [1], [2]],
  10: [[0, 3, 6, 9, 12, 15, 0x12, 0x16], [1, 4, 7, 0xa, 0xd, 0x10, 0x13, 0x15, 0x17], [2, 5, 8, 0xb, 0xe, 0x14, 0x18]],
  11: [[], [0], []], 12: [[], [0], []],
};
/** Same for the single-table families, by message type. */
const KINDS: Readonly<Record<number, readonly [number[], number[], number[]]>> = {
  [NETLINK_CRYPTO]: [[0x10], [0x13], [0x11, 0x14]],
  [NETLINK_XFRM]: [[0x10, 0x13, 0x1e, 0x22, 0x24], [0x12, 0x15, 0x1f, 0x23, 0x25], [0x11, 0x14]],
};

const kindOf = (k: readonly [number[], number[], number[]] | undefined, n: number): FlagKind | undefined =>
  !k ? undefined : k[0].includes(n) ? 'new' : k[1].includes(n) ? 'get' : k[2].includes(n) ? 'delete' : undefined;

/**
 * Whether a message of these families creates, gets or deletes (which names its high flag bits);
 * null: none of these; undefined: not one of these families.
 */
export function nlmsgFlagKind(type: number, family: number | undefined): FlagKind | null | undefined {
  if (family === NETLINK_NETFILTER) return kindOf(NF_KINDS[type >> 8], type & 0xff) ?? null;
  if (family === NETLINK_CRYPTO || family === NETLINK_XFRM) return kindOf(KINDS[family], type) ?? null;
  return family === NETLINK_AUDIT || family === NETLINK_SELINUX ? null : undefined;
}
