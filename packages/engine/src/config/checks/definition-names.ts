/**
 * @module A definition never takes the name of something the engine binds (`$record`, `$body`, …): that binding
 * would win in the expressions that have it and the definition in the others.
 */
import { ENGINE_BINDINGS } from '../../mapping/engine-bindings.js';
import type { IssueDraft } from '../issue-draft.js';
import { childPointer } from '../json-pointer.js';
import { isPlainObject } from '../plain-object.js';
import type { SemanticCheck } from './semantic-check.js';

export const checkDefinitionNames: SemanticCheck = ({ data }) => {
  const definitions = isPlainObject(data) ? data['definitions'] : undefined;
  if (!isPlainObject(definitions)) return [];
  const issues: IssueDraft[] = [];
  for (const name of Object.keys(definitions)) {
    if (!ENGINE_BINDINGS.has(name)) continue;
    issues.push({
      pointer: childPointer('/definitions', name),
      at: 'key',
      message: `definition \`${name}\` would shadow the engine's \`$${name}\` binding; choose another name`,
    });
  }
  return issues;
};
