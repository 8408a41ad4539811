import type { RefRow } from './types.js';

export const rows: readonly RefRow[] = [
  {
    name: 'openat', sig: 'int openat(int dirfd, const char *pathname, int flags, mode_t mode)',
    summary: 'open (and maybe create) a file, a relative path being taken from the directory dirfd',
    returns: 'a new file descriptor, the lowest one not in use',
    errors: {
      ENOENT: 'a directory in the path, or the file itself without O_CREAT, does not exist',
      EACCES: 'the permissions forbid the access asked for, or searching a directory on the path',
      EEXIST: 'O_CREAT|O_EXCL was given and the file already exists',
      EISDIR: 'the path is a directory and writing was asked for',
      ENOTDIR: 'a component of the path, or dirfd, is not a directory',
      EMFILE: 'the process has reached its limit of open file descriptors',
      ELOOP: 'too many symbolic links, or O_NOFOLLOW and the last component is one',
    },
    see: ['open', 'openat2', 'creat', 'close', 'read', 'write'],
    via: ['fs.openSync()', 'fs.readFileSync()', 'fs.writeFileSync()', 'fs.promises.open()', 'open(3)', 'fopen(3)'],
    ex: { args: [-100, 'test.txt', 0o1101, 0o600], ret: 3 },
  },
];
