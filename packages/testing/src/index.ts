export * from './emulator/index.js';
export * from './fixtures/index.js';
