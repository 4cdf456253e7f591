/**
 * Every host-neutral case: each file of this folder exports its family's cases as `<FAMILY>_CASES`, picked up here
 * (a new family adds its file and nothing else).
 */
/// <reference types="vite/client" />
import type { HostCase } from './types.js';

const FILES = import.meta.glob<Record<string, unknown>>('./*.ts', { eager: true });

export const HOST_CASES: readonly HostCase[] = Object.keys(FILES)
  .sort()
  .flatMap((file) =>
    Object.entries(FILES[file] ?? {})
      .filter(([name]) => name.endsWith('_CASES'))
      .flatMap(([, cases]) => cases as HostCase[]),
  );
