import type { Db } from '../../db/client.ts';
import type { Keyring } from './keyring.ts';

/**
 * Re-wraps every data key not yet under the current KEK, a batch at a time, each batch its own
 * transaction: it can be stopped and run again, and Ward keeps serving meanwhile (a row being
 * re-wrapped is locked only for its batch's moment).
 */
export async function rotateDataKeys(
  db: Db,
  keyring: Keyring,
  onProgress: (done: number, total: number) => void,
  batchSize = 500,
): Promise<{ rewrapped: number }> {
  const remaining = async () =>
    Number(
      (
        await db
          .selectFrom('data_subjects')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('kek_id', '!=', keyring.currentId)
          .where('wrapped_key', 'is not', null)
          .executeTakeFirstOrThrow()
      ).count,
    );
  const total = await remaining();
  let done = 0;
  onProgress(done, total);
  for (;;) {
    const count = await db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('data_subjects')
        .select(['id', 'kek_id', 'wrapped_key'])
        .where('kek_id', '!=', keyring.currentId)
        .where('wrapped_key', 'is not', null)
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const row of rows) {
        if (!row.wrapped_key) continue;
        const key = keyring.unwrap(row.kek_id, row.wrapped_key, row.id);
        const { kekId, wrapped } = keyring.wrap(key, row.id);
        await tx
          .updateTable('data_subjects')
          .set({ kek_id: kekId, wrapped_key: wrapped })
          .where('id', '=', row.id)
          .execute();
      }
      return rows.length;
    });
    if (count === 0) break;
    done += count;
    onProgress(done, total);
  }
  return { rewrapped: done };
}
