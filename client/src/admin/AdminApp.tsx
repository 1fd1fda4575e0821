import { useState, type FormEvent } from 'react';
import type { ExistingMember } from '@hallvote/shared';
import { LanguageContext, useText } from '../i18n';
import { adminText } from '../i18n/admin';
import { presetName, rulesText } from '../i18n/rules';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { RosterRefusal } from '../ui/roster/RosterProblems';
import { RosterReader } from '../ui/roster/RosterReader';
import { useRosterReader } from '../ui/roster/use-roster-reader';
import { forgetSecret } from '../ui/credentials';
import { createMeeting } from './admin-api';
import { MeetingSettingsFields, settingsOf, useSettingsDraft } from './MeetingSettingsFields';
import { adminStore, setLanguage, useAdmin } from './store';

export const ADMIN_TOKEN_KEY = 'hallvote.admin-token';

/** A new meeting's roster is checked against nobody. */
const NOBODY: readonly ExistingMember[] = [];

export function AdminApp() {
  const language = useAdmin((s) => s.language);
  const hasToken = useAdmin((s) => s.token !== null);
  const created = useAdmin((s) => s.created !== null);
  return (
    <LanguageContext value={language}>
      <div className="admin-app">
        <header className="admin-header">
          <p className="brand">hallvote</p>
          <LanguageSwitch value={language} onChange={setLanguage} />
        </header>
        <main>{!hasToken ? <TokenForm /> : created ? <Created /> : <MeetingForm />}</main>
      </div>
    </LanguageContext>
  );
}

function TokenForm() {
  const t = useText(adminText);
  const [token, setToken] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const value = token.trim();
        if (!value) return;
        try {
          localStorage.setItem(ADMIN_TOKEN_KEY, value);
        } catch {
          // Kept for this page only.
        }
        adminStore.setState({ token: value });
      }}
    >
      <p>{t.noToken}</p>
      <label htmlFor="admin-token">{t.token}</label>
      <input
        id="admin-token"
        type="password"
        autoComplete="off"
        value={token}
        onChange={(e) => setToken(e.target.value)}
      />
      <button type="submit" className="primary">
        {t.useToken}
      </button>
    </form>
  );
}

function MeetingForm() {
  const t = useText(adminText);
  const r = useText(rulesText);
  const presets = useAdmin((s) => s.presets);
  const presetsFailed = useAdmin((s) => s.presetsFailed);
  const refusal = useAdmin((s) => s.refusal);
  const busy = useAdmin((s) => s.busy);
  const [title, setTitle] = useState('');
  const [presetId, setPresetId] = useState('vn-party-classification');
  const reader = useRosterReader(NOBODY);
  const [settings, setSettings] = useSettingsDraft();
  // A roster is optional, but one with problems is not created half-read: fix it or clear it.
  const rosterBlocks = reader.review !== null && reader.lines === null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (rosterBlocks) return;
    void createMeeting({
      title: title.trim(),
      rulePresetId: presetId,
      settings: settingsOf(settings),
      ...(reader.lines ? { roster: reader.lines } : {}),
    });
  };

  return (
    <form onSubmit={submit} aria-labelledby="admin-heading">
      <h1 id="admin-heading">{t.heading}</h1>
      <label htmlFor="meeting-title">{t.title}</label>
      <input id="meeting-title" type="text" required value={title} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor="meeting-preset">{t.preset}</label>
      <select id="meeting-preset" value={presetId} onChange={(e) => setPresetId(e.target.value)}>
        {(presets ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {presetName(r, p)}
          </option>
        ))}
      </select>
      {presetsFailed ? <p className="error-note">{t.presetsFailed}</p> : null}
      <MeetingSettingsFields draft={settings} onChange={setSettings} />
      <fieldset className="admin-roster">
        <legend>{t.roster}</legend>
        <RosterReader reader={reader} />
      </fieldset>
      {refusal ? <RosterRefusal refusal={refusal} lead={t.refused} /> : null}
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !title.trim() || !presets || rosterBlocks}>
          {t.create}
        </button>
        <button
          type="button"
          onClick={() => {
            forgetSecret(ADMIN_TOKEN_KEY);
            adminStore.setState({ token: null });
          }}
        >
          {t.forgetToken}
        </button>
      </div>
    </form>
  );
}

function Created() {
  const t = useText(adminText);
  const created = useAdmin((s) => s.created);
  if (!created) return null;
  return (
    <section aria-labelledby="created-heading">
      <h1 id="created-heading">{t.created}</h1>
      <p>{t.delegates(created.delegates)}</p>
      <p className="hint">{t.linksHint}</p>
      <dl className="links">
        <dt>{t.chair}</dt>
        <dd>
          <a href={created.chairUrl} target="_blank" rel="noopener noreferrer">
            {created.chairUrl}
          </a>
        </dd>
        <dt>{t.projector}</dt>
        <dd>
          <a href={created.projectorUrl} target="_blank" rel="noopener noreferrer">
            {created.projectorUrl}
          </a>
        </dd>
      </dl>
      <button type="button" onClick={() => adminStore.setState({ created: null })}>
        {t.another}
      </button>
    </section>
  );
}
