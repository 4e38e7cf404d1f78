import type { Department } from '@ward/protocol';
import { describe, expect, it } from 'vitest';
import {
  describeDepartments,
  initialSelection,
  toggleDepartment,
  validateDepartments,
} from '../src/features/staff/validate-departments.ts';
import { typedCapacity } from '../src/features/staff/capacity-field.ts';
import { validateInvite } from '../src/features/staff/validate-invite.ts';
import { errorItems } from '../src/ui/validation.ts';

const departments: Department[] = [
  { id: 'council-tax', label: 'Council Tax' },
  { id: 'waste', label: 'Waste and recycling' },
  { id: 'housing', label: 'Housing' },
];

describe('describing a member of staff’s departments', () => {
  it('says "All departments" when none are listed (ADR 14)', () =>
    expect(describeDepartments([], departments)).toBe('All departments'));
  it('lists labels in the council’s order', () =>
    expect(describeDepartments(['housing', 'council-tax'], departments)).toBe('Council Tax, Housing'));
  it('still shows a department the council no longer has, by its id', () =>
    expect(describeDepartments(['libraries', 'waste'], departments)).toBe('Waste and recycling, libraries'));
});

describe('ticking departments', () => {
  it('adds and removes one, keeping the council’s order', () => {
    expect(toggleDepartment([], 'housing', true, departments)).toEqual(['housing']);
    expect(toggleDepartment(['housing'], 'council-tax', true, departments)).toEqual(['council-tax', 'housing']);
    expect(toggleDepartment(['council-tax', 'housing'], 'council-tax', false, departments)).toEqual(['housing']);
    expect(toggleDepartment(['housing'], 'housing', true, departments)).toEqual(['housing']);
  });
  it('starts from the departments the council still has', () => {
    expect(initialSelection(['housing', 'libraries', 'waste'], departments)).toEqual(['waste', 'housing']);
    expect(initialSelection([], departments)).toEqual([]);
  });
});

describe('validating departments', () => {
  it('accepts none (every department) or any of the council’s', () => {
    expect(validateDepartments([], departments)).toEqual({});
    expect(validateDepartments(['waste', 'housing'], departments)).toEqual({});
  });
  it('refuses one that is not the council’s, or the same one twice', () => {
    expect(validateDepartments(['libraries'], departments)).toEqual({
      departments: 'Select departments from the list',
    });
    expect(validateDepartments(['waste', 'waste'], departments)).toEqual({
      departments: 'Select each department once',
    });
  });
  it('links the error summary to the first checkbox, after the invitation’s other fields', () => {
    const errors = { ...validateInvite('', ''), ...validateDepartments(['libraries'], departments) };
    const fieldIds = { email: 'invite-email', role: 'invite-role', departments: 'invite-departments' };
    expect(errorItems(errors, fieldIds, ['email', 'role', 'departments'])).toEqual([
      { fieldId: 'invite-email', text: 'Enter their email address' },
      { fieldId: 'invite-role', text: 'Select a role' },
      { fieldId: 'invite-departments', text: 'Select departments from the list' },
    ]);
  });
});

describe('chats at once, as an administrator types them', () => {
  it('takes a whole number, treats an empty box as "as set elsewhere", and refuses anything else', () => {
    expect(typedCapacity(' 3 ')).toBe(3);
    expect(typedCapacity('')).toBeNull();
    expect(typedCapacity('   ')).toBeNull();
    for (const typed of ['two', '2.5', '-1', '3 chats']) expect(typedCapacity(typed)).toBeUndefined();
  });
});
