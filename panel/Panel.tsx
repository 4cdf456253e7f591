/**
 * The side panel: a five-step wizard (table, method, columns and options, preview, apply) with undo, the same in
 * Excel, Google Sheets and the playground. It talks to the spreadsheet only through a PanelHost.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { Lang } from '../core/labels.js';
import type { ColumnSpec } from '../core/catalog/method.js';
import { METHODS, methodSpec } from '../core/catalog/index.js';
import { guessMapping, guessRevenueSource } from '../core/engine/columns.js';
import type { DayMonthOrder } from '../core/dates.js';
import { countText } from '../core/engine/lines-text.js';
import { colorsFor } from '../core/engine/palette.js';
import type { MethodId, RevenueSource as Source } from '../core/engine/plan.js';
import type { PreviewResult } from '../core/engine/preview.js';
import type { RuleGroup } from '../core/engine/rules.js';
import type { Progress } from '../core/engine/apply.js';
import { a1, a1Range } from '../core/engine/sheet-io.js';
import type { TableInfo } from '../core/engine/table.js';
import { Chart } from './Chart.js';
import { ColumnSelect } from './ColumnSelect.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { PanelError } from '../core/engine/messages.js';
import type { ApplyResult, LastApply, PanelHost, PanelSettings } from './host.js';
import { actionName, defaultLang, text, type TextKey } from './i18n.js';
import { OptionFields } from './OptionFields.js';
import { buildPlan, type WizardChoices } from './plan-builder.js';
import { PreviewNotes } from './PreviewNotes.js';
import { riskPreset, unreliablePreset } from './presets.js';
import { RevenueSource } from './RevenueSource.js';
import { RuleBuilder } from './RuleBuilder.js';
import { TAXONOMIES, withTag, type TaxonomyId } from './taxonomies.js';

const STEPS = ['range', 'method', 'columns', 'preview', 'apply'] as const;
type Step = (typeof STEPS)[number];
const STEP_TEXT: Record<Step, TextKey> = {
  range: 'stepRange',
  method: 'stepMethod',
  columns: 'stepColumns',
  preview: 'stepPreview',
  apply: 'stepApply',
};
/** A long result header, cut for the undo line. */
const shorten = (header: string): string => (header.length > 40 ? `${header.slice(0, 39)}…` : header);
/** Runs shorter than this show no progress bar. */
const PROGRESS_DELAY_MS = 1000;

/** An error as the user reads it: the panel's own errors in the user's language, others as they came. */
const messageIn =
  (lang: Lang) =>
  (error: unknown): string =>
    PanelError.from(error)?.messageIn(lang) ?? (error instanceof Error ? error.message : String(error));

export interface PanelProps {
  readonly host: PanelHost;
  /** The host's display language (Office's, the browser's), used until the user picks one. */
  readonly displayLanguage?: string;
}

export function SegmentKitPanel({ host, displayLanguage }: PanelProps): ReactElement {
  const [lang, setLang] = useState<Lang>(() =>
    defaultLang(displayLanguage ?? (typeof navigator === 'undefined' ? undefined : navigator.language)),
  );
  const [settings, setSettings] = useState<PanelSettings>({ customTags: [] });
  const [step, setStep] = useState<Step>('range');
  const [table, setTable] = useState<TableInfo>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [method, setMethod] = useState<MethodId>('rfm');
  const [mapping, setMapping] = useState<Record<string, number | number[] | undefined>>({});
  const [revenueFrom, setRevenueFrom] = useState<Source>('column');
  const [options, setOptions] = useState<Partial<Record<string, string>>>({});
  const [ruleGroups, setRuleGroups] = useState<RuleGroup[]>([]);
  const [taxonomy, setTaxonomy] = useState<TaxonomyId>('buyingRoles');
  const [tag, setTag] = useState('');
  const [newTag, setNewTag] = useState('');
  const [outputHeader, setOutputHeader] = useState('');
  const [colorRows, setColorRows] = useState(true);
  const [summary, setSummary] = useState(false);
  const [preview, setPreview] = useState<PreviewResult>();
  const [problems, setProblems] = useState<Partial<Record<string, string>>>({});
  const [progress, setProgress] = useState<Progress>();
  const [showProgress, setShowProgress] = useState(false);
  const [confirm, setConfirm] = useState<{ target: string; nonEmpty: number }>();
  const [applied, setApplied] = useState<Extract<ApplyResult, { kind: 'applied' }>>();
  const [lastApply, setLastApply] = useState<LastApply>();
  const [undoConfirm, setUndoConfirm] = useState<number>();
  const abort = useRef<AbortController>();

  useEffect(() => {
    void host
      .loadSettings()
      .then((saved) => {
        setSettings(saved);
        if (saved.lang) setLang(saved.lang);
      })
      .catch((e: unknown) => setError(messageOf(e)));
    void host
      .lastApply()
      .then(setLastApply)
      .catch(() => undefined);
  }, [host]);

  const t = (key: TextKey, values?: Record<string, string | number>): string => text(key, lang, values);
  const spec = methodSpec(method);
  const messageOf = messageIn(lang);
  const choices: WizardChoices = { method, mapping, options, ruleGroups, tag, outputHeader, colorRows, revenueFrom };

  /** The columns guessed for a method, and (order lines) whether revenue is a column or Quantity × Price. */
  const guess = (m: MethodId, found: TableInfo): void => {
    const guessed = guessMapping(m, found.headers, found.sample);
    setMapping(guessed);
    setRevenueFrom(guessRevenueSource(guessed));
  };

  const changeLang = (next: Lang): void => {
    setLang(next);
    const saved = { ...settings, lang: next };
    setSettings(saved);
    void host.saveSettings(saved).catch((e: unknown) => setError(messageOf(e)));
    setPreview(undefined);
  };

  const detect = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const found = await host.detectTable();
      setTable(found);
      guess(method, found);
      setPreview(undefined);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const chooseMethod = (next: MethodId): void => {
    setMethod(next);
    setPreview(undefined);
    if (table) guess(next, table);
  };

  const planOrProblems = () => {
    if (!table) return undefined;
    const built = buildPlan(table, choices, lang);
    setProblems(built.problems);
    return built.plan;
  };

  const runPreview = async (): Promise<void> => {
    const plan = planOrProblems();
    if (!plan) return;
    setBusy(true);
    setError(undefined);
    setStep('preview');
    try {
      setPreview(await host.preview(plan));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const runApply = async (confirmOverwrite: boolean): Promise<void> => {
    const plan = planOrProblems();
    if (!plan) return;
    setConfirm(undefined);
    setError(undefined);
    setNotice(undefined);
    setApplied(undefined);
    setBusy(true);
    const controller = new AbortController();
    abort.current = controller;
    const timer = setTimeout(() => setShowProgress(true), PROGRESS_DELAY_MS);
    try {
      const result = await host.apply(
        { plan, confirmOverwrite, summarySheet: summary },
        setProgress,
        controller.signal,
      );
      if (result.kind === 'needsConfirmation') setConfirm({ target: result.target, nonEmpty: result.nonEmpty });
      else if (result.kind === 'cancelled') setNotice(t('cancelled'));
      else {
        setApplied(result);
        setPreview(result.preview);
        setLastApply(await host.lastApply());
        if (method === 'tags' && table) setTable({ ...table });
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      clearTimeout(timer);
      setShowProgress(false);
      setProgress(undefined);
      setBusy(false);
    }
  };

  /** Turns a date column into real dates in place (undoable), then previews again. */
  const runConvert = async (column: number, order?: DayMonthOrder): Promise<void> => {
    if (!table) return;
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const result = await host.convertDates({
        sheetName: table.sheetName,
        table: table.table,
        column,
        ...(order ? { order } : {}),
      });
      setNotice(t('converted', { n: countText(result.cells, lang), target: result.target }));
      setLastApply(await host.lastApply());
      const plan = planOrProblems();
      setPreview(plan ? await host.preview(plan) : undefined);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const runUndo = async (confirmChanged = false): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    setUndoConfirm(undefined);
    try {
      const result = await host.undo(confirmChanged);
      if (result.kind === 'needsConfirmation') setUndoConfirm(result.changed);
      else {
        setNotice(t(result.kind === 'undone' ? 'undone' : 'nothingToUndo'));
        setApplied(undefined);
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLastApply(await host.lastApply().catch(() => undefined));
      setBusy(false);
    }
  };

  const colors = useMemo(() => colorsFor(preview?.counts.map((c) => c.label) ?? []), [preview]);
  const headerOptions = (table?.headers ?? []).map((h, i) => ({ value: i, label: h || `#${i + 1}` }));

  const rangeStep = (
    <div data-step="range" className="sk-step">
      <p className="sk-hint">{t('rangeHint')}</p>
      <Button appearance="primary" onClick={() => void detect()} disabled={busy}>
        {table ? t('refresh') : t('useTable')}
      </Button>
      {table && (
        <div className="sk-table" data-testid="table-found">
          <p>
            {t('tableFound', {
              sheet: table.sheetName,
              range: a1Range(table.table),
              rows: table.table.rows - 1,
              cols: table.table.cols,
            })}
          </p>
          <p className="sk-headers">{table.headers.filter((h) => h).join(' · ')}</p>
          {table.outputColumn !== undefined && (
            <p className="sk-hint">{t('replacesColumn', { col: a1(table.table.row, table.outputColumn) })}</p>
          )}
        </div>
      )}
    </div>
  );

  const methodStep = (
    <div data-step="method" className="sk-step" role="radiogroup" aria-label={t('stepMethod')}>
      {METHODS.map(({ id, name, about }) => (
        <label key={id} className={id === method ? 'sk-method sk-chosen' : 'sk-method'}>
          <input type="radio" name="sk-method" value={id} checked={id === method} onChange={() => chooseMethod(id)} />
          <span>
            <strong>{name[lang]}</strong>
            <span className="sk-hint">{about[lang]}</span>
          </span>
        </label>
      ))}
    </div>
  );

  const roleField = ({ role, several, label: names }: ColumnSpec): ReactElement => {
    const chosen = mapping[role];
    const label = names[lang];
    if (several) {
      const set = new Set(typeof chosen === 'number' ? [chosen] : (chosen ?? []));
      return (
        <Field key={role} label={label} validationMessage={problems[role]}>
          <div className="sk-checks">
            {headerOptions.map((h) => (
              <Checkbox
                key={h.value}
                label={h.label}
                checked={set.has(h.value)}
                onChange={(_, d) => {
                  const next = new Set(set);
                  if (d.checked) next.add(h.value);
                  else next.delete(h.value);
                  setMapping({ ...mapping, [role]: [...next].sort((a, b) => a - b) });
                }}
              />
            ))}
          </div>
        </Field>
      );
    }
    return (
      <ColumnSelect
        key={role}
        role={role}
        label={label}
        column={typeof chosen === 'number' ? chosen : undefined}
        headers={table?.headers ?? []}
        noneText={t('none')}
        problem={problems[role]}
        onChange={(column) => setMapping({ ...mapping, [role]: column })}
      />
    );
  };

  const tagList = taxonomy === 'own' ? settings.customTags : TAXONOMIES[taxonomy][lang];
  const tagsFields = (
    <>
      <MessageBar intent={table?.selectedRows.length ? 'info' : 'warning'}>
        <MessageBarBody>
          {table?.selectedRows.length ? t('tagRows', { n: table.selectedRows.length }) : t('noSelection')}
        </MessageBarBody>
      </MessageBar>
      <Field label={t('taxonomy')}>
        <Select value={taxonomy} onChange={(_, d) => setTaxonomy(d.value as TaxonomyId)}>
          <option value="buyingRoles">{t('buyingRoles')}</option>
          <option value="personalities">{t('personalities')}</option>
          <option value="own">{t('ownTags')}</option>
        </Select>
      </Field>
      <Field label={t('tag')} validationMessage={problems.tag}>
        <Select data-role="tag" value={tag} onChange={(_, d) => setTag(d.value)}>
          <option value="">{t('chooseTag')}</option>
          {tagList.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </Select>
      </Field>
      {taxonomy === 'own' && (
        <div className="sk-row">
          <Input
            aria-label={t('newTag')}
            placeholder={t('newTag')}
            value={newTag}
            onChange={(_, d) => setNewTag(d.value)}
          />
          <Button
            onClick={() => {
              const saved = { ...settings, customTags: withTag(settings.customTags, newTag) };
              setSettings(saved);
              setTag(newTag.trim());
              setNewTag('');
              void host.saveSettings(saved).catch((e: unknown) => setError(messageOf(e)));
            }}
          >
            {t('addTag')}
          </Button>
          {tag && settings.customTags.includes(tag) && (
            <Button
              appearance="subtle"
              onClick={() => {
                const saved = { ...settings, customTags: settings.customTags.filter((x) => x !== tag) };
                setSettings(saved);
                setTag('');
                void host.saveSettings(saved).catch((e: unknown) => setError(messageOf(e)));
              }}
            >
              {t('remove')}
            </Button>
          )}
        </div>
      )}
    </>
  );

  const rulesFields = table && (
    <>
      <div className="sk-row">
        <span>{t('presets')}:</span>
        {(
          [
            ['presetRisk', () => riskPreset(table, lang)],
            ['presetUnreliable', () => unreliablePreset(table, lang)],
          ] as const
        ).map(([key, make]) => (
          <Button
            key={key}
            size="small"
            onClick={() => {
              const group = make();
              if (group) setRuleGroups([...ruleGroups, group]);
              else setError(t('required'));
            }}
          >
            {t(key)}
          </Button>
        ))}
      </div>
      <p className="sk-hint">{t('rules')}</p>
      {problems.rules && <p className="sk-error">{problems.rules}</p>}
      <RuleBuilder groups={ruleGroups} headers={table.headers} lang={lang} onChange={setRuleGroups} />
    </>
  );

  const columnsStep = (
    <div data-step="columns" className="sk-step">
      {spec.columns.filter((c) => c.revenueFrom === undefined).map(roleField)}
      {spec.columns.some((c) => c.revenueFrom !== undefined) && (
        <RevenueSource
          lang={lang}
          source={revenueFrom}
          onSource={setRevenueFrom}
          picker={(role) => roleField(spec.columns.find((c) => c.role === role) as ColumnSpec)}
        />
      )}
      <OptionFields
        method={spec}
        lang={lang}
        values={options}
        problems={problems}
        onChange={(param, value) => setOptions({ ...options, [param]: value })}
      />
      {method === 'rules' && rulesFields}
      {method === 'tags' && tagsFields}
      <Field label={t('outputHeader')}>
        <Input
          value={outputHeader}
          placeholder={method === 'tags' ? t('tag') : t('segment')}
          onChange={(_, d) => setOutputHeader(d.value)}
        />
      </Field>
    </div>
  );

  const previewStep = (
    <div data-step="preview" className="sk-step">
      {busy && !preview && <p>{t('previewing')}</p>}
      {preview && (
        <>
          <PreviewNotes
            preview={preview}
            lang={lang}
            busy={busy}
            onConvert={(finding, order) => void runConvert(finding.column, order)}
          />
          <table className="sk-counts" data-testid="preview-counts">
            <thead>
              <tr>
                <th>{t('segment')}</th>
                <th>{t(preview.unit === 'customers' ? 'customersCol' : 'rowsCol')}</th>
                <th>{t('shareCol')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.counts.map((c) => (
                <tr key={c.label}>
                  <td>
                    <span className="sk-swatch" style={{ background: colors.get(c.label) }} />
                    {c.label}
                  </td>
                  <td>{c.count.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US')}</td>
                  <td>{(c.share * 100).toFixed(1)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.thresholds.length > 0 && (
            <p className="sk-hint">
              {t('thresholds')}: {preview.thresholds.map((x) => `${x.name} ${x.value}`).join(' · ')}
            </p>
          )}
          <Chart preview={preview} colors={colors} lang={lang} />
          {preview.problemCount > 0 && (
            <details className="sk-problems" open={preview.usable === 0}>
              <summary>{t('problems', { n: preview.problemCount })}</summary>
              <ul>
                {preview.problems.map((p) => (
                  <li key={p.sheetRow}>{t('rowProblem', { row: p.sheetRow, message: p.message })}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </div>
  );

  const nothingUsable = preview?.usable === 0;
  const applyStep = (
    <div data-step="apply" className="sk-step">
      <Checkbox label={t('colorRows')} checked={colorRows} onChange={(_, d) => setColorRows(Boolean(d.checked))} />
      <Checkbox label={t('summarySheet')} checked={summary} onChange={(_, d) => setSummary(Boolean(d.checked))} />
      <Button
        appearance="primary"
        data-testid="apply"
        disabled={busy || nothingUsable}
        onClick={() => void runApply(false)}
      >
        {t('apply')}
      </Button>
      {nothingUsable && <p className="sk-hint">{t('applyOff')}</p>}
      {showProgress && progress && (
        <div className="sk-progress" data-testid="progress">
          <ProgressBar value={progress.fraction} />
          <span>{t('applying', { phase: t(`phase_${progress.phase}` as TextKey) })}</span>
          <Button size="small" onClick={() => abort.current?.abort()}>
            {t('cancel')}
          </Button>
        </div>
      )}
      {applied && (
        <div data-testid="applied">
          <p>{t('applied', { target: applied.target })}</p>
          {applied.summarySheet && <p>{t('summaryWritten', { name: applied.summarySheet })}</p>}
          <p className="sk-hint">{t('legend')}</p>
          <ul className="sk-legend">
            {applied.legend.map((l) => (
              <li key={l.label}>
                <span className="sk-swatch" style={{ background: l.color }} />
                {l.label} ({applied.preview.counts.find((c) => c.label === l.label)?.count ?? 0})
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );

  const index = STEPS.indexOf(step);
  const canNext = step !== 'range' || table !== undefined;
  const body = { range: rangeStep, method: methodStep, columns: columnsStep, preview: previewStep, apply: applyStep }[
    step
  ];

  return (
    <div className="sk-panel" data-testid="segmentkit-panel" lang={lang}>
      <style>{PANEL_CSS}</style>
      <div className="sk-header">
        <strong>{t('title')}</strong>
        <Select
          aria-label={t('language')}
          data-testid="language"
          value={lang}
          onChange={(_, d) => changeLang(d.value === 'vi' ? 'vi' : 'en')}
        >
          <option value="en">English</option>
          <option value="vi">Tiếng Việt</option>
        </Select>
      </div>
      <ol className="sk-steps">
        {STEPS.map((s, i) => (
          <li key={s} className={s === step ? 'sk-current' : i < index ? 'sk-done' : ''}>
            <button
              type="button"
              disabled={i > 0 && !table}
              aria-current={s === step ? 'step' : undefined}
              onClick={() => (s === 'preview' ? void runPreview() : setStep(s))}
            >
              {t(STEP_TEXT[s])}
            </button>
          </li>
        ))}
      </ol>
      {error && (
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success" data-testid="notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {body}
      <div className="sk-footer">
        {index > 0 && (
          <Button onClick={() => setStep(STEPS[index - 1] as Step)} disabled={busy}>
            {t('back')}
          </Button>
        )}
        {step === 'columns' && (
          <Button appearance="primary" data-testid="preview" disabled={busy} onClick={() => void runPreview()}>
            {t('previewButton')}
          </Button>
        )}
        {step !== 'columns' && index < STEPS.length - 1 && (
          <Button
            appearance="primary"
            data-testid="next"
            disabled={!canNext || busy}
            onClick={() => setStep(STEPS[index + 1] as Step)}
          >
            {t('next')}
          </Button>
        )}
      </div>
      {lastApply && (
        <div className="sk-undo">
          <span className="sk-hint">
            {t(lastApply.unfinished ? 'undoUnfinished' : 'undoWhat', {
              what: `${actionName(lastApply.method, lang)} → ${shorten(lastApply.header)}`,
            })}
          </span>
          <Button data-testid="undo" disabled={busy} onClick={() => void runUndo()}>
            {t(lastApply.unfinished ? 'finishUndo' : 'undo')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        body={undoConfirm === undefined ? undefined : t('undoConfirmBody', { n: undoConfirm })}
        title={t('undoConfirmTitle')}
        confirm={t('undoAnyway')}
        keep={t('keep')}
        testId="confirm-undo"
        onConfirm={() => void runUndo(true)}
        onKeep={() => setUndoConfirm(undefined)}
      />
      <ConfirmDialog
        body={confirm && t('confirmBody', { n: confirm.nonEmpty, target: confirm.target })}
        title={t('confirmTitle')}
        confirm={t('replace')}
        keep={t('keep')}
        testId="confirm-replace"
        onConfirm={() => void runApply(true)}
        onKeep={() => setConfirm(undefined)}
      />
    </div>
  );
}

const PANEL_CSS = `
.sk-panel{display:flex;flex-direction:column;gap:10px;padding:12px;font-size:13px;min-width:280px;max-width:420px;box-sizing:border-box}
.sk-header{display:flex;justify-content:space-between;align-items:center;gap:8px}
.sk-steps{display:flex;flex-wrap:wrap;gap:4px;list-style:none;margin:0;padding:0}
.sk-steps button{border:1px solid #d1d1d1;background:#fff;border-radius:12px;padding:2px 8px;font:inherit;font-size:11px;cursor:pointer}
.sk-steps .sk-current button{background:#0e6e78;color:#fff;border-color:#0e6e78}
.sk-steps .sk-done button{border-color:#0e6e78;color:#0e6e78}
.sk-steps button:focus-visible,.sk-method:focus-within{outline:2px solid #0e6e78;outline-offset:1px}
.sk-step{display:flex;flex-direction:column;gap:8px}
.sk-hint{color:#616161;font-size:12px;margin:0}
.sk-error{color:#b10e1c;margin:0}
.sk-method{display:flex;gap:8px;align-items:flex-start;padding:6px;border:1px solid #e0e0e0;border-radius:6px;cursor:pointer}
.sk-method span{display:flex;flex-direction:column}
.sk-chosen{border-color:#0e6e78;background:#f0f8f9}
.sk-checks{display:flex;flex-direction:column;max-height:180px;overflow:auto}
.sk-row{display:flex;gap:6px;align-items:center;flex-wrap:wrap}
.sk-group{border:1px solid #e0e0e0;border-radius:6px;display:flex;flex-direction:column;gap:6px}
.sk-condition{display:grid;grid-template-columns:1fr 80px 1fr auto;gap:4px}
.sk-counts{border-collapse:collapse;width:100%}
.sk-counts th,.sk-counts td{text-align:left;padding:2px 4px;border-bottom:1px solid #eee}
.sk-counts td:nth-child(n+2),.sk-counts th:nth-child(n+2){text-align:right}
.sk-swatch{display:inline-block;width:10px;height:10px;border:1px solid #8a8a8a;margin-right:6px;vertical-align:middle}
.sk-legend{list-style:none;padding:0;margin:0}
.sk-progress{display:flex;flex-direction:column;gap:4px}
.sk-footer{display:flex;gap:8px;justify-content:flex-end}
.sk-undo{display:flex;flex-direction:column;gap:4px;border-top:1px solid #e0e0e0;padding-top:8px}
.sk-table p{margin:2px 0}
.sk-headers{font-size:11px;color:#616161}
.sk-lines p,.sk-note{margin:0 0 4px}
.sk-lines ul{margin:0;padding-left:18px}
`;
