import { emptyCommon, person, personName, type CommonActionItem, type CommonView } from '../common.js';
import { dig, field, isRecord, list, record, text, type JsonRecord } from '../values.js';
import type { JsonValue } from '@hookmap/core';
import type { SourceReaders } from '../sources.js';

/** The doc example nests these under data.relationships; other copies put them on data itself. */
export function conversationPart(payload: unknown, key: string): JsonValue | undefined {
  return dig(payload, 'data', 'relationships', key) ?? dig(payload, 'data', key);
}

export function transcriptContent(payload: unknown): string | null {
  return text(field(conversationPart(payload, 'transcript'), 'content'));
}

/** One stored copy of the docs shows the URL wrapped in angle brackets. */
export function conversationUrl(payload: unknown): string | null {
  const url = text(dig(payload, 'data', 'url'));
  return url?.replace(/^<(.*)>$/, '$1') ?? null;
}

/** Named sources: `conversation` (data), `webhook` (meta.webhook), and the notes wherever Otter put them. */
export const otterSourceReaders: SourceReaders = {
  conversation: (payload) => dig(payload, 'data') ?? null,
  webhook: (payload) => dig(payload, 'meta', 'webhook') ?? null,
  summary: (payload) => dig(payload, 'data', 'abstract_summary') ?? null,
  action_items: (payload) => list(conversationPart(payload, 'action_items')),
  insights: (payload) => conversationPart(payload, 'insights') ?? null,
  outline: (payload) => conversationPart(payload, 'outline') ?? null,
  transcript_text: transcriptContent,
  guests: (payload) => list(dig(payload, 'data', 'calendar_guests')),
};

function actionItem(item: JsonRecord): CommonActionItem | null {
  const itemText = text(item.text);
  if (itemText === null) return null;
  const assignee = record(item.assignee);
  const completed = dig(item, 'status', 'completed');
  return {
    text: itemText,
    assignee: personName(assignee) ?? text(assignee?.email),
    done: typeof completed === 'boolean' ? completed : null,
  };
}

export function otterCommon(payload: unknown): CommonView {
  const common = emptyCommon(
    'otter',
    text(dig(payload, 'meta', 'webhook', 'event')) ?? 'conversation_completed',
  );
  const data = record(dig(payload, 'data'));
  const customPrompt = record(data?.custom_prompt);
  common.id = text(data?.id);
  common.title = text(data?.title);
  common.summary = text(data?.abstract_summary);
  // Otter sends no start or end time; a conversation is created when its recording starts.
  common.started_at = text(data?.created_at);
  common.owner = { name: personName(data?.owner), email: text(dig(data, 'owner', 'email')) };
  common.participants = list(data?.calendar_guests)
    .filter(isRecord)
    .map((guest) => person(personName(guest), text(guest.email), null));
  common.transcript_text = transcriptContent(payload);
  common.action_items = list(conversationPart(payload, 'action_items'))
    .filter(isRecord)
    .map(actionItem)
    .filter((item) => item !== null);
  common.url = conversationUrl(payload);
  const label = text(customPrompt?.label);
  if (label !== null) common.fields = { [label]: customPrompt?.output ?? null };
  return common;
}
