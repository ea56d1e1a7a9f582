import {
  type Event,
  type Eventable,
  Info,
  type Logger,
  Ping,
  type Satellite,
  silentLogger,
} from 'wyoming-ts';
import type { VadStream, WakeWordDetector } from '@jarvis/satellite/engines';
import type { SpeechToText } from '../engines/stt/stt.js';
import type { Language } from '../intents/types.js';
import { speak } from '../pipeline/speak.js';
import { Turn, type TurnEngines, type TurnOutcome } from '../pipeline/turn.js';
import type { WakeArbiter } from './arbiter.js';
import { SatelliteTimers } from './satellite-timers.js';
import {
  initialSessionState,
  sessionTransition,
  visiblePhase,
  type SessionEffect,
  type SessionEvent,
  type SessionPhase,
  type SessionState,
  type SessionTransition,
} from './session-machine.js';
import { ServerWakeWord } from './server-wake.js';

export { ARBITRATION_LOST } from './session-machine.js';

export interface SessionDeps {
  engines: TurnEngines;
  arbiter: WakeArbiter;
  language: Language;
  /** The server-side VAD of one connection; closed when the connection ends. */
  createVad: () => Promise<VadStream>;
  /** For satellites that stream all the time: the server hears the wake word. */
  createWakeDetector: () => Promise<WakeWordDetector>;
  onTurn?: (session: SatelliteSession, outcome: TurnOutcome) => void;
  onPhase?: (session: SatelliteSession, phase: SessionPhase) => void;
  sttTimeoutMs?: number;
  /** Speech-to-text confidence an action that opens, unlocks or disarms needs. */
  sensitiveConfidence?: number;
  /** A command longer than this ends as if the speaker had stopped (default 15 s). */
  maxCommandSeconds?: number;
  /**
   * A pause this long ends a command whose speculative transcript is accepted (0 or none:
   * commands end at the end of speech). The VAD must report pauses at this mark.
   */
  earlyEndpointMs?: number;
  /**
   * A pause this long ends a command whose speculative transcript is rejected, when no other
   * engine would hear it (0 or none: it waits for the end of speech). Also a VAD pause mark.
   */
  rejectedEndpointMs?: number;
  now?: () => number;
  logger?: Logger;
}

/**
 * Drives one satellite over its connection the way Home Assistant's Wyoming assist_satellite
 * does, with wake-word arbitration, the local pipeline and timers. The rules are in
 * `session-machine.ts`; this runner feeds it what happens and performs what it asks.
 */
export class SatelliteSession {
  info: Satellite | undefined;
  private state: SessionState;
  private turn: { id: number; turn: Turn } | undefined;
  private vad: VadStream | undefined;
  private vadLoading: Promise<void> | undefined;
  private vadReleased = false;
  /** The speech-to-text of the reply turn asked for, until that turn starts. */
  private replyStt: SpeechToText | undefined;
  private readonly wake: ServerWakeWord;
  private readonly timers: SatelliteTimers;
  private readonly logger: Logger;
  private readonly now: () => number;
  /** Events that arrived while effects were being performed: handled right after. */
  private readonly inbox: Array<{
    event: SessionEvent;
    settle: (pending: Promise<unknown>[]) => void;
  }> = [];
  private draining = false;

  constructor(
    readonly id: string,
    private readonly link: { send(event: Event | Eventable): Promise<void> },
    private readonly deps: SessionDeps,
  ) {
    this.logger = deps.logger ?? silentLogger;
    this.now = deps.now ?? (() => performance.now());
    this.state = initialSessionState({
      earlyEndpointMs: deps.earlyEndpointMs,
      rejectedEndpointMs: deps.rejectedEndpointMs,
    });
    this.timers = new SatelliteTimers((event) => void this.send(event));
    this.wake = new ServerWakeWord({
      create: deps.createWakeDetector,
      dispatch: (event) => this.post(event),
      now: this.now,
    });
    this.openVad();
  }

  get phase(): SessionPhase {
    return visiblePhase(this.state);
  }

  get name(): string {
    return this.info?.name ?? this.id;
  }

  get area(): string | undefined {
    return this.info?.area;
  }

  timerList() {
    return this.timers.list();
  }

  /** An event from the satellite. */
  async handle(event: Event): Promise<void> {
    if (event.type === 'info') {
      this.info = Info.fromEvent(event).satellite ?? this.info;
      return;
    }
    await this.dispatch({ type: 'satellite-event', event, at: this.now() });
  }

  /**
   * Makes the satellite listen without a wake word (a follow-up, a button, an automation); with
   * `replyStt`, only to transcribe the reply to a question with it (a `reply` outcome).
   */
  listen(options: { replyStt?: SpeechToText } = {}): Promise<void> {
    if (!options.replyStt) return this.dispatch({ type: 'listen-requested' });
    this.replyStt = options.replyStt;
    return this.dispatch({ type: 'listen-requested', reply: true });
  }

  /** Speaks `text` on this satellite now (an announcement: no listening afterwards). */
  announce(
    text: string,
    language: Language = this.deps.language,
    options: { chime?: boolean } = {},
  ): Promise<void> {
    const chime = options.chime && { chime: true };
    return this.dispatch({ type: 'announce-requested', text, language, ...chime });
  }

  ping(text: string): Promise<void> {
    return this.send(new Ping({ text }));
  }

  /** The connection is gone: the turn stops, and the VAD and wake detector are given back. */
  disconnected(): Promise<void> {
    return this.dispatch({ type: 'disconnected' });
  }

  /**
   * Runs the machine over `event`, then over what arrived meanwhile, one event at a time.
   * Resolves once the effects of `event` that take time (sending, speaking) are done; rejects
   * when the event is malformed (the driver then closes the connection).
   */
  private dispatch(event: SessionEvent): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const settle = (pending: Promise<unknown>[]) => {
        Promise.all(pending).then(() => resolve(), reject);
      };
      this.inbox.push({ event, settle });
      if (this.draining) return;
      this.draining = true;
      try {
        for (let next = this.inbox.shift(); next; next = this.inbox.shift()) {
          next.settle(this.step(next.event));
        }
      } finally {
        this.draining = false;
      }
    });
  }

  /** One event through the machine; the effects under way. */
  private step(event: SessionEvent): Promise<unknown>[] {
    let transition: SessionTransition;
    try {
      transition = sessionTransition(this.state, event);
    } catch (error) {
      return [Promise.reject(error as Error)];
    }
    this.state = transition.state;
    return transition.effects.map((effect) => {
      try {
        return this.perform(effect);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    });
  }

  /** Reports what an engine or the arbiter told, with nobody waiting for its effects. */
  private post(event: SessionEvent): void {
    this.dispatch(event).catch((error: Error) => {
      this.logger.warn(`${this.name}: ${event.type}: ${error.message}`);
    });
  }

  private perform(effect: SessionEffect): Promise<unknown> {
    switch (effect.type) {
      case 'send':
        return this.send(effect.event);
      case 'speak':
        return speak({
          tts: this.deps.engines.tts,
          send: (event) => this.send(event),
          text: effect.text,
          language: effect.language,
          before: effect.chime ? this.deps.engines.chime : undefined,
        }).then(
          () => this.dispatch({ type: 'announcement-sent' }),
          async (error: Error) => {
            await this.dispatch({ type: 'announcement-sent', failed: true });
            throw error;
          },
        );
      case 'notify-phase':
        this.deps.onPhase?.(this, effect.phase);
        return Promise.resolve();
      case 'notify-turn':
        this.deps.onTurn?.(this, effect.outcome);
        return Promise.resolve();
      case 'log':
        this.logger[effect.level](`${this.name}: ${effect.message}`);
        return Promise.resolve();
      case 'apply-timer':
        this.timers.apply(effect.action);
        return Promise.resolve();
      case 'stop-timers':
        this.timers.stop();
        return Promise.resolve();
      case 'release-vad':
        return this.releaseVad();
      case 'claim':
      case 'withdraw-claim':
        this.arbitrate(effect);
        return Promise.resolve();
      case 'open-wake-detector':
      case 'feed-wake':
      case 'close-wake-detector':
        return this.wake.perform(effect);
      default:
        return this.performTurn(effect);
    }
  }

  private performTurn(
    effect: Extract<
      SessionEffect,
      {
        type:
          | 'start-turn'
          | 'begin-transcription'
          | 'push-audio'
          | 'speculate'
          | 'finish-turn'
          | 'cancel-turn';
      }
    >,
  ): Promise<unknown> {
    if (effect.type === 'start-turn') {
      const replyStt = effect.reply ? this.replyStt : undefined;
      if (effect.reply) this.replyStt = undefined;
      return this.startTurn(effect.turn, effect.wakeAt, replyStt);
    }
    const turn = this.turn?.id === effect.turn ? this.turn.turn : undefined;
    if (!turn) return Promise.resolve();
    switch (effect.type) {
      case 'begin-transcription':
        return turn.begin();
      case 'push-audio':
        turn.pushAudio(effect.chunk);
        return Promise.resolve();
      case 'speculate': {
        const { pause } = effect;
        void turn.speculate(pause, effect.tailMs).then((accepted) => {
          this.post({ type: 'speculation-finished', turn: effect.turn, pause, accepted });
        });
        return Promise.resolve();
      }
      case 'finish-turn':
        void turn
          .endOfSpeech({ reason: effect.reason, pause: effect.pause })
          .catch((error: Error): TurnOutcome => {
            this.logger.error(`${this.name}: the turn failed: ${error.message}`);
            return { expectsReply: false, failed: true, spoke: false, timings: {} };
          })
          .then((outcome) => {
            if (this.turn?.turn === turn) this.turn = undefined;
            this.post({ type: 'turn-finished', turn: effect.turn, outcome });
          });
        return Promise.resolve();
      case 'cancel-turn':
        turn.cancel();
        this.turn = undefined;
        return Promise.resolve();
    }
  }

  private startTurn(
    id: number,
    wakeAt: number | undefined,
    replyStt: SpeechToText | undefined,
  ): Promise<void> {
    const vad = this.vad;
    vad?.reset();
    const turn = new Turn({
      engines: this.deps.engines,
      send: (event) => this.send(event),
      conversationId: this.id,
      satellite: this.id,
      area: this.area,
      language: this.deps.language,
      timers: () => this.timers.list(),
      vad,
      onSpeechEnd: (reason) => this.post({ type: 'speech-ended', turn: id, reason }),
      onPause: (silenceMs) => this.post({ type: 'speech-paused', turn: id, silenceMs }),
      onResume: () => this.post({ type: 'speech-resumed', turn: id }),
      sttTimeoutMs: this.deps.sttTimeoutMs,
      sensitiveConfidence: this.deps.sensitiveConfidence,
      maxAudioSeconds: this.deps.maxCommandSeconds,
      wakeAt,
      replyStt,
      logger: this.logger,
    });
    this.turn = { id, turn };
    this.openVad(); // if it could not be loaded before
    return Promise.resolve();
  }

  /** Loads the server-side VAD in the background; turns started before go without it. */
  private openVad(): void {
    if (this.vad || this.vadLoading || this.vadReleased) return;
    this.vadLoading = this.deps
      .createVad()
      .then(
        async (vad) => {
          if (this.vadReleased) await this.closeVad(vad);
          else this.vad = vad;
        },
        (error: Error) => this.logger.warn(`${this.name}: no server-side VAD: ${error.message}`),
      )
      .finally(() => {
        this.vadLoading = undefined;
      });
  }

  private async releaseVad(): Promise<void> {
    this.vadReleased = true;
    await this.vadLoading;
    const vad = this.vad;
    this.vad = undefined;
    if (vad) await this.closeVad(vad);
  }

  private async closeVad(vad: VadStream): Promise<void> {
    await vad.close().catch((error: Error) => {
      this.logger.warn(`${this.name}: closing the VAD: ${error.message}`);
    });
  }

  private arbitrate(effect: Extract<SessionEffect, { type: 'claim' | 'withdraw-claim' }>): void {
    if (effect.type === 'withdraw-claim') {
      this.deps.arbiter.withdraw(this.id);
      return;
    }
    const claim = effect.claim;
    this.deps.arbiter.claim(
      {
        satelliteId: this.id,
        wakeWord: effect.wakeWord,
        score: effect.score,
        levelDbfs: effect.levelDbfs,
        area: this.area,
      },
      {
        won: () => this.post({ type: 'arbitration-won', claim }),
        lost: (winner) =>
          this.post({ type: 'arbitration-lost', claim, winner: winner.satelliteId }),
      },
    );
  }

  private async send(event: Event | Eventable): Promise<void> {
    await this.link.send(event).catch((error: Error) => {
      this.logger.debug(`${this.name}: send failed: ${error.message}`);
    });
  }
}
