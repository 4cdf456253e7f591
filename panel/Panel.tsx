/**
 * The side panel: a five-step wizard (table, method, columns and options, preview, apply) with undo, the same in
 * Excel, Google Sheets and the playground. It talks to the spreadsheet only through a PanelHost. This file only
 * composes: the state machine is panel/wizard/reducer.ts, the host calls panel/wizard/controller.ts, and each step
 * and bar has its own component under panel/wizard/.
 */
import type { ReactElement } from 'react';
import { formatCount } from '../core/number-format.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { OpenOrderFile, offersOrderFile } from './order-file/OpenOrderFile.js';
import type { PanelHost } from './host.js';
import { defaultLang, text } from './i18n.js';
import { writesCustomerTable } from './plan-builder.js';
import { ApplyStep } from './wizard/ApplyStep.js';
import { ColumnsStep } from './wizard/ColumnsStep.js';
import { MethodStep } from './wizard/MethodStep.js';
import { PanelFooter } from './wizard/PanelFooter.js';
import { PanelHeader } from './wizard/PanelHeader.js';
import { PANEL_CSS } from './wizard/panel-css.js';
import { PreviewStep } from './wizard/PreviewStep.js';
import { RangeStep } from './wizard/RangeStep.js';
import { freshPreview, isBusy, previewIsStale, type Step } from './wizard/reducer.js';
import { RunMessage } from './wizard/RunMessage.js';
import { warehouseQuery } from './warehouse-sql.js';
import { StepList } from './wizard/StepList.js';
import { UndoBar } from './wizard/UndoBar.js';
import { usePanelController, type PanelController } from './wizard/use-panel-controller.js';

export interface PanelProps {
  readonly host: PanelHost;
  /** The host's display language (Office's, the browser's), used until the user picks one. */
  readonly displayLanguage?: string;
}

function StepBody({
  controller,
  host,
}: {
  readonly controller: PanelController;
  readonly host: PanelHost;
}): ReactElement {
  const { state, dispatch, actions } = controller;
  const { lang, phase, choices } = state;
  const busy = isBusy(phase);
  const preview = freshPreview(state);
  // An order file's customer sheet was written: the undo bar offers it.
  const refreshUndo = (): void =>
    void host.lastApply().then(
      (lastApply) => dispatch({ type: 'lastApply', lastApply }),
      () => undefined,
    );
  switch (state.step) {
    case 'range':
      return (
        <>
          <RangeStep table={state.table} lang={lang} busy={busy} onDetect={() => void actions.detect()} />
          {/* Until a table is found (a workbook left empty because the orders do not fit in it has none). */}
          {!state.table && offersOrderFile(host) && <OpenOrderFile host={host} lang={lang} onWritten={refreshUndo} />}
        </>
      );
    case 'method':
      return (
        <MethodStep
          method={choices.method}
          lang={lang}
          onChoose={(method) => dispatch({ type: 'method', method })}
          host={host}
          onOrderFileWritten={refreshUndo}
        />
      );
    case 'columns':
      return <ColumnsStep {...controller} />;
    case 'preview':
      return (
        <PreviewStep
          preview={preview}
          stale={previewIsStale(state)}
          previewing={phase.kind === 'previewing'}
          busy={busy}
          lang={lang}
          onConvert={(column, order) => void actions.convert(column, order)}
          onPreviewAgain={() => void actions.preview()}
        />
      );
    case 'apply':
      return (
        <ApplyStep
          lang={lang}
          phase={phase}
          busy={busy}
          colorRows={choices.colorRows}
          summary={choices.summary}
          customerTable={writesCustomerTable(choices.method)}
          nothingUsable={preview?.usable === 0}
          applied={state.outcome?.kind === 'applied' ? state.outcome.result : undefined}
          warehouse={host.kind === 'sheets' ? warehouseQuery(choices, lang) : undefined}
          onColorRows={(on) => dispatch({ type: 'colorRows', on })}
          onSummary={(on) => dispatch({ type: 'summary', on })}
          onApply={() => void actions.apply(false)}
          onCancel={actions.cancel}
        />
      );
  }
}

export function SegmentKitPanel({ host, displayLanguage }: PanelProps): ReactElement {
  const controller = usePanelController(host, () =>
    defaultLang(displayLanguage ?? (typeof navigator === 'undefined' ? undefined : navigator.language)),
  );
  const { state, dispatch, actions } = controller;
  const { lang, phase } = state;
  const busy = isBusy(phase);
  // Going to the preview step previews the choices on show (unless the preview on show is of them already).
  const goTo = (step: Step): void => {
    if (step === 'preview' && !freshPreview(state)) void actions.preview();
    else dispatch({ type: 'goTo', step });
  };

  return (
    <div className="sk-panel" data-testid="segmentkit-panel" lang={lang}>
      <style>{PANEL_CSS}</style>
      <PanelHeader lang={lang} onLang={actions.changeLanguage} />
      <StepList step={state.step} lang={lang} hasTable={state.table !== undefined} busy={busy} onStep={goTo} />
      <RunMessage outcome={state.outcome} lang={lang} />
      <StepBody controller={controller} host={host} />
      <PanelFooter
        step={state.step}
        lang={lang}
        busy={busy}
        canNext={state.step !== 'range' || state.table !== undefined}
        onStep={goTo}
        onPreview={() => void actions.preview()}
      />
      {state.lastApply && (
        <UndoBar lastApply={state.lastApply} lang={lang} busy={busy} onUndo={() => void actions.undo(false)} />
      )}
      <ConfirmDialog
        body={
          phase.kind === 'confirmingUndo'
            ? text('undoConfirmBody', lang, { n: formatCount(phase.changed, lang) })
            : undefined
        }
        title={text('undoConfirmTitle', lang)}
        confirm={text('undoAnyway', lang)}
        keep={text('keep', lang)}
        testId="confirm-undo"
        onConfirm={() => void actions.undo(true)}
        onKeep={() => dispatch({ type: 'dismissed' })}
      />
      <ConfirmDialog
        body={
          phase.kind === 'confirmingOverwrite'
            ? text('confirmBody', lang, { n: formatCount(phase.nonEmpty, lang), target: phase.target })
            : undefined
        }
        title={text('confirmTitle', lang)}
        confirm={text('replace', lang)}
        keep={text('keep', lang)}
        testId="confirm-replace"
        onConfirm={() => void actions.apply(true)}
        onKeep={() => dispatch({ type: 'dismissed' })}
      />
    </div>
  );
}
