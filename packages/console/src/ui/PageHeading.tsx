import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { useLocation } from '../router.tsx';
import { useShellTexts } from '../i18n/shell.ts';

/** Sets `document.title` as GOV.UK does: "Error: " first when the page shows errors. */
export function useDocumentTitle(title: string, hasErrors = false): void {
  const { errorTitlePrefix, titleSuffix } = useShellTexts();
  useEffect(() => {
    document.title = `${hasErrors ? errorTitlePrefix : ''}${title}${titleSuffix}`;
  }, [title, hasErrors, errorTitlePrefix, titleSuffix]);
}

let focusedForNavigation = 0;

/**
 * The page's h1. After each in-app navigation (not the first page load) it takes focus, so
 * screen reader users hear the new page and keyboard users continue from its top.
 */
export function PageHeading({
  children,
  caption,
  className,
}: {
  children: ReactNode;
  caption?: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { navigationCount } = useLocation();
  useEffect(() => {
    // Also when a heading replaces one that had focus (for example once a page has loaded).
    const nothingFocused = document.activeElement === null || document.activeElement === document.body;
    if (navigationCount > 0 && (focusedForNavigation !== navigationCount || nothingFocused)) {
      focusedForNavigation = navigationCount;
      ref.current?.focus();
    }
  }, [navigationCount]);
  return (
    <>
      {caption ? <span className="govuk-caption-l">{caption}</span> : null}
      <h1 ref={ref} tabIndex={-1} className={`${className ?? 'govuk-heading-l'} ward-page-heading`}>
        {children}
      </h1>
    </>
  );
}

/** A page's heading and title together. */
export function PageTitle({
  title,
  heading,
  caption,
  hasErrors,
}: {
  title: string;
  heading?: ReactNode;
  caption?: ReactNode;
  hasErrors?: boolean;
}) {
  useDocumentTitle(title, hasErrors);
  return <PageHeading caption={caption}>{heading ?? title}</PageHeading>;
}
