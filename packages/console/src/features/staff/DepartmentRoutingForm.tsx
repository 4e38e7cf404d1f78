import type { DepartmentRouting } from '@ward/protocol';
import { useState } from 'react';
import { setDepartmentRouting } from '../../api/staff.ts';
import { messageOf } from '../../api/errors.ts';
import { typedCapacity } from './capacity-field.ts';
import { ErrorMessage, Hint, Radios } from '../../ui/Field.tsx';
import { staffEn } from './texts-en.ts';
import { useStaffTexts } from './texts.ts';

type StrategyChoice = DepartmentRouting['strategy'] | 'file';

/** How a department's chats are given, in English; `useStaffTexts().strategies` in the console's language. */
export const strategyLabels: Record<DepartmentRouting['strategy'], string> = staffEn.strategies;

/**
 * A department's routing strategy and chats at once, set in the console (ADR 47); "as in the
 * settings file" and an empty number give the department back to the file.
 */
export function DepartmentRoutingForm(props: {
  department: DepartmentRouting;
  defaultCapacity: number;
  onSaved: (department: DepartmentRouting) => void;
}) {
  const { department, defaultCapacity } = props;
  const id = `department-routing-${department.departmentId}`;
  const [strategy, setStrategy] = useState<StrategyChoice>(department.consoleStrategy ?? 'file');
  const [capacity, setCapacity] = useState(
    department.consoleCapacity === null ? '' : String(department.consoleCapacity),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const texts = useStaffTexts();
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (sending) return;
        const chats = typedCapacity(capacity);
        if (chats === undefined) {
          setProblem(texts.errors.departmentCapacity);
          return;
        }
        setSending(true);
        setDepartmentRouting(department.departmentId, {
          strategy: strategy === 'file' ? null : strategy,
          capacity: chats,
        })
          .then((saved) => {
            setProblem(null);
            props.onSaved(saved);
          })
          .catch((error: unknown) => setProblem(messageOf(error)))
          .finally(() => setSending(false));
      }}
    >
      <Radios<StrategyChoice>
        id={`${id}-strategy`}
        legend={texts.howGiven(department.label)}
        items={[
          { value: 'file', label: texts.asInFile },
          ...(Object.keys(strategyLabels) as DepartmentRouting['strategy'][]).map((value) => ({
            value,
            label: texts.strategies[value],
          })),
        ]}
        value={strategy}
        onValueChange={setStrategy}
      />
      <div className={`govuk-form-group${problem ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor={`${id}-capacity`}>
          {texts.chatsAtOnceIn(department.label)}
        </label>
        <Hint id={`${id}-capacity-hint`}>{texts.departmentCapacityHint(defaultCapacity)}</Hint>
        {problem ? <ErrorMessage id={`${id}-capacity-error`}>{problem}</ErrorMessage> : null}
        <input
          className={`govuk-input govuk-input--width-2${problem ? ' govuk-input--error' : ''}`}
          id={`${id}-capacity`}
          inputMode="numeric"
          value={capacity}
          aria-describedby={`${id}-capacity-hint${problem ? ` ${id}-capacity-error` : ''}`}
          onChange={(event) => setCapacity(event.target.value)}
        />
      </div>
      <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={sending || undefined}>
        {texts.saveDepartmentRouting(department.label)}
      </button>
    </form>
  );
}
