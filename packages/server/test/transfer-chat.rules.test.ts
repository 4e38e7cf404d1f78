import { describe, expect, it } from 'vitest';
import { planTransfer, transferNotice } from '../src/features/conversations/transfer-chat.rules.ts';
import {
  canReceiveChat,
  canTransferChat,
  canWhisperInChat,
  canWriteChatNote,
} from '../src/features/access/access.rules.ts';

const departments = ['council-tax', 'housing'];
const live = { status: 'active' as const, assignedStaffId: 'tara', departmentId: 'council-tax' };
const colleague = (over: object = {}) => ({
  staffId: 'colin',
  role: 'agent' as const,
  departments: ['council-tax'],
  active: true,
  ...over,
});

describe('planning a transfer', () => {
  it('puts the chat back in another department’s queue, nobody’s', () => {
    expect(planTransfer(live, { departmentId: 'housing' }, departments)).toEqual({
      ok: true,
      plan: { departmentId: 'housing', status: 'waiting', assignedStaffId: null, departmentChanged: true },
    });
  });

  it('gives the chat to a colleague who works in its department, keeping it live', () => {
    expect(planTransfer(live, { staff: colleague() }, departments)).toEqual({
      ok: true,
      plan: { departmentId: 'council-tax', status: 'active', assignedStaffId: 'colin', departmentChanged: false },
    });
    // A colleague of every department (none listed) may take it too, into another department.
    const anywhere = planTransfer(
      live,
      { departmentId: 'housing', staff: colleague({ departments: [] }) },
      departments,
    );
    expect(anywhere).toMatchObject({ ok: true, plan: { departmentId: 'housing', departmentChanged: true } });
  });

  it('refuses what cannot be: an ended chat, an unknown department, the wrong adviser, no move at all', () => {
    const code = (d: ReturnType<typeof planTransfer>) => (d.ok ? 'ok' : d.error.code);
    expect(code(planTransfer({ ...live, status: 'ended' }, { departmentId: 'housing' }, departments))).toBe(
      'conversation_ended',
    );
    expect(code(planTransfer(live, { departmentId: 'parks' }, departments))).toBe('bad_request');
    expect(code(planTransfer(live, { staff: colleague({ departments: ['housing'] }) }, departments))).toBe(
      'bad_request',
    );
    expect(code(planTransfer(live, { staff: colleague({ role: 'privacy_officer' }) }, departments))).toBe(
      'bad_request',
    );
    expect(code(planTransfer(live, { staff: colleague({ active: false }) }, departments))).toBe('bad_request');
    expect(code(planTransfer(live, { staff: null }, departments))).toBe('bad_request');
    expect(code(planTransfer(live, { staff: colleague({ staffId: 'tara' }) }, departments))).toBe('conflict');
    const waiting = { status: 'waiting' as const, assignedStaffId: null, departmentId: 'council-tax' };
    expect(code(planTransfer(waiting, { departmentId: 'council-tax' }, departments))).toBe('conflict');
  });

  it('tells the resident where they are going in plain words', () => {
    const plan = {
      departmentId: 'housing',
      status: 'waiting' as const,
      assignedStaffId: null,
      departmentChanged: true,
    };
    expect(transferNotice(plan, 'Housing')).toBe('You are being transferred to Housing. Please stay in the chat.');
    expect(transferNotice({ ...plan, departmentChanged: false }, 'Housing')).toBe(
      'You are being transferred to another adviser. Please stay in the chat.',
    );
  });
});

describe('who may write notes, whisper and transfer', () => {
  const agent = { staffId: 'tara', role: 'agent' as const, departments: ['council-tax'] };
  const supervisor = { staffId: 'sue', role: 'supervisor' as const, departments: ['council-tax'] };
  const elsewhere = { staffId: 'hana', role: 'supervisor' as const, departments: ['housing'] };
  const admin = { staffId: 'ada', role: 'admin' as const, departments: [] };

  it('lets the agent handling a chat and its watchers write notes and transfer it', () => {
    for (const scope of [agent, supervisor, admin]) {
      expect(canWriteChatNote(scope, live)).toBe(true);
      expect(canTransferChat(scope, live)).toBe(true);
    }
    expect(canWriteChatNote({ ...agent, staffId: 'colin' }, live)).toBe(false);
    expect(canWriteChatNote(elsewhere, live)).toBe(false);
    expect(canTransferChat(agent, { ...live, status: 'ended' })).toBe(false);
  });

  it('lets only supervisors of the department and administrators whisper, to someone else, in a live chat', () => {
    expect(canWhisperInChat(supervisor, live)).toBe(true);
    expect(canWhisperInChat(admin, live)).toBe(true);
    expect(canWhisperInChat(agent, live)).toBe(false);
    expect(canWhisperInChat(elsewhere, live)).toBe(false);
    expect(canWhisperInChat(supervisor, { ...live, assignedStaffId: 'sue' })).toBe(false);
    expect(canWhisperInChat(supervisor, { ...live, status: 'waiting', assignedStaffId: null })).toBe(false);
  });

  it('gives a chat only to someone who answers chats in its department', () => {
    expect(canReceiveChat({ role: 'agent', departments: ['housing'] }, 'housing')).toBe(true);
    expect(canReceiveChat({ role: 'agent', departments: ['housing'] }, 'council-tax')).toBe(false);
    expect(canReceiveChat({ role: 'privacy_officer', departments: [] }, 'housing')).toBe(false);
  });
});
