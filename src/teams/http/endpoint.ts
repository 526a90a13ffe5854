import type { TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { Logger } from '../../logger';
import { recordException } from '../../telemetry';
import { DeadlineError, withDeadline } from '../../deadline';
import { jsonText } from '../jsonText';
import { activityProblem, asActivity } from './activityCheck';
import type { TeamsAdapter } from './adapter';
import type { AuthFailures } from './authFailures';

function parsedBody(req: Request): unknown {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (type !== 'application/json') return undefined;
  const raw: unknown = req.body;
  const text = typeof raw === 'string' ? raw : Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** jsonwebtoken's own verdicts on a token, should one ever reach us from the SDK. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

const isRefusal = (error: unknown): boolean =>
  (error as { statusCode?: unknown }).statusCode === 401 || TOKEN_ERRORS.has((error as { name?: string }).name ?? '');

const answer = (res: Response, status: number, body?: unknown): void => {
  if (body === undefined) res.send(status);
  else {
    const text = jsonText(body);
    res.sendRaw(status, text, {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(text)),
    });
  }
};

/**
 * POST /api/messages: checks the activity's shape, authenticates it, runs the turn, and answers with
 * a status and a short text of its own; no internal error text ever reaches the caller.
 */
export function messagesEndpoint(
  adapter: TeamsAdapter,
  logic: (turn: TurnContext) => Promise<void>,
  authFailures: AuthFailures,
  logger: Logger,
  authTimeoutMs: number,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const body = parsedBody(req);
    const problem = activityProblem(body);
    if (problem) return answer(res, problem.status, { error: problem.message });
    const activity = asActivity(body);
    let authenticated;
    try {
      const header = String(req.headers.authorization ?? '');
      const late = () => new DeadlineError('authentication');
      authenticated = await withDeadline(adapter.authenticate(header, activity), authTimeoutMs, late);
    } catch (error) {
      // Every token that is not valid is refused; only keys that cannot be fetched (or never answer) are 503.
      const refused = isRefusal(error);
      authFailures.record(refused ? 401 : 503, error instanceof Error ? error.message.slice(0, 200) : 'unknown');
      if (refused) return answer(res, 401, { error: 'The request could not be authenticated.' });
      return answer(res, 503, { error: 'Authentication is unavailable right now. Please try again.' });
    }
    try {
      const response = await adapter.runTurn(authenticated, activity, logic);
      answer(res, response?.status ?? 200, response?.body);
    } catch (error) {
      logger.error({ err: error, activityId: activity.id, type: activity.type }, 'turn failed');
      recordException(error);
      answer(res, 500, { error: 'Something went wrong on my side.' });
    }
  };
}
