/** Every host-neutral case, by family. */
import { ABC_CASES } from './abc.js';
import { KMEANS_CASES } from './kmeans.js';
import { LIFECYCLE_CASES } from './lifecycle.js';
import { PARETO_CASES } from './pareto.js';
import { QUADRANT_CASES } from './quadrant.js';
import { READING_CASES } from './reading.js';
import { RFM_CASES } from './rfm.js';
import { SUMMARY_CASES } from './summary.js';
import { TIER_CASES } from './tier.js';
import type { HostCase } from './types.js';
import { XYZ_CASES } from './xyz.js';

export const HOST_CASES: readonly HostCase[] = [
  ...ABC_CASES,
  ...XYZ_CASES,
  ...QUADRANT_CASES,
  ...RFM_CASES,
  ...TIER_CASES,
  ...LIFECYCLE_CASES,
  ...PARETO_CASES,
  ...SUMMARY_CASES,
  ...KMEANS_CASES,
  ...READING_CASES,
];
