import type { RosterField, RosterProblem } from '@hallvote/shared';
import { useText } from '../../i18n';
import { commonText } from '../../i18n/common';
import { sayRefusal, useRefusalText } from '../../i18n/refusals';
import { rosterText } from '../../i18n/roster';
import type { Refusal } from '../../reply';
import { ErrorNote } from '../ErrorNote';

/** More than a chair reads at once; the count says how many more there are. */
const SHOWN = 50;

type RosterTexts = (typeof rosterText)['en'];

/** A problem in words: "Line 7: Same name and position as line 3." */
export function problemText(t: RosterTexts, problem: RosterProblem): string {
  // Each code's text takes that code's problem; the table is keyed by code, so this call is sound.
  const say = t.problems[problem.code] as (p: RosterProblem, field: (f: RosterField) => string) => string;
  return say(problem, (f) => t.fields[f]);
}

/** Every roster problem, in line order, in the viewer's language. */
export function RosterProblems({ problems }: { problems: readonly RosterProblem[] }) {
  const t = useText(rosterText);
  const common = useText(commonText);
  if (problems.length === 0) return null;
  return (
    <div className="roster-problems" role="alert">
      <p>
        <strong>{t.problemCount(problems.length)}</strong>
      </p>
      <ul>
        {problems.slice(0, SHOWN).map((p, i) => (
          <li key={i}>
            {'line' in p ? `${common.line(p.line)}: ` : ''}
            {problemText(t, p)}
          </li>
        ))}
      </ul>
      {problems.length > SHOWN ? <p>{t.moreProblems(problems.length - SHOWN)}</p> : null}
    </div>
  );
}

/**
 * A refused import or meeting: a roster refusal as its problems, in the viewer's language (never the
 * server's English sentence); any other refusal as every view shows one.
 */
export function RosterRefusal({ refusal, lead }: { refusal: Refusal; lead?: string | undefined }) {
  const t = useRefusalText();
  if (refusal.error !== 'INVALID_ROSTER') return <ErrorNote refusal={refusal} lead={lead} />;
  return (
    <>
      <p className="error-note">
        {lead ? <strong>{lead} </strong> : null}
        {sayRefusal(t, refusal)}
      </p>
      <RosterProblems problems={refusal.params.problems} />
    </>
  );
}
