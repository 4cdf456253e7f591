/**
 * What a k-means preview and summary sheet show so the user can name the clusters: each cluster's size and the
 * mean of each feature in the feature's own units, which features were clustered on a log scale, and how many
 * rows were blank in each feature. Built from what KMEANS_CLUSTER reported (its `kmeans` details), never
 * recomputed, with the features named by their headers and the clusters by their labels in the user's language.
 */
import type { FunctionDetails } from '../catalog/types.js';
import { clusterLabel, type Lang } from '../labels.js';
import { formatCount } from '../number-format.js';

export interface ClusterProfile {
  /** The feature columns' headers, in the order the features were given. */
  readonly features: readonly string[];
  /** Per feature, whether it was clustered on a log scale (skewed positive money). */
  readonly logScaled: readonly boolean[];
  /** Per feature, how many rows were blank there and so left out of that feature's scaling. */
  readonly blanks: readonly number[];
  /**
   * Per cluster, in label order: its label, its size and the mean of each feature in the feature's own units
   * (NaN when every row of the cluster is blank in that feature).
   */
  readonly clusters: readonly {
    readonly label: string;
    readonly size: number;
    readonly means: readonly number[];
  }[];
}

type KmeansDetails = Extract<FunctionDetails, { kind: 'kmeans' }>;

/** The profile of the k-means details among `details`, features named by `headers`; undefined when none. */
export function clusterProfileOf(
  details: readonly FunctionDetails[],
  headers: readonly string[],
  lang: Lang,
): ClusterProfile | undefined {
  const found = details.find((d): d is KmeansDetails => d.kind === 'kmeans');
  if (!found) return undefined;
  return {
    features: headers,
    logScaled: found.logScaled,
    blanks: found.blanks,
    clusters: found.clusters.map((c, i) => ({ label: clusterLabel(i + 1, lang), size: c.size, means: c.means })),
  };
}

/** The features clustered on a log scale, by header. */
function logScaledFeatures(profile: ClusterProfile): string[] {
  return profile.features.filter((_, j) => profile.logScaled[j]);
}

export const PROFILE_WORDS = {
  caption: {
    en: 'A cluster is a group of customers who look alike on these columns. Name each cluster from its averages.',
    vi: 'Mỗi cụm là một nhóm khách hàng giống nhau trên các cột này. Hãy đặt tên cho từng cụm dựa vào các giá trị trung bình của nó.',
  },
  averages: { en: 'Averages per cluster', vi: 'Giá trị trung bình của từng cụm' },
  logScaled: {
    en: '{features} clustered on a log scale, so a few very large values do not make a cluster of their own.',
    vi: '{features} được phân cụm theo thang log, để vài giá trị rất lớn không tự thành một cụm riêng.',
  },
  blanks: {
    en: '{feature}: {n} blank rows, placed at the column’s average and still clustered.',
    vi: '{feature}: {n} dòng trống, được đặt ở mức trung bình của cột và vẫn được phân cụm.',
  },
  and: { en: 'and', vi: 'và' },
} as const satisfies Record<string, Record<Lang, string>>;

/** "A", "A and B", "A, B and C" in the language. */
function joinNames(names: readonly string[], lang: Lang): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${PROFILE_WORDS.and[lang]} ${names[names.length - 1] as string}`;
}

/** What a cluster is, for the caption of the profile table. */
export function profileCaption(lang: Lang): string {
  return PROFILE_WORDS.caption[lang];
}

/** The heading of the means: "Averages per cluster". */
export function profileHeading(lang: Lang): string {
  return PROFILE_WORDS.averages[lang];
}

/**
 * The notes under the profile table: which features were clustered on a log scale ("Revenue clustered on a log
 * scale, …") and, per feature with blanks, how many rows were blank there; numbers in the language's format.
 */
export function profileNotes(profile: ClusterProfile, lang: Lang): string[] {
  const notes: string[] = [];
  const logged = logScaledFeatures(profile);
  if (logged.length > 0) notes.push(PROFILE_WORDS.logScaled[lang].replace('{features}', () => joinNames(logged, lang)));
  profile.features.forEach((feature, j) => {
    const n = profile.blanks[j] ?? 0;
    if (n > 0)
      notes.push(
        PROFILE_WORDS.blanks[lang].replace('{n}', () => formatCount(n, lang)).replace('{feature}', () => feature),
      );
  });
  return notes;
}
