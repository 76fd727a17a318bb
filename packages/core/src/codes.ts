/**
 * One catalog of stable error codes. Ranges per stage:
 * H1xx syntax, H2xx compile, H3xx render, H4xx request, H5xx static checks (types without a payload).
 * Codes never change meaning; new ones are appended.
 */
export const Codes = {
  // H1xx — syntax (scanning and parsing placeholders)
  UNCLOSED_PLACEHOLDER: 'H101',
  EMPTY_PLACEHOLDER: 'H102',
  UNEXPECTED_TOKEN: 'H103',
  UNTERMINATED_STRING: 'H104',
  UNEXPECTED_CHARACTER: 'H105',
  INVALID_JSONPATH: 'H106',

  // H2xx — compile (template structure, filters, limits on the template)
  UNKNOWN_FILTER: 'H201',
  FILTER_ARITY: 'H202',
  INVALID_DIRECTIVE: 'H203',
  TEMPLATE_TOO_LARGE: 'H204',
  TEMPLATE_TOO_DEEP: 'H205',
  INVALID_TEMPLATE: 'H206',

  // H3xx — render (values met at render time)
  UNRESOLVED: 'H301',
  FILTER_TYPE: 'H302',
  REQUIRED_MISSING: 'H303',
  ITERATION_LIMIT: 'H304',
  OUTPUT_LIMIT: 'H305',
  PAYLOAD_TOO_DEEP: 'H306',
  // H307 is reserved (never used): every filter failure is H302.
  // H308 is no longer emitted: queries are parsed at compile time (H106) and cannot fail at render time.
  JSONPATH_FAILED: 'H308',

  // H4xx — request (integrations)
  INVALID_INTEGRATION: 'H401',
  HEADER_INJECTION: 'H402',
  UNKNOWN_SECTION: 'H403',
  MISSING_SECRET: 'H404',
  HANDLEBARS_ERROR: 'H405',
  INVALID_URL: 'H406',
  NO_PROVIDER: 'H407',
  MISSING_CONNECTION_VALUE: 'H408',
  STEP_REFERENCE: 'H409',
  STEP_FAILED: 'H410',
  INVALID_STEP_RESPONSE: 'H411',

  // H5xx — static checks (SPEC §11: types without a payload; the targets package reports H503–H509)
  UNKNOWN_PATH: 'H501',
  FILTER_INPUT: 'H502',
  TARGET_TYPE: 'H503',
  TARGET_ENUM: 'H504',
  MAYBE_NULL: 'H505',
  OPTIONAL_REQUIRED: 'H506',
  TARGET_UNKNOWN_FIELD: 'H507',
  TARGET_MAY_NOT_FIT: 'H508',
  TARGET_REQUIRED: 'H509',
  NO_EVENT: 'H510',
  NOT_CHECKED: 'H511',
} as const;

export type CodeName = keyof typeof Codes;
export type Code = (typeof Codes)[CodeName];
