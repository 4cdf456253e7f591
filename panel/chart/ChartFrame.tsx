/**
 * What every preview chart shares: an SVG that scales to the panel's width, named for screen readers (role="img"
 * with a label, <title> and <desc>), notes under it in HTML so they wrap, and the numbers as a table that only
 * screen readers see.
 */
import { useId, type CSSProperties, type ReactElement, type ReactNode } from 'react';
import { CHART_WIDTH } from './geometry.js';

/** Hidden on screen, read by screen readers (the usual clip pattern). */
const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/** Text colour of chart labels: #424242 on white is 10:1. */
export const INK = '#424242';
export const AXIS = '#8a8a8a';
export const GRID = '#e6e6e6';

/** The table screen readers get: a caption, a header row and rows of text. */
export interface ChartTable {
  readonly caption: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface ChartFrameProps {
  readonly kind: string;
  readonly title: string;
  readonly summary: string;
  readonly height: number;
  readonly table: ChartTable;
  readonly notes?: readonly string[];
  readonly children: ReactNode;
}

export function ChartFrame({
  kind,
  title,
  summary,
  height,
  table,
  notes = [],
  children,
}: ChartFrameProps): ReactElement {
  const id = useId();
  return (
    <figure className="sk-chart" data-chart={kind} style={{ margin: '8px 0', position: 'relative' }}>
      <svg
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={`${title}. ${summary}`}
        aria-describedby={`${id}-table`}
        style={{ display: 'block', fontFamily: 'inherit' }}
      >
        <title>{title}</title>
        <desc>{summary}</desc>
        {children}
      </svg>
      {notes.map((note) => (
        <p key={note} className="sk-chart-note" style={{ margin: '2px 0', fontSize: 12, color: INK }}>
          {note}
        </p>
      ))}
      <table id={`${id}-table`} style={VISUALLY_HIDDEN}>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Props of a text drawn over marks: a white halo keeps it readable. */
export const HALO = { paintOrder: 'stroke', stroke: '#ffffff', strokeWidth: 3, strokeLinejoin: 'round' } as const;
