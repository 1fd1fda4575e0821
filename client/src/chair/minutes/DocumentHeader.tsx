// The header a Vietnamese Party or state document opens with (issue 16), from the meeting's
// settings: the issuing body on the left with a star under it, the national line on the right
// ("ĐẢNG CỘNG SẢN VIỆT NAM", or the state motto) with a rule under it, and the place-and-date line
// in the meeting's time zone. A part the meeting left empty prints a dotted line to fill in by hand.
import type { DocumentHeader as Header } from '@hallvote/shared';
import { useText } from '../../i18n';
import { useFormats } from '../../i18n/format';
import { minutesText } from '../../i18n/minutes';

export function DocumentHeader({ header, dated }: { header: Header; dated: string }) {
  const t = useText(minutesText);
  const day = useFormats().calendarDay(dated);
  return (
    <div className="document-header" role="group" aria-label={t.document.label}>
      <div className="issuer">
        {header.issuer.length > 0 ? (
          header.issuer.map((line, i) => (
            <p key={i} className={i === header.issuer.length - 1 ? 'issuing-body' : undefined}>
              {line}
            </p>
          ))
        ) : (
          <p>{t.document.blank}</p>
        )}
        <p className="star" aria-hidden="true">
          *
        </p>
      </div>
      <div className="national">
        {header.national.map((line, i) => (
          <p key={i} className={i === 0 ? 'nation' : 'motto'}>
            {line}
          </p>
        ))}
        {header.national.length > 0 ? <hr /> : null}
        <p className="place-date">
          {t.document.placeDate(header.place || t.document.blank, day.day, day.month, day.year)}
        </p>
      </div>
    </div>
  );
}
