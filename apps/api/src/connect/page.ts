/**
 * @module The connect form, rendered from the integration's declared connection fields: labels, help text,
 * prefix/suffix around the input, secret fields as password inputs. Works without JavaScript (the server
 * validates everything); `connect-page.js` adds inline validation, a show/hide toggle for secrets and a busy state.
 */
import type { ConnectionField } from '@switchboard/schema';
import { CSRF_FIELD } from './csrf.js';
import { html, layout, type SafeHtml } from './html.js';

export interface FieldView {
  name: string;
  field: ConnectionField;
  /** What to put back in the input; always empty for secret fields. */
  value: string;
  error?: string | undefined;
}

export interface FormError {
  title: string;
  detail?: string | undefined;
}

export interface FormPageView {
  integrationLabel: string;
  tenantId: string;
  fields: FieldView[];
  csrfToken: string;
  /** The opener's origin, carried through the post so the success page can address it. */
  origin?: string | undefined;
  /** The form's action, relative to the page (the link token path segment). */
  action: string;
  formError?: FormError | undefined;
  assets: { css: string; js: string };
}

export function renderFormPage(view: FormPageView): string {
  const invalid = view.fields.filter((field) => field.error !== undefined);
  return layout({
    title: `Connect ${view.integrationLabel}`,
    assets: view.assets,
    body: html`<header class="intro">
<h1>Connect your ${view.integrationLabel} account</h1>
<p>Enter the credentials below. They are checked with ${view.integrationLabel} right away and stored encrypted;
secret values are never shown again.</p>
</header>
${summary(view.formError, invalid)}
<form method="post" action="${view.action}" class="connect-form" data-connect-form>
<input type="hidden" name="${CSRF_FIELD}" value="${view.csrfToken}">
${view.origin !== undefined && html`<input type="hidden" name="origin" value="${view.origin}">`}
${view.fields.map(renderField)}
<button type="submit" class="button" data-submit>Connect ${view.integrationLabel}</button>
</form>
<p class="reference">Reference: <span class="tenant">${view.tenantId}</span></p>`,
  });
}

/** The alert at the top: a refusal from the upstream, or a list of the fields to fix (each a link to its input). */
function summary(formError: FormError | undefined, invalid: FieldView[]): SafeHtml | false {
  if (formError === undefined && invalid.length === 0) return false;
  const title = formError?.title ?? 'Please correct the highlighted fields';
  return html`<div class="alert" role="alert" tabindex="-1" id="form-error" data-form-error>
<h2>${title}</h2>
${formError?.detail !== undefined && html`<p class="alert-detail">${formError.detail}</p>`}
${
  invalid.length > 0 &&
  html`<ul>${invalid.map((field) => html`<li><a href="#field-${field.name}">${field.error}</a></li>`)}</ul>`
}
</div>`;
}

function renderField(view: FieldView): SafeHtml {
  const { name, field } = view;
  const id = `field-${name}`;
  const required = field.required !== false;
  const describedBy = [
    field.prefix !== undefined && `${id}-prefix`,
    field.suffix !== undefined && `${id}-suffix`,
    field.help !== undefined && `${id}-help`,
    `${id}-error`,
  ].filter((part): part is string => typeof part === 'string');
  const placeholder = field.placeholder ?? field.example;
  return html`<div class="field${view.error !== undefined ? ' has-error' : ''}" data-field>
<label for="${id}">${field.label}${!required && html` <span class="optional">(optional)</span>`}</label>
${field.help !== undefined && html`<p class="help" id="${id}-help">${field.help}</p>`}
<div class="control">
${field.prefix !== undefined && html`<span class="affix prefix" id="${id}-prefix">${field.prefix}</span>`}
<input id="${id}" name="${name}" type="${inputType(field)}" value="${view.value}"
 autocomplete="off" autocapitalize="none" spellcheck="false"${required ? html` required aria-required="true"` : ''}
 aria-describedby="${describedBy.join(' ')}"${view.error !== undefined ? html` aria-invalid="true"` : ''}
 ${placeholder !== undefined && html`placeholder="${placeholder}"`}
 ${field.pattern !== undefined && html`data-pattern="${field.pattern}"`}
 ${field.example !== undefined && html`data-example="${field.example}"`}
 ${field.prefix !== undefined && html`data-prefix="${field.prefix}"`}
 ${field.suffix !== undefined && html`data-suffix="${field.suffix}"`}
 data-label="${field.label}">
${field.suffix !== undefined && html`<span class="affix suffix" id="${id}-suffix">${field.suffix}</span>`}
${field.secret === true && html`<button type="button" class="reveal" data-reveal="${id}" aria-controls="${id}" aria-label="Show ${field.label}" hidden>Show</button>`}
</div>
<p class="field-error" id="${id}-error" data-error-for="${id}"${view.error === undefined ? html` hidden` : ''}>${view.error ?? ''}</p>
</div>`;
}

function inputType(field: ConnectionField): string {
  if (field.secret === true) return 'password';
  if (field.type === 'url') return 'url';
  if (field.type === 'email') return 'email';
  return 'text';
}
