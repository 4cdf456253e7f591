/**
 * One language at a time, below the browser: the grid writes numbers as the chosen language does, the page's status
 * figures too, the Excel reference and the panel keep one language setting, a method's whole-call problem reaches
 * the panel in the user's language, the Sheets sidebar's own failures are said in it, and the word lists the
 * browser test compares pages with find an English word on a Vietnamese page and nothing in a Vietnamese one.
 */
import { describe, expect, it } from 'vitest';
import { PanelError } from '../core/engine/messages.js';
import { describeProblem, SegmentKitError } from '../core/errors.js';
import { label } from '../core/labels.js';
import { LANG_KEY, savedLanguage, saveLanguage, watchLanguage } from '../addin/reference.js';
import { createExcelHost } from '../addin/excel-panel-host.js';
import { callServer } from '../apps-script/sidebar/google-host.js';
import { text } from '../panel/i18n.js';
import { formatNumber, general, gridLanguage, setGridLanguage } from '../playground/engine/format.js';
import type { Workbook } from '../playground/engine/workbook.js';
import { createPlaygroundHost } from '../playground/panel/host.js';
import { countOf, formatCount, uiText } from '../playground/ui/i18n.js';
import { PANEL_SETTINGS_KEY, pageLanguage } from '../playground/ui/language.js';
import { findFragments, fragmentsOf, languageFragments } from './browser/language-tables.js';

/** A Storage as the browser has it, as far as the hosts use it. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe('the grid writes numbers in the chosen language', () => {
  it.each([
    ['vnd', 217_785_000, '217,785,000 ₫', '217.785.000 ₫'],
    ['percent', 0.5083, '50.8%', '50,8%'],
    ['percent', -0.1528, '-15.3%', '-15,3%'],
    ['percent', 1.5, '150%', '150%'],
    ['integer', 20_497, '20,497', '20.497'],
    ['decimal', 1016.5, '1,016.50', '1.016,50'],
    ['ratio', 4.25, '4.3×', '4,3×'],
    [undefined, 0.4062780522, '0.4062780522', '0,4062780522'],
    [undefined, 1234567, '1234567', '1234567'],
  ] as const)('%s %d', (format, value, en, vi) => {
    expect(formatNumber(value, 'NUMBER_RAW', format, 'en')).toBe(en);
    expect(formatNumber(value, 'NUMBER_RAW', format, 'vi')).toBe(vi);
  });

  it("follows the page's language when none is given, and keeps dates in ISO form", () => {
    const before = gridLanguage();
    try {
      setGridLanguage('vi');
      expect(formatNumber(0.5083, 'NUMBER_PERCENT', undefined)).toBe('50,8%');
      expect(general(2.5)).toBe('2,5');
      expect(formatNumber(45_658, 'NUMBER_DATE', 'vnd')).toBe('2025-01-01');
      setGridLanguage('en');
      expect(formatNumber(0.5083, 'NUMBER_PERCENT', undefined)).toBe('50.8%');
    } finally {
      setGridLanguage(before);
    }
  });

  it("writes the status bar's figures and counts the same way", () => {
    expect(formatCount(4906.456, 'vi')).toBe('4.906,46');
    expect(formatCount(4906.456, 'en')).toBe('4,906.46');
    expect(countOf(4906, 'row', 'vi')).toBe('4.906 dòng');
    expect(uiText('sum', 'vi', { value: formatCount(217_785_000, 'vi') })).toBe('Tổng 217.785.000');
  });
});

describe('Excel: one language setting for the panel and the function reference', () => {
  it('the reference reads the key the panel saves under', async () => {
    const store = memoryStorage();
    const settings = new Map<string, unknown>();
    const host = createExcelHost({
      run: (() => Promise.reject(new Error('no workbook in this test'))) as never,
      documentSettings: {
        get: (key: string) => settings.get(key) ?? null,
        set: (key: string, value: unknown) => void settings.set(key, value),
        remove: (key: string) => void settings.delete(key),
        saveAsync: (callback?: (result: { status: string }) => void) => callback?.({ status: 'succeeded' }),
      } as never,
      userStore: store,
    });
    await host.saveSettings({ lang: 'vi', customTags: [] });
    expect(savedLanguage(store)).toBe('vi');
    saveLanguage(store, 'en');
    expect((await host.loadSettings()).lang).toBe('en');
    expect([...store.items.keys()]).toEqual([LANG_KEY]);
  });

  it("the panel's switch reaches the reference, even when the browser refuses to save", () => {
    const heard: string[] = [];
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = watchLanguage(refusing, (lang) => heard.push(lang));
    expect(() => store.setItem(LANG_KEY, 'vi')).toThrow('QuotaExceededError');
    expect(heard).toEqual(['vi']);
    // Other keys and other values are not a language.
    const kept = watchLanguage(memoryStorage(), (lang) => heard.push(lang));
    kept.setItem('segmentkit.other', 'en');
    kept.setItem(LANG_KEY, 'fr');
    expect(heard).toEqual(['vi']);
    expect(kept.getItem(LANG_KEY)).toBe('fr');
  });

  it("moves the reference's older key over to the shared one", () => {
    const store = memoryStorage();
    store.setItem('segmentkit.lang', 'vi');
    expect(savedLanguage(store)).toBe('vi');
    expect(store.getItem(LANG_KEY)).toBe('vi');
  });
});

describe("messages in the user's language", () => {
  it("a method's whole-call problem reaches the panel in Vietnamese, also through the Sheets bridge", () => {
    const problem = new SegmentKitError('tooFewRows', { arg: 'features', min: 3, count: 2 });
    const inPage = PanelError.from(problem);
    expect(inPage?.messageIn('vi')).toBe(problem.messageIn('vi'));
    expect(inPage?.messageIn('en')).toBe(problem.message);
    // google.script.run keeps only an error's message.
    const bridged = PanelError.from(new Error(PanelError.ofProblem(problem).message));
    expect(bridged?.messageIn('vi')).toBe(problem.messageIn('vi'));
  });

  it("the sidebar's own failures are PanelErrors, said in the panel's language", async () => {
    const error = await callServer('segmentkitLastApply').catch((e: unknown) => e);
    expect(PanelError.from(error)?.messageIn('vi')).toMatch(/^Bảng này không kết nối được với Google Sheets/);
  });

  it('registered customers who never bought get a neutral label, not a judgement', () => {
    expect(text('unreliableLabel', 'vi')).toBe('Đăng ký, chưa mua');
    expect(text('presetUnreliable', 'vi')).not.toMatch(/đáng tin/i);
    expect(label('headerSegment', 'vi')).toBe('Phân khúc');
  });
});

describe('the word lists of the browser test', () => {
  it('cuts entries at their placeholders and trims punctuation', () => {
    expect(fragmentsOf('{n} rows could not be read')).toEqual(['rows could not be read']);
    expect(fragmentsOf('Row {row}: {message}')).toEqual(['Row']);
    expect(fragmentsOf('{rows} × {columns}')).toEqual([]);
  });

  it('finds an English word on a Vietnamese page, whole words only', () => {
    const english = languageFragments('en');
    const page = ['Lần áp dụng gần nhất: Phân khúc ABC', 'Tổng 1.234', '12 rows could not be read'];
    expect(findFragments(page, english).map((f) => f.fragment)).toEqual(['rows could not be read']);
    expect(findFragments(['Tiếp theo', 'SegmentKit', 'RFM (mỗi khách một dòng)'], english)).toEqual([]);
  });

  it('finds a Vietnamese word on an English page', () => {
    const vietnamese = languageFragments('vi');
    expect(findFragments(['Sum 1,234', 'Đang nhập orders.csv…'], vietnamese).map((f) => f.keys[0])).toContain(
      'playground.importing',
    );
    expect(findFragments(['Sum 1,234', 'Name box: type a cell address'], vietnamese)).toEqual([]);
  });
});

describe('messages name arguments as the user knows them', () => {
  const blank = { code: 'notANumber', params: { arg: 'features, column 2', row: 4, text: 'abc' } } as const;

  it("says a matrix's column in Vietnamese, and keeps the formula's parameter name", () => {
    expect(describeProblem(blank, 'vi')).toMatch(/^features, cột 2, /);
    expect(describeProblem(blank, 'en')).toMatch(/^features, column 2, /);
  });

  it('uses the name the caller knows the argument by (the panel: the column header)', () => {
    const message = describeProblem(
      { code: 'tooFewRows', params: { arg: 'features', min: 3, count: 2 } },
      'vi',
      (arg) => (arg === 'features' ? 'Doanh thu, Số đơn' : undefined),
    );
    expect(message).toMatch(/^Doanh thu, Số đơn cần ít nhất 3 dòng/);
    expect(
      describeProblem({ code: 'tooFewRows', params: { arg: 'values', min: 3, count: 2 } }, 'vi', () => undefined),
    ).toMatch(/^values cần/);
  });
});

describe('the playground: the page and the panel share one language setting', () => {
  it("the panel's host saves where the page reads, and the page switches with it", async () => {
    const storage = memoryStorage();
    const page = pageLanguage(storage, 'en-US');
    const heard: string[] = [];
    page.subscribe(() => heard.push(page.current()));
    // The host keeps no reference to a workbook until a plan runs.
    const host = createPlaygroundHost({} as Workbook, page.store);
    await host.saveSettings({ lang: 'vi', customTags: ['VIP'] });
    expect(page.current()).toBe('vi');
    expect(heard).toEqual(['vi']);
    expect([...storage.items.keys()]).toEqual([PANEL_SETTINGS_KEY]);
    // A page opened later starts in the saved language, and so does the panel.
    expect(pageLanguage(storage, 'en-US').current()).toBe('vi');
    expect((await createPlaygroundHost({} as Workbook, storage).loadSettings()).lang).toBe('vi');
  });
});
