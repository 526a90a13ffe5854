import type restify from 'restify';
import { SignInRefusedError } from '../auth/entraToken';
import { KeysUnavailableError } from '../auth/openIdKeys';
import type { Logger } from '../logger';
import type { PortfolioDeps } from '../app/portfolio';
import { engagementRowResponse, portfolioResponse } from './portfolioApi';
import { reportAnswer, type ReportDeps } from './reportRoutes';
import type { SignIn } from './signIn';
import { TAB_STYLES, tabPage } from './tabPage';

export interface WebDeps extends PortfolioDeps, ReportDeps {
  signIn: SignIn;
  /** True without bot credentials: the tab then says whose portfolio it shows without signing in. */
  development: boolean;
  script: () => Promise<string>;
  logger: Logger;
}

/** Teams (and its web and mobile hosts) may frame the tab; nothing else may. */
const TAB_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  'frame-ancestors teams.microsoft.com *.teams.microsoft.com *.cloud.microsoft *.office.com *.skype.com',
].join('; ');
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
const PRIVATE = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' };

const queryOf = (req: restify.Request) => new URL(req.url ?? '/', 'http://local').searchParams;

function send(res: restify.Response, status: number, type: string, body: string, headers: Record<string, string>) {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...PRIVATE, ...headers });
  res.end(body);
}

/** The portfolio tab (page, script, styles, data) and the customer's report, on the bot's own server. */
export function registerWebRoutes(server: restify.Server, deps: WebDeps): void {
  const log = deps.logger.child({ component: 'web' });

  server.get('/tabs/portfolio', async (req, res) => {
    const user = deps.development ? (queryOf(req).get('user') ?? '') : '';
    send(res, 200, 'text/html; charset=utf-8', tabPage(deps.development ? 'development' : 'teams', user), {
      'content-security-policy': TAB_CSP,
    });
  });
  server.get('/tabs/portfolio/portfolio.js', async (_req, res) => {
    send(res, 200, 'text/javascript; charset=utf-8', await deps.script(), {});
  });
  server.get('/tabs/portfolio/portfolio.css', async (_req, res) => {
    send(res, 200, 'text/css; charset=utf-8', TAB_STYLES, {});
  });

  const json = (res: restify.Response, status: number, body: unknown, headers: Record<string, string> = {}) =>
    send(res, status, 'application/json', JSON.stringify(body), headers);

  /** The signed-in person, or undefined once a 401 (or 503) was sent. */
  const signedIn = async (req: restify.Request, res: restify.Response) => {
    try {
      return await deps.signIn(req, queryOf(req));
    } catch (error) {
      if (error instanceof KeysUnavailableError) {
        log.warn(
          { event: 'portfolio.keysUnavailable', problem: error.problem },
          "Entra ID's signing keys are unavailable",
        );
        json(res, 503, { error: 'Sign-in is unavailable just now. Try again.' });
        return undefined;
      }
      if (!(error instanceof SignInRefusedError)) throw error;
      log.info({ event: 'portfolio.refused', reason: error.reason }, 'portfolio request refused');
      json(res, 401, { error: 'Sign in through Teams to see your portfolio.' }, { 'www-authenticate': 'Bearer' });
      return undefined;
    }
  };
  server.get('/api/portfolio', async (req, res) => {
    const user = await signedIn(req, res);
    if (user) json(res, 200, await portfolioResponse(deps, user, deps.development));
  });
  server.get('/api/portfolio/engagements/:engagementId', async (req, res) => {
    const user = await signedIn(req, res);
    if (!user) return;
    const row = await engagementRowResponse(deps, user, String(req.params.engagementId ?? ''));
    if (row) json(res, 200, row);
    else json(res, 404, { error: 'There is no such engagement.' });
  });

  const report = (kind: 'html' | 'csv') => async (req: restify.Request, res: restify.Response) => {
    const answer = await reportAnswer(deps, String(req.params.engagementId ?? ''), queryOf(req), kind);
    if (answer.status !== 200) log.info({ event: 'report.refused', status: answer.status }, 'report link refused');
    const csv = answer.kind === 'csv';
    send(res, answer.status, csv ? 'text/csv; charset=utf-8' : 'text/html; charset=utf-8', answer.body, {
      'content-security-policy': REPORT_CSP,
      ...(csv && { 'content-disposition': answer.disposition }),
    });
  };
  server.get('/report/:engagementId', report('html'));
  server.get('/report/:engagementId/csv', report('csv'));
}
