// A delegate's editable fields, for both stores.
import type { DelegateRecord } from './store';

const EDITABLE = ['name', 'position', 'group', 'token', 'weight'] as const;
export type Editable = Partial<Pick<DelegateRecord, (typeof EDITABLE)[number]>>;

/** True when `fields` changes nothing: such an update is no write at all, and is not audited. */
export function isEmptyUpdate(fields: Editable): boolean {
  return EDITABLE.every((k) => fields[k] === undefined);
}
