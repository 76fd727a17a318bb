export { providers, providersById, getProvider } from './registry.js';
export { detectProvider } from './detect.js';
export { buildCommon } from './build-common.js';
export { otter } from './otter/index.js';
export { quil } from './quil/index.js';
export { otonistark } from './otonistark/index.js';
export { attendee } from './attendee/index.js';
export { osvi } from './osvi/index.js';
export { commonKeys, emptyCommon } from './common.js';
export type { CommonView, CommonPerson, CommonActionItem } from './common.js';
export type { HookmapProvider } from './provider.js';
export {
  verifyAttendeeSignature,
  attendeeCanonicalJson,
  signAttendeePayload,
  ATTENDEE_SIGNATURE_HEADER,
} from './signatures/attendee.js';
export { verifyStandardWebhook } from './signatures/standard-webhooks.js';
export type { StandardWebhookOptions } from './signatures/standard-webhooks.js';
export type { HeaderSource } from './signatures/headers.js';
export { parseRawJson, RawJsonError } from './signatures/raw-json.js';
export type { RawJson } from './signatures/raw-json.js';
export { pythonCanonicalJson } from './signatures/python-json.js';
