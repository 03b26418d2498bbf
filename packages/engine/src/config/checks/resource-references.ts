/**
 * @module Every upstream call named under `unified:` (operations, alternatives, `for_each`, `steps`) points at a
 * declared resource that has the method it calls.
 */
import { showValue } from '../describe-value.js';
import { didYouMean } from '../did-you-mean.js';
import type { IssueDraft } from '../issue-draft.js';
import { childPointer } from '../json-pointer.js';
import { isPlainObject } from '../plain-object.js';
import type { SemanticCheck } from './semantic-check.js';
import { callSites, unifiedOperations } from './unified-operations.js';

const METHODS = ['list', 'get', 'create', 'update', 'delete'];
const STATIC_METHODS = ['list', 'get'];

export const checkResourceReferences: SemanticCheck = ({ data }) => {
  const issues: IssueDraft[] = [];
  const resources = isPlainObject(data) && isPlainObject(data['resources']) ? data['resources'] : {};
  const names = Object.keys(resources);
  for (const site of unifiedOperations(data)) {
    for (const { pointer, call, defaultMethod } of callSites(site)) {
      const name = call['resource'];
      if (typeof name !== 'string') continue;
      const resource = resources[name];
      if (!isPlainObject(resource)) {
        const suggestion = didYouMean(name, names);
        issues.push({
          pointer: childPointer(pointer, 'resource'),
          message: `unknown resource \`${showValue(name)}\`${suggestion ? `, did you mean \`${suggestion}\`?` : names.length > 0 ? `; declared: ${names.map((n) => `\`${n}\``).join(', ')}` : ''}`,
        });
        continue;
      }
      const explicit = typeof call['method'] === 'string' ? call['method'] : undefined;
      const method = explicit ?? defaultMethod;
      // A static resource answers list and get from its records.
      const isStatic = Array.isArray(resource['static']);
      const available = isStatic ? STATIC_METHODS : METHODS.filter((m) => isPlainObject(resource[m]));
      if (isStatic ? STATIC_METHODS.includes(method) : isPlainObject(resource[method])) continue;
      issues.push({
        pointer: childPointer(pointer, explicit ? 'method' : 'resource'),
        message:
          `resource \`${name}\` has no \`${method}\` method` +
          (explicit ? '' : ' (the default here; set `method:` to call another)') +
          (available.length > 0 ? `; it has ${available.map((m) => `\`${m}\``).join(', ')}` : ''),
      });
    }
  }
  return issues;
};
