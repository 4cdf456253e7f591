/**
 * The preview's table of segments: each with its colour, its count and its share of all rows (or customers), in the
 * language's number format. The "no group" row of rules and tags has no colour and is set in italics.
 */
import { useMemo, type ReactElement } from 'react';
import type { PreviewResult } from '../../core/engine/preview.js';
import { chartColorsFor } from '../../core/engine/palette.js';
import type { Lang } from '../../core/labels.js';
import { formatCount, formatPercent } from '../../core/number-format.js';
import { text } from '../i18n.js';

/** A count entry; `none` marks the rows no group or tag took. */
type CountEntry = PreviewResult['counts'][number] & { readonly none?: boolean };

export function PreviewCounts({
  preview,
  lang,
}: {
  readonly preview: PreviewResult;
  readonly lang: Lang;
}): ReactElement {
  const counts: readonly CountEntry[] = preview.counts;
  const colors = useMemo(() => chartColorsFor(counts.filter((c) => !c.none).map((c) => c.label)), [counts]);
  return (
    <table className="sk-counts" data-testid="preview-counts">
      <thead>
        <tr>
          <th>{text('segment', lang)}</th>
          <th>{text(preview.unit === 'customers' ? 'customersCol' : 'rowsCol', lang)}</th>
          <th>{text('shareCol', lang)}</th>
        </tr>
      </thead>
      <tbody>
        {counts.map((c) => (
          <tr key={`${c.none ? 'none:' : ''}${c.label}`} className={c.none ? 'sk-none' : undefined}>
            <td>
              {!c.none && <span className="sk-swatch" style={{ background: colors.get(c.label) }} />}
              {c.label}
            </td>
            <td>{formatCount(c.count, lang)}</td>
            <td>{formatPercent(c.share, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
