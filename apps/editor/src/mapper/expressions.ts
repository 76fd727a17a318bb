/**
 * Placeholders and payload paths, all in core's grammar (STYLE 18: one grammar): core's scanner finds
 * placeholders, core's parser reads expressions, and core turns payload paths into expressions.
 */
import { parseExpression, scan, type ExprNode } from '@hookmap/core/tooling';

export { pathToExpression, expressionToPath } from '@hookmap/core/tooling';
export type { PathSegment } from '@hookmap/core/tooling';

export interface Placeholder {
  /** Offsets of the whole placeholder, delimiters included. */
  start: number;
  end: number;
  /** The expression between the delimiters, trimmed. */
  expression: string;
  open: '{{' | '<<';
}

/**
 * Every placeholder in `text`, by core's scanner. A text core cannot scan (an unclosed or empty
 * placeholder, which validate() reports) has none the editor can show values for.
 */
export function findPlaceholders(text: string): Placeholder[] {
  if (!text.includes('{{') && !text.includes('<<')) return [];
  try {
    return scan(text).flatMap((s) =>
      s.kind === 'expr'
        ? [
            {
              start: s.start,
              end: s.end,
              expression: s.source.trim(),
              open: s.raw.startsWith('{{') ? '{{' : '<<',
            },
          ]
        : [],
    );
  } catch {
    return [];
  }
}

/** The context paths an expression reads (`data.owner.name`, `$.x` for JSONPath), in order, once each. */
export function pathsRead(expression: string): string[] {
  let node: ExprNode;
  try {
    node = parseExpression(expression);
  } catch {
    return [];
  }
  const out: string[] = [];
  const visit = (n: ExprNode): void => {
    switch (n.type) {
      case 'path':
        out.push(n.text);
        break;
      case 'jsonpath':
        out.push(n.query);
        break;
      case 'not':
        visit(n.operand);
        break;
      case 'binary':
        visit(n.left);
        visit(n.right);
        break;
      case 'conditional':
        visit(n.test);
        visit(n.consequent);
        visit(n.alternate);
        break;
      case 'filter':
        visit(n.input);
        n.args.forEach(visit);
        break;
      default:
        break;
    }
  };
  visit(node);
  return [...new Set(out)];
}
