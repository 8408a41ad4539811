/** Corpus cases of the file family: C fixtures and programs. */
import type { CorpusCase } from '../helpers/corpus.js';

export const cases: CorpusCase[] = [
  { family: 'file', name: 'fam_file_stat', cmd: ['@fam_file_stat'] },
  { family: 'file', name: 'fam_file_stat -v', cmd: ['@fam_file_stat'], opts: ['-v'] },
  { family: 'file', name: 'fam_file_stat -X verbose', cmd: ['@fam_file_stat'], opts: ['-X', 'verbose'] },
];
