/**
 * The chosen method as a BigQuery query (Google Sheets only): what it reads, the query in a read-only box, and a
 * button that copies it (or selects it, where the sidebar may not write to the clipboard).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Textarea,
} from '@fluentui/react-components';
import { useRef, useState, type ReactElement } from 'react';
import type { Lang } from '../core/labels.js';
import { text, type TextKey } from './i18n.js';
import type { WarehouseQuery } from './warehouse-sql.js';

export interface WarehouseSqlProps {
  readonly query: WarehouseQuery;
  readonly lang: Lang;
}

export function WarehouseSql({ query, lang }: WarehouseSqlProps): ReactElement {
  const t = (key: TextKey, values?: Record<string, string | number>): string => text(key, lang, values);
  const box = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'copied' | 'selected' | undefined>();
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(query.sql);
      setCopied('copied');
    } catch {
      box.current?.select();
      setCopied('selected');
    }
  };
  return (
    <Accordion collapsible data-testid="warehouse-sql">
      <AccordionItem value="sql">
        <AccordionHeader size="small">{t('warehouseTitle')}</AccordionHeader>
        <AccordionPanel>
          <p className="sk-hint">{t('warehouseAbout')}</p>
          <p className="sk-hint">{t('warehouseInput', { table: query.input })}</p>
          <Textarea
            ref={box}
            readOnly
            resize="vertical"
            value={query.sql}
            aria-label={t('warehouseTitle')}
            textarea={{ style: { fontFamily: 'monospace', fontSize: 11, minHeight: 120 } }}
          />
          <Button size="small" onClick={() => void copy()}>
            {t('copySql')}
          </Button>
          {copied && <span className="sk-hint"> {t(copied === 'copied' ? 'sqlCopied' : 'sqlSelected')}</span>}
          {query.method === 'RFM_TABLE' && <p className="sk-hint">{t('warehouseCli')}</p>}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
