import type { CaseStatus } from '@ward/protocol';
import { Tag } from '../../ui/Tag.tsx';
import { statusColours, statusNames } from './case-wording.ts';

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  return <Tag colour={statusColours[status]}>{statusNames[status]}</Tag>;
}
