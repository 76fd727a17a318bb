/**
 * I-Regexp (RFC 9485), the regular expressions of JSONPath's match() and search(), run in linear time:
 * the pattern becomes a Thompson NFA that is simulated over the input's code points, so a user's pattern
 * can never backtrack (SPEC §8). Unicode categories (`\p{Lu}`) test one code point at a time with the
 * engine's fixed, built-in category tables. An invalid pattern (or one that expands past MAX_STATES
 * states, e.g. `a{1000}{1000}`) compiles to null, which match() and search() read as false (§2.4.6).
 */
import { build, Invalid, MAX_STATES, run, type CharTest, type Node, type State } from './iregexp-nfa.js';

const CATEGORIES = /^(?:L[lmotu]?|M[cen]?|N[dlo]?|P[c-fios]?|Z[lps]?|S[ckmo]?|C[cfno]?)$/;

export interface IRegexp {
  /** The whole text matches (match()). */
  matches(text: string): boolean;
  /** Some substring matches (search()). */
  finds(text: string): boolean;
}

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
    while (this.peek() !== undefined && (this.peek() as number) >= 48 && (this.peek() as number) <= 57)
      this.pos++;
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
