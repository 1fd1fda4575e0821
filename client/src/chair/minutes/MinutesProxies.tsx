// The minutes' part of issue 19: what the counts count (weight, or members and weight), and every
// proxy the round used (holder, grantor, the grantor's weight), from the round's export.
import type { MeetingExport, RoundExport, TallyResult } from '@hallvote/shared';
import { useLanguage, useText } from '../../i18n';
import { formatWeight, proxyText } from '../../i18n/proxies';

export function CountedByNote({ tally }: { tally: TallyResult }) {
  const t = useText(proxyText);
  const represented = tally.attendance.represented ?? 0;
  if (!tally.countBy && represented === 0) return null;
  return (
    <section className="minutes-section counted-by">
      {tally.countBy ? <p>{t.countedBy[tally.countBy]}</p> : null}
      {represented > 0 ? <p>{t.represented(represented)}</p> : null}
    </section>
  );
}

export function ProxiesSection({
  round,
  delegates,
}: {
  round: RoundExport;
  delegates: readonly Pick<MeetingExport['delegates'][number], 'id' | 'name' | 'weight'>[];
}) {
  const t = useText(proxyText);
  const language = useLanguage();
  const proxies = round.proxies ?? [];
  if (proxies.length === 0) return null;
  const member = (id: string) => delegates.find((d) => d.id === id);
  return (
    <section className="minutes-section" aria-labelledby="minutes-proxies">
      <h2 id="minutes-proxies">{t.minutes.proxies}</h2>
      <table className="minutes-table">
        <thead>
          <tr>
            <th scope="col">{t.minutes.holder}</th>
            <th scope="col">{t.minutes.grantor}</th>
            <th scope="col" className="num">
              {t.weight}
            </th>
          </tr>
        </thead>
        <tbody>
          {[...proxies]
            .sort((a, b) => (member(a.holderId)?.name ?? '').localeCompare(member(b.holderId)?.name ?? '', 'vi'))
            .map((p) => (
              <tr key={p.grantorId}>
                <td>{member(p.holderId)?.name ?? p.holderId}</td>
                <td>{member(p.grantorId)?.name ?? p.grantorId}</td>
                <td className="num">{formatWeight(member(p.grantorId)?.weight ?? 1, language)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}
