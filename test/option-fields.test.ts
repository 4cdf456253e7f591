/**
 * The option fields as rendered: a date parameter (`as_of`) gets the browser's date picker holding ISO text, read
 * from what the user typed in their own writing; the other parameters stay text fields.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { methodSpec } from '../core/catalog/index.js';
import { OptionFields } from '../panel/OptionFields.js';

function render(values: Record<string, string>, lang: 'en' | 'vi' = 'vi'): string {
  return renderToStaticMarkup(
    createElement(OptionFields, { method: methodSpec('rfm'), lang, values, problems: {}, onChange: () => undefined }),
  );
}

/** The `<input>` of one option, as markup. */
function inputOf(html: string, param: string): string {
  const match = new RegExp(`<input[^>]*data-option="${param}"[^>]*>`).exec(html);
  if (!match) throw new Error(`no input for ${param}`);
  return match[0];
}

describe('OptionFields', () => {
  it('renders as_of as a date picker with the typed date as ISO', () => {
    const input = inputOf(render({ as_of: '22/09/2026' }), 'as_of');
    expect(input).toContain('type="date"');
    expect(input).toContain('value="2026-09-22"');
  });

  it('keeps what cannot be read as typed (the field shows its message), and blank as blank', () => {
    expect(inputOf(render({ as_of: 'hôm qua' }), 'as_of')).toContain('value="hôm qua"');
    expect(inputOf(render({}), 'as_of')).toContain('value=""');
  });

  it('leaves the number fields as text', () => {
    const html = render({});
    const bins = inputOf(html, 'bins');
    expect(bins).toContain('type="text"');
  });
});
