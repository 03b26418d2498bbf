import { createAjv, UNIFIED_MODEL_DEFINITIONS } from '@switchboard/schema';
import { describe, expect, it } from 'vitest';
import { FILTER_SAMPLES, WRITE_SAMPLES } from './model-samples.js';
import { validateUnifiedRecord } from './unified-schema.js';

const resources = UNIFIED_MODEL_DEFINITIONS.flatMap((model) => model.resources);

describe('model samples derived from the unified model definitions', () => {
  it('can pick a value for, and check, every filter the contract defines', () => {
    for (const resource of resources)
      for (const filter of resource.filters)
        expect(FILTER_SAMPLES[resource.name], `${resource.name} ${filter.name}`).toHaveProperty([
          filter.name,
        ]);
  });

  it('checks a filtered record the way the contract means the filter', () => {
    const email = FILTER_SAMPLES['users']?.['email'];
    const ann = { id: '1', emails: [{ email: 'Ann@Acme.test' }, { email: 'ann@home.test' }] };
    expect(email?.pick(ann)).toBe('Ann@Acme.test');
    expect(email?.holds(ann, 'ann@acme.test')).toBe(true);
    expect(email?.holds(ann, 'bob@acme.test')).toBe(false);
    const userId = FILTER_SAMPLES['activities']?.['user_id'];
    expect(userId?.holds({ id: 'a', actor: { type: 'user', id: 'u1' } }, 'u1')).toBe(true);
  });

  it('writes bodies the unified write schemas accept', () => {
    const ajv = createAjv();
    for (const resource of resources) {
      const samples = WRITE_SAMPLES[resource.name] ?? {};
      for (const method of ['create', 'update'] as const) {
        const body = samples[method];
        const schema = resource[method];
        if (body === undefined) continue;
        expect(schema, `${resource.name} has a ${method} body`).toBeDefined();
        const validate = ajv.compile(JSON.parse(JSON.stringify(schema)));
        expect(validate(body), `${resource.name} ${method}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    }
  });

  it('validates records against the resource’s record schema, naming the field', () => {
    expect(validateUnifiedRecord('user-directory', 'users', { id: '1', status: 'active' })).toEqual([]);
    expect(validateUnifiedRecord('user-directory', 'users', { id: '1', status: 'disabled' })).toEqual([
      '/status must be equal to one of the allowed values',
    ]);
    expect(validateUnifiedRecord('user-directory', 'teams', { id: '1' })).toEqual([
      'no unified schema for user-directory/teams',
    ]);
  });
});
