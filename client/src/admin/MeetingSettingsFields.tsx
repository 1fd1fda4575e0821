// The meeting's settings on the admin page (issue 16): how the Vietnamese views address members,
// the time zone of every time shown, and the header of the minutes. Left as they are, they are the
// defaults of a Party committee: "đồng chí", Asia/Ho_Chi_Minh, "ĐẢNG CỘNG SẢN VIỆT NAM".
import { useState } from 'react';
import { ADDRESS_FORMS, DEFAULT_MEETING_SETTINGS, MAX_HEADER_LINES, type MeetingSettings } from '@hallvote/shared';
import { useText } from '../i18n';
import { adminText } from '../i18n/admin';

/** The form's text for the settings, and the settings they make. */
export interface SettingsDraft {
  readonly address: MeetingSettings['address'];
  readonly timeZone: string;
  readonly issuer: string;
  readonly national: string;
  readonly place: string;
}

export const DEFAULT_DRAFT: SettingsDraft = {
  address: DEFAULT_MEETING_SETTINGS.address,
  timeZone: DEFAULT_MEETING_SETTINGS.timeZone,
  issuer: DEFAULT_MEETING_SETTINGS.header.issuer.join('\n'),
  national: DEFAULT_MEETING_SETTINGS.header.national.join('\n'),
  place: DEFAULT_MEETING_SETTINGS.header.place,
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, MAX_HEADER_LINES);

/** The settings a draft sends (the server refuses a time zone it does not know, by its field). */
export function settingsOf(d: SettingsDraft): MeetingSettings {
  return {
    address: d.address,
    timeZone: d.timeZone.trim(),
    header: { issuer: lines(d.issuer), national: lines(d.national), place: d.place.trim() },
  };
}

export function useSettingsDraft() {
  return useState<SettingsDraft>(DEFAULT_DRAFT);
}

export function MeetingSettingsFields({
  draft,
  onChange,
}: {
  draft: SettingsDraft;
  onChange: (d: SettingsDraft) => void;
}) {
  const t = useText(adminText).settings;
  const set = (part: Partial<SettingsDraft>) => onChange({ ...draft, ...part });
  return (
    <fieldset className="admin-settings">
      <legend>{t.legend}</legend>
      <label htmlFor="meeting-address">{t.address}</label>
      <select
        id="meeting-address"
        value={draft.address}
        onChange={(e) => set({ address: e.target.value as SettingsDraft['address'] })}
      >
        {ADDRESS_FORMS.map((form) => (
          <option key={form} value={form}>
            {t.addresses[form]}
          </option>
        ))}
      </select>
      <label htmlFor="meeting-zone">{t.timeZone}</label>
      <input id="meeting-zone" type="text" value={draft.timeZone} onChange={(e) => set({ timeZone: e.target.value })} />
      <label htmlFor="meeting-issuer">{t.issuer}</label>
      <textarea id="meeting-issuer" rows={2} value={draft.issuer} onChange={(e) => set({ issuer: e.target.value })} />
      <label htmlFor="meeting-national">{t.national}</label>
      <textarea
        id="meeting-national"
        rows={2}
        value={draft.national}
        onChange={(e) => set({ national: e.target.value })}
      />
      <label htmlFor="meeting-place">{t.place}</label>
      <input id="meeting-place" type="text" value={draft.place} onChange={(e) => set({ place: e.target.value })} />
    </fieldset>
  );
}
