/**
 * The I-Regexp automaton (see iregexp.ts): Thompson's construction from the parsed pattern, and a
 * simulation that keeps every live state at once, so matching is linear in the text and never backtracks.
 */
export type CharTest = (cp: number) => boolean;

export type Node =
  | { t: 'alt'; items: Node[] }
  | { t: 'cat'; items: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'char'; test: CharTest }
  | { t: 'anchor'; end: boolean };

/** NFA states: a character test, a fork, or the accepting state. */
export type State =
  | { op: 'char'; test: CharTest; next: number }
  | { op: 'split'; a: number; b: number }
  | { op: 'anchor'; end: boolean; next: number }
  | { op: 'match' };

export const MAX_STATES = 4096;

/** A pattern that is not I-Regexp, or too large. */
export class Invalid extends Error {}

/** Thompson construction; the program ends with the accepting state. */
export function build(root: Node): State[] {
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
        for (let i = entries.length - 2; i >= 0; i--)
          entry = add({ op: 'split', a: entries[i] as number, b: entry });
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
export function run(states: State[], text: string, whole: boolean): boolean {
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
