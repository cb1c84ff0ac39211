/**
 * The text a view reads: the sentence (default: the chapter's "I love this red car") and, for T5, the target
 * the decoder reads (default: the chapter's span-corruption target). Views follow as you type.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { maxTextLength } from '../../../shared/contract/model';

/** Props of {@link TextFields}; `target` undefined hides the target field. */
export interface TextFieldsProps {
  text: string;
  onText: (text: string) => void;
  target?: string;
  onTarget?: (target: string) => void;
}

/** The sentence field and, for T5, the target field. */
export function TextFields({ text, onText, target, onTarget }: TextFieldsProps) {
  const { t } = useTranslation();
  const textId = useId();
  const targetId = useId();
  return (
    <div className="text-fields">
      <div className="text-field">
        <label htmlFor={textId}>{t('views.text.sentence')}</label>
        <input
          id={textId}
          type="text"
          value={text}
          maxLength={maxTextLength}
          spellCheck={false}
          onChange={(event) => onText(event.target.value)}
          data-testid="sentence"
        />
      </div>
      {target !== undefined && onTarget ? (
        <div className="text-field">
          <label htmlFor={targetId}>{t('views.text.target')}</label>
          <input
            id={targetId}
            type="text"
            value={target}
            maxLength={maxTextLength}
            spellCheck={false}
            onChange={(event) => onTarget(event.target.value)}
            data-testid="target"
          />
          <p className="field-hint">{t('views.text.targetHint')}</p>
        </div>
      ) : null}
    </div>
  );
}
