/**
 * Step 2: the methods, each with its name and what it is for; choosing one guesses its columns again. With RFM on
 * order lines, where the host can write a customer sheet (Excel, the playground), *Open an order file* for histories
 * bigger than a sheet.
 */
import { Fragment, type ReactElement } from 'react';
import { METHODS } from '../../core/catalog/index.js';
import type { MethodId } from '../../core/engine/plan.js';
import type { Lang } from '../../core/labels.js';
import type { PanelHost } from '../host.js';
import { text } from '../i18n.js';
import { OpenOrderFile, offersOrderFile } from '../order-file/OpenOrderFile.js';

export interface MethodStepProps {
  readonly method: MethodId;
  readonly lang: Lang;
  readonly onChoose: (method: MethodId) => void;
  /** The host, for *Open an order file* (offered only where it writes customer sheets). */
  readonly host?: PanelHost;
  /** Told when an order file's customer sheet was written. */
  readonly onOrderFileWritten?: () => void;
}

export function MethodStep({ method, lang, onChoose, host, onOrderFileWritten }: MethodStepProps): ReactElement {
  const orderFile = method === 'rfmOrders' && offersOrderFile(host);
  return (
    <div data-step="method" className="sk-step" role="radiogroup" aria-label={text('stepMethod', lang)}>
      {METHODS.map(({ id, name, about }) => (
        <Fragment key={id}>
          <label className={id === method ? 'sk-method sk-chosen' : 'sk-method'}>
            <input type="radio" name="sk-method" value={id} checked={id === method} onChange={() => onChoose(id)} />
            <span>
              <strong>{name[lang]}</strong>
              <span className="sk-hint">{about[lang]}</span>
            </span>
          </label>
          {/* Right under the chosen method, where it is seen without scrolling. */}
          {id === method && orderFile && (
            <OpenOrderFile host={host} lang={lang} onWritten={onOrderFileWritten ?? (() => {})} />
          )}
        </Fragment>
      ))}
    </div>
  );
}
