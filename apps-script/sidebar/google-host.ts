/**
 * The side panel's host in the Google Sheets sidebar: every call goes to the server through `google.script.run`
 * (the typed bridge), since plans run next to the data. An apply polls its progress every half second and is
 * cancelled through the server, which puts back what it had changed.
 */
import { PanelError } from '../../core/engine/messages.js';
import type { ServerFunctionName, ServerFunctions } from '../bridge.js';
import type { PanelHost } from '../../panel/host.js';

type Handler = (value: unknown) => void;

/** `google.script.run`: a chain of handlers, then the server function by name. */
export interface ScriptRun {
  withSuccessHandler(handler: Handler): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
}

declare global {
  interface Window {
    google?: { script: { run: ScriptRun } };
  }
}

export const PROGRESS_POLL_MS = 500;

/** Calls a server function; its answer (or its Error) comes back as a promise. */
export function callServer<K extends ServerFunctionName>(
  name: K,
  ...args: Parameters<ServerFunctions[K]>
): Promise<ReturnType<ServerFunctions[K]>> {
  return new Promise((resolve, reject) => {
    const run = typeof window === 'undefined' ? undefined : window.google?.script.run;
    if (!run) {
      // Said in the panel's language, as every PanelError is.
      reject(new PanelError('noServer'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerFunctions[K]>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    const fn = (runner as unknown as Record<string, (...a: unknown[]) => void>)[name];
    if (typeof fn !== 'function') {
      reject(new PanelError('serverOutdated', { name }));
      return;
    }
    fn.apply(runner, args);
  });
}

export function createGoogleHost(): PanelHost {
  return {
    kind: 'sheets',
    detectTable: () => callServer('segmentkitDetectTable'),
    preview: (plan) => callServer('segmentkitPreview', plan),
    async apply(request, onProgress, signal) {
      const runId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const cancel = (): void => void callServer('segmentkitCancel', runId).catch(() => undefined);
      signal.addEventListener('abort', cancel, { once: true });
      const timer = setInterval(() => {
        void callServer('segmentkitProgress', runId)
          .then((progress) => progress && onProgress(progress))
          .catch(() => undefined);
      }, PROGRESS_POLL_MS);
      try {
        return await callServer('segmentkitApply', request, runId);
      } finally {
        clearInterval(timer);
        signal.removeEventListener('abort', cancel);
      }
    },
    convertDates: (request) => callServer('segmentkitConvertDates', request),
    lastApply: async () => (await callServer('segmentkitLastApply')) ?? undefined,
    undo: (confirmChanged = false) => callServer('segmentkitUndo', confirmChanged),
    loadSettings: () => callServer('segmentkitLoadSettings'),
    saveSettings: (settings) => callServer('segmentkitSaveSettings', settings),
  };
}
