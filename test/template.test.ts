import { describe, expect, it } from 'vitest';
import { describeProblem, problem } from '../core/errors.js';
import { panelMessage } from '../core/engine/messages.js';
import { fillTemplate } from '../core/template.js';
import { text } from '../panel/i18n.js';
import { uiText } from '../playground/ui/i18n.js';
import { fill } from '../addin/reference.js';

describe('fillTemplate', () => {
  it('fills each {name}, numbers as String writes them', () => {
    expect(fillTemplate('{n} lines, rows {rows}', { n: 3, rows: '5, 9' })).toBe('3 lines, rows 5, 9');
    expect(fillTemplate('{a}{a}', { a: 0 })).toBe('00');
    expect(fillTemplate('{x}', { x: '' })).toBe('');
  });

  it('leaves a placeholder whose value is missing as written', () => {
    expect(fillTemplate('{n} lines without a {what}', { n: 3 })).toBe('3 lines without a {what}');
    expect(fillTemplate('{n}', { n: undefined })).toBe('{n}');
    expect(fillTemplate('no placeholder { n }', {})).toBe('no placeholder { n }');
  });

  it('is the filler of every catalog of texts, each leaving a missing value as {name}', () => {
    expect(describeProblem(problem('notANumber', {}), 'en')).toContain('"{text}"');
    expect(panelMessage('writeRefused', { range: 'C2:C9' }, 'en')).toContain('({why})');
    expect(fill('Inserted at {address}.', {})).toBe('Inserted at {address}.');
    expect(text('chartTitle', 'en')).toBe('Chart');
    expect(uiText('oldXls', 'en', {})).toMatch(/^\{file\} is an old \.xls file/);
  });
});
