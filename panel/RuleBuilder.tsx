/**
 * The rule builder: groups of conditions (AND / OR) on the table's columns; the first group that holds names the row.
 * Each condition stacks (column, then operator, then value with its remove button), so it fits a 300 px task pane
 * without cutting an operator's words.
 */
import { Button, Field, Input, Select } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Lang } from '../core/labels.js';
import { OPERATORS, type Condition, type Operator, type RuleGroup } from '../core/engine/rules.js';
import { OPERATOR_TEXT, text } from './i18n.js';

export interface RuleBuilderProps {
  readonly groups: readonly RuleGroup[];
  readonly headers: readonly string[];
  readonly lang: Lang;
  readonly onChange: (groups: RuleGroup[]) => void;
}

export function RuleBuilder({ groups, headers, lang, onChange }: RuleBuilderProps): ReactElement {
  const setGroup = (index: number, group: RuleGroup): void => onChange(groups.map((g, i) => (i === index ? group : g)));
  const setCondition = (group: RuleGroup, gi: number, ci: number, change: Partial<Condition>): void =>
    setGroup(gi, { ...group, conditions: group.conditions.map((c, i) => (i === ci ? { ...c, ...change } : c)) });
  const blankCondition: Condition = { column: 0, op: 'eq', value: '' };
  return (
    <div className="sk-rules">
      {groups.map((group, gi) => (
        <fieldset key={gi} className="sk-group" data-testid="rule-group">
          <legend>{group.label || text('newGroup', lang, { n: gi + 1 })}</legend>
          <Field label={text('groupLabel', lang)}>
            <Input value={group.label} onChange={(_, d) => setGroup(gi, { ...group, label: d.value })} />
          </Field>
          <Select
            aria-label={text('all', lang)}
            value={group.combine}
            onChange={(_, d) => setGroup(gi, { ...group, combine: d.value === 'or' ? 'or' : 'and' })}
          >
            <option value="and">{text('all', lang)}</option>
            <option value="or">{text('any', lang)}</option>
          </Select>
          {group.conditions.map((condition, ci) => (
            <div key={ci} className="sk-condition" data-testid="rule-condition">
              <Select
                className="sk-condition-column"
                aria-label={text('column', lang)}
                value={String(condition.column)}
                onChange={(_, d) => setCondition(group, gi, ci, { column: Number(d.value) })}
              >
                {headers.map((h, i) => (
                  <option key={i} value={i}>
                    {h || `#${i + 1}`}
                  </option>
                ))}
              </Select>
              <Select
                className="sk-condition-op"
                aria-label={text('operator', lang)}
                value={condition.op}
                onChange={(_, d) => setCondition(group, gi, ci, { op: d.value as Operator })}
              >
                {OPERATORS.map((op) => (
                  <option key={op} value={op}>
                    {OPERATOR_TEXT[op][lang]}
                  </option>
                ))}
              </Select>
              <Input
                className="sk-condition-value"
                aria-label={text('value', lang)}
                value={condition.value}
                onChange={(_, d) => setCondition(group, gi, ci, { value: d.value })}
              />
              <Button
                className="sk-remove"
                size="small"
                appearance="subtle"
                aria-label={text('remove', lang)}
                title={text('remove', lang)}
                onClick={() => setGroup(gi, { ...group, conditions: group.conditions.filter((_, i) => i !== ci) })}
              >
                ✕
              </Button>
            </div>
          ))}
          <div className="sk-row">
            <Button
              size="small"
              onClick={() => setGroup(gi, { ...group, conditions: [...group.conditions, blankCondition] })}
            >
              {text('addCondition', lang)}
            </Button>
            <Button size="small" appearance="subtle" onClick={() => onChange(groups.filter((_, i) => i !== gi))}>
              {text('remove', lang)}
            </Button>
          </div>
        </fieldset>
      ))}
      <Button
        size="small"
        onClick={() =>
          onChange([
            ...groups,
            { label: text('newGroup', lang, { n: groups.length + 1 }), combine: 'and', conditions: [blankCondition] },
          ])
        }
      >
        {text('addGroup', lang)}
      </Button>
    </div>
  );
}
