import type { MouseEvent, ReactNode } from 'react';
import { useState } from 'react';
import type { StaffMember } from '@ward/protocol';
import { matchPath, paths } from '../route-match.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session/session.tsx';
import { messageOf } from '../api/errors.ts';
import { useShellTexts } from '../i18n/shell.ts';
import { PreSignInLanguage } from './PreSignInLanguage.tsx';

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('main-content');
  if (!main) return;
  event.preventDefault();
  main.focus();
}

function SkipLink() {
  return (
    <a href="#main-content" className="govuk-skip-link" onClick={skipToMain}>
      {useShellTexts().skipLink}
    </a>
  );
}

function SignOutButton({ onError }: { onError: (message: string) => void }) {
  const { signOut } = useSession();
  const [busy, setBusy] = useState(false);
  const texts = useShellTexts();
  async function handleClick() {
    setBusy(true);
    try {
      await signOut();
      navigate(paths.signIn);
    } catch (error) {
      onError(messageOf(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <button type="button" className="ward-header__sign-out" onClick={handleClick} disabled={busy}>
      {texts.signOut}
    </button>
  );
}

function Header({ staff, onSignOutError }: { staff: StaffMember | null; onSignOutError: (message: string) => void }) {
  const texts = useShellTexts();
  return (
    <header className="moj-header">
      <div className="moj-header__container">
        <div className="moj-header__logo">
          <Link
            className="moj-header__link moj-header__link--organisation-name"
            href={staff ? paths.chats : paths.signIn}
          >
            Ward
          </Link>{' '}
          <span className="moj-header__link moj-header__link--service-name">{texts.serviceName}</span>
        </div>
        {staff ? (
          <div className="moj-header__content">
            <Link className="ward-header__user" href={paths.account}>
              <span className="govuk-visually-hidden">{texts.accountLink}</span>
              {staff.firstName} {staff.lastName}
            </Link>
            <Link className="ward-header__link" href={paths.mfa}>
              {texts.twoStepSignIn}
            </Link>
            <SignOutButton onError={onSignOutError} />
          </div>
        ) : null}
      </div>
    </header>
  );
}

export interface NavItem {
  href: string;
  text: ReactNode;
}

/** MOJ primary navigation; the current page's link has aria-current="page", its section "true". */
function PrimaryNavigation({ items }: { items: NavItem[] }) {
  const { pathname } = useLocation();
  const texts = useShellTexts();
  return (
    <div className="moj-primary-navigation">
      <div className="moj-primary-navigation__container">
        <div className="moj-primary-navigation__nav">
          <nav className="moj-primary-navigation" aria-label={texts.primaryNavigation}>
            <ul className="moj-primary-navigation__list">
              {items.map((item) => {
                const current =
                  pathname === item.href ? 'page' : pathname.startsWith(`${item.href}/`) ? 'true' : undefined;
                return (
                  <li className="moj-primary-navigation__item" key={item.href}>
                    <Link className="moj-primary-navigation__link" href={item.href} aria-current={current}>
                      {item.text}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}

/**
 * The frame of every page: skip link, header, navigation when signed in, and the main landmark.
 * The sign-in page, where nobody is known yet, is in the browser's language (ADR 51).
 */
export function Layout(props: { staff: StaffMember | null; navigation: NavItem[] | null; children: ReactNode }) {
  const { pathname } = useLocation();
  if (props.staff === null && matchPath(paths.signIn, pathname))
    return (
      <PreSignInLanguage>
        <Frame {...props} />
      </PreSignInLanguage>
    );
  return <Frame {...props} />;
}

function Frame({
  staff,
  navigation,
  children,
}: {
  staff: StaffMember | null;
  navigation: NavItem[] | null;
  children: ReactNode;
}) {
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const texts = useShellTexts();
  return (
    <>
      <SkipLink />
      <Header staff={staff} onSignOutError={setSignOutError} />
      {navigation ? <PrimaryNavigation items={navigation} /> : null}
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {signOutError ? (
            <div className="govuk-error-summary" role="alert">
              <h2 className="govuk-error-summary__title">{texts.notSignedOut}</h2>
              <div className="govuk-error-summary__body">
                <p className="govuk-body">{signOutError}</p>
              </div>
            </div>
          ) : null}
          {children}
        </main>
      </div>
    </>
  );
}
