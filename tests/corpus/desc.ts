/** Corpus cases of the desc family: C fixtures and programs. */
import type { CorpusCase } from '../helpers/corpus.js';

export const cases: CorpusCase[] = [
  { family: 'desc', name: 'desc-rw', cmd: ['@fam_desc_rw'] },
  { family: 'desc', name: 'desc-rw-v', cmd: ['@fam_desc_rw'], opts: ['-v'] },
  { family: 'desc', name: 'desc-rw-xv', cmd: ['@fam_desc_rw'], opts: ['-X', 'verbose'] },
];
