/**
 * The page's language: the one chosen in the side panel (saved with its settings), else the browser's. The page
 * hands the panel's host a settings store that passes everything to the browser's storage and notes when the panel
 * saves a language, so the page switches with it.
 */
import { PANEL_SETTINGS_KEY } from '../panel/settings-key.js';
import type { Lang } from '../../core/labels.js';
import { defaultLang } from '../../panel/i18n.js';

/** The part of the browser's localStorage the panel's host uses. */
export interface SettingsStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Where playground/panel/host.ts keeps the panel's settings (`{ lang, customTags }` as JSON). */
export { PANEL_SETTINGS_KEY };

export interface PageLanguage {
  /** The store to give the panel's host. */
  readonly store: SettingsStore;
  current(): Lang;
  subscribe(listener: () => void): () => void;
}

function savedLang(json: string | null): Lang | undefined {
  try {
    const lang = (JSON.parse(json ?? '{}') as { lang?: unknown }).lang;
    return lang === 'en' || lang === 'vi' ? lang : undefined;
  } catch {
    return undefined;
  }
}

export function pageLanguage(storage: SettingsStore | undefined, browserLanguage: string | undefined): PageLanguage {
  let lang = savedLang(storage?.getItem(PANEL_SETTINGS_KEY) ?? null) ?? defaultLang(browserLanguage);
  const listeners = new Set<() => void>();
  return {
    store: {
      getItem: (key) => storage?.getItem(key) ?? null,
      setItem(key, value) {
        // The panel has switched already, even when the browser refuses to save.
        const next = key === PANEL_SETTINGS_KEY ? savedLang(value) : undefined;
        if (next && next !== lang) {
          lang = next;
          for (const listener of listeners) listener();
        }
        storage?.setItem(key, value);
      },
    },
    current: () => lang,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
