import type { Department } from '@ward/protocol';
import type { ReactNode } from 'react';
import { ErrorMessage, Hint } from '../../ui/Field.tsx';
import { toggleDepartment } from './validate-departments.ts';

interface DepartmentCheckboxesProps {
  /** The first checkbox's id is `id`, so the error summary can link to it. */
  id: string;
  legend: ReactNode;
  legendClassName?: string;
  hint?: ReactNode;
  error?: string;
  departments: readonly Department[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}

/** GOV.UK checkboxes, one per council department. */
export function DepartmentCheckboxes({
  id,
  legend,
  legendClassName,
  hint,
  error,
  departments,
  selected,
  onChange,
}: DepartmentCheckboxesProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
        <legend className={`govuk-fieldset__legend ${legendClassName ?? 'govuk-fieldset__legend--s'}`}>{legend}</legend>
        {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {departments.map((department, index) => {
            const itemId = index === 0 ? id : `${id}-${department.id}`;
            return (
              <div className="govuk-checkboxes__item" key={department.id}>
                <input
                  className="govuk-checkboxes__input"
                  id={itemId}
                  name={id}
                  type="checkbox"
                  value={department.id}
                  checked={selected.includes(department.id)}
                  onChange={(event) =>
                    onChange(toggleDepartment(selected, department.id, event.target.checked, departments))
                  }
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={itemId}>
                  {department.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
