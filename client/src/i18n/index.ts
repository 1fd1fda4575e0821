// Two languages, every text in both. Dictionaries are split per view so a phone never downloads
// the chair's strings; each view's root provides the language and components pick their texts.
import { createContext, useContext } from 'react';
import { ADDRESS_FORMS, DEFAULT_MEETING_SETTINGS, type AddressForm } from '@hallvote/shared';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * A dictionary in both languages; the Vietnamese one must have exactly the English one's shape.
 * Where the Vietnamese depends on the meeting's form of address, `viBy` holds it for each form.
 */
export interface Bilingual<T> {
  readonly en: T;
  readonly vi: T;
  readonly viBy?: Readonly<Record<AddressForm, T>>;
}

export function bilingual<T>(en: T, vi: NoInfer<T>): Bilingual<T> {
  return { en, vi };
}

/**
 * How Vietnamese addresses and counts members under a meeting's form of address: `you` is the
 * pronoun ("Phiếu của đồng chí"), `You` the same at the start of a sentence, `unit` the word after a
 * count ("53 đồng chí", "47 đại biểu", "120 người"); `chair` names who presides: a Party
 * committee's conference has a "người chủ trì" (the seed article: "… chủ trì hội nghị"), a People's
 * Council session a "chủ tọa" (NQ 96/2023, Luật Tổ chức chính quyền địa phương).
 */
export interface Address {
  readonly you: string;
  readonly You: string;
  readonly unit: string;
  readonly chair: string;
  readonly Chair: string;
}

export const ADDRESSES: Readonly<Record<AddressForm, Address>> = {
  'dong-chi': { you: 'đồng chí', You: 'Đồng chí', unit: 'đồng chí', chair: 'người chủ trì', Chair: 'Người chủ trì' },
  'dai-bieu': { you: 'đại biểu', You: 'Đại biểu', unit: 'đại biểu', chair: 'chủ tọa', Chair: 'Chủ tọa' },
  'quy-vi': { you: 'quý vị', You: 'Quý vị', unit: 'người', chair: 'người chủ trì', Chair: 'Người chủ trì' },
};

/**
 * A dictionary whose Vietnamese addresses the reader: written once as a function of the address,
 * made for every form up front (three small objects), picked by the view's AddressContext.
 */
export function addressed<T>(en: T, vi: (a: Address) => NoInfer<T>): Bilingual<T> {
  const viBy = Object.fromEntries(ADDRESS_FORMS.map((form) => [form, vi(ADDRESSES[form])])) as Record<AddressForm, T>;
  return { en, vi: viBy[DEFAULT_MEETING_SETTINGS.address], viBy };
}

export const LanguageContext = createContext<Language>('en');

/** The meeting's form of address; each view's root provides it from its snapshot. */
export const AddressContext = createContext<AddressForm>(DEFAULT_MEETING_SETTINGS.address);

/** The texts of a dictionary in a language, under a form of address. */
export function textOf<T>(dictionary: Bilingual<T>, language: Language, form: AddressForm): T {
  return language === 'vi' ? (dictionary.viBy?.[form] ?? dictionary.vi) : dictionary.en;
}

/** The texts of `dictionary` in the language and form of address of the view it is rendered in. */
export function useText<T>(dictionary: Bilingual<T>): T {
  return textOf(dictionary, useContext(LanguageContext), useContext(AddressContext));
}

export function useAddress(): AddressForm {
  return useContext(AddressContext);
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
