/** The operation_name label stays bounded whatever names clients invent. */
import { describe, expect, it } from 'vitest';
import { OperationNames } from './operation-names.js';

describe('OperationNames', () => {
  it('keeps the first names seen, then answers "other" for new ones, and "anonymous" for unnamed operations', () => {
    const names = new OperationNames(2);
    expect([names.label('Sheet'), names.label('Party'), names.label('Invented1'), names.label('Sheet'), names.label(null)]).toEqual([
      'Sheet',
      'Party',
      'other',
      'Sheet',
      'anonymous',
    ]);
  });
});
