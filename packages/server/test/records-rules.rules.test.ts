import { describe, expect, it } from 'vitest';
import { canOpenRecord, seesFullCase } from '../src/features/records/record-access.rules.ts';
import { checkRecordDetail } from '../src/features/records/record-details.rules.ts';

describe('customer record rules', () => {
  it('normalises what staff type, and says what to fix without repeating it', () => {
    expect(
      checkRecordDetail({ kind: 'address', lines: ['1 Road'], town: '', postcode: 'ec1a1bb', uprn: '0012345' }),
    ).toEqual({
      ok: true,
      value: { kind: 'address', lines: ['1 Road'], town: null, postcode: 'EC1A 1BB', uprn: '12345' },
    });
    expect(checkRecordDetail({ kind: 'phone', number: '020 7946 0000' })).toEqual({
      ok: true,
      value: { kind: 'phone', number: '+442079460000', label: null },
    });
    expect(checkRecordDetail({ kind: 'email', address: 'A@B.CO' })).toEqual({
      ok: true,
      value: { kind: 'email', address: 'a@b.co' },
    });
    expect(checkRecordDetail({ kind: 'name', name: 'Ann  Marie   Jones' })).toEqual({
      ok: true,
      value: { kind: 'name', name: 'Ann Marie Jones' },
    });
    for (const input of [
      { kind: 'address' as const, lines: ['1 Road'], postcode: 'EC1A 1CB' },
      { kind: 'phone' as const, number: '020 7946 00' },
      { kind: 'email' as const, address: 'a@localhost' },
      { kind: 'name' as const, name: '---' },
    ]) {
      const checked = checkRecordDetail(input);
      expect(checked.ok, JSON.stringify(input)).toBe(false);
      if (!checked.ok) expect(checked.message).not.toContain(Object.values(input)[1] as string);
    }
  });

  it('lets administrators and staff without departments see everything', () => {
    for (const viewer of [
      { role: 'admin' as const, departments: ['housing'] },
      { role: 'agent' as const, departments: [] },
    ]) {
      expect(canOpenRecord(viewer, ['waste'])).toBe(true);
      expect(seesFullCase(viewer, 'waste')).toBe(true);
    }
  });

  it('limits an agent with departments to records with a case there (or none), and to full cases there', () => {
    const housing = { role: 'agent' as const, departments: ['housing', 'parking'] };
    expect(canOpenRecord(housing, ['waste', 'parking'])).toBe(true);
    expect(canOpenRecord(housing, ['waste'])).toBe(false);
    expect(canOpenRecord(housing, [])).toBe(true);
    expect(seesFullCase(housing, 'parking')).toBe(true);
    expect(seesFullCase(housing, 'waste')).toBe(false);
  });
});
