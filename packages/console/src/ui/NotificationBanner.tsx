import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { useShellTexts } from '../i18n/shell.ts';

/** GOV.UK notification banner. A success banner is announced and takes focus, as in GOV.UK Frontend. */
export function NotificationBanner({
  success,
  title,
  heading,
  children,
}: {
  success?: boolean;
  title?: string;
  heading: ReactNode;
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const texts = useShellTexts();
  useEffect(() => {
    if (success) ref.current?.focus();
  }, [success]);
  const titleId = `banner-title-${success ? 'success' : 'important'}`;
  return (
    <div
      ref={ref}
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={success ? -1 : undefined}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title ?? (success ? texts.success : texts.important)}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
