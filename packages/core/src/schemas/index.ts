export { Address } from './address.js';
export { Customer, CustomerRequest } from './customer.js';
export type { ErrorCode } from './error-response.js';
export { ERROR_CODES, ErrorIssue, ErrorResponse, errorCodeForStatus } from './error-response.js';
export { INVOICE_STATUSES, Invoice, InvoiceStatus } from './invoice.js';
export { describeIssues, toErrorIssues } from './issues.js';
export { LIFECYCLE_STAGES, LifecycleStage, SPEC_LIFECYCLE_STAGES } from './lifecycle-stage.js';
export { PrepaidOrder, PrepaidOrderRequest } from './prepaid-order.js';
export { PricingPlanAssignment, PricingPlanAssignmentRequest } from './pricing-plan-assignment.js';
