import { BLANK, answers, column, problem, type HostCase } from './types.js';

export const KMEANS_CASES: HostCase[] = [
  {
    fn: 'KMEANS_CLUSTER',
    title: 'catalog example: k chosen by silhouette, cluster 1 the largest',
    args: [column(1, 2, 3, 20, 21, 50)],
    expect: answers(1, 1, 1, 2, 2, 3),
  },
  {
    fn: 'KMEANS_CLUSTER',
    title: 'two features in different units, k given, equal sizes numbered by their first row in sorted order',
    args: [
      [
        [30, 5_500_000],
        [1, 5_000_000],
        [31, 4_500_000],
        [2, 6_000_000],
        [29, 6_000_000],
        [1, 4_000_000],
      ],
      2,
      7,
    ],
    expect: answers(2, 1, 2, 1, 2, 1),
  },
  {
    fn: 'KMEANS_CLUSTER',
    title: 'a wholly blank row is blank; a partly blank row is clustered on its other column; text is a row problem',
    args: [
      [
        [1, 1],
        [BLANK, BLANK],
        [2, 1],
        [1, BLANK],
        [50, 50],
        ['lots', 51],
        [51, 50],
        [1, 2],
        [50, 51],
      ],
    ],
    expect: answers(1, '', 1, 1, 2, problem('features, column 1, row 6 of the range: "lots" is not a number'), 2, 1, 2),
    blanksMayBeZero: false,
  },
  {
    fn: 'KMEANS_CLUSTER',
    title: 'k above the number of readable rows',
    args: [column(1, 2, 3), 4],
    expect: { error: 'k must be a whole number from 2 to 3' },
  },
  {
    fn: 'KMEANS_CLUSTER',
    title: 'seed not a whole number',
    args: [column(1, 2, 3), undefined, 0.5],
    expect: { error: 'seed must be a whole number' },
  },
  {
    fn: 'KMEANS_CLUSTER',
    title: 'too few readable rows to choose k',
    args: [column(1, 'x', 2)],
    expect: { error: 'features needs at least 3 readable rows; it has 2' },
  },
];
