// Two languages, every text in both. Dictionaries are split per view so a phone never downloads
// the chair's strings; each view's root provides the language and components pick their texts.
import { createContext, useContext } from 'react';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A dictionary in both languages; the Vietnamese one must have exactly the English one's shape. */
export interface Bilingual<T> {
  readonly en: T;
  readonly vi: T;
}

export function bilingual<T>(en: T, vi: NoInfer<T>): Bilingual<T> {
  return { en, vi };
}

export const LanguageContext = createContext<Language>('en');

/** The texts of `dictionary` in the language of the view this component is rendered in. */
export function useText<T>(dictionary: Bilingual<T>): T {
  return dictionary[useContext(LanguageContext)];
}

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

const STORAGE_KEY = 'hallvote.language';

/** Vietnamese for any 'vi…' browser language, English otherwise. */
export function languageOf(browserLanguage: string | undefined): Language {
  return browserLanguage?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

function isLanguage(value: string | null): value is Language {
  return value !== null && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen earlier on this device, else the browser's. */
export function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode); the browser language still works.
  }
  return languageOf(typeof navigator === 'undefined' ? undefined : navigator.language);
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, still switched.
  }
}

/** What a view's language switch does: remember the choice on this device and show it at once. */
export function languageSetter(store: {
  setState(partial: { readonly language: Language }): void;
}): (language: Language) => void {
  return (language) => {
    rememberLanguage(language);
    store.setState({ language });
  };
}

/** Vietnamese writes a decimal comma: "90,57". */
export function formatDecimal(text: string, language: Language): string {
  return language === 'vi' ? text.replace('.', ',') : text;
}

/**
 * A whole number with its thousands grouped as the language writes them: "1.500.000" in
 * Vietnamese, "1,500,000" in English. Weights and shares run into the billions.
 */
export function formatWhole(n: number, language: Language): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, language === 'vi' ? '.' : ',');
}
