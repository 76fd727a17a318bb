/**
 * Where each provider carries a CRM record id the caller chose, as an expression.
 * OSVI: the API request that triggered the call (`call_trigger_data`); Attendee: the bot's metadata set at
 * creation; Otoni Stark: the assistant's input variables. Otter and Quil carry none, so the starter reads
 * `common.fields.crm_id`, which stays null until the user maps a real id (the body validation then says so).
 * Only the single-request starters read these; `starterFlow` finds the person by email or phone instead.
 */
const RECORD_ID: Record<string, string> = {
  osvi: 'call_trigger_data.crm_id',
  attendee: 'bot_metadata.crm_id',
  otonistark: 'input_variables.crm_id',
};

export const GENERIC_RECORD_ID = 'common.fields.crm_id';

export function recordIdExpression(providerId?: string): string {
  return (providerId && RECORD_ID[providerId]) || GENERIC_RECORD_ID;
}
