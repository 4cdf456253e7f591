/** The picker of one column role: a select for a single column, check boxes for a role that takes several. */
import { Checkbox } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { ColumnSpec } from '../../core/catalog/method.js';
import type { Lang } from '../../core/labels.js';
import { ColumnSelect } from '../ColumnSelect.js';
import { text } from '../i18n.js';
import type { Mapping } from './reducer.js';

export interface RoleFieldProps {
  readonly spec: ColumnSpec;
  readonly mapping: Mapping;
  readonly headers: readonly string[];
  readonly lang: Lang;
  readonly problem: string | undefined;
  readonly onChange: (role: string, column: number | readonly number[] | undefined) => void;
}

export function RoleField({ spec, mapping, headers, lang, problem, onChange }: RoleFieldProps): ReactElement {
  const { role, several } = spec;
  const chosen = mapping[role];
  const label = spec.label[lang];
  if (!several)
    return (
      <ColumnSelect
        role={role}
        label={label}
        column={typeof chosen === 'number' ? chosen : undefined}
        headers={headers}
        noneText={text('none', lang)}
        {...(problem ? { problem } : {})}
        onChange={(column) => onChange(role, column)}
      />
    );
  const set = new Set(typeof chosen === 'number' ? [chosen] : (chosen ?? []));
  return (
    // A fieldset, not a Fluent Field: a Field would name every check box after the group instead of its column.
    <fieldset className="sk-fieldset" aria-invalid={problem ? true : undefined}>
      <legend className="sk-legend-title">{label}</legend>
      <div className="sk-checks" data-role={role}>
        {headers.map((header, i) => (
          <Checkbox
            key={i}
            label={header || `#${i + 1}`}
            checked={set.has(i)}
            onChange={(_, d) => {
              const next = new Set(set);
              if (d.checked) next.add(i);
              else next.delete(i);
              onChange(
                role,
                [...next].sort((a, b) => a - b),
              );
            }}
          />
        ))}
      </div>
      {problem && (
        <p className="sk-error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
