/** Explanations for the calls that name files: open, stat, access, links, directories, attributes. */
import type { Value } from '../../decode/value.js';
import { bytes, bytesText, Call, count, fd, field, has, isNull, mode, names, num, path, pathAt, type Sentence } from '../words.js';

/** How open's flags read: `for writing, created with mode 0600 if it did not exist`. */
function openHow(flags: Value, m: Value | undefined, done: boolean): string {
  let s = has(flags, 'O_PATH') ? 'as a path only (no reading or writing)'
    : has(flags, 'O_RDWR') ? 'for reading and writing' : has(flags, 'O_WRONLY') ? 'for writing' : 'for reading';
  if (has(flags, 'O_CREAT')) {
    s += has(flags, 'O_EXCL') ? `, creating it with mode ${mode(m)} (it must not exist yet)`
      : done ? `, created with mode ${mode(m)} if it did not exist` : `, creating it with mode ${mode(m)} if missing`;
  }
  if (has(flags, 'O_TRUNC')) s += done ? ', emptied first' : ', emptying it';
  if (has(flags, 'O_APPEND')) s += ', every write going to the end';
  if (has(flags, 'O_NONBLOCK')) s += ', non-blocking';
  return s;
}

/** open/openat/creat: the path, where it is resolved, how, and the fd it gave. */
function opened(c: Call, dirfd: Value | undefined, p: Value, flags: Value, m: Value | undefined): string {
  const dir = has(flags, 'O_DIRECTORY') ? 'the directory ' : '';
  const what = pathAt(dirfd, p);
  if (has(flags, 'O_TMPFILE')) {
    return c.say(`created an unnamed temporary file in ${what} with mode ${mode(m)} → ${c.fdOut}`, `create a temporary file in ${what}`, path(p));
  }
  return c.say(`opened ${dir}${what} ${openHow(flags, m, true)} → ${c.fdOut}`, `open ${dir}${what} ${openHow(flags, m, false)}`, path(p));
}

/** The kind and size a stat buffer reports: `a regular file of 34547 bytes`. */
function statWords(st: Value | undefined): string {
  if (!st || st.k !== 'struct') return 'its details';
  const kind = names(field(st, 'st_mode') ?? field(st, 'stx_mode'))[0];
  const size = num(field(st, 'st_size') ?? field(st, 'stx_size'));
  const what = ({
    S_IFREG: 'a regular file', S_IFDIR: 'a directory', S_IFLNK: 'a symbolic link', S_IFCHR: 'a character device',
    S_IFBLK: 'a block device', S_IFIFO: 'a pipe (FIFO)', S_IFSOCK: 'a socket',
  } as Record<string, string>)[kind ?? ''];
  if (!what) return 'its details';
  return what + (size !== undefined && (kind === 'S_IFREG' || kind === 'S_IFDIR') ? ` of ${bytes(size)}` : '');
}

/** stat-like calls: what the subject turned out to be. */
function statted(c: Call, subject: string, st: Value | undefined, link = false): string {
  const l = link ? ' (the link itself, not what it points to)' : '';
  return c.say(`looked up ${subject}${l}: ${statWords(st)}`, `look up ${subject}`, subject);
}

/** The access mode access() checks: `readable and writable`, `exists`. */
function accessWords(m: Value): string {
  const r: string[] = [];
  if (has(m, 'R_OK')) r.push('readable');
  if (has(m, 'W_OK')) r.push('writable');
  if (has(m, 'X_OK')) r.push('executable');
  return r.length ? r.join(' and ') : 'there';
}

function accessed(c: Call, subject: string, m: Value): string {
  const w = accessWords(m);
  return w === 'there'
    ? c.say(`checked that ${subject} exists: it does`, `find ${subject}`, subject)
    : c.say(`checked that ${subject} is ${w} by this process: it is`, `confirm ${subject} is ${w}`, subject);
}

/** Attribute names as words. */
const attr = (v: Value | undefined): string => (v?.k === 'str' ? `the attribute ${bytesText(v.b)}` : 'an attribute');

/** getxattr-like: the attribute of `subject`, and how much of it came back. */
const getAttr = (c: Call, subject: string, name: Value, size: Value): string =>
  num(size) === 0n
    ? c.say(`asked how long ${attr(name)} of ${subject} is: ${bytes(c.rv)}`, `read ${attr(name)} of ${subject}`, subject)
    : c.say(`read ${attr(name)} of ${subject}: ${bytes(c.rv)}`, `read ${attr(name)} of ${subject}`, subject);
const setAttr = (c: Call, subject: string, name: Value): string =>
  c.say(`set ${attr(name)} of ${subject}`, `set ${attr(name)} of ${subject}`, subject);
const listAttr = (c: Call, subject: string): string =>
  c.say(`listed the attribute names of ${subject}: ${bytes(c.rv)} of names`, `list the attributes of ${subject}`, subject);
const removeAttr = (c: Call, subject: string, name: Value): string =>
  c.say(`removed ${attr(name)} from ${subject}`, `remove ${attr(name)} from ${subject}`, subject);

/** getdents: how many entries came (strace counts them in a comment), or the end. */
function listed(c: Call): string {
  const d = fd(c.a(0));
  const buf = c.a(1);
  const n = buf.k === 'note' ? /^(\d+) entr/.exec(buf.text)?.[1] : undefined;
  return c.say(() => (c.rv === 0n ? `read the directory ${d}: no more entries`
    : `read ${n !== undefined ? count(BigInt(n), 'entry', 'entries') : 'entries'} of the directory ${d} (${bytes(c.rv)})`), `list the directory ${d}`, d);
}

const unlinked = (c: Call, subject: string, dir: boolean): string =>
  dir ? c.say(`removed the empty directory ${subject}`, `remove the directory ${subject}`, subject)
    : c.say(`deleted the name ${subject} (the file goes once nothing has it open)`, `delete ${subject}`, subject);

const renamed = (c: Call, from: string, to: string): string =>
  c.say(`renamed ${from} to ${to} (replacing any ${to})`, `rename ${from} to ${to}`, from);

const owner = (u: Value, g: Value): string => {
  const un = num(u), gn = num(g);
  const parts = [un !== undefined && un !== 0xffffffffn && un !== -1n ? `user ${un}` : '', gn !== undefined && gn !== 0xffffffffn && gn !== -1n ? `group ${gn}` : ''].filter(Boolean);
  return parts.length ? parts.join(' and ') : 'unchanged owners';
};

export const FILE: Record<string, Sentence> = {
  open: (c) => opened(c, undefined, c.a(0), c.a(1), c.args[2]),
  openat: (c) => opened(c, c.a(0), c.a(1), c.a(2), c.args[3]),
  openat2: (c) => opened(c, c.a(0), c.a(1), field(c.a(2), 'flags') ?? c.a(2), field(c.a(2), 'mode')),
  creat: (c) => opened(c, undefined, c.a(0), { k: 'flags', names: ['O_WRONLY', 'O_CREAT', 'O_TRUNC'], rest: 0n, v: 0n }, c.a(1)),
  name_to_handle_at: (c) => c.say(`got a stable handle for ${pathAt(c.a(0), c.a(1))}`, `get a handle for ${pathAt(c.a(0), c.a(1))}`, path(c.a(1))),
  open_by_handle_at: (c) => c.say(`opened a file by its handle, relative to the mount of ${fd(c.a(0))} → ${c.fdOut}`, 'open a file by its handle'),

  stat: (c) => statted(c, path(c.a(0)), c.a(1)),
  lstat: (c) => statted(c, path(c.a(0)), c.a(1), true),
  fstat: (c) => statted(c, fd(c.a(0)), c.a(1)),
  newfstatat: (c) => statted(c, pathAt(c.a(0), c.a(1)), c.a(2), has(c.a(3), 'AT_SYMLINK_NOFOLLOW')),
  statx: (c) => statted(c, pathAt(c.a(0), c.a(1)), c.a(4), has(c.a(2), 'AT_SYMLINK_NOFOLLOW')),
  statfs: (c) => c.say(`looked up the file system holding ${path(c.a(0))}`, `look up the file system of ${path(c.a(0))}`, path(c.a(0))),
  fstatfs: (c) => c.say(`looked up the file system holding ${fd(c.a(0))}`, `look up the file system of ${fd(c.a(0))}`, fd(c.a(0))),

  access: (c) => accessed(c, path(c.a(0)), c.a(1)),
  faccessat: (c) => accessed(c, pathAt(c.a(0), c.a(1)), c.a(2)),
  faccessat2: (c) => accessed(c, pathAt(c.a(0), c.a(1)), c.a(2)),

  readlink: (c) => c.say(`read where the symbolic link ${path(c.a(0))} points: ${path(c.a(1))}`, `read the link ${path(c.a(0))}`, path(c.a(0))),
  readlinkat: (c) => c.say(`read where the symbolic link ${pathAt(c.a(0), c.a(1))} points: ${path(c.a(2))}`, `read the link ${pathAt(c.a(0), c.a(1))}`, path(c.a(1))),
  unlink: (c) => unlinked(c, path(c.a(0)), false),
  unlinkat: (c) => unlinked(c, pathAt(c.a(0), c.a(1)), has(c.a(2), 'AT_REMOVEDIR')),
  rmdir: (c) => unlinked(c, path(c.a(0)), true),
  mkdir: (c) => c.say(`created the directory ${path(c.a(0))} with mode ${mode(c.a(1))}`, `create the directory ${path(c.a(0))}`, path(c.a(0))),
  mkdirat: (c) => c.say(`created the directory ${pathAt(c.a(0), c.a(1))} with mode ${mode(c.a(2))}`, `create the directory ${pathAt(c.a(0), c.a(1))}`, path(c.a(1))),
  mknod: (c) => c.say(`created the special file ${path(c.a(0))}`, `create the special file ${path(c.a(0))}`, path(c.a(0))),
  mknodat: (c) => c.say(`created the special file ${pathAt(c.a(0), c.a(1))}`, `create the special file ${pathAt(c.a(0), c.a(1))}`, path(c.a(1))),
  rename: (c) => renamed(c, path(c.a(0)), path(c.a(1))),
  renameat: (c) => renamed(c, pathAt(c.a(0), c.a(1)), pathAt(c.a(2), c.a(3))),
  renameat2: (c) => has(c.a(4), 'RENAME_NOREPLACE')
    ? c.say(`renamed ${pathAt(c.a(0), c.a(1))} to ${pathAt(c.a(2), c.a(3))}, which must not exist`, `rename ${pathAt(c.a(0), c.a(1))}`, path(c.a(1)))
    : renamed(c, pathAt(c.a(0), c.a(1)), pathAt(c.a(2), c.a(3))),
  link: (c) => c.say(`gave ${path(c.a(0))} a second name, ${path(c.a(1))} (a hard link)`, `link ${path(c.a(1))} to ${path(c.a(0))}`, path(c.a(0))),
  linkat: (c) => c.say(`gave ${pathAt(c.a(0), c.a(1))} a second name, ${pathAt(c.a(2), c.a(3))} (a hard link)`, `link ${pathAt(c.a(2), c.a(3))}`, path(c.a(1))),
  symlink: (c) => c.say(`created the symbolic link ${path(c.a(1))} pointing to ${path(c.a(0))}`, `create the symbolic link ${path(c.a(1))}`, path(c.a(1))),
  symlinkat: (c) => c.say(`created the symbolic link ${pathAt(c.a(1), c.a(2))} pointing to ${path(c.a(0))}`, `create the symbolic link ${pathAt(c.a(1), c.a(2))}`, path(c.a(2))),

  chdir: (c) => c.say(`changed the current directory to ${path(c.a(0))}`, `change directory to ${path(c.a(0))}`, path(c.a(0))),
  fchdir: (c) => c.say(`changed the current directory to the one ${fd(c.a(0))} has open`, `change directory to ${fd(c.a(0))}`, fd(c.a(0))),
  chroot: (c) => c.say(`made ${path(c.a(0))} this process's root directory`, `change the root to ${path(c.a(0))}`, path(c.a(0))),
  getcwd: (c) => c.say(`asked for the current directory: ${path(c.a(0))}`, 'get the current directory'),
  umask: (c) => c.say(`set the file creation mask to ${mode(c.a(0))} (it was ${mode({ k: 'int', v: c.rv })})`, 'set the file creation mask'),

  chmod: (c) => c.say(`set the mode of ${path(c.a(0))} to ${mode(c.a(1))}`, `change the mode of ${path(c.a(0))}`, path(c.a(0))),
  fchmod: (c) => c.say(`set the mode of ${fd(c.a(0))} to ${mode(c.a(1))}`, `change the mode of ${fd(c.a(0))}`, fd(c.a(0))),
  fchmodat: (c) => c.say(`set the mode of ${pathAt(c.a(0), c.a(1))} to ${mode(c.a(2))}`, `change the mode of ${pathAt(c.a(0), c.a(1))}`, path(c.a(1))),
  chown: (c) => c.say(`gave ${path(c.a(0))} to ${owner(c.a(1), c.a(2))}`, `change the owner of ${path(c.a(0))}`, path(c.a(0))),
  lchown: (c) => c.say(`gave the link ${path(c.a(0))} to ${owner(c.a(1), c.a(2))}`, `change the owner of ${path(c.a(0))}`, path(c.a(0))),
  fchown: (c) => c.say(`gave ${fd(c.a(0))} to ${owner(c.a(1), c.a(2))}`, `change the owner of ${fd(c.a(0))}`, fd(c.a(0))),
  fchownat: (c) => c.say(`gave ${pathAt(c.a(0), c.a(1))} to ${owner(c.a(2), c.a(3))}`, `change the owner of ${pathAt(c.a(0), c.a(1))}`, path(c.a(1))),
  truncate: (c) => c.say(`set the length of ${path(c.a(0))} to ${bytes(c.n(1))}`, `truncate ${path(c.a(0))}`, path(c.a(0))),
  utimensat: (c) => {
    // a NULL path means the file fd itself has open (futimens)
    const what = isNull(c.a(1)) ? fd(c.a(0)) : pathAt(c.a(0), c.a(1));
    return c.say(`set the access and modification times of ${what}${isNull(c.a(2)) ? ' to now' : ''}`, `set the times of ${what}`, what);
  },
  utime: (c) => c.say(`set the times of ${path(c.a(0))}`, `set the times of ${path(c.a(0))}`, path(c.a(0))),
  utimes: (c) => c.say(`set the times of ${path(c.a(0))}`, `set the times of ${path(c.a(0))}`, path(c.a(0))),
  futimesat: (c) => c.say(`set the times of ${pathAt(c.a(0), c.a(1))}`, `set the times of ${pathAt(c.a(0), c.a(1))}`, path(c.a(1))),

  getxattr: (c) => getAttr(c, path(c.a(0)), c.a(1), c.a(3)),
  lgetxattr: (c) => getAttr(c, path(c.a(0)), c.a(1), c.a(3)),
  fgetxattr: (c) => getAttr(c, fd(c.a(0)), c.a(1), c.a(3)),
  setxattr: (c) => setAttr(c, path(c.a(0)), c.a(1)),
  lsetxattr: (c) => setAttr(c, path(c.a(0)), c.a(1)),
  fsetxattr: (c) => setAttr(c, fd(c.a(0)), c.a(1)),
  listxattr: (c) => listAttr(c, path(c.a(0))),
  llistxattr: (c) => listAttr(c, path(c.a(0))),
  flistxattr: (c) => listAttr(c, fd(c.a(0))),
  removexattr: (c) => removeAttr(c, path(c.a(0)), c.a(1)),
  lremovexattr: (c) => removeAttr(c, path(c.a(0)), c.a(1)),
  fremovexattr: (c) => removeAttr(c, fd(c.a(0)), c.a(1)),

  getdents64: (c) => listed(c),
  getdents: (c) => listed(c),
  inotify_init: (c) => c.say(`created an inotify instance to watch files for changes → ${c.fdOut}`, 'create an inotify instance'),
  inotify_init1: (c) => c.say(`created an inotify instance to watch files for changes → ${c.fdOut}`, 'create an inotify instance'),
  inotify_add_watch: (c) => c.say(`asked ${fd(c.a(0))} to report ${names(c.a(2)).join(', ') || 'events'} on ${path(c.a(1))} → watch ${c.rv}`, `watch ${path(c.a(1))}`, path(c.a(1))),
  inotify_rm_watch: (c) => c.say(`stopped watch ${c.n(1)} of ${fd(c.a(0))}`, `remove watch ${c.n(1)}`),
  fanotify_init: (c) => c.say(`created a fanotify group → ${c.fdOut}`, 'create a fanotify group'),
  sync: (c) => c.say('asked the kernel to write every cached change to disk', 'sync'),
  syncfs: (c) => c.say(`wrote the cached changes of the file system of ${fd(c.a(0))} to disk`, `sync ${fd(c.a(0))}`, fd(c.a(0))),
  mount: (c) => c.say(`mounted ${path(c.a(0))} on ${path(c.a(1))}`, `mount ${path(c.a(0))} on ${path(c.a(1))}`, path(c.a(1))),
  umount2: (c) => c.say(`unmounted ${path(c.a(0))}`, `unmount ${path(c.a(0))}`, path(c.a(0))),
  swapon: (c) => c.say(`started swapping to ${path(c.a(0))}`, `swap to ${path(c.a(0))}`, path(c.a(0))),
  acct: (c) => c.say(`switched process accounting to ${path(c.a(0))}`, 'switch process accounting', path(c.a(0))),
  statmount: (c) => c.say('looked up a mount', 'look up a mount'),
};
