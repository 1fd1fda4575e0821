import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Proxy } from '@hallvote/shared';
import { useText } from '../i18n';
import { proxyText } from '../i18n/proxies';
import { ErrorNote } from '../ui/ErrorNote';
import { useChairRequest } from './session';
import { useChair } from './store';

/**
 * The chair records a proxy (a member who cannot come gives their vote to one who does) and takes
 * it back. The server checks every rule (limit per holder, a grantor present, a proxy passed on);
 * this form only lists whom it makes sense to pick.
 */
export function ProxyPanel() {
  const t = useText(proxyText);
  const rule = useChair((s) => s.meeting?.rules.proxies);
  const proxies = useChair((s) => s.proxies);
  const members = useChair(useShallow((s) => s.delegates.map((d) => `${d.id}\u0000${d.name}\u0000${d.attendance}`)));
  const { run, busy, refusal } = useChairRequest();
  const [grantorId, setGrantor] = useState('');
  const [holderId, setHolder] = useState('');
  const [instructions, setInstructions] = useState('');
  if (!rule)
    return (
      <section className="proxy-panel" aria-labelledby="proxies-heading">
        <h2 id="proxies-heading">{t.proxies.heading}</h2>
        <p className="empty">{t.proxies.notAllowed}</p>
      </section>
    );
  const roster = members.map((m) => {
    const [id = '', name = '', attendance = ''] = m.split('\u0000');
    return { id, name, attendance };
  });
  const grant = async () => {
    const reply = await run('proxy:grant', { grantorId, holderId, instructions });
    if (reply.ok) {
      setGrantor('');
      setInstructions('');
    }
  };
  return (
    <section className="proxy-panel" aria-labelledby="proxies-heading">
      <h2 id="proxies-heading">{t.proxies.heading}</h2>
      <p>
        {t.proxies.limit(rule.maxPerHolder)} {t.proxies.fromNextRound}
      </p>
      <form
        className="proxy-form"
        onSubmit={(e) => {
          e.preventDefault();
          void grant();
        }}
      >
        <label>
          {t.proxies.grantor}
          <select value={grantorId} onChange={(e) => setGrantor(e.target.value)}>
            <option value="">{t.proxies.choose}</option>
            {roster
              .filter((m) => m.attendance !== 'present')
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t.proxies.holder}
          <select value={holderId} onChange={(e) => setHolder(e.target.value)}>
            <option value="">{t.proxies.choose}</option>
            {roster
              .filter((m) => m.id !== grantorId)
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t.proxies.instructions}
          <input value={instructions} maxLength={500} onChange={(e) => setInstructions(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={busy || !grantorId || !holderId}>
          {t.proxies.grant}
        </button>
      </form>
      {refusal ? <ErrorNote refusal={refusal} /> : null}
      {proxies.length === 0 ? (
        <p className="empty">{t.proxies.none}</p>
      ) : (
        <ul className="proxies">
          {proxies.map((p) => (
            <ProxyRow key={p.id} proxy={p} busy={busy} onRevoke={() => void run('proxy:revoke', { proxyId: p.id })} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProxyRow({ proxy, busy, onRevoke }: { proxy: Proxy; busy: boolean; onRevoke: () => void }) {
  const t = useText(proxyText);
  const grantor = useChair((s) => s.delegates.find((d) => d.id === proxy.grantorId)?.name ?? '');
  const holder = useChair((s) => s.delegates.find((d) => d.id === proxy.holderId)?.name ?? '');
  return (
    <li className={proxy.revokedAt ? 'revoked' : 'in-force'}>
      <span>{t.proxies.row(grantor, holder)}</span>
      {proxy.instructions ? <small className="instructions">{proxy.instructions}</small> : null}
      {proxy.revokedBy ? (
        <small>{t.proxies.revokedBy[proxy.revokedBy]}</small>
      ) : (
        <>
          <small>{t.proxies.inForce}</small>
          <button type="button" disabled={busy} onClick={onRevoke} aria-label={`${t.proxies.revoke}: ${grantor}`}>
            {t.proxies.revoke}
          </button>
        </>
      )}
    </li>
  );
}
