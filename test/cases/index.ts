/** Every host-neutral case, by family. */
import { ABC_CASES } from './abc.js';
import type { HostCase } from './types.js';

export const HOST_CASES: readonly HostCase[] = [...ABC_CASES];
