import { DEFAULT_LIMITS } from '../limits.js';
import { parseHandlebars } from './handlebars-check.js';

/** The fields of a Handlebars AST node that the template analyses read. */
export interface HbsNode {
  type?: string;
  parts?: unknown[];
  depth?: number;
  data?: boolean;
  value?: unknown;
}

/**
 * Every node of a Handlebars template's AST with a `type` (paths, literals, statements…), depth first, or
 * null when the template does not parse. Path and literal nodes are leaves: what is below them is not listed.
 */
export function handlebarsNodes(source: string): HbsNode[] | null {
  let program: unknown;
  try {
    program = parseHandlebars(source, DEFAULT_LIMITS);
  } catch {
    return null;
  }
  const out: HbsNode[] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as HbsNode;
    if (n.type !== undefined) out.push(n);
    if (n.type === 'PathExpression' || (n.type?.endsWith('Literal') ?? false)) return;
    for (const [k, v] of Object.entries(node)) if (k !== 'loc') visit(v);
  };
  visit(program);
  return out;
}
