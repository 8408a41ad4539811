/**
 * Colour for a terminal: a pass over strace text that was already rendered, inserting SGR escape
 * sequences only. Removing them (stripColour) gives back the exact bytes, so the plain path is
 * never touched. Pure.
 */

const SGR = {
  name: '\x1b[1;34m', string: '\x1b[32m', number: '\x1b[33m', error: '\x1b[1;31m', signal: '\x1b[35m',
  exit: '\x1b[1;36m', killed: '\x1b[1;31m', dim: '\x1b[2m', reset: '\x1b[0m',
} as const;

const paint = (s: string, sgr: string): string => (s ? sgr + s + SGR.reset : s);

/** Text with every SGR escape sequence removed. */
export const stripColour = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');

/** A copy of `s` with the contents of its quoted strings replaced, so searches skip them. */
function maskStrings(s: string): { masked: string; strings: [number, number][] } {
  const strings: [number, number][] = [];
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\\') {
      // an escaped character outside a string (a `\"` in a -y path): not a string's start
      out += s.slice(i, i + 2).replace(/./g, '_');
      i++;
      continue;
    }
    if (ch !== '"') {
      out += ch;
      continue;
    }
    let j = i + 1;
    while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
    j = Math.min(j + 1, s.length);
    if (s.startsWith('...', j)) j += 3;
    strings.push([i, j]);
    out += '_'.repeat(j - i);
    i = j - 1;
  }
  return { masked: out, strings };
}

/** The arguments part of a syscall line: strings green, numbers yellow, the syscall's name bold. */
function colourArgs(s: string, masked: string, strings: [number, number][], nameAt: number, nameEnd: number): string {
  let out = '';
  let k = 0;
  for (let i = 0; i < s.length;) {
    if (i === nameAt && nameEnd > nameAt) {
      out += paint(s.slice(i, nameEnd), SGR.name);
      i = nameEnd;
      continue;
    }
    const str = strings[k];
    if (str && str[0] === i) {
      out += paint(s.slice(str[0], str[1]), SGR.string);
      i = str[1];
      k++;
      continue;
    }
    const prev = i > 0 ? masked[i - 1]! : ' ';
    if (/[0-9]/.test(masked[i]!) && !/[A-Za-z0-9_]/.test(prev)) {
      const m = /^(0x[0-9a-f]+|[0-9]+)/.exec(masked.slice(i))!;
      out += paint(s.slice(i, i + m[0].length), SGR.number);
      i += m[0].length;
      continue;
    }
    out += s[i];
    i++;
  }
  return out;
}

/** One line (or the part of one a single render gave): its pieces coloured by what they are. */
function colourLine(s: string, continues = false): string {
  if (!s) return s;
  // explanations, dimmed; hex dumps of -e read=/write= stay plain
  if (s.startsWith('# ')) return paint(s, SGR.dim);
  if (/^ [|*=] /.test(s)) return s;
  const { masked, strings } = maskStrings(s);
  const sig = /^[^(]*?--- /.exec(masked);
  if (sig) return s.slice(0, sig.index + sig[0].length - 4) + paint(s.slice(sig.index + sig[0].length - 4), SGR.signal);
  const end = /^[^(]*?\+\+\+ /.exec(masked);
  if (end) {
    const at = end.index + end[0].length - 4;
    return s.slice(0, at) + paint(s.slice(at), masked.includes('+++ killed by') ? SGR.killed : SGR.exit);
  }
  // the syscall's name: the first identifier before `(`, or the one in `<... NAME resumed>`
  let nameAt = -1, nameEnd = -1;
  const resumed = /<\.\.\. ([A-Za-z0-9_]+) resumed>/.exec(masked);
  const call = continues ? null : /[A-Za-z_][A-Za-z0-9_]*(?=\()/.exec(masked);
  if (resumed && (!call || resumed.index < call.index)) {
    nameAt = resumed.index + 5;
    nameEnd = nameAt + resumed[1]!.length;
  } else if (call) {
    nameAt = call.index;
    nameEnd = call.index + call[0].length;
  }
  // the result: the last `) … = ` outside strings
  let resAt = -1;
  for (const m of masked.matchAll(/\) +(= )/g)) resAt = m.index + m[0].length - 2;
  if (resAt < 0) return colourArgs(s, masked, strings, nameAt, nameEnd);
  const head = colourArgs(s.slice(0, resAt), masked.slice(0, resAt), strings.filter((x) => x[1] <= resAt), nameAt, nameEnd);
  const res = s.slice(resAt);
  const took = / <[0-9.]+>$/.exec(res);
  const body = took ? res.slice(0, took.index) : res;
  const tail = took ? res.slice(took.index) : '';
  if (/^= (-1|\?|[0-9]+) E[A-Z0-9_]+/.test(body)) return head + '= ' + paint(body.slice(2), SGR.error) + tail;
  const v = /^(= )(-?[0-9][0-9a-fx]*)/.exec(body);
  if (v) return head + v[1] + paint(v[2]!, SGR.number) + body.slice(v[0].length) + tail;
  return head + body + tail;
}

/**
 * strace text (any number of whole or partial lines) with colour added. `continues`: the text goes
 * on a line an earlier piece started (a syscall's exit part after its entry).
 */
export function colourText(s: string, continues = false): string {
  if (!s) return s;
  return s.split('\n').map((line, i) => colourLine(line, continues && i === 0)).join('\n');
}

/** How --color / NO_COLOR / FORCE_COLOR decide, given whether the output is a terminal. */
export function wantColour(flag: 'auto' | 'always' | 'never', env: NodeJS.ProcessEnv, tty: boolean): boolean {
  if (flag !== 'auto') return flag === 'always';
  // https://no-color.org: any non-empty NO_COLOR turns colour off; FORCE_COLOR (not 0) turns it on
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return tty;
}
