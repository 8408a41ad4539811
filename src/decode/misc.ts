/** Decoders of the misc family. */
import type { SyscallDecoder } from './types.js';

export const decoders: Record<string, SyscallDecoder> = {};
