import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canAcceptConversation,
  canActOnCase,
  canLinkChatToRecord,
  canOpenRecord,
  canReadConversation,
  canTakeOverConversation,
  canWatchConversation,
  canWriteChatSummary,
  conversationListScope,
  handlesChats,
  hasDuty,
  type ConversationAccessFacts,
  type StaffScope,
} from '../src/features/access/access.rules.ts';

const housingAgent: StaffScope = { staffId: 'h', role: 'agent', departments: ['housing'] };
const everyDepartmentAgent: StaffScope = { staffId: 'e', role: 'agent', departments: [] };
const admin: StaffScope = { staffId: 'a', role: 'admin', departments: ['housing'] };
const housingSupervisor: StaffScope = { staffId: 's', role: 'supervisor', departments: ['housing'] };
const privacyOfficer: StaffScope = { staffId: 'p', role: 'privacy_officer', departments: ['housing'] };
const chat = (overrides: Partial<ConversationAccessFacts> = {}): ConversationAccessFacts => ({
  status: 'ended',
  assignedStaffId: 'someone',
  departmentId: 'council-tax',
  ...overrides,
});

describe('one rule for every access (role × department × object)', () => {
  it('keeps another department’s chat from an agent, whatever its state', () => {
    for (const status of ['waiting', 'active', 'ended'] as const) {
      expect(canReadConversation(housingAgent, chat({ status }))).toBe(false);
      expect(canAcceptConversation(housingAgent, chat({ status, assignedStaffId: null }))).toBe(false);
    }
  });

  it('shows an agent the waiting and ended chats of their departments, and another agent’s live chat to nobody but administrators', () => {
    expect(canReadConversation(housingAgent, chat({ departmentId: 'housing', status: 'waiting' }))).toBe(true);
    expect(canReadConversation(housingAgent, chat({ departmentId: 'housing', status: 'ended' }))).toBe(true);
    expect(canReadConversation(housingAgent, chat({ departmentId: 'housing', status: 'active' }))).toBe(false);
    expect(canReadConversation(admin, chat({ status: 'active' }))).toBe(true);
  });

  it('lets a supervisor watch and take over the live chats of their departments only, and administrators any', () => {
    const live = chat({ status: 'active', departmentId: 'housing' });
    expect(canWatchConversation(housingSupervisor, live)).toBe(true);
    expect(canTakeOverConversation(housingSupervisor, live)).toBe(true);
    expect(canWatchConversation(admin, chat({ status: 'active' }))).toBe(true);
    expect(canTakeOverConversation(admin, chat({ status: 'active' }))).toBe(true);
    // Another department's chat, a chat not live, and staff who do not supervise: refused.
    expect(canWatchConversation(housingSupervisor, chat({ status: 'active' }))).toBe(false);
    expect(canTakeOverConversation(housingSupervisor, chat({ status: 'active' }))).toBe(false);
    expect(canWatchConversation(housingSupervisor, chat({ status: 'ended', departmentId: 'housing' }))).toBe(false);
    expect(canTakeOverConversation(housingSupervisor, chat({ status: 'waiting', departmentId: 'housing' }))).toBe(
      false,
    );
    for (const scope of [housingAgent, everyDepartmentAgent, privacyOfficer]) {
      expect(canWatchConversation(scope, live)).toBe(false);
      expect(canTakeOverConversation(scope, live)).toBe(false);
    }
    // Their own chat is already theirs.
    expect(canTakeOverConversation(housingSupervisor, chat({ ...live, assignedStaffId: 's' }))).toBe(false);
  });

  it('lets the agent handling a chat keep it after it moved to another department', () => {
    expect(canReadConversation(housingAgent, chat({ status: 'active', assignedStaffId: 'h' }))).toBe(true);
    expect(canAcceptConversation(housingAgent, chat({ status: 'active', assignedStaffId: 'h' }))).toBe(true);
  });

  it('lets staff with no departments listed, and administrators, work in every department', () => {
    expect(canAcceptConversation(everyDepartmentAgent, chat({ assignedStaffId: null }))).toBe(true);
    expect(canActOnCase(everyDepartmentAgent, 'parking')).toBe(true);
    expect(canActOnCase(admin, 'parking')).toBe(true);
    expect(canActOnCase(housingAgent, 'parking')).toBe(false);
  });

  it('keeps a chat without a department for staff of every department', () => {
    expect(canReadConversation(housingAgent, chat({ departmentId: null }))).toBe(false);
    expect(canReadConversation(everyDepartmentAgent, chat({ departmentId: null }))).toBe(true);
  });

  it('opens a record known to one of the agent’s departments, or to none', () => {
    expect(canOpenRecord(housingAgent, ['council-tax'])).toBe(false);
    expect(canOpenRecord(housingAgent, ['council-tax', 'housing'])).toBe(true);
    expect(canOpenRecord(housingAgent, [])).toBe(true);
  });

  it('lets a supervisor watch the live chats of their own departments only, and write their summaries', () => {
    const live = chat({ departmentId: 'housing', status: 'active' });
    expect(canReadConversation(housingSupervisor, live)).toBe(true);
    expect(canWriteChatSummary(housingSupervisor, live)).toBe(true);
    expect(canReadConversation(housingSupervisor, chat({ status: 'active' }))).toBe(false);
    expect(canWriteChatSummary(housingAgent, chat({ departmentId: 'housing' }))).toBe(false);
    expect(canWriteChatSummary(housingAgent, chat({ departmentId: 'housing', assignedStaffId: 'h' }))).toBe(true);
  });

  it('lets a privacy officer read every department’s cases, records and ended chats, but neither take nor watch chats', () => {
    expect(canActOnCase(privacyOfficer, 'council-tax')).toBe(true);
    expect(canOpenRecord(privacyOfficer, ['parking'])).toBe(true);
    expect(canReadConversation(privacyOfficer, chat({ status: 'ended' }))).toBe(true);
    expect(canReadConversation(privacyOfficer, chat({ status: 'active' }))).toBe(false);
    expect(canAcceptConversation(privacyOfficer, chat({ status: 'waiting', assignedStaffId: null }))).toBe(false);
    expect(canWriteChatSummary(privacyOfficer, chat())).toBe(false);
    expect(handlesChats('privacy_officer')).toBe(false);
  });

  it('gives the audit trail and retention to privacy officers and administrators, and staff and integrations to administrators', () => {
    expect(hasDuty('privacy_officer', 'privacy')).toBe(true);
    expect(hasDuty('privacy_officer', 'administer')).toBe(false);
    expect(hasDuty('admin', 'privacy')).toBe(true);
    expect(hasDuty('admin', 'administer')).toBe(true);
    for (const role of ['agent', 'supervisor'] as const) {
      expect(hasDuty(role, 'privacy')).toBe(false);
      expect(hasDuty(role, 'administer')).toBe(false);
    }
  });

  it('links a chat to a record only with access to both', () => {
    const ownChat = chat({ departmentId: 'housing', status: 'active', assignedStaffId: 'h' });
    expect(canLinkChatToRecord(housingAgent, ownChat, ['council-tax'])).toBe(false);
    expect(canLinkChatToRecord(housingAgent, chat(), ['housing'])).toBe(false);
    expect(canLinkChatToRecord(housingAgent, ownChat, ['housing'])).toBe(true);
  });

  it('lists exactly what it lets staff read', () => {
    const departments = fc.constantFrom('housing', 'council-tax', 'parking', null);
    const facts = fc.record({
      status: fc.constantFrom('waiting' as const, 'active' as const, 'ended' as const),
      assignedStaffId: fc.constantFrom(null, 'h', 'e', 'a', 'someone'),
      departmentId: departments,
    });
    const scopes = fc.constantFrom(housingAgent, everyDepartmentAgent, admin, housingSupervisor, privacyOfficer);
    fc.assert(
      fc.property(scopes, facts, (scope, conversation) => {
        // The SQL filter of a list, written out: assigned to them, or in scope and (admin or not live).
        const list = conversationListScope(scope);
        const inDepartments =
          list.departments === null ||
          (conversation.departmentId !== null && list.departments.includes(conversation.departmentId));
        const listed =
          conversation.assignedStaffId === list.staffId ||
          (inDepartments && (list.othersLiveChats || conversation.status !== 'active'));
        expect(listed).toBe(canReadConversation(scope, conversation));
      }),
    );
  });
});
