export { DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS } from './client-options.js';
export type { AmberfloClient } from './create-client.js';
export { createAmberfloClient } from './create-client.js';
export {
  AbortError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
  RedirectError,
  RequestValidationError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
} from './error-classes.js';
export type { AmberfloErrorInit } from './errors.js';
export { AmberfloError, isAmberfloError } from './errors.js';
export type {
  AmberfloClientOptions,
  AmberfloHooks,
  AmberfloLogger,
  AmberfloRequestEvent,
  AmberfloResponseEvent,
  AmberfloRetryEvent,
  AmberfloValidationWarningEvent,
  RequestOptions,
} from './options.js';
export type { CustomersApi } from './resources/customers.js';
export type { InvoicesApi } from './resources/invoices.js';
export type { PrepaidOrdersApi } from './resources/prepaid-orders.js';
export type { PricingPlansApi } from './resources/pricing-plans.js';
export type { AmberfloRetryOptions } from './retry.js';
export { USER_AGENT, VERSION } from './version.js';
