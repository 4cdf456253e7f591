/**
 * The k-means preview's profile table: one column per cluster, with its size and share of the clustered rows and the
 * mean of each feature (one row each) in the feature's own units, so the user can name the clusters. A caption says what a
 * cluster is; notes under the table say which columns were clustered on a log scale and how many rows were blank
 * in each column. Numbers in the language's format (core/number-format.ts); cluster labels as the engine made them.
 */
import type { ReactElement } from 'react';
import { profileCaption, profileHeading, profileNotes, type ClusterProfile } from '../core/engine/cluster-profile.js';
import { label, type Lang } from '../core/labels.js';
import { formatCount, formatPercent, formatSignificant } from '../core/number-format.js';

export interface ProfileTableProps {
  readonly profile: ClusterProfile;
  readonly lang: Lang;
}

const CELL = { padding: '2px 4px', borderBottom: '1px solid #eee', textAlign: 'right' } as const;
const FIRST_CELL = { ...CELL, textAlign: 'left', fontWeight: 'normal' } as const;
const NUMBER_CELL = { ...CELL, whiteSpace: 'nowrap' } as const;

export function ProfileTable({ profile, lang }: ProfileTableProps): ReactElement {
  const total = profile.clusters.reduce((sum, c) => sum + c.size, 0);
  const notes = profileNotes(profile, lang);
  return (
    <div className="sk-profile" data-testid="cluster-profile">
      <p className="sk-note">{profileCaption(lang)}</p>
      {/* One column per cluster (k is small), one row per feature: it fits a narrow task pane however many features. */}
      <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <caption style={{ textAlign: 'left', fontWeight: 600 }}>{profileHeading(lang)}</caption>
          <thead>
            <tr>
              <td style={FIRST_CELL} />
              {profile.clusters.map((c) => (
                <th scope="col" style={NUMBER_CELL} key={c.label}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" style={FIRST_CELL}>
                {label('headerCustomers', lang)}
              </th>
              {profile.clusters.map((c) => (
                <td style={NUMBER_CELL} key={c.label}>
                  {formatCount(c.size, lang)} ({formatPercent(total ? c.size / total : 0, lang)})
                </td>
              ))}
            </tr>
            {profile.features.map((feature, j) => (
              <tr key={`${j}:${feature}`}>
                <th scope="row" style={FIRST_CELL}>
                  {feature}
                </th>
                {profile.clusters.map((c) => (
                  <td style={NUMBER_CELL} key={c.label}>
                    {formatSignificant(c.means[j] ?? Number.NaN, lang)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {notes.length > 0 && (
        <ul className="sk-hint" data-testid="cluster-profile-notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
