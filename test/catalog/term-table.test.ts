import { describe, expect, it } from 'vitest';
import { termId, termTable } from '../../src/catalog/search/term-table.js';

describe('termTable (the text index term lookup, typed arrays only)', () => {
  it('finds every term at its position and nothing else', () => {
    const terms = ['transform', 'データセット', '物体', 'x3d', '', ...Array.from({ length: 5000 }, (_, at) => `t${at}`)];
    const table = termTable(terms);
    terms.forEach((term, id) => expect(termId(table, term), term).toBe(id));
    for (const unknown of ['transformer', 'transfor', 'データ', 'X3D', 't5000', 't-1', ' ']) expect(termId(table, unknown), unknown).toBe(-1);
  });

  it('answers -1 when empty', () => {
    expect(termId(termTable([]), 'anything')).toBe(-1);
  });
});
