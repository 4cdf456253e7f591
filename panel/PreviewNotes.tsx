/**
 * What the preview says before its counts: that no row can be used (Apply is then off), the date columns a
 * conversion would fix, and for RFM on order lines how the lines were used.
 */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Lang } from '../core/labels.js';
import type { DayMonthOrder } from '../core/dates.js';
import type { DateColumnFinding } from '../core/engine/date-columns.js';
import type { PreviewResult } from '../core/engine/preview.js';
import { DateConversion } from './DateConversion.js';
import { text } from './i18n.js';
import { LinesReport } from './LinesReport.js';

export interface PreviewNotesProps {
  readonly preview: PreviewResult;
  readonly lang: Lang;
  readonly busy: boolean;
  readonly onConvert: (finding: DateColumnFinding, order?: DayMonthOrder) => void;
}

export function PreviewNotes({ preview, lang, busy, onConvert }: PreviewNotesProps): ReactElement {
  return (
    <>
      {preview.usable === 0 && (
        <MessageBar intent="error" data-testid="nothing-usable">
          <MessageBarBody>{text('nothingUsable', lang)}</MessageBarBody>
        </MessageBar>
      )}
      {preview.dateColumns.map((finding) => (
        <DateConversion
          key={finding.column}
          finding={finding}
          lang={lang}
          busy={busy}
          onConvert={(order) => onConvert(finding, order)}
        />
      ))}
      {preview.lines && <LinesReport lines={preview.lines} lang={lang} />}
    </>
  );
}
