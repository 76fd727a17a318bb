import type { FlowStep, HttpMethod, StepResponse } from '@hookmap/core';
import type { CrmAuth, StarterAuth } from '../auth.js';
import type { JsonSchema, RateLimit } from '../types.js';

/** What a lookup finds the person by. */
export type LookupBy = 'email' | 'phone';

/** Which sample response a preview assumes for the lookups of a flow. */
export type SampleVariant = 'found' | 'not-found';

/**
 * A request a flow step makes to find, create or upsert the person an activity belongs to (SPEC §9). Validated like a
 * target (`validateBody` / `validateRequest` take its id), but not an activity: it is not in `targets`.
 */
export interface StepPreset {
  /** e.g. "hubspot.contact.search". */
  id: string;
  crm: string;
  kind: 'lookup' | 'create' | 'upsert';
  name: string;
  method: HttpMethod;
  /** URL pattern, as a target's (the query string of a GET lookup is not part of it). */
  url: string;
  urlAlternatives?: string[];
  headers: Record<string, string>;
  secrets: string[];
  /** The CRM's ways to authenticate; `url` and `headers` are in the `auth.default` form. */
  auth: CrmAuth;
  /** JSON Schema (draft 2020-12) of the request body; null for a request without one (GET). */
  schema: JsonSchema | null;
  /**
   * Realistic responses for previews and `renderFlow`'s `responses`: a lookup that finds the person and one that
   * does not; a create or an upsert answers the same way in both.
   */
  responses: Record<SampleVariant, StepResponse>;
  docs: string[];
  notes: string[];
  rateLimit: RateLimit;
}

/** Where the person is in the payload, as expressions (without delimiters). */
export interface PersonExpressions {
  by: LookupBy;
  /** The email address or phone number to look up, e.g. `common.participants[0].email`. */
  value: string;
  /** The person's name, for a person that has to be created; null when the payload has none. */
  name: string | null;
}

/** Options of `lookupSteps`. */
export interface LookupOptions {
  by: LookupBy;
  /** Expression of the email or phone (default `common.participants[0].email` / `common.phone`). */
  value?: string;
  /** Expression of the person's name (default `common.participants[0].name`); null for none. */
  name?: string | null;
  /** Use the CRM's upsert by that key where it has one (HubSpot and Zoho by email; Attio always by email). */
  upsert?: boolean;
  /** The steps' URLs in this auth form (default: the CRM's, `auth.default`); the flow's headers carry the rest. */
  auth?: StarterAuth;
}

/** What a CRM's lookup builder makes: `PersonSteps` before the auth form is applied. */
export type BuiltPersonSteps = Omit<PersonSteps, 'headers' | 'connection'>;

/** The steps that leave the person's record id in `recordId`, found or created. */
export interface PersonSteps {
  crm: string;
  by: LookupBy;
  steps: FlowStep[];
  /** Expression (without delimiters) of the record id after these steps, e.g. `steps.find.result ?? steps.create.result`. */
  recordId: string;
  /** What kind of record the id names, in the CRM's words (e.g. "Contacts", "Contact or Lead"). */
  record: string;
  /** Sample responses of these steps by step id, for each variant (for `renderFlow`). */
  responses: Record<SampleVariant, Record<string, StepResponse>>;
  /** The auth headers the flow sends with them (steps carry none), in the form `LookupOptions.auth` chose. */
  headers: Record<string, string>;
  /** The relay connection the URLs and headers read (the flow's `connection`); absent with secrets. */
  connection?: string;
}
