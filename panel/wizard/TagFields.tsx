/** The columns step for tagging selected rows: how many rows are selected, the tag list, and the user's own tags. */
import { Button, Field, Input, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Lang } from '../../core/labels.js';
import { formatCount } from '../../core/number-format.js';
import { text } from '../i18n.js';
import { TAXONOMIES, type TaxonomyId } from '../taxonomies.js';

export interface TagFieldsProps {
  readonly lang: Lang;
  readonly selectedRows: number;
  readonly taxonomy: TaxonomyId;
  readonly tag: string;
  readonly newTag: string;
  readonly customTags: readonly string[];
  readonly problem: string | undefined;
  readonly onTaxonomy: (taxonomy: TaxonomyId) => void;
  readonly onTag: (tag: string) => void;
  readonly onNewTag: (text: string) => void;
  readonly onAddOwn: () => void;
  readonly onRemoveOwn: () => void;
}

export function TagFields(props: TagFieldsProps): ReactElement {
  const { lang, selectedRows, taxonomy, tag, newTag, customTags, problem } = props;
  const t = (key: Parameters<typeof text>[0], values?: Record<string, string | number>): string =>
    text(key, lang, values);
  const tags = taxonomy === 'own' ? customTags : TAXONOMIES[taxonomy][lang];
  return (
    <>
      <MessageBar intent={selectedRows > 0 ? 'info' : 'warning'} layout="multiline">
        <MessageBarBody>
          {selectedRows > 0 ? t('tagRows', { n: formatCount(selectedRows, lang) }) : t('noSelection')}
        </MessageBarBody>
      </MessageBar>
      <Field label={t('taxonomy')}>
        <Select value={taxonomy} onChange={(_, d) => props.onTaxonomy(d.value as TaxonomyId)}>
          <option value="buyingRoles">{t('buyingRoles')}</option>
          <option value="personalities">{t('personalities')}</option>
          <option value="own">{t('ownTags')}</option>
        </Select>
      </Field>
      <Field label={t('tag')} validationMessage={problem}>
        <Select data-role="tag" value={tag} onChange={(_, d) => props.onTag(d.value)}>
          <option value="">{t('chooseTag')}</option>
          {tags.map((x) => (
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
            onChange={(_, d) => props.onNewTag(d.value)}
          />
          <Button onClick={props.onAddOwn}>{t('addTag')}</Button>
          {tag && customTags.includes(tag) && (
            <Button appearance="subtle" onClick={props.onRemoveOwn}>
              {t('remove')}
            </Button>
          )}
        </div>
      )}
    </>
  );
}
