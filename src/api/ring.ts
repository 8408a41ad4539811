/**
 * The channel from the engine's worker to the caller: JSON Lines (exactly what `--json` writes) in a
 * SharedArrayBuffer ring. The worker blocks while the ring is full, and the tracee it is handling
 * waits with it: a slow consumer holds the trace back, and memory stays bounded by the ring's size.
 */
import { StringDecoder } from 'node:string_decoder';

/** Slots of the control words (Int32) before the data. */
const HEAD = 0; // end of the bytes published by the writer
const TAIL = 1; // end of the bytes the reader has taken
const PUBLISHED = 2; // counts publications (the reader waits on it)
const TAKEN = 3; // counts takings (the writer waits on it)
const STOP = 4; // the reader asks the trace to end
const DONE = 5; // the writer has published its last byte
const TID = 6; // the worker thread's tid, once it can be woken
const CONTROL_BYTES = 64;

/** A new ring's memory: `size` bytes of data (one stays empty, telling full from empty). */
export function ringMemory(size = 1 << 20): SharedArrayBuffer {
  return new SharedArrayBuffer(CONTROL_BYTES + size);
}

/** Atomics.waitAsync (Node 16+), which the ES2022 library does not declare. */
interface WaitAsync {
  waitAsync(a: Int32Array, index: number, value: number): { async: false; value: string } | { async: true; value: Promise<string> };
}

class Ring {
  protected ctl: Int32Array;
  protected data: Uint8Array;
  protected size: number;
  constructor(protected sab: SharedArrayBuffer) {
    this.ctl = new Int32Array(sab, 0, CONTROL_BYTES / 4);
    this.data = new Uint8Array(sab, CONTROL_BYTES);
    this.size = this.data.length;
  }
  get stopped(): boolean {
    return Atomics.load(this.ctl, STOP) === 1;
  }
  get tid(): number {
    return Atomics.load(this.ctl, TID);
  }
}

/** The worker's end. */
export class RingWriter extends Ring {
  private head = 0;
  private unpublished = 0;
  private scratch = new Uint8Array(1 << 16);
  private encoder = new TextEncoder();

  /** Tell the reader this thread's tid (it wakes the thread with a signal to end the trace). */
  setTid(tid: number): void {
    Atomics.store(this.ctl, TID, tid);
  }

  /** Append one line; waits while the ring is full. False (nothing more is written) once the reader asked to stop. */
  write(line: string): boolean {
    const r = this.encoder.encodeInto(line, this.scratch);
    const bytes = r.read === line.length ? this.scratch.subarray(0, r.written) : this.encoder.encode(line);
    for (let off = 0; off < bytes.length;) {
      const free = (Atomics.load(this.ctl, TAIL) - this.head - 1 + this.size) % this.size;
      if (free === 0) {
        if (!this.waitForRoom()) return false;
        continue;
      }
      const n = Math.min(free, bytes.length - off, this.size - this.head);
      this.data.set(bytes.subarray(off, off + n), this.head);
      this.head = (this.head + n) % this.size;
      this.unpublished += n;
      off += n;
    }
    if (this.unpublished >= this.size >> 2) this.publish();
    return !this.stopped;
  }

  /** Make what was written visible to the reader. */
  publish(): void {
    if (!this.unpublished) return;
    this.unpublished = 0;
    Atomics.store(this.ctl, HEAD, this.head);
    Atomics.add(this.ctl, PUBLISHED, 1);
    Atomics.notify(this.ctl, PUBLISHED);
  }

  /** The last publication: the reader ends once it has taken everything. */
  finish(): void {
    this.publish();
    Atomics.store(this.ctl, DONE, 1);
    Atomics.add(this.ctl, PUBLISHED, 1);
    Atomics.notify(this.ctl, PUBLISHED);
  }

  private waitForRoom(): boolean {
    this.publish();
    const taken = Atomics.load(this.ctl, TAKEN);
    if (this.stopped) return false;
    if ((Atomics.load(this.ctl, TAIL) - this.head - 1 + this.size) % this.size === 0) Atomics.wait(this.ctl, TAKEN, taken);
    return !this.stopped;
  }
}

/** The caller's end. */
export class RingReader extends Ring {
  private decoder = new StringDecoder('utf8');
  private partial = '';

  /** Every complete line published since the last call, parsed ([] if none). */
  take(): unknown[] {
    const head = Atomics.load(this.ctl, HEAD), tail = Atomics.load(this.ctl, TAIL);
    if (head === tail) return [];
    const view = (from: number, to: number): Buffer => Buffer.from(this.sab, CONTROL_BYTES + from, to - from);
    let text = head > tail ? this.decoder.write(view(tail, head)) : this.decoder.write(view(tail, this.size)) + this.decoder.write(view(0, head));
    Atomics.store(this.ctl, TAIL, head);
    Atomics.add(this.ctl, TAKEN, 1);
    Atomics.notify(this.ctl, TAKEN);
    if (this.partial) text = this.partial + text;
    const last = text.lastIndexOf('\n');
    this.partial = text.slice(last + 1);
    if (last < 0) return [];
    // a JSON line holds no raw newline: the lines are one array's items
    return JSON.parse(`[${text.slice(0, last).replaceAll('\n', ',')}]`) as unknown[];
  }

  /** Whether the writer has finished and every line has been taken. */
  get drained(): boolean {
    return Atomics.load(this.ctl, DONE) === 1 && Atomics.load(this.ctl, HEAD) === Atomics.load(this.ctl, TAIL);
  }

  /** Resolves once something was published after the last take (or the writer finished). */
  async published(): Promise<void> {
    const seen = Atomics.load(this.ctl, PUBLISHED);
    if (Atomics.load(this.ctl, HEAD) !== Atomics.load(this.ctl, TAIL) || Atomics.load(this.ctl, DONE)) return;
    const w = (Atomics as unknown as WaitAsync).waitAsync(this.ctl, PUBLISHED, seen);
    if (w.async) await w.value;
  }

  /** Ask the writer to stop, waking it if it waits for room. */
  stop(): void {
    Atomics.store(this.ctl, STOP, 1);
    Atomics.add(this.ctl, TAKEN, 1);
    Atomics.notify(this.ctl, TAKEN);
  }
}
