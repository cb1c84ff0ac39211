/**
 * English and Bahasa Indonesia from the first string on. The language starts from the user's last choice, else
 * the OS locale (Electron) or the browser's, and a switch changes it at once.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import id from './id.json';

/** The languages the lab speaks. */
export const languages = ['en', 'id'] as const;
/** One of {@link languages}. */
export type Language = (typeof languages)[number];

const storageKey = 'attention-lab.language';

/** Picks a language from a locale such as `id-ID`, `in` (old code for Indonesian) or `en-GB`; English otherwise. */
export function languageFromLocale(locale: string | null | undefined): Language {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'id' || primary === 'in' ? 'id' : 'en';
}

function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(storageKey);
    return languages.find((language) => language === value) ?? null;
  } catch {
    return null; // storage can be unavailable (privacy settings); the locale still decides
  }
}

/** Starts i18next: the stored choice wins, then `locale`. */
export async function initI18n(locale: string | null | undefined): Promise<typeof i18next> {
  const language = storedLanguage() ?? languageFromLocale(locale);
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, id: { translation: id } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

/** Switches the language now and remembers the choice. */
export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // not remembered; the switch still works for this session
  }
}
