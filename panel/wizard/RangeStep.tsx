/** Step 1: the table around the selection, its size and headers, and where apply will write its result column. */
import { Button } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { a1Range } from '../../core/engine/sheet-io.js';
import type { TableInfo } from '../../core/engine/table.js';
import type { Lang } from '../../core/labels.js';
import { formatCount } from '../../core/number-format.js';
import { text } from '../i18n.js';
import { outputNote } from '../output-note.js';

export interface RangeStepProps {
  readonly table: TableInfo | undefined;
  readonly lang: Lang;
  readonly busy: boolean;
  readonly onDetect: () => void;
}

export function RangeStep({ table, lang, busy, onDetect }: RangeStepProps): ReactElement {
  const note = table && outputNote(table, lang);
  return (
    <div data-step="range" className="sk-step">
      <p className="sk-hint">{text('rangeHint', lang)}</p>
      <Button appearance="primary" onClick={onDetect} disabled={busy}>
        {text(table ? 'refresh' : 'useTable', lang)}
      </Button>
      {table && (
        <div className="sk-table" data-testid="table-found">
          <p>
            {text('tableFound', lang, {
              sheet: table.sheetName,
              range: a1Range(table.table),
              rows: formatCount(table.table.rows - 1, lang),
              cols: formatCount(table.table.cols, lang),
            })}
          </p>
          <p className="sk-headers">{table.headers.filter((h) => h).join(' · ')}</p>
          {note && <p className="sk-hint">{note}</p>}
        </div>
      )}
    </div>
  );
}
