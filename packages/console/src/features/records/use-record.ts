import type { CustomerRecordView } from '@ward/protocol';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, messageOf } from '../../api/errors.ts';
import { fetchRecord } from '../../api/records.ts';
import { recordsEn } from './texts-en.ts';

export type RecordLoad =
  | { status: 'loading' }
  | { status: 'ready'; record: CustomerRecordView }
  | { status: 'not-found' }
  | { status: 'error'; message: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loads a record (each load is an audited read); a malformed id is "not found" without asking. */
export function useRecord(recordId: string): { load: RecordLoad; setRecord: (record: CustomerRecordView) => void } {
  const valid = uuidPattern.test(recordId);
  const [load, setLoad] = useState<RecordLoad>(valid ? { status: 'loading' } : { status: 'not-found' });
  useEffect(() => {
    if (!valid) {
      setLoad({ status: 'not-found' });
      return;
    }
    let cancelled = false;
    setLoad({ status: 'loading' });
    fetchRecord(recordId).then(
      (record) => !cancelled && setLoad({ status: 'ready', record }),
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && (error.status === 404 || error.status === 400))
          setLoad({ status: 'not-found' });
        else setLoad({ status: 'error', message: messageOf(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [recordId, valid]);
  const setRecord = useCallback((record: CustomerRecordView) => setLoad({ status: 'ready', record }), []);
  return { load, setRecord };
}

/** The name a record goes by on its pages: its first current name. */
export function recordName(record: CustomerRecordView, unnamed: string = recordsEn.unnamed): string {
  const name = record.details.find((d) => d.value.kind === 'name');
  return name?.value.kind === 'name' ? name.value.name : unnamed;
}
