/**
 * @module The pages that end the connect flow or stop it: connected, link unknown, link expired or used,
 * stale form (CSRF), and something went wrong. Each says what happened and what to do next, never a stack trace.
 */
import { html, layout, type SafeHtml } from './html.js';

type Assets = { css: string; js: string };

export interface SuccessView {
  integrationLabel: string;
  accountId: string;
  /** The opener's origin: the only window the account id is posted to. */
  targetOrigin?: string | undefined;
  assets: Assets;
}

/** `connect-page.js` reads the data attributes and posts `switchboard:connected` to the opener. */
export function renderSuccessPage(view: SuccessView): string {
  return layout({
    title: `${view.integrationLabel} connected`,
    assets: view.assets,
    body: html`<section class="result result-success" role="status" id="connected"
 data-account-id="${view.accountId}"${view.targetOrigin !== undefined && html` data-target-origin="${view.targetOrigin}"`}>
${icon('success')}
<h1>${view.integrationLabel} is connected</h1>
<p>Your account is linked. You can close this window and return to the app.</p>
<button type="button" class="button" data-close hidden>Close window</button>
</section>`,
  });
}

export type StopReason =
  | 'not-found'
  | 'gone'
  | 'csrf'
  | 'bad-request'
  | 'busy'
  | 'locked'
  | 'unavailable'
  | 'error';

interface StopCopy {
  status: number;
  title: string;
  message: string;
  next: string;
}

const COPY: Record<StopReason, StopCopy> = {
  'not-found': {
    status: 404,
    title: 'This link does not exist',
    message: 'The connection link is not valid. It may have been copied incompletely.',
    next: 'Go back to the app that sent you here and start connecting again.',
  },
  gone: {
    status: 410,
    title: 'This link has expired or was already used',
    message: 'Connection links work once and only for a limited time.',
    next: 'Go back to the app that sent you here and start connecting again to get a new link.',
  },
  csrf: {
    status: 403,
    title: 'This form has expired',
    message: 'For your security the form could not be accepted. Nothing was saved.',
    next: 'Reload the page and enter your details again.',
  },
  'bad-request': {
    status: 400,
    title: 'This request could not be read',
    message: 'The form arrived in a shape the server does not accept. Nothing was saved.',
    next: 'Reload the page and submit the form again.',
  },
  busy: {
    status: 429,
    title: 'Too many attempts',
    message: 'Nothing was saved.',
    next: 'Please wait a minute and try again.',
  },
  locked: {
    status: 429,
    title: 'Too many failed attempts',
    message:
      'This link has been used for too many attempts that failed, so it no longer accepts credentials.',
    next: 'Ask for a new link to try again.',
  },
  unavailable: {
    status: 503,
    title: 'The service is temporarily unavailable',
    message: 'Nothing was saved.',
    next: 'Please try again in a few minutes.',
  },
  error: {
    status: 500,
    title: 'Something went wrong',
    message: 'The account could not be connected because of an error on our side. Nothing was saved.',
    next: 'Please try again. If it keeps happening, contact the app that sent you here.',
  },
};

export interface StopPage {
  status: number;
  body: string;
}

export interface StopOptions {
  assets: Assets;
  /** A link back to the form (the CSRF case). */
  reload?: string | undefined;
  /** The request id, for support. */
  reference?: string | undefined;
  /** Overrides the reason's usual status (e.g. 413 or 415 for `bad-request`). */
  status?: number | undefined;
}

/** The page and status for a flow that cannot go on. */
export function renderStopPage(reason: StopReason, options: StopOptions): StopPage {
  const copy = COPY[reason];
  const body = html`<section class="result result-problem">
${icon('problem')}
<h1>${copy.title}</h1>
<p>${copy.message}</p>
<p>${copy.next}</p>
${options.reload !== undefined && html`<p><a class="button" href="${options.reload}">Reload the form</a></p>`}
${options.reference !== undefined && html`<p class="reference">Reference: <span>${options.reference}</span></p>`}
</section>`;
  return {
    status: options.status ?? copy.status,
    body: layout({ title: copy.title, assets: options.assets, body }),
  };
}

function icon(kind: 'success' | 'problem'): SafeHtml {
  return kind === 'success'
    ? html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="11"/><path d="M7 12.5l3.2 3.2L17 9"/></svg>`
    : html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="11"/><path d="M12 7v6M12 16.5v.5"/></svg>`;
}
