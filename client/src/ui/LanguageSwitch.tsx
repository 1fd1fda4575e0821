import { LANGUAGES, useText, type Language } from '../i18n';
import { commonText } from '../i18n/common';

const NAMES: Readonly<Record<Language, string>> = { vi: 'Tiếng Việt', en: 'English' };

interface Props {
  readonly value: Language;
  readonly onChange: (language: Language) => void;
  /** Phones: "VI" / "EN" on the buttons, the full names for screen readers. */
  readonly compact?: boolean;
}

/** Two plain buttons, each named in its own language so anyone can find theirs. */
export function LanguageSwitch({ value, onChange, compact = false }: Props) {
  const t = useText(commonText);
  return (
    <div className="language-switch" role="group" aria-label={t.switchTo}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={value === language}
          aria-label={compact ? NAMES[language] : undefined}
          onClick={() => onChange(language)}
        >
          {compact ? language.toUpperCase() : NAMES[language]}
        </button>
      ))}
    </div>
  );
}
