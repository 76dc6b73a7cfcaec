import { describe, expect, it } from 'vitest';
import { parseAuditQuery } from '@/lib/auth/audit-query';
import { planImport } from '@/lib/imports/dry-run';
import { withNeighbourhoodCheck } from '@/lib/imports/neighbourhood-check';
import { parseUploadFields } from '@/lib/imports/upload-form';

describe('the text fields of an import upload', () => {
  it('takes "auto" and empty as not chosen, and delimiters by name', () => {
    expect(
      parseUploadFields({
        layer: 'services',
        crs: 'auto',
        delimiter: 'semicolon',
        encoding: 'auto',
        format: '',
        source: '',
      }),
    ).toEqual({
      ok: true,
      value: { layer: 'services', choices: { crs: 'auto', delimiter: ';' }, source: null },
    });
    expect(
      parseUploadFields({
        layer: 'indicators',
        indicator: 'population',
        period: '2024-01-01',
        aggregation: 'sum',
        source: ' Statbel ',
      }),
    ).toEqual({
      ok: true,
      value: {
        layer: 'indicators',
        choices: { indicator: 'population', period: '2024-01-01', aggregation: 'sum' },
        source: 'Statbel',
      },
    });
  });

  it('names every wrong field at once, unknown fields included', () => {
    const result = parseUploadFields({
      layer: 'signals',
      crs: 'epsg:3857',
      delimiter: ':',
      period: '24',
      colour: 'red',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['colour', 'crs', 'delimiter', 'layer', 'period']);
    expect(result.errors.colour?.code).toBe('unknown_field');
    expect(parseUploadFields({})).toMatchObject({
      ok: false,
      errors: { layer: { message: expect.stringContaining('required') } },
    });
  });
});

describe('the neighbourhood check of a dry run', () => {
  const file = new TextEncoder().encode(
    'naam;type;lon;lat\nA;pharmacy;5,169159;51,165786\nB;pharmacy;4,3525;50,8467\nC;pharmacy;5,16;51,16\n',
  );
  const plan = planImport('services', file, 'x.csv');

  it('turns points outside every neighbourhood into row errors and recounts', () => {
    expect(plan.ok).toBe(true);
    const checked = withNeighbourhoodCheck(plan, new Set([3]));
    expect(checked.ok).toBe(false);
    expect(checked.errors.map((e) => [e.row, e.field, e.code])).toEqual([[3, 'lon/lat', 'outside_neighbourhoods']]);
    expect(checked.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(checked.summary).toMatchObject({ rowsRead: 3, rowsValid: 2, rowsWithErrors: 1, errorCount: 1 });
    expect(plan.ok).toBe(true);
  });

  it('changes nothing when every point lies in a neighbourhood', () => {
    expect(withNeighbourhoodCheck(plan, new Set())).toBe(plan);
  });
});

describe('the audit page query', () => {
  it('accepts a known event and a page, and nothing else', () => {
    expect(parseAuditQuery({ gebeurtenis: 'import.completed', pagina: '2' })).toEqual({
      ok: true,
      event: 'import.completed',
      page: 2,
    });
    expect(parseAuditQuery({})).toEqual({ ok: true, event: undefined, page: 1 });
    expect(parseAuditQuery({ gebeurtenis: 'drop table' }).ok).toBe(false);
    expect(parseAuditQuery({ pagina: '0' }).ok).toBe(false);
    expect(parseAuditQuery({ email: 'a@b.test' }).ok).toBe(false);
  });
});
