/**
 * I-Regexp (RFC 9485), the regular expressions of JSONPath's match() and search(), run in linear time:
 * the pattern becomes a Thompson NFA that is simulated over the input's code points, so a user's pattern
 * can never backtrack (SPEC §8). Unicode categories (`\p{Lu}`) test one code point at a time with the
 * engine's fixed, built-in category tables. An invalid pattern (or one that expands past MAX_STATES
 * states, e.g. `a{1000}{1000}`) compiles to null, which match() and search() read as false (§2.4.6).
 */

type CharTest = (cp: number) => boolean;

type Node =
  | { t: 'alt'; items: Node[] }
  | { t: 'cat'; items: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'char'; test: CharTest }
  | { t: 'anchor'; end: boolean };

/** NFA states: a character test, a fork, or the accepting state. */
type State =
  | { op: 'char'; test: CharTest; next: number }
  | { op: 'split'; a: number; b: number }
  | { op: 'anchor'; end: boolean; next: number }
  | { op: 'match' };

const MAX_STATES = 4096;
const CATEGORIES = /^(?:L[lmotu]?|M[cen]?|N[dlo]?|P[c-fios]?|Z[lps]?|S[ckmo]?|C[cfno]?)$/;

export interface IRegexp {
  /** The whole text matches (match()). */
  matches(text: string): boolean;
  /** Some substring matches (search()). */
  finds(text: string): boolean;
}

class Invalid extends Error {}

export function compileIRegexp(pattern: string): IRegexp | null {
  let states: State[];
  try {
    const p = new PatternReader(pattern);
    const node = p.alternation();
    if (p.pos < p.cps.length) throw new Invalid();
    states = build(node);
  } catch (e) {
    if (e instanceof Invalid) return null;
    throw e;
  }
  return { matches: (text) => run(states, text, true), finds: (text) => run(states, text, false) };
}

class PatternReader {
  readonly cps: number[];
  pos = 0;
  constructor(pattern: string) {
    this.cps = Array.from(pattern, (ch) => ch.codePointAt(0) as number);
    if (this.cps.some((cp) => cp >= 0xd800 && cp <= 0xdfff)) throw new Invalid();
  }
  peek(): number | undefined {
    return this.cps[this.pos];
  }
  is(ch: string): boolean {
    return this.cps[this.pos] === ch.codePointAt(0);
  }

  alternation(): Node {
    const items = [this.branch()];
    while (this.is('|')) {
      this.pos++;
      items.push(this.branch());
    }
    return items.length === 1 ? (items[0] as Node) : { t: 'alt', items };
  }

  private branch(): Node {
    const items: Node[] = [];
    while (this.pos < this.cps.length && !this.is('|') && !this.is(')')) items.push(this.piece());
    return { t: 'cat', items };
  }

  private piece(): Node {
    const atom = this.atom();
    if (this.is('*')) return this.rep(atom, 0, Infinity, 1);
    if (this.is('+')) return this.rep(atom, 1, Infinity, 1);
    if (this.is('?')) return this.rep(atom, 0, 1, 1);
    if (!this.is('{')) return atom;
    this.pos++;
    const min = this.digits();
    let max = min;
    if (this.is(',')) {
      this.pos++;
      max = this.is('}') ? Infinity : this.digits();
    }
    if (!this.is('}') || max < min) throw new Invalid();
    return this.rep(atom, min, max, 1);
  }

  private rep(node: Node, min: number, max: number, skip: number): Node {
    this.pos += skip;
    return { t: 'rep', node, min, max };
  }

  private digits(): number {
    const start = this.pos;
    while (this.peek() !== undefined && (this.peek() as number) >= 48 && (this.peek() as number) <= 57) this.pos++;
    if (this.pos === start) throw new Invalid();
    const n = Number(String.fromCodePoint(...this.cps.slice(start, this.pos)));
    if (n > MAX_STATES) throw new Invalid();
    return n;
  }

  private atom(): Node {
    const cp = this.peek() as number;
    if (this.is('(')) {
      this.pos++;
      const inner = this.alternation();
      if (!this.is(')')) throw new Invalid();
      this.pos++;
      return inner;
    }
    if (this.is('.')) {
      this.pos++;
      return { t: 'char', test: (c) => c !== 10 && c !== 13 };
    }
    if (this.is('[')) return { t: 'char', test: this.charClass() };
    // The compliance suite reads ^ and $ as anchors (RFC 9485 lists them as plain characters).
    if (this.is('^') || this.is('$')) {
      this.pos++;
      return { t: 'anchor', end: cp === 0x24 };
    }
    if (this.is('\\')) return { t: 'char', test: this.escape() };
    // NormalChar: everything but the metacharacters . ( ) * + ? [ \ ] { | }
    if ('()*+?]{|}'.includes(String.fromCodePoint(cp))) throw new Invalid();
    this.pos++;
    return { t: 'char', test: (c) => c === cp };
  }

  /** SingleCharEsc, or \p{…} / \P{…}. */
  private escape(): CharTest {
    this.pos++;
    const ch = this.peek() === undefined ? '' : String.fromCodePoint(this.peek() as number);
    this.pos++;
    if (ch === 'p' || ch === 'P') {
      const test = this.category();
      return ch === 'p' ? test : (c) => !test(c);
    }
    const cp = singleEscape(ch);
    if (cp === undefined) throw new Invalid();
    return (c) => c === cp;
  }

  private category(): CharTest {
    if (!this.is('{')) throw new Invalid();
    const close = this.cps.indexOf(0x7d, this.pos);
    if (close < 0) throw new Invalid();
    const name = String.fromCodePoint(...this.cps.slice(this.pos + 1, close));
    if (!CATEGORIES.test(name)) throw new Invalid();
    this.pos = close + 1;
    return categoryTest(name);
  }

  /** `[` [^] ("-" / CCE1) *CCE1 ["-"] `]` */
  private charClass(): CharTest {
    this.pos++;
    let negate = false;
    if (this.is('^')) {
      negate = true;
      this.pos++;
    }
    const tests: CharTest[] = [];
    let first = true;
    for (;;) {
      if (this.peek() === undefined) throw new Invalid();
      if (this.is(']') && !first) break;
      if (this.is('-')) {
        this.pos++;
        if (!first && !this.is(']')) throw new Invalid();
        tests.push((c) => c === 45);
        first = false;
        continue;
      }
      first = false;
      if (this.is('\\') && (this.cps[this.pos + 1] === 0x70 || this.cps[this.pos + 1] === 0x50)) {
        tests.push(this.escape());
        continue;
      }
      const lo = this.classChar();
      if (this.is('-') && this.cps[this.pos + 1] !== 0x5d && this.cps[this.pos + 1] !== undefined) {
        this.pos++;
        const hi = this.classChar();
        if (hi < lo) throw new Invalid();
        tests.push((c) => c >= lo && c <= hi);
      } else tests.push((c) => c === lo);
    }
    this.pos++;
    const any = (c: number): boolean => tests.some((t) => t(c));
    return negate ? (c) => !any(c) : any;
  }

  /** CCchar: any code point but - [ \ ], or a SingleCharEsc. */
  private classChar(): number {
    const cp = this.peek() as number;
    if (cp === 0x5c) {
      this.pos++;
      const esc = singleEscape(this.peek() === undefined ? '' : String.fromCodePoint(this.peek() as number));
      if (esc === undefined) throw new Invalid();
      this.pos++;
      return esc;
    }
    if (cp === 0x2d || cp === 0x5b || cp === 0x5d) throw new Invalid();
    this.pos++;
    return cp;
  }
}

/** SingleCharEsc: \( \) \* \+ \- \. \? \[ \\ \] \^ \{ \| \} and \n \r \t. */
function singleEscape(ch: string): number | undefined {
  if (ch === 'n') return 10;
  if (ch === 'r') return 13;
  if (ch === 't') return 9;
  return ch !== '' && '()*+-.?[\\]^{|}'.includes(ch) ? (ch.codePointAt(0) as number) : undefined;
}

const categoryTests = new Map<string, CharTest>();

/** A fixed, built-in category regex run on one code point: linear by construction, never the user's pattern. */
function categoryTest(name: string): CharTest {
  let test = categoryTests.get(name);
  if (!test) {
    const re = new RegExp(`^\\p{${name}}$`, 'u');
    test = (c) => re.test(String.fromCodePoint(c));
    categoryTests.set(name, test);
  }
  return test;
}

/** Thompson construction; the program ends with the accepting state. */
function build(root: Node): State[] {
  const states: State[] = [];
  const add = (s: State): number => {
    if (states.length >= MAX_STATES) throw new Invalid();
    states.push(s);
    return states.length - 1;
  };
  // Each fragment is compiled with its continuation known: returns the entry state.
  const compile = (node: Node, next: number): number => {
    switch (node.t) {
      case 'char':
        return add({ op: 'char', test: node.test, next });
      case 'anchor':
        return add({ op: 'anchor', end: node.end, next });
      case 'cat':
        for (let i = node.items.length - 1; i >= 0; i--) next = compile(node.items[i] as Node, next);
        return next;
      case 'alt': {
        const entries = node.items.map((item) => compile(item, next));
        let entry = entries[entries.length - 1] as number;
        for (let i = entries.length - 2; i >= 0; i--) entry = add({ op: 'split', a: entries[i] as number, b: entry });
        return entry;
      }
      case 'rep': {
        let entry = next;
        if (node.max === Infinity) {
          const loop = add({ op: 'split', a: -1, b: next });
          const body = compile(node.node, loop);
          (states[loop] as { a: number }).a = body;
          entry = loop;
        } else {
          for (let i = node.max; i > node.min; i--) {
            const body = compile(node.node, entry);
            entry = add({ op: 'split', a: body, b: next });
          }
        }
        for (let i = 0; i < node.min; i++) entry = compile(node.node, entry);
        return entry;
      }
    }
  };
  const accept = add({ op: 'match' });
  const start = compile(root, accept);
  states.push({ op: 'split', a: start, b: start });
  return states;
}

/**
 * Simulates the NFA over the text: O(text × states). The last state is the entry. With `whole`, the
 * match must span the text; otherwise the entry is re-added at every position (an unanchored search).
 */
function run(states: State[], text: string, whole: boolean): boolean {
  const entry = states.length - 1;
  const marks = new Int32Array(states.length).fill(-1);
  let step = 0;
  let at = 0;
  const addState = (list: number[], i: number): boolean => {
    const stack = [i];
    let accepted = false;
    while (stack.length) {
      const s = stack.pop() as number;
      if (marks[s] === step) continue;
      marks[s] = step;
      const st = states[s] as State;
      if (st.op === 'split') stack.push(st.b, st.a);
      else if (st.op === 'anchor') {
        if (st.end ? at === text.length : at === 0) stack.push(st.next);
      } else if (st.op === 'match') accepted = true;
      else list.push(s);
    }
    return accepted;
  };
  let current: number[] = [];
  let accepted = addState(current, entry);
  if (accepted && (!whole || text.length === 0)) return true;
  while (at < text.length) {
    const cp = text.codePointAt(at) as number;
    at += cp > 0xffff ? 2 : 1;
    step++;
    const next: number[] = [];
    accepted = false;
    for (const s of current) {
      const st = states[s] as { test: CharTest; next: number };
      if (st.test(cp) && addState(next, st.next)) accepted = true;
    }
    if (!whole && (accepted || addState(next, entry))) return true;
    current = next;
    if (whole && current.length === 0 && !accepted) return false;
  }
  return accepted;
}
