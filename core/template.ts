/**
 * The one `{name}` template filler, for every message and text in both languages: the error catalog, the panel's
 * messages and texts, the order-line texts, the task pane and the playground. A placeholder whose value is missing
 * stays as written (`{name}`), so a forgotten value shows in the text instead of "undefined". O(length).
 *
 * @example fillTemplate('{n} lines without a {what}', { n: 3 }) // → '3 lines without a {what}'
 */
const PLACEHOLDER = /\{(\w+)\}/g;

/** The template with each `{name}` replaced by `values[name]` (numbers as `String` writes them). */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number | undefined>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}
