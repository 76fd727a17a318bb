/** @hookmap/cli as a library: the helpers behind the `hookmap` command. */
export { parseJsonWithLocation, jsonErrorOffset } from './io/json-location.js';
export { findJsonSyntaxError, locatePointer, stringIndexToOffset } from './io/json-scan.js';
export { codeFrame, offsetToLineColumn, stringFrame } from './io/code-frame.js';
export { parseEnvFile, secretsFromEnv } from './io/env-file.js';
export { CliError } from './io/errors.js';
export { checkAddress, isPrivateAddress, parseIPv4, parseIPv6 } from '@hookmap/relay/address';
export type { AddressVerdict } from '@hookmap/relay/address';
export { assertPublicDestination, guardedLookup, BlockedAddressError } from './net/guard.js';
export { sendRequest, parseDuration } from './net/send.js';
export type { OutgoingRequest, SendOptions, SendResult } from './net/send.js';
export type { RelayOptions, StartRelay } from './commands/serve.js';
