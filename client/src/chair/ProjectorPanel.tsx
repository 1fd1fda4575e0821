import { useState } from 'react';
import { PROJECTOR_MODES, type ProjectorMode } from '@hallvote/shared';
import { useText } from '../i18n';
import { consoleText } from '../i18n/console';
import { ErrorNote } from '../ui/ErrorNote';
import { useChairRequest } from './session';
import { useChair } from './store';

/**
 * The projector, apart from the phones: the live view, a blank screen or a slide with the meeting's
 * title (and a line under it), and whether a published result is up there.
 */
export function ProjectorPanel() {
  const c = useText(consoleText);
  const { run, busy, refusal } = useChairRequest();
  const screen = useChair((s) => s.projector);
  const [text, setText] = useState('');
  if (!screen) return null;
  const setMode = (mode: ProjectorMode) => void run('projector:set-screen', { mode, slideText: text.trim() });
  return (
    <section className="projector-panel" aria-labelledby="projector-heading">
      <h2 id="projector-heading">{c.projector.heading}</h2>
      <div className="mode-buttons" role="group" aria-label={c.projector.heading}>
        {PROJECTOR_MODES.map((mode) => (
          <button
            key={mode}
            type="button"
            aria-pressed={screen.mode === mode}
            disabled={busy}
            onClick={() => setMode(mode)}
          >
            {c.projector.modes[mode]}
          </button>
        ))}
      </div>
      <label className="slide-text">
        {c.projector.slideText}
        <input type="text" value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
      </label>
      {screen.mode === 'slide' && screen.slideText !== text.trim() ? (
        <button type="button" disabled={busy} onClick={() => setMode('slide')}>
          {c.projector.showSlide}
        </button>
      ) : null}
      <p className="projector-result">
        {c.projector.result}: <strong>{screen.resultShown ? c.projector.resultShown : c.projector.resultHidden}</strong>
      </p>
      <button
        type="button"
        disabled={busy}
        onClick={() => void run('projector:show-result', { shown: !screen.resultShown })}
      >
        {screen.resultShown ? c.projector.hide : c.projector.show}
      </button>
      {refusal ? <ErrorNote refusal={refusal} /> : null}
    </section>
  );
}
