/**
 * Mapping actions shared by the payload tree and the mapping view: clicking a payload field and
 * a target field (in either order), or dropping one on the other, writes the expression.
 */
import { editedTarget } from '../catalog.js';
import { editingContext } from '../flow/scope.js';
import { insertAtCursor } from '../editor/bridge.js';
import { resolvePath } from '../editor/completion.js';
import { typeOf } from '../editor/values.js';
import { getStore } from '../store.js';
import { getPreviewState } from '../worker/client.js';
import { expressionToPath } from './expressions.js';
import { applyEdit, mappingEdit, removalEdit } from './mapping.js';

function looksLikeTimeField(fieldName: string | undefined): boolean {
  return fieldName !== undefined && /timestamp|date|time|_at$/i.test(fieldName);
}

/** Adds a conversion filter when the payload value's type cannot fill the target field as is. */
export function expressionForField(
  expression: string,
  sourceValue: unknown,
  fieldType: string | undefined,
  format?: string,
  fieldName?: string,
): string {
  const wanted = fieldType ?? 'any';
  const source = typeOf(sourceValue);
  if (format === 'date-time' && (source === 'string' || source === 'number')) return `${expression} | iso`;
  if (
    looksLikeTimeField(fieldName) &&
    typeof sourceValue === 'string' &&
    /^\d{4}-\d{2}-\d{2}/.test(sourceValue)
  ) {
    return `${expression} | iso`;
  }
  if (wanted === 'any' || wanted.includes(source) || sourceValue === undefined) return expression;
  if (wanted.includes('string'))
    return source === 'object' || source === 'array' ? `${expression} | json` : `${expression} | string`;
  if (wanted.includes('integer') && source === 'string') return `${expression} | integer`;
  if (wanted.includes('number') && source === 'string') return `${expression} | number`;
  if (wanted.includes('boolean') && source === 'string') return `${expression} | boolean`;
  return expression;
}

export function mapField(pointer: string, expression: string): boolean {
  const store = getStore();
  const state = store.getState();
  if (state.doc.bodyMode !== 'template') {
    store.updateUi({
      toast: 'Visual mapping writes into a JSON template: switch the body to Template mode.',
    });
    return false;
  }
  const field = editedTarget(state.doc)?.fields.find((f) => f.pointer === pointer);
  const path = expressionToPath(expression);
  const source = path
    ? resolvePath(editingContext(state, getPreviewState().reply?.steps ?? null), path)
    : undefined;
  const type = Array.isArray(field?.type) ? field.type.join(' | ') : field?.type;
  const format = (field as { format?: string } | undefined)?.format;
  const name = pointer.slice(pointer.lastIndexOf('/') + 1);
  const written = `{{${expressionForField(expression, source, type, format, name)}}}`;
  const edit = mappingEdit(state.doc.templateText, pointer, written);
  if (!edit) {
    store.updateUi({ toast: 'The template is not valid JSON yet — fix it before mapping.' });
    return false;
  }
  store.updateDoc({ templateText: applyEdit(state.doc.templateText, edit) }, 'edit');
  store.updateUi({ pendingSource: null, pendingTarget: null, toast: `Mapped ${pointer} ← ${written}` });
  return true;
}

export function useMapActions() {
  return {
    pickSource(expression: string): void {
      const store = getStore();
      const { ui } = store.getState();
      if (ui.pendingTarget !== null) {
        mapField(ui.pendingTarget, expression);
        return;
      }
      if (ui.centerTab === 'template' && insertAtCursor(`{{${expression}}}`)) return;
      store.updateUi({
        pendingSource: ui.pendingSource === expression ? null : expression,
        toast: `Now click the target field for {{${expression}}}`,
      });
    },
    pickTarget(pointer: string): void {
      const store = getStore();
      const { ui } = store.getState();
      if (ui.pendingSource !== null) {
        mapField(pointer, ui.pendingSource);
        return;
      }
      store.updateUi({ pendingTarget: ui.pendingTarget === pointer ? null : pointer, toast: null });
    },
  };
}

export function unmapField(pointer: string): void {
  const store = getStore();
  const edit = removalEdit(store.getState().doc.templateText, pointer);
  if (!edit) return;
  store.updateDoc({ templateText: applyEdit(store.getState().doc.templateText, edit) }, 'edit');
  store.updateUi({ toast: `Removed ${pointer} from the template` });
}
