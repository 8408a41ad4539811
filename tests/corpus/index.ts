/** Every corpus case: real commands, and C fixtures per family. */
import type { CorpusCase } from '../helpers/corpus.js';
import { cases as commands } from './commands.js';
import { cases as net } from './net.js';
import { cases as file } from './file.js';
import { cases as desc } from './desc.js';
import { cases as proc } from './proc.js';
import { cases as sigtime } from './sigtime.js';
import { cases as mem } from './mem.js';

export const CORPUS: CorpusCase[] = [...commands, ...net, ...file, ...desc, ...proc, ...sigtime, ...mem];
