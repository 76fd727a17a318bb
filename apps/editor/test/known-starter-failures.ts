/**
 * The ONE list of starter × provider pairs known to render red in the editor, each with why. It may
 * only shrink: the matrix test fails when a listed pair starts passing (remove it then) and when a
 * pair fails that is not listed, or fails at a path its entry does not name.
 *
 * All of these are the starters' (packages/targets) data, not the editor: the flows work (SPEC §9,
 * lookups with sample responses) gives starters record ids the samples actually carry.
 */
export const REASONS = {
  RECORD_ID:
    "the starter reads the CRM record id from a path the provider's samples lack or fill with a non-CRM id (OSVI's \"lead_42\"); flows (lookups) will supply it",
  NO_NOTE_TEXT: 'the sample has no summary, and the starter renders an empty Note_Content',
  NO_DURATION: 'the sample carries no call duration, and Zoho requires Call_Duration for a completed call',
} as const;

export type Reason = keyof typeof REASONS;

/** [target, provider, samples ('*': every sample), body pointers that fail, reasons]. */
export type KnownFailure = [string, string, '*' | string[], string[], Reason[]];

export const KNOWN_STARTER_FAILURES: KnownFailure[] = [
  ['hubspot.note', 'otter', '*', ['/associations/0/to/id'], ['RECORD_ID']],
  ['hubspot.note', 'quil', '*', ['/associations/0/to/id'], ['RECORD_ID']],
  ['hubspot.note', 'otonistark', '*', ['/associations/0/to/id'], ['RECORD_ID']],
  ['hubspot.note', 'attendee', '*', ['/associations/0/to/id'], ['RECORD_ID']],
  ['hubspot.note', 'osvi', '*', ['/associations/0/to/id'], ['RECORD_ID']],
  ['hubspot.call', 'otter', '*', ['/associations/0/to/id'], ['RECORD_ID']],
  ['hubspot.call', 'quil', '*', ['/associations/0/to/id'], ['RECORD_ID']],
  ['hubspot.call', 'otonistark', '*', ['/associations/0/to/id'], ['RECORD_ID']],
  ['hubspot.call', 'attendee', '*', ['/associations/0/to/id'], ['RECORD_ID']],
  ['hubspot.call', 'osvi', '*', ['/associations/0/to/id'], ['RECORD_ID']],
  ['salesforce.task', 'quil', '*', ['/WhoId'], ['RECORD_ID']],
  ['salesforce.task', 'otonistark', '*', ['/WhoId'], ['RECORD_ID']],
  ['salesforce.task', 'attendee', '*', ['/WhoId'], ['RECORD_ID']],
  ['salesforce.task', 'osvi', '*', ['/WhoId'], ['RECORD_ID']],
  ['salesforce.event', 'otter', '*', ['/WhoId'], ['RECORD_ID']],
  ['salesforce.event', 'quil', '*', ['/WhoId'], ['RECORD_ID']],
  ['salesforce.event', 'otonistark', '*', ['/WhoId'], ['RECORD_ID']],
  ['salesforce.event', 'attendee', '*', ['/WhoId'], ['RECORD_ID']],
  ['salesforce.event', 'osvi', '*', ['/WhoId'], ['RECORD_ID']],
  ['pipedrive.activity', 'otter', '*', ['/participants/0/person_id'], ['RECORD_ID']],
  ['pipedrive.activity', 'quil', '*', ['/participants/0/person_id'], ['RECORD_ID']],
  ['pipedrive.activity', 'otonistark', '*', ['/participants/0/person_id'], ['RECORD_ID']],
  ['pipedrive.activity', 'attendee', '*', ['/participants/0/person_id'], ['RECORD_ID']],
  ['pipedrive.activity', 'osvi', '*', ['/participants/0/person_id'], ['RECORD_ID']],
  ['pipedrive.note', 'otter', '*', ['/person_id'], ['RECORD_ID']],
  ['pipedrive.note', 'quil', '*', ['/person_id'], ['RECORD_ID']],
  ['pipedrive.note', 'otonistark', '*', ['/person_id'], ['RECORD_ID']],
  ['pipedrive.note', 'attendee', '*', ['/person_id'], ['RECORD_ID']],
  ['pipedrive.note', 'osvi', '*', ['/person_id'], ['RECORD_ID']],
  ['zoho.note', 'otter', '*', ['/data/0/Parent_Id/id'], ['RECORD_ID']],
  ['zoho.note', 'quil', '*', ['/data/0/Note_Content', '/data/0/Parent_Id/id'], ['RECORD_ID', 'NO_NOTE_TEXT']],
  ['zoho.note', 'otonistark', '*', ['/data/0/Parent_Id/id'], ['RECORD_ID']],
  ['zoho.note', 'attendee', '*', ['/data/0/Note_Content', '/data/0/Parent_Id/id'], ['RECORD_ID', 'NO_NOTE_TEXT']],
  ['zoho.note', 'osvi', '*', ['/data/0/Parent_Id/id'], ['RECORD_ID']],
  ['zoho.call', 'otter', '*', ['/data/0/Call_Duration', '/data/0/Who_Id/id'], ['RECORD_ID', 'NO_DURATION']],
  ['zoho.call', 'quil', '*', ['/data/0/Call_Duration', '/data/0/Who_Id/id'], ['RECORD_ID', 'NO_DURATION']],
  ['zoho.call', 'otonistark', '*', ['/data/0/Who_Id/id'], ['RECORD_ID']],
  ['zoho.call', 'attendee', '*', ['/data/0/Call_Duration', '/data/0/Who_Id/id'], ['RECORD_ID', 'NO_DURATION']],
  ['zoho.call', 'osvi', '*', ['/data/0/Call_Duration', '/data/0/Who_Id/id'], ['RECORD_ID', 'NO_DURATION']],
  ['close.call', 'otter', '*', ['/lead_id'], ['RECORD_ID']],
  ['close.call', 'quil', '*', ['/lead_id'], ['RECORD_ID']],
  ['close.call', 'otonistark', '*', ['/lead_id'], ['RECORD_ID']],
  ['close.call', 'attendee', '*', ['/lead_id'], ['RECORD_ID']],
  ['close.call', 'osvi', ['summary-only-inferred', 'inbound-conditional-inferred', 'legacy-webhook-url'], ['/lead_id'], ['RECORD_ID']],
  ['close.note', 'otter', '*', ['/lead_id'], ['RECORD_ID']],
  ['close.note', 'quil', '*', ['/lead_id'], ['RECORD_ID']],
  ['close.note', 'otonistark', '*', ['/lead_id'], ['RECORD_ID']],
  ['close.note', 'attendee', '*', ['/lead_id'], ['RECORD_ID']],
  ['close.note', 'osvi', ['summary-only-inferred', 'inbound-conditional-inferred', 'legacy-webhook-url'], ['/lead_id'], ['RECORD_ID']],
  ['attio.note', 'otter', '*', ['/data/parent_record_id'], ['RECORD_ID']],
  ['attio.note', 'quil', '*', ['/data/parent_record_id'], ['RECORD_ID']],
  ['attio.note', 'otonistark', '*', ['/data/parent_record_id'], ['RECORD_ID']],
  ['attio.note', 'attendee', '*', ['/data/parent_record_id'], ['RECORD_ID']],
  ['attio.note', 'osvi', '*', ['/data/parent_record_id'], ['RECORD_ID']],
];
