/**
 * A method's option fields, one per parameter of its catalog function: the label from the method, the hint the
 * parameter's limits and default in words (as the formula help states them), the starting value its default. A date
 * parameter (`as_of`) gets the browser's date picker; its value is ISO text, which plan-builder.ts reads as it reads
 * typed dates (where a browser has no picker, the field takes 22/09/2026, 2026-09-22 or 20260922). A 0/1 parameter
 * marked `toggle` is an on/off switch.
 */
import { Field, Input, Switch } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { MethodSpec } from '../core/catalog/method.js';
import type { Lang } from '../core/labels.js';
import { limitsText } from '../core/catalog/help.js';
import { fieldDefault, isoDateOf, optionFields } from './plan-builder.js';

export interface OptionFieldsProps {
  readonly method: MethodSpec;
  readonly lang: Lang;
  readonly values: Readonly<Partial<Record<string, string>>>;
  readonly problems: Readonly<Partial<Record<string, string>>>;
  readonly onChange: (param: string, value: string) => void;
}

export function OptionFields({ method, lang, values, problems, onChange }: OptionFieldsProps): ReactElement {
  return (
    <>
      {optionFields(method).map(({ option, param }) => {
        const initial = fieldDefault(param);
        const typed = values[param.name] ?? initial;
        const date = param.kind === 'date';
        if (option.toggle)
          return (
            <Field key={param.name} validationMessage={problems[param.name]}>
              <Switch
                data-option={param.name}
                label={option.label[lang]}
                checked={typed !== '0'}
                onChange={(_, d) => onChange(param.name, d.checked ? '1' : '0')}
              />
            </Field>
          );
        const hint = [limitsText(param, lang), initial === '' ? option.blank?.[lang] : undefined]
          .filter(Boolean)
          .join('; ');
        return (
          <Field key={param.name} label={option.label[lang]} hint={hint} validationMessage={problems[param.name]}>
            <Input
              data-option={param.name}
              type={date ? 'date' : 'text'}
              value={date ? (isoDateOf(typed, lang) ?? typed) : typed}
              onChange={(_, d) => onChange(param.name, d.value)}
            />
          </Field>
        );
      })}
    </>
  );
}
