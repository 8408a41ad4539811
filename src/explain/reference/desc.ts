import type { RefRow } from './types.js';

export const rows: readonly RefRow[] = [
  {
    name: 'read', sig: 'ssize_t read(int fd, void *buf, size_t count)',
    summary: 'read up to count bytes from file descriptor fd into buf, from its current offset',
    returns: 'the number of bytes read (0 at end of file); the offset moves on by that much',
    errors: {
      EAGAIN: 'fd is non-blocking and no data is ready yet',
      EBADF: 'fd is not open, or not open for reading',
      EINTR: 'a signal arrived before any data was read',
      EISDIR: 'fd refers to a directory',
      EFAULT: 'buf is outside the process\'s memory',
    },
    see: ['pread64', 'readv', 'write', 'lseek'],
    via: ['fs.readSync()', 'fs.readFileSync()', 'stream reads', 'read(3)', 'fread(3)', 'fgets(3)'],
    ex: { args: [3, { buf: 'hello, world\n' }, 4096], ret: 13 },
  },
];
