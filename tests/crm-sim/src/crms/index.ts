import type { CrmId, CrmModule } from '../types.js';
import { attio } from './attio.js';
import { close } from './close.js';
import { hubspot } from './hubspot.js';
import { pipedrive } from './pipedrive.js';
import { salesforce } from './salesforce.js';
import { zoho } from './zoho.js';

export const MODULES: Record<CrmId, CrmModule> = { hubspot, salesforce, pipedrive, zoho, close, attio };

/** The CRM whose API lives at this host (e.g. api.hubapi.com, acme.my.salesforce.com), or null. */
export function moduleForHost(host: string): CrmModule | null {
  return Object.values(MODULES).find((module) => module.hosts.test(host.toLowerCase())) ?? null;
}
