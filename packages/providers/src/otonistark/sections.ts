import type { ProviderSection } from '@hookmap/core';
import { topLevelSection } from '../sections.js';
import { CALL_KEYS } from './context.js';

/**
 * Auto-mode sections covering every documented top-level field, so all of them on give the payload back
 * (in section order). Call Info flattens the call's scalar facts like OSVI's section of that name.
 */
export const otonistarkSections: ProviderSection[] = [
  topLevelSection(
    'call_info',
    'Call Info',
    'id, customer_phone, assistant_phone, duration, status, created_at, finished_at',
    CALL_KEYS.filter((key) => key !== 'recording_url'),
  ),
  topLevelSection('extracted_variables', 'Extracted Variables', 'Variables the AI extracted after the call', [
    'extracted_variables',
  ]),
  topLevelSection('input_variables', 'Input Variables', 'Variables passed to the assistant before the call', [
    'input_variables',
  ]),
  topLevelSection(
    'transcript',
    'Transcript',
    'transcript (string or utterance array) and formatted_transcript',
    ['transcript', 'formatted_transcript'],
  ),
  topLevelSection('recording', 'Recording', 'recording_url, when recordings are included in the webhook', [
    'recording_url',
  ]),
  topLevelSection('lead', 'Lead', 'The lead and its campaign (campaign calls only)', ['lead']),
];
