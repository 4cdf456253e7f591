/** The last apply in this document, named in the language (never by an internal id), and the button that undoes it. */
import { Button } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Lang } from '../../core/labels.js';
import type { LastApply } from '../host.js';
import { actionName, text } from '../i18n.js';

/** A long result header, cut for the undo line. */
export const shorten = (header: string): string => (header.length > 40 ? `${header.slice(0, 39)}…` : header);

export interface UndoBarProps {
  readonly lastApply: LastApply;
  readonly lang: Lang;
  readonly busy: boolean;
  readonly onUndo: () => void;
}

export function UndoBar({ lastApply, lang, busy, onUndo }: UndoBarProps): ReactElement {
  const what = `${actionName(lastApply.method, lang)} → ${shorten(lastApply.header)}`;
  return (
    <div className="sk-undo">
      <span className="sk-hint">{text(lastApply.unfinished ? 'undoUnfinished' : 'undoWhat', lang, { what })}</span>
      <Button data-testid="undo" disabled={busy} onClick={onUndo}>
        {text(lastApply.unfinished ? 'finishUndo' : 'undo', lang)}
      </Button>
    </div>
  );
}
