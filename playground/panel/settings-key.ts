/** The one localStorage key of the playground's settings: the panel's and the page's language, the user's own tags. */
export const PANEL_SETTINGS_KEY = 'segmentkit.panel';
