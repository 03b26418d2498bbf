import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODELS_FILE, renderModelsFile } from '../scripts/models-file.js';
import { renderModels } from '../scripts/models-generator.js';
import { ACTIVITY_ACTIONS, USER_FIELDS, type UserFilters } from './models.js';

describe('src/models.ts', () => {
  it('is generated from the committed user-directory JSON Schema (run `pnpm --filter @switchboard/sdk generate`)', () => {
    expect(
      readFileSync(MODELS_FILE, 'utf8'),
      'src/models.ts is stale: run `pnpm --filter @switchboard/sdk generate`',
    ).toBe(renderModelsFile());
  });

  it('declares what the model says: closed enums, required keys, dates a caller may pass as Date', () => {
    expect(ACTIVITY_ACTIONS).toContain('group_member_added');
    expect(USER_FIELDS).toMatchObject({ id: 'required', emails: 'optional' });
    const since: UserFilters = { 'updated_at[gte]': new Date(Date.UTC(2026, 0, 1)), status: 'active' };
    expect(since.status).toBe('active');
  });
});

describe('the models generator', () => {
  const document = (defs: Record<string, unknown>) => ({ $defs: defs }) as Parameters<typeof renderModels>[0];

  it('names every nested object after its title and refuses an untitled one', () => {
    const untitled = document({
      Thing: {
        type: 'object',
        properties: { inner: { type: 'object', properties: { a: { type: 'string' } } } },
      },
    });
    expect(() => renderModels(untitled, 'x.json')).toThrow(
      '$defs.Thing.inner: a nested object needs a `title` (its type name in the SDK)',
    );
  });

  it('refuses one title naming two different shapes', () => {
    const clash = document({
      A: { type: 'object', properties: { k: { title: 'Kind', type: 'string', enum: ['a'] } } },
      B: { type: 'object', properties: { k: { title: 'Kind', type: 'string', enum: ['b'] } } },
    });
    expect(() => renderModels(clash, 'x.json')).toThrow(
      '$defs.B.k: title `Kind` already names another shape',
    );
  });

  it('emits a shared shape once, however often it appears', () => {
    const ref = { title: 'Ref', type: 'object', required: ['id'], properties: { id: { type: 'string' } } };
    const output = renderModels(
      document({
        A: { type: 'object', properties: { one: ref, many: { type: 'array', items: ref } } },
      }),
      'x.json',
    );
    expect(output.match(/export interface Ref \{/g)).toHaveLength(1);
    expect(output).toContain('  one?: Ref;\n  many?: Ref[];\n');
  });
});
