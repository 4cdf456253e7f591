/**
 * Customer value in the preview, besides the counts and charts: the fitted model in words (how often a typical
 * customer buys, how many stop after a purchase, what an order is worth, whom it was fitted to, what CLV counts),
 * and the customers of highest CLV who are slipping away (P(alive) below one half), with their P(alive) and CLV in
 * the language's numbers.
 */
import type { ReactElement } from 'react';
import type { ClvReport } from '../core/engine/clv-orders.js';
import { SLIPPING_BELOW } from '../core/engine/clv-orders.js';
import { clvText, formatAmount, formatProbability, modelSentences } from '../core/engine/clv-text.js';
import { label, type Lang } from '../core/labels.js';
import { formatCount } from '../core/number-format.js';

export function ClvDetails({ report, lang }: { readonly report: ClvReport; readonly lang: Lang }): ReactElement {
  const pAlive = label('headerPAlive', lang);
  const cut = formatProbability(SLIPPING_BELOW, lang);
  return (
    <div className="sk-clv" data-testid="clv-details">
      <p>
        <strong>{clvText('modelTitle', lang)}</strong>
      </p>
      <ul data-testid="clv-model">
        {modelSentences(report, lang).map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <p>
        <strong>{clvText('slippingTitle', lang, { pAlive, cut })}</strong>
      </p>
      {report.slipping.length === 0 ? (
        <p className="sk-hint">{clvText('slippingNone', lang, { pAlive, cut })}</p>
      ) : (
        <>
          <table className="sk-counts sk-clv-list" data-testid="clv-slipping">
            <thead>
              <tr>
                <th>{label('headerCustomer', lang)}</th>
                <th>{pAlive}</th>
                <th>{label('headerClv', lang)}</th>
              </tr>
            </thead>
            <tbody>
              {report.slipping.map((c) => (
                <tr key={c.customer}>
                  <td>{c.customer}</td>
                  <td>{formatProbability(c.pAlive, lang)}</td>
                  <td>{formatAmount(c.clv, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.slippingCount > report.slipping.length && (
            <p className="sk-hint">
              {clvText('slippingMore', lang, {
                shown: formatCount(report.slipping.length, lang),
                n: formatCount(report.slippingCount, lang),
              })}
            </p>
          )}
        </>
      )}
    </div>
  );
}
