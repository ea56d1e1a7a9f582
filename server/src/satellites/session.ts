import {
  AudioChunk,
  Detection,
  type Event,
  type Eventable,
  Info,
  type Logger,
  Ping,
  RunPipeline,
  type Satellite,
  silentLogger,
  WyomingError,
} from 'wyoming-ts';
import type { VadStream, WakeDetection, WakeWordDetector } from '@jarvis/satellite/engines';
import type { Language } from '../intents/types.js';
import { speak } from '../pipeline/speak.js';
import { Turn, type TurnEngines, type TurnOutcome } from '../pipeline/turn.js';
import type { WakeArbiter } from './arbiter.js';
import { SatelliteTimers } from './satellite-timers.js';
import { type SessionPhase, sessionTransition, type SessionEvent } from './session-machine.js';

/** The error code satellites that lose arbitration receive. */
export const ARBITRATION_LOST = 'wake-arbitration-lost';

export interface SessionDeps {
  engines: TurnEngines;
  arbiter: WakeArbiter;
  language: Language;
  createVad: () => Promise<VadStream>;
  /** For satellites that stream all the time: the server hears the wake word. */
  createWakeDetector: () => Promise<WakeWordDetector>;
  onTurn?: (session: SatelliteSession, outcome: TurnOutcome) => void;
  onPhase?: (session: SatelliteSession, phase: SessionPhase) => void;
  sttTimeoutMs?: number;
  logger?: Logger;
}

/**
 * Drives one satellite over its connection the way Home Assistant's Wyoming assist_satellite
 * does, with wake-word arbitration, the local pipeline and timers.
 */
export class SatelliteSession {
  phase: SessionPhase = 'idle';
  info: Satellite | undefined;
  private turn: Turn | undefined;
  private claim: 'none' | 'pending' | 'won' = 'none';
  /** The command ended while arbitration was still open: finish once it is won. */
  private endedEarly = false;
  private readonly finishing = new WeakSet<Turn>();
  private wakeAt: number | undefined;
  private serverWake: { detector: WakeWordDetector; restart: boolean } | undefined;
  private vad: VadStream | undefined;
  private lastOutcome: TurnOutcome | undefined;
  private readonly timers: SatelliteTimers;
  private readonly logger: Logger;

  constructor(
    readonly id: string,
    private readonly link: { send(event: Event | Eventable): Promise<void> },
    private readonly deps: SessionDeps,
  ) {
    this.logger = deps.logger ?? silentLogger;
    this.timers = new SatelliteTimers((event) => void this.send(event));
    void this.ensureVad();
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
    switch (event.type) {
      case 'info':
        this.info = Info.fromEvent(event).satellite ?? this.info;
        return;
      case 'detection':
        return this.onDetection(event);
      case 'run-pipeline':
        return this.onRunPipeline(RunPipeline.fromEvent(event));
      case 'audio-chunk':
        return this.onAudio(AudioChunk.fromEvent(event));
      case 'audio-stop':
        this.speechEnded();
        return;
      case 'played':
        return this.onPlayed();
      case 'ping':
        await this.send({ type: 'pong', data: event.data });
        return;
      default:
        this.logger.debug(`${this.name}: ignoring ${event.type}`);
    }
  }

  /** Makes the satellite listen without a wake word (a follow-up, a button, an automation). */
  async listen(): Promise<void> {
    await this.send(new RunPipeline({ start_stage: 'asr', end_stage: 'tts' }));
    this.startTurn(undefined);
  }

  /** Speaks `text` on this satellite now (an announcement: no listening afterwards). */
  async announce(text: string, language: Language = this.deps.language): Promise<void> {
    this.turn?.cancel();
    this.turn = undefined;
    this.move({ type: 'turn-ended' });
    await speak({ tts: this.deps.engines.tts, send: (event) => this.send(event), text, language });
    this.move({ type: 'response-started' });
  }

  ping(text: string): Promise<void> {
    return this.send(new Ping({ text }));
  }

  disconnected(): void {
    this.turn?.cancel();
    this.turn = undefined;
    this.claim = 'none';
    this.deps.arbiter.withdraw(this.id);
    this.timers.stop();
    void this.serverWake?.detector.close();
    this.serverWake = undefined;
    this.move({ type: 'disconnected' });
  }

  private onDetection(event: Event): void {
    const detection = Detection.fromEvent(event);
    const context = detection.context ?? {};
    this.claim = 'pending';
    this.wakeAt = performance.now();
    this.deps.arbiter.claim(
      {
        satelliteId: this.id,
        wakeWord: detection.name ?? 'wake',
        score: typeof context.score === 'number' ? context.score : 0.5,
        levelDbfs: typeof context.level_dbfs === 'number' ? context.level_dbfs : -60,
        area: this.area,
      },
      {
        won: () => {
          this.claim = 'won';
          if (!this.turn) return;
          void this.turn.begin();
          if (this.endedEarly) this.speechEnded();
        },
        lost: (winner) => {
          this.logger.info(`${this.name}: ${winner.satelliteId} heard the wake word better`);
          this.claim = 'none';
          this.turn?.cancel();
          this.turn = undefined;
          void this.send(
            new WyomingError({ text: 'another satellite is answering', code: ARBITRATION_LOST }),
          );
          this.move({ type: 'turn-ended' });
        },
      },
    );
  }

  private async onRunPipeline(run: RunPipeline): Promise<void> {
    if (run.start_stage === 'wake') {
      this.serverWake ??= {
        detector: await this.deps.createWakeDetector(),
        restart: run.restart_on_end,
      };
      this.serverWake.restart = run.restart_on_end;
      return;
    }
    if (run.start_stage === 'asr') {
      this.startTurn(this.claim === 'none' ? undefined : this.wakeAt);
      if (this.claim !== 'pending') await this.turn?.begin();
      this.claim = this.claim === 'pending' ? 'pending' : 'none';
    }
  }

  private startTurn(wakeAt: number | undefined): void {
    this.turn?.cancel();
    this.vad?.reset();
    this.turn = new Turn({
      engines: this.deps.engines,
      send: (event) => this.send(event),
      conversationId: this.id,
      satellite: this.id,
      area: this.area,
      language: this.deps.language,
      timers: () => this.timers.list(),
      vad: this.vad,
      onSpeechEnd: () => this.speechEnded(),
      sttTimeoutMs: this.deps.sttTimeoutMs,
      wakeAt,
      logger: this.logger,
    });
    this.endedEarly = false;
    this.move({ type: 'turn-started' });
    void this.ensureVad();
  }

  /** The command is over (audio-stop or VAD); answered once the turn is surely ours. */
  private speechEnded(): void {
    const turn = this.turn;
    if (!turn) return;
    if (this.claim === 'pending') {
      this.endedEarly = true;
      return;
    }
    if (this.finishing.has(turn)) return;
    this.finishing.add(turn);
    void this.finishTurn(turn);
  }

  private async ensureVad(): Promise<void> {
    if (this.vad) return;
    try {
      this.vad = await this.deps.createVad();
    } catch (error) {
      this.logger.warn(`${this.name}: no server-side VAD: ${(error as Error).message}`);
    }
  }

  private onAudio(chunk: AudioChunk): void {
    if (this.turn) {
      this.turn.pushAudio(chunk);
    } else if (this.serverWake) {
      void this.detectWake(chunk);
    }
  }

  private async detectWake(chunk: AudioChunk): Promise<void> {
    const wake = this.serverWake!;
    const pcm = chunk.audio;
    const samples = new Int16Array(
      pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength),
    );
    let detections: readonly WakeDetection[];
    try {
      detections = await wake.detector.process(samples);
    } catch (error) {
      if (this.serverWake !== wake) return;
      this.serverWake = undefined; // the satellite's next run-pipeline tries again
      this.logger.error(`${this.name}: server-side wake word failed: ${(error as Error).message}`);
      await this.send(
        new WyomingError({ text: 'wake word detection failed', code: 'wake-failed' }),
      );
      return;
    }
    for (const detection of detections) {
      if (this.turn) return;
      await this.send(new Detection({ name: detection.name, timestamp: detection.timestampMs }));
      this.onDetection(
        new Detection({
          name: detection.name,
          context: { score: detection.score, level_dbfs: -30 },
        }).toEvent(),
      );
      this.startTurn(this.wakeAt);
    }
  }

  private async finishTurn(turn: Turn): Promise<void> {
    this.move({ type: 'speech-ended' });
    const outcome = await turn.endOfSpeech();
    if (this.turn !== turn) return;
    this.turn = undefined;
    this.claim = 'none';
    this.lastOutcome = outcome;
    if (outcome.timer) this.timers.apply(outcome.timer);
    this.deps.onTurn?.(this, outcome);
    if (outcome.spoke) this.move({ type: 'response-started' });
    else this.move({ type: outcome.failed ? 'turn-ended' : 'response-finished' });
  }

  private async onPlayed(): Promise<void> {
    this.move({ type: 'response-finished' });
    const outcome = this.lastOutcome;
    this.lastOutcome = undefined;
    if (outcome?.expectsReply) await this.listen();
  }

  private move(event: SessionEvent): void {
    const next = sessionTransition(this.phase, event);
    if (next === this.phase) return;
    this.phase = next;
    this.deps.onPhase?.(this, next);
  }

  private async send(event: Event | Eventable): Promise<void> {
    await this.link.send(event).catch((error: Error) => {
      this.logger.debug(`${this.name}: send failed: ${error.message}`);
    });
  }
}
