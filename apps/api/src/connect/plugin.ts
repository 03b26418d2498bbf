/**
 * @module The hosted connect flow: `GET /connect/:link_token` renders the form from the integration's declared
 * connection fields, `POST /connect/:link_token` checks the values (engine), verifies them live (engine) and spends
 * the link token while creating the account (store, one transaction); `GET /connect.js` is the embeddable popup
 * opener. The link token authorizes these routes; no API key is involved.
 *
 * Register it as a plain (encapsulated) plugin, never through fastify-plugin: its form parser and error page must
 * stay inside.
 */
import type { CompiledIntegration, Engine } from '@switchboard/engine';
import { InvalidInput } from '@switchboard/engine';
import { isSwitchboardError } from '@switchboard/errors';
import type { LinkToken, Store } from '@switchboard/store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { verifyCredentials } from '../verify-credentials.js';
import { type Asset, loadAssets, pageAssetUrls } from './assets.js';
import { connectionProblems } from './connection-problems.js';
import { CSRF_COOKIE, CSRF_FIELD, checkCsrf, csrfCookie, issueCsrf, readCookie } from './csrf.js';
import { installErrorPage } from './error-page.js';
import { acceptFormPosts } from './form-body.js';
import { readConnection, retypedValues } from './form-values.js';
import { lookUpLink } from './link-lookup.js';
import { type FormError, renderFormPage } from './page.js';
import { renderStopPage, renderSuccessPage, type StopReason } from './result-page.js';
import { openerOrigin, redirectOrigin, redirectTarget } from './safe-url.js';
import { pageHeaders } from './security-headers.js';
import { describeRefusal } from './upstream-refusal.js';

export interface ConnectRoutesOptions {
  engine: Engine;
  store: Store;
  /** The API's public base URL; an `https:` one marks the CSRF cookie `Secure` even behind a TLS-ending proxy. */
  publicUrl?: string | undefined;
}

/**
 * Failed submissions (field problems or refused credentials) a link token accepts: enough for typos, too few to
 * use the page as an oracle for guessing credentials. Counted in the store, so every replica shares the count.
 */
export const MAX_FAILED_CONNECT_ATTEMPTS = 5;

interface TokenParams {
  link_token: string;
}

/** What a form render needs beyond the link: values to put back and problems to show. */
interface FormState {
  status: number;
  origin: string | undefined;
  values?: Record<string, string>;
  fieldErrors?: Record<string, string>;
  formError?: FormError | undefined;
}

export async function connectRoutes(app: FastifyInstance, options: ConnectRoutesOptions): Promise<void> {
  const { engine, store } = options;
  const assets = await loadAssets();
  const assetUrls = pageAssetUrls(assets);
  const secureByConfig = options.publicUrl?.startsWith('https:') === true;

  acceptFormPosts(app);
  installErrorPage(app, assetUrls);

  app.get('/connect.js', (request, reply) =>
    sendAsset(request, reply, assets.embedScript, {
      // Sites embed it with <script src>; a stable URL, so it is only cached briefly.
      'cache-control': 'public, max-age=300',
      'cross-origin-resource-policy': 'cross-origin',
    }),
  );
  app.get('/connect/assets/connect.css', (request, reply) =>
    sendAsset(request, reply, assets.css, IMMUTABLE),
  );
  app.get('/connect/assets/connect-page.js', (request, reply) =>
    sendAsset(request, reply, assets.pageScript, IMMUTABLE),
  );

  app.get<{ Params: TokenParams; Querystring: { origin?: unknown } }>(
    '/connect/:link_token',
    async (request, reply) => {
      const token = request.params.link_token;
      const found = await lookUpLink(store, token);
      if ('stop' in found) return stop(request, reply, found.stop);
      const integration = engine.integration(found.link.integration);
      return sendForm(request, reply, token, found.link, integration, {
        status: 200,
        origin: openerOrigin(request.query.origin),
      });
    },
  );

  app.post<{ Params: TokenParams; Body: Record<string, string> | undefined }>(
    '/connect/:link_token',
    async (request, reply) => {
      const token = request.params.link_token;
      const body = request.body ?? {};
      const found = await lookUpLink(store, token);
      if ('stop' in found) return stop(request, reply, found.stop);
      const { link } = found;
      const origin = openerOrigin(body['origin']);
      if (link.failed_attempts >= MAX_FAILED_CONNECT_ATTEMPTS) {
        request.log.info('connect form refused: too many failed attempts for this link');
        return stop(request, reply, 'locked');
      }

      if (!checkCsrf(token, readCookie(request.headers.cookie, CSRF_COOKIE), body[CSRF_FIELD])) {
        request.log.info('connect form refused: CSRF token missing or wrong');
        return stop(request, reply, 'csrf', reloadLink(token, origin));
      }
      // The attempt is counted before the credentials are checked (parallel submissions cannot all slip under the
      // cap) and given back when the submission connects or fails for another reason than the credentials.
      if (!(await store.linkTokens.reserveAttempt(token, MAX_FAILED_CONNECT_ATTEMPTS))) {
        request.log.info('connect form refused: too many failed attempts for this link');
        return stop(request, reply, 'locked');
      }
      let refused = false;
      try {
        return await submit();
      } finally {
        if (!refused) await store.linkTokens.releaseAttempt(token).catch(() => undefined);
      }

      async function submit(): Promise<FastifyReply> {
        const integration = engine.integration(link.integration);
        const fields = integration.definition.connection;
        const typed = readConnection(fields, body);
        const label = integration.definition.label;

        let connection: Record<string, string>;
        try {
          connection = engine.checkConnection(link.integration, typed);
        } catch (error) {
          if (!isSwitchboardError(error, InvalidInput.code)) throw error;
          refused = true;
          const problems = connectionProblems(error, fields);
          return sendForm(request, reply, token, link, integration, {
            status: 400,
            origin,
            values: retypedValues(fields, typed),
            fieldErrors: problems.byField,
            formError:
              problems.general.length > 0
                ? { title: 'Please check the details', detail: problems.general.join(' ') }
                : undefined,
          });
        }

        try {
          await verifyCredentials(engine, link.integration, connection);
        } catch (error) {
          const refusal = describeRefusal(error, label);
          if (refusal === undefined) throw error;
          refused = true;
          request.log.info(
            { code: isSwitchboardError(error) ? error.code : undefined },
            'credentials refused',
          );
          return sendForm(request, reply, token, link, integration, {
            status: refusal.status,
            origin,
            values: retypedValues(fields, connection),
            formError: refusal.error,
          });
        }

        const account = await store.linkTokens.redeem(token, {
          connection,
          secretFields: [...integration.secretFields],
        });
        // Spent or expired while the credentials were being checked (a second tab, a double submit).
        if (account === undefined) return stop(request, reply, 'gone');
        request.log.info(
          { integrated_account_id: account.id, integration: link.integration },
          'account connected through the connect page',
        );

        reply.header('set-cookie', expiredCsrfCookie(request));
        const target = redirectTarget(link.redirect_url, account.id);
        if (target !== undefined) {
          return reply.code(303).headers(pageHeaders()).header('location', target).send('');
        }
        return reply
          .code(200)
          .headers(pageHeaders())
          .send(
            renderSuccessPage({
              integrationLabel: label,
              accountId: account.id,
              targetOrigin: origin,
              assets: assetUrls,
            }),
          );
      }
    },
  );

  function sendForm(
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    link: LinkToken,
    integration: CompiledIntegration,
    state: FormState,
  ): FastifyReply {
    // A fresh CSRF pair on every render: the previous form (if any) stops being accepted.
    const csrf = issueCsrf(token);
    const fields = Object.entries(integration.definition.connection).map(([name, field]) => ({
      name,
      field,
      value: field.secret === true ? '' : (state.values?.[name] ?? ''),
      error: state.fieldErrors?.[name],
    }));
    const page = renderFormPage({
      integrationLabel: integration.definition.label,
      tenantId: link.tenant_id,
      fields,
      csrfToken: csrf.field,
      origin: state.origin,
      action: encodeURIComponent(token),
      formError: state.formError,
      assets: assetUrls,
    });
    return reply
      .code(state.status)
      .headers(pageHeaders({ redirectOrigin: redirectOrigin(link.redirect_url) }))
      .header('set-cookie', csrfCookie(csrf.nonce, { path: pathOf(request), secure: isSecure(request) }))
      .send(page);
  }

  function stop(request: FastifyRequest, reply: FastifyReply, reason: StopReason, reload?: string) {
    const page = renderStopPage(reason, { assets: assetUrls, reload, reference: request.id });
    return reply.code(page.status).headers(pageHeaders()).send(page.body);
  }

  function isSecure(request: FastifyRequest): boolean {
    return secureByConfig || request.protocol === 'https';
  }

  function expiredCsrfCookie(request: FastifyRequest): string {
    return csrfCookie('', { path: pathOf(request), secure: isSecure(request) }).replace(
      /Max-Age=\d+/,
      'Max-Age=0',
    );
  }
}

const IMMUTABLE = {
  // Requested with a content-hash query: a new deploy means a new URL.
  'cache-control': 'public, max-age=31536000, immutable',
  'cross-origin-resource-policy': 'same-origin',
};

function sendAsset(
  request: FastifyRequest,
  reply: FastifyReply,
  asset: Asset,
  headers: Record<string, string>,
): FastifyReply {
  const etag = `"${asset.version}"`;
  reply.headers({ ...headers, etag, 'content-type': asset.contentType, 'x-content-type-options': 'nosniff' });
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.send(asset.body);
}

/** The page's own path: the CSRF cookie is scoped to it, so two connect tabs never overwrite each other's. */
function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? '/';
}

/** Back to the form, relative to the current page, keeping the opener's origin. */
function reloadLink(token: string, origin: string | undefined): string {
  return origin === undefined
    ? encodeURIComponent(token)
    : `${encodeURIComponent(token)}?origin=${encodeURIComponent(origin)}`;
}
