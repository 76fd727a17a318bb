import type { ProviderSection } from '@hookmap/core';
import { personName } from '../common.js';
import { section } from '../sections.js';
import { dig } from '../values.js';
import { conversationPart, conversationUrl, transcriptContent } from './context.js';

const INFO_FIELDS = [
  'conversation_id',
  'title',
  'url',
  'created_at',
  'owner_name',
  'owner_email',
  'conf_join_url',
];

/** Otter's Auto-mode sections: conversation facts flattened, then each block of notes under its own key. */
export const otterSections: ProviderSection[] = [
  section('conversation_info', 'Conversation Info', INFO_FIELDS.join(', '), INFO_FIELDS, (payload) => ({
    conversation_id: dig(payload, 'data', 'id'),
    title: dig(payload, 'data', 'title'),
    url: conversationUrl(payload),
    created_at: dig(payload, 'data', 'created_at'),
    owner_name: personName(dig(payload, 'data', 'owner')),
    owner_email: dig(payload, 'data', 'owner', 'email'),
    conf_join_url: dig(payload, 'data', 'conf_join_url'),
  })),
  section('summary', 'Summary', 'abstract_summary', ['abstract_summary'], (payload) => ({
    abstract_summary: dig(payload, 'data', 'abstract_summary'),
  })),
  section(
    'action_items',
    'Action Items',
    'action_items as Otter sends them',
    ['action_items'],
    (payload) => ({
      action_items: conversationPart(payload, 'action_items'),
    }),
  ),
  section(
    'insights',
    'Insights & Outline',
    'insights and outline topics',
    ['insights', 'outline'],
    (payload) => ({
      insights: conversationPart(payload, 'insights'),
      outline: conversationPart(payload, 'outline'),
    }),
  ),
  section('transcript', 'Transcript', 'transcript: the transcript text', ['transcript'], (payload) => ({
    transcript: transcriptContent(payload),
  })),
  section(
    'attendees',
    'Attendees',
    'calendar_guests: invitees of the calendar event',
    ['calendar_guests'],
    (payload) => ({
      calendar_guests: dig(payload, 'data', 'calendar_guests'),
    }),
  ),
  section(
    'custom_prompt',
    'Custom Prompt',
    'custom_prompt {label, output}',
    ['custom_prompt'],
    (payload) => ({
      custom_prompt: dig(payload, 'data', 'custom_prompt'),
    }),
  ),
];
