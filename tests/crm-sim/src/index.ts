export { startCrmSim, DEFAULT_TOKENS, CANONICAL_HOSTS } from './sim.js';
export type { CrmSim } from './sim.js';
export { simFetch } from './fetch.js';
export { MAX_BODY_BYTES } from './http.js';
export { CRM_IDS } from './types.js';
export type { CrmId, Fault, ReceivedRequest, SimActivity, SimOptions, SimPerson } from './types.js';
