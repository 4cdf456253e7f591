/**
 * Step 5: row colours and the summary sheet, Apply, the progress of a long apply with Cancel, and what this run wrote
 * (the target, the summary sheet, the legend with counts).
 */
import { Button, Checkbox, ProgressBar } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Lang } from '../../core/labels.js';
import { formatCount } from '../../core/number-format.js';
import { text, type TextKey } from '../i18n.js';
import type { WarehouseQuery } from '../warehouse-sql.js';
import { WarehouseSql } from '../WarehouseSql.js';
import type { Applied, Phase } from './reducer.js';

export interface ApplyStepProps {
  readonly lang: Lang;
  readonly phase: Phase;
  readonly busy: boolean;
  readonly colorRows: boolean;
  readonly summary: boolean;
  /** The method writes its customer table on a new sheet with every apply (Customer value): the box is on and fixed. */
  readonly customerTable?: boolean;
  /** The fresh preview found no usable row: Apply is off. */
  readonly nothingUsable: boolean;
  /** What this panel's last run applied, if that run was an apply. */
  readonly applied: Applied | undefined;
  /** Google Sheets: the method's BigQuery query with the chosen options, when it has one. */
  readonly warehouse?: WarehouseQuery;
  readonly onColorRows: (on: boolean) => void;
  readonly onSummary: (on: boolean) => void;
  readonly onApply: () => void;
  readonly onCancel: () => void;
}

export function ApplyStep(props: ApplyStepProps): ReactElement {
  const { lang, phase, busy, applied, nothingUsable } = props;
  const t = (key: TextKey, values?: Record<string, string | number>): string => text(key, lang, values);
  return (
    <div data-step="apply" className="sk-step">
      <Checkbox
        label={t('colorRows')}
        checked={props.colorRows}
        onChange={(_, d) => props.onColorRows(Boolean(d.checked))}
      />
      <Checkbox
        label={t(props.customerTable ? 'customerTableSheet' : 'summarySheet')}
        checked={props.summary || Boolean(props.customerTable)}
        disabled={props.customerTable}
        onChange={(_, d) => props.onSummary(Boolean(d.checked))}
      />
      <Button appearance="primary" data-testid="apply" disabled={busy || nothingUsable} onClick={props.onApply}>
        {t('apply')}
      </Button>
      {nothingUsable && <p className="sk-hint">{t('applyOff')}</p>}
      {phase.kind === 'applying' && phase.showProgress && (
        <div className="sk-progress" data-testid="progress">
          <ProgressBar value={phase.progress?.fraction} />
          <span>
            {phase.cancelling
              ? t('cancelling')
              : t('applying', { phase: t(`phase_${phase.progress?.phase ?? 'read'}` as TextKey) })}
          </span>
          <Button size="small" disabled={phase.cancelling} onClick={props.onCancel}>
            {t('cancel')}
          </Button>
        </div>
      )}
      {applied && (
        <div data-testid="applied">
          <p>{t('applied', { target: applied.target })}</p>
          {applied.summarySheet && <p>{t('summaryWritten', { name: applied.summarySheet })}</p>}
          <p className="sk-hint">{t('legend')}</p>
          <ul className="sk-legend">
            {applied.legend.map((l) => (
              <li key={l.label}>
                <span className="sk-swatch" style={{ background: l.color }} />
                {l.label} ({formatCount(applied.preview.counts.find((c) => c.label === l.label)?.count ?? 0, lang)})
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.warehouse && <WarehouseSql query={props.warehouse} lang={lang} />}
    </div>
  );
}
