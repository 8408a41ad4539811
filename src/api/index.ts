/**
 * `import { trace, attach, SysrayError } from 'sysray'`: trace programs from TypeScript. The events
 * are the objects `sysray --json` writes (docs/json.md); see docs/api.md.
 */
export { trace, attach, Trace, type ExitStatus } from './trace.js';
export { SysrayError } from './errors.js';
export type { TraceOptions, AttachOptions, CommonOptions, Stdio } from './options.js';
export type * from './events.js';
