import type { AgentConversation, Message, QueueItem } from '@ward/protocol';

const uuid = (n: number, prefix = '00000000') => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function message(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    seq,
    clientMessageId: uuid(seq, '11111111'),
    sender: 'visitor',
    senderName: null,
    body: `message ${seq}`,
    sentAt: new Date(Date.UTC(2025, 5, 3, 13, 0, seq)).toISOString(),
    consentEvidence: false,
    ...overrides,
  };
}

export function conversation(n: number, overrides: Partial<AgentConversation> = {}): AgentConversation {
  return {
    id: uuid(n),
    caseReference: '4K7M-9P2X',
    status: 'active',
    topicId: 'council-tax',
    topicLabel: 'Council tax',
    language: 'en',
    departmentId: 'council-tax',
    visitorName: `Resident ${n}`,
    visitorEmail: null,
    assignedStaffId: uuid(99, '22222222'),
    assignedStaffName: 'Sam',
    createdAt: '2025-06-03T13:00:00.000Z',
    acceptedAt: '2025-06-03T13:01:00.000Z',
    endedAt: null,
    summary: null,
    consentGiven: true,
    consentAsked: false,
    inactivityWarning: null,
    lastSeq: 0,
    ipAddress: null,
    browser: null,
    operatingSystem: null,
    location: null,
    survey: null,
    preChatAnswers: [],
    ...overrides,
  };
}

export function queueItem(n: number, overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    id: uuid(n),
    caseReference: '4K7M-9P2X',
    topicLabel: 'Council tax',
    language: 'en',
    departmentId: 'council-tax',
    waitingSince: '2025-06-03T13:00:00.000Z',
    ...overrides,
  };
}
