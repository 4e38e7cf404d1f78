import type { RightsDueFlag, RightsRequestStatus, RightsWorkingStatus } from '@ward/protocol';
import { compareDates, type CalendarDate } from '../../shared/london-calendar.rules.ts';
import {
  dueFlag,
  isoDate,
  maxExtensionMonths,
  parseIsoDate,
  rightsDeadline,
  type Deadline,
  type Nation,
  type Pause,
} from './rights-deadlines.rules.ts';

/** What the workflow decides on: a request's state and its dated steps, oldest first. */
export type RequestState = {
  status: RightsRequestStatus;
  receivedOn: string;
  extensionMonths: number;
  steps: readonly { on: string; status: RightsRequestStatus }[];
};

const closedStatuses: ReadonlySet<RightsRequestStatus> = new Set(['completed', 'refused', 'withdrawn']);
const pausedStatuses: ReadonlySet<RightsRequestStatus> = new Set(['awaiting-identity', 'awaiting-clarification']);

export const isClosed = (status: RightsRequestStatus) => closedStatuses.has(status);
export const isPaused = (status: RightsRequestStatus) => pausedStatuses.has(status);

/** The clock's stops: each from the step that entered an `awaiting` status to the one that left it. */
export function pausesOf(steps: RequestState['steps']): Pause[] {
  const pauses: Pause[] = [];
  let open: CalendarDate | null = null;
  for (const step of steps) {
    if (isPaused(step.status) && !open) open = parseIsoDate(step.on);
    else if (!isPaused(step.status) && open) {
      pauses.push({ from: open, to: parseIsoDate(step.on) });
      open = null;
    }
  }
  if (open) pauses.push({ from: open, to: null });
  return pauses;
}

export function deadlineOf(request: RequestState, nation: Nation): Deadline {
  return rightsDeadline({
    received: parseIsoDate(request.receivedOn),
    nation,
    pauses: pausesOf(request.steps),
    extensionMonths: request.extensionMonths,
  });
}

/** The due date stored with the request (null while the clock is stopped). */
export function dueOnOf(request: RequestState, nation: Nation): string | null {
  const deadline = deadlineOf(request, nation);
  return deadline.state === 'running' ? isoDate(deadline.due) : null;
}

export function flagOf(
  request: Pick<RequestState, 'status'> & { dueOn: string | null; daysLeft: number | null },
  today: CalendarDate,
): RightsDueFlag {
  if (isClosed(request.status)) return { kind: 'closed' };
  if (request.dueOn === null) return { kind: 'paused', daysLeft: request.daysLeft };
  return dueFlag(parseIsoDate(request.dueOn), today);
}

/** A request may not be received in the future. */
export function receivedProblem(receivedOn: string, today: CalendarDate): string | null {
  return compareDates(parseIsoDate(receivedOn), today) > 0 ? 'The date received must be today or in the past' : null;
}

const closedProblem = 'This request is closed: it cannot be changed';

/**
 * Moving an open request to waiting for identity, waiting for clarification or in progress, on
 * `on`: no earlier than its last step (the clock runs forwards) and no later than today.
 */
export function statusChangeProblem(
  request: RequestState,
  target: RightsWorkingStatus,
  on: string,
  today: CalendarDate,
): string | null {
  if (isClosed(request.status)) return closedProblem;
  if (request.status === target) return 'The request already has this status';
  if (compareDates(parseIsoDate(on), today) > 0) return 'The date must be today or in the past';
  const last = request.steps.at(-1)?.on ?? request.receivedOn;
  if (on < last) return `The date must be on or after ${last}, the request's last step`;
  return null;
}

/** An extension needs a running clock, and all extensions together come to at most two months. */
export function extensionProblem(request: RequestState, months: number): string | null {
  if (isClosed(request.status)) return closedProblem;
  if (isPaused(request.status)) return 'Resume the request before extending it';
  const left = maxExtensionMonths - request.extensionMonths;
  if (left <= 0) return 'This request has already been extended by the full two months';
  if (months > left) return `This request can be extended by at most ${left} more month`;
  return null;
}

export function closeProblem(request: Pick<RequestState, 'status'>): string | null {
  return isClosed(request.status) ? 'This request is already closed' : null;
}

export function assignProblem(request: Pick<RequestState, 'status'>): string | null {
  return isClosed(request.status) ? closedProblem : null;
}
