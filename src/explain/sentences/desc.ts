/** Explanations for calls on file descriptors: read, write, close, dup, seek, fcntl, ioctl, poll. */
import type { Value } from '../../decode/value.js';
import { bytes, Call, count, data, duration, fd, field, has, isNull, names, num, symOf, type Sentence } from '../words.js';

/** read-like: how much came from where, and the start of it. */
function got(c: Call, from: string, buf: Value | undefined, asked: bigint | undefined, at = ''): string {
  return c.say(() => {
    if (c.rv === 0n) return `read from ${from}${at}: nothing, the end of the file (or the writer closed it)`;
    const d = data(buf);
    return `read ${bytes(c.rv)} from ${from}${at}` + (asked !== undefined && asked > c.rv ? ` (of ${asked} asked for)` : '') + (d ? `: ${d}` : '');
  }, `read from ${from}${at}`, from);
}

/** write-like: how much went where. */
function put(c: Call, to: string, buf: Value | undefined, asked: bigint | undefined, at = ''): string {
  return c.say(() => {
    const d = data(buf);
    return `wrote ${bytes(c.rv)} to ${to}${at}` + (asked !== undefined && asked > c.rv ? ` (of ${asked}: a short write)` : '') + (d ? `: ${d}` : '');
  }, `write ${bytes(asked)} to ${to}${at}`, to);
}

const at = (off: Value): string => ` at offset ${num(off) ?? '?'}`;

/** The total length of an iovec array as decoded. */
function iovTotal(v: Value | undefined): bigint | undefined {
  if (v?.k !== 'array') return undefined;
  let t = 0n;
  for (const it of v.items) t += num(field(it, 'iov_len')) ?? 0n;
  return t;
}
const iovData = (v: Value | undefined): Value | undefined => (v?.k === 'array' ? field(v.items[0], 'iov_base') : undefined);

/** The fds of a pollfd array, and what each waited for: `fd 3 (in), fd 4 (out)`. */
function pollSet(v: Value | undefined): string {
  if (v?.k !== 'array') return 'some fds';
  const parts = v.items.slice(0, 4).map((it) => {
    const ev = names(field(it, 'events'));
    const w = [ev.includes('POLLIN') ? 'input' : '', ev.includes('POLLOUT') ? 'output' : ''].filter(Boolean).join('/');
    return fd(field(it, 'fd')) + (w ? ` (${w})` : '');
  });
  return parts.join(', ') + (v.items.length > 4 || v.more ? ', …' : '');
}

/** poll-like: what was watched, for how long, how many became ready. */
function polled(c: Call, set: string, timeout: string | undefined): string {
  if (timeout === '0 s') return c.say(`checked ${set} without waiting: ${c.rv === 0n ? 'nothing was ready' : `${count(c.rv, 'fd')} ready`}`, `check ${set}`);
  const t = timeout === undefined ? ' with no time limit' : ` for up to ${timeout}`;
  return c.say(c.rv === 0n ? `waited on ${set}${t}: nothing became ready (timed out)` : `waited on ${set}${t}: ${count(c.rv, 'fd')} ready`, `wait on ${set}`);
}

const msTimeout = (v: Value): string | undefined => {
  const n = num(v);
  return n === undefined || n < 0n ? undefined : n === 0n ? '0 s' : `${n} ms`;
};

/** fcntl's command, in words. */
function fcntlWords(c: Call): string {
  const f = fd(c.a(0));
  const cmd = symOf(c.a(1)) ?? '';
  switch (cmd) {
    case 'F_GETFD': return c.say(`asked whether ${f} closes on exec: ${c.rv & 1n ? 'yes' : 'no'}`, `read the fd flags of ${f}`, f);
    case 'F_SETFD': return c.say(has(c.a(2), 'FD_CLOEXEC') ? `marked ${f} to be closed on exec` : `marked ${f} to stay open across exec`, `set the fd flags of ${f}`, f);
    case 'F_GETFL': return c.say(`read the open flags of ${f}`, `read the flags of ${f}`, f);
    case 'F_SETFL': return c.say(`set the open flags of ${f} to ${names(c.a(2)).join('|') || '0'}${has(c.a(2), 'O_NONBLOCK') ? ' (non-blocking)' : ''}`, `set the flags of ${f}`, f);
    case 'F_DUPFD': case 'F_DUPFD_CLOEXEC':
      return c.say(`duplicated ${f} onto the lowest free fd ≥ ${c.n(2)} → ${c.fdOut}${cmd === 'F_DUPFD_CLOEXEC' ? ' (closed on exec)' : ''}`, `duplicate ${f}`, f);
    case 'F_SETLK': case 'F_SETLKW': case 'F_OFD_SETLK': case 'F_OFD_SETLKW': {
      const type = symOf(field(c.a(2), 'l_type'));
      const what = type === 'F_UNLCK' ? 'released a lock on' : type === 'F_WRLCK' ? 'took a write lock on' : 'took a read lock on';
      return c.say(`${what} ${f}${cmd.endsWith('W') ? ' (waiting for it)' : ''}`, `lock ${f}`, f);
    }
    case 'F_GETLK': case 'F_OFD_GETLK': return c.say(`asked whether a lock on ${f} would conflict`, `test a lock on ${f}`, f);
    case 'F_GETPIPE_SZ': return c.say(`asked the capacity of the pipe ${f}: ${bytes(c.rv)}`, `read the pipe size of ${f}`, f);
    case 'F_SETPIPE_SZ': return c.say(`set the capacity of the pipe ${f} to ${bytes(c.rv)}`, `resize the pipe ${f}`, f);
    case 'F_ADD_SEALS': return c.say(`sealed ${f} against ${names(c.a(2)).join(', ')}`, `seal ${f}`, f);
    case 'F_GET_SEALS': return c.say(`read the seals of ${f}`, `read the seals of ${f}`, f);
    case 'F_SETOWN': return c.say(`made process ${c.n(2)} the owner of ${f} (for SIGIO)`, `set the owner of ${f}`, f);
    case 'F_GETOWN': return c.say(`asked which process owns ${f}: ${c.rv}`, `get the owner of ${f}`, f);
    default: return c.say(`did ${cmd || 'a control request'} on ${f}`, `do ${cmd || 'a control request'} on ${f}`, f);
  }
}

/** ioctl: the requests programs commonly make, in words; others by name. */
function ioctlWords(c: Call): string {
  const f = fd(c.a(0));
  const req = names(c.a(1))[0] ?? '';
  switch (req) {
    case 'TCGETS': case 'TCGETS2':
      // programs (isatty) ask this to learn whether an fd is a terminal: ENOTTY is the answer no
      if (c.ret?.errno === 25) return `checked whether ${f} is a terminal: it is not`;
      return c.say(`read the terminal settings of ${f} (it is a terminal)`, `read the terminal settings of ${f}`, f);
    case 'TCSETS': case 'TCSETSW': case 'TCSETSF': return c.say(`changed the terminal settings of ${f}`, `change the terminal settings of ${f}`, f);
    case 'TIOCGWINSZ': {
      const rows = num(field(c.a(2), 'ws_row')), cols = num(field(c.a(2), 'ws_col'));
      return c.say(`asked the size of the terminal ${f}${rows !== undefined ? `: ${rows} rows × ${cols} columns` : ''}`, `get the window size of ${f}`, f);
    }
    case 'TIOCSWINSZ': return c.say(`set the window size of the terminal ${f}`, `set the window size of ${f}`, f);
    case 'TIOCGPGRP': return c.say(`asked which process group is in the foreground on ${f}`, `get the foreground group of ${f}`, f);
    case 'TIOCSPGRP': return c.say(`put a process group in the foreground on ${f}`, `set the foreground group of ${f}`, f);
    case 'FIONBIO': return c.say(`made ${f} ${num(c.a(2)) ? 'non-blocking' : 'blocking'}`, `change blocking on ${f}`, f);
    case 'FIONREAD': return c.say(`asked how many bytes wait to be read on ${f}`, `ask what is pending on ${f}`, f);
    case 'FIOCLEX': return c.say(`marked ${f} to be closed on exec`, `mark ${f} close-on-exec`, f);
    case 'FIONCLEX': return c.say(`marked ${f} to stay open across exec`, `clear close-on-exec on ${f}`, f);
    default: return c.say(`sent the device request ${req || 'an unnamed request'} to ${f}`, `send ${req || 'a request'} to ${f}`, f);
  }
}

/** lseek's whence as words. */
function seekWords(c: Call): string {
  const f = fd(c.a(0));
  const off = c.n(1);
  const whence = symOf(c.a(2));
  if (whence === 'SEEK_SET' || whence === undefined) return c.say(`moved to offset ${off} in ${f}`, `seek in ${f}`, f);
  const target = whence === 'SEEK_CUR' ? (off === 0n ? 'asked the current offset of' : `moved ${off} bytes from the current offset in`)
    : whence === 'SEEK_END' ? (off === 0n ? 'moved to the end of' : `moved to ${off} bytes from the end of`)
    : whence === 'SEEK_DATA' ? 'looked for the next data in' : whence === 'SEEK_HOLE' ? 'looked for the next hole in'
    : 'moved in';
  return c.say(`${target} ${f} → offset ${c.ret ? BigInt.asUintN(64, c.rv) : '?'}`, `seek in ${f}`, f);
}

const dupped = (c: Call, to?: Value): string => {
  const f = fd(c.a(0));
  return to ? c.say(`made ${fd(to)} another name for ${f} (closing what ${fd(to)} had open)`, `duplicate ${f} onto ${fd(to)}`, f)
    : c.say(`made ${c.fdOut} another name for ${f}`, `duplicate ${f}`, f);
};

const pipeEnds = (v: Value): string => (v.k === 'array' && v.items.length === 2 ? `reading end ${fd(v.items[0])}, writing end ${fd(v.items[1])}` : 'two fds');

const epollOp = (op: string | undefined): string => (op === 'EPOLL_CTL_ADD' ? 'added' : op === 'EPOLL_CTL_DEL' ? 'removed' : 'changed');

export const DESC: Record<string, Sentence> = {
  read: (c) => got(c, fd(c.a(0)), c.a(1), num(c.a(2))),
  pread64: (c) => got(c, fd(c.a(0)), c.a(1), num(c.a(2)), at(c.a(3))),
  readv: (c) => got(c, fd(c.a(0)), iovData(c.a(1)), iovTotal(c.a(1))),
  preadv: (c) => got(c, fd(c.a(0)), iovData(c.a(1)), iovTotal(c.a(1)), at(c.a(3))),
  preadv2: (c) => got(c, fd(c.a(0)), iovData(c.a(1)), iovTotal(c.a(1)), at(c.a(3))),
  write: (c) => put(c, fd(c.a(0)), c.a(1), num(c.a(2))),
  pwrite64: (c) => put(c, fd(c.a(0)), c.a(1), num(c.a(2)), at(c.a(3))),
  writev: (c) => put(c, fd(c.a(0)), iovData(c.a(1)), iovTotal(c.a(1))),
  pwritev: (c) => put(c, fd(c.a(0)), iovData(c.a(1)), iovTotal(c.a(1)), at(c.a(3))),
  pwritev2: (c) => put(c, fd(c.a(0)), iovData(c.a(1)), iovTotal(c.a(1)), at(c.a(3))),
  close: (c) => c.say(`closed ${fd(c.a(0))}`, `close ${fd(c.a(0))}`, fd(c.a(0))),
  close_range: (c) => c.say(`closed every fd from ${c.n(0)} to ${BigInt.asUintN(32, c.n(1)) === 0xffffffffn ? 'the last' : c.n(1)}`, 'close a range of fds'),
  dup: (c) => dupped(c),
  dup2: (c) => dupped(c, c.a(1)),
  dup3: (c) => dupped(c, c.a(1)),
  fcntl: fcntlWords,
  ioctl: ioctlWords,
  lseek: seekWords,
  pipe: (c) => c.say(`created a pipe: ${pipeEnds(c.a(0))}`, 'create a pipe'),
  pipe2: (c) => c.say(`created a pipe: ${pipeEnds(c.a(0))}`, 'create a pipe'),
  poll: (c) => polled(c, pollSet(c.a(0)), msTimeout(c.a(2))),
  ppoll: (c) => polled(c, pollSet(c.a(0)), isNull(c.a(2)) ? undefined : duration(c.a(2))),
  select: (c) => polled(c, `${c.n(0)} fd slots`, c.a(4).k === 'ptr' ? undefined : duration(c.a(4))),
  pselect6: (c) => polled(c, `${c.n(0)} fd slots`, c.a(4).k === 'ptr' ? undefined : duration(c.a(4))),
  epoll_create: (c) => c.say(`created an epoll instance to watch many fds at once → ${c.fdOut}`, 'create an epoll instance'),
  epoll_create1: (c) => c.say(`created an epoll instance to watch many fds at once → ${c.fdOut}`, 'create an epoll instance'),
  epoll_ctl: (c) => c.say(`${epollOp(symOf(c.a(1)))} ${fd(c.a(2))} in the epoll set ${fd(c.a(0))}${names(field(c.a(3), 'events')).length ? `, watching ${names(field(c.a(3), 'events')).join('|')}` : ''}`, `update the epoll set ${fd(c.a(0))}`, fd(c.a(2))),
  epoll_wait: (c) => polled(c, `the epoll set ${fd(c.a(0))}`, msTimeout(c.a(3))),
  epoll_pwait: (c) => polled(c, `the epoll set ${fd(c.a(0))}`, msTimeout(c.a(3))),
  epoll_pwait2: (c) => polled(c, `the epoll set ${fd(c.a(0))}`, c.a(3).k === 'ptr' ? undefined : duration(c.a(3))),
  eventfd: (c) => c.say(`created an event counter starting at ${c.n(0)} → ${c.fdOut}`, 'create an eventfd'),
  eventfd2: (c) => c.say(`created an event counter starting at ${c.n(0)} → ${c.fdOut}`, 'create an eventfd'),
  signalfd: (c) => c.say(`made ${c.fdOut} deliver the signals ${pretty(c.a(1))} as data`, 'create a signalfd'),
  signalfd4: (c) => c.say(`made ${c.fdOut} deliver the signals ${pretty(c.a(1))} as data`, 'create a signalfd'),
  timerfd_create: (c) => c.say(`created a timer on ${symOf(c.a(0)) ?? 'a clock'} that can be read as an fd → ${c.fdOut}`, 'create a timerfd'),
  timerfd_settime: (c) => c.say(`armed the timer ${fd(c.a(0))}${duration(field(c.a(2), 'it_value')) ? ` to fire in ${duration(field(c.a(2), 'it_value'))}` : ''}`, `arm the timer ${fd(c.a(0))}`, fd(c.a(0))),
  timerfd_gettime: (c) => c.say(`asked how long until the timer ${fd(c.a(0))} fires`, `read the timer ${fd(c.a(0))}`, fd(c.a(0))),
  memfd_create: (c) => c.say(`created an anonymous file in memory named ${data(c.a(0)) ?? 'unnamed'} → ${c.fdOut}`, 'create a memfd'),
  sendfile: (c) => c.say(`copied ${bytes(c.rv)} from ${fd(c.a(1))} to ${fd(c.a(0))} inside the kernel`, `copy from ${fd(c.a(1))} to ${fd(c.a(0))}`),
  copy_file_range: (c) => c.say(c.rv === 0n ? `copied nothing from ${fd(c.a(0))} to ${fd(c.a(2))}: the end of ${fd(c.a(0))}` : `copied ${bytes(c.rv)} from ${fd(c.a(0))} to ${fd(c.a(2))} inside the kernel`, `copy from ${fd(c.a(0))} to ${fd(c.a(2))}`),
  splice: (c) => c.say(`moved ${bytes(c.rv)} from ${fd(c.a(0))} to ${fd(c.a(2))} without copying through this process`, `splice from ${fd(c.a(0))} to ${fd(c.a(2))}`),
  tee: (c) => c.say(`duplicated ${bytes(c.rv)} from the pipe ${fd(c.a(0))} into the pipe ${fd(c.a(1))}`, `tee ${fd(c.a(0))} into ${fd(c.a(1))}`),
  ftruncate: (c) => c.say(`set the length of ${fd(c.a(0))} to ${bytes(c.n(1))}`, `truncate ${fd(c.a(0))}`, fd(c.a(0))),
  fsync: (c) => c.say(`waited until every change to ${fd(c.a(0))} was on disk`, `sync ${fd(c.a(0))}`, fd(c.a(0))),
  fdatasync: (c) => c.say(`waited until the data of ${fd(c.a(0))} was on disk`, `sync ${fd(c.a(0))}`, fd(c.a(0))),
  fallocate: (c) => c.say(`reserved ${bytes(c.n(3))} at offset ${c.n(2)} in ${fd(c.a(0))}`, `allocate space in ${fd(c.a(0))}`, fd(c.a(0))),
  fadvise64: (c) => c.say(`told the kernel how ${fd(c.a(0))} will be read (${symOf(c.a(3)) ?? 'advice'})`, `advise on ${fd(c.a(0))}`, fd(c.a(0))),
  readahead: (c) => c.say(`asked the kernel to read ${bytes(c.n(2))} of ${fd(c.a(0))} ahead into its cache`, `read ahead in ${fd(c.a(0))}`, fd(c.a(0))),
  flock: (c) => c.say(`${has(c.a(1), 'LOCK_UN') ? 'released the lock on' : has(c.a(1), 'LOCK_EX') ? 'took an exclusive lock on' : 'took a shared lock on'} ${fd(c.a(0))}`, `lock ${fd(c.a(0))}`, fd(c.a(0))),
  sync_file_range: (c) => c.say(`started writing part of ${fd(c.a(0))} to disk`, `sync part of ${fd(c.a(0))}`, fd(c.a(0))),
  vmsplice: (c) => c.say(`gave ${bytes(c.rv)} of its memory to the pipe ${fd(c.a(0))}`, `vmsplice into ${fd(c.a(0))}`, fd(c.a(0))),
  io_uring_setup: (c) => c.say(`set up an io_uring with ${count(c.n(0), 'entry', 'entries')} → ${c.fdOut}`, 'set up an io_uring'),
  io_uring_enter: (c) => c.say(`submitted ${count(c.rv, 'request')} to the io_uring ${fd(c.a(0))}`, `submit to the io_uring ${fd(c.a(0))}`, fd(c.a(0))),
  io_uring_register: (c) => c.say(`registered resources with the io_uring ${fd(c.a(0))}`, `register with ${fd(c.a(0))}`, fd(c.a(0))),
};

/** A signal set as words. */
function pretty(v: Value | undefined): string {
  if (v?.k === 'sigset') return (v.inverted ? 'all but ' : '') + (v.names.length ? v.names.join(' ') : 'none');
  return 'given';
}
