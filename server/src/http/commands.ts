// `POST /api/commands`: what Home Assistant's `jarvis_command` event does, over the HTTP API
// with the token: `{action: announce | ask | converse | listen | process, satellite? | area?,
// text?, question?, answers?}`. `ask` answers once the reply was heard (or not):
// `{id, sentence, slots, text}`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JarvisActions } from '../automation/actions.js';
import { CommandError, parseCommand } from '../automation/commands.js';
import { HttpProblem, sendJson } from './problem.js';

export const COMMANDS_PATH = '/api/commands';

export async function commandsRoute(
  req: IncomingMessage,
  res: ServerResponse,
  actions: JarvisActions | undefined,
  readJson: () => Promise<Record<string, unknown>>,
): Promise<void> {
  if (req.method !== 'POST') throw new HttpProblem(405, 'Method not allowed', req.method);
  if (!actions) throw new HttpProblem(503, 'Unavailable', 'automation actions are not running');
  try {
    sendJson(res, 200, await actions.run(parseCommand(await readJson())));
  } catch (error) {
    if (error instanceof CommandError) throw new HttpProblem(400, 'Bad command', error.message);
    throw error;
  }
}
