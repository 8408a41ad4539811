/** Corpus cases of the desc family: C fixtures and programs. */
import type { CorpusCase } from '../helpers/corpus.js';

export const cases: CorpusCase[] = [
  { family: 'desc', name: 'desc-rw', cmd: ['@fam_desc_rw'] },
  { family: 'desc', name: 'desc-rw-v', cmd: ['@fam_desc_rw'], opts: ['-v'] },
  { family: 'desc', name: 'desc-rw-xv', cmd: ['@fam_desc_rw'], opts: ['-X', 'verbose'] },
  { family: 'desc', name: 'desc-rw-xx', cmd: ['@fam_desc_rw'], opts: ['-xx', '-s', '8'] },
  { family: 'desc', name: 'desc-rw-dump', cmd: ['@fam_desc_rw'], opts: ['-e', 'read=3', '-e', 'write=3'] },
  { family: 'desc', name: 'desc-ioctl', cmd: ['@fam_desc_ioctl'] },
  { family: 'desc', name: 'desc-ioctl-v', cmd: ['@fam_desc_ioctl'], opts: ['-v'] },
  { family: 'desc', name: 'desc-ioctl-xv', cmd: ['@fam_desc_ioctl'], opts: ['-X', 'verbose'] },
  { family: 'desc', name: 'desc-poll', cmd: ['@fam_desc_poll'] },
  { family: 'desc', name: 'desc-poll-v', cmd: ['@fam_desc_poll'], opts: ['-v'] },
  { family: 'desc', name: 'desc-poll-xv', cmd: ['@fam_desc_poll'], opts: ['-X', 'verbose'] },
  { family: 'desc', name: 'desc-poll-y', cmd: ['@fam_desc_poll'], opts: ['-y'] },
  { family: 'desc', name: 'desc-poll-nv', cmd: ['@fam_desc_poll'], opts: ['-e', 'verbose=none'] },
  { family: 'desc', name: 'desc-aio', cmd: ['@fam_desc_aio'] },
  { family: 'desc', name: 'desc-aio-v', cmd: ['@fam_desc_aio'], opts: ['-v'] },
  { family: 'desc', name: 'desc-aio-xv', cmd: ['@fam_desc_aio'], opts: ['-X', 'verbose'] },
];
