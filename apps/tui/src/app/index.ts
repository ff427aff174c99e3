export type { AppProps } from './app.js';
export { App } from './app.js';
export type { View } from './hooks/use-view-stack.js';
export type { RunTuiOptions } from './run.js';
export { runTui } from './run.js';
