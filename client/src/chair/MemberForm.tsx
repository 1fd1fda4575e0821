import { useId, useState, type FormEvent } from 'react';
import {
  memberProblems,
  type EntryProblem,
  type ExistingMember,
  type RosterEntry,
  type RosterProblem,
} from '@hallvote/shared';
import { useText } from '../i18n';
import { consoleText } from '../i18n/console';
import { proxyText } from '../i18n/proxies';
import { rosterText } from '../i18n/roster';
import type { Refusal } from '../reply';
import { ErrorNote } from '../ui/ErrorNote';
import { problemText } from '../ui/roster/RosterProblems';

interface Props {
  readonly initial: RosterEntry;
  /** Everyone else on the roster: a member already there is refused before anything is sent. */
  readonly others: readonly ExistingMember[];
  readonly submitLabel: string;
  readonly busy: boolean;
  readonly refusal: Refusal | null;
  /** Sends the member; resolves true when the server took it (the form then empties itself). */
  readonly onSubmit: (entry: RosterEntry) => Promise<boolean>;
  readonly onCancel?: () => void;
  readonly cancelLabel?: string;
  /** The meeting counts weight: the member's weight is asked for too (1 when left empty). */
  readonly weighted?: boolean;
}

/** What the server does to a field before its checks (the schema trims), done before ours. */
const trimmed = (e: RosterEntry): RosterEntry => ({
  name: e.name.trim(),
  position: e.position.trim(),
  group: e.group.trim(),
  ...(e.weight !== undefined && e.weight.trim() !== '' ? { weight: e.weight.trim() } : {}),
});

/**
 * One member's name, position, group and (where the meeting counts weight) weight, checked with
 * the roster's own checks (the server's too) before anything is sent; problems and refusals said
 * in the viewer's language.
 */
export function MemberForm(props: Props) {
  const c = useText(consoleText);
  const p = useText(proxyText);
  const id = useId();
  const [entry, setEntry] = useState<RosterEntry>(props.initial);
  const [problems, setProblems] = useState<readonly EntryProblem[]>([]);
  const field = (key: keyof RosterEntry, label: string) => (
    <label htmlFor={`${id}-${key}`}>
      {label}
      <input
        type="text"
        id={`${id}-${key}`}
        value={entry[key] ?? ''}
        autoComplete="off"
        onChange={(e) => setEntry({ ...entry, [key]: e.target.value })}
      />
    </label>
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const member = trimmed(entry);
    const found = memberProblems(member, props.others);
    setProblems(found);
    if (found.length > 0) return;
    if (await props.onSubmit(member)) setEntry(props.initial);
  };

  // A problem found here takes the place of an older refusal from the server.
  const serverProblems =
    problems.length === 0 && props.refusal?.error === 'INVALID_ROSTER' ? props.refusal.params.problems : undefined;
  return (
    <form className="member-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="fields">
        {field('name', c.members.name)}
        {field('position', c.members.position)}
        {field('group', c.members.group)}
        {props.weighted ? field('weight', p.weight) : null}
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            {props.cancelLabel}
          </button>
        ) : null}
      </div>
      {problems.length > 0 ? (
        <MemberProblems problems={problems} />
      ) : serverProblems ? (
        <MemberProblems problems={serverProblems} />
      ) : props.refusal ? (
        <ErrorNote refusal={props.refusal} />
      ) : null}
    </form>
  );
}

function MemberProblems({ problems }: { problems: readonly RosterProblem[] }) {
  const t = useText(rosterText);
  return (
    <div className="error-note" role="alert">
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{problemText(t, p)}</li>
        ))}
      </ul>
    </div>
  );
}
