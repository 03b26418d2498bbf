import { createRandom } from '@switchboard/sim-kit';
import { describe, expect, it } from 'vitest';
import { guidFrom, roleAssignmentId } from './guid.js';

describe('guidFrom', () => {
  it('draws distinct version-4 GUIDs, the same ones for the same seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 2000 }, () => guidFrom(random));
    };
    const guids = draw(7);
    for (const guid of guids)
      expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(guids).size).toBe(guids.length);
    expect(draw(7)).toEqual(guids);
  });
});

describe('roleAssignmentId', () => {
  it('encodes the role template and principal GUIDs as in the Graph docs’ example id', () => {
    // lAPpYvVpN0KRkAEhdxReEMmO4KwRqtpKkUWt3wOYIz4-1: Global Administrator, then the principal's bytes.
    const id = roleAssignmentId(
      '62e90394-69f5-4237-9190-012177145e10',
      'ace08ec9-aa11-4ada-9145-addf0398233e',
    );
    expect(id).toBe('lAPpYvVpN0KRkAEhdxReEMmO4KwRqtpKkUWt3wOYIz4-1');
  });
});
