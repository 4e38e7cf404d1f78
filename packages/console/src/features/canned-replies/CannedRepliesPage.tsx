import type { CannedReply } from '@ward/protocol';
import { cannedReplyPlaceholders } from '@ward/protocol';
import { useState } from 'react';
import { createCannedReply, deleteCannedReply, fetchCannedReplies } from '../../api/canned-replies.ts';
import { messageOf } from '../../api/errors.ts';
import { fetchDepartmentsAndTopics } from '../../api/staff.ts';
import { useStaff } from '../../session/session.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Radios, Textarea, TextInput } from '../../ui/Field.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { useLoaded } from '../../ui/use-loaded.ts';
import { useCannedRepliesTexts } from './texts.ts';
import { validateCannedReply } from './validate-canned-reply.ts';

/** Canned replies (issue 11): your own, and your departments' (administrators and supervisors manage those). */
export function CannedRepliesPage() {
  const me = useStaff();
  const announce = useAnnounce();
  const texts = useCannedRepliesTexts();
  const { loaded, reload } = useLoaded(async () => {
    const [replies, { departments }] = await Promise.all([fetchCannedReplies(), fetchDepartmentsAndTopics()]);
    return { replies, departments };
  });
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [whose, setWhose] = useState<string>('me');
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { title: 'canned-title', body: 'canned-body', whose: 'canned-whose' };
  const form = useFormSubmit(ids, ['title', 'body', 'whose']);

  if (loaded.status !== 'ready')
    return (
      <>
        <PageTitle title={texts.title} />
        {loaded.status === 'loading' ? <Loading /> : <LoadError message={loaded.message} />}
      </>
    );
  const { replies, departments } = loaded.data;
  const label = (id: string | null) => (id ? (departments.find((d) => d.id === id)?.label ?? id) : texts.onlyYou);
  // Departments whose replies you manage: every one for administrators, your own (or all) for supervisors.
  const managed =
    me.role === 'admin' || (me.role === 'supervisor' && me.departments.length === 0)
      ? departments
      : me.role === 'supervisor'
        ? departments.filter((d) => me.departments.includes(d.id))
        : [];

  function check() {
    const errors = validateCannedReply(title, body, texts.errors);
    if (Object.keys(errors).length > 0) return { errors };
    return {
      send: async () => {
        await createCannedReply({ title, body, ...(whose === 'me' ? {} : { departmentId: whose }) });
        setTitle('');
        setBody('');
        announce(texts.added(title.trim()));
        reload();
      },
    };
  }

  async function remove(reply: CannedReply) {
    setProblem(null);
    try {
      await deleteCannedReply(reply.id);
      announce(texts.deleted(reply.title));
      reload();
    } catch (error) {
      setProblem(messageOf(error));
    }
  }

  return (
    <>
      <PageTitle title={texts.title} hasErrors={form.hasErrors} />
      <p className="govuk-body">{texts.explained(cannedReplyPlaceholders.map((p) => `{${p}}`).join(', '))}</p>
      {problem ? (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">{texts.errorPrefix}</span> {problem}
        </p>
      ) : null}
      {replies.length === 0 ? <p className="govuk-body">{texts.noneYet}</p> : null}
      <ul className="govuk-list">
        {replies.map((reply) => (
          <li key={reply.id} className="govuk-!-margin-bottom-4">
            <h2 className="govuk-heading-s govuk-!-margin-bottom-1">{reply.title}</h2>
            <p className="govuk-hint govuk-!-margin-bottom-1">{label(reply.departmentId)}</p>
            <p className="govuk-body ward-message__body">{reply.body}</p>
            {reply.editable ? (
              <button type="button" className="govuk-button govuk-button--warning" onClick={() => void remove(reply)}>
                {texts.delete}
                <span className="govuk-visually-hidden"> “{reply.title}”</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>

      <h2 className="govuk-heading-m">{texts.addHeading}</h2>
      <form noValidate onSubmit={(event) => void form.submit(event, check)}>
        <ErrorSummary errors={form.summary} attempt={form.attempt} />
        <TextInput
          id={ids.title}
          label={texts.titleLabel}
          value={title}
          onValueChange={setTitle}
          error={form.errors.title}
        />
        <Textarea
          id={ids.body}
          label={texts.textLabel}
          hint={texts.textHint}
          value={body}
          onValueChange={setBody}
          error={form.errors.body}
          spellCheck
        />
        {managed.length > 0 ? (
          <Radios
            id={ids.whose}
            legend={texts.whoCanUse}
            items={[
              { value: 'me', label: texts.onlyYou },
              ...managed.map((d) => ({ value: d.id, label: texts.everyoneIn(d.label) })),
            ]}
            value={whose}
            onValueChange={setWhose}
            error={form.errors.whose}
          />
        ) : null}
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {texts.add}
        </button>
      </form>
    </>
  );
}
