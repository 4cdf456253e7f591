/**
 * Every spreadsheet function, in the order the README and the hosts list them, and every panel method, in the order
 * the panel lists them. A new method registers its function and its method here.
 */
import { ABC_CLASS, ABC_METHOD } from './abc.js';
import { CLV_MODEL, CLV_TABLE } from './clv.js';
import { CLV_METHOD } from './clv-method.js';
import { KMEANS_CLUSTER, KMEANS_METHOD } from './kmeans.js';
import { LIFECYCLE_METHOD, LIFECYCLE_STAGE } from './lifecycle.js';
import type { MethodSpec } from './method.js';
import { RULES_METHOD, TAGS_METHOD } from './own-groups.js';
import { PARETO_LEADERS, PARETO_RATIO } from './pareto.js';
import { BCG_METHOD, BCG_QUADRANT, PRIORITY_METHOD, PRIORITY_QUADRANT } from './quadrant.js';
import { RFM_METHOD, RFM_SCORE } from './rfm-score.js';
import { RFM_SEGMENT } from './rfm-segment.js';
import { RFM_ORDERS_METHOD, RFM_TABLE } from './rfm-table.js';
import { MAIN_TRAIT, SEGMENT_SUMMARY } from './summary.js';
import { CUSTOMER_TIER, PYRAMID_METHOD } from './tier.js';
import type { FunctionSpec } from './types.js';
import { XYZ_CLASS, XYZ_METHOD } from './xyz.js';

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
  CLV_TABLE,
  CLV_MODEL,
];

export const CATALOG_BY_NAME: ReadonlyMap<string, FunctionSpec> = new Map(CATALOG.map((spec) => [spec.name, spec]));

export const METHODS = [
  ABC_METHOD,
  XYZ_METHOD,
  BCG_METHOD,
  PRIORITY_METHOD,
  RFM_METHOD,
  RFM_ORDERS_METHOD,
  CLV_METHOD,
  PYRAMID_METHOD,
  LIFECYCLE_METHOD,
  KMEANS_METHOD,
  RULES_METHOD,
  TAGS_METHOD,
] as const;

export type MethodId = (typeof METHODS)[number]['id'];

const METHOD_BY_ID: ReadonlyMap<string, MethodSpec<MethodId>> = new Map(METHODS.map((m) => [m.id, m]));

/** The method of an id; a plan only ever holds ids from METHODS. */
export function methodSpec(id: MethodId): MethodSpec<MethodId> {
  const spec = METHOD_BY_ID.get(id);
  if (!spec) throw new Error(`unknown method ${id}`);
  return spec;
}
