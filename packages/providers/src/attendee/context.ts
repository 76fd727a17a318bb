import { emptyCommon, person, type CommonView } from '../common.js';
import { dig, field, finiteNumber, record, text, type JsonRecord } from '../values.js';

/** Attendee's eight triggers, each with the named source that holds its `data` (one object of that kind). */
export const DATA_SOURCE_BY_TRIGGER: Record<string, string> = {
  'bot.state_change': 'state_change',
  'transcript.update': 'utterance',
  'chat_messages.update': 'chat_message',
  'participant_events.join_leave': 'participant_event',
  'participant_events.speech_start_stop': 'participant_event',
  'calendar.events_update': 'calendar_sync',
  'calendar.state_change': 'calendar_sync',
  'bot_logs.update': 'log_entry',
};

/** Bot deliveries carry bot_metadata, calendar deliveries calendar_metadata: `metadata` is whichever came. */
export function attendeeMetadata(payload: unknown): JsonRecord | null {
  return record(field(payload, 'bot_metadata')) ?? record(field(payload, 'calendar_metadata'));
}

export function attendeeSources(payload: unknown): Record<string, unknown> {
  const sources: Record<string, unknown> = { metadata: attendeeMetadata(payload) };
  const trigger = text(field(payload, 'trigger'));
  if (trigger !== null && Object.hasOwn(DATA_SOURCE_BY_TRIGGER, trigger)) {
    sources[DATA_SOURCE_BY_TRIGGER[trigger] as string] = field(payload, 'data') ?? null;
  }
  return sources;
}

/** Whose words, message or event this is: speaker, sender or participant, by trigger. */
function actorName(data: JsonRecord): string | null {
  return text(data.speaker_name) ?? text(data.sender_name) ?? text(data.participant_name);
}

function utteranceText(data: JsonRecord): string | null {
  const words = text(dig(data, 'transcription', 'transcript'));
  if (words === null) return null;
  const speaker = text(data.speaker_name);
  return speaker === null ? words : `${speaker}: ${words}`;
}

/** The trigger's own scalar facts (strings, numbers, booleans, null), e.g. new_state, event_type, level. */
function scalarFields(data: JsonRecord): JsonRecord {
  return Object.fromEntries(
    Object.entries(data).filter(([, value]) => value === null || typeof value !== 'object'),
  );
}

export function attendeeCommon(payload: unknown): CommonView {
  const trigger = text(field(payload, 'trigger')) ?? 'unknown';
  const common = emptyCommon('attendee', trigger);
  const data = record(field(payload, 'data')) ?? {};
  common.id = text(field(payload, 'bot_id')) ?? text(field(payload, 'calendar_id'));
  if (trigger === 'bot.state_change') common.status = text(data.new_state);
  if (trigger.startsWith('calendar.')) common.status = text(data.state);
  common.duration_seconds = finiteNumber(dig(data, 'event_metadata', 'bot_duration_seconds'));
  const actor = actorName(data);
  if (actor !== null) common.participants = [person(actor, null, null)];
  if (trigger === 'transcript.update') common.transcript_text = utteranceText(data);
  common.fields = scalarFields(data);
  return common;
}
