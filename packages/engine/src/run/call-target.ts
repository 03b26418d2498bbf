/**
 * @module A resource method the engine calls: `resources.<resource>.<method>` and where it sits in the file.
 */
import type { ResourceMethod, ResourceMethodName } from '@switchboard/schema';
import type { CompiledIntegration } from '../config/compiled-integration.js';
import { UnknownResource, UnsupportedOperation } from '../errors.js';
import { pointer } from './json-pointer.js';
import type { StaticSource } from './static-resource.js';

export interface CallTarget {
  resource: string;
  method: ResourceMethodName;
  definition: ResourceMethod;
  /** `/resources/<resource>/<method>` */
  pointer: string;
  /** `<resource>.<method>`, for traces and errors. */
  label: string;
  /** A static resource: its records come from the file; nothing is sent upstream. */
  static?: StaticSource;
}

/** What a static resource stands in for: it is never sent. */
const STATIC_METHOD: ResourceMethod = Object.freeze({ method: 'GET', path: '' });

export function callTarget(
  integration: CompiledIntegration,
  resource: string,
  method: ResourceMethodName,
): CallTarget {
  const declared = Object.hasOwn(integration.definition.resources, resource)
    ? integration.definition.resources[resource]
    : undefined;
  if (!declared) {
    throw new UnknownResource(resource, { details: { integration: integration.name, resource } });
  }
  if (declared.static !== undefined) {
    if (method !== 'list' && method !== 'get') {
      throw new UnsupportedOperation(`${method} on the static resource ${resource}`, {
        details: { integration: integration.name, resource, method },
      });
    }
    return {
      resource,
      method,
      definition: STATIC_METHOD,
      pointer: pointer('resources', resource),
      label: `${resource}.${method}`,
      static: { records: declared.static, key: declared.key ?? 'id' },
    };
  }
  const definition = declared[method];
  if (!definition) {
    throw new UnsupportedOperation(`${method} on resource ${resource}`, {
      details: { integration: integration.name, resource, method },
    });
  }
  return {
    resource,
    method,
    definition,
    pointer: pointer('resources', resource, method),
    label: `${resource}.${method}`,
  };
}
