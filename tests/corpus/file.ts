/** Corpus cases of the file family: C fixtures and programs. */
import type { CorpusCase } from '../helpers/corpus.js';

export const cases: CorpusCase[] = [
  { family: 'file', name: 'fam_file_stat', cmd: ['@fam_file_stat'] },
  { family: 'file', name: 'fam_file_stat -v', cmd: ['@fam_file_stat'], opts: ['-v'] },
  { family: 'file', name: 'fam_file_stat -X verbose', cmd: ['@fam_file_stat'], opts: ['-X', 'verbose'] },
  { family: 'file', name: 'fam_file_open', cmd: ['@fam_file_open'] },
  { family: 'file', name: 'fam_file_open -X raw', cmd: ['@fam_file_open'], opts: ['-X', 'raw'] },
  { family: 'file', name: 'fam_file_open -X verbose', cmd: ['@fam_file_open'], opts: ['-X', 'verbose'] },
  { family: 'file', name: 'fam_file_path', cmd: ['@fam_file_path'] },
  { family: 'file', name: 'fam_file_path -X verbose', cmd: ['@fam_file_path'], opts: ['-X', 'verbose'] },
  { family: 'file', name: 'fam_file_path -X raw', cmd: ['@fam_file_path'], opts: ['-X', 'raw'] },
  { family: 'file', name: 'fam_file_path -s4 -v', cmd: ['@fam_file_path'], opts: ['-s', '4', '-v'] },
  { family: 'file', name: 'fam_file_xattr', cmd: ['@fam_file_xattr'] },
  { family: 'file', name: 'fam_file_xattr -s8 -x', cmd: ['@fam_file_xattr'], opts: ['-s', '8', '-x'] },
  { family: 'file', name: 'fam_file_xattr -X verbose', cmd: ['@fam_file_xattr'], opts: ['-X', 'verbose'] },
  { family: 'file', name: 'fam_file_mount', cmd: ['@fam_file_mount'] },
  { family: 'file', name: 'fam_file_mount -X raw -s8', cmd: ['@fam_file_mount'], opts: ['-X', 'raw', '-s', '8'] },
  { family: 'file', name: 'fam_file_mount -X verbose -y', cmd: ['@fam_file_mount'], opts: ['-X', 'verbose', '-y'] },
  { family: 'file', name: 'fam_file_misc', cmd: ['@fam_file_misc'] },
  { family: 'file', name: 'fam_file_misc -v -X raw', cmd: ['@fam_file_misc'], opts: ['-v', '-X', 'raw'] },
  { family: 'file', name: 'fam_file_misc -X verbose -s4', cmd: ['@fam_file_misc'], opts: ['-X', 'verbose', '-s', '4'] },
  { family: 'file', name: 'fam_file_path -y', cmd: ['@fam_file_path'], opts: ['-y'] },
  { family: 'file', name: 'fam_file_misc -e trace=%file', cmd: ['@fam_file_misc'], opts: ['-e', 'trace=%file'] },
  { family: 'file', name: 'fam_file_stat -e trace=%stat,%lstat,%fstat,%statfs,%fstatfs', cmd: ['@fam_file_stat'], opts: ['-e', 'trace=%stat,%lstat,%fstat,%statfs,%fstatfs'] },
  { family: 'file', name: 'fam_file_stat -e trace=%%stat,%%statfs -z', cmd: ['@fam_file_stat'], opts: ['-e', 'trace=%%stat,%%statfs', '-z'] },
];
