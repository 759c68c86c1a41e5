import type { Profile } from '#shared/profiles/index.ts';
import { afterClosingAdvice, filingWindows } from '../filing-dates.ts';

/** The filing windows with the days left (or 已截止), and what to do once they have closed. */
export function FilingDates({ profile, heading = 'h2' }: { profile: Profile; heading?: 'h2' | 'h3' }) {
  const windows = filingWindows(profile);
  const allClosed = windows.every((w) => w.status === 'after');
  const Heading = heading;
  return (
    <section className="card filing-dates" aria-label="受理时间">
      <Heading>受理时间</Heading>
      <dl className="date-list">
        {windows.map((w) => (
          <div key={w.key} className={`date-row ${w.status}`}>
            <dt>{w.label}</dt>
            <dd>
              {w.range}
              <strong className="date-state">{w.state}</strong>
            </dd>
          </div>
        ))}
      </dl>
      {allClosed && <p className="note">{afterClosingAdvice(profile)}</p>}
    </section>
  );
}
