/**
 * Developer tool: trace a command with strace and sysray and show where they differ.
 *   node dist/tests/tools/compare.js [STRACE-OPTS…] -- CMD ARGS…
 */
import { agreement, compare, diffReport } from '../helpers/diff.js';

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
const opts = sep < 0 ? [] : argv.slice(0, sep);
const cmd = sep < 0 ? argv : argv.slice(sep + 1);
const c = compare(cmd, opts, process.cwd());
const pct = (agreement(c.strace, c.sysray) * 100).toFixed(1);
console.log(`${c.ok ? 'SAME' : 'DIFF'} ${pct}% lines agree (${c.strace.length} strace lines, ${c.sysray.length} sysray lines): ${cmd.join(' ')}`);
if (!c.ok) console.log(diffReport(c, 2, Number(process.env.MAXDIFF ?? 30)));
process.exitCode = c.ok ? 0 : 1;
