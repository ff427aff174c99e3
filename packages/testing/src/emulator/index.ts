export type { AccountData } from './account.js';
export type { Emulator, EmulatorServer } from './create-emulator.js';
export { createEmulator } from './create-emulator.js';
export { DataFileError, PortInUseError } from './errors.js';
export { ADMIN_PREFIX } from './routes/admin.js';
export { INVOICES_PATH } from './routes/invoices.js';
export { PLAN_PATH } from './routes/plan-assignments.js';
export { PREPAID_PATH } from './routes/prepaid-orders.js';
export {
  StrictCustomer,
  StrictInvoice,
  StrictPlanAssignment,
  StrictPrepaidOrder,
} from './strict-schemas.js';
export type { AccountSpec, EmulatorOptions, FaultRule, RequestLogEntry } from './types.js';
