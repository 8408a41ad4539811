/**
 * The effects model (docs/effects.md): what a traced run did to the system, from its events, live
 * or read back from a `sysray --json` recording.
 */
export { analyze, EffectsBuilder, DNS_FILES } from './builder.js';
export { resolvePath } from './paths.js';
export type * from './types.js';
