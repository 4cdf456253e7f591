/** One column picker of the columns step: the table column that plays a role, or none. */
import { Field, Select } from '@fluentui/react-components';
import type { ReactElement } from 'react';

export interface ColumnSelectProps {
  readonly role: string;
  readonly label: string;
  readonly column: number | undefined;
  /** The table's headers; a blank one shows as its column number. */
  readonly headers: readonly string[];
  readonly noneText: string;
  readonly problem?: string;
  readonly onChange: (column: number | undefined) => void;
}

export function ColumnSelect({
  role,
  label,
  column,
  headers,
  noneText,
  problem,
  onChange,
}: ColumnSelectProps): ReactElement {
  return (
    <Field label={label} validationMessage={problem}>
      <Select
        data-role={role}
        value={column === undefined ? '' : String(column)}
        onChange={(_, d) => onChange(d.value === '' ? undefined : Number(d.value))}
      >
        <option value="">{noneText}</option>
        {headers.map((header, i) => (
          <option key={i} value={i}>
            {header || `#${i + 1}`}
          </option>
        ))}
      </Select>
    </Field>
  );
}
