/**
 * Step 3: the columns each role of the method reads (guessed, changeable), the revenue source for order lines, the
 * method's options, the rule groups or the tag, and the result column's name.
 */
import { Button, Field, Input } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { methodSpec } from '../../core/catalog/index.js';
import type { ColumnSpec } from '../../core/catalog/method.js';
import { OptionFields } from '../OptionFields.js';
import { RevenueSource } from '../RevenueSource.js';
import { RuleBuilder } from '../RuleBuilder.js';
import { text } from '../i18n.js';
import type { PanelController } from './use-panel-controller.js';
import { RoleField } from './RoleField.js';
import { TagFields } from './TagFields.js';

export function ColumnsStep({ state, dispatch, actions }: PanelController): ReactElement {
  const { lang, choices, problems, table, settings } = state;
  const spec = methodSpec(choices.method);
  const headers = table?.headers ?? [];
  const field = (column: ColumnSpec): ReactElement => (
    <RoleField
      key={column.role}
      spec={column}
      mapping={choices.mapping}
      headers={headers}
      lang={lang}
      problem={problems[column.role]}
      onChange={(role, value) => dispatch({ type: 'column', role, column: value })}
    />
  );
  const byRole = (role: string): ReactElement => {
    const column = spec.columns.find((c) => c.role === role);
    return column ? field(column) : <></>;
  };
  return (
    <div data-step="columns" className="sk-step">
      {spec.columns.filter((c) => c.revenueFrom === undefined).map(field)}
      {spec.columns.some((c) => c.revenueFrom !== undefined) && (
        <RevenueSource
          lang={lang}
          source={choices.revenueFrom}
          onSource={(source) => dispatch({ type: 'revenueFrom', source })}
          picker={byRole}
        />
      )}
      <OptionFields
        method={spec}
        lang={lang}
        values={choices.options}
        problems={problems}
        onChange={(param, value) => dispatch({ type: 'option', param, value })}
      />
      {choices.method === 'rules' && table && (
        <>
          <div className="sk-row">
            <span>{text('presets', lang)}:</span>
            <Button size="small" onClick={() => actions.addPreset('risk')}>
              {text('presetRisk', lang)}
            </Button>
            <Button size="small" onClick={() => actions.addPreset('unreliable')}>
              {text('presetUnreliable', lang)}
            </Button>
          </div>
          <p className="sk-hint">{text('rules', lang)}</p>
          {problems.rules && <p className="sk-error">{problems.rules}</p>}
          <RuleBuilder
            groups={choices.ruleGroups}
            headers={headers}
            lang={lang}
            onChange={(groups) => dispatch({ type: 'ruleGroups', groups })}
          />
        </>
      )}
      {choices.method === 'tags' && (
        <TagFields
          lang={lang}
          selectedRows={table?.selectedRows.length ?? 0}
          taxonomy={choices.taxonomy}
          tag={choices.tag}
          newTag={choices.newTag}
          customTags={settings.customTags}
          problem={problems.tag ?? problems.selection}
          onTaxonomy={(taxonomy) => dispatch({ type: 'taxonomy', taxonomy })}
          onTag={(tag) => dispatch({ type: 'tag', tag })}
          onNewTag={(value) => dispatch({ type: 'newTag', text: value })}
          onAddOwn={actions.addOwnTag}
          onRemoveOwn={actions.removeOwnTag}
        />
      )}
      <Field label={text('outputHeader', lang)}>
        <Input
          value={choices.outputHeader}
          placeholder={text(choices.method === 'tags' ? 'tag' : 'segment', lang)}
          onChange={(_, d) => dispatch({ type: 'outputHeader', header: d.value })}
        />
      </Field>
    </div>
  );
}
