// POSIX extended regular expressions, as glibc's regcomp(REG_EXTENDED | REG_NOSUB) parses them
// in the C / C.UTF-8 locales, used only for "does it match anywhere" tests on syscall names.
// Matching walks sets of string positions (no backtracking blow-up); patterns with
// back-references are matched by backtracking (a reference to a group that did not take part
// fails, as in glibc).

export type EreResult = { ok: true; test: (s: string) => boolean } | { ok: false; error: string };

const REG_BADPAT = 'Invalid regular expression';
const REG_ECOLLATE = 'Invalid collation character';
const REG_ECTYPE = 'Invalid character class name';
const REG_EESCAPE = 'Trailing backslash';
const REG_ESUBREG = 'Invalid back reference';
const REG_EBRACK = 'Unmatched [, [^, [:, [., or [=';
const REG_EPAREN = 'Unmatched ( or \\(';
const REG_EBRACE = 'Unmatched \\{';
const REG_BADBR = 'Invalid content of \\{\\}';
const REG_ERANGE = 'Invalid range end';
const REG_ESIZE = 'Regular expression too big';
const REG_BADRPT = 'Invalid preceding regular expression';
const RE_DUP_MAX = 0x7fff;

class EreError extends Error {}

type AnchorKind = 'bol' | 'eol' | 'wordStart' | 'wordEnd' | 'wordDelim' | 'notWordDelim';

type Tok =
  | { t: 'char'; c: string }
  | { t: 'anchor'; a: AnchorKind }
  | { t: 'period' | 'word' | 'notword' | 'space' | 'notspace' | 'open' | 'close' | 'bracket' }
  | { t: 'star' | 'plus' | 'question' | 'openDup' | 'closeDup' | 'alt' | 'backslash' | 'end' }
  | { t: 'backref'; n: number };

/** Code point ranges; `neg` inverts. */
interface CharSet {
  neg: boolean;
  ranges: [number, number][];
}

type Node =
  | { k: 'set'; set: CharSet }
  | { k: 'anchor'; a: AnchorKind }
  | { k: 'cat' | 'alt'; items: Node[] }
  | { k: 'group'; inner: Node; idx: number }
  | { k: 'rep'; inner: Node; min: number; max: number }
  | { k: 'backref'; n: number };

const cp = (c: string): number => c.codePointAt(0)!;
const WORD_RANGES: [number, number][] = [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0x5f, 0x5f]];
const SPACE_RANGES: [number, number][] = [[0x09, 0x0d], [0x20, 0x20]];
const CHAR_CLASSES: Record<string, [number, number][]> = {
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  upper: [[0x41, 0x5a]],
  lower: [[0x61, 0x7a]],
  digit: [[0x30, 0x39]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  space: SPACE_RANGES,
  blank: [[0x09, 0x09], [0x20, 0x20]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  print: [[0x20, 0x7e]],
  graph: [[0x21, 0x7e]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
};
const inSet = (s: CharSet, c: number): boolean => s.ranges.some(([a, b]) => c >= a && c <= b) !== s.neg;
const isWordCp = (c: number | undefined): boolean => c !== undefined && WORD_RANGES.some(([a, b]) => c >= a && c <= b);

/** Parse `pattern` as glibc's regcomp would (error texts are regerror's). */
function parseEre(pattern: string): { node: Node; backrefs: boolean } {
  const s = Array.from(pattern);
  let i = 0;
  let tok: Tok = { t: 'end' };
  /** The current token (read through a call: `fetch()` changes it behind TypeScript's back). */
  const cur = (): Tok => tok;
  let nsub = 0;
  let completed = 0;
  let backrefs = false;

  const fetch = (): void => {
    if (i >= s.length) {
      tok = { t: 'end' };
      return;
    }
    const c = s[i]!;
    if (c === '\\') {
      if (i + 1 >= s.length) {
        tok = { t: 'backslash' };
        i++;
        return;
      }
      const c2 = s[i + 1]!;
      i += 2;
      if (c2 >= '1' && c2 <= '9') tok = { t: 'backref', n: c2.charCodeAt(0) - 48 };
      else if (c2 === '<') tok = { t: 'anchor', a: 'wordStart' };
      else if (c2 === '>') tok = { t: 'anchor', a: 'wordEnd' };
      else if (c2 === 'b') tok = { t: 'anchor', a: 'wordDelim' };
      else if (c2 === 'B') tok = { t: 'anchor', a: 'notWordDelim' };
      else if (c2 === '`') tok = { t: 'anchor', a: 'bol' };
      else if (c2 === "'") tok = { t: 'anchor', a: 'eol' };
      else if (c2 === 'w') tok = { t: 'word' };
      else if (c2 === 'W') tok = { t: 'notword' };
      else if (c2 === 's') tok = { t: 'space' };
      else if (c2 === 'S') tok = { t: 'notspace' };
      else tok = { t: 'char', c: c2 };
      return;
    }
    i++;
    switch (c) {
      case '|': tok = { t: 'alt' }; break;
      case '*': tok = { t: 'star' }; break;
      case '+': tok = { t: 'plus' }; break;
      case '?': tok = { t: 'question' }; break;
      case '{': tok = { t: 'openDup' }; break;
      case '}': tok = { t: 'closeDup' }; break;
      case '(': tok = { t: 'open' }; break;
      case ')': tok = { t: 'close' }; break;
      case '[': tok = { t: 'bracket' }; break;
      case '.': tok = { t: 'period' }; break;
      case '^': tok = { t: 'anchor', a: 'bol' }; break;
      case '$': tok = { t: 'anchor', a: 'eol' }; break;
      default: tok = { t: 'char', c };
    }
  };

  const isChar = (x: Tok, ch: string): boolean => x.t === 'char' && x.c === ch;

  // glibc's fetch_number: -1 nothing, -2 invalid, else the number (capped at RE_DUP_MAX + 1).
  const fetchNumber = (): number => {
    let num = -1;
    for (;;) {
      fetch();
      const t = cur();
      if (t.t === 'end') return -2;
      if (t.t === 'closeDup' || isChar(t, ',')) break;
      const d = t.t === 'char' && t.c >= '0' && t.c <= '9' ? t.c.charCodeAt(0) - 48 : -1;
      num = d < 0 || num === -2 ? -2 : num === -1 ? d : Math.min(RE_DUP_MAX + 1, num * 10 + d);
    }
    return num;
  };

  // Called with tok at a duplication operator; returns [min, max] and fetches past it.
  const parseDup = (): [number, number] => {
    let start: number;
    let end: number;
    if (cur().t === 'openDup') {
      end = 0;
      start = fetchNumber();
      if (start === -1) {
        if (isChar(cur(), ',')) start = 0;
        else throw new EreError(REG_BADBR);
      }
      if (start !== -2) end = cur().t === 'closeDup' ? start : isChar(cur(), ',') ? fetchNumber() : -2;
      if (start === -2 || end === -2) throw new EreError(cur().t === 'end' ? REG_EBRACE : REG_BADBR);
      if ((end !== -1 && start > end) || cur().t !== 'closeDup') throw new EreError(REG_BADBR);
      if (RE_DUP_MAX < (end === -1 ? start : end)) throw new EreError(REG_ESIZE);
    } else {
      start = cur().t === 'plus' ? 1 : 0;
      end = cur().t === 'question' ? 1 : -1;
    }
    fetch();
    return [start, end === -1 ? Infinity : end];
  };

  const parseBracket = (): CharSet => {
    // Called with i just after '['.
    type Elem = { k: 'ch'; c: string } | { k: 'coll' | 'equiv' | 'class'; name: string };
    type BTok = { t: 'char'; c: string } | { t: 'range' | 'close' | 'hat' | 'end' } | { t: 'coll' | 'equiv' | 'class' };
    const peek = (): { tok: BTok; len: number } => {
      if (i >= s.length) return { tok: { t: 'end' }, len: 0 };
      const c = s[i]!;
      if (c === '[') {
        const c2 = i + 1 < s.length ? s[i + 1]! : '';
        if (c2 === '.') return { tok: { t: 'coll' }, len: 2 };
        if (c2 === '=') return { tok: { t: 'equiv' }, len: 2 };
        if (c2 === ':') return { tok: { t: 'class' }, len: 2 };
        return { tok: { t: 'char', c }, len: 1 };
      }
      if (c === '-') return { tok: { t: 'range' }, len: 1 };
      if (c === ']') return { tok: { t: 'close' }, len: 1 };
      if (c === '^') return { tok: { t: 'hat' }, len: 1 };
      return { tok: { t: 'char', c }, len: 1 };
    };
    const parseSymbol = (kind: 'coll' | 'equiv' | 'class'): Elem => {
      const delim = kind === 'coll' ? '.' : kind === 'equiv' ? '=' : ':';
      if (i >= s.length) throw new EreError(REG_EBRACK);
      let name = '';
      for (;;) {
        if (Buffer.byteLength(name) >= 32) throw new EreError(REG_EBRACK);
        const ch = s[i++]!;
        if (i >= s.length) throw new EreError(REG_EBRACK);
        if (ch === delim && s[i] === ']') break;
        name += ch;
      }
      i++;
      return { k: kind, name };
    };
    const parseElement = (p: { tok: BTok; len: number }, acceptHyphen: boolean): Elem => {
      i += p.len;
      const t = p.tok;
      if (t.t === 'coll' || t.t === 'equiv' || t.t === 'class') return parseSymbol(t.t);
      if (t.t === 'range' && !acceptHyphen && peek().tok.t !== 'close') throw new EreError(REG_ERANGE);
      return { k: 'ch', c: t.t === 'char' ? t.c : s[i - 1]! };
    };
    // Collating symbols and equivalence classes: single characters only (no collation rules).
    const single = (e: Elem): string => {
      if (e.k === 'ch') return e.c;
      if (Buffer.byteLength(e.name) !== 1) throw new EreError(REG_ECOLLATE);
      return e.name;
    };
    // Range end points need a collation sequence value: single-byte characters only.
    const rangePoint = (e: Elem): number => {
      const c = e.k === 'ch' ? e.c : e.name;
      if (Buffer.byteLength(c) !== 1) throw new EreError(REG_ECOLLATE);
      return cp(c);
    };

    const set: CharSet = { neg: false, ranges: [] };
    let p = peek();
    if (p.tok.t === 'end') throw new EreError(REG_BADPAT);
    if (p.tok.t === 'hat') {
      set.neg = true;
      i += p.len;
      p = peek();
      if (p.tok.t === 'end') throw new EreError(REG_BADPAT);
    }
    if (p.tok.t === 'close') p = { tok: { t: 'char', c: ']' }, len: 1 };
    let first = true;
    for (;;) {
      const start = parseElement(p, first);
      first = false;
      p = peek();
      let rangeEnd: Elem | undefined;
      if (start.k !== 'class' && start.k !== 'equiv') {
        if (p.tok.t === 'end') throw new EreError(REG_EBRACK);
        if (p.tok.t === 'range') {
          const save = i;
          i += p.len;
          const p2 = peek();
          if (p2.tok.t === 'end') throw new EreError(REG_EBRACK);
          if (p2.tok.t === 'close') {
            i = save; // a '-' before the closing ']' is an ordinary character
            p = { tok: { t: 'char', c: '-' }, len: 1 };
          } else {
            rangeEnd = parseElement(p2, true);
            p = peek();
          }
        }
      }
      if (rangeEnd) {
        if (rangeEnd.k === 'class' || rangeEnd.k === 'equiv') throw new EreError(REG_ERANGE);
        const a = rangePoint(start);
        const b = rangePoint(rangeEnd);
        if (a > b) throw new EreError(REG_ERANGE);
        set.ranges.push([a, b]);
      } else if (start.k === 'class') {
        const cls = CHAR_CLASSES[start.name];
        if (cls === undefined) throw new EreError(REG_ECTYPE);
        set.ranges.push(...cls);
      } else {
        const c = cp(single(start));
        set.ranges.push([c, c]);
      }
      if (p.tok.t === 'end') throw new EreError(REG_EBRACK);
      if (p.tok.t === 'close') break;
    }
    i += p.len; // skip ']'
    return set;
  };

  const notEnd = (nest: number): boolean => {
    const t = cur().t;
    return t !== 'alt' && t !== 'end' && !(nest > 0 && t === 'close');
  };
  const lit = (c: string): Node => ({ k: 'set', set: { neg: false, ranges: [[cp(c), cp(c)]] } });

  const parseExpression = (nest: number): Node | null => {
    let atom: Node | null;
    const t = cur();
    switch (t.t) {
      case 'char': atom = lit(t.c); break;
      case 'anchor':
        fetch();
        return { k: 'anchor', a: t.a }; // anchors take no repetition operator
      case 'period': atom = { k: 'set', set: { neg: true, ranges: [[0, 0]] } }; break;
      case 'word': atom = { k: 'set', set: { neg: false, ranges: WORD_RANGES } }; break;
      case 'notword': atom = { k: 'set', set: { neg: true, ranges: WORD_RANGES } }; break;
      case 'space': atom = { k: 'set', set: { neg: false, ranges: SPACE_RANGES } }; break;
      case 'notspace': atom = { k: 'set', set: { neg: true, ranges: SPACE_RANGES } }; break;
      case 'open': {
        const idx = nsub++;
        fetch();
        let inner: Node = { k: 'cat', items: [] };
        if (cur().t !== 'close') {
          inner = parseRegExp(nest + 1);
          if (cur().t !== 'close') throw new EreError(REG_EPAREN);
        }
        if (idx < 9) completed |= 1 << idx;
        atom = { k: 'group', inner, idx: idx + 1 };
        break;
      }
      case 'bracket': atom = { k: 'set', set: parseBracket() }; break;
      case 'backref':
        if (!(completed & (1 << (t.n - 1)))) throw new EreError(REG_ESUBREG);
        backrefs = true;
        atom = { k: 'backref', n: t.n };
        break;
      case 'openDup':
      case 'star':
      case 'plus':
      case 'question':
        throw new EreError(REG_BADRPT);
      case 'close': atom = lit(')'); break;
      case 'closeDup': atom = lit('}'); break;
      case 'alt':
      case 'end':
        return null;
      case 'backslash':
        throw new EreError(REG_EESCAPE);
    }
    fetch();
    for (;;) {
      const d = cur().t;
      if (d !== 'star' && d !== 'plus' && d !== 'question' && d !== 'openDup') break;
      const [min, max] = parseDup();
      if (atom !== null) atom = { k: 'rep', inner: atom, min, max };
    }
    return atom;
  };

  const parseBranch = (nest: number): Node => {
    const items: Node[] = [];
    do {
      const e = parseExpression(nest);
      if (e) items.push(e);
    } while (notEnd(nest));
    return { k: 'cat', items };
  };

  function parseRegExp(nest: number): Node {
    // A back-reference may only name a group closed earlier in its own alternative.
    const initial = completed;
    const branches: Node[] = [notEnd(nest) ? parseBranch(nest) : { k: 'cat', items: [] }];
    while (cur().t === 'alt') {
      fetch();
      if (notEnd(nest)) {
        const accumulated = completed;
        completed = initial;
        branches.push(parseBranch(nest));
        completed |= accumulated;
      } else {
        branches.push({ k: 'cat', items: [] });
      }
    }
    return branches.length === 1 ? branches[0]! : { k: 'alt', items: branches };
  }

  fetch();
  const node = parseRegExp(0);
  return { node, backrefs };
}

/** "Matches somewhere in s", computing the sets of end positions each node can reach. */
/** Whether an anchor holds at position i of the code points `s` (both matchers use this). */
function anchorChecker(s: readonly number[]): (a: AnchorKind, i: number) => boolean {
  const n = s.length;
  return (a, i) => {
    const prev = isWordCp(s[i - 1]);
    const next = isWordCp(s[i]);
    switch (a) {
      case 'bol': return i === 0;
      case 'eol': return i === n;
      case 'wordStart': return !prev && next;
      case 'wordEnd': return prev && !next;
      case 'wordDelim': return prev !== next;
      case 'notWordDelim': return prev === next;
    }
  };
}

function positionMatcher(root: Node): (s: string) => boolean {
  return (str) => {
    const s = Array.from(str, cp);
    const n = s.length;
    const memo = new Map<Node, (number[] | undefined)[]>();
    const anchorOk = anchorChecker(s);
    const step = (node: Node, from: Iterable<number>): number[] => {
      const out = new Set<number>();
      for (const p of from) for (const e of ends(node, p)) out.add(e);
      return [...out];
    };
    const ends = (node: Node, i: number): number[] => {
      let row = memo.get(node);
      if (!row) memo.set(node, (row = []));
      const hit = row[i];
      if (hit) return hit;
      let res: number[];
      switch (node.k) {
        case 'set': res = i < n && inSet(node.set, s[i]!) ? [i + 1] : []; break;
        case 'anchor': res = anchorOk(node.a, i) ? [i] : []; break;
        case 'cat': {
          let cur: number[] = [i];
          for (const it of node.items) {
            cur = step(it, cur);
            if (cur.length === 0) break;
          }
          res = cur;
          break;
        }
        case 'alt': res = [...new Set(node.items.flatMap((it) => ends(it, i)))]; break;
        case 'group': res = ends(node.inner, i); break;
        case 'rep': {
          let cur: number[] = [i];
          for (let k = 0; k < node.min && cur.length > 0; k++) {
            const next = step(node.inner, cur);
            const same = next.length === cur.length && next.every((x) => cur.includes(x));
            cur = next;
            if (same) break; // every further mandatory round gives the same positions
          }
          const all = new Set(cur);
          let frontier = cur;
          for (let k = node.min; k < node.max && frontier.length > 0; k++) {
            frontier = step(node.inner, frontier).filter((p) => !all.has(p));
            for (const p of frontier) all.add(p);
          }
          res = [...all];
          break;
        }
        case 'backref': throw new Error('back-references are matched by backtrackMatcher');
      }
      row[i] = res;
      return res;
    };
    for (let i = 0; i <= n; i++) if (ends(root, i).length > 0) return true;
    return false;
  };
}

/** "Matches somewhere in s" by backtracking, with captures (for back-references). */
function backtrackMatcher(root: Node): (s: string) => boolean {
  return (str) => {
    const s = Array.from(str, cp);
    const n = s.length;
    type Caps = readonly ([number, number] | undefined)[];
    type K = (i: number, caps: Caps) => boolean;
    const anchorOk = anchorChecker(s);
    const m = (node: Node, i: number, caps: Caps, k: K): boolean => {
      switch (node.k) {
        case 'set': return i < n && inSet(node.set, s[i]!) && k(i + 1, caps);
        case 'anchor': return anchorOk(node.a, i) && k(i, caps);
        case 'cat': {
          const go = (j: number, at: number, c: Caps): boolean => (j === node.items.length ? k(at, c) : m(node.items[j]!, at, c, (e, c2) => go(j + 1, e, c2)));
          return go(0, i, caps);
        }
        case 'alt': return node.items.some((it) => m(it, i, caps, k));
        case 'group':
          return m(node.inner, i, caps, (e, c) => {
            const c2 = c.slice();
            c2[node.idx] = [i, e];
            return k(e, c2);
          });
        case 'rep': {
          const rep = (count: number, at: number, c: Caps): boolean => {
            // An empty iteration can stand for all remaining mandatory ones; after them it only
            // sets captures (glibc lets `(a|b*)*\1` match with group 1 empty), then stops.
            const more = (e: number, c2: Caps): boolean =>
              e !== at ? rep(count + 1, e, c2) : count < node.min ? rep(node.min, e, c2) : k(e, c2);
            if (count < node.max && m(node.inner, at, c, more)) return true;
            return count >= node.min && k(at, c);
          };
          return rep(0, i, caps);
        }
        case 'backref': {
          const g = caps[node.n];
          if (!g) return false;
          const len = g[1] - g[0];
          if (i + len > n) return false;
          for (let j = 0; j < len; j++) if (s[g[0] + j] !== s[i + j]) return false;
          return k(i + len, caps);
        }
      }
    };
    for (let i = 0; i <= n; i++) if (m(root, i, [], () => true)) return true;
    return false;
  };
}

/** Compile `pattern` as glibc's regcomp(REG_EXTENDED | REG_NOSUB) would. */
export function compilePosixEre(pattern: string): EreResult {
  let parsed: { node: Node; backrefs: boolean };
  try {
    parsed = parseEre(pattern);
  } catch (e) {
    if (e instanceof EreError) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: true, test: parsed.backrefs ? backtrackMatcher(parsed.node) : positionMatcher(parsed.node) };
}
