/**
 * A date column that holds 8-digit numbers or date text: what it holds, what that reads as, and the one-click
 * conversion into real dates (two, day first or month first, when nothing in the column settles the order).
 */
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Lang } from '../core/labels.js';
import type { DayMonthOrder } from '../core/dates.js';
import type { DateColumnFinding } from '../core/engine/date-columns.js';
import { countText } from '../core/engine/lines-text.js';
import { text, type TextKey } from './i18n.js';

export interface DateConversionProps {
  readonly finding: DateColumnFinding;
  readonly lang: Lang;
  readonly busy: boolean;
  readonly onConvert: (order?: DayMonthOrder) => void;
}

export function DateConversion({ finding, lang, busy, onConvert }: DateConversionProps): ReactElement {
  const t = (key: TextKey, values?: Record<string, string | number>): string => text(key, lang, values);
  const { header, example } = finding;
  const unsettled = finding.readAs === undefined;
  const what = unsettled
    ? t('dateUnsettled', { header, example, dayFirst: finding.dayFirst ?? '', monthFirst: finding.monthFirst ?? '' })
    : t(finding.found === 'numbers' ? 'dateNumbers' : 'dateText', { header, example, date: finding.readAs ?? '' });
  const notes = [
    t('convertHint'),
    ...(finding.withTime ? [t('convertTimes')] : []),
    ...(finding.notDates > 0 ? [t('convertNotDates', { n: countText(finding.notDates, lang) })] : []),
  ];
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="date-conversion">
      <MessageBarBody>
        <p className="sk-note">{what}</p>
        <p className="sk-hint">{notes.join(' ')}</p>
        <div className="sk-row">
          {unsettled ? (
            <>
              <Button size="small" data-testid="convert-dmy" disabled={busy} onClick={() => onConvert('dmy')}>
                {t('convertDayFirst')}
              </Button>
              <Button size="small" data-testid="convert-mdy" disabled={busy} onClick={() => onConvert('mdy')}>
                {t('convertMonthFirst')}
              </Button>
            </>
          ) : (
            <Button size="small" data-testid="convert-dates" disabled={busy} onClick={() => onConvert()}>
              {t('convert', { n: countText(finding.convertible, lang) })}
            </Button>
          )}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
