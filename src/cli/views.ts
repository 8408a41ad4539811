/**
 * The views of a whole trace that sysray writes at its end instead of the trace's text:
 * --report (HTML), --perfetto (Chrome Trace Event JSON), --effects (a summary from the effects
 * model). Live or replayed, they see the events the text would have shown.
 * This module is also the command line's door to --replay: the bundle makes it a script of its
 * own (dist/views.cjs), loaded only when a view or a replay is asked for.
 */
import { closeSync, openSync } from 'node:fs';
import type { Options } from './args.js';
import type { Event } from '../model.js';
import type { TraceEvent } from '../api/events.js';
import { NATIVE } from '../arch/index.js';
import { StraceText, type HexStrings } from '../render/strace.js';
import { eventJson } from '../render/json.js';
import { SummaryCounter } from '../render/summary.js';
import { PerfettoTrace } from '../render/perfetto.js';
import { ReportBuilder } from '../render/report.js';
import { effectsText } from '../render/effects.js';
import { EffectsBuilder } from '../analyze/index.js';
import { errnoMessage } from '../decode/xlat/errno.js';
import { recordedJson } from '../replay/source.js';

export { replayFile, type ReplayFilters } from '../replay/source.js';

/** The class a syscall is drawn in: the first of these its table row names, else `other`. */
const CLASS_ORDER = ['network', 'process', 'signal', 'ipc', 'memory', 'file', 'desc'] as const;
export function classOf(name: string): string {
  const row = NATIVE.byName.get(name);
  return CLASS_ORDER.find((c) => row?.classes.includes(c)) ?? 'other';
}

/** Open a view's file before tracing starts, with strace's message when it cannot be. */
function create(file: string): number {
  try {
    return openSync(file, 'w', 0o666);
  } catch (e) {
    throw new Error(`Can't fopen '${file}': ${errnoMessage(-((e as { errno?: number }).errno ?? -5))}`);
  }
}

function writeFile(fd: number, write: (fd: number) => void): void {
  try {
    write(fd);
  } finally {
    closeSync(fd);
  }
}

export class Views {
  private readonly text: StraceText;
  private readonly effects = new EffectsBuilder();
  private readonly perfetto?: { view: PerfettoTrace; fd: number };
  private readonly report?: { view: ReportBuilder; fd: number };
  /** The report's -c table counts what -c counts, whether or not -c was given. */
  private readonly counter = new SummaryCounter(NATIVE);

  private constructor(private readonly o: Options, xflag: HexStrings) {
    // a call's whole line, unaligned, as strace prints it (xflag as asked)
    this.text = new StraceText({ acolumn: 0, xflag, xlat: o.xlat });
    if (o.perfetto !== undefined) this.perfetto = { view: new PerfettoTrace(classOf), fd: create(o.perfetto) };
    if (o.report !== undefined) this.report = { view: new ReportBuilder(classOf), fd: create(o.report) };
  }

  /** The views `o` asks for. Throws when a view's file cannot be created. */
  static of(o: Options, xflag: HexStrings): Views {
    return new Views(o, xflag);
  }

  event(ev: Event): void {
    const json = recordedJson(ev) ?? eventJson(ev);
    if (!json) return;
    this.effects.add(json);
    if (ev.type === 'syscall' && ev.ret) this.counter.add(ev.name, ev.duration, ev.ret.errno !== 0, ev.nr);
    // the line is made once, and only when a view needs it
    let text: string | undefined;
    const line = (): string => (text ??= ev.type === 'syscall' || ev.type === 'signal' ? this.line(ev) : '');
    this.perfetto?.view.add(ev, line());
    this.report?.view.add(ev, json as TraceEvent, line);
  }

  /** A call's (or signal's) whole line as strace prints it, unaligned, without prefixes. */
  private line(ev: Event): string {
    // (a call whose process died in it reads as one that never returned: `= ?`)
    const s = this.text.render(ev.type === 'syscall' ? { ...ev, entryArgs: ev.args.length, died: undefined } : ev);
    return s.slice(0, s.indexOf('\n'));
  }

  /** Write the files; returns the text for the trace's output (the effects summary, if asked). */
  finish(): string {
    const effects = this.effects.result();
    if (this.perfetto) writeFile(this.perfetto.fd, (fd) => this.perfetto!.view.writeTo(fd, effects));
    if (this.report) writeFile(this.report.fd, (fd) => this.report!.view.writeTo(fd, this.counter.render({}), effects));
    if (!this.o.effects) return '';
    return this.o.json ? JSON.stringify(effects) + '\n' : effectsText(effects);
  }
}
