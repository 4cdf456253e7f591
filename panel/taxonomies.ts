/** Tag lists the panel offers for manual tagging, besides the user's own list kept in the document. */
import type { Lang } from '../core/labels.js';

export type TaxonomyId = 'buyingRoles' | 'personalities' | 'own';

export const TAXONOMIES: Record<Exclude<TaxonomyId, 'own'>, Record<Lang, readonly string[]>> = {
  buyingRoles: {
    en: ['Decision maker', 'Influencer', 'Gatekeeper', 'User', 'Buyer'],
    vi: ['Người quyết định', 'Người ảnh hưởng', 'Người gác cổng', 'Người sử dụng', 'Người mua'],
  },
  personalities: {
    en: ['Dominant', 'Influential', 'Steady', 'Conscientious'],
    vi: ['Quyết đoán', 'Ảnh hưởng', 'Kiên định', 'Tuân thủ'],
  },
};

/** Adds a tag to the user's list (trimmed; no duplicates, ignoring case). */
export function withTag(tags: readonly string[], tag: string): string[] {
  const clean = tag.trim();
  if (clean === '' || tags.some((t) => t.toLocaleLowerCase('vi') === clean.toLocaleLowerCase('vi'))) return [...tags];
  return [...tags, clean];
}
