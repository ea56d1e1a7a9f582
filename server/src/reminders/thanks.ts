// After a reminder is said, the satellite listens without the wake word for "ok", "thanks",
// "merci": the reply is only transcribed, as `ask` does, by an engine that hears only those
// words (the phrase engine's `forSentences`). Heard: the reminder is not repeated. Silence:
// nothing is said, and the repeat comes.
import type { Logger } from 'wyoming-ts';
import type { SpeechToText } from '../engines/stt/stt.js';
import type { EventBus } from '../event-bus.js';
import type { SatelliteSession } from '../satellites/session.js';

export const THANKS: Readonly<Record<string, readonly string[]>> = {
  en: ['ok', 'okay', 'ok thanks', 'thanks', 'thank you', 'got it', 'will do'],
  fr: ['ok', "d'accord", 'merci', 'ok merci', 'merci beaucoup', 'compris', "c'est noté"],
};

export class ThanksListener {
  readonly #engines = new Map<string, Promise<SpeechToText | undefined>>();
  /** Ends each wait for a reply now (on close). */
  readonly #waiting = new Set<() => void>();

  constructor(
    private readonly stt: SpeechToText | undefined,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly timeoutMs = 30_000,
  ) {}

  /** True when someone answered a thanks on one of `sessions`. */
  async heard(sessions: readonly SatelliteSession[], language: string): Promise<boolean> {
    const replyStt = await this.#engine(language);
    if (!replyStt) return false;
    const heard = await Promise.all(
      sessions.map(async (session) => {
        // Subscribed before listening starts: the reply cannot be missed.
        const reply = this.#nextReply(session.id);
        await session.listen({ replyStt });
        return Boolean((await reply)?.trim());
      }),
    );
    return heard.some(Boolean);
  }

  /** Stops waiting for replies and closes the grammars made. */
  async close(): Promise<void> {
    for (const stop of [...this.#waiting]) stop();
    const engines = [...this.#engines.values()];
    this.#engines.clear();
    for (const engine of engines) await (await engine)?.close();
  }

  #engine(language: string): Promise<SpeechToText | undefined> {
    const primary = language.toLowerCase().split(/[-_]/)[0] ?? 'en';
    const sentences = THANKS[primary] ?? THANKS.en ?? [];
    let engine = this.#engines.get(primary);
    if (!engine) {
      const made = this.stt?.forSentences?.(sentences);
      engine = (made ?? Promise.resolve(undefined)).catch((error: Error) => {
        this.logger.warn(`reminders: no grammar for "ok"/"merci" (${error.message})`);
        return undefined;
      });
      this.#engines.set(primary, engine);
    }
    return engine;
  }

  /** The transcript of the next reply on `satellite`, or undefined after the timeout. */
  #nextReply(satellite: string): Promise<string | undefined> {
    return new Promise((resolve) => {
      const done = (transcript: string | undefined) => {
        clearTimeout(timer);
        off();
        this.#waiting.delete(stop);
        resolve(transcript);
      };
      const stop = () => done(undefined);
      this.#waiting.add(stop);
      const timer = setTimeout(() => done(undefined), this.timeoutMs);
      const off = this.bus.on((e) => {
        if (e.type === 'reply' && e.satellite === satellite) done(e.transcript);
      });
    });
  }
}
