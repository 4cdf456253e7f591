/**
 * RFM on order lines: where each line's revenue comes from, a revenue column or Quantity × Price, and the pickers of
 * the columns that choice needs.
 */
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Lang } from '../core/labels.js';
import type { RevenueSource as Source } from '../core/engine/plan.js';
import { text } from './i18n.js';

export interface RevenueSourceProps {
  readonly lang: Lang;
  readonly source: Source;
  readonly onSource: (source: Source) => void;
  /** The column picker of a role. */
  readonly picker: (role: string) => ReactElement;
}

export function RevenueSource({ lang, source, onSource, picker }: RevenueSourceProps): ReactElement {
  return (
    <>
      <Field label={text('revenueFrom', lang)}>
        <RadioGroup
          data-testid="revenue-source"
          layout="horizontal"
          value={source}
          onChange={(_, d) => onSource(d.value === 'quantityPrice' ? 'quantityPrice' : 'column')}
        >
          <Radio value="column" label={text('revenueColumn', lang)} />
          <Radio value="quantityPrice" label={text('quantityTimesPrice', lang)} />
        </RadioGroup>
      </Field>
      {source === 'column' ? (
        picker('revenue')
      ) : (
        <>
          {picker('quantity')}
          {picker('price')}
        </>
      )}
    </>
  );
}
