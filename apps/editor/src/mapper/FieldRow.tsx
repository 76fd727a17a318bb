/**
 * One target field: what the template maps into it, its value in the preview now, and its status —
 * taken from the same problems as the preview and the editor markers (src/status/problems.ts).
 */
import { hintForProvider } from '../catalog.js';
import { revealPointer } from '../editor/bridge.js';
import { describeValue } from '../editor/values.js';
import { PATH_MIME } from '../samples/PayloadTree.js';
import { type Problem, worstSeverity } from '../status/problems.js';
import { useStore } from '../store.js';
import { mapField, unmapField, useMapActions } from './actions.js';
import type { Candidate } from './candidates.js';
import { mappingSummary, valueAtPointer, type FieldMapping } from './mapping.js';

export interface FieldRowProps {
  mapping: FieldMapping;
  /** The rendered body of the current sample, or undefined before the first render. */
  rendered: unknown;
  problems: Problem[];
  /** Ranked payload fields to offer when the field is required and not mapped. */
  candidates: Candidate[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function depthOf(pointer: string): number {
  return pointer.split('/').length - 2;
}

export function rowStatus(mapping: FieldMapping, problems: Problem[]): 'bad' | 'warn' | 'good' | 'idle' {
  const worst = worstSeverity(problems);
  if (worst === 'error') return 'bad';
  if (worst === 'warning') return 'warn';
  if (mapping.missingRequired) return 'bad';
  return mapping.state === 'unmapped' ? 'idle' : 'good';
}

export function FieldRow({ mapping, rendered, problems, candidates }: FieldRowProps) {
  const pendingTarget = useStore((s) => s.ui.pendingTarget);
  const pendingSource = useStore((s) => s.ui.pendingSource);
  const templateText = useStore((s) => s.doc.templateText);
  const providerId = useStore((s) => s.doc.providerId);
  const { pickTarget } = useMapActions();
  const { field } = mapping;
  const now = valueAtPointer(rendered, field.pointer);
  const name = field.pointer.split('/').pop() ?? field.pointer;
  const container = field.type === 'object' || field.type === 'array';
  const status = rowStatus(mapping, problems);
  const hint = field.hint === undefined ? undefined : hintForProvider(field.hint, providerId);
  // The row's colour counts what is wrong inside it; its message line only what is wrong at it.
  const own = problems
    .filter((p) => p.path === field.pointer)
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const problemText = problems.map((p) => `${p.code} ${p.message}`).join('\n');
  const classes = [
    'field-row',
    mapping.state,
    `status-${status}`,
    pendingTarget === field.pointer ? 'picked' : '',
    pendingSource && !container ? 'droppable' : '',
  ];
  return (
    <li
      className={classes.join(' ')}
      style={{ paddingLeft: 8 + depthOf(field.pointer) * 14 }}
      data-pointer={field.pointer}
      data-status={status}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(PATH_MIME)) e.preventDefault();
      }}
      onDrop={(e) => {
        const expression = e.dataTransfer.getData(PATH_MIME);
        if (expression) {
          e.preventDefault();
          mapField(field.pointer, expression);
        }
      }}
    >
      <button
        className="field-name"
        onClick={() => pickTarget(field.pointer)}
        title={[field.pointer, field.description, hint].filter(Boolean).join('\n')}
        aria-label={`${name}${field.required ? ' (required)' : ''}: pick to map a payload field into it`}
        aria-pressed={pendingTarget === field.pointer}
      >
        {name}
        {field.required && (
          <span className="required" aria-hidden="true">
            *
          </span>
        )}
      </button>
      <span className="field-type">{Array.isArray(field.type) ? field.type.join('|') : field.type}</span>
      <span className="field-source">
        {mapping.state === 'mapped' && (
          <button
            className="link expr"
            onClick={() => revealPointer(templateText, field.pointer)}
            title={`${mapping.expressions.join('\n')}\n(click to show in the template)`}
          >
            ← {mappingSummary(mapping.value)}
          </button>
        )}
        {mapping.state === 'literal' && !container && (
          <span className="literal">= {describeValue(mapping.value, 40)}</span>
        )}
        {mapping.state === 'unmapped' && !container && (
          <span className={mapping.missingRequired ? 'bad-text' : 'muted'}>
            {mapping.missingRequired ? 'required — not mapped' : 'not mapped'}
          </span>
        )}
        {mapping.state === 'unmapped' &&
          mapping.missingRequired &&
          candidates.map((c) => (
            <button
              key={c.expression}
              className="fix"
              onClick={() => mapField(field.pointer, c.expression)}
              title={`Map {{${c.expression}}} (now ${describeValue(c.value, 60)}) into ${field.pointer}`}
              data-testid="candidate-fix"
            >
              ← {c.expression}
            </button>
          ))}
      </span>
      {!container && mapping.state !== 'unmapped' && rendered !== undefined ? (
        <span
          className={`field-now now-${status}`}
          title={problemText || 'Value in the preview now'}
          data-testid="field-now"
        >
          {now.found ? describeValue(now.value, 36) : 'left out'}
        </span>
      ) : (
        <span />
      )}
      {mapping.state !== 'unmapped' ? (
        <button
          className="icon unmap"
          title={`Remove ${field.pointer} from the template`}
          aria-label={`Remove ${name} from the template`}
          onClick={() => unmapField(field.pointer)}
        >
          ×
        </button>
      ) : (
        <span />
      )}
      {own.length > 0 && (
        <span className={`row-problem sev-${worstSeverity(own)}`} data-testid="row-problem">
          {own[0]!.code}: {own[0]!.message}
          {own.length > 1 ? ` (+${own.length - 1})` : ''}
        </span>
      )}
    </li>
  );
}
