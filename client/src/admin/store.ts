// The admin page's one store. No socket: the admin only talks HTTP.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { CreateMeetingResponse, RuleSet } from '@hallvote/shared';
import { initialLanguage, languageSetter, type Language } from '../i18n';
import type { Refusal } from '../reply';

export interface AdminState {
  readonly language: Language;
  readonly token: string | null;
  readonly presets: readonly RuleSet[] | null;
  readonly presetsFailed: boolean;
  readonly created: CreateMeetingResponse | null;
  readonly refusal: Refusal | null;
  readonly busy: boolean;
}

export function initialAdminState(): AdminState {
  return {
    language: initialLanguage(),
    token: null,
    presets: null,
    presetsFailed: false,
    created: null,
    refusal: null,
    busy: false,
  };
}

export const adminStore = createStore<AdminState>()(initialAdminState);

/** The view's language switch. */
export const setLanguage = languageSetter(adminStore);

export function useAdmin<T>(selector: (state: AdminState) => T): T {
  return useStore(adminStore, selector);
}
