export * from './client/index.js';
export * from './money/index.js';
export * from './openapi/index.js';
export * from './schemas/index.js';
export * from './time/index.js';
