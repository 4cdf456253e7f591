/**
 * The Sheets panel server in the built Code.js (node:vm) on 100,000 rows × 30 columns: one apply still makes one read
 * and two writes on the sheet, and undo is exact. The smaller sizes are in apps-script-panel.dist.test.ts.
 */
import { beforeAll, describe, it } from 'vitest';
import { previewApplyUndo } from './hosts/sheets-panel-apply.js';
import { requireCodeJs } from './hosts/sheets-vm.js';

beforeAll(requireCodeJs);

describe('the Sheets panel server in Code.js', () => {
  it.each([[100_000, 30]])(
    'previews, applies and undoes RFM on %i rows × %i columns: on the sheet one read and two writes',
    previewApplyUndo,
  );
});
