// Carries out automations' commands on the satellites, through the session's public methods
// (`announce`, `listen`) and the server's event bus: the same code for Home Assistant events,
// the HTTP API and MQTT command topics. Questions and conversations follow the modes as
// announcements do: held on the speech schedule where the mode does not let them through, then
// asked when it does (`followHeld`), the answer on the bus for Home Assistant.
import { type Logger, silentLogger } from 'wyoming-ts';
import type { EventBus, ServerEvent } from '../event-bus.js';
import type { Metrics } from '../metrics.js';
import { type ConversationDeps, converse, finish } from '../pipeline/conversation.js';
import type { SatelliteRegistry } from '../satellites/registry.js';
import type { SatelliteSession } from '../satellites/session.js';
import type { SpeechToText } from '../engines/stt/stt.js';
import { automationSpeech } from '../modes/policy.js';
import type { RoomMode, SpeechItem } from '../speech/schedule.js';
import type { Announcer } from '../speech/speech-service.js';
import {
  type AnswerChoice,
  answerSentences,
  CommandError,
  type JarvisCommand,
  matchAnswer,
  type Target,
} from './commands.js';

export interface ActionDeps {
  registry: SatelliteRegistry;
  bus: EventBus;
  metrics: Metrics;
  conversation: ConversationDeps;
  /** The speech-to-text satellites use, for the reply to a question. */
  stt: SpeechToText;
  /** Announcements go through the speech schedule, so the satellites' modes apply. */
  announcer: Announcer;
  /** A satellite's mode, for questions and conversations; 'normal' when not given. */
  modeOf?: (satellite: string) => RoomMode;
  /** How long a spoken question or announcement may take to be played, in ms (default 60 s). */
  playTimeoutMs?: number;
  /** How long to wait for the reply to a question, in ms (default 30 s). */
  replyTimeoutMs?: number;
  logger?: Logger;
}

export type ActionResult =
  | {
      readonly action: 'listen' | 'converse';
      readonly satellites: string[];
      /** The mode held the conversation: opened when it lets it through. */
      readonly held?: string[];
    }
  | {
      readonly action: 'announce';
      readonly satellites: string[];
      /** Held for these: their mode (silent, do not disturb) lets it through later. */
      readonly held: string[];
    }
  | {
      readonly action: 'ask';
      readonly satellite: string;
      /** The answer's id, null when the reply matched none (or nothing was heard). */
      readonly id: string | null;
      readonly sentence: string | null;
      /** The words each `{wildcard}` of the sentence took. */
      readonly slots: Readonly<Record<string, string>>;
      readonly text: string | null;
      /** The mode held the question: asked when it lets it through, answered on the bus. */
      readonly held?: true;
    }
  | {
      readonly action: 'process';
      readonly satellite: string | null;
      readonly response: string;
      readonly intent: string | null;
    };

export class JarvisActions {
  private readonly logger: Logger;

  constructor(private readonly deps: ActionDeps) {
    this.logger = deps.logger ?? silentLogger;
  }

  /** Runs a command; throws `CommandError` when its target does not exist. */
  async run(command: JarvisCommand): Promise<ActionResult> {
    switch (command.action) {
      case 'announce': {
        const satellites = this.targets(command.target, 'all').map((s) => s.id);
        const urgent = command.urgent === true;
        const { held } = this.deps.announcer.announce(command.text, satellites, { urgent });
        return { action: 'announce', satellites, held };
      }
      case 'listen': {
        const [session] = this.targets(command.target, 'one');
        await session!.listen();
        return { action: 'listen', satellites: [session!.id] };
      }
      case 'converse': {
        const [session] = this.targets(command.target, 'one');
        if (this.held(session!, command)) {
          return { action: 'converse', satellites: [session!.id], held: [session!.id] };
        }
        await this.speakThenListen(session!, command.text);
        return { action: 'converse', satellites: [session!.id] };
      }
      case 'ask':
        return this.ask(command);
      case 'process':
        return this.process(command.target, command.text);
    }
  }

  /**
   * Speaks the question, then listens without the wake word for a reply that is only
   * transcribed, by an engine that hears only the answers' sentences when the speech-to-text
   * can make one (the phrase engine), and matched against the answers.
   */
  private async ask(command: Extract<JarvisCommand, { action: 'ask' }>): Promise<ActionResult> {
    const [session] = this.targets(command.target, 'one');
    if (this.held(session!, command)) {
      const none = { id: null, sentence: null, slots: {}, text: null };
      return { action: 'ask', satellite: session!.id, ...none, held: true };
    }
    // Made while the question is spoken: the grammar is ready when the reply comes.
    const answersOnly = this.answersOnly(command.answers);
    try {
      await this.speak(session!, command.question);
      return { action: 'ask', ...(await this.reply(session!, command.answers, answersOnly)) };
    } finally {
      const made = await answersOnly;
      await made?.close();
    }
  }

  /**
   * What follows a question or conversation the mode held, once the schedule has said it on
   * `satellite`: the conversation opened, or the reply heard and put on the bus (`answer`).
   */
  async followHeld(item: SpeechItem, satellite: string): Promise<void> {
    const session = this.deps.registry.find(satellite);
    if (!session) return;
    if (item.kind === 'converse') return session.listen();
    const answers = item.answers ?? [];
    const answersOnly = this.answersOnly(answers);
    try {
      const answer = await this.reply(session, answers, answersOnly);
      this.deps.bus.emit({ type: 'answer', ...answer });
    } finally {
      const made = await answersOnly;
      await made?.close();
    }
  }

  /** Held when the satellite's mode does not let the question or conversation through now. */
  private held(
    session: SatelliteSession,
    command: Extract<JarvisCommand, { action: 'ask' | 'converse' }>,
  ): boolean {
    const mode = this.deps.modeOf?.(session.id) ?? 'normal';
    if (automationSpeech(mode, command.urgent) === 'speak') return false;
    const ask = command.action === 'ask';
    this.deps.announcer.announce(ask ? command.question : command.text, [session.id], {
      kind: command.action,
      ...(ask && { answers: command.answers }),
    });
    this.logger.info(`${session.name}: ${command.action} held (${mode} mode)`);
    return true;
  }

  /** A speech-to-text that hears only the answers' sentences, when the engine can make one. */
  private answersOnly(answers: readonly AnswerChoice[]): Promise<SpeechToText | undefined> {
    const stt = this.deps.stt;
    const sentences = answerSentences(answers);
    if (!sentences || !stt.forSentences) return Promise.resolve(undefined);
    return stt.forSentences(sentences).catch((error: Error) => {
      this.logger.warn(`ask: no grammar of the answers (${error.message}); listening freely`);
      return undefined;
    });
  }

  /** Listens without the wake word for the reply, matched against `answers`. */
  private async reply(
    session: SatelliteSession,
    answers: readonly AnswerChoice[],
    answersOnly: Promise<SpeechToText | undefined>,
  ) {
    const replyStt = (await answersOnly) ?? this.deps.stt;
    // Subscribed before listening starts: the reply cannot be missed.
    const reply = this.next(
      (e) => e.type === 'reply' && e.satellite === session.id,
      this.deps.replyTimeoutMs ?? 30_000,
    );
    await session.listen({ replyStt });
    const event = await reply.event;
    const heard = event?.type === 'reply' && event.transcript ? event.transcript : null;
    const match = heard ? matchAnswer(heard, answers) : undefined;
    this.logger.debug(`${session.name}: answer ${JSON.stringify(heard)} -> ${match?.id ?? '-'}`);
    return {
      satellite: session.id,
      id: match?.id ?? null,
      sentence: match?.sentence ?? null,
      slots: match?.slots ?? {},
      text: heard,
    };
  }

  /** Text handled as if spoken to the satellite: the answer spoken there, the turn published. */
  private async process(target: Target, text: string): Promise<ActionResult> {
    const session = target.satellite || target.area ? this.targets(target, 'one')[0] : undefined;
    const started = performance.now();
    const answer = await converse(this.deps.conversation, {
      text,
      conversationId: session?.id ?? 'automation',
      satellite: session?.id,
      area: session?.area,
      timers: session?.timerList() ?? [],
    });
    const outcome = await finish(answer);
    const timings = { transcript_to_response_ms: Math.round(performance.now() - started) };
    if (session) await session.announce(outcome.speech, outcome.language);
    this.deps.metrics.recordTurn('automation', timings, outcome);
    this.deps.bus.emit({
      type: 'turn',
      satellite: session?.id,
      transcript: text,
      intent: outcome.intent,
      response: outcome.speech,
      language: outcome.language,
      failed: outcome.failed,
      timings,
    });
    return {
      action: 'process',
      satellite: session?.id ?? null,
      response: outcome.speech,
      intent: outcome.intent ?? null,
    };
  }

  /** Speaks `text`, waits until the satellite has played it, then opens a turn. */
  private async speakThenListen(session: SatelliteSession, text: string): Promise<void> {
    await this.speak(session, text);
    await session.listen();
  }

  /** Speaks `text` and waits until the satellite has played it. */
  private async speak(session: SatelliteSession, text: string): Promise<void> {
    await session.announce(text);
    // Checked and subscribed in one tick: the satellite's `played` cannot slip in between.
    if (session.phase !== 'idle') {
      await this.next(
        (e) => e.type === 'phase' && e.satellite === session.id && e.phase === 'idle',
        this.deps.playTimeoutMs ?? 60_000,
      ).event;
    }
  }

  private targets(target: Target, how: 'one' | 'all'): SatelliteSession[] {
    const registry = this.deps.registry;
    const key = target.satellite ?? target.area;
    if (!key) {
      const all = registry.list();
      if (all.length === 0) throw new CommandError('no satellite is connected');
      if (how === 'one' && all.length > 1)
        throw new CommandError('satellite: name one (several are connected)');
      return all;
    }
    const wanted = key.toLowerCase();
    const found = target.satellite
      ? [registry.find(target.satellite)].filter((s): s is SatelliteSession => !!s)
      : registry.list().filter((s) => s.area?.toLowerCase() === wanted);
    if (found.length === 0)
      throw new CommandError(
        target.satellite
          ? `satellite: no connected satellite ${JSON.stringify(key)}`
          : `area: no connected satellite in ${JSON.stringify(key)}`,
      );
    return how === 'one' ? found.slice(0, 1) : found;
  }

  /** The next bus event that passes `test`, or undefined after `timeoutMs`. */
  private next(test: (event: ServerEvent) => boolean, timeoutMs: number) {
    const event = new Promise<ServerEvent | undefined>((resolve) => {
      const timer = setTimeout(() => done(undefined), timeoutMs);
      const off = this.deps.bus.on((e) => {
        if (test(e)) done(e);
      });
      const done = (value: ServerEvent | undefined) => {
        clearTimeout(timer);
        off();
        resolve(value);
      };
    });
    return { event };
  }
}
