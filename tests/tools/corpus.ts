/**
 * Developer tool: run the differential corpus and print agreement per family, and where sysray
 * differs from strace.
 *   node dist/tests/tools/corpus.js [FILTER]   (FILTER matches family or case name)
 */
import { firstDiffs, runAll, table, tally } from '../helpers/corpus.js';
import { CORPUS } from '../corpus/index.js';

const filter = process.argv[2];
const cases = filter ? CORPUS.filter((c) => c.family === filter || c.name.includes(filter)) : CORPUS;
const results = await runAll(cases, Number(process.env.WIDTH ?? 2), (r) => {
  const mark = r.score >= r.ceiling ? 'ok ' : 'LOW';
  console.log(`${mark} ${r.c.family}/${r.c.name}: strace ${(r.ceiling * 100).toFixed(1)}% sysray ${(r.score * 100).toFixed(1)}% (${r.a.length} lines)${r.statusA !== r.statusS ? ` STATUS ${r.statusA}/${r.statusS}` : ''}`);
  if (r.score < r.ceiling) for (const l of firstDiffs(r, Number(process.env.MAXDIFF ?? 4))) console.log(`    ${l.slice(0, 300)}`);
  if (r.stderr.trim() && r.score < r.ceiling) console.log(`    stderr: ${r.stderr.trim().split('\n')[0]}`);
});
console.log(table(tally(results)));
