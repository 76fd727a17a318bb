import type { ProviderSection } from '@hookmap/core';
import { topLevelSection } from '../sections.js';

/** Attendee's Auto-mode sections follow its envelope; all on give back every non-null envelope field. */
export const attendeeSections: ProviderSection[] = [
  topLevelSection('delivery', 'Delivery', 'idempotency_key and trigger', ['idempotency_key', 'trigger']),
  topLevelSection('bot', 'Bot', 'bot_id and bot_metadata (bot triggers)', ['bot_id', 'bot_metadata']),
  topLevelSection('calendar', 'Calendar', 'calendar_id, calendar_deduplication_key, calendar_metadata', [
    'calendar_id',
    'calendar_deduplication_key',
    'calendar_metadata',
  ]),
  topLevelSection('data', 'Trigger Data', 'data: the state change, utterance, message, event or log entry', [
    'data',
  ]),
];
