/** What a k-means preview and summary sheet show so the user can name the clusters. */
export interface ClusterProfile {
  /** The feature columns' headers, in the order the features were given. */
  readonly features: readonly string[];
  /** Per feature, whether it was clustered on a log scale (skewed positive money). */
  readonly logScaled: readonly boolean[];
  /** Per feature, how many rows were blank there and so left out of that feature's scaling. */
  readonly blanks: readonly number[];
  /** Per cluster, in label order: its label, its size and the mean of each feature in the feature's own units. */
  readonly clusters: readonly {
    readonly label: string;
    readonly size: number;
    readonly means: readonly number[];
  }[];
}
