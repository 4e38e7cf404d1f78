import type {
  IdentityMethod,
  Language,
  RightsChannel,
  RightsDueFlag,
  RightsRequestStatus,
  RightsRequestStep,
  RightsRequestType,
} from '@ward/protocol';

/** How the console names a rights request's parts (ADR 28). */
export const typeNames: Record<RightsRequestType, string> = {
  access: 'Access (subject access request)',
  portability: 'Data portability',
  rectification: 'Rectification (correct their data)',
  erasure: 'Erasure (delete their data)',
  restriction: 'Restriction of processing',
  objection: 'Objection to processing',
};

/** A request page's heading. */
export const requestHeadings: Record<RightsRequestType, string> = {
  access: 'Subject access request',
  portability: 'Data portability request',
  rectification: 'Rectification request',
  erasure: 'Erasure request',
  restriction: 'Restriction request',
  objection: 'Objection to processing',
};

export const channelNames: Record<RightsChannel, string> = {
  email: 'Email',
  letter: 'Letter',
  phone: 'Phone',
  'in-person': 'In person',
  'web-form': 'Web form',
  chat: 'Web chat',
  'social-media': 'Social media',
};

export const identityNames: Record<IdentityMethod, string> = {
  'not-checked': 'Not checked yet',
  documents: 'Documents seen',
  'known-to-council': 'Known to the council',
  'signed-in-account': 'Signed in to a council account',
  other: 'Another way',
};

type Colour = 'grey' | 'green' | 'blue' | 'yellow' | 'red' | 'purple';
export const statusTags: Record<RightsRequestStatus, { text: string; colour: Colour }> = {
  received: { text: 'Received', colour: 'blue' },
  'awaiting-identity': { text: 'Waiting for identity', colour: 'yellow' },
  'awaiting-clarification': { text: 'Waiting for clarification', colour: 'yellow' },
  'in-progress': { text: 'In progress', colour: 'blue' },
  extended: { text: 'Extended', colour: 'purple' },
  completed: { text: 'Completed', colour: 'green' },
  refused: { text: 'Refused', colour: 'grey' },
  withdrawn: { text: 'Withdrawn', colour: 'grey' },
};

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** Where a deadline stands, in words: "Overdue by 2 days", "Due today", "Due in 3 days". */
export function flagText(flag: RightsDueFlag): string {
  switch (flag.kind) {
    case 'overdue':
      return `Overdue by ${days(flag.days)}`;
    case 'due-today':
      return 'Due today';
    case 'due-in':
      return `Due in ${days(flag.days)}`;
    case 'paused':
      return flag.daysLeft === null ? 'Clock stopped' : `Clock stopped: ${days(flag.daysLeft)} left`;
    case 'closed':
      return 'Closed';
  }
}

export const flagColour = (flag: RightsDueFlag): Colour =>
  flag.kind === 'overdue' ? 'red' : flag.kind === 'due-today' ? 'yellow' : flag.kind === 'paused' ? 'grey' : 'blue';

/** A calendar date (YYYY-MM-DD) as "2 March 2026", in Welsh "2 Mawrth 2026". */
export function formatCalendarDate(iso: string, language: Language = 'en'): string {
  const [year, month, day] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  const parts = new Intl.DateTimeFormat(language === 'cy' ? 'cy' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}`;
}

export function stepText(step: RightsRequestStep): string {
  switch (step.action) {
    case 'logged':
      return 'Request logged';
    case 'status':
      return `Status changed to ${statusTags[step.status].text.toLowerCase()}`;
    case 'extended':
      return `Deadline extended by ${step.months === 1 ? 'one month' : 'two months'}`;
    case 'assigned':
      return `Given to ${step.ownerName ?? 'another member of staff'}`;
    case 'closed':
      return `Closed: ${statusTags[step.status].text.toLowerCase()}`;
    case 'erased':
      return 'Resident’s data erased';
  }
}
