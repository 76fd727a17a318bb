// Public API of @hookmap/core (SPEC §1). Explicit exports only.
export { compile, render, validate } from './template.js';
export { renderRequest, serializeBody } from './request/render-request.js';
export { validateHandlebars } from './request/handlebars-validate.js';
export { eventOf, handlesEvent, integrationApplies, leftOutBy, whenHolds } from './request/events.js';
export type { LeftOut } from './request/events.js';
export {
  integrationSchema,
  validateIntegration,
  validateIntegrationTemplate,
} from './request/integration.js';
export { renderFlow, runFlow, isFlow, FlowError } from './request/render-flow.js';
export { integrationTemplates } from './request/templates.js';
export type { IntegrationTemplate, TemplateKind } from './request/templates.js';
export { TemplateError, RenderError, RequestError, HookmapError } from './errors.js';
export { Codes } from './codes.js';
export type { Code, CodeName } from './codes.js';
export { filters, filterRegistry } from './filters/index.js';
export { FilterTypeError } from './filters/types.js';
export type { FilterDef } from './filters/types.js';
export { DEFAULT_LIMITS } from './limits.js';
// Static checking (SPEC §11): types without a payload.
export { checkIntegration } from './check/integration.js';
export type { CheckOptions, IntegrationCheck, InferredBody } from './check/integration.js';
export type { CheckProvider } from './check/context.js';
export { typeAt } from './check/hover.js';
export type { TypeInfo } from './check/hover.js';
export type { InferredValue, InferredMember, Origin } from './check/inferred.js';
export { typeFromSchema } from './check/from-schema.js';
export { typeToSchema } from './check/to-schema.js';
export { printType } from './check/print.js';
export { filterSignatures } from './check/filters.js';
export type { FilterSignature } from './check/filters.js';
export type {
  Type,
  StringFacet,
  NumberFacet,
  ArrayFacet,
  ObjectFacet,
  Prop,
  Requirement,
  Condition,
} from './check/type.js';
// Scanners, locators, JSON Pointers, line/column and the path grammar: @hookmap/core/tooling.
export type {
  JsonValue,
  JsonObject,
  JsonPrimitive,
  DelimiterMode,
  MissingPolicy,
  Severity,
  Limits,
  FilterFn,
  CompileOptions,
  RenderOptions,
  Diagnostic,
  RenderResult,
  CompiledTemplate,
  HttpMethod,
  IntegrationBody,
  Integration,
  RenderedRequest,
  RenderRequestOptions,
  FlowStep,
  Flow,
  IntegrationDocument,
  StepResponse,
  FlowResponse,
  FlowStepResult,
  FlowResult,
  FlowOptions,
  RenderFlowOptions,
  RunFlowOptions,
  FetchResponse,
  FlowFetch,
  ByteReader,
  ProviderSample,
  ProviderSection,
  HeaderBag,
  Provider,
} from './types.js';
