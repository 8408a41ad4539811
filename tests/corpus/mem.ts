/** Corpus cases of the mem family: C fixtures and programs. */
import type { CorpusCase } from '../helpers/corpus.js';

export const cases: CorpusCase[] = [
  { family: 'mem', name: 'mem-mmap', cmd: ['@fam_mem'] },
  { family: 'mem', name: 'mem-sysv-ipc', cmd: ['@fam_mem_ipc'] },
  { family: 'mem', name: 'mem-mq-numa', cmd: ['@fam_mem_mq'] },
  { family: 'mem', name: 'mem-mmap-verbose', cmd: ['@fam_mem'], opts: ['-X', 'verbose'] },
  { family: 'mem', name: 'mem-sysv-ipc IPC_STAT', cmd: ['@fam_mem_ipc', 'stat'] },
  { family: 'mem', name: 'mem-sysv-ipc-raw', cmd: ['@fam_mem_ipc'], opts: ['-X', 'raw'] },
  { family: 'mem', name: 'mem-sysv-ipc-noverbose', cmd: ['@fam_mem_ipc'], opts: ['-e', 'verbose=none'] },
  { family: 'mem', name: 'mem-mq-numa-v', cmd: ['@fam_mem_mq'], opts: ['-v', '-s', '8'] },
  { family: 'mem', name: 'mem-mq-numa-y', cmd: ['@fam_mem_mq'], opts: ['-y'] },
  {
    // perl's System V IPC builtins, in a fresh IPC namespace (ids start at 0); no IPC_STAT, whose times vary
    family: 'mem',
    name: 'perl sysv ipc',
    cmd: ['unshare', '-i', 'perl', '-e', [
      '$id = shmget(0, 4096, 01000|0600) // die;',
      'shmctl($id, 0, 0);',
      '$q = msgget(0, 01000|0600);',
      'msgsnd($q, pack("l! a*", 1, "perl msg"), 0) || die;',
      'msgctl($q, 0, 0);',
      '$s = semget(0, 1, 01000|0600);',
      'semop($s, pack("s!3", 0, 1, 0)) || die;',
      'semctl($s, 0, 12, 0);',
      'semctl($s, 0, 0, 0);',
    ].join(' ')],
  },
  {
    family: 'mem',
    name: 'python3 mmap module',
    cmd: ['python3', '-S', '-c', [
      'import mmap, os',
      'm = mmap.mmap(-1, 16384, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS, prot=mmap.PROT_READ | mmap.PROT_WRITE)',
      'm[0:5] = b"hello"',
      'm.madvise(mmap.MADV_DONTNEED)',
      'm.madvise(mmap.MADV_WILLNEED, 0, 4096)',
      'm.close()',
      'f = open("mapped", "w+b")',
      'f.truncate(8192)',
      'n = mmap.mmap(f.fileno(), 8192)',
      'n[0:3] = b"abc"',
      'n.flush()',
      'n.resize(12288)',
      'n.close()',
      'f.close()',
      'os.close(os.memfd_create("py", os.MFD_CLOEXEC))',
    ].join('\n')],
  },
];
