/**
 * Step 4: the preview of the choices on show: notes (nothing usable, dates to convert, order lines), the counts, the
 * cut-offs, the chart, the k-means profile and the rows that could not be read. A preview of other choices is not shown: the step says the
 * choices changed and offers to preview again.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { DayMonthOrder } from '../../core/dates.js';
import type { PreviewResult } from '../../core/engine/preview.js';
import type { Lang } from '../../core/labels.js';
import { formatCount } from '../../core/number-format.js';
import { Chart } from '../Chart.js';
import { ClvDetails } from '../ClvDetails.js';
import { text } from '../i18n.js';
import { PreviewNotes } from '../PreviewNotes.js';
import { ProfileTable } from '../ProfileTable.js';
import { PreviewCounts } from './PreviewCounts.js';

export interface PreviewStepProps {
  /** The preview of the choices on show, if there is one. */
  readonly preview: PreviewResult | undefined;
  /** There is a preview, but of other choices. */
  readonly stale: boolean;
  readonly previewing: boolean;
  readonly busy: boolean;
  readonly lang: Lang;
  readonly onConvert: (column: number, order?: DayMonthOrder) => void;
  readonly onPreviewAgain: () => void;
}

export function PreviewStep(props: PreviewStepProps): ReactElement {
  const { preview, stale, previewing, busy, lang } = props;
  return (
    <div data-step="preview" className="sk-step">
      {previewing && <p>{text('previewing', lang)}</p>}
      {!previewing && stale && !preview && (
        <MessageBar intent="warning" layout="multiline" data-testid="preview-stale">
          <MessageBarBody>{text('previewStale', lang)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" data-testid="preview-again" disabled={busy} onClick={props.onPreviewAgain}>
              {text('previewAgain', lang)}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {preview && (
        <>
          <PreviewNotes
            preview={preview}
            lang={lang}
            busy={busy}
            onConvert={(finding, order) => props.onConvert(finding.column, order)}
          />
          <PreviewCounts preview={preview} lang={lang} />
          {preview.thresholds.length > 0 && (
            <p className="sk-hint">
              {text('thresholds', lang)}: {preview.thresholds.map((x) => `${x.name} ${x.value}`).join(' · ')}
            </p>
          )}
          <Chart preview={preview} lang={lang} />
          {preview.clv && <ClvDetails report={preview.clv} lang={lang} />}
          {preview.profile && <ProfileTable profile={preview.profile} lang={lang} />}
          {preview.problemCount > 0 && (
            <details className="sk-problems" open={preview.usable === 0}>
              <summary>{text('problems', lang, { n: formatCount(preview.problemCount, lang) })}</summary>
              <ul>
                {preview.problems.map((p) => (
                  <li key={p.sheetRow}>{text('rowProblem', lang, { row: p.sheetRow, message: p.message })}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </div>
  );
}
