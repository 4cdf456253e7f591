/**
 * RFM on order lines in the preview: how many customers from how many lines, the return lines, the lines left out
 * by reason with their first rows, and the customers that get no segment and why.
 */
import type { ReactElement } from 'react';
import type { Lang } from '../core/labels.js';
import { countText, customersFromLines, leftOutText, returnLinesText, rowsText } from '../core/engine/lines-text.js';
import type { LinesReport as Report } from '../core/engine/rfm-orders.js';
import { text } from './i18n.js';

export function LinesReport({ lines, lang }: { readonly lines: Report; readonly lang: Lang }): ReactElement {
  const items: string[] = [];
  if (lines.returnLines.count > 0)
    items.push(`${returnLinesText(lines.returnLines.count, lang)} (${rowsText(lines.returnLines, lang)})`);
  for (const group of lines.leftOut)
    items.push(`${leftOutText(group.reason, group.count, lines.revenueFrom, lang)} (${rowsText(group, lang)})`);
  if (lines.customersWithLinesLeftOut > 0)
    items.push(text('customersWithLinesLeftOut', lang, { n: countText(lines.customersWithLinesLeftOut, lang) }));
  if (lines.customersWithoutPurchase > 0)
    items.push(text('customersWithoutPurchase', lang, { n: countText(lines.customersWithoutPurchase, lang) }));
  return (
    <div className="sk-lines" data-testid="lines-report">
      <p>
        <strong>{customersFromLines(lines.customers, lines.lines, lang)}</strong>
      </p>
      {items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
