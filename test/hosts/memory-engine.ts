/**
 * The engine's apply and undo over an in-memory sheet with its own undo store (one per document, as every host keeps
 * it), for the engine tests.
 */
import { expect } from 'vitest';
import { applyPlan as applyWith, type ApplyOutcome, type RunControl } from '../../core/engine/apply.js';
import { MemorySheet, MemoryUndoStore } from '../../core/engine/memory-sheet.js';
import type { Plan } from '../../core/engine/plan.js';
import { undoLast } from '../../core/engine/undo.js';

const stores = new WeakMap<MemorySheet, MemoryUndoStore>();

export function storeOf(sheet: MemorySheet): MemoryUndoStore {
  let store = stores.get(sheet);
  if (!store) stores.set(sheet, (store = new MemoryUndoStore()));
  return store;
}

export const applyPlan = (
  sheet: MemorySheet,
  plan: Plan,
  confirm: boolean,
  control?: RunControl,
): Promise<ApplyOutcome> => applyWith({ io: sheet, store: storeOf(sheet) }, plan, confirm, control);

/** Undoes the sheet's last apply and expects it done. */
export async function undoApply(sheet: MemorySheet): Promise<void> {
  expect(await undoLast({ io: () => sheet, store: storeOf(sheet) })).toEqual({ kind: 'undone' });
}
