import type { ReactNode } from 'react';
import { Link } from '../../router.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { IntakeConfirmation } from './ContactFields.tsx';
import type { ContactFormState } from './use-contact-form.ts';

/**
 * The page around a contact form (back link, error summary, title, submit button), or the
 * confirmation panel once the contact is saved. The form's own fields are the children.
 */
export function ContactFormPage({
  form,
  back,
  title,
  intro,
  submitText,
  confirmationTitle,
  againText,
  children,
}: {
  form: ContactFormState;
  back: { href: string; text: string };
  title: string;
  intro: ReactNode;
  submitText: string;
  confirmationTitle: string;
  againText: string;
  children: ReactNode;
}) {
  if (form.result) {
    return (
      <IntakeConfirmation
        title={confirmationTitle}
        result={form.result}
        againText={againText}
        again={form.startAgain}
      />
    );
  }

  return (
    <>
      <Link className="govuk-back-link" href={back.href}>
        {back.text}
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={form.summary} attempt={form.attempt} />
          <PageTitle title={title} hasErrors={form.summary.length > 0} />
          <p className="govuk-body">{intro}</p>
          <form noValidate onSubmit={form.handleSubmit}>
            {children}
            <button
              type="submit"
              className="govuk-button"
              data-module="govuk-button"
              aria-disabled={form.busy || undefined}
            >
              {submitText}
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
