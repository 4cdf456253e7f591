/** Step 2: the methods, each with its name and what it is for; choosing one guesses its columns again. */
import type { ReactElement } from 'react';
import { METHODS } from '../../core/catalog/index.js';
import type { MethodId } from '../../core/engine/plan.js';
import type { Lang } from '../../core/labels.js';
import { text } from '../i18n.js';

export interface MethodStepProps {
  readonly method: MethodId;
  readonly lang: Lang;
  readonly onChoose: (method: MethodId) => void;
}

export function MethodStep({ method, lang, onChoose }: MethodStepProps): ReactElement {
  return (
    <div data-step="method" className="sk-step" role="radiogroup" aria-label={text('stepMethod', lang)}>
      {METHODS.map(({ id, name, about }) => (
        <label key={id} className={id === method ? 'sk-method sk-chosen' : 'sk-method'}>
          <input type="radio" name="sk-method" value={id} checked={id === method} onChange={() => onChoose(id)} />
          <span>
            <strong>{name[lang]}</strong>
            <span className="sk-hint">{about[lang]}</span>
          </span>
        </label>
      ))}
    </div>
  );
}
