/** A new inspection record is not asked of the server, which cannot have it (its 404 was logged as an error). */
import { describe, expect, it } from 'vitest';
import type { InspectionRecord } from '../../../../src/domain/inspection';
import { ApiError } from '../../../../src/app/api';
import { isFreshRecord, newId, newRecordId } from '../../../../src/app/inspect/ids';
import { storedRecord } from '../../../../src/app/inspect/use-inspection';

function server(records: Record<string, InspectionRecord> = {}) {
  const asked: string[] = [];
  const get = async (id: string) => {
    asked.push(id);
    const record = records[id];
    if (!record) throw new ApiError(404, 'not_found', `no inspection record ${id}`);
    return record;
  };
  return { asked, get };
}

describe('opening an inspection record', () => {
  it('does not ask the server for a record this tab has just made', async () => {
    const { asked, get } = server();
    const id = newRecordId();
    expect(isFreshRecord(id)).toBe(true);
    expect(await storedRecord(id, get)).toBeNull();
    expect(asked).toEqual([]);
  });

  it("asks for any other record: the server's copy, or null when it has none", async () => {
    const known = newId();
    const record = { id: known } as InspectionRecord;
    const { asked, get } = server({ [known]: record });
    expect(isFreshRecord(known)).toBe(false);
    expect(await storedRecord(known, get)).toBe(record);
    const unknown = newId();
    expect(await storedRecord(unknown, get)).toBeNull();
    expect(asked).toEqual([known, unknown]);
  });

  it('passes on a refusal other than 404', async () => {
    const get = async () => {
      throw new ApiError(403, 'forbidden', 'not yours');
    };
    await expect(storedRecord(newId(), get)).rejects.toMatchObject({ status: 403 });
  });
});
