export type { AmberfloHandlersOptions } from './handlers.js';
export { amberfloHandlers } from './handlers.js';
