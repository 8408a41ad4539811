/**
 * Constant tables of the desc family's asynchronous I/O (Linux AIO, io_uring), from strace 6.1's
 * src/xlat/*.in (same names, same order) with x86_64 values.
 */
import { xlat } from './core.js';

/** aio_cmds: iocb.aio_lio_opcode. */
export const AIO_CMDS = xlat(() => [
  [0, 'IOCB_CMD_PREAD'], [1, 'IOCB_CMD_PWRITE'], [2, 'IOCB_CMD_FSYNC'], [3, 'IOCB_CMD_FDSYNC'],
  [4, 'IOCB_CMD_PREADX'], [5, 'IOCB_CMD_POLL'], [6, 'IOCB_CMD_NOOP'], [7, 'IOCB_CMD_PREADV'],
  [8, 'IOCB_CMD_PWRITEV'],
]);

/** aio_iocb_flags: iocb.aio_flags. */
export const AIO_IOCB_FLAGS = xlat(() => [[1, 'IOCB_FLAG_RESFD'], [2, 'IOCB_FLAG_IOPRIO']]);

const bits = (names: string[]): [number, string][] => names.map((n, i) => [2 ** i, n]);

/** uring_setup_flags: io_uring_params.flags. */
export const URING_SETUP_FLAGS = xlat(() => bits([
  'IORING_SETUP_IOPOLL', 'IORING_SETUP_SQPOLL', 'IORING_SETUP_SQ_AFF', 'IORING_SETUP_CQSIZE',
  'IORING_SETUP_CLAMP', 'IORING_SETUP_ATTACH_WQ', 'IORING_SETUP_R_DISABLED', 'IORING_SETUP_SUBMIT_ALL',
  'IORING_SETUP_COOP_TASKRUN', 'IORING_SETUP_TASKRUN_FLAG', 'IORING_SETUP_SQE128', 'IORING_SETUP_CQE32',
]));
export const IORING_SETUP_ATTACH_WQ = 0x20;

/** uring_setup_features: io_uring_params.features. */
export const URING_SETUP_FEATURES = xlat(() => bits([
  'IORING_FEAT_SINGLE_MMAP', 'IORING_FEAT_NODROP', 'IORING_FEAT_SUBMIT_STABLE', 'IORING_FEAT_RW_CUR_POS',
  'IORING_FEAT_CUR_PERSONALITY', 'IORING_FEAT_FAST_POLL', 'IORING_FEAT_POLL_32BITS',
  'IORING_FEAT_SQPOLL_NONFIXED', 'IORING_FEAT_EXT_ARG', 'IORING_FEAT_NATIVE_WORKERS',
  'IORING_FEAT_RSRC_TAGS', 'IORING_FEAT_CQE_SKIP', 'IORING_FEAT_LINKED_FILE',
]));

/** uring_enter_flags: io_uring_enter's flags. */
export const URING_ENTER_FLAGS = xlat(() => bits([
  'IORING_ENTER_GETEVENTS', 'IORING_ENTER_SQ_WAKEUP', 'IORING_ENTER_SQ_WAIT', 'IORING_ENTER_EXT_ARG',
  'IORING_ENTER_REGISTERED_RING',
]));

/** uring_register_opcodes: io_uring_register's opcode (values 0…23 in this order). */
export const URING_REGISTER_OPCODES = xlat(() => [
  'IORING_REGISTER_BUFFERS', 'IORING_UNREGISTER_BUFFERS', 'IORING_REGISTER_FILES', 'IORING_UNREGISTER_FILES',
  'IORING_REGISTER_EVENTFD', 'IORING_UNREGISTER_EVENTFD', 'IORING_REGISTER_FILES_UPDATE',
  'IORING_REGISTER_EVENTFD_ASYNC', 'IORING_REGISTER_PROBE', 'IORING_REGISTER_PERSONALITY',
  'IORING_UNREGISTER_PERSONALITY', 'IORING_REGISTER_RESTRICTIONS', 'IORING_REGISTER_ENABLE_RINGS',
  'IORING_REGISTER_FILES2', 'IORING_REGISTER_FILES_UPDATE2', 'IORING_REGISTER_BUFFERS2',
  'IORING_REGISTER_BUFFERS_UPDATE', 'IORING_REGISTER_IOWQ_AFF', 'IORING_UNREGISTER_IOWQ_AFF',
  'IORING_REGISTER_IOWQ_MAX_WORKERS', 'IORING_REGISTER_RING_FDS', 'IORING_UNREGISTER_RING_FDS',
  'IORING_REGISTER_PBUF_RING', 'IORING_UNREGISTER_PBUF_RING',
].map((n, i) => [i, n] as [number, string]));

/** fiemap_flags: struct fiemap's fm_flags. */
export const FIEMAP_FLAGS = xlat(() => [[1, 'FIEMAP_FLAG_SYNC'], [2, 'FIEMAP_FLAG_XATTR'], [4, 'FIEMAP_FLAG_CACHE']]);

/** fiemap_extent_flags: struct fiemap_extent's fe_flags. */
export const FIEMAP_EXTENT_FLAGS = xlat(() => [
  [0x1, 'FIEMAP_EXTENT_LAST'], [0x2, 'FIEMAP_EXTENT_UNKNOWN'], [0x4, 'FIEMAP_EXTENT_DELALLOC'],
  [0x8, 'FIEMAP_EXTENT_ENCODED'], [0x80, 'FIEMAP_EXTENT_DATA_ENCRYPTED'], [0x100, 'FIEMAP_EXTENT_NOT_ALIGNED'],
  [0x200, 'FIEMAP_EXTENT_DATA_INLINE'], [0x400, 'FIEMAP_EXTENT_DATA_TAIL'], [0x800, 'FIEMAP_EXTENT_UNWRITTEN'],
  [0x1000, 'FIEMAP_EXTENT_MERGED'], [0x2000, 'FIEMAP_EXTENT_SHARED'],
]);

/** fs_xflags: struct fsxattr's fsx_xflags. */
export const FS_XFLAGS = xlat(() => [
  [0x1, 'FS_XFLAG_REALTIME'], [0x2, 'FS_XFLAG_PREALLOC'], [0x8, 'FS_XFLAG_IMMUTABLE'], [0x10, 'FS_XFLAG_APPEND'],
  [0x20, 'FS_XFLAG_SYNC'], [0x40, 'FS_XFLAG_NOATIME'], [0x80, 'FS_XFLAG_NODUMP'], [0x100, 'FS_XFLAG_RTINHERIT'],
  [0x200, 'FS_XFLAG_PROJINHERIT'], [0x400, 'FS_XFLAG_NOSYMLINKS'], [0x800, 'FS_XFLAG_EXTSIZE'],
  [0x1000, 'FS_XFLAG_EXTSZINHERIT'], [0x2000, 'FS_XFLAG_NODEFRAG'], [0x4000, 'FS_XFLAG_FILESTREAM'],
  [0x8000, 'FS_XFLAG_DAX'], [0x10000, 'FS_XFLAG_COWEXTSIZE'], [0x80000000, 'FS_XFLAG_HASATTR'],
]);

/** loop_flags_options: lo_flags of struct loop_info/loop_info64. */
export const LOOP_FLAGS = xlat(() => [
  [1, 'LO_FLAGS_READ_ONLY'], [2, 'LO_FLAGS_USE_AOPS'], [4, 'LO_FLAGS_AUTOCLEAR'], [8, 'LO_FLAGS_PARTSCAN'],
  [16, 'LO_FLAGS_DIRECT_IO'],
]);

/** loop_crypt_type_options: lo_encrypt_type. */
export const LOOP_CRYPT_TYPES = xlat(() => [
  [0, 'LO_CRYPT_NONE'], [1, 'LO_CRYPT_XOR'], [2, 'LO_CRYPT_DES'], [3, 'LO_CRYPT_FISH2'], [4, 'LO_CRYPT_BLOW'],
  [5, 'LO_CRYPT_CAST128'], [6, 'LO_CRYPT_IDEA'], [9, 'LO_CRYPT_DUMMY'], [10, 'LO_CRYPT_SKIPJACK'],
  [18, 'LO_CRYPT_CRYPTOAPI'],
]);

/** uring_register_rsrc_flags: io_uring_rsrc_register.flags. */
export const URING_REGISTER_RSRC_FLAGS = xlat(() => [[1, 'IORING_RSRC_REGISTER_SPARSE']]);

/** uring_ops: io_uring operations (values 0…46 in this order). */
export const URING_OPS = xlat(() => [
  'IORING_OP_NOP', 'IORING_OP_READV', 'IORING_OP_WRITEV', 'IORING_OP_FSYNC', 'IORING_OP_READ_FIXED',
  'IORING_OP_WRITE_FIXED', 'IORING_OP_POLL_ADD', 'IORING_OP_POLL_REMOVE', 'IORING_OP_SYNC_FILE_RANGE',
  'IORING_OP_SENDMSG', 'IORING_OP_RECVMSG', 'IORING_OP_TIMEOUT', 'IORING_OP_TIMEOUT_REMOVE', 'IORING_OP_ACCEPT',
  'IORING_OP_ASYNC_CANCEL', 'IORING_OP_LINK_TIMEOUT', 'IORING_OP_CONNECT', 'IORING_OP_FALLOCATE', 'IORING_OP_OPENAT',
  'IORING_OP_CLOSE', 'IORING_OP_FILES_UPDATE', 'IORING_OP_STATX', 'IORING_OP_READ', 'IORING_OP_WRITE',
  'IORING_OP_FADVISE', 'IORING_OP_MADVISE', 'IORING_OP_SEND', 'IORING_OP_RECV', 'IORING_OP_OPENAT2',
  'IORING_OP_EPOLL_CTL', 'IORING_OP_SPLICE', 'IORING_OP_PROVIDE_BUFFERS', 'IORING_OP_REMOVE_BUFFERS', 'IORING_OP_TEE',
  'IORING_OP_SHUTDOWN', 'IORING_OP_RENAMEAT', 'IORING_OP_UNLINKAT', 'IORING_OP_MKDIRAT', 'IORING_OP_SYMLINKAT',
  'IORING_OP_LINKAT', 'IORING_OP_MSG_RING', 'IORING_OP_FSETXATTR', 'IORING_OP_SETXATTR', 'IORING_OP_FGETXATTR',
  'IORING_OP_GETXATTR', 'IORING_OP_SOCKET', 'IORING_OP_URING_CMD',
].map((n, i) => [i, n] as [number, string]));

/** uring_op_flags: io_uring_probe_op.flags. */
export const URING_OP_FLAGS = xlat(() => [[1, 'IO_URING_OP_SUPPORTED']]);

/** uring_restriction_opcodes: io_uring_restriction.opcode. */
export const URING_RESTRICTION_OPCODES = xlat(() => [
  [0, 'IORING_RESTRICTION_REGISTER_OP'], [1, 'IORING_RESTRICTION_SQE_OP'],
  [2, 'IORING_RESTRICTION_SQE_FLAGS_ALLOWED'], [3, 'IORING_RESTRICTION_SQE_FLAGS_REQUIRED'],
]);

/** uring_sqe_flags: IOSQE_* submission flags. */
export const URING_SQE_FLAGS = xlat(() => bits([
  'IOSQE_FIXED_FILE', 'IOSQE_IO_DRAIN', 'IOSQE_IO_LINK', 'IOSQE_IO_HARDLINK', 'IOSQE_ASYNC', 'IOSQE_BUFFER_SELECT',
  'IOSQE_CQE_SKIP_SUCCESS',
]));

/** uring_iowq_acct: the indices of IORING_REGISTER_IOWQ_MAX_WORKERS' array. */
export const URING_IOWQ_ACCT = xlat(() => [[0, 'IO_WQ_BOUND'], [1, 'IO_WQ_UNBOUND']]);

/** setns_types: the namespace type NS_GET_NSTYPE returns. */
export const NS_TYPES = xlat(() => [
  [0x80, 'CLONE_NEWTIME'], [0x20000, 'CLONE_NEWNS'], [0x02000000, 'CLONE_NEWCGROUP'], [0x04000000, 'CLONE_NEWUTS'],
  [0x08000000, 'CLONE_NEWIPC'], [0x10000000, 'CLONE_NEWUSER'], [0x20000000, 'CLONE_NEWPID'], [0x40000000, 'CLONE_NEWNET'],
]);

/** hdio_ide_nice: HDIO_[GS]ET_NICE bits, named by their shift as strace does. */
export const HDIO_IDE_NICE = xlat(() => [
  [1, '1 << IDE_NICE_DSC_OVERLAP'], [2, '1 << IDE_NICE_ATAPI_OVERLAP'], [8, '1 << IDE_NICE_1'], [4, '1 << IDE_NICE_0'],
  [16, '1 << IDE_NICE_2'],
]);

/** hdio_busstates: HDIO_[GS]ET_BUSSTATE. */
export const HDIO_BUSSTATES = xlat(() => [[0, 'BUSSTATE_OFF'], [1, 'BUSSTATE_ON'], [2, 'BUSSTATE_TRISTATE']]);

/** perf_ioctl_flags: PERF_EVENT_IOC_ENABLE/DISABLE/RESET's argument. */
export const PERF_IOCTL_FLAGS = xlat(() => [[1, 'PERF_IOC_FLAG_GROUP']]);

/** uffd_api_features: struct uffdio_api's features. */
export const UFFD_API_FEATURES = xlat(() => bits([
  'UFFD_FEATURE_PAGEFAULT_FLAG_WP', 'UFFD_FEATURE_EVENT_FORK', 'UFFD_FEATURE_EVENT_REMAP', 'UFFD_FEATURE_EVENT_REMOVE',
  'UFFD_FEATURE_MISSING_HUGETLBFS', 'UFFD_FEATURE_MISSING_SHMEM', 'UFFD_FEATURE_EVENT_UNMAP', 'UFFD_FEATURE_SIGBUS',
  'UFFD_FEATURE_THREAD_ID', 'UFFD_FEATURE_MINOR_HUGETLBFS', 'UFFD_FEATURE_MINOR_SHMEM', 'UFFD_FEATURE_EXACT_ADDRESS',
  'UFFD_FEATURE_WP_HUGETLBFS_SHMEM',
]));

/** uffd_api_flags: the ioctls UFFDIO_API reports (bit numbers are the requests' _IOC_NR). */
export const UFFD_API_FLAGS = xlat(() => [[1, '1<<_UFFDIO_REGISTER'], [2, '1<<_UFFDIO_UNREGISTER'], [2 ** 0x3f, '1<<_UFFDIO_API']]);

/** uffd_register_ioctl_flags: the ioctls UFFDIO_REGISTER reports for the range. */
export const UFFD_REGISTER_IOCTL_FLAGS = xlat(() => [
  [1 << 2, '1<<_UFFDIO_WAKE'], [1 << 3, '1<<_UFFDIO_COPY'], [1 << 4, '1<<_UFFDIO_ZEROPAGE'],
  [1 << 6, '1<<_UFFDIO_WRITEPROTECT'], [1 << 7, '1<<_UFFDIO_CONTINUE'],
]);

export const UFFD_REGISTER_MODE_FLAGS = xlat(() => [
  [1, 'UFFDIO_REGISTER_MODE_MISSING'], [2, 'UFFDIO_REGISTER_MODE_WP'], [4, 'UFFDIO_REGISTER_MODE_MINOR'],
]);
export const UFFD_COPY_FLAGS = xlat(() => [[1, 'UFFDIO_COPY_MODE_DONTWAKE'], [2, 'UFFDIO_COPY_MODE_WP']]);
export const UFFD_ZEROPAGE_FLAGS = xlat(() => [[1, 'UFFDIO_ZEROPAGE_MODE_DONTWAKE']]);

/** seccomp_ioctl_resp_flags, seccomp_ioctl_addfd_flags: seccomp user notification flags. */
export const SECCOMP_RESP_FLAGS = xlat(() => [[1, 'SECCOMP_USER_NOTIF_FLAG_CONTINUE']]);
export const SECCOMP_ADDFD_FLAGS = xlat(() => [[1, 'SECCOMP_ADDFD_FLAG_SETFD'], [2, 'SECCOMP_ADDFD_FLAG_SEND']]);

/**
 * getdents/getdents64 d_type (value, unknown "DT_???").
 */
export const DIRENT_TYPES = xlat(() => [
  [0, 'DT_UNKNOWN'],
  [1, 'DT_FIFO'],
  [2, 'DT_CHR'],
  [4, 'DT_DIR'],
  [6, 'DT_BLK'],
  [8, 'DT_REG'],
  [10, 'DT_LNK'],
  [12, 'DT_SOCK'],
  [14, 'DT_WHT'],
]);

/**
 * close_range flags (flags, unknown "CLOSE_RANGE_???").
 */
export const CLOSE_RANGE_FLAGS = xlat(() => [
  [0x2, 'CLOSE_RANGE_UNSHARE'],
  [0x4, 'CLOSE_RANGE_CLOEXEC'],
]);

/** hdio_drive_cmds: struct hd_drive_cmd_hdr.command, the ATA opcodes HDIO_DRIVE_CMD sends. */
export const HDIO_DRIVE_CMDS = xlat(() => [
  [0x00, 'ATA_CMD_NOP'], [0x03, 'ATA_CMD_CFA_REQ_EXT_ERR'], [0x06, 'ATA_CMD_DSM'], [0x08, 'ATA_CMD_DEV_RESET'],
  [0x0b, 'ATA_CMD_REQ_SENSE_DATA'], [0x10, 'ATA_CMD_RESTORE'], [0x20, 'ATA_CMD_PIO_READ'],
  [0x22, 'ATA_CMD_READ_LONG'], [0x23, 'ATA_CMD_READ_LONG_ONCE'], [0x24, 'ATA_CMD_PIO_READ_EXT'],
  [0x25, 'ATA_CMD_READ_EXT'], [0x26, 'ATA_CMD_READ_QUEUED'], [0x27, 'ATA_CMD_READ_NATIVE_MAX_EXT'],
  [0x29, 'ATA_CMD_READ_MULTI_EXT'], [0x2a, 'ATA_CMD_READ_STREAM_DMA_EXT'], [0x2b, 'ATA_CMD_READ_STREAM_EXT'],
  [0x2f, 'ATA_CMD_READ_LOG_EXT'], [0x30, 'ATA_CMD_PIO_WRITE'], [0x32, 'ATA_CMD_WRITE_LONG'],
  [0x33, 'ATA_CMD_WRITE_LONG_ONCE'], [0x34, 'ATA_CMD_PIO_WRITE_EXT'], [0x35, 'ATA_CMD_WRITE_EXT'],
  [0x36, 'ATA_CMD_WRITE_QUEUED'], [0x37, 'ATA_CMD_SET_MAX_EXT'], [0x38, 'ATA_CMD_CFA_WRITE_NE'],
  [0x39, 'ATA_CMD_WRITE_MULTI_EXT'], [0x3a, 'ATA_CMD_WRITE_STREAM_DMA_EXT'], [0x3b, 'ATA_CMD_WRITE_STREAM_EXT'],
  [0x3d, 'ATA_CMD_WRITE_FUA_EXT'], [0x3e, 'ATA_CMD_WRITE_QUEUED_FUA_EXT'], [0x3f, 'ATA_CMD_WRITE_LOG_EXT'],
  [0x40, 'ATA_CMD_VERIFY'], [0x42, 'ATA_CMD_VERIFY_EXT'], [0x45, 'ATA_CMD_WRITE_UNCORR_EXT'],
  [0x47, 'ATA_CMD_READ_LOG_DMA_EXT'], [0x4a, 'ATA_CMD_ZAC_MGMT_IN'], [0x51, 'ATA_CMD_CONFIG_STREAM'],
  [0x57, 'ATA_CMD_WRITE_LOG_DMA_EXT'], [0x5b, 'ATA_CMD_TRUSTED_NONDATA'], [0x5c, 'ATA_CMD_TRUSTED_RCV'],
  [0x5d, 'ATA_CMD_TRUSTED_RCV_DMA'], [0x5e, 'ATA_CMD_TRUSTED_SND'], [0x5f, 'ATA_CMD_TRUSTED_SND_DMA'],
  [0x60, 'ATA_CMD_FPDMA_READ'], [0x61, 'ATA_CMD_FPDMA_WRITE'], [0x63, 'ATA_CMD_NCQ_NON_DATA'],
  [0x64, 'ATA_CMD_FPDMA_SEND'], [0x65, 'ATA_CMD_FPDMA_RECV'], [0x87, 'ATA_CMD_CFA_TRANS_SECT'],
  [0x90, 'ATA_CMD_EDD'], [0x91, 'ATA_CMD_INIT_DEV_PARAMS'], [0x92, 'ATA_CMD_DOWNLOAD_MICRO'],
  [0x93, 'ATA_CMD_DOWNLOAD_MICRO_DMA'], [0x9f, 'ATA_CMD_ZAC_MGMT_OUT'], [0xa0, 'ATA_CMD_PACKET'],
  [0xa1, 'ATA_CMD_ID_ATAPI'], [0xa2, 'ATA_CMD_SERVICE'], [0xb0, 'ATA_CMD_SMART'], [0xb1, 'ATA_CMD_CONF_OVERLAY'],
  [0xb4, 'ATA_CMD_SANITIZE_DEVICE'], [0xc0, 'ATA_CMD_CFA_ERASE'], [0xc4, 'ATA_CMD_READ_MULTI'],
  [0xc5, 'ATA_CMD_WRITE_MULTI'], [0xc6, 'ATA_CMD_SET_MULTI'], [0xc8, 'ATA_CMD_READ'], [0xca, 'ATA_CMD_WRITE'],
  [0xcd, 'ATA_CMD_CFA_WRITE_MULT_NE'], [0xce, 'ATA_CMD_WRITE_MULTI_FUA_EXT'], [0xd1, 'ATA_CMD_CHK_MED_CRD_TYP'],
  [0xde, 'ATA_CMD_MEDIA_LOCK'], [0xdf, 'ATA_CMD_MEDIA_UNLOCK'], [0xe0, 'ATA_CMD_STANDBYNOW1'],
  [0xe1, 'ATA_CMD_IDLEIMMEDIATE'], [0xe2, 'ATA_CMD_STANDBY'], [0xe3, 'ATA_CMD_IDLE'], [0xe4, 'ATA_CMD_PMP_READ'],
  [0xe5, 'ATA_CMD_CHK_POWER'], [0xe6, 'ATA_CMD_SLEEP'], [0xe7, 'ATA_CMD_FLUSH'], [0xe8, 'ATA_CMD_PMP_WRITE'],
  [0xe9, 'ATA_CMD_PMP_READ_DMA'], [0xea, 'ATA_CMD_FLUSH_EXT'], [0xeb, 'ATA_CMD_PMP_WRITE_DMA'],
  [0xec, 'ATA_CMD_ID_ATA'], [0xef, 'ATA_CMD_SET_FEATURES'], [0xf1, 'ATA_CMD_SEC_SET_PASS'],
  [0xf2, 'ATA_CMD_SEC_UNLOCK'], [0xf3, 'ATA_CMD_SEC_ERASE_PREP'], [0xf4, 'ATA_CMD_SEC_ERASE_UNIT'],
  [0xf5, 'ATA_CMD_SEC_FREEZE_LOCK'], [0xf6, 'ATA_CMD_SEC_DISABLE_PASS'], [0xf8, 'ATA_CMD_READ_NATIVE_MAX'],
  [0xf9, 'ATA_CMD_SET_MAX'],
]);
