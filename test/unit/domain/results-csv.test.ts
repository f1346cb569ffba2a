import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../../src/domain/attempt';
import { resultsCsv } from '../../../src/domain/results-csv';

const HEADER =
  'trainee,email,answered_at,drill,product,catalogue_version,correct,score,confidence,brier,tells_found,tells_total,false_alarms,hints,duration_s';

function attempt(extra: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    id: 'd1',
    userId: 'u1',
    kind: 'spot-the-fake',
    productId: 'aurel-tote',
    productName: 'Aurel Tote',
    catalogueVersion: 'abc123',
    issuedAt: '2025-03-10T08:59:00.000Z',
    answeredAt: '2025-03-10T09:00:00.000Z',
    correct: true,
    scaled: 0.85,
    passed: true,
    confidence: 0.8,
    brier: 0.04000000000000001,
    tellsTotal: 0,
    tellsFound: 0,
    falseAlarms: 0,
    hintsUsed: 1,
    durationMs: 12_345,
    outcomes: [],
    ...extra,
  };
}

describe('resultsCsv', () => {
  it('is just the header, CRLF-terminated, with no rows', () => {
    expect(resultsCsv([])).toBe(`${HEADER}\r\n`);
  });

  it('writes one CRLF line per attempt, empty fields for what was not asked', () => {
    const csv = resultsCsv([
      { trainee: 'Ana Silva', email: 'ana@example.org', attempt: attempt() },
      {
        trainee: 'Ben',
        email: 'ben@example.org',
        attempt: attempt({ kind: 'find-the-tells', correct: false, scaled: 2 / 3, confidence: null, brier: null, tellsFound: 2, tellsTotal: 3, falseAlarms: 1, hintsUsed: 0, durationMs: 61_000 }),
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      HEADER,
      'Ana Silva,ana@example.org,2025-03-10T09:00:00.000Z,spot-the-fake,Aurel Tote,abc123,true,0.85,0.8,0.04,0,0,0,1,12.3',
      'Ben,ben@example.org,2025-03-10T09:00:00.000Z,find-the-tells,Aurel Tote,abc123,false,0.667,,,2,3,1,0,61',
      '',
    ]);
  });

  it('quotes fields with commas, quotes or line breaks, doubling the quotes', () => {
    const csv = resultsCsv([
      { trainee: 'Silva, Ana "Nana"', email: 'ana@example.org', attempt: attempt({ productName: 'Tote\r\nLarge' }) },
    ]);
    const line = csv.slice(HEADER.length + 2);
    expect(line.startsWith('"Silva, Ana ""Nana""",ana@example.org,')).toBe(true);
    expect(line).toContain(',"Tote\r\nLarge",');
    expect(line.endsWith('\r\n')).toBe(true);
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    const csv = resultsCsv([
      { trainee: '=HYPERLINK("http://evil","x")', email: '+1@x', attempt: attempt({ productName: '-2+3' }) },
      { trainee: '@SUM(A1)', email: '\tcmd', attempt: attempt({ productName: '\rx' }) },
    ]);
    const [, first, second] = csv.split(/\r\n(?=[^\r\n])/);
    expect(first!.startsWith(`"'=HYPERLINK(""http://evil"",""x"")",'+1@x,`)).toBe(true);
    expect(first).toContain(",'-2+3,");
    expect(second!.startsWith("'@SUM(A1),'\tcmd,")).toBe(true);
    expect(second).toContain(`,"'\rx",`);
  });

  it('leaves ordinary text and numbers alone', () => {
    const csv = resultsCsv([{ trainee: 'Ana-Maria', email: 'a@x', attempt: attempt({ scaled: 0, confidence: 0.5, brier: 0.25 }) }]);
    expect(csv).toContain('\r\nAna-Maria,a@x,');
    expect(csv).toContain(',true,0,0.5,0.25,');
  });

  it("starts a live session's CSV with the round each answer was given in", () => {
    const csv = resultsCsv(
      [
        { round: 1, trainee: 'Ana Silva', email: 'ana@example.org', attempt: attempt() },
        { round: 2, trainee: 'Ana Silva', email: 'ana@example.org', attempt: attempt({ correct: false, scaled: 0 }) },
      ],
      { rounds: true },
    );
    const [header, first, second] = csv.split('\r\n');
    expect(header).toBe(`round,${HEADER}`);
    expect(first!.startsWith('1,Ana Silva,ana@example.org,')).toBe(true);
    expect(second!.startsWith('2,Ana Silva,ana@example.org,')).toBe(true);
    expect(second!.split(',')).toHaveLength(header!.split(',').length);
  });

  it("keeps a group's CSV as it was: no round column", () => {
    expect(resultsCsv([{ round: 3, trainee: 'Ben', email: 'b@x', attempt: attempt() }]).startsWith(`${HEADER}\r\nBen,b@x,`)).toBe(true);
  });
});
