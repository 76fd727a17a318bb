import type { LookupBy } from '../steps/types.js';

/**
 * Where each provider names the person a meeting or call was with, and which of its payloads are worth an
 * activity. Meeting tools (Otter) carry attendees' emails; call and recruiting tools (Quil, Otoni Stark, OSVI) the
 * phone number. Attendee's webhooks carry neither: its starters read the contact the caller put in the bot's
 * metadata when creating the bot (`contact_email`, `contact_phone`, `contact_name`), and log one activity per
 * finished recording (`post_processing_completed`).
 */
export interface ProviderPerson {
  /** What the starter looks the person up by when the caller does not say. */
  by: LookupBy;
  email: string;
  phone: string;
  name: string | null;
  /** Provider events the flow is sent for. */
  events?: string[];
  /** A condition on the payload besides the person being named (one expression, no delimiters). */
  when?: string;
}

const COMMON_EMAIL = 'common.participants[0].email';
const COMMON_PHONE = 'common.phone | e164';
const COMMON_NAME = 'common.participants[0].name';

const PEOPLE: Record<string, ProviderPerson> = {
  otter: { by: 'email', email: COMMON_EMAIL, phone: COMMON_PHONE, name: COMMON_NAME },
  quil: { by: 'phone', email: COMMON_EMAIL, phone: COMMON_PHONE, name: COMMON_NAME },
  otonistark: {
    by: 'phone',
    email: COMMON_EMAIL,
    phone: COMMON_PHONE,
    name: `input_variables.customer_name ?? ${COMMON_NAME}`,
  },
  osvi: {
    by: 'phone',
    email: COMMON_EMAIL,
    phone: COMMON_PHONE,
    name: `data_capture.customer_name ?? ${COMMON_NAME}`,
  },
  attendee: {
    by: 'email',
    email: 'bot_metadata.contact_email',
    phone: 'bot_metadata.contact_phone | e164',
    name: 'bot_metadata.contact_name',
    events: ['bot.state_change'],
    when: "data.event_type == 'post_processing_completed'",
  },
};

const CROSS_PROVIDER: ProviderPerson = {
  by: 'email',
  email: COMMON_EMAIL,
  phone: COMMON_PHONE,
  name: COMMON_NAME,
};

export function providerPerson(providerId: string | undefined): ProviderPerson {
  return providerId !== undefined && Object.hasOwn(PEOPLE, providerId)
    ? (PEOPLE[providerId] as ProviderPerson)
    : CROSS_PROVIDER;
}

/** The path an expression reads, without its filters: what must be set for the flow to apply. */
export function presence(expression: string): string {
  return expression.split('|')[0]?.trim() ?? expression;
}
