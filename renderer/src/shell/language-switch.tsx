/** Two buttons, English and Bahasa Indonesia; the choice applies at once and is remembered. */
import { useTranslation } from 'react-i18next';
import { changeLanguage, languages } from '../i18n/i18n';
import { useReportError } from '../errors/error-presenter';

/** The language switch of the sidebar. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const report = useReportError();
  return (
    <div className="language-switch" role="group" aria-labelledby="language-label">
      <span id="language-label" className="sidebar-label">
        {t('language.label')}
      </span>
      <div className="segmented">
        {languages.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            className="segmented-option"
            aria-pressed={i18n.resolvedLanguage === language}
            onClick={() => changeLanguage(language).catch(report)}
          >
            {t(`language.${language}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
