/**
 * Constant tables of the file and desc families that src/decode/xlat/tables.ts does not have, from
 * strace 6.1's src/xlat/*.in (same names, same order) with x86_64 values. Entries strace only includes
 * when a header defines them are left out when x86_64's headers do not (DEFECHO, CTVB, B76800, NL2, …).
 */
import { xlat, type Xlat } from './core.js';

// ---------------------------------------------------------------- termios (asm-generic/termbits.h)

/** c_iflag (flags, no default: 0 prints nothing). */
export const TERM_IFLAGS = xlat(() => [
  [0x1, 'IGNBRK'], [0x2, 'BRKINT'], [0x4, 'IGNPAR'], [0x8, 'PARMRK'], [0x10, 'INPCK'],
  [0x20, 'ISTRIP'], [0x40, 'INLCR'], [0x80, 'IGNCR'], [0x100, 'ICRNL'], [0x200, 'IUCLC'],
  [0x400, 'IXON'], [0x800, 'IXANY'], [0x1000, 'IXOFF'], [0x2000, 'IMAXBEL'], [0x4000, 'IUTF8'],
]);

/** c_oflag bits after the delay fields (flags, no default). */
export const TERM_OFLAGS = xlat(() => [
  [0x1, 'OPOST'], [0x2, 'OLCUC'], [0x4, 'ONLCR'], [0x8, 'OCRNL'], [0x10, 'ONOCR'],
  [0x20, 'ONLRET'], [0x40, 'OFILL'], [0x80, 'OFDEL'],
]);

/**
 * The c_oflag delay fields, printed first and in this order, each as one value of its mask
 * (unknown: the number and a comment `NL?`, …).
 */
export const TERM_OFLAG_FIELDS: ReadonlyArray<{ mask: bigint; x: Xlat; dflt: string }> = [
  { mask: 0x100n, x: xlat(() => [[0, 'NL0'], [0x100, 'NL1']]), dflt: 'NL?' },
  { mask: 0x600n, x: xlat(() => [[0, 'CR0'], [0x200, 'CR1'], [0x400, 'CR2'], [0x600, 'CR3']]), dflt: 'CR?' },
  { mask: 0x1800n, x: xlat(() => [[0x1800, 'XTABS'], [0, 'TAB0'], [0x800, 'TAB1'], [0x1000, 'TAB2'], [0x1800, 'TAB3']]), dflt: 'TAB?' },
  { mask: 0x2000n, x: xlat(() => [[0x2000, 'BS1'], [0, 'BS0']]), dflt: 'BS?' },
  { mask: 0x4000n, x: xlat(() => [[0, 'VT0'], [0x4000, 'VT1']]), dflt: 'VT?' },
  { mask: 0x8000n, x: xlat(() => [[0, 'FF0'], [0x8000, 'FF1']]), dflt: 'FF?' },
];

/** c_cflag: the baud rate (`cflag & CBAUD`, and `(cflag & CIBAUD) >> IBSHIFT`), unknown `B???`. */
export const BAUD_OPTIONS = xlat(() => [
  [0x0, 'B0'], [0x1, 'B50'], [0x2, 'B75'], [0x3, 'B110'], [0x4, 'B134'], [0x5, 'B150'],
  [0x6, 'B200'], [0x7, 'B300'], [0x8, 'B600'], [0x9, 'B1200'], [0xa, 'B1800'], [0xb, 'B2400'],
  [0xc, 'B4800'], [0xd, 'B9600'], [0xe, 'B19200'], [0xf, 'B38400'], [0x1001, 'B57600'],
  [0x1002, 'B115200'], [0x1003, 'B230400'], [0x1004, 'B460800'], [0x1005, 'B500000'],
  [0x1006, 'B576000'], [0x1007, 'B921600'], [0x1008, 'B1000000'], [0x1009, 'B1152000'],
  [0x100a, 'B1500000'], [0x100b, 'B2000000'], [0x100c, 'B2500000'], [0x100d, 'B3000000'],
  [0x100e, 'B3500000'], [0x100f, 'B4000000'], [0xe, 'EXTA'], [0xf, 'EXTB'], [0x1000, 'BOTHER'],
]);
export const CBAUD = 0x100fn;
export const CIBAUD = 0x100f0000n;
export const IBSHIFT = 16n;

/** c_cflag character size, `cflag & CSIZE` (value, unknown `CS?`). */
export const TERM_CSIZE = xlat(() => [[0x0, 'CS5'], [0x10, 'CS6'], [0x20, 'CS7'], [0x30, 'CS8']]);
export const CSIZE = 0x30n;

/** c_cflag other bits (flags, no default). */
export const TERM_CFLAGS = xlat(() => [
  [0x40, 'CSTOPB'], [0x80, 'CREAD'], [0x100, 'PARENB'], [0x200, 'PARODD'], [0x400, 'HUPCL'],
  [0x800, 'CLOCAL'], [0x40000000, 'CMSPAR'], [0x80000000, 'CRTSCTS'],
]);

/** c_lflag (flags, no default). */
export const TERM_LFLAGS = xlat(() => [
  [0x1, 'ISIG'], [0x2, 'ICANON'], [0x4, 'XCASE'], [0x8, 'ECHO'], [0x10, 'ECHOE'], [0x20, 'ECHOK'],
  [0x40, 'ECHONL'], [0x80, 'NOFLSH'], [0x8000, 'IEXTEN'], [0x200, 'ECHOCTL'], [0x400, 'ECHOPRT'],
  [0x800, 'ECHOKE'], [0x1000, 'FLUSHO'], [0x4000, 'PENDIN'], [0x100, 'TOSTOP'], [0x10000, 'EXTPROC'],
]);

/** c_line (value, unknown `N_???`). */
export const TERM_LINE_DISCS = xlat(() => [
  [0, 'N_TTY'], [1, 'N_SLIP'], [2, 'N_MOUSE'], [3, 'N_PPP'], [4, 'N_STRIP'], [5, 'N_AX25'],
  [6, 'N_X25'], [7, 'N_6PACK'], [8, 'N_MASC'], [9, 'N_R3964'], [10, 'N_PROFIBUS_FDL'],
  [11, 'N_IRDA'], [12, 'N_SMSBLOCK'], [13, 'N_HDLC'], [14, 'N_SYNC_PPP'], [15, 'N_HCI'],
  [16, 'N_GIGASET_M101'], [17, 'N_SLCAN'], [18, 'N_PPS'], [19, 'N_V253'], [20, 'N_CAIF'],
  [21, 'N_GSM0710'], [22, 'N_TI_WL'], [23, 'N_TRACESINK'], [24, 'N_TRACEROUTER'], [25, 'N_NCI'],
  [26, 'N_SPEAKUP'], [27, 'N_NULL'],
]);

/** c_cc index names; indices without a name print as numbers (`[17]=0`). */
export const TERMIOS_CC = xlat(() => [
  [0, 'VINTR'], [1, 'VQUIT'], [2, 'VERASE'], [3, 'VKILL'], [16, 'VEOL2'], [7, 'VSWTC'],
  [8, 'VSTART'], [9, 'VSTOP'], [10, 'VSUSP'], [12, 'VREPRINT'], [13, 'VDISCARD'], [14, 'VWERASE'],
  [15, 'VLNEXT'], [6, 'VMIN'], [5, 'VTIME'], [4, 'VEOF'], [11, 'VEOL'],
]);
/** Kernel struct termios c_cc length (NCCS) and struct termio's (NCC). */
export const NCCS = 19;
export const NCC = 8;

/** TIOCMGET/TIOCMSET… bits (flags, unknown `TIOCM_???`). */
export const MODEM_FLAGS = xlat(() => [
  [0x001, 'TIOCM_LE'], [0x002, 'TIOCM_DTR'], [0x004, 'TIOCM_RTS'], [0x008, 'TIOCM_ST'],
  [0x010, 'TIOCM_SR'], [0x020, 'TIOCM_CTS'], [0x040, 'TIOCM_CAR'], [0x080, 'TIOCM_RNG'],
  [0x100, 'TIOCM_DSR'], [0x2000, 'TIOCM_OUT1'], [0x4000, 'TIOCM_OUT2'], [0x8000, 'TIOCM_LOOP'],
]);

/** TCXONC argument (value, unknown `TC???`). */
export const TCXONC_OPTIONS = xlat(() => [[0, 'TCOOFF'], [1, 'TCOON'], [2, 'TCIOFF'], [3, 'TCION']]);

/** _IOC direction bits (flags, unknown `_IOC_???`): 0 prints `_IOC_NONE`. */
export const IOCTL_DIRS = xlat(() => [[0, '_IOC_NONE'], [2, '_IOC_READ'], [1, '_IOC_WRITE']]);

// ---------------------------------------------------------------- fcntl, flock, …

/** struct flock l_type and F_SETLEASE/F_GETLEASE (value, unknown `F_???`). */
export const LOCKF_CMDS = xlat(() => [[0, 'F_RDLCK'], [1, 'F_WRLCK'], [2, 'F_UNLCK'], [4, 'F_EXLCK'], [8, 'F_SHLCK']]);

/** struct f_owner_ex type (value, unknown `F_OWNER_???`). */
export const F_OWNER_TYPES = xlat(() => [[0, 'F_OWNER_TID'], [1, 'F_OWNER_PID'], [2, 'F_OWNER_PGRP']]);

/** F_NOTIFY argument (flags, unknown `DN_???`). */
export const NOTIFY_FLAGS = xlat(() => [
  [0x1, 'DN_ACCESS'], [0x2, 'DN_MODIFY'], [0x4, 'DN_CREATE'], [0x8, 'DN_DELETE'],
  [0x10, 'DN_RENAME'], [0x20, 'DN_ATTRIB'], [0x80000000, 'DN_MULTISHOT'],
]);

/** F_ADD_SEALS / F_GET_SEALS (flags, unknown `F_SEAL_???`). */
export const F_SEALS = xlat(() => [
  [0x1, 'F_SEAL_SEAL'], [0x2, 'F_SEAL_SHRINK'], [0x4, 'F_SEAL_GROW'], [0x8, 'F_SEAL_WRITE'],
  [0x10, 'F_SEAL_FUTURE_WRITE'],
]);

/** flock operation (flags, unknown `LOCK_???`). */
export const FLOCK_CMDS = xlat(() => [
  [1, 'LOCK_SH'], [2, 'LOCK_EX'], [4, 'LOCK_NB'], [8, 'LOCK_UN'], [32, 'LOCK_MAND'],
  [192, 'LOCK_RW'], [64, 'LOCK_READ'], [128, 'LOCK_WRITE'],
]);

/** fallocate mode (flags, unknown `FALLOC_FL_???`). */
export const FALLOC_FLAGS = xlat(() => [
  [0x1, 'FALLOC_FL_KEEP_SIZE'], [0x2, 'FALLOC_FL_PUNCH_HOLE'], [0x4, 'FALLOC_FL_NO_HIDE_STALE'],
  [0x8, 'FALLOC_FL_COLLAPSE_RANGE'], [0x10, 'FALLOC_FL_ZERO_RANGE'], [0x20, 'FALLOC_FL_INSERT_RANGE'],
  [0x40, 'FALLOC_FL_UNSHARE_RANGE'],
]);

/** fadvise64 advice (value, unknown `POSIX_FADV_???`). */
export const FADVISE_ADVICE = xlat(() => [
  [0, 'POSIX_FADV_NORMAL'], [1, 'POSIX_FADV_RANDOM'], [2, 'POSIX_FADV_SEQUENTIAL'],
  [3, 'POSIX_FADV_WILLNEED'], [4, 'POSIX_FADV_DONTNEED'], [5, 'POSIX_FADV_NOREUSE'],
]);

/** renameat2 flags (flags, unknown `RENAME_??`). */
export const RENAME_FLAGS = xlat(() => [[1, 'RENAME_NOREPLACE'], [2, 'RENAME_EXCHANGE'], [4, 'RENAME_WHITEOUT']]);

/** preadv2/pwritev2 flags (flags, unknown `RWF_???`). */
export const RWF_FLAGS = xlat(() => [
  [0x01, 'RWF_HIPRI'], [0x02, 'RWF_DSYNC'], [0x04, 'RWF_SYNC'], [0x08, 'RWF_NOWAIT'], [0x10, 'RWF_APPEND'],
]);

/** openat2 how.resolve (flags, unknown `RESOLVE_???`). */
export const RESOLVE_FLAGS = xlat(() => [
  [0x01, 'RESOLVE_NO_XDEV'], [0x02, 'RESOLVE_NO_MAGICLINKS'], [0x04, 'RESOLVE_NO_SYMLINKS'],
  [0x08, 'RESOLVE_BENEATH'], [0x10, 'RESOLVE_IN_ROOT'], [0x20, 'RESOLVE_CACHED'],
]);

// ---------------------------------------------------------------- statfs

/** statfs f_flags, printed only when ST_VALID is set (flags, unknown `ST_???`). */
export const STATFS_FLAGS = xlat(() => [
  [0x0020, 'ST_VALID'], [0x0001, 'ST_RDONLY'], [0x0002, 'ST_NOSUID'], [0x0004, 'ST_NODEV'],
  [0x0008, 'ST_NOEXEC'], [0x0010, 'ST_SYNCHRONOUS'], [0x0040, 'ST_MANDLOCK'], [0x0400, 'ST_NOATIME'],
  [0x0800, 'ST_NODIRATIME'], [0x1000, 'ST_RELATIME'], [0x2000, 'ST_NOSYMFOLLOW'],
]);
export const ST_VALID = 0x20n;

/** statfs f_type (value, no default: unknown magic prints as bare hex). */
export const FS_MAGIC = xlat(() => [
  [0x0000002f, 'QNX4_SUPER_MAGIC'],
  [0x00000033, 'Z3FOLD_MAGIC'],
  [0x00000187, 'AUTOFS_SUPER_MAGIC'],
  [0x00001373, 'DEVFS_SUPER_MAGIC'],
  [0x0000137d, 'EXT_SUPER_MAGIC'],
  [0x0000137f, 'MINIX_SUPER_MAGIC'],
  [0x0000138f, 'MINIX_SUPER_MAGIC2'],
  [0x00001cd1, 'DEVPTS_SUPER_MAGIC'],
  [0x00002468, 'MINIX2_SUPER_MAGIC'],
  [0x00002478, 'MINIX2_SUPER_MAGIC2'],
  [0x00003434, 'NILFS_SUPER_MAGIC'],
  [0x00004244, 'HFS_SUPER_MAGIC'],
  [0x0000482b, 'HFSPLUS_SUPER_MAGIC'],
  [0x00004d44, 'MSDOS_SUPER_MAGIC'],
  [0x00004d5a, 'MINIX3_SUPER_MAGIC'],
  [0x0000517b, 'SMB_SUPER_MAGIC'],
  [0x0000564c, 'NCP_SUPER_MAGIC'],
  [0x00005df5, 'EXOFS_SUPER_MAGIC'],
  [0x00006969, 'NFS_SUPER_MAGIC'],
  [0x00007275, 'ROMFS_MAGIC'],
  [0x000072b6, 'JFFS2_SUPER_MAGIC'],
  [0x00009660, 'ISOFS_SUPER_MAGIC'],
  [0x00009fa0, 'PROC_SUPER_MAGIC'],
  [0x00009fa1, 'OPENPROM_SUPER_MAGIC'],
  [0x00009fa2, 'USBDEVICE_SUPER_MAGIC'],
  [0x0000adf5, 'ADFS_SUPER_MAGIC'],
  [0x0000adff, 'AFFS_SUPER_MAGIC'],
  [0x0000ef51, 'EXT2_OLD_SUPER_MAGIC'],
  [0x0000ef53, 'EXT2_SUPER_MAGIC'],
  [0x0000f15f, 'ECRYPTFS_SUPER_MAGIC'],
  [0x00011954, 'UFS_MAGIC'],
  [0x0027e0eb, 'CGROUP_SUPER_MAGIC'],
  [0x00414a53, 'EFS_SUPER_MAGIC'],
  [0x00c0ffee, 'HOSTFS_SUPER_MAGIC'],
  [0x00c36400, 'CEPH_SUPER_MAGIC'],
  [0x01021994, 'TMPFS_MAGIC'],
  [0x01021997, 'V9FS_MAGIC'],
  [0x01161970, 'GFS2_MAGIC'],
  [0x012fd16d, 'XIAFS_SUPER_MAGIC'],
  [0x012ff7b4, 'XENIX_SUPER_MAGIC'],
  [0x012ff7b5, 'SYSV4_SUPER_MAGIC'],
  [0x012ff7b6, 'SYSV2_SUPER_MAGIC'],
  [0x012ff7b7, 'COH_SUPER_MAGIC'],
  [0x02011994, 'SHMFS_SUPER_MAGIC'],
  [0x09041934, 'ANON_INODE_FS_MAGIC'],
  [0x0bad1dea, 'FUTEXFS_SUPER_MAGIC'],
  [0x11307854, 'MTD_INODE_FS_MAGIC'],
  [0x13661366, 'BALLOON_KVM_MAGIC'],
  [0x15013346, 'UDF_SUPER_MAGIC'],
  [0x1badface, 'BFS_MAGIC'],
  [0x2011bab0, 'EXFAT_SUPER_MAGIC'],
  [0x24051905, 'UBIFS_SUPER_MAGIC'],
  [0x28cd3d45, 'CRAMFS_MAGIC'],
  [0x2fc12fc1, 'ZFS_SUPER_MAGIC'],
  [0x3153464a, 'JFS_SUPER_MAGIC'],
  [0x42465331, 'BEFS_SUPER_MAGIC'],
  [0x42494e4d, 'BINFMTFS_MAGIC'],
  [0x43415d53, 'SMACK_MAGIC'],
  [0x444d4142, 'DMA_BUF_MAGIC'],
  [0x453dcd28, 'CRAMFS_MAGIC_WEND'],
  [0x454d444d, 'DEVMEM_MAGIC'],
  [0x47504653, 'GPFS_SUPER_MAGIC'],
  [0x50495045, 'PIPEFS_MAGIC'],
  [0x52654973, 'REISERFS_SUPER_MAGIC'],
  [0x5345434d, 'SECRETMEM_MAGIC'],
  [0x5346414f, 'AFS_SUPER_MAGIC'],
  [0x5346544e, 'NTFS_SB_MAGIC'],
  [0x534f434b, 'SOCKFS_MAGIC'],
  [0x54190100, 'UFS_CIGAM'],
  [0x565a4653, 'VZFS_SUPER_MAGIC'],
  [0x57ac6e9d, 'STACK_END_MAGIC'],
  [0x58295829, 'ZSMALLOC_MAGIC'],
  [0x58465342, 'XFS_SUPER_MAGIC'],
  [0x5a3c69f0, 'AAFS_MAGIC'],
  [0x5a4f4653, 'ZONEFS_MAGIC'],
  [0x6165676c, 'PSTOREFS_MAGIC'],
  [0x61756673, 'AUFS_SUPER_MAGIC'],
  [0x62646576, 'BDEVFS_MAGIC'],
  [0x62656570, 'CONFIGFS_MAGIC'],
  [0x62656572, 'SYSFS_MAGIC'],
  [0x63677270, 'CGROUP2_SUPER_MAGIC'],
  [0x64626720, 'DEBUGFS_MAGIC'],
  [0x64646178, 'DAXFS_MAGIC'],
  [0x65735543, 'FUSE_CTL_SUPER_MAGIC'],
  [0x65735546, 'FUSE_SUPER_MAGIC'],
  [0x68191122, 'QNX6_SUPER_MAGIC'],
  [0x6b414653, 'AFS_FS_MAGIC'],
  [0x6c6f6f70, 'BINDERFS_SUPER_MAGIC'],
  [0x6e736673, 'NSFS_MAGIC'],
  [0x73636673, 'SECURITYFS_MAGIC'],
  [0x73717368, 'SQUASHFS_MAGIC'],
  [0x73727279, 'BTRFS_TEST_MAGIC'],
  [0x73757245, 'CODA_SUPER_MAGIC'],
  [0x7461636f, 'OCFS2_SUPER_MAGIC'],
  [0x74726163, 'TRACEFS_MAGIC'],
  [0x794c7630, 'OVERLAYFS_SUPER_MAGIC'],
  [0x858458f6, 'RAMFS_MAGIC'],
  [0x9123683e, 'BTRFS_SUPER_MAGIC'],
  [0x958458f6, 'HUGETLBFS_MAGIC'],
  [0xa501fcf5, 'VXFS_SUPER_MAGIC'],
  [0xabba1974, 'XENFS_SUPER_MAGIC'],
  [0xc7571590, 'PPC_CMM_MAGIC'],
  [0xc97e8168, 'LOGFS_MAGIC'],
  [0xcafe4a11, 'BPF_FS_MAGIC'],
  [0xde5e81e4, 'EFIVARFS_MAGIC'],
  [0xe0f5e1e2, 'EROFS_SUPER_MAGIC_V1'],
  [0xf2f52010, 'F2FS_SUPER_MAGIC'],
  [0xf97cff8c, 'SELINUX_MAGIC'],
  [0xf995e849, 'HPFS_SUPER_MAGIC'],
  [0xfe534d42, 'SMB2_SUPER_MAGIC'],
  [0xff534d42, 'CIFS_SUPER_MAGIC'],
]);

// ---------------------------------------------------------------- evdev request numbers

/** EVIOCGBIT's event type (value, unknown `EV_???`). */
export const EVDEV_EV = xlat(() => [
  [0x0, 'EV_SYN'], [0x1, 'EV_KEY'], [0x2, 'EV_REL'], [0x3, 'EV_ABS'], [0x4, 'EV_MSC'], [0x5, 'EV_SW'],
  [0x11, 'EV_LED'], [0x12, 'EV_SND'], [0x14, 'EV_REP'], [0x15, 'EV_FF'], [0x16, 'EV_PWR'], [0x17, 'EV_FF_STATUS'],
]);

/** EVIOCGABS/EVIOCSABS axis (value, unknown `ABS_???`). */
export const EVDEV_ABS = xlat(() => [
  [0x0, 'ABS_X'], [0x1, 'ABS_Y'], [0x2, 'ABS_Z'], [0x3, 'ABS_RX'], [0x4, 'ABS_RY'], [0x5, 'ABS_RZ'],
  [0x6, 'ABS_THROTTLE'], [0x7, 'ABS_RUDDER'], [0x8, 'ABS_WHEEL'], [0x9, 'ABS_GAS'], [0xa, 'ABS_BRAKE'],
  [0x10, 'ABS_HAT0X'], [0x11, 'ABS_HAT0Y'], [0x12, 'ABS_HAT1X'], [0x13, 'ABS_HAT1Y'], [0x14, 'ABS_HAT2X'],
  [0x15, 'ABS_HAT2Y'], [0x16, 'ABS_HAT3X'], [0x17, 'ABS_HAT3Y'], [0x18, 'ABS_PRESSURE'], [0x19, 'ABS_DISTANCE'],
  [0x1a, 'ABS_TILT_X'], [0x1b, 'ABS_TILT_Y'], [0x1c, 'ABS_TOOL_WIDTH'], [0x20, 'ABS_VOLUME'], [0x21, 'ABS_PROFILE'],
  [0x28, 'ABS_MISC'], [0x2e, 'ABS_RESERVED'], [0x2f, 'ABS_MT_SLOT'], [0x30, 'ABS_MT_TOUCH_MAJOR'],
  [0x31, 'ABS_MT_TOUCH_MINOR'], [0x32, 'ABS_MT_WIDTH_MAJOR'], [0x33, 'ABS_MT_WIDTH_MINOR'],
  [0x34, 'ABS_MT_ORIENTATION'], [0x35, 'ABS_MT_POSITION_X'], [0x36, 'ABS_MT_POSITION_Y'],
  [0x37, 'ABS_MT_TOOL_TYPE'], [0x38, 'ABS_MT_BLOB_ID'], [0x39, 'ABS_MT_TRACKING_ID'], [0x3a, 'ABS_MT_PRESSURE'],
  [0x3b, 'ABS_MT_DISTANCE'], [0x3c, 'ABS_MT_TOOL_X'], [0x3d, 'ABS_MT_TOOL_Y'],
]);

/** sync_file_range flags (flags, unknown `SYNC_FILE_RANGE_???`). */
export const SYNC_FILE_RANGE_FLAGS = xlat(() => [
  [1, 'SYNC_FILE_RANGE_WAIT_BEFORE'], [2, 'SYNC_FILE_RANGE_WRITE'], [4, 'SYNC_FILE_RANGE_WAIT_AFTER'],
]);

/** setxattr flags (flags, unknown `XATTR_???`). */
export const XATTR_FLAGS = xlat(() => [[1, 'XATTR_CREATE'], [2, 'XATTR_REPLACE']]);

/** inotify_add_watch mask (flags, unknown `IN_???`). */
export const INOTIFY_FLAGS = xlat(() => [
  [0x00000001, 'IN_ACCESS'], [0x00000002, 'IN_MODIFY'], [0x00000004, 'IN_ATTRIB'], [0x00000008, 'IN_CLOSE_WRITE'],
  [0x00000010, 'IN_CLOSE_NOWRITE'], [0x00000020, 'IN_OPEN'], [0x00000040, 'IN_MOVED_FROM'], [0x00000080, 'IN_MOVED_TO'],
  [0x00000100, 'IN_CREATE'], [0x00000200, 'IN_DELETE'], [0x00000400, 'IN_DELETE_SELF'], [0x00000800, 'IN_MOVE_SELF'],
  [0x00002000, 'IN_UNMOUNT'], [0x00004000, 'IN_Q_OVERFLOW'], [0x00008000, 'IN_IGNORED'], [0x01000000, 'IN_ONLYDIR'],
  [0x02000000, 'IN_DONT_FOLLOW'], [0x04000000, 'IN_EXCL_UNLINK'], [0x10000000, 'IN_MASK_CREATE'],
  [0x20000000, 'IN_MASK_ADD'], [0x40000000, 'IN_ISDIR'], [0x80000000, 'IN_ONESHOT'],
]);

/** inotify_init1 flags (flags, unknown `IN_???`). */
export const INOTIFY_INIT_FLAGS = xlat(() => [[0x800, 'IN_NONBLOCK'], [0x80000, 'IN_CLOEXEC']]);

/** umount2 flags (flags, unknown `MNT_???`). */
export const UMOUNT_FLAGS = xlat(() => [[1, 'MNT_FORCE'], [2, 'MNT_DETACH'], [4, 'MNT_EXPIRE'], [8, 'UMOUNT_NOFOLLOW']]);

/** splice/tee/vmsplice flags (flags, unknown `SPLICE_F_???`). */
export const SPLICE_FLAGS = xlat(() => [[1, 'SPLICE_F_MOVE'], [2, 'SPLICE_F_NONBLOCK'], [4, 'SPLICE_F_MORE'], [8, 'SPLICE_F_GIFT']]);

/** memfd_create flags other than the huge page size (flags, unknown `MFD_???`). */
export const MEMFD_FLAGS = xlat(() => [[1, 'MFD_CLOEXEC'], [2, 'MFD_ALLOW_SEALING'], [4, 'MFD_HUGETLB']]);
export const MFD_HUGE_SHIFT = 26n;
export const MFD_HUGE_MASK = 0x3fn;

/** FS_IOC_GETFLAGS/SETFLAGS inode flags (flags, unknown `FS_???_FL`). */
export const FS_IOC_FLAGS = xlat(() => [
  [0x1, 'FS_SECRM_FL'], [0x2, 'FS_UNRM_FL'], [0x4, 'FS_COMPR_FL'], [0x8, 'FS_SYNC_FL'], [0x10, 'FS_IMMUTABLE_FL'],
  [0x20, 'FS_APPEND_FL'], [0x40, 'FS_NODUMP_FL'], [0x80, 'FS_NOATIME_FL'], [0x100, 'FS_DIRTY_FL'],
  [0x200, 'FS_COMPRBLK_FL'], [0x400, 'FS_NOCOMP_FL'], [0x800, 'FS_ENCRYPT_FL'], [0x1000, 'FS_INDEX_FL'],
  [0x2000, 'FS_IMAGIC_FL'], [0x4000, 'FS_JOURNAL_DATA_FL'], [0x8000, 'FS_NOTAIL_FL'], [0x10000, 'FS_DIRSYNC_FL'],
  [0x20000, 'FS_TOPDIR_FL'], [0x40000, 'FS_HUGE_FILE_FL'], [0x80000, 'FS_EXTENT_FL'], [0x100000, 'FS_VERITY_FL'],
  [0x200000, 'FS_EA_INODE_FL'], [0x400000, 'FS_EOFBLOCKS_FL'], [0x800000, 'FS_NOCOW_FL'], [0x2000000, 'FS_DAX_FL'],
  [0x10000000, 'FS_INLINE_DATA_FL'], [0x20000000, 'FS_PROJINHERIT_FL'], [0x40000000, 'FS_CASEFOLD_FL'],
  [0x80000000, 'FS_RESERVED_FL'],
]);

// ---------------------------------------------------------------- mount and the new mount API

/** mount(2) flags, 64-bit (flags, unknown `MS_???`). */
export const MOUNT_FLAGS = xlat(() => [
  [1 << 0, 'MS_RDONLY'], [1 << 1, 'MS_NOSUID'], [1 << 2, 'MS_NODEV'], [1 << 3, 'MS_NOEXEC'],
  [1 << 4, 'MS_SYNCHRONOUS'], [1 << 5, 'MS_REMOUNT'], [1 << 6, 'MS_MANDLOCK'], [1 << 7, 'MS_DIRSYNC'],
  [1 << 8, 'MS_NOSYMFOLLOW'], [1 << 10, 'MS_NOATIME'], [1 << 11, 'MS_NODIRATIME'], [1 << 12, 'MS_BIND'],
  [1 << 13, 'MS_MOVE'], [1 << 14, 'MS_REC'], [1 << 15, 'MS_SILENT'], [1 << 16, 'MS_POSIXACL'],
  [1 << 17, 'MS_UNBINDABLE'], [1 << 18, 'MS_PRIVATE'], [1 << 19, 'MS_SLAVE'], [1 << 20, 'MS_SHARED'],
  [1 << 21, 'MS_RELATIME'], [1 << 22, 'MS_KERNMOUNT'], [1 << 23, 'MS_I_VERSION'], [1 << 24, 'MS_STRICTATIME'],
  [1 << 25, 'MS_LAZYTIME'], [1 << 26, 'MS_SUBMOUNT'], [1 << 27, 'MS_NOREMOTELOCK'], [1 << 28, 'MS_NOSEC'],
  [1 << 29, 'MS_BORN'], [1 << 30, 'MS_ACTIVE'], [0x80000000, 'MS_NOUSER'],
]);
export const MS_MGC_VAL = 0xc0ed0000n;
export const MS_MGC_MSK = 0xffff0000n;
/** Flags that make mount(2) ignore its type (MS_REMOUNT) or type and data (the rest). */
export const MS_REMOUNT = 0x20n;
export const MS_IGNORE_DATA = 0x1000n | 0x2000n | 0x100000n | 0x40000n | 0x80000n | 0x20000n;

/** struct mount_attr attr_set/attr_clr (flags, unknown `MOUNT_ATTR_???`). */
export const MOUNT_ATTR_ATTR = xlat(() => [
  [0x1, 'MOUNT_ATTR_RDONLY'], [0x2, 'MOUNT_ATTR_NOSUID'], [0x4, 'MOUNT_ATTR_NODEV'], [0x8, 'MOUNT_ATTR_NOEXEC'],
  [0x10, 'MOUNT_ATTR_NOATIME'], [0x20, 'MOUNT_ATTR_STRICTATIME'], [0x80, 'MOUNT_ATTR_NODIRATIME'],
  [0x100000, 'MOUNT_ATTR_IDMAP'], [0x200000, 'MOUNT_ATTR_NOSYMFOLLOW'],
]);
export const MOUNT_ATTR_IDMAP = 0x100000n;
/** fsmount attr_flags (flags, unknown `MOUNT_ATTR_???`). */
export const FSMOUNT_ATTR_FLAGS = xlat(() => [
  [0x1, 'MOUNT_ATTR_RDONLY'], [0x2, 'MOUNT_ATTR_NOSUID'], [0x4, 'MOUNT_ATTR_NODEV'], [0x8, 'MOUNT_ATTR_NOEXEC'],
  [0x10, 'MOUNT_ATTR_NOATIME'], [0x20, 'MOUNT_ATTR_STRICTATIME'], [0x80, 'MOUNT_ATTR_NODIRATIME'],
]);
/** struct mount_attr propagation (value, unknown `MS_???`). */
export const MOUNT_ATTR_PROPAGATION = xlat(() => [
  [1 << 17, 'MS_UNBINDABLE'], [1 << 18, 'MS_PRIVATE'], [1 << 19, 'MS_SLAVE'], [1 << 20, 'MS_SHARED'],
]);
/** mount_setattr flags (flags, unknown `AT_???`). */
export const MOUNT_SETATTR_FLAGS = xlat(() => [
  [0x100, 'AT_SYMLINK_NOFOLLOW'], [0x800, 'AT_NO_AUTOMOUNT'], [0x1000, 'AT_EMPTY_PATH'], [0x8000, 'AT_RECURSIVE'],
]);
/** fsconfig cmd (value, unknown `FSCONFIG_???`). */
export const FSCONFIG_CMDS = xlat(() => [
  [0, 'FSCONFIG_SET_FLAG'], [1, 'FSCONFIG_SET_STRING'], [2, 'FSCONFIG_SET_BINARY'], [3, 'FSCONFIG_SET_PATH'],
  [4, 'FSCONFIG_SET_PATH_EMPTY'], [5, 'FSCONFIG_SET_FD'], [6, 'FSCONFIG_CMD_CREATE'], [7, 'FSCONFIG_CMD_RECONFIGURE'],
]);
/** fsmount flags (flags, unknown `FSMOUNT_???`). */
export const FSMOUNT_FLAGS = xlat(() => [[1, 'FSMOUNT_CLOEXEC']]);
/** fsopen flags (flags, unknown `FSOPEN_???`). */
export const FSOPEN_FLAGS = xlat(() => [[1, 'FSOPEN_CLOEXEC']]);
/** fspick flags (flags, unknown `FSPICK_???`). */
export const FSPICK_FLAGS = xlat(() => [
  [1, 'FSPICK_CLOEXEC'], [2, 'FSPICK_SYMLINK_NOFOLLOW'], [4, 'FSPICK_NO_AUTOMOUNT'], [8, 'FSPICK_EMPTY_PATH'],
]);
/** move_mount flags (flags, unknown `MOVE_MOUNT_???`). */
export const MOVE_MOUNT_FLAGS = xlat(() => [
  [0x1, 'MOVE_MOUNT_F_SYMLINKS'], [0x2, 'MOVE_MOUNT_F_AUTOMOUNTS'], [0x4, 'MOVE_MOUNT_F_EMPTY_PATH'],
  [0x10, 'MOVE_MOUNT_T_SYMLINKS'], [0x20, 'MOVE_MOUNT_T_AUTOMOUNTS'], [0x40, 'MOVE_MOUNT_T_EMPTY_PATH'],
  [0x100, 'MOVE_MOUNT_SET_GROUP'],
]);
/** open_tree flags (flags, unknown `OPEN_TREE_???`). */
export const OPEN_TREE_FLAGS = xlat(() => [
  [1, 'OPEN_TREE_CLONE'], [0x80000, 'OPEN_TREE_CLOEXEC'], [0x100, 'AT_SYMLINK_NOFOLLOW'], [0x200, 'AT_REMOVEDIR'],
  [0x400, 'AT_SYMLINK_FOLLOW'], [0x800, 'AT_NO_AUTOMOUNT'], [0x1000, 'AT_EMPTY_PATH'], [0x8000, 'AT_RECURSIVE'],
]);

// ---------------------------------------------------------------- fanotify, landlock, file handles, quota, swap

/** fanotify_init class, `flags & FAN_ALL_CLASS_BITS` (value, unknown `FAN_CLASS_???`). */
export const FAN_CLASSES = xlat(() => [[0x0, 'FAN_CLASS_NOTIF'], [0x4, 'FAN_CLASS_CONTENT'], [0x8, 'FAN_CLASS_PRE_CONTENT']]);
export const FAN_ALL_CLASS_BITS = 0xcn;
/** fanotify_init other flags (flags, unknown `FAN_???`). */
export const FAN_INIT_FLAGS = xlat(() => [
  [0x1, 'FAN_CLOEXEC'], [0x2, 'FAN_NONBLOCK'], [0x10, 'FAN_UNLIMITED_QUEUE'], [0x20, 'FAN_UNLIMITED_MARKS'],
  [0x40, 'FAN_ENABLE_AUDIT'], [0x80, 'FAN_REPORT_PIDFD'], [0x100, 'FAN_REPORT_TID'], [0x200, 'FAN_REPORT_FID'],
  [0x400, 'FAN_REPORT_DIR_FID'], [0x800, 'FAN_REPORT_NAME'], [0x1000, 'FAN_REPORT_TARGET_FID'],
]);
/** fanotify_mark flags (flags, unknown `FAN_MARK_???`). */
export const FAN_MARK_FLAGS = xlat(() => [
  [0x1, 'FAN_MARK_ADD'], [0x2, 'FAN_MARK_REMOVE'], [0x4, 'FAN_MARK_DONT_FOLLOW'], [0x8, 'FAN_MARK_ONLYDIR'],
  [0x10, 'FAN_MARK_MOUNT'], [0x20, 'FAN_MARK_IGNORED_MASK'], [0x40, 'FAN_MARK_IGNORED_SURV_MODIFY'],
  [0x80, 'FAN_MARK_FLUSH'], [0x100, 'FAN_MARK_FILESYSTEM'], [0x200, 'FAN_MARK_EVICTABLE'], [0x400, 'FAN_MARK_IGNORE'],
]);
/** fanotify_mark mask, 64-bit (flags, unknown `FAN_???`). */
export const FAN_EVENT_FLAGS = xlat(() => [
  [0x1, 'FAN_ACCESS'], [0x2, 'FAN_MODIFY'], [0x4, 'FAN_ATTRIB'], [0x8, 'FAN_CLOSE_WRITE'], [0x10, 'FAN_CLOSE_NOWRITE'],
  [0x20, 'FAN_OPEN'], [0x40, 'FAN_MOVED_FROM'], [0x80, 'FAN_MOVED_TO'], [0x100, 'FAN_CREATE'], [0x200, 'FAN_DELETE'],
  [0x400, 'FAN_DELETE_SELF'], [0x800, 'FAN_MOVE_SELF'], [0x1000, 'FAN_OPEN_EXEC'], [0x4000, 'FAN_Q_OVERFLOW'],
  [0x8000, 'FAN_FS_ERROR'], [0x10000, 'FAN_OPEN_PERM'], [0x20000, 'FAN_ACCESS_PERM'], [0x40000, 'FAN_OPEN_EXEC_PERM'],
  [0x80000, 'FAN_DIR_MODIFY'], [0x40000000, 'FAN_ONDIR'], [0x08000000, 'FAN_EVENT_ON_CHILD'], [0x10000000, 'FAN_RENAME'],
]);

/** name_to_handle_at flags (flags, unknown `AT_???`). */
export const NAME_TO_HANDLE_AT_FLAGS = xlat(() => [[0x400, 'AT_SYMLINK_FOLLOW'], [0x1000, 'AT_EMPTY_PATH']]);

/** landlock handled_access_fs / allowed_access (flags, unknown `LANDLOCK_ACCESS_FS_???`). */
export const LANDLOCK_ACCESS_FS = xlat(() => [
  [1 << 0, 'LANDLOCK_ACCESS_FS_EXECUTE'], [1 << 1, 'LANDLOCK_ACCESS_FS_WRITE_FILE'], [1 << 2, 'LANDLOCK_ACCESS_FS_READ_FILE'],
  [1 << 3, 'LANDLOCK_ACCESS_FS_READ_DIR'], [1 << 4, 'LANDLOCK_ACCESS_FS_REMOVE_DIR'], [1 << 5, 'LANDLOCK_ACCESS_FS_REMOVE_FILE'],
  [1 << 6, 'LANDLOCK_ACCESS_FS_MAKE_CHAR'], [1 << 7, 'LANDLOCK_ACCESS_FS_MAKE_DIR'], [1 << 8, 'LANDLOCK_ACCESS_FS_MAKE_REG'],
  [1 << 9, 'LANDLOCK_ACCESS_FS_MAKE_SOCK'], [1 << 10, 'LANDLOCK_ACCESS_FS_MAKE_FIFO'], [1 << 11, 'LANDLOCK_ACCESS_FS_MAKE_BLOCK'],
  [1 << 12, 'LANDLOCK_ACCESS_FS_MAKE_SYM'], [1 << 13, 'LANDLOCK_ACCESS_FS_REFER'],
]);
/** landlock_create_ruleset flags (flags, unknown `LANDLOCK_CREATE_RULESET_???`). */
export const LANDLOCK_CREATE_RULESET_FLAGS = xlat(() => [[1, 'LANDLOCK_CREATE_RULESET_VERSION']]);
/** landlock_add_rule rule_type (value, unknown `LANDLOCK_RULE_???`). */
export const LANDLOCK_RULE_TYPES = xlat(() => [[1, 'LANDLOCK_RULE_PATH_BENEATH']]);

const OLD_CMD = (c: number): number => c << 8;
const NEW_CMD = (c: number): number => c | 0x800000;
const XQM_CMD = (c: number): number => (0x58 << 8) + c;
/** quotactl command, `QCMD_CMD(cmd)` (value, unknown `Q_???`). */
export const QUOTA_CMDS = xlat(() => [
  [OLD_CMD(0x1), 'Q_V1_QUOTAON'], [OLD_CMD(0x2), 'Q_V1_QUOTAOFF'], [OLD_CMD(0x3), 'Q_V1_GETQUOTA'],
  [OLD_CMD(0x4), 'Q_V1_SETQUOTA'], [OLD_CMD(0x5), 'Q_V1_SETUSE'], [OLD_CMD(0x6), 'Q_V1_SYNC'], [OLD_CMD(0x7), 'Q_SETQLIM'],
  [OLD_CMD(0x8), 'Q_V1_GETSTATS'], [OLD_CMD(0x10), 'Q_V1_RSQUASH'],
  [OLD_CMD(0xd), 'Q_V2_GETQUOTA'], [OLD_CMD(0xe), 'Q_V2_SETQUOTA'], [OLD_CMD(0xf), 'Q_V2_SETUSE'], [OLD_CMD(0x9), 'Q_V2_GETINFO'],
  [OLD_CMD(0xa), 'Q_V2_SETINFO'], [OLD_CMD(0xb), 'Q_V2_SETGRACE'], [OLD_CMD(0xc), 'Q_V2_SETFLAGS'], [OLD_CMD(0x11), 'Q_V2_GETSTATS'],
  [NEW_CMD(0x1), 'Q_SYNC'], [NEW_CMD(0x2), 'Q_QUOTAON'], [NEW_CMD(0x3), 'Q_QUOTAOFF'], [NEW_CMD(0x4), 'Q_GETFMT'],
  [NEW_CMD(0x5), 'Q_GETINFO'], [NEW_CMD(0x6), 'Q_SETINFO'], [NEW_CMD(0x7), 'Q_GETQUOTA'], [NEW_CMD(0x8), 'Q_SETQUOTA'],
  [NEW_CMD(0x9), 'Q_GETNEXTQUOTA'],
  [XQM_CMD(0x1), 'Q_XQUOTAON'], [XQM_CMD(0x2), 'Q_XQUOTAOFF'], [XQM_CMD(0x3), 'Q_XGETQUOTA'], [XQM_CMD(0x4), 'Q_XSETQLIM'],
  [XQM_CMD(0x5), 'Q_XGETQSTAT'], [XQM_CMD(0x6), 'Q_XQUOTARM'], [XQM_CMD(0x7), 'Q_XQUOTASYNC'], [XQM_CMD(0x8), 'Q_XGETQSTATV'],
  [XQM_CMD(0x9), 'Q_XGETNEXTQUOTA'],
]);
/** quotactl type, `QCMD_TYPE(cmd)` (value, unknown `???QUOTA`). */
export const QUOTA_TYPES = xlat(() => [[0, 'USRQUOTA'], [1, 'GRPQUOTA'], [2, 'PRJQUOTA']]);
/** Q_QUOTAON / Q_GETFMT format (value, unknown `QFMT_VFS_???`). */
export const QUOTA_FORMATS = xlat(() => [[1, 'QFMT_VFS_OLD'], [2, 'QFMT_VFS_V0'], [3, 'QFMT_OCFS2'], [4, 'QFMT_VFS_V1']]);
/** struct if_dqblk dqb_valid (flags, unknown `QIF_???`). */
export const IF_DQBLK_VALID = xlat(() => [
  [1 << 0, 'QIF_BLIMITS'], [1 << 1, 'QIF_SPACE'], [1 << 2, 'QIF_ILIMITS'], [1 << 3, 'QIF_INODES'], [1 << 4, 'QIF_BTIME'],
  [1 << 5, 'QIF_ITIME'],
]);
/** struct if_dqinfo dqi_flags (flags, unknown `DQF_???`). */
export const IF_DQINFO_FLAGS = xlat(() => [[1 << 0, 'DQF_ROOT_SQUASH'], [1 << 16, 'DQF_SYS_FILE']]);
/** struct if_dqinfo dqi_valid (flags, unknown `IIF_???`). */
export const IF_DQINFO_VALID = xlat(() => [[1 << 0, 'IIF_BGRACE'], [1 << 1, 'IIF_IGRACE'], [1 << 2, 'IIF_FLAGS']]);

/** swapon flags other than the priority (flags, unknown `SWAP_FLAG_???`). */
export const SWAP_FLAGS = xlat(() => [
  [0x8000, 'SWAP_FLAG_PREFER'], [0x10000, 'SWAP_FLAG_DISCARD'], [0x20000, 'SWAP_FLAG_DISCARD_ONCE'],
  [0x40000, 'SWAP_FLAG_DISCARD_PAGES'],
]);
export const SWAP_FLAG_PRIO_MASK = 0x7fffn;

/** fchmodat2 flags (flags, unknown `AT_???`; strace after 6.1). */
export const FCHMODAT_FLAGS = xlat(() => [[0x100, 'AT_SYMLINK_NOFOLLOW'], [0x1000, 'AT_EMPTY_PATH']]);

/** XFS quota state flags, Q_XQUOTAON/OFF and fs_quota_stat qs_flags (flags, unknown `FS_QUOTA_???`). */
export const XFS_QUOTA_FLAGS = xlat(() => [
  [0x1, 'FS_QUOTA_UDQ_ACCT'], [0x2, 'FS_QUOTA_UDQ_ENFD'], [0x4, 'FS_QUOTA_GDQ_ACCT'], [0x8, 'FS_QUOTA_GDQ_ENFD'],
  [0x10, 'FS_QUOTA_PDQ_ACCT'], [0x20, 'FS_QUOTA_PDQ_ENFD'],
]);
/** fs_disk_quota d_flags and Q_XQUOTARM (flags, unknown `FS_???_QUOTA`). */
export const XFS_DQBLK_FLAGS = xlat(() => [[0x1, 'FS_USER_QUOTA'], [0x2, 'FS_PROJ_QUOTA'], [0x4, 'FS_GROUP_QUOTA']]);
