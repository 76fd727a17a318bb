/** The payload (context) tree: type badges, values, search; click or drag a field to map it. */
import { useDeferredValue, useMemo, useState } from 'react';
import { describeValue } from '../editor/values.js';
import { pathToExpression, type PathSegment } from '../mapper/expressions.js';
import { useMapActions } from '../mapper/actions.js';
import { useStore } from '../store.js';
import { childrenOf, searchTree, type TreeEntry } from './tree.js';
import { onTreeKeyDown } from './tree-keys.js';

const PAGE = 50;
export const PATH_MIME = 'application/x-hookmap-path';

function Badge({ type }: { type: string }) {
  return <span className={`badge badge-${type}`}>{BADGE[type] ?? type}</span>;
}

const BADGE: Record<string, string> = {
  string: 'abc',
  number: '123',
  boolean: 'y/n',
  null: 'null',
  object: '{ }',
  array: '[ ]',
};

function startDrag(event: React.DragEvent, path: PathSegment[]): void {
  const expression = pathToExpression(path);
  event.dataTransfer.setData(PATH_MIME, expression);
  event.dataTransfer.setData('text/plain', `{{${expression}}}`);
  event.dataTransfer.effectAllowed = 'copy';
}

function Node({ entry, depth, first }: { entry: TreeEntry; depth: number; first: boolean }) {
  const [open, setOpen] = useState(depth < 1);
  const [shown, setShown] = useState(PAGE);
  const pending = useStore((s) => s.ui.pendingSource);
  const { pickSource } = useMapActions();
  const expression = pathToExpression(entry.path);
  const container = entry.type === 'object' || entry.type === 'array';
  const children = open && container ? childrenOf(entry.value, entry.path) : [];
  const key = typeof entry.key === 'number' ? `[${entry.key}]` : entry.key;
  return (
    <li
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={container ? open : undefined}
      aria-selected={pending === expression}
      aria-label={`${key}, ${entry.type}, ${describeValue(entry.value, 60)}`}
      tabIndex={first ? 0 : -1}
    >
      <div
        data-path={expression}
        className={`tree-row${pending === expression ? ' picked' : ''}`}
        style={{ paddingLeft: 6 + depth * 14 }}
        draggable
        onDragStart={(e) => startDrag(e, entry.path)}
        title={`{{${expression}}} — click to map, drag onto a field or the template`}
      >
        {container ? (
          <button className="twisty" tabIndex={-1} aria-hidden="true" onClick={() => setOpen(!open)}>
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="twisty" />
        )}
        <button className="tree-key" tabIndex={-1} aria-hidden="true" onClick={() => pickSource(expression)}>
          {key}
        </button>
        <Badge type={entry.type} />
        <span className={`tree-value v-${entry.type}`}>{describeValue(entry.value, 60)}</span>
      </div>
      {children.length > 0 && (
        <ul role="group">
          {children.slice(0, shown).map((child) => (
            <Node key={String(child.key)} entry={child} depth={depth + 1} first={false} />
          ))}
          {children.length > shown && (
            <li role="none">
              <button
                className="link more"
                style={{ marginLeft: 20 + depth * 14 }}
                onClick={() => setShown(shown + PAGE * 4)}
              >
                show more ({children.length - shown} left)
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

export function PayloadTree({ root }: { root: unknown }) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const hits = useMemo(() => searchTree(root, deferred), [root, deferred]);
  const { pickSource } = useMapActions();
  const entries = useMemo(() => childrenOf(root, []).filter((e) => e.key !== 'payload'), [root]);
  return (
    <div className="payload-tree">
      <input
        className="search"
        type="search"
        placeholder="Search names and values…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-label="Search the payload"
      />
      {deferred.trim() !== '' ? (
        <ul className="hits">
          {hits.length === 0 && <li className="muted">No field or value matches “{deferred}”.</li>}
          {hits.map((hit) => (
            <li key={hit.expression}>
              <div
                className="tree-row"
                draggable
                onDragStart={(e) => startDrag(e, hit.path)}
                data-path={hit.expression}
              >
                <button
                  className="tree-key"
                  onClick={() => pickSource(hit.expression)}
                  aria-label={`Map ${hit.expression}`}
                >
                  {hit.expression}
                </button>
                <Badge type={hit.type} />
                <span className={`tree-value v-${hit.type}`}>{describeValue(hit.value, 40)}</span>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <ul className="tree" role="tree" aria-label="Payload fields" onKeyDown={onTreeKeyDown}>
          {entries.map((entry, i) => (
            <Node key={String(entry.key)} entry={entry} depth={0} first={i === 0} />
          ))}
        </ul>
      )}
    </div>
  );
}
