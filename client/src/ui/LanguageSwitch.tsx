import { LANGUAGES, useText, type Language } from '../i18n';
import { commonText } from '../i18n/common';

const NAMES: Readonly<Record<Language, string>> = { vi: 'Tiếng Việt', en: 'English' };

interface Props {
  readonly value: Language;
  readonly onChange: (language: Language) => void;
  /**
   * Phones: one button that names the other language in that language ("English" on a Vietnamese
   * page), so its accessible name is its visible text and it takes one slot of a small header.
   */
  readonly compact?: boolean;
}

/** Plain buttons, each named in its own language so anyone can find theirs. */
export function LanguageSwitch({ value, onChange, compact = false }: Props) {
  const t = useText(commonText);
  if (compact) {
    const other = LANGUAGES.find((l) => l !== value) ?? 'vi';
    return (
      <button type="button" className="language-toggle" lang={other} onClick={() => onChange(other)}>
        {NAMES[other]}
      </button>
    );
  }
  return (
    <div className="language-switch" role="group" aria-label={t.switchTo}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={value === language}
          onClick={() => onChange(language)}
        >
          {NAMES[language]}
        </button>
      ))}
    </div>
  );
}
