/**
 * @module Renders a template written in the integration file. A missing value becomes `InvalidInput` naming
 * the placeholder and where it was used, never the values in scope.
 */
import { InvalidInput } from '../errors.js';
import {
  MissingTemplateValue,
  type RenderOptions,
  renderTemplate,
  type TemplateScope,
} from '../mapping/template.js';

export function renderDeclared(
  template: string,
  scope: TemplateScope,
  where: string,
  options: RenderOptions = {},
): string {
  try {
    return renderTemplate(template, scope, options);
  } catch (error) {
    if (error instanceof MissingTemplateValue)
      throw new InvalidInput(`missing value "${error.reference}" for ${where}`, {
        cause: error,
        details: { reference: error.reference, where },
      });
    throw error;
  }
}

/** Renders every value of a template map. */
export function renderDeclaredMap(
  templates: Readonly<Record<string, string>> | undefined,
  scope: TemplateScope,
  where: string,
): Record<string, string> {
  const output: Record<string, string> = {};
  for (const [name, template] of Object.entries(templates ?? {}))
    output[name] = renderDeclared(template, scope, `${where}.${name}`);
  return output;
}
