// How a view speaks, in one place: the viewer's language, and the meeting's form of address and
// time zone from its snapshot (the defaults until the snapshot arrives). Each view's root wraps its
// content in it, so every dictionary and every date below follows the meeting's settings.
import { DEFAULT_MEETING_SETTINGS, type MeetingSettings } from '@hallvote/shared';
import { AddressContext, LanguageContext, type Language } from '../i18n';
import { TimeZoneContext } from '../i18n/format';

export function MeetingVoice({
  language,
  settings,
  children,
}: {
  language: Language;
  settings: MeetingSettings | null | undefined;
  children: React.ReactNode;
}) {
  const s = settings ?? DEFAULT_MEETING_SETTINGS;
  return (
    <LanguageContext value={language}>
      <AddressContext value={s.address}>
        <TimeZoneContext value={s.timeZone}>{children}</TimeZoneContext>
      </AddressContext>
    </LanguageContext>
  );
}
