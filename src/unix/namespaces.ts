/**
 * sysray/unix: namespaces and mounts: unshare, setns, host names, mount/umount2/pivot_root, and the
 * new mount API (fsopen, fsconfig, fsmount, move_mount, open_tree, fspick, mount_setattr).
 *
 * Node is multithreaded: unshare and setns move the calling thread only, and the kernel refuses
 * CLONE_NEWUSER (and setns into a user namespace) for a multithreaded process.
 */
import { addressOf, bytesArg, dirfdArg, fdArg, flagsArg, pathArg, sys, u32Arg, type PathLike } from './core.js';
import { row, rowVoid } from './rows.js';
import { struct } from './struct.js';
import { FSCONFIG_CMD_CREATE, FSCONFIG_CMD_RECONFIGURE, FSCONFIG_SET_BINARY, FSCONFIG_SET_FD, FSCONFIG_SET_FLAG, FSCONFIG_SET_PATH, FSCONFIG_SET_PATH_EMPTY, FSCONFIG_SET_STRING } from './names.js';

/** unshare(2): CLONE_NEW* and CLONE_FS/FILES flags. */
export const unshare = rowVoid('unshare', ['flags']);
/** setns(2): join the namespace `fd` refers to (a /proc/PID/ns/* file or a pidfd). */
export const setns = rowVoid('setns', ['fd'], ['flags']);
/** sethostname(2) (in a UTS namespace of your own, usually). */
export const sethostname = rowVoid('sethostname', ['data']);
/** setdomainname(2). */
export const setdomainname = rowVoid('setdomainname', ['data']);

/** mount(2): `source`, `fstype` and `data` may be null. */
export function mount(source: PathLike | null, target: PathLike, fstype: string | null, flags: number | bigint, data: string | null = null): void {
  const s = source === null ? null : pathArg(source, 'source');
  const t = pathArg(target, 'target');
  const f = fstype === null ? null : pathArg(fstype, 'fstype');
  const d = data === null ? null : pathArg(data, 'data');
  const a = (p: { c: Buffer } | null): bigint => (p ? addressOf(p.c) : 0n);
  sys('mount', [a(s), addressOf(t.c), a(f), BigInt(flags), a(d)], [s, t, f, d], { path: s?.text ?? t.text, dest: s ? t.text : undefined });
}

/** umount2(2) (Unmount in x/sys/unix): MNT_FORCE, MNT_DETACH, MNT_EXPIRE, UMOUNT_NOFOLLOW. */
export const umount2 = rowVoid('umount2', ['path'], ['flags']);
/** pivot_root(2). */
export const pivot_root = rowVoid('pivot_root', ['path', 'path']);

/** fsopen(2): a filesystem context for `fsname` ('tmpfs'); FSOPEN_CLOEXEC. */
export const fsopen = row('fsopen', ['path'], ['flags']);
/** fspick(2): a context for an existing mount, to reconfigure. */
export const fspick = row('fspick', ['dirfd', 'path'], ['flags']);
/** fsmount(2): the mount fd of a created context; MOUNT_ATTR_* in `attrs`. */
export const fsmount = row('fsmount', ['fd'], ['flags', 'flags']);
/** move_mount(2): attach (or move) a mount. */
export const move_mount = rowVoid('move_mount', ['dirfd', 'path', 'dirfd', 'path'], ['flags']);
/** open_tree(2): OPEN_TREE_CLONE, AT_RECURSIVE … */
export const open_tree = row('open_tree', ['dirfd', 'path'], ['flags']);

/** fsconfig(2), raw: `key` and `value` strings or null, `aux` an int. */
export function fsconfig(fd: number, cmd: number, key: string | null, value: string | Uint8Array | null, aux: number): void {
  const k = key === null ? null : pathArg(key, 'key');
  const v = value === null ? null : typeof value === 'string' ? pathArg(value, 'value').c : bytesArg(value, 'value');
  sys('fsconfig', [fdArg(fd), u32Arg(cmd, 'cmd'), k ? addressOf(k.c) : 0, v && v.byteLength ? addressOf(v) : 0, aux], [k, v]);
}

export const fsconfigSetFlag = (fd: number, key: string): void => fsconfig(fd, FSCONFIG_SET_FLAG, key, null, 0);
export const fsconfigSetString = (fd: number, key: string, value: string): void => fsconfig(fd, FSCONFIG_SET_STRING, key, value, 0);
export const fsconfigSetBinary = (fd: number, key: string, value: Uint8Array): void => fsconfig(fd, FSCONFIG_SET_BINARY, key, value, value.byteLength);
export const fsconfigSetPath = (fd: number, key: string, path: string, atfd: number): void => fsconfig(fd, FSCONFIG_SET_PATH, key, path, dirfdArg(atfd));
export const fsconfigSetPathEmpty = (fd: number, key: string, path: string, atfd: number): void => fsconfig(fd, FSCONFIG_SET_PATH_EMPTY, key, path, dirfdArg(atfd));
export const fsconfigSetFd = (fd: number, key: string, value: number): void => fsconfig(fd, FSCONFIG_SET_FD, key, null, fdArg(value, 'value'));
export const fsconfigCreate = (fd: number): void => fsconfig(fd, FSCONFIG_CMD_CREATE, null, null, 0);
export const fsconfigReconfigure = (fd: number): void => fsconfig(fd, FSCONFIG_CMD_RECONFIGURE, null, null, 0);

/** A `struct mount_attr` for mount_setattr. */
export const MOUNT_ATTR = struct(32, { attrSet: ['u64', 0], attrClr: ['u64', 8], propagation: ['u64', 16], usernsFd: ['u64', 24] });

/** mount_setattr(2): change a mount's MOUNT_ATTR_* (AT_RECURSIVE for the subtree). */
export function mount_setattr(dirfd: number, path: PathLike, flags: number, attr: Parameters<typeof MOUNT_ATTR.encode>[0]): void {
  const p = pathArg(path);
  const a = MOUNT_ATTR.encode(attr);
  sys('mount_setattr', [dirfdArg(dirfd), addressOf(p.c), flagsArg(flags), addressOf(a), a.length], [p, a], { path: p.text });
}
