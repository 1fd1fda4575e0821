import { useState } from 'react';

interface Props {
  readonly label: string;
  /** The question, with the numbers that make the consequence plain. */
  readonly question: string;
  readonly confirmLabel: string;
  readonly backLabel: string;
  readonly onConfirm: () => void;
  readonly danger?: boolean;
  readonly disabled?: boolean;
}

/** A button that asks before it acts, inline (no browser dialog that hides the console). */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  backLabel,
  onConfirm,
  danger = false,
  disabled = false,
}: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className={danger ? 'danger' : undefined}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="alertdialog" aria-label={label}>
      <p>{question}</p>
      <button
        type="button"
        className={danger ? 'danger' : 'primary'}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {backLabel}
      </button>
    </div>
  );
}
