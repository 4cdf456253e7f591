/**
 * A method's option fields, one per parameter of its catalog function: the label from the method, the hint the
 * parameter's limits and default in words (as the formula help states them), the starting value its default.
 */
import { Field, Input } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { MethodSpec } from '../core/catalog/method.js';
import type { Lang } from '../core/labels.js';
import { limitsText } from '../core/catalog/help.js';
import { fieldDefault, optionFields } from './plan-builder.js';

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
        const hint = [limitsText(param, lang), initial === '' ? option.blank?.[lang] : undefined]
          .filter(Boolean)
          .join('; ');
        return (
          <Field key={param.name} label={option.label[lang]} hint={hint} validationMessage={problems[param.name]}>
            <Input
              data-option={param.name}
              value={values[param.name] ?? initial}
              onChange={(_, d) => onChange(param.name, d.value)}
            />
          </Field>
        );
      })}
    </>
  );
}
