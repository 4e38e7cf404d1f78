import type { Department, DepartmentsResponse, DepartmentTopic } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { fetchDepartmentsAndTopics } from '../../api/staff.ts';
import { useStaff } from '../../session/session.tsx';

export interface CaseOptions {
  departments: Department[];
  /** The council's topics, each with the department that deals with it. */
  topics: DepartmentTopic[];
  /** The departments the member of staff works in; empty means all of them. */
  myDepartmentIds: string[];
}

export type OptionsState =
  { status: 'loading' } | { status: 'ready'; options: CaseOptions } | { status: 'error'; message: string };

// Departments change only when the council's settings do: one request per page load.
let cached: Promise<DepartmentsResponse> | null = null;

/** The council's departments and topics and the member of staff's own departments, for the case and contact forms. */
export function useCaseOptions(): OptionsState {
  const staff = useStaff();
  const [state, setState] = useState<
    { status: 'loading' } | ({ status: 'ready' } & DepartmentsResponse) | { status: 'error'; message: string }
  >({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    cached ??= fetchDepartmentsAndTopics();
    cached.then(
      ({ departments, topics }) => !cancelled && setState({ status: 'ready', departments, topics }),
      (error: unknown) => {
        cached = null;
        if (!cancelled) setState({ status: 'error', message: messageOf(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);
  if (state.status !== 'ready') return state;
  return {
    status: 'ready',
    options: { departments: state.departments, topics: state.topics, myDepartmentIds: staff.departments },
  };
}
