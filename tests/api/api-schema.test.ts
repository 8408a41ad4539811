/**
 * One schema in three places: what `--json` writes, the TypeScript types `sysray` exports
 * (src/api/events.ts) and docs/json.md. Every event type and field, and every value kind and field,
 * that a varied trace writes must be declared in the types and documented in the doc, and every type
 * the types declare must be documented.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SYSRAY, testEnv } from '../helpers/diff.js';
import { fixture, haveCc } from '../helpers/fixtures.js';

/** Fields by name (`type` or `kind`): what each declares, documents or writes. */
type Schema = Map<string, Set<string>>;

const add = (s: Schema, key: string, fields: Iterable<string>): void => {
  const set = s.get(key) ?? new Set<string>();
  for (const f of fields) set.add(f);
  s.set(key, set);
};

/** An object type's own member names (nested object types removed first). */
function members(body: string): string[] {
  let flat = body;
  for (let prev = ''; prev !== flat;) {
    prev = flat;
    flat = flat.replace(/\{[^{}]*\}/g, '');
  }
  return [...flat.matchAll(/(?:^|[;{\s])(\w+)\??:/g)].map((m) => m[1]!);
}

/** The bodies of `{ … }` groups at the top level of `text`. */
function groups(text: string): string[] {
  const out: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{' && depth++ === 0) start = i + 1;
    else if (text[i] === '}' && --depth === 0) out.push(text.slice(start, i));
  }
  return out;
}

/** src/api/events.ts: event types with their fields (the common ones included), value kinds with theirs. */
function declared(): { events: Schema; values: Schema } {
  const src = readFileSync(join(ROOT, 'src', 'api', 'events.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const common = members(src.match(/interface Common \{([\s\S]*?)\n\}/)![1]!);
  const events: Schema = new Map();
  for (const m of src.matchAll(/export interface \w+ extends Common \{([\s\S]*?)\}\n/g)) {
    const fields = members(`{${m[1]!}}`.slice(1, -1));
    const type = m[1]!.match(/type: '(\w+)'/)![1]!;
    add(events, type, [...common, ...fields]);
  }
  const values: Schema = new Map();
  const union = src.match(/export type JsonValue = \(([\s\S]*?)\) & \{ note\?: string \};/)!;
  for (const g of groups(union[1]!)) add(values, g.match(/kind: '(\w+)'/)![1]!, [...members(g), 'note']);
  return { events, values };
}

/** docs/json.md's two tables: the backticked words of each row, by its first cell. */
function documented(): { events: Schema; values: Schema; prose: Set<string> } {
  const doc = readFileSync(join(ROOT, 'docs', 'json.md'), 'utf8');
  const table = (section: string): Schema => {
    const s: Schema = new Map();
    const part = doc.split(`## ${section}\n`)[1]!.split('\n## ')[0]!;
    for (const row of part.split('\n').filter((l) => /^\| `/.test(l))) {
      const key = row.match(/^\| `(\w+)`/)![1]!;
      add(s, key, [...row.split(' | ').slice(1).join(' | ').matchAll(/`(\w+)`/g)].map((m) => m[1]!));
    }
    return s;
  };
  const prose = new Set([...doc.matchAll(/`(\w+)`/g)].map((m) => m[1]!));
  return { events: table('Events'), values: table('Values'), prose };
}

/** What sysray --json writes for a varied set of runs. */
function written(): { events: Schema; values: Schema } {
  const dir = mkdtempSync(join(tmpdir(), 'sysray-schema-'));
  const events: Schema = new Map(), values: Schema = new Map();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.kind === 'string') add(values, o.kind, Object.keys(o));
    for (const [k, x] of Object.entries(o)) if (!(o.kind === 'struct' && k === 'fields')) walk(x);
    if (o.kind === 'struct') for (const x of Object.values(o.fields as object)) walk(x);
  };
  const runs: string[][] = [
    ['-f', '-yy', '-Y', '-e', 'inject=lseek:error=EBADF', '-e', 'inject=getpid:retval=42', fixture('filebasics')],
    ['-y', '-v', fixture('fam_file_open')],
    ['-yy', fixture('fam_net_addr')],
    ['-f', fixture('thread_exec')],
    [fixture('segv')],
    ['-f', '-b', 'execve', 'sh', '-c', '/bin/true; exit 0'],
    ['-f', '-e', 'signal=!SIGCHLD', 'sh', '-c', 'sh -c "kill -TERM \\$\\$"; kill -USR1 $$'],
    ['-f', '--decode-fds=all', 'sh', '-c', 'cat /dev/null; ls -l /proc/self/fd >/dev/null; sleep 0 & wait'],
  ];
  try {
    writeFileSync(join(dir, 'x'), '');
    chmodSync(join(dir, 'x'), 0o644);
    for (const [i, args] of runs.entries()) {
      const out = join(dir, `t${i}.jsonl`);
      spawnSync(SYSRAY, ['--json', '-o', out, ...args], { cwd: dir, env: testEnv(), stdio: 'ignore', timeout: 60_000 });
      for (const line of readFileSync(out, 'utf8').split('\n').filter(Boolean)) {
        const ev = JSON.parse(line) as Record<string, unknown>;
        add(events, ev.type as string, Object.keys(ev));
        walk(ev);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { events, values };
}

const missing = (have: Schema, want: Schema): string[] => {
  const out: string[] = [];
  for (const [key, fields] of want) {
    const got = have.get(key);
    if (!got) out.push(`${key} (all of it)`);
    else for (const f of fields) if (!got.has(f)) out.push(`${key}.${f}`);
  }
  return out;
};

test('--json output, src/api/events.ts and docs/json.md agree', { skip: !haveCc() }, () => {
  const types = declared(), doc = documented(), out = written();
  // the runs are varied enough to be worth checking against
  for (const t of ['attach', 'syscall', 'exit', 'killed', 'signal', 'detach', 'superseded']) assert.ok(out.events.has(t), `no ${t} event written`);
  for (const k of ['int', 'const', 'flags', 'string', 'pointer', 'struct', 'array', 'fd', 'sigset']) assert.ok(out.values.has(k), `no ${k} value written`);
  assert.deepEqual(missing(types.events, out.events), [], 'written, not declared in events.ts');
  assert.deepEqual(missing(types.values, out.values), [], 'written, not declared in events.ts');
  // fields every event may have (time, pid, comm, explain) are documented once, in prose
  const everywhere = new Set(['time', 'pid', 'comm', 'explain', 'type', 'kind', 'note'].filter((f) => doc.prose.has(f)));
  const common = (s: Schema): Schema => new Map([...s].map(([k, f]) => [k, new Set([...f].filter((x) => !everywhere.has(x)))]));
  assert.deepEqual(missing(doc.events, common(out.events)), [], 'written, not documented in docs/json.md');
  assert.deepEqual(missing(doc.values, common(out.values)), [], 'written, not documented in docs/json.md');
  assert.deepEqual(missing(doc.events, common(types.events)), [], 'declared, not documented');
  assert.deepEqual(missing(doc.values, common(types.values)), [], 'declared, not documented');
});
