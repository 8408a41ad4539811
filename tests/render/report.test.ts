/**
 * --report in a real browser (Debian's chromium through playwright-core, headless, file://):
 * the report of a fixture with known calls shows the right counts and rows, clicking a slice shows
 * its line, it makes no request and logs no error, and hostile names stay text.
 * Also --perfetto: the file parses, its syscall events are complete and count what -c counts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SYSRAY, testEnv } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const canBrowse = existsSync(CHROMIUM) && haveCc();

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;

let browser: Browser | undefined;
let dir = '';
let recording = '';
/** The recorded calls, by name: [calls that returned, of which failed]. */
const counts = new Map<string, [number, number]>();
let syscalls = 0;

function sysray(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(SYSRAY, args, { cwd: dir, encoding: 'utf8', env: testEnv(), timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The text sysray writes with -o (a file: Node's pipes are sockets, which /dev/stdout cannot open). */
function output(args: string[]): string {
  const out = join(dir, 'out.txt');
  const r = sysray([...args, '-o', out]);
  assert.equal(r.status, 0, r.stderr);
  return readFileSync(out, 'utf8');
}

before(async () => {
  if (!canBrowse) return;
  dir = scratch();
  recording = join(dir, 'rec.jsonl');
  const r = sysray(['-f', '--json', '-o', recording, fixture('report_calls')]);
  assert.equal(r.status, 0, r.stderr);
  for (const l of readFileSync(recording, 'utf8').split('\n').filter(Boolean)) {
    const j = JSON.parse(l) as { type: string; name: string; ret: unknown; errno?: string };
    if (j.type !== 'syscall') continue;
    syscalls++;
    if (j.ret === null) continue;
    const c = counts.get(j.name) ?? [0, 0];
    c[0]++;
    if (j.errno) c[1]++;
    counts.set(j.name, c);
  }
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
});

/** Open a report; collects requests other than the page itself, console errors and dialogs. */
async function open(file: string): Promise<{ page: Page; requests: string[]; errors: string[]; dialogs: string[] }> {
  const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [], errors: string[] = [], dialogs: string[] = [];
  const url = 'file://' + file;
  await page.route('**/*', (route) => {
    if (route.request().url() !== url) requests.push(route.request().url());
    return route.request().url() === url ? route.continue() : route.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20_000 });
  return { page, requests, errors, dialogs };
}

test('the report of a replay shows the recorded counts, rows and processes', { skip: !canBrowse }, async () => {
  const file = join(dir, 'replayed.html');
  const r = sysray(['-f', `--replay=${recording}`, `--report=${file}`]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const { page, requests, errors, dialogs } = await open(file);
  assert.equal(await page.evaluate(() => (window as unknown as { sysrayReport: ReportApi }).sysrayReport.n), syscalls);
  assert.match((await page.textContent('#stats'))!, new RegExp(`^${syscalls} syscalls, 2 processes, 2 threads`));
  // the -c table: each row's calls and errors as recorded (write: 7 writes to /dev/null)
  const summary = (await page.textContent('#summary'))!;
  assert.equal(counts.get('write')?.[0], 7);
  for (const [name, [calls, failed]] of counts) {
    assert.match(summary, new RegExp(`\\s${calls}\\s+${failed || ''}\\s*${name}\\n`), `${name}: ${calls} calls, ${failed} errors`);
  }
  // the errors table: 3 failed openat (one per hostile name), ENOENT
  const row = await page.locator('#errors tr', { hasText: 'openat' }).first().locator('td').allTextContents();
  assert.deepEqual(row.slice(0, 3), ['openat', 'ENOENT', '3']);
  // the process tree: the child exited with 3
  assert.match((await page.textContent('#procs'))!, /exited with 3/);
  // filter by syscall: as many calls as recorded
  await page.selectOption('#f-name', { label: 'openat' });
  assert.equal(await page.textContent('#nmatch'), `${counts.get('openat')![0]} of ${syscalls} calls`);
  await page.selectOption('#f-name', { label: 'all' });
  await page.fill('#f-text', '/dev/null');
  assert.equal(await page.textContent('#nmatch'), `1 of ${syscalls} calls`);
  assert.deepEqual([requests, errors, dialogs], [[], [], []]);
  await page.close();
});

interface ReportApi {
  n: number;
  /** The first call whose line contains `text`. */
  find(text: string): number;
  /** Show the time range [a, b] (ns from the first event). */
  view(a: number, b: number): void;
  /** A call's start and end (ns from the first event). */
  span(i: number): [number, number];
  /** Where a call's slice is on the canvas (CSS pixels). */
  slicePoint(i: number): { x: number; y: number };
}

test('clicking a slice shows its strace line and JSON', { skip: !canBrowse }, async () => {
  const file = join(dir, 'click.html');
  assert.equal(sysray(['-f', `--replay=${recording}`, `--report=${file}`]).status, 0);
  // the line the text output prints for the kill call
  const text = output(['-f', `--replay=${recording}`, '-a', '0', '-e', 'trace=kill']);
  const want = text.split('\n').map((l) => l.replace(/^\d+ +/, '')).find((l) => l.startsWith('kill('))!;
  assert.match(want, /^kill\(\d+, SIGUSR1\) = 0$/);
  const { page, errors } = await open(file);
  // something else first, then the kill slice, zoomed in so that it is wide
  await page.locator('#matches tr.pick').first().click();
  assert.notEqual(await page.textContent('#d-line'), want);
  const at = await page.evaluate(() => {
    const r = (window as unknown as { sysrayReport: ReportApi }).sysrayReport;
    const i = r.find('kill(');
    const [s, e] = r.span(i);
    r.view(s - 2 * (e - s), e + 2 * (e - s));
    return r.slicePoint(i);
  });
  await page.locator('#canvas').scrollIntoViewIfNeeded();
  const box = (await page.locator('#canvas').boundingBox())!;
  await page.mouse.click(box.x + at.x, box.y + at.y);
  assert.equal(await page.textContent('#d-line'), want);
  await page.waitForFunction(() => document.getElementById('d-json')!.textContent !== '…');
  const json = JSON.parse((await page.textContent('#d-json'))!) as { name: string; type: string; pid: number; time: string; durationNs: number };
  assert.equal(json.type, 'syscall');
  assert.equal(json.name, 'kill');
  assert.match(json.time, /^\d{19}$/);
  // the recording has this very object
  const recorded = readFileSync(recording, 'utf8').split('\n').find((l) => l.includes('"name":"kill"'))!;
  assert.deepEqual(json, JSON.parse(recorded));
  assert.deepEqual(errors, []);
  await page.close();
});

test('hostile names are text: no dialog, no extra element or script', { skip: !canBrowse }, async () => {
  const file = join(dir, 'live.html');
  // live this time, with -s large enough for the whole names
  const r = sysray(['-f', '-s', '200', `--report=${file}`, fixture('report_calls')]);
  assert.equal(r.status, 0, r.stderr);
  const html = readFileSync(file, 'latin1');
  assert.ok(!html.includes('alert('), 'the data is embedded packed, not as text');
  const { page, requests, errors, dialogs } = await open(file);
  await page.fill('#f-text', 'alert');
  const calls = (await page.locator('#matches').textContent())!;
  assert.ok(calls.includes('"/nonexistent/<script>alert(1)</script>"'), calls);
  assert.ok(calls.includes('"/nonexistent/\\"><img src=x onerror=alert(1)>"'), calls);
  assert.ok(calls.includes('"/nonexistent/</script><script>alert(2)</script>\\342\\200\\250\\377\\376"'), calls);
  assert.ok(calls.includes('"<script>alert(3)</script>"'), calls);
  // the 10,000-byte name: in the errors table, cut for display
  assert.match((await page.textContent('#errors'))!, /ENAMETOOLONG/);
  // the JSON of the U+2028 / invalid UTF-8 name: hex, shown as text
  await page.fill('#f-text', 'alert(2)');
  await page.locator('#matches tr.pick').first().click();
  await page.waitForFunction(() => document.getElementById('d-json')!.textContent !== '…');
  assert.match((await page.textContent('#d-json'))!, /"hex":"2f6e6f6e6578697374656e742f3c2f7363726970743e/);
  const dom = await page.evaluate(() => ({ imgs: document.images.length, scripts: document.scripts.length }));
  assert.deepEqual(dom, { imgs: 0, scripts: 4 });
  assert.deepEqual([requests, errors, dialogs], [[], [], []]);
  await page.close();
});

test('--perfetto: parses; every syscall is a complete event counted as -c counts', { skip: !canBrowse }, () => {
  const file = join(dir, 'trace.json');
  const r = sysray(['-f', `--replay=${recording}`, `--perfetto=${file}`]);
  assert.equal(r.status, 0, r.stderr);
  const t = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: Record<string, unknown>[] };
  const calls = t.traceEvents.filter((e) => e.ph === 'X' && e.cat !== 'lifetime');
  assert.equal(calls.length, syscalls);
  const got = new Map<string, [number, number]>();
  for (const e of calls) {
    for (const k of ['ph', 'ts', 'dur', 'pid', 'tid', 'name']) assert.ok(e[k] !== undefined, `${k} in ${JSON.stringify(e)}`);
    assert.equal(typeof e.ts, 'number');
    const a = e.args as { ret: string; errno?: string; strace: string };
    assert.ok(a.strace.startsWith(`${e.name as string}(`), a.strace);
    if (a.ret === '?') continue;
    const c = got.get(e.name as string) ?? [0, 0];
    c[0]++;
    if (a.errno) c[1]++;
    got.set(e.name as string, c);
  }
  // -c of the same recording
  const table = output(['-f', `--replay=${recording}`, '-c']);
  const fromC = new Map<string, [number, number]>();
  for (const l of table.split('\n').filter((x) => /^ *\d+\.\d+ /.test(x) && !x.endsWith(' total'))) {
    const f = l.trim().split(/\s+/);
    fromC.set(f[f.length - 1]!, [Number(f[3]), f.length === 6 ? Number(f[4]) : 0]);
  }
  assert.deepEqual(new Map([...got].sort()), new Map([...fromC].sort()));
  assert.ok(t.traceEvents.some((e) => e.ph === 'i' && e.name === 'SIGUSR1'));
  assert.ok(t.traceEvents.some((e) => e.ph === 'i' && e.name === 'exited with 3'));
  const names = t.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => (e.args as { name: string }).name);
  assert.equal(names.length, 2);
  assert.ok(names.every((n) => n.startsWith('report_calls')), names.join());
  assert.ok(statSync(file).size > 1000);
});
