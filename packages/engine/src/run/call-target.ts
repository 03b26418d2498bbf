/**
 * @module A resource method the engine calls: `resources.<resource>.<method>` and where it sits in the file.
 */
import type { ResourceMethod, ResourceMethodName } from '@switchboard/schema';
import type { CompiledIntegration } from '../config/compiled-integration.js';
import { UnknownResource, UnsupportedOperation } from '../errors.js';
import { pointer } from './json-pointer.js';

export interface CallTarget {
  resource: string;
  method: ResourceMethodName;
  definition: ResourceMethod;
  /** `/resources/<resource>/<method>` */
  pointer: string;
  /** `<resource>.<method>`, for traces and errors. */
  label: string;
}

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
