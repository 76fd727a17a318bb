import { verifyAttendeeSignature } from '../signatures/attendee.js';
import {
  attachPayloads,
  contextAssembler,
  combinedSchema,
  type HookmapProvider,
  type SampleInfo,
} from '../provider.js';
import { field, isRecord, text } from '../values.js';
import { attendeeCommon, attendeeMetadata, attendeeSources, DATA_SOURCE_BY_TRIGGER } from './context.js';
import { eventSchemas, samplePayloads } from './json.generated.js';
import { contextSchemas } from '../context-schema.js';
import { attendeeSourceSchemas } from './context-schema.js';
import { attendeeSections } from './sections.js';

/** Attendee's envelope: an idempotency_key, a trigger, and a bot_id or calendar_id. */
function detect(payload: unknown): boolean {
  if (!isRecord(payload) || text(payload.idempotency_key) === null || text(payload.trigger) === null)
    return false;
  return 'bot_id' in payload || 'calendar_id' in payload;
}

const RESEARCH =
  'research: envelope and data shape from attendee-labs/attendee source; ids and values invented';

const SAMPLES: SampleInfo[] = [
  {
    id: 'post_processing_completed',
    name: 'bot.state_change: post_processing_completed (recording available)',
    event: 'bot.state_change',
    source: RESEARCH,
  },
  {
    id: 'post_processing_completed-integral-float',
    name: 'bot.state_change: post_processing_completed with credits_consumed 1.0',
    event: 'bot.state_change',
    source: RESEARCH,
  },
  {
    id: 'meeting_ended',
    name: 'bot.state_change: meeting_ended (bot removed)',
    event: 'bot.state_change',
    source: RESEARCH,
  },
  {
    id: 'transcript_update',
    name: 'transcript.update: one utterance',
    event: 'transcript.update',
    source: RESEARCH,
  },
  {
    id: 'chat_message',
    name: 'chat_messages.update: one message',
    event: 'chat_messages.update',
    source: RESEARCH,
  },
  {
    id: 'participant_join',
    name: 'participant_events.join_leave: join',
    event: 'participant_events.join_leave',
    source: RESEARCH,
  },
  {
    id: 'speech_start-inferred',
    name: 'participant_events.speech_start_stop: speech_start (inferred)',
    event: 'participant_events.speech_start_stop',
    inferred: true,
    source: 'built from seed 003 (same data shape as join_leave); values invented',
  },
  {
    id: 'calendar_events_update-inferred',
    name: 'calendar.events_update: synced (inferred)',
    event: 'calendar.events_update',
    inferred: true,
    source: 'built from seed 003 (same data shape as calendar.state_change); values invented',
  },
  {
    id: 'calendar_disconnected',
    name: 'calendar.state_change: disconnected',
    event: 'calendar.state_change',
    source: RESEARCH,
  },
  { id: 'bot_log_warning', name: 'bot_logs.update: warning', event: 'bot_logs.update', source: RESEARCH },
];

/** The named sources attendeeSources can give (what contextReader computes them for). */
const SOURCE_NAMES = ['metadata', ...Object.values(DATA_SOURCE_BY_TRIGGER)];
const context = contextAssembler(
  attendeeCommon,
  { metadata: attendeeMetadata },
  { sources: attendeeSources, names: SOURCE_NAMES },
);
export const attendee: HookmapProvider = {
  id: 'attendee',
  name: 'Attendee meeting bots',
  events: Object.keys(DATA_SOURCE_BY_TRIGGER),
  samples: attachPayloads(samplePayloads, SAMPLES),
  schema: combinedSchema('attendee', 'Attendee webhook', eventSchemas),
  schemas: eventSchemas,
  contextSchemas: contextSchemas('attendee', eventSchemas, attendeeSourceSchemas),
  detect,
  buildContext: context.buildContext,
  contextReader: context.contextReader,
  buildCommon: attendeeCommon,
  sections: attendeeSections,
  urlScope: 'metadata',
  idempotencyKey: (payload) => text(field(payload, 'idempotency_key')),
  verify: verifyAttendeeSignature,
};
