/**
 * @module A unified call to a resource method whose path names placeholders (`{{ user_id }}`) must say how to
 * fill them: an `id:` expression yielding those parts. Without one, every call would fail at run time.
 * (The Proxy API fills them from query parameters instead; nothing to check there.)
 */
import { templateReferences } from '../../mapping/template.js';
import type { IssueDraft } from '../issue-draft.js';
import { childPointer } from '../json-pointer.js';
import { isPlainObject } from '../plain-object.js';
import type { SemanticCheck } from './semantic-check.js';
import { callSites, unifiedOperations } from './unified-operations.js';

const ENGINE_ROOTS = new Set(['connection', 'token', 'parent', 'id']);

function namedIn(method: Record<string, unknown>): string[] {
  const templates: string[] = [];
  if (typeof method['path'] === 'string') templates.push(method['path']);
  for (const key of ['query', 'headers']) {
    const map = method[key];
    if (isPlainObject(map))
      for (const value of Object.values(map)) if (typeof value === 'string') templates.push(value);
  }
  const names = new Set<string>();
  for (const template of templates)
    for (const reference of templateReferences(template))
      if (!reference.includes('.') && !ENGINE_ROOTS.has(reference)) names.add(reference);
  return [...names];
}

export const checkNamedPlaceholderCalls: SemanticCheck = ({ data }) => {
  const issues: IssueDraft[] = [];
  const resources = isPlainObject(data) && isPlainObject(data['resources']) ? data['resources'] : {};
  for (const site of unifiedOperations(data)) {
    for (const { pointer, call, defaultMethod } of callSites(site)) {
      const name = call['resource'];
      const resource = typeof name === 'string' ? resources[name] : undefined;
      if (!isPlainObject(resource)) continue;
      const methodName = typeof call['method'] === 'string' ? call['method'] : defaultMethod;
      const method = resource[methodName];
      if (!isPlainObject(method)) continue;
      const named = namedIn(method);
      // An alternative inherits the base operation's `id:`.
      const base = pointer === site.pointer && pointer.includes('/alternatives/');
      if (named.length === 0 || call['id'] !== undefined || base) continue;
      issues.push({
        pointer: childPointer(pointer, 'resource'),
        message: `\`${name}.${methodName}\` needs ${named.map((n) => `{{ ${n} }}`).join(', ')}: add an \`id:\` expression yielding { ${named.map((n) => `"${n}": …`).join(', ')} }`,
      });
    }
  }
  return issues;
};
