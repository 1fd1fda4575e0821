import type { TallyOption, TallySubject } from '@hallvote/shared';
import { useShallow } from 'zustand/react/shallow';
import { useText } from '../i18n';
import { delegateText } from '../i18n/delegate';
import { onOptionGroupKey } from '../ui/roving';
import { useDelegate, type ElectionStyle } from './store';
import { chosenFor, crossingOut, markLimit, setElectionStyle, toggleMark } from './vote-actions';

/**
 * An election: the candidates, a "2 of 3 chosen" count kept in view, and the choice between ticking
 * names and crossing them out as on a paper ballot. Either way the draft holds the names chosen.
 */
export function ElectionCard({ subject }: { subject: TallySubject }) {
  const t = useText(delegateText);
  const options = useDelegate(useShallow((s) => s.ballot?.options ?? []));
  const limit = useDelegate((s) => (s.ballot ? markLimit(s.ballot) : 1));
  const style = useDelegate((s) => s.electionStyle);
  const cross = useDelegate((s) => (s.ballot ? crossingOut(s.ballot, s.electionStyle) : false));
  const chosen = useDelegate(
    useShallow((s) => (s.ballot ? chosenFor(s.ballot, s.draft, s.electionStyle, subject.id) : [])),
  );
  const over = chosen.length - limit;
  return (
    <div className="subject-card election">
      <StyleSwitch style={style} />
      <p className="instruction">{cross ? t.crossHint(limit) : t.chooseUpTo(limit)}</p>
      <p className={`progress chosen-count${over > 0 ? ' over' : ''}`} role="status">
        <span>{t.chosenOf(chosen.length, limit)}</span>
        {over > 0 ? <span> {t.crossOutMore(over)}</span> : null}
      </p>
      <div role="group" aria-labelledby="ballot-title" className="options" onKeyDown={onOptionGroupKey}>
        {options.map((option) => (
          <Candidate
            key={option.id}
            subjectId={subject.id}
            option={option}
            chosen={chosen.includes(option.id)}
            cross={cross}
            // Ticking: once k are chosen the others wait; crossing out never blocks a tap.
            disabled={!cross && !chosen.includes(option.id) && chosen.length >= limit}
          />
        ))}
      </div>
    </div>
  );
}

function StyleSwitch({ style }: { style: ElectionStyle }) {
  const t = useText(delegateText);
  const choices: readonly [ElectionStyle, string][] = [
    ['cross', t.styleCross],
    ['tick', t.styleTick],
  ];
  return (
    <div className="style-switch" role="group" aria-label={t.markStyle}>
      {choices.map(([value, label]) => (
        <button key={value} type="button" aria-pressed={style === value} onClick={() => setElectionStyle(value)}>
          {label}
        </button>
      ))}
    </div>
  );
}

function Candidate(props: {
  subjectId: string;
  option: TallyOption;
  chosen: boolean;
  cross: boolean;
  disabled: boolean;
}) {
  const t = useText(delegateText);
  const { subjectId, option, chosen, cross, disabled } = props;
  const struck = cross && !chosen;
  return (
    <button
      type="button"
      role="checkbox"
      aria-checked={chosen}
      disabled={disabled}
      className={`option candidate${chosen && !cross ? ' checked' : ''}${struck ? ' struck' : ''}`}
      onClick={() => toggleMark(subjectId, option.id)}
    >
      <span className="mark" aria-hidden="true">
        {cross ? (struck ? '✕' : '') : chosen ? '✓' : ''}
      </span>
      <span className="name">{option.label}</span>
      {struck ? <span className="visually-hidden"> ({t.crossed})</span> : null}
    </button>
  );
}
