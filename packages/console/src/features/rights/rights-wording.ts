import type {
  IdentityMethod,
  Language,
  RightsChannel,
  RightsDueFlag,
  RightsRequestStatus,
  RightsRequestStep,
  RightsRequestType,
} from '@ward/protocol';
import { rightsEn, type RightsTexts } from './texts-en.ts';
import { formatDate } from '../../ui/format.ts';

/** How the console names a rights request's parts (ADR 28), in English; Welsh in texts-cy.ts. */
export const typeNames: Record<RightsRequestType, string> = rightsEn.types;

/** A request page's heading. */
export const requestHeadings: Record<RightsRequestType, string> = rightsEn.headings;

export const channelNames: Record<RightsChannel, string> = rightsEn.channels;

export const identityNames: Record<IdentityMethod, string> = rightsEn.identities;

type Colour = 'grey' | 'green' | 'blue' | 'yellow' | 'red' | 'purple';
export const statusColours: Record<RightsRequestStatus, Colour> = {
  received: 'blue',
  'awaiting-identity': 'yellow',
  'awaiting-clarification': 'yellow',
  'in-progress': 'blue',
  extended: 'purple',
  completed: 'green',
  refused: 'grey',
  withdrawn: 'grey',
};

export const statusTags = Object.fromEntries(
  (Object.keys(statusColours) as RightsRequestStatus[]).map((status) => [
    status,
    { text: rightsEn.statuses[status], colour: statusColours[status] },
  ]),
) as Record<RightsRequestStatus, { text: string; colour: Colour }>;

/** Where a deadline stands, in words: "Overdue by 2 days", "Due today", "Due in 3 days". */
export function flagText(flag: RightsDueFlag, says: RightsTexts = rightsEn): string {
  switch (flag.kind) {
    case 'overdue':
      return says.overdueBy(flag.days);
    case 'due-today':
      return says.dueToday;
    case 'due-in':
      return says.dueIn(flag.days);
    case 'paused':
      return flag.daysLeft === null ? says.clockStopped : says.clockStoppedLeft(flag.daysLeft);
    case 'closed':
      return says.closed;
  }
}

export const flagColour = (flag: RightsDueFlag): Colour =>
  flag.kind === 'overdue' ? 'red' : flag.kind === 'due-today' ? 'yellow' : flag.kind === 'paused' ? 'grey' : 'blue';

/** A calendar date (YYYY-MM-DD) as "2 March 2026", in Welsh "2 Mawrth 2026". */
export function formatCalendarDate(iso: string, language: Language = 'en'): string {
  // Noon UTC is the same calendar day in the UK, in GMT or BST.
  return formatDate(`${iso}T12:00:00.000Z`, language);
}

export function stepText(step: RightsRequestStep, says: RightsTexts = rightsEn): string {
  switch (step.action) {
    case 'logged':
      return says.stepLogged;
    case 'status':
      return says.stepStatus(says.statuses[step.status].toLowerCase());
    case 'extended':
      return step.months === 1 ? says.stepExtendedOne : says.stepExtendedTwo;
    case 'assigned':
      return says.stepAssigned(step.ownerName ?? says.anotherMember);
    case 'closed':
      return says.stepClosed(says.statuses[step.status].toLowerCase());
    case 'erased':
      return says.stepErased;
  }
}
