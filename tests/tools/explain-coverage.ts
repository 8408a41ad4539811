/**
 * Developer tool: how much of a real trace --explain explains in words of its own. Traces a corpus
 * of ordinary commands (coreutils, sh loops, python3 and node doing file and socket work, git,
 * sqlite3, curl against a local HTTP server, a TCP client and server on 127.0.0.1) with
 * `-f --explain --json`, and counts the lines whose sentence is built from their own arguments
 * and result rather than the generic one for syscalls without a sentence.
 *   node dist/tests/tools/explain-coverage.js [-v]   (-v lists the syscalls still generic)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSRAY, testEnv } from '../helpers/diff.js';
import { hasSentence, SENTENCES } from '../../src/explain/explain.js';
import { NATIVE } from '../../src/arch/index.js';

const have = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

const PY_FILES = `
import os, json, shutil, tempfile
d = tempfile.mkdtemp(dir='.')
with open(os.path.join(d, 'a.json'), 'w') as f: json.dump({'x': list(range(100))}, f)
with open(os.path.join(d, 'a.json')) as f: json.load(f)
shutil.copy(os.path.join(d, 'a.json'), os.path.join(d, 'b.json'))
os.rename(os.path.join(d, 'b.json'), os.path.join(d, 'c.json'))
for root, dirs, files in os.walk('.'): pass
os.symlink('a.json', os.path.join(d, 'l')); os.readlink(os.path.join(d, 'l'))
os.chmod(os.path.join(d, 'a.json'), 0o600); os.stat(os.path.join(d, 'a.json'))
try: open('/nonexistent/x')
except OSError: pass
shutil.rmtree(d)
`;

const PY_TCP = `
import socket, threading
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', 0)); srv.listen(4)
def serve():
    c, _ = srv.accept(); data = c.recv(100); c.sendall(data.upper()); c.close()
t = threading.Thread(target=serve); t.start()
cl = socket.create_connection(srv.getsockname()); cl.sendall(b'hello'); cl.recv(100); cl.close(); t.join()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('127.0.0.1', 0))
v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); v.sendto(b'ping', u.getsockname()); u.recvfrom(10)
try: socket.create_connection(('127.0.0.1', 1), timeout=1)
except OSError: pass
`;

const NODE_JS = `
const fs = require('fs'), net = require('net');
fs.writeFileSync('n.txt', 'hello'); fs.readFileSync('n.txt'); fs.mkdirSync('nd'); fs.readdirSync('.'); fs.rmSync('nd', { recursive: true });
const srv = net.createServer((s) => s.end('bye')).listen(0, '127.0.0.1', () => {
  const c = net.connect(srv.address().port, '127.0.0.1'); c.on('data', () => {}); c.on('end', () => srv.close());
});
`;

/** The corpus: name → shell command, run in a scratch directory. */
function corpus(): [string, string][] {
  const c: [string, string][] = [
    ['coreutils', 'echo hi > f; cat f; cp f g; mv g h; rm h; mkdir d; rmdir d; ls -la /etc > /dev/null; wc -l /etc/passwd; sort /etc/passwd | head -3; touch t; chmod 600 t; ln -s t l; readlink l; stat t > /dev/null; du -s . ; date; id; uname -a; env > /dev/null; grep root /etc/passwd; tar cf a.tar f; gzip -k f; cat missing 2>/dev/null; true'],
    ['sh-loop', 'i=0; while [ $i -lt 20 ]; do echo $i >> loop.txt; i=$((i+1)); done; for f in /etc/host*; do test -r "$f" && head -1 "$f"; done > /dev/null; sleep 0.05'],
    ['python3-files', `python3 -c "${PY_FILES.replace(/"/g, '\\"')}"`],
    ['python3-tcp', `python3 -c "${PY_TCP.replace(/"/g, '\\"')}"`],
    ['node', `node -e "${NODE_JS.replace(/"/g, '\\"')}"`],
  ];
  if (have('git')) c.push(['git', 'git init -q r && cd r && echo x > a && git add a && git -c user.name=t -c user.email=t@t commit -qm one && git log --oneline > /dev/null && git status --short']);
  if (have('sqlite3')) c.push(['sqlite3', "sqlite3 db.sqlite 'create table t(a, b); insert into t values (1, 2), (3, 4); select * from t;' > /dev/null"]);
  if (have('curl')) {
    c.push(['curl-http', 'python3 -m http.server 0 --bind 127.0.0.1 > port.log 2>&1 & pid=$!; ' +
      'for i in $(seq 50); do p=$(sed -n "s/.*port \\([0-9]*\\).*/\\1/p" port.log); [ -n "$p" ] && break; sleep 0.1; done; ' +
      'curl -s http://127.0.0.1:$p/ > /dev/null; kill $pid; wait $pid 2>/dev/null; true']);
  }
  return c;
}

interface Tally { lines: number; own: number; quoting: number; byName: Map<string, number>; fixed: Map<string, number> }

/** The numbers and texts an event's JSON carries (arguments, result, siginfo), as they may appear in words. */
function tokens(v: unknown, out: Set<string>): Set<string> {
  if (typeof v === 'number') out.add(String(v));
  else if (typeof v === 'string') {
    if (/^[0-9]+$/.test(v)) out.add(v);
    else if (v.length) out.add(v.slice(0, 12));
  } else if (Array.isArray(v)) for (const x of v) tokens(x, out);
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // addresses and hex numbers appear in words as hex
    if ((o.kind === 'pointer' || o.format === 'x') && o.value) out.add(BigInt(o.value as number | string).toString(16));
    for (const [k, x] of Object.entries(o)) if (k !== 'kind' && k !== 'time' && k !== 'durationNs' && k !== 'nr' && k !== 'pid' && k !== 'type' && k !== 'explain') tokens(x, out);
  }
  return out;
}

function measure(file: string, t: Tally): void {
  for (const l of readFileSync(file, 'utf8').split('\n')) {
    if (!l) continue;
    const e = JSON.parse(l) as { type: string; name?: string; explain?: string; args?: unknown; ret?: unknown };
    if (e.type !== 'syscall' && e.type !== 'signal' && e.type !== 'exit' && e.type !== 'killed' && e.type !== 'stopped') continue;
    t.lines++;
    if (e.explain === undefined) throw new Error(`no explanation: ${l}`);
    if (e.type !== 'syscall' || hasSentence(e.name!)) t.own++;
    else t.byName.set(e.name!, (t.byName.get(e.name!) ?? 0) + 1);
    // stricter: the sentence repeats at least one number or text of the event itself
    const own = [...tokens(e, new Set())].some((x) => e.explain!.includes(x));
    if (own) t.quoting++;
    else if (e.type === 'syscall') t.fixed.set(e.name!, (t.fixed.get(e.name!) ?? 0) + 1);
  }
}

const verbose = process.argv.includes('-v');
const pct = (n: number, of: number): string => `${((n / of) * 100).toFixed(2).padStart(6)}%`;
const work = mkdtempSync(join(tmpdir(), 'sysray-explain-coverage-'));
const total: Tally = { lines: 0, own: 0, quoting: 0, byName: new Map(), fixed: new Map() };
try {
  for (const [name, cmd] of corpus()) {
    const out = join(work, `${name}.jsonl`);
    const dir = mkdtempSync(join(work, `${name}-`));
    writeFileSync(join(dir, '.keep'), '');
    const r = spawnSync(SYSRAY, ['-f', '--explain', '--json', '-o', out, 'sh', '-c', cmd], { cwd: dir, env: { ...testEnv(), PATH: process.env.PATH ?? '/usr/bin:/bin' }, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) console.log(`  ${name}: exit ${r.status} ${r.stderr.trim().split('\n')[0] ?? ''}`);
    const t: Tally = { lines: 0, own: 0, quoting: 0, byName: new Map(), fixed: new Map() };
    measure(out, t);
    console.log(`${name.padEnd(14)} ${String(t.lines).padStart(6)} lines  ${pct(t.own, t.lines)} own sentence  ${pct(t.quoting, t.lines)} quoting the call`);
    total.lines += t.lines;
    total.own += t.own;
    total.quoting += t.quoting;
    for (const [k, v] of t.byName) total.byName.set(k, (total.byName.get(k) ?? 0) + v);
    for (const [k, v] of t.fixed) total.fixed.set(k, (total.fixed.get(k) ?? 0) + v);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const inTable = [...SENTENCES.keys()].filter((n) => NATIVE.byName.has(n)).length;
console.log(`${'all'.padEnd(14)} ${String(total.lines).padStart(6)} lines  ${pct(total.own, total.lines)} own sentence  ${pct(total.quoting, total.lines)} quoting the call`);
console.log(`syscalls with a sentence of their own: ${SENTENCES.size} (${inTable} of the ${NATIVE.name} table's ${NATIVE.byName.size})`);
const generic = [...total.byName].sort((a, b) => b[1] - a[1]);
const fixed = [...total.fixed].sort((a, b) => b[1] - a[1]);
if (fixed.length) console.log(`own sentence, quoting nothing of the call: ${(verbose ? fixed : fixed.slice(0, 15)).map(([k, v]) => `${k} ${v}`).join(', ')}`);
if (generic.length) console.log(`generic only: ${(verbose ? generic : generic.slice(0, 15)).map(([k, v]) => `${k} ${v}`).join(', ')}`);
