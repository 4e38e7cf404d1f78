import type { Wallboard } from '@ward/protocol';
import { useEffect, useRef } from 'react';
import { fetchWallboard } from '../../api/reports.ts';
import { Link } from '../../router.tsx';
import { paths } from '../../route-match.ts';
import { useReloadOnHints } from '../../realtime/use-wallboard-hints.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
import { count, duration } from './report-wording.ts';
import { waitingAnnouncement, wallboardHintDelayMs, wallboardRefreshMs } from './wallboard-wording.ts';
import { useReportsTexts } from './texts.ts';

/**
 * The live wallboard (issue 12): read again shortly after each hint from the server (a chat
 * started, was answered or ended; several close together count once) and every 30 seconds in case
 * a hint was missed. Only a change of "waiting now" is announced, not every read.
 */
export function WallboardPage() {
  const { loaded, reload } = useLoaded(fetchWallboard);
  const announce = useAnnounce();
  const waiting = useRef<number | null>(null);
  const texts = useReportsTexts();

  useReloadOnHints(reload, wallboardHintDelayMs, wallboardRefreshMs);
  useEffect(() => {
    if (loaded.status !== 'ready') return;
    const text = waitingAnnouncement(waiting.current, loaded.data.waitingNow, texts);
    waiting.current = loaded.data.waitingNow;
    if (text) announce(text);
  }, [loaded, announce, texts]);

  return (
    <>
      <PageTitle title={texts.wallboardTitle} />
      <p className="govuk-body">
        {texts.wallboardIntro}{' '}
        <Link className="govuk-link" href={paths.reports}>
          {texts.reportsLink}
        </Link>{' '}
        {texts.haveFiguresOverTime}
      </p>
      {loaded.status === 'loading' ? <Loading text={texts.loadingWallboard} /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? <Figures board={loaded.data} /> : null}
    </>
  );
}

function Figures({ board }: { board: Wallboard }) {
  const texts = useReportsTexts();
  const items: Array<[string, string]> = [
    [texts.waitingNow, count(board.waitingNow)],
    [texts.headline.longestWait, board.waitingNow > 0 ? duration(board.longestWaitSeconds * 1000, texts.units) : '–'],
    [texts.advisersAvailable, count(board.agentsAvailable)],
    [texts.answeredToday, count(board.answeredToday)],
    [texts.abandonedToday, count(board.abandonedToday)],
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
      <p className="govuk-body-s">{texts.updatedAt(asOf)}</p>
    </>
  );
}
