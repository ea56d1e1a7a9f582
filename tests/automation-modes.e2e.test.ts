// Automations' questions and conversations follow the modes, and a silent satellite spoken to
// says what it holds: the server in this process on a manual clock, a real satellite process
// connected in (its microphone fed with generated speech). The bedroom is silent: an
// announcement and a question from an automation wait; an urgent conversation is said at once.
// Someone then speaks to the bedroom: after the answer it says "You have two messages.", the
// announcement and the question, then listens for the reply, which goes on the bus as `answer`.
import { afterEach, describe, expect, it } from 'vitest';
import { EspeakTts } from '../server/src/engines/tts/espeak-tts.js';
import type { ServerEvent } from '../server/src/event-bus.js';
import { ManualClock } from '../server/src/speech/clock.js';
import { inProcessServer, noting } from './helpers/in-process-server.js';
import * as e2e from './helpers/server-e2e.js';
import type { Cleanups } from './helpers/server-e2e.js';
import { joinPcm, silence, speak, TEST_VOICES } from './helpers/speech.js';
import { tempDir } from './helpers/temp-dir.js';

const cleanups: Cleanups = [];
afterEach(() => e2e.runCleanups(cleanups));

const QUESTION = 'Shall I close the garage?';

describe('automations follow the modes', () => {
  it('a silent satellite holds an automation question, and asks it once someone has spoken to it', async () => {
    const said: string[] = [];
    const clock = new ManualClock(Date.now());
    const server = await inProcessServer(cleanups, { clock, tts: noting(new EspeakTts(), said) });
    const { app, api, asServer } = server;
    const answers: Extract<ServerEvent, { type: 'answer' }>[] = [];
    const off = app.bus.on((e) => void (e.type === 'answer' && answers.push(e)));
    cleanups.push(async () => off());
    const dir = tempDir('jarvis-automation-sat-');
    const bedroom = e2e.liveSatellite('bedroom', app.wyomingUri, dir, cleanups);
    await e2e.listening(asServer, bedroom);
    const listens = () => bedroom.process.log().match(/<- run-pipeline/g)?.length ?? 0;
    const idle = async () => (await e2e.stateOf(asServer, 'bedroom')) === 'idle';
    expect((await api('POST', '/api/modes', { mode: 'silent', satellite: 'bedroom' })).status).toBe(
      200,
    );

    const parcel = await api('POST', '/api/announce', {
      text: 'The parcel has arrived.',
      satellite: 'bedroom',
    });
    expect(parcel.body).toEqual({ announced: ['bedroom'], held: ['bedroom'] });
    const ask = await api('POST', '/api/commands', {
      action: 'ask',
      satellite: 'bedroom',
      question: QUESTION,
      answers: [
        { id: 'yes', sentences: ['yes please', 'yes'] },
        { id: 'no', sentences: ['no thanks', 'no'] },
      ],
    });
    expect(ask.body).toMatchObject({ action: 'ask', satellite: 'bedroom', id: null, held: true });
    const converse = await api('POST', '/api/commands', {
      action: 'converse',
      satellite: 'bedroom',
      text: 'The oven is still on.',
      urgent: true,
    });
    expect(converse.body).toEqual({ action: 'converse', satellites: ['bedroom'] });
    expect(said).toEqual(['The oven is still on.']);
    await e2e.until('the urgent conversation listened', () => listens() === 1);
    await e2e.until('idle again', idle, 60_000);
    const before = said.length;

    // Someone speaks to the bedroom (text handled as if spoken there): the answer first, then
    // what the silent mode held, then the held question listens for its reply.
    const asked = await api('POST', '/api/commands', {
      action: 'process',
      satellite: 'bedroom',
      text: 'what time is it',
    });
    expect(asked.status).toBe(200);
    await e2e.until('listening for the answer', () => listens() === 2, 60_000);
    expect(said.slice(before)).toEqual([
      expect.stringMatching(/^It's \d/),
      'You have two messages. The parcel has arrived.',
      QUESTION,
    ]);
    const voice = TEST_VOICES.find((v) => v.name === 'slt')!;
    const reply = await speak('yes please', voice);
    await bedroom.mic.say(joinPcm(silence(300), reply.audio, silence(1500)).audio);
    const answer = await e2e.until('the answer on the bus', () => answers[0]);
    expect(answer).toEqual({
      type: 'answer',
      satellite: 'bedroom',
      id: 'yes',
      sentence: 'yes please',
      slots: {},
      text: 'yes please',
    });
    expect(app.reminders.speech.state).toEqual({ pending: [], held: [] });
  }, 180_000);
});
