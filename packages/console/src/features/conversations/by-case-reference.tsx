import { normaliseCaseReference } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { ApiError, messageOf } from '../../api/errors.ts';
import { pathTo } from '../../route-match.ts';
import { Link, navigate } from '../../router.tsx';
import { useConversationsTexts } from './texts.ts';

/** A page found by the case reference in its address: what it has loaded so far. `F` is what it shows once found. */
export type LoadedByReference<F> =
  F | { status: 'loading' } | { status: 'not-found' } | { status: 'invalid' } | { status: 'error'; message: string };

/**
 * Loads what a page shows for the case reference in its address (`route` has `:caseReference`).
 * A reference typed in another form ("4k7m9p2x") moves to its canonical address. The server's
 * 404 means nothing has that reference, its 400 that the reference is not valid.
 * `load` must not change between renders (a module-level function); changing `reload` loads again.
 */
export function useLoadByCaseReference<F>(
  typed: string,
  route: string,
  load: (caseReference: string) => Promise<F>,
  reload = 0,
) {
  const caseReference = normaliseCaseReference(typed);
  const [loaded, setLoaded] = useState<LoadedByReference<F>>(
    caseReference ? { status: 'loading' } : { status: 'invalid' },
  );

  useEffect(() => {
    if (caseReference && caseReference !== typed) navigate(pathTo(route, { caseReference }), { replace: true });
  }, [caseReference, typed, route]);

  useEffect(() => {
    if (!caseReference) {
      setLoaded({ status: 'invalid' });
      return;
    }
    let cancelled = false;
    setLoaded({ status: 'loading' });
    load(caseReference).then(
      (found) => !cancelled && setLoaded(found),
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 404) setLoaded({ status: 'not-found' });
        else if (error instanceof ApiError && error.status === 400) setLoaded({ status: 'invalid' });
        else setLoaded({ status: 'error', message: messageOf(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [caseReference, load, reload]);

  return { caseReference, loaded, setLoaded };
}

/** Why nothing is shown for the reference in the address, and a link to find another. */
export function ReferenceNotFound({
  status,
  notFound,
  findHref,
  findText,
}: {
  status: 'invalid' | 'not-found';
  /** The sentence for a valid reference nothing has. */
  notFound: string;
  findHref: string;
  findText: string;
}) {
  const t = useConversationsTexts();
  return (
    <>
      <p className="govuk-body">{status === 'invalid' ? `${t.errors.invalidReference}.` : notFound}</p>
      <p className="govuk-body">
        <Link className="govuk-link" href={findHref}>
          {findText}
        </Link>
      </p>
    </>
  );
}
