/**
 * Linux errno values as strace 6.1 names and describes them on x86_64.
 *
 * How strace 6.1 prints a failed syscall's return (src/syscall.c, checked against the real
 * /usr/bin/strace 6.1 with `-e inject=...:error=N`):
 *
 * - The kernel reports an error as a return value in [-4095, -1]; strace keeps rval = -1 and
 *   err = -rax.
 * - err is 512 ERESTARTSYS, 513 ERESTARTNOINTR, 514 ERESTARTNOHAND or 516
 *   ERESTART_RESTARTBLOCK: the line ends `= ? NAME (fixed text)`, with strace's own texts
 *   (RESTART_TEXTS below), e.g. `= ? ERESTARTSYS (To be restarted if SA_RESTART is set)`.
 *   Under `-e raw=` these four take the ordinary form below instead.
 * - Otherwise, if strace has a name for err: `= -1 NAME (strerror(err))`, where the text is
 *   glibc's strerror(), so kernel-internal codes get glibc's fallback:
 *   `= -1 ENOTSUPP (Unknown error 524)`, `= -1 ENOIOCTLCMD (Unknown error 515)`.
 * - If strace has no name (41, 58, 519, 520, anything past 530): `= -1 (errno N)`.
 *
 * Names: one per value, from strace's errnoent table. Where glibc has two names for one value
 * strace's is EAGAIN (not EWOULDBLOCK), EDEADLK (not EDEADLOCK), EOPNOTSUPP (not ENOTSUP).
 * strace 6.1's table stops at 530 and has no 519 (ENOPARAM), 520 or 531, so those print as
 * `(errno N)`. `-e inject=...:error=NAME` accepts only these primary names, case-insensitively.
 */

/** errno value → the name strace 6.1 prints (x86_64; gaps are values strace has no name for). */
export const ERRNO_NAMES: Readonly<Record<number, string>> = {
  1: 'EPERM',
  2: 'ENOENT',
  3: 'ESRCH',
  4: 'EINTR',
  5: 'EIO',
  6: 'ENXIO',
  7: 'E2BIG',
  8: 'ENOEXEC',
  9: 'EBADF',
  10: 'ECHILD',
  11: 'EAGAIN',
  12: 'ENOMEM',
  13: 'EACCES',
  14: 'EFAULT',
  15: 'ENOTBLK',
  16: 'EBUSY',
  17: 'EEXIST',
  18: 'EXDEV',
  19: 'ENODEV',
  20: 'ENOTDIR',
  21: 'EISDIR',
  22: 'EINVAL',
  23: 'ENFILE',
  24: 'EMFILE',
  25: 'ENOTTY',
  26: 'ETXTBSY',
  27: 'EFBIG',
  28: 'ENOSPC',
  29: 'ESPIPE',
  30: 'EROFS',
  31: 'EMLINK',
  32: 'EPIPE',
  33: 'EDOM',
  34: 'ERANGE',
  35: 'EDEADLK',
  36: 'ENAMETOOLONG',
  37: 'ENOLCK',
  38: 'ENOSYS',
  39: 'ENOTEMPTY',
  40: 'ELOOP',
  42: 'ENOMSG',
  43: 'EIDRM',
  44: 'ECHRNG',
  45: 'EL2NSYNC',
  46: 'EL3HLT',
  47: 'EL3RST',
  48: 'ELNRNG',
  49: 'EUNATCH',
  50: 'ENOCSI',
  51: 'EL2HLT',
  52: 'EBADE',
  53: 'EBADR',
  54: 'EXFULL',
  55: 'ENOANO',
  56: 'EBADRQC',
  57: 'EBADSLT',
  59: 'EBFONT',
  60: 'ENOSTR',
  61: 'ENODATA',
  62: 'ETIME',
  63: 'ENOSR',
  64: 'ENONET',
  65: 'ENOPKG',
  66: 'EREMOTE',
  67: 'ENOLINK',
  68: 'EADV',
  69: 'ESRMNT',
  70: 'ECOMM',
  71: 'EPROTO',
  72: 'EMULTIHOP',
  73: 'EDOTDOT',
  74: 'EBADMSG',
  75: 'EOVERFLOW',
  76: 'ENOTUNIQ',
  77: 'EBADFD',
  78: 'EREMCHG',
  79: 'ELIBACC',
  80: 'ELIBBAD',
  81: 'ELIBSCN',
  82: 'ELIBMAX',
  83: 'ELIBEXEC',
  84: 'EILSEQ',
  85: 'ERESTART',
  86: 'ESTRPIPE',
  87: 'EUSERS',
  88: 'ENOTSOCK',
  89: 'EDESTADDRREQ',
  90: 'EMSGSIZE',
  91: 'EPROTOTYPE',
  92: 'ENOPROTOOPT',
  93: 'EPROTONOSUPPORT',
  94: 'ESOCKTNOSUPPORT',
  95: 'EOPNOTSUPP',
  96: 'EPFNOSUPPORT',
  97: 'EAFNOSUPPORT',
  98: 'EADDRINUSE',
  99: 'EADDRNOTAVAIL',
  100: 'ENETDOWN',
  101: 'ENETUNREACH',
  102: 'ENETRESET',
  103: 'ECONNABORTED',
  104: 'ECONNRESET',
  105: 'ENOBUFS',
  106: 'EISCONN',
  107: 'ENOTCONN',
  108: 'ESHUTDOWN',
  109: 'ETOOMANYREFS',
  110: 'ETIMEDOUT',
  111: 'ECONNREFUSED',
  112: 'EHOSTDOWN',
  113: 'EHOSTUNREACH',
  114: 'EALREADY',
  115: 'EINPROGRESS',
  116: 'ESTALE',
  117: 'EUCLEAN',
  118: 'ENOTNAM',
  119: 'ENAVAIL',
  120: 'EISNAM',
  121: 'EREMOTEIO',
  122: 'EDQUOT',
  123: 'ENOMEDIUM',
  124: 'EMEDIUMTYPE',
  125: 'ECANCELED',
  126: 'ENOKEY',
  127: 'EKEYEXPIRED',
  128: 'EKEYREVOKED',
  129: 'EKEYREJECTED',
  130: 'EOWNERDEAD',
  131: 'ENOTRECOVERABLE',
  132: 'ERFKILL',
  133: 'EHWPOISON',
  512: 'ERESTARTSYS',
  513: 'ERESTARTNOINTR',
  514: 'ERESTARTNOHAND',
  515: 'ENOIOCTLCMD',
  516: 'ERESTART_RESTARTBLOCK',
  517: 'EPROBE_DEFER',
  518: 'EOPENSTALE',
  521: 'EBADHANDLE',
  522: 'ENOTSYNC',
  523: 'EBADCOOKIE',
  524: 'ENOTSUPP',
  525: 'ETOOSMALL',
  526: 'ESERVERFAULT',
  527: 'EBADTYPE',
  528: 'EJUKEBOX',
  529: 'EIOCBQUEUED',
  530: 'ERECALLCONFLICT',
};

/**
 * errno value → glibc 2.36's strerror() text (x86_64), for 1..133, plus, for the kernel-internal
 * values strace names (512..530), the text strace prints after the name: its own wording for the
 * four restart codes, glibc's `Unknown error N` for the rest.
 */
export const ERRNO_MESSAGES: Readonly<Record<number, string>> = {
  1: 'Operation not permitted',
  2: 'No such file or directory',
  3: 'No such process',
  4: 'Interrupted system call',
  5: 'Input/output error',
  6: 'No such device or address',
  7: 'Argument list too long',
  8: 'Exec format error',
  9: 'Bad file descriptor',
  10: 'No child processes',
  11: 'Resource temporarily unavailable',
  12: 'Cannot allocate memory',
  13: 'Permission denied',
  14: 'Bad address',
  15: 'Block device required',
  16: 'Device or resource busy',
  17: 'File exists',
  18: 'Invalid cross-device link',
  19: 'No such device',
  20: 'Not a directory',
  21: 'Is a directory',
  22: 'Invalid argument',
  23: 'Too many open files in system',
  24: 'Too many open files',
  25: 'Inappropriate ioctl for device',
  26: 'Text file busy',
  27: 'File too large',
  28: 'No space left on device',
  29: 'Illegal seek',
  30: 'Read-only file system',
  31: 'Too many links',
  32: 'Broken pipe',
  33: 'Numerical argument out of domain',
  34: 'Numerical result out of range',
  35: 'Resource deadlock avoided',
  36: 'File name too long',
  37: 'No locks available',
  38: 'Function not implemented',
  39: 'Directory not empty',
  40: 'Too many levels of symbolic links',
  41: 'Unknown error 41',
  42: 'No message of desired type',
  43: 'Identifier removed',
  44: 'Channel number out of range',
  45: 'Level 2 not synchronized',
  46: 'Level 3 halted',
  47: 'Level 3 reset',
  48: 'Link number out of range',
  49: 'Protocol driver not attached',
  50: 'No CSI structure available',
  51: 'Level 2 halted',
  52: 'Invalid exchange',
  53: 'Invalid request descriptor',
  54: 'Exchange full',
  55: 'No anode',
  56: 'Invalid request code',
  57: 'Invalid slot',
  58: 'Unknown error 58',
  59: 'Bad font file format',
  60: 'Device not a stream',
  61: 'No data available',
  62: 'Timer expired',
  63: 'Out of streams resources',
  64: 'Machine is not on the network',
  65: 'Package not installed',
  66: 'Object is remote',
  67: 'Link has been severed',
  68: 'Advertise error',
  69: 'Srmount error',
  70: 'Communication error on send',
  71: 'Protocol error',
  72: 'Multihop attempted',
  73: 'RFS specific error',
  74: 'Bad message',
  75: 'Value too large for defined data type',
  76: 'Name not unique on network',
  77: 'File descriptor in bad state',
  78: 'Remote address changed',
  79: 'Can not access a needed shared library',
  80: 'Accessing a corrupted shared library',
  81: '.lib section in a.out corrupted',
  82: 'Attempting to link in too many shared libraries',
  83: 'Cannot exec a shared library directly',
  84: 'Invalid or incomplete multibyte or wide character',
  85: 'Interrupted system call should be restarted',
  86: 'Streams pipe error',
  87: 'Too many users',
  88: 'Socket operation on non-socket',
  89: 'Destination address required',
  90: 'Message too long',
  91: 'Protocol wrong type for socket',
  92: 'Protocol not available',
  93: 'Protocol not supported',
  94: 'Socket type not supported',
  95: 'Operation not supported',
  96: 'Protocol family not supported',
  97: 'Address family not supported by protocol',
  98: 'Address already in use',
  99: 'Cannot assign requested address',
  100: 'Network is down',
  101: 'Network is unreachable',
  102: 'Network dropped connection on reset',
  103: 'Software caused connection abort',
  104: 'Connection reset by peer',
  105: 'No buffer space available',
  106: 'Transport endpoint is already connected',
  107: 'Transport endpoint is not connected',
  108: 'Cannot send after transport endpoint shutdown',
  109: 'Too many references: cannot splice',
  110: 'Connection timed out',
  111: 'Connection refused',
  112: 'Host is down',
  113: 'No route to host',
  114: 'Operation already in progress',
  115: 'Operation now in progress',
  116: 'Stale file handle',
  117: 'Structure needs cleaning',
  118: 'Not a XENIX named type file',
  119: 'No XENIX semaphores available',
  120: 'Is a named type file',
  121: 'Remote I/O error',
  122: 'Disk quota exceeded',
  123: 'No medium found',
  124: 'Wrong medium type',
  125: 'Operation canceled',
  126: 'Required key not available',
  127: 'Key has expired',
  128: 'Key has been revoked',
  129: 'Key was rejected by service',
  130: 'Owner died',
  131: 'State not recoverable',
  132: 'Operation not possible due to RF-kill',
  133: 'Memory page has hardware error',
  512: 'To be restarted if SA_RESTART is set',
  513: 'To be restarted',
  514: 'To be restarted if no handler',
  515: 'Unknown error 515',
  516: 'Interrupted by signal',
  517: 'Unknown error 517',
  518: 'Unknown error 518',
  521: 'Unknown error 521',
  522: 'Unknown error 522',
  523: 'Unknown error 523',
  524: 'Unknown error 524',
  525: 'Unknown error 525',
  526: 'Unknown error 526',
  527: 'Unknown error 527',
  528: 'Unknown error 528',
  529: 'Unknown error 529',
  530: 'Unknown error 530',
};

/** The four restart codes strace prints as `= ? NAME (text)` (not raw mode), with their texts. */
export const RESTART_TEXTS: Readonly<Record<number, string>> = {
  512: 'To be restarted if SA_RESTART is set',
  513: 'To be restarted',
  514: 'To be restarted if no handler',
  516: 'Interrupted by signal',
};

/** glibc's other spellings of three values; strace neither prints nor accepts them. */
export const ERRNO_ALIASES: Readonly<Record<string, number>> = {
  EWOULDBLOCK: 11,
  EDEADLOCK: 35,
  ENOTSUP: 95,
};

/** Largest value the kernel returns as an error (-4095..-1 is an error return). */
export const MAX_ERRNO = 4095;

/** Errors some decoders print differently after (the kernel then tells the size it wants). */
export const E2BIG = 7;

/** The name strace prints for errno `n`, or undefined if it has none. */
export function errnoName(n: number): string | undefined {
  return Object.prototype.hasOwnProperty.call(ERRNO_NAMES, n) ? ERRNO_NAMES[n] : undefined;
}

/**
 * The text strace prints in parentheses after the name: glibc's strerror() for ordinary values
 * (`Unknown error N` when glibc has none), strace's own text for the four restart codes.
 */
export function errnoMessage(n: number): string {
  return Object.prototype.hasOwnProperty.call(ERRNO_MESSAGES, n) ? ERRNO_MESSAGES[n]! : `Unknown error ${n}`;
}

let byName: Map<string, number> | undefined;

/** errno value for a strace name (case-insensitive, as strace parses `error=`), else undefined. */
export function errnoByName(name: string): number | undefined {
  byName ??= new Map(Object.entries(ERRNO_NAMES).map(([v, n]) => [n.toUpperCase(), Number(v)] as const));
  return byName.get(name.toUpperCase());
}

/**
 * What strace 6.1 prints after `= ` for a syscall that failed with `err` (1..4095):
 * `-1 ENOENT (No such file or directory)`, `? ERESTARTSYS (To be restarted if SA_RESTART is set)`,
 * `-1 (errno 41)`. `raw` is strace's raw mode for the syscall (`-e raw=`), where the restart codes
 * are not special.
 */
export function errorReturnText(err: number, raw = false): string {
  if (!raw) {
    const special = RESTART_TEXTS[err];
    if (special !== undefined) return `? ${ERRNO_NAMES[err]} (${special})`;
  }
  const name = errnoName(err);
  if (name === undefined) return `-1 (errno ${err})`;
  // In raw mode the restart codes fall through here and get glibc's text.
  const text = raw && RESTART_TEXTS[err] !== undefined ? `Unknown error ${err}` : errnoMessage(err);
  return `-1 ${name} (${text})`;
}
