/**
 * A tone for each segment label the formulas write (English and Vietnamese), so a segment column reads at a glance:
 * good (keep and grow), steady, watch (act soon), low (little value or gone). Other text keeps the default look.
 */
import { LABELS, type LabelKey } from '../../core/index.js';

export type Tone = 'good' | 'steady' | 'watch' | 'low';

const TONE_OF_KEY: Partial<Record<LabelKey, Tone>> = {
  abcA: 'good',
  abcB: 'steady',
  abcC: 'low',
  xyzX: 'good',
  xyzY: 'steady',
  xyzZ: 'watch',
  bcgStar: 'good',
  bcgCashCow: 'steady',
  bcgQuestionMark: 'watch',
  bcgDog: 'low',
  priorityFocus: 'good',
  priorityBuild: 'steady',
  priorityOpportunistic: 'watch',
  priorityDeprioritise: 'low',
  tierTop: 'good',
  tierLarge: 'good',
  tierMedium: 'steady',
  tierSmall: 'low',
  tierInactive: 'low',
  stageProspect: 'steady',
  stageLost: 'low',
  stageAtRisk: 'watch',
  stageNew: 'steady',
  stageEvangelist: 'good',
  stageLoyal: 'good',
  stageActive: 'steady',
  rfmChampions: 'good',
  rfmLoyalCustomers: 'good',
  rfmPotentialLoyalist: 'steady',
  rfmPromising: 'steady',
  rfmNewCustomers: 'steady',
  rfmCantLoseThem: 'watch',
  rfmAtRisk: 'watch',
  rfmNeedAttention: 'watch',
  rfmAboutToSleep: 'watch',
  rfmLost: 'low',
  rfmOthers: 'low',
};

const TONES = new Map<string, Tone>();
for (const [key, tone] of Object.entries(TONE_OF_KEY) as [LabelKey, Tone][]) {
  for (const text of Object.values(LABELS[key])) if (!TONES.has(text)) TONES.set(text, tone);
}

export function toneOf(text: string): Tone | undefined {
  return TONES.get(text);
}

/** Cell colours per tone: a light background and a darker text of the same hue. */
export const TONE_COLORS: Record<Tone, { readonly bg: string; readonly fg: string }> = {
  good: { bg: '#e3f4e8', fg: '#0e6b36' },
  steady: { bg: '#e6f0fb', fg: '#1b4f8a' },
  watch: { bg: '#fdf1dc', fg: '#8a5300' },
  low: { bg: '#f3f2f1', fg: '#605e5c' },
};
