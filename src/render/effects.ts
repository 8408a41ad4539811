/**
 * --effects: what a run did, from the effects model, as text readable at 80 columns: the process
 * tree, files, network endpoints, the top errors, the slowest calls, fds left open at exit.
 * Also the small facts about a process the other views of the model share (its name, its threads).
 */
import type { Effects, FileEffects, ProcessEffects, SocketEffects } from '../analyze/index.js';

const WIDTH = 80;

/**
 * Each process's name: its program's basename (its last exec; a forked child's, its parent's;
 * else argv[0], which -s may have cut), else its pid.
 */
export function processNames(e: Effects): Map<number, string> {
  const byPid = new Map(e.processes.map((p) => [p.pid, p]));
  const names = new Map<number, string>();
  const name = (p: ProcessEffects, depth: number): string => {
    const known = names.get(p.pid);
    if (known !== undefined) return known;
    const parent = p.parent !== null ? byPid.get(p.parent) : undefined;
    const path = p.exec.at(-1)?.path;
    const n = path !== undefined ? path.slice(path.lastIndexOf('/') + 1) || path
      : parent && depth < 64 ? name(parent, depth + 1)
      : p.argv?.[0] !== undefined ? p.argv[0].slice(p.argv[0].lastIndexOf('/') + 1) || p.argv[0] : String(p.pid);
    names.set(p.pid, n);
    return n;
  };
  for (const p of e.processes) name(p, 0);
  return names;
}

/** Every thread of a process, its leader first. */
export const threadsOf = (p: ProcessEffects): number[] => [p.pid, ...p.threads.filter((t) => t !== p.pid)];

/** `exited with 0`, `killed by SIGKILL`, or `still running` (detached, or the trace ended first). */
export function endingText(p: ProcessEffects): string {
  if (!p.exit) return 'still running';
  return 'code' in p.exit ? `exited with ${p.exit.code}` : `killed by ${p.exit.signal}${p.exit.coreDumped ? ' (core dumped)' : ''}`;
}

/** A byte count as people read it: `512 B`, `1.5 KiB`, `3.2 MiB`. */
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024, u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/** A duration in ns as people read it. */
export function duration(ns: number): string {
  if (ns < 1e3) return `${ns} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(1)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(1)} ms`;
  return `${(ns / 1e9).toFixed(2)} s`;
}

/** At most `w` characters: a long text loses its middle (paths keep their start and their name). */
function fit(s: string, w: number): string {
  const one = s.replace(/[\x00-\x1f\x7f]/g, '?');
  if (one.length <= w) return one;
  if (w < 5) return one.slice(0, w);
  const head = Math.ceil((w - 1) / 3);
  return one.slice(0, head) + '…' + one.slice(one.length - (w - 1 - head));
}

/** A sentence in lines of at most `w` characters, the later ones indented. */
function wrap(s: string, w: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of s.split(' ')) {
    if (cur && cur.length + 1 + word.length > w) {
      lines.push(cur);
      cur = '  ' + word;
    } else cur = cur ? cur + ' ' + word : word;
  }
  if (cur) lines.push(cur);
  return lines.map((l) => fit(l, w));
}

/** `left` then `right` aligned to the right edge of a section's line, the left part cut to make room. */
const W = WIDTH - 2;
const row = (left: string, right = ''): string =>
  right ? fit(left, Math.max(W - right.length - 1, 10)).padEnd(W - right.length - 1) + ' ' + right : fit(left, W);

function fileWhat(f: FileEffects): string {
  const what: string[] = [];
  if (f.created) what.push('created');
  else if (f.mayHaveCreated && f.written) what.push('created?');
  if (f.deleted) what.push('deleted');
  if (f.renamedTo.length) what.push('renamed');
  if (f.executed) what.push('exec');
  if (f.listed) what.push(`listed ${f.entriesListed}`);
  if (f.bytesRead || (f.read && !f.written)) what.push(`read ${bytes(f.bytesRead)}`);
  if (f.bytesWritten || f.written) what.push(`wrote ${bytes(f.bytesWritten)}`);
  if (f.metadataChanged) what.push('chmod/chown');
  return what.join(', ');
}

function socketLine(s: SocketEffects): [string, string] {
  const kind = `${s.family.replace(/^AF_/, '')}/${s.type.replace(/^SOCK_/, '')}`;
  const ends = s.remote ? `${s.local ?? '?'} -> ${s.remote}` : s.local ? `${s.local}${s.ops.includes('listen') ? ' (listening)' : ''}` : s.peers.join(', ') || '(unnamed)';
  const err = s.connectError ? ` connect ${s.connectError}` : '';
  return [`${s.pid} ${kind} ${ends}`, `out ${bytes(s.bytesSent)}, in ${bytes(s.bytesReceived)}${err}`];
}

/** The whole summary. Sections with nothing to say are left out. */
export function effectsText(e: Effects): string {
  const out: string[] = [];
  const section = (title: string, lines: string[], more = 0): void => {
    if (!lines.length) return;
    out.push('', title, ...lines.map((l) => '  ' + l.slice(0, W)));
    if (more > 0) out.push(`  … and ${more} more`);
  };
  // the process tree, children under their parents
  const names = processNames(e);
  const known = new Set(e.processes.map((p) => p.pid));
  const kids = new Map<number | null, ProcessEffects[]>();
  for (const p of e.processes) {
    const parent = p.parent !== null && known.has(p.parent) ? p.parent : null;
    kids.set(parent, [...(kids.get(parent) ?? []), p]);
  }
  const tree: string[] = [];
  const walk = (parent: number | null, depth: number): void => {
    for (const p of kids.get(parent) ?? []) {
      if (tree.length >= 40) return;
      const took = p.start !== null && p.end !== null ? duration(Number(BigInt(p.end) - BigInt(p.start))) : '';
      const argv = p.argv ? p.argv.join(' ') : names.get(p.pid)!;
      const threads = p.threads.length ? ` +${p.threads.length} threads` : '';
      tree.push(row(`${' '.repeat(depth * 2)}${p.pid} ${argv}`, `${endingText(p)}${threads}${took ? ', ' + took : ''}`));
      walk(p.pid, depth + 1);
    }
  };
  walk(null, 0);
  section('Processes', tree, e.processes.length - tree.length);
  const files = e.files.filter((f) => !f.directory || f.created || f.deleted || f.listed);
  const shownFiles = files.slice(0, 30);
  section('Files', shownFiles.map((f) => row(f.path, fileWhat(f))), files.length - shownFiles.length);
  const socks = e.sockets.slice(0, 20).map((s) => {
    const [l, r] = socketLine(s);
    return row(l, r);
  });
  section('Network', socks, e.sockets.length - socks.length);
  if (e.dnsFiles.length) section('Name lookups (read)', [fit(e.dnsFiles.join(', '), WIDTH - 2)]);
  const errors = [...e.errors].sort((a, b) => b.count - a.count);
  section('Top errors', errors.slice(0, 10).map((x) => row((`${x.syscall} ${x.errno} ×${x.count}`.padEnd(28) + fit(x.example ?? '', W - 28)).trimEnd())), errors.length - 10);
  // (the model's lines start with their pid)
  section('Slowest calls', e.slowest.slice(0, 5).map((c) => row(c.line, duration(c.durationNs))));
  const open: string[] = [];
  for (const p of e.processes) for (const f of p.fds) if (f.openAtExit && f.openedBy !== 'inherited' && f.openedBy !== 'fork') open.push(row(`${p.pid} fd ${f.fd} ${f.target}`, `from ${f.openedBy}, ${f.uses} uses`));
  section('Left open at exit', open.slice(0, 20), open.length - 20);
  if (e.incomplete.length) section('Not known from this trace', e.incomplete.flatMap((s) => wrap(s, W)));
  if (!out.length) return 'No effects: nothing was traced.\n';
  return out.slice(1).join('\n') + '\n';
}
