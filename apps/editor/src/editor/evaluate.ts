/** An expression's value now, against a context (hover, inline values, `$each` scopes). */
import { compile } from '@hookmap/core';

export function evaluateExpression(
  expression: string,
  context: Record<string, unknown>,
): { value: unknown; note: string | null } {
  try {
    const result = compile(`{{${expression}}}`).renderWithDiagnostics(context);
    const note = result.diagnostics[0]?.message ?? null;
    return { value: result.value, note };
  } catch (error) {
    return { value: undefined, note: (error as Error).message };
  }
}
