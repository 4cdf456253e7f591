/** The panel's title and its language picker. */
import { Select } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Lang } from '../../core/labels.js';
import { text } from '../i18n.js';

export function PanelHeader({
  lang,
  onLang,
}: {
  readonly lang: Lang;
  readonly onLang: (lang: Lang) => void;
}): ReactElement {
  return (
    <div className="sk-header">
      <strong>{text('title', lang)}</strong>
      <Select
        aria-label={text('language', lang)}
        data-testid="language"
        value={lang}
        onChange={(_, d) => onLang(d.value === 'vi' ? 'vi' : 'en')}
      >
        <option value="en">English</option>
        <option value="vi">Tiếng Việt</option>
      </Select>
    </div>
  );
}
