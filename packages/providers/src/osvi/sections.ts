import type { ProviderSection } from '@hookmap/core';
import { topLevelSection } from '../sections.js';
import { CALL_INFO_KEYS } from './context.js';

/** OSVI's five Auto-mode sections exactly as seed 004 defines them; all five on give back the payload. */
export const osviSections: ProviderSection[] = [
  topLevelSection('call_info', 'Call Info', 'call_log_id, phone_number, agent_name, call_status, call_type', [
    ...CALL_INFO_KEYS,
  ]),
  topLevelSection('call_summary', 'AI Summary', 'Natural-language summary generated from the transcript', [
    'call_summary',
  ]),
  topLevelSection(
    'data_capture',
    'Data Extraction',
    "Values for the fields of the agent's Data Extraction tab",
    ['data_capture'],
  ),
  topLevelSection('structured_output', 'Structured Output', 'Custom JSON from the Output Schema', [
    'structured_output',
  ]),
  topLevelSection(
    'call_trigger_data',
    'Call Trigger Data',
    'Data from the source that triggered the call: the API request body or the campaign row metadata',
    ['call_trigger_data'],
  ),
];
