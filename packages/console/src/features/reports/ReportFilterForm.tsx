import type { CaseChannel, Department, ReportPeriod } from '@ward/protocol';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { DateInput, dateInputFieldId } from '../../ui/DateInput.tsx';
import type { ErrorItem } from '../../ui/ErrorSummary.tsx';
import { Select } from '../../ui/Select.tsx';
import type { TypedDate } from '../../ui/uk-dates.ts';
import { parseIsoDate } from '../../ui/uk-dates.ts';
import type { ReportFilters } from './report-filters.ts';
import { useReportsTexts } from './texts.ts';
import { validateReportFilters, type ReportFilterAnswers, type ReportFilterCheck } from './validate-report-filters.ts';

const ids = { from: 'report-from', to: 'report-to', period: 'report-period' } as const;

export function problemItems(check: ReportFilterCheck): ErrorItem[] {
  const { errors, dateParts } = check;
  return [
    ...(errors.from ? [{ fieldId: dateInputFieldId(ids.from, dateParts.from), text: errors.from }] : []),
    ...(errors.to ? [{ fieldId: dateInputFieldId(ids.to, dateParts.to), text: errors.to }] : []),
    ...(errors.period ? [{ fieldId: ids.period, text: errors.period }] : []),
  ];
}

const typed = (iso: string): TypedDate => {
  const d = parseIsoDate(iso);
  return d ? { day: String(d.day), month: String(d.month), year: String(d.year) } : { day: '', month: '', year: '' };
};

/** The report's period and filters (GOV.UK form); applying them changes the address. */
export function ReportFilterForm({
  filters,
  departments,
  topics,
  advisers,
  onChecked,
}: {
  filters: ReportFilters;
  /** null: the reader sees only their own figures, so no department, topic or adviser to choose. */
  departments: Department[] | null;
  topics: ReadonlyArray<{ id: string; label: string }>;
  advisers: ReadonlyArray<{ id: string; name: string }>;
  onChecked: (check: ReportFilterCheck) => void;
}) {
  const [answers, setAnswers] = useState<ReportFilterAnswers>(() => ({
    from: typed(filters.from),
    to: typed(filters.to),
    period: filters.period,
    departmentId: filters.departmentId ?? '',
    topic: filters.topic ?? '',
    agentId: filters.agentId ?? '',
    channel: filters.channel ?? '',
  }));
  const [check, setCheck] = useState<ReportFilterCheck | null>(null);
  const errors = check?.errors ?? {};
  const texts = useReportsTexts();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateReportFilters(answers, texts.errors);
    setCheck(result.filters ? null : result);
    onChecked(result);
  }

  return (
    <form noValidate onSubmit={handleSubmit} aria-labelledby="report-filter-heading">
      <h2 className="govuk-heading-m" id="report-filter-heading">
        {texts.filtersHeading}
      </h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <DateInput
            id={ids.from}
            legend={texts.from}
            hint={texts.fromHint}
            error={errors.from}
            errorParts={check?.dateParts.from}
            value={answers.from}
            onValueChange={(part, value) => setAnswers((a) => ({ ...a, from: { ...a.from, [part]: value } }))}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <DateInput
            id={ids.to}
            legend={texts.to}
            hint={texts.toHint}
            error={errors.to}
            errorParts={check?.dateParts.to}
            value={answers.to}
            onValueChange={(part, value) => setAnswers((a) => ({ ...a, to: { ...a.to, [part]: value } }))}
          />
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Select
            id={ids.period}
            label={texts.showBy}
            labelClassName="govuk-label--s"
            error={errors.period}
            options={(Object.keys(texts.periods) as ReportPeriod[]).map((p) => ({ value: p, text: texts.periods[p] }))}
            value={answers.period}
            onValueChange={(period) => setAnswers((a) => ({ ...a, period: period as ReportPeriod }))}
          />
        </div>
        {departments ? (
          <div className="govuk-grid-column-one-third">
            <Select
              id="report-department"
              label={texts.department}
              labelClassName="govuk-label--s"
              options={[
                { value: '', text: texts.allYouCanSee },
                ...departments.map((d) => ({ value: d.id, text: d.label })),
              ]}
              value={answers.departmentId}
              onValueChange={(departmentId) => setAnswers((a) => ({ ...a, departmentId }))}
            />
          </div>
        ) : null}
        <div className="govuk-grid-column-one-third">
          <Select
            id="report-channel"
            label={texts.channel}
            labelClassName="govuk-label--s"
            options={[
              { value: '', text: texts.allChannels },
              ...(Object.keys(texts.channels) as CaseChannel[]).map((c) => ({ value: c, text: texts.channels[c] })),
            ]}
            value={answers.channel}
            onValueChange={(channel) => setAnswers((a) => ({ ...a, channel: channel as CaseChannel | '' }))}
          />
        </div>
      </div>
      {departments ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              id="report-topic"
              label={texts.topic}
              labelClassName="govuk-label--s"
              options={[{ value: '', text: texts.allTopics }, ...topics.map((t) => ({ value: t.id, text: t.label }))]}
              value={answers.topic}
              onValueChange={(topic) => setAnswers((a) => ({ ...a, topic }))}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="report-adviser"
              label={texts.adviser}
              labelClassName="govuk-label--s"
              options={[
                { value: '', text: texts.allAdvisers },
                ...advisers.map((a) => ({ value: a.id, text: a.name })),
              ]}
              value={answers.agentId}
              onValueChange={(agentId) => setAnswers((a) => ({ ...a, agentId }))}
            />
          </div>
        </div>
      ) : null}
      <button type="submit" className="govuk-button" data-module="govuk-button">
        {texts.showReport}
      </button>
    </form>
  );
}
