// Entry point of the egov-monitor CLI package: `main` for the launcher (bin/egov-monitor.js) and for tests.
export { main, EXIT } from './main.js';
export type { CliIo } from './main.js';
export { buildProgram } from './program.js';
export type { ScanFlags } from './program.js';
