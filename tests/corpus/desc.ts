/** Corpus cases of the desc family: C fixtures and programs. */
import type { CorpusCase } from '../helpers/corpus.js';

export const cases: CorpusCase[] = [
  { family: 'desc', name: 'desc-rw', cmd: ['@fam_desc_rw'] },
  { family: 'desc', name: 'desc-rw-v', cmd: ['@fam_desc_rw'], opts: ['-v'] },
  { family: 'desc', name: 'desc-rw-xv', cmd: ['@fam_desc_rw'], opts: ['-X', 'verbose'] },
  { family: 'desc', name: 'desc-rw-xx', cmd: ['@fam_desc_rw'], opts: ['-xx', '-s', '8'] },
  { family: 'desc', name: 'desc-rw-dump', cmd: ['@fam_desc_rw'], opts: ['-e', 'read=3', '-e', 'write=3'] },
  { family: 'desc', name: 'desc-ioctl', cmd: ['@fam_desc_ioctl'] },
  { family: 'desc', name: 'desc-ioctl-only', cmd: ['@fam_desc_ioctl'], opts: ['-e', 'trace=ioctl'] },
  { family: 'desc', name: 'desc-ioctl-v', cmd: ['@fam_desc_ioctl'], opts: ['-v'] },
  { family: 'desc', name: 'desc-ioctl-xv', cmd: ['@fam_desc_ioctl'], opts: ['-X', 'verbose'] },
  { family: 'desc', name: 'desc-ioctl-xraw', cmd: ['@fam_desc_ioctl'], opts: ['-X', 'raw'] },
  { family: 'desc', name: 'desc-poll', cmd: ['@fam_desc_poll'] },
  { family: 'desc', name: 'desc-poll-v', cmd: ['@fam_desc_poll'], opts: ['-v'] },
  { family: 'desc', name: 'desc-poll-xv', cmd: ['@fam_desc_poll'], opts: ['-X', 'verbose'] },
  { family: 'desc', name: 'desc-poll-y', cmd: ['@fam_desc_poll'], opts: ['-y'] },
  { family: 'desc', name: 'desc-poll-nv', cmd: ['@fam_desc_poll'], opts: ['-e', 'verbose=none'] },
  { family: 'desc', name: 'desc-intr', cmd: ['@fam_desc_intr'] },
  { family: 'desc', name: 'desc-threads', cmd: ['@fam_desc_thr'], cc: ['-pthread'], opts: ['-f'] },
  { family: 'desc', name: 'desc-uffd', cmd: ['@fam_desc_uffd'] },
  { family: 'desc', name: 'desc-uffd-xv', cmd: ['@fam_desc_uffd'], opts: ['-X', 'verbose'] },
  { family: 'desc', name: 'desc-aio', cmd: ['@fam_desc_aio'] },
  { family: 'desc', name: 'desc-aio-class', cmd: ['@fam_desc_aio'], opts: ['-e', 'trace=%desc'] },
  { family: 'desc', name: 'desc-aio-v', cmd: ['@fam_desc_aio'], opts: ['-v'] },
  { family: 'desc', name: 'desc-aio-xv', cmd: ['@fam_desc_aio'], opts: ['-X', 'verbose'] },
  {
    family: 'desc', name: 'python3 poll select pty ioctls preadv',
    cmd: ['python3', '-S', '-c', "import os, select, fcntl, termios, pty, struct\nr, w = os.pipe()\nos.write(w, b'xy')\np = select.poll(); p.register(r, select.POLLIN); p.poll(0)\ne = select.epoll(); e.poll(0); e.close()\nselect.select([r], [w], [], 0)\nfd = os.open('f', os.O_RDWR | os.O_CREAT, 0o644)\nos.pwritev(fd, [b'ab', b'cd'], 0)\nos.preadv(fd, [bytearray(3)], 1)\nos.posix_fadvise(fd, 0, 0, os.POSIX_FADV_WILLNEED)\nos.posix_fallocate(fd, 0, 100)\nos.lseek(fd, 0, os.SEEK_END)\nos.truncate(fd, 10)\nm, s = pty.openpty()\ntermios.tcgetattr(s)\nfcntl.ioctl(s, termios.TIOCGWINSZ, b'\\0' * 8)\nfcntl.ioctl(m, termios.TIOCSWINSZ, struct.pack('HHHH', 30, 100, 0, 0))\nos.get_terminal_size(s)\nos.set_blocking(r, False)\nos.get_inheritable(r)\nos.set_inheritable(r, True)\nos.listdir('.')\n"],
  },
];
