/// <reference types="office-js" />
/**
 * The task pane: how to use the SEG formulas and a reference of every function, generated from the catalog,
 * in English or Vietnamese (from Office's display language, switchable), with a button that inserts a
 * function's example at the selected cell. In Excel the side panel (panel/) is mounted above it, and its language
 * choice is the pane's: one setting (reference.ts LANG_KEY), one switch (the panel's), the reference following it.
 * Built only with DOM calls and textContent (no HTML strings), so catalog text can never become markup.
 */
import { paramHelp, type FunctionSpec, type Lang } from '../core/index.js';
import { mountPanel } from '../panel/mount.js';
import type { ExcelRun, OfficeDocumentSettings } from './excel-api.js';
import { createExcelHost } from './excel-panel-host.js';
import {
  TEXT,
  excelFormula,
  excelSignature,
  fill,
  findFunctions,
  langFor,
  saveLanguage,
  savedLanguage,
  watchLanguage,
  type PaneText,
} from './reference.js';

interface State {
  lang: Lang;
  query: string;
  inExcel: boolean;
  /** The side panel is mounted above: its language select is the one switch, the reference has none. */
  withPanel: boolean;
  readonly open: Set<string>;
}

const state: State = { lang: 'en', query: '', inExcel: false, withPanel: false, open: new Set() };

type Child = Node | string | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/** The pane's localStorage, or none when the browser refuses it. */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function languageToggle(text: PaneText): HTMLElement {
  const group = el('div', { class: 'lang', role: 'group', 'aria-label': text.language });
  for (const [lang, label] of [
    ['en', 'English'],
    ['vi', 'Tiếng Việt'],
  ] as const) {
    const button = el('button', { type: 'button', lang, 'aria-pressed': String(state.lang === lang) }, label);
    button.addEventListener('click', () => {
      if (state.lang === lang) return;
      state.lang = lang;
      saveLanguage(storage(), lang);
      render();
    });
    group.append(button);
  }
  return group;
}

function howToUse(text: PaneText): HTMLElement {
  const list = el('ol', { class: 'steps' });
  for (const step of text.steps) {
    list.append(el('li', {}, step.text, step.formula && el('code', { class: 'formula' }, step.formula)));
  }
  return el('section', {}, el('h2', {}, text.howTitle), list, el('p', { class: 'result' }, text.separators));
}

async function insertExample(formula: string, status: HTMLElement): Promise<void> {
  const text = TEXT[state.lang];
  const say = (message: string, kind: 'ok' | 'warn'): void => {
    status.textContent = message;
    status.className = `status ${kind}`;
  };
  try {
    await Excel.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load(['address', 'formulas']);
      await context.sync();
      const address = cell.address.replace(/^.*!/, '');
      const current: unknown = cell.formulas[0]?.[0];
      if (current !== '' && current !== null && current !== undefined) {
        say(fill(text.notEmpty, { address }), 'warn');
        return;
      }
      cell.formulas = [[formula]];
      await context.sync();
      say(fill(text.inserted, { address }), 'ok');
    });
  } catch (error) {
    say(fill(text.failed, { message: error instanceof Error ? error.message : String(error) }), 'warn');
  }
}

function functionEntry(spec: FunctionSpec, text: PaneText): HTMLElement {
  const lang = state.lang;
  const params = el('table', { 'aria-label': text.arguments });
  for (const p of spec.params) {
    params.append(
      el(
        'tr',
        {},
        el(
          'th',
          { scope: 'row' },
          el('code', {}, p.name),
          p.optional && el('span', { class: 'optional' }, text.optional),
        ),
        el('td', {}, paramHelp(p, lang)),
      ),
    );
  }
  const formula = excelFormula(spec.example.formula);
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  let insert: HTMLButtonElement | undefined;
  if (state.inExcel) {
    insert = el('button', { type: 'button', class: 'insert' }, text.insert);
    insert.addEventListener('click', () => void insertExample(formula, status));
  }
  const signature = excelSignature(spec);
  const open = signature.indexOf('(');
  const details = el(
    'details',
    {},
    el(
      'summary',
      {},
      el('span', { class: 'name' }, signature.slice(0, open)),
      el('span', { class: 'params' }, signature.slice(open)),
    ),
    el(
      'div',
      {},
      el('p', {}, spec.summary[lang]),
      el('strong', {}, text.arguments),
      params,
      el('strong', {}, text.example),
      el('code', { class: 'formula' }, formula),
      el('p', { class: 'result' }, fill(text.gives, { result: spec.example.result })),
      insert,
      status,
    ),
  );
  details.open = state.open.has(spec.name);
  details.addEventListener('toggle', () => {
    if (details.open) state.open.add(spec.name);
    else state.open.delete(spec.name);
  });
  return details;
}

function renderList(list: HTMLElement): void {
  const text = TEXT[state.lang];
  const found = findFunctions(state.query, state.lang);
  list.replaceChildren(
    ...(found.length > 0
      ? found.map((spec) => functionEntry(spec, text))
      : [el('p', { class: 'empty' }, fill(text.noMatch, { query: state.query.trim() }))]),
  );
}

function render(): void {
  const text = TEXT[state.lang];
  document.documentElement.lang = state.lang;
  const list = el('div', { id: 'functions' });
  const search = el('input', { type: 'search', placeholder: text.search, 'aria-label': text.search });
  search.value = state.query;
  search.addEventListener('input', () => {
    state.query = search.value;
    renderList(list);
  });
  renderList(list);
  const app = document.getElementById('app');
  if (!app) return;
  app.replaceChildren(
    el(
      'header',
      {},
      el('img', { src: 'assets/icon-32.png', alt: '' }),
      el('div', {}, el('h1', {}, 'SegmentKit'), el('p', {}, text.tagline)),
      !state.withPanel && languageToggle(text),
    ),
    el(
      'main',
      {},
      howToUse(text),
      el('section', {}, el('h2', {}, text.functionsTitle), search, list),
      el('footer', {}, !state.inExcel && el('p', {}, text.outsideExcel), el('p', {}, text.privacy)),
    ),
  );
}

function start(displayLanguage: string | undefined, inExcel: boolean, withPanel = false): void {
  state.lang = savedLanguage(storage()) ?? langFor(displayLanguage);
  state.inExcel = inExcel;
  state.withPanel = withPanel;
  render();
}

/** The panel switched language: the reference follows. */
function follow(lang: Lang): void {
  if (lang === state.lang) return;
  state.lang = lang;
  render();
}

if (typeof Office !== 'undefined') {
  void Office.onReady((info) => {
    let displayLanguage: string | undefined;
    try {
      displayLanguage = Office.context?.displayLanguage;
    } catch {
      displayLanguage = undefined;
    }
    const inExcel = info.host === Office.HostType.Excel;
    const panel = document.getElementById('panel');
    const withPanel = inExcel && panel !== null;
    if (withPanel) {
      mountPanel(
        panel,
        createExcelHost({
          run: Excel.run as unknown as ExcelRun,
          documentSettings: Office.context.document.settings as unknown as OfficeDocumentSettings,
          userStore: watchLanguage(storage(), follow),
        }),
        displayLanguage,
      );
    }
    start(displayLanguage ?? navigator.language, inExcel, withPanel);
  });
} else {
  // Office.js did not load (opened outside Office, offline): the reference still works.
  start(navigator.language, false);
}
