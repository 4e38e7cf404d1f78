import type { RightsRequestDetail, RightsRequestSummary } from '@ward/protocol';
import type { CalendarDate } from '../../shared/london-calendar.rules.ts';
import type { Nation } from './rights-deadlines.rules.ts';
import type { RightsRequestData, RightsStepData } from './rights.repository.ts';
import { deadlineOf, flagOf, type RequestState } from './rights-workflow.rules.ts';

export function stateOf(request: RightsRequestData, steps: readonly RightsStepData[]): RequestState {
  return { status: request.status, receivedOn: request.receivedOn, extensionMonths: request.extensionMonths, steps };
}

export function toSummary(
  request: RightsRequestData,
  today: CalendarDate,
  daysLeft: number | null = null,
): RightsRequestSummary {
  return {
    id: request.id,
    type: request.type,
    status: request.status,
    requesterName: request.requesterName,
    receivedOn: request.receivedOn,
    dueOn: request.dueOn,
    flag: flagOf({ status: request.status, dueOn: request.dueOn, daysLeft }, today),
    extensionMonths: request.extensionMonths,
    ownerId: request.ownerId,
    ownerName: request.ownerName,
    caseReference: request.caseReference,
  };
}

export function toDetail(
  request: RightsRequestData,
  steps: readonly RightsStepData[],
  nation: Nation,
  today: CalendarDate,
): RightsRequestDetail {
  const deadline = deadlineOf(stateOf(request, steps), nation);
  return {
    ...toSummary(request, today, deadline.state === 'paused' ? deadline.daysLeft : null),
    channel: request.channel,
    requesterContact: request.requesterContact,
    identityMethod: request.identityMethod,
    identityNote: request.identityNote,
    steps: steps.map((step) => ({ ...step, at: step.at.toISOString() })),
  };
}
