/** Every spreadsheet function, in the order the README and the hosts list them. */
import { ABC_CLASS } from './abc.js';
import { KMEANS_CLUSTER } from './kmeans.js';
import { LIFECYCLE_STAGE } from './lifecycle.js';
import { PARETO_LEADERS, PARETO_RATIO } from './pareto.js';
import { BCG_QUADRANT, PRIORITY_QUADRANT } from './quadrant.js';
import { RFM_SCORE, RFM_SEGMENT } from './rfm.js';
import { RFM_TABLE } from './rfm-table.js';
import { MAIN_TRAIT, SEGMENT_SUMMARY } from './summary.js';
import { CUSTOMER_TIER } from './tier.js';
import type { FunctionSpec } from './types.js';
import { XYZ_CLASS } from './xyz.js';

export const CATALOG: readonly FunctionSpec[] = [
  ABC_CLASS,
  XYZ_CLASS,
  BCG_QUADRANT,
  PRIORITY_QUADRANT,
  RFM_SCORE,
  RFM_SEGMENT,
  RFM_TABLE,
  CUSTOMER_TIER,
  LIFECYCLE_STAGE,
  PARETO_LEADERS,
  PARETO_RATIO,
  SEGMENT_SUMMARY,
  MAIN_TRAIT,
  KMEANS_CLUSTER,
];

export const CATALOG_BY_NAME: ReadonlyMap<string, FunctionSpec> = new Map(CATALOG.map((spec) => [spec.name, spec]));
