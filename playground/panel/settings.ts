/**
 * The side panel's settings in the playground: kept in the browser's storage under one key (its tags and language).
 * No HyperFormula here: the page's main thread reads them without loading the workbook's engine.
 */
import type { PanelSettings } from '../../panel/host.js';
import { PANEL_SETTINGS_KEY } from './settings-key.js';

export interface SettingsStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * The settings kept in `store`; none kept (or unreadable): no tags, the page's language.
 *
 * @example loadPanelSettings(window.localStorage) // { customTags: [], lang: 'vi' }
 * Cost: O(size of what is kept).
 */
export function loadPanelSettings(store: SettingsStore | undefined): PanelSettings {
  try {
    const saved = JSON.parse(store?.getItem(PANEL_SETTINGS_KEY) ?? '{}') as Partial<PanelSettings>;
    return {
      customTags: Array.isArray(saved.customTags) ? saved.customTags.filter((t) => typeof t === 'string') : [],
      ...(saved.lang === 'en' || saved.lang === 'vi' ? { lang: saved.lang } : {}),
    };
  } catch {
    return { customTags: [] };
  }
}

/** Keeps the settings in `store`. */
export function savePanelSettings(store: SettingsStore | undefined, settings: PanelSettings): void {
  store?.setItem(PANEL_SETTINGS_KEY, JSON.stringify(settings));
}
