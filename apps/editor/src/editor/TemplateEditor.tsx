/** The Monaco template editor, wrapped once: model per body mode, markers from the render worker. */
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useRef } from 'react';
import type { editor } from 'monaco-editor/esm/vs/editor/editor.api.js';
import { monaco } from '../monaco/setup.js';
import { applyMarkers, templateMarkers } from '../monaco/markers.js';
import { JSON_LANGUAGE, TEXT_LANGUAGE } from '../monaco/language.js';
import { problemsOf } from '../status/problems.js';
import { getStore, useStore } from '../store.js';
import { usePreview } from '../worker/client.js';
import { currentPayload } from '../samples/current.js';
import { attachEditor } from './bridge.js';
import { jsonInlineValues, textInlineValues, type InlineValue } from './inline-values.js';

export function TemplateEditor() {
  const mode = useStore((s) => s.doc.bodyMode);
  const json = mode !== 'text';
  const value = useStore((s) => (json ? s.doc.templateText : s.doc.textTemplate));
  const theme = useStore((s) => s.ui.theme);
  const reply = usePreview((p) => p.reply);
  const replyDoc = usePreview((p) => p.doc);
  const engine = useStore((s) => s.doc.engine);
  const context = useStore((s) => currentPayload(s).context);
  const editorRef = useRef<editor.IStandaloneCodeEditor | null>(null);
  const inline = useRef<editor.IEditorDecorationsCollection | null>(null);
  const renderedBody = useMemo(() => {
    const request = reply?.request;
    if (!request?.bodyIsJson || request.bodyText === null || request.truncated) return undefined;
    try {
      return JSON.parse(request.bodyText) as unknown;
    } catch {
      return undefined;
    }
  }, [reply]);

  // Inline results beside every expression, from the render of exactly this text.
  useEffect(() => {
    const instance = editorRef.current;
    const model = instance?.getModel();
    if (!instance || !model) return;
    const text = model.getValue();
    const fresh = text === (json ? replyDoc?.templateText : replyDoc?.textTemplate);
    let values: InlineValue[] = [];
    if (json && fresh) values = jsonInlineValues(text, renderedBody);
    else if (!json && engine === 'hookmap') values = textInlineValues(text, context);
    inline.current ??= instance.createDecorationsCollection();
    inline.current.set(
      values.map((v) => {
        // Attached to the string's closing quote (a collapsed range would need showIfCollapsed).
        const from = model.getPositionAt(Math.max(0, v.offset - 1));
        const to = model.getPositionAt(v.offset);
        return {
          range: {
            startLineNumber: from.lineNumber,
            startColumn: from.column,
            endLineNumber: to.lineNumber,
            endColumn: to.column,
          },
          options: {
            showIfCollapsed: true,
            after: { content: `  → ${v.text}`, inlineClassName: 'inline-value' },
          },
        };
      }),
    );
  }, [renderedBody, replyDoc, json, value, engine, context]);

  const onMount: OnMount = (instance) => {
    editorRef.current = instance;
    attachEditor(instance);
    instance.onDidDispose(() => attachEditor(null));
  };

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const text = model.getValue();
    const sourceText = json ? replyDoc?.templateText : replyDoc?.textTemplate;
    // Offsets in the reply refer to the text it was rendered from; wait for a fresh reply otherwise.
    if (text !== sourceText) {
      const syntax = json ? templateMarkers(text, [], true) : [];
      if (syntax.length > 0) applyMarkers(monaco, model, syntax);
      return;
    }
    // Template and target-schema problems alike: the same list the preview and the mapping rows show.
    applyMarkers(monaco, model, templateMarkers(text, reply ? problemsOf(reply) : [], json));
  }, [reply, replyDoc, json, value]);

  return (
    <div className="template-editor" data-testid="template-editor">
      <Editor
        path={json ? 'inmemory://hookmap/template.json' : 'inmemory://hookmap/template.txt'}
        language={json ? JSON_LANGUAGE : TEXT_LANGUAGE}
        value={value}
        theme={theme === 'dark' ? 'hookmap-dark' : 'hookmap-light'}
        onMount={onMount}
        onChange={(next) => {
          const text = next ?? '';
          const { doc } = getStore().getState();
          // Programmatic updates (undo, mapping clicks) echo back here: they are already in the store.
          if (text === (json ? doc.templateText : doc.textTemplate)) return;
          getStore().updateDoc(
            json ? { templateText: text } : { textTemplate: text },
            json ? 'type-template' : 'type-text',
          );
        }}
        options={{
          minimap: { enabled: false },
          fontSize: 13,
          tabSize: 2,
          automaticLayout: true,
          scrollBeyondLastLine: false,
          wordWrap: json ? 'off' : 'on',
          quickSuggestions: { strings: true, other: true, comments: false },
          suggestOnTriggerCharacters: true,
          fixedOverflowWidgets: true,
          renderValidationDecorations: 'on',
        }}
      />
    </div>
  );
}
