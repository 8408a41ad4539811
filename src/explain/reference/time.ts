import type { RefRow } from './types.js';

export const rows: readonly RefRow[] = [
];
