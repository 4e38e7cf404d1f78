import type { Wallboard } from '@ward/protocol';
import { useEffect, useRef } from 'react';
import { fetchWallboard } from '../../api/reports.ts';
import { Link } from '../../router.tsx';
import { paths } from '../../route-match.ts';
import { useWallboardHints } from '../../realtime/use-wallboard-hints.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
import { count, duration } from './report-wording.ts';
import { waitingAnnouncement, wallboardHintDelayMs, wallboardRefreshMs } from './wallboard-wording.ts';

/**
 * The live wallboard (issue 12): read again shortly after each hint from the server (a chat
 * started, was answered or ended; several close together count once) and every 30 seconds in case
 * a hint was missed. Only a change of "waiting now" is announced, not every read.
 */
export function WallboardPage() {
  const { loaded, reload } = useLoaded(fetchWallboard);
  const announce = useAnnounce();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const waiting = useRef<number | null>(null);

  useWallboardHints(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      reload();
    }, wallboardHintDelayMs);
  });
  useEffect(() => {
    const every = setInterval(reload, wallboardRefreshMs);
    return () => {
      clearInterval(every);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [reload]);
  useEffect(() => {
    if (loaded.status !== 'ready') return;
    const text = waitingAnnouncement(waiting.current, loaded.data.waitingNow);
    waiting.current = loaded.data.waitingNow;
    if (text) announce(text);
  }, [loaded, announce]);

  return (
    <>
      <PageTitle title="Wallboard" />
      <p className="govuk-body">
        Your team’s chats now and today, updated as they happen. It holds no resident’s details.{' '}
        <Link className="govuk-link" href={paths.reports}>
          Reports
        </Link>{' '}
        have the figures over time.
      </p>
      {loaded.status === 'loading' ? <Loading text="Loading the wallboard…" /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? <Figures board={loaded.data} /> : null}
    </>
  );
}

function Figures({ board }: { board: Wallboard }) {
  const items: Array<[string, string]> = [
    ['Waiting now', count(board.waitingNow)],
    ['Longest wait', board.waitingNow > 0 ? duration(board.longestWaitSeconds * 1000) : '–'],
    ['Advisers available', count(board.agentsAvailable)],
    ['Answered today', count(board.answeredToday)],
    ['Abandoned today', count(board.abandonedToday)],
  ];
  const asOf = new Date(board.asOf).toLocaleTimeString('en-GB', { timeZone: 'Europe/London' });
  return (
    <>
      <dl className="ward-figures ward-figures--large">
        {items.map(([name, value]) => (
          <div className="ward-figures__item" key={name}>
            <dt className="ward-figures__name">{name}</dt>
            <dd className="ward-figures__value">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="govuk-body-s">Updated at {asOf}. Today is from midnight, UK time.</p>
    </>
  );
}
