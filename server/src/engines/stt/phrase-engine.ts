// The phrase engine: speech-to-text with pocketsphinx constrained to a list of sentences.
//
// Two long-lived `pocketsphinx_batch` decoders hear every utterance, in parallel:
//   - the grammar decoder, restricted to the sentences (a prefix-tree FSG, silences and noises
//     allowed between words), finds the sentence that fits best, and its acoustic score;
//   - the phone-loop decoder, allowed any sequence of phones, finds how well the audio can be
//     explained with no constraint at all.
// Their difference per 10 ms frame of the utterance is a log-likelihood ratio (the "fit"): near
// zero or above when the speech is one of the sentences, strongly negative when the grammar had
// to force a sentence onto something else. The same ratio per word finds one wrong word in a
// right-sounding sentence. The confidence is a logistic function of how far the fit, the worst
// word and its deficit clear their thresholds (`phrase-confidence.ts`, chosen on the
// understanding benchmark's calibration split); below `minConfidence` there is no text at all
// (`rejected`): a grammar always has a nearest sentence, and acting on it would be a guess.
//
// Only the speech is decoded: a voice activity detector finds it and the silence or noise around
// it is cut (long digital silence before a command throws pocketsphinx's normalisation off).
// Audio with no speech in it is rejected without decoding.
//
// Words missing from the CMU dictionary are given pronunciations from espeak-ng's
// letter-to-sound rules; only sentences whose words cannot be pronounced at all are dropped.
import { constants } from 'node:fs';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Logger, silentLogger } from 'wyoming-ts';
import { EngineError } from '../../errors.js';
import { pronounce } from './lexicon.js';
import { buildPhraseGrammar, type PhraseGrammar, wordsOf } from './phrase-grammar.js';
import { scoreHypotheses } from './phrase-scores.js';
import { checkInstallation, type DecoderArgs, mergeArgs, SHARED_ARGS } from './phrase-decoders.js';
import { PhoneLoops } from './phone-loops.js';
import { checkVtln } from './warp-selection.js';
import {
  checkHeard,
  closeGrammarDecoders,
  type GrammarDecoders,
  startGrammarDecoders,
} from './grammar-decoders.js';
import { decide } from './phrase-decision.js';
import { KeptDecodes } from './heard.js';
import { SecondHearing } from './second-hearing.js';
import {
  type SpeechSpan,
  speechOf,
  type Trimming,
  trimmingFor,
  withNoiseFloor,
} from './speech-span.js';
import { type SpeechDecode, SpeculativeDecodes } from './speculative-decodes.js';
import { SphinxBatch } from './sphinx-batch.js';
import {
  DEFAULT_ASK_CONFIDENCE,
  type SpeechToText,
  type Transcription,
  type Utterance,
} from './stt.js';
import {
  type Calibration,
  DEFAULT_ACCENTS,
  DEFAULT_CALIBRATION,
  DEFAULT_DICTIONARY,
  type GrammarSummary,
  MODEL_ROOT,
  nothingHeard,
  type PhraseEngineOptions,
  type PhraseResult,
  type SpeechFile,
} from './phrase-engine-types.js';

export {
  type Calibration,
  DEFAULT_ACCENTS,
  DEFAULT_CALIBRATION,
  DEFAULT_DICTIONARY,
  type GrammarSummary,
  type PhraseEngineOptions,
  type PhraseResult,
};

export { ASK_BAND, DEFAULT_ASK_CONFIDENCE, DEFAULT_SENSITIVE_CONFIDENCE } from './stt.js';

interface ActiveGrammar extends Partial<GrammarDecoders> {
  readonly grammar: PhraseGrammar;
}

const MIN_AUDIO_BYTES = 3200; // 100 ms

export class PhraseEngine implements SpeechToText {
  readonly name = 'phrase';
  readonly languages = ['en'] as const;
  private readonly binary: string;
  private readonly model: string;
  private readonly dictionary: string;
  private readonly calibration: Calibration;
  private readonly minConfidence: number;
  private readonly askConfidence: number;
  private readonly trimming: Trimming;
  private readonly logger: Logger;
  private readonly second: SecondHearing | undefined;
  /** The second opinion's recogniser, keeping its decodes for the next engine. */
  private readonly kept: KeptDecodes | undefined;
  private readonly speculative = new SpeculativeDecodes();
  private workDir: Promise<string> | undefined;
  private warmupFile: Promise<void> | undefined;
  private active: ActiveGrammar | undefined;
  private readonly loops: PhoneLoops;
  private generation = 0;
  private latestRequest = 0;
  private closed = false;
  private utterances = 0;

  /** `tempParent`: where a folder of its own is made when `options.workDir` is not given. */
  constructor(
    private readonly options: PhraseEngineOptions = {},
    private readonly tempParent = tmpdir(),
  ) {
    this.binary = options.pocketsphinx ?? '/usr/bin/pocketsphinx_batch';
    this.model = options.model ?? `${MODEL_ROOT}/en-us`;
    this.dictionary = options.dictionary ?? DEFAULT_DICTIONARY;
    this.calibration = options.calibration ?? DEFAULT_CALIBRATION;
    this.minConfidence = options.minConfidence ?? 0.5;
    this.askConfidence = options.askConfidence ?? DEFAULT_ASK_CONFIDENCE;
    if (options.vtln) checkVtln(options.vtln, options.decoderArgs, options.grammarArgs);
    this.trimming = trimmingFor(options.createVad);
    this.loops = new PhoneLoops(
      () => this.dir(),
      (dir, args) => this.decoder(dir, args),
      options.vtln,
    );
    this.logger = options.logger ?? silentLogger;
    const espeak = options.espeak === null ? null : (options.espeak ?? 'espeak-ng');
    const pronouncing = { dictionary: this.dictionary, espeak };
    const second = options.secondOpinion;
    this.kept = second && new KeptDecodes(second.recognizer);
    this.second =
      second && new SecondHearing({ ...second, recognizer: this.kept! }, pronouncing, this.logger);
  }

  /**
   * Makes `sentences` the grammar; resolves once the new decoder has loaded. Unchanged sentences
   * keep the running decoder. Throws `EngineError` when pocketsphinx or its model is missing.
   */
  async setSentences(sentences: readonly string[], signal?: AbortSignal): Promise<GrammarSummary> {
    const request = ++this.latestRequest;
    const overtaken = () => request !== this.latestRequest || this.closed;
    await checkInstallation(this.name, [
      ['pocketsphinx_batch', this.binary, constants.X_OK],
      ['the en-us acoustic model', join(this.model, 'mdef'), constants.R_OK],
      ['the pronunciation dictionary', this.dictionary, constants.R_OK],
    ]);
    const espeak = this.options.espeak === null ? null : (this.options.espeak ?? 'espeak-ng');
    const { pronunciations, guessed } = await pronounce(this.dictionary, wordsOf(sentences), {
      espeak,
      accents: this.options.accents ?? DEFAULT_ACCENTS,
      signal,
    });
    const grammar = buildPhraseGrammar(sentences, pronunciations);
    const summary = { sentences: grammar.sentences.size, dropped: grammar.dropped, guessed };
    if (grammar.dropped.length > 0) {
      this.logger.warn(`phrase: ${grammar.dropped.length} sentence(s) dropped (unknown words)`);
    }
    if (overtaken()) return summary;
    if (this.active && this.active.grammar.fsg === grammar.fsg) {
      this.active = { ...this.active, grammar }; // same decoder, maybe new spellings
      return summary;
    }
    // On an error the decoders started are closed and the previous grammar stays.
    const started = grammar.fsg ? await this.startGrammarDecoders(grammar, signal) : undefined;
    const next: ActiveGrammar = { grammar, ...started };
    // Swap in the new decoder, unless a later call (or close) overtook this one: its grammar wins.
    const stale = overtaken();
    const previous = stale ? next : this.active;
    if (!stale) this.active = next;
    await closeGrammarDecoders(previous);
    return summary;
  }

  /** Another engine like this one whose grammar is only `sentences` (a question's answers). */
  async forSentences(sentences: readonly string[], signal?: AbortSignal): Promise<PhraseEngine> {
    // A folder of its own (inside the configured one): both would write utt1.raw, grammar-1.fsg...
    const { workDir, ...options } = this.options;
    const shared = { ...options, secondOpinion: this.second?.shared };
    const engine = new PhraseEngine(shared, workDir ?? this.tempParent);
    try {
      await engine.setSentences(sentences, signal);
      return engine;
    } catch (error) {
      await engine.close();
      throw error;
    }
  }

  /**
   * The sentence heard, or no text and why (`rejected`) when there is none to trust; a rejection
   * carries what was found in the speech (`heard`) for the next engine.
   */
  async transcribe(utterance: Utterance, signal?: AbortSignal): Promise<Transcription> {
    const result = await this.recognize(utterance, signal);
    const decision = decide(result, {
      calibration: this.calibration,
      minConfidence: this.minConfidence,
      askConfidence: this.askConfidence,
      rule: this.second?.rule,
      logger: this.logger,
    });
    return decision.rejected && result.heard ? { ...decision, heard: result.heard } : decision;
  }

  /** The nearest sentence, with the numbers behind its confidence, whatever the confidence. */
  async recognize(utterance: Utterance, signal?: AbortSignal): Promise<PhraseResult> {
    const active = this.active;
    if (!active) {
      throw new EngineError(this.name, 'no grammar yet: call setSentences() first');
    }
    const { whole, speech } = await speechOf(this.trimming, utterance.audio, signal);
    // The same speech as a speculative transcription's (nothing said after the pause): its decode.
    let decode = speech ? await this.speculative.reuse(active, whole, speech, signal) : undefined;
    if (!decode) {
      const decoding = this.decodeSpeech(active, whole, speech, signal);
      if (utterance.speculative && speech) {
        this.speculative.keep({ decoder: active, audio: whole, speech, decode: decoding }, signal);
      }
      decode = await decoding;
    }
    const { name: trimming } = this.trimming;
    const heard = { audioBytes: utterance.audio.byteLength, speech, decoded: decode.decoded };
    return { ...decode.result, heard: trimming === undefined ? undefined : { ...heard, trimming } };
  }

  /** The grammar's decode of `speech` in `whole`, and the second opinion's. */
  private async decodeSpeech(
    active: ActiveGrammar,
    whole: Uint8Array,
    speech: SpeechSpan | null,
    signal?: AbortSignal,
  ): Promise<SpeechDecode> {
    const found = speech && (await this.speechFile(whole, speech));
    if (!found || !active.decoder) return { result: nothingHeard('no-speech') };
    const { id, file } = found;
    // The second recogniser hears the same speech while the decoders run.
    const listening = this.second?.listen(found.audio, signal);
    const taken = async () => {
      await listening;
      return this.kept?.take(found.audio);
    };
    try {
      const [{ best, free, warp }, loop] = await Promise.all([
        this.loops.decode({ ...active, decoder: active.decoder }, id, signal),
        active.wordLoop?.decode(id, signal),
      ]);
      if (best.words.length === 0) {
        return { result: nothingHeard('not-understood'), decoded: await taken() };
      }
      const spoken = best.words.join(' ');
      const scores = scoreHypotheses(best, free, loop, this.calibration.rule);
      const { slot, filler } = await checkHeard(active, id, best, this.logger, signal);
      const transcript = await listening;
      const second =
        transcript === undefined
          ? undefined
          : await this.second!.judge(transcript, best.words, active.grammar, signal);
      const text = active.grammar.sentences.get(spoken) ?? spoken;
      const confidence = this.confidence(scores.score);
      const result = {
        text,
        confidence,
        language: 'en',
        engine: this.name,
        second,
        warp,
        ...scores,
      };
      return { decoded: await taken(), result: { ...result, slot, filler } };
    } finally {
      await unlink(file).catch(() => {});
    }
  }

  /** The slot check (`slotCheck` on) of `words`, spoken form, on the speech of `utterance`. */
  async checkSlots(utterance: Utterance, words: readonly string[], signal?: AbortSignal) {
    const slots = this.active?.slots;
    if (!slots) return undefined;
    const { whole, speech } = await speechOf(this.trimming, utterance.audio, signal);
    const found = speech && (await this.speechFile(whole, speech));
    if (!found) return undefined;
    try {
      return await slots.check(found.id, words, signal);
    } finally {
      await unlink(found.file).catch(() => {});
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const active = this.active;
    this.active = undefined;
    this.speculative.clear();
    await Promise.all([
      closeGrammarDecoders(active),
      this.loops.close(),
      this.trimming.finder?.close(),
    ]);
    if (this.workDir && !this.options.workDir) {
      await rm(await this.workDir, { recursive: true, force: true });
    }
    this.workDir = undefined;
    this.warmupFile = undefined;
  }

  /** The speech written for the decoders, with the noise floor (none when too short). */
  private async speechFile(whole: Uint8Array, speech: SpeechSpan): Promise<SpeechFile | undefined> {
    const audio = withNoiseFloor(whole.subarray(speech.start, speech.end));
    if (audio.byteLength < MIN_AUDIO_BYTES) return undefined;
    const id = `utt${++this.utterances}`;
    const file = join(await this.dir(), `${id}.raw`);
    await writeFile(file, audio);
    return { id, file, audio };
  }

  private confidence(score: number): number {
    return 1 / (1 + Math.exp(-score / this.calibration.scale));
  }

  private async startGrammarDecoders(
    grammar: PhraseGrammar,
    signal?: AbortSignal,
  ): Promise<GrammarDecoders> {
    const dir = await this.dir();
    return startGrammarDecoders({
      grammar,
      dir,
      base: join(dir, `grammar-${++this.generation}`),
      engine: this.options,
      decoder: (args, own, perUtterance) => this.decoder(dir, args, own, perUtterance),
      warmUp: (decoder) => this.warmUp(decoder, signal),
      signal,
    });
  }

  /** A decoder with `args` and ours (`phrase-decoders.ts`), the options' overriding them. */
  private decoder(
    audioDir: string,
    args: DecoderArgs,
    own?: DecoderArgs,
    grammarPerUtterance = false,
  ): SphinxBatch {
    return new SphinxBatch({
      grammarPerUtterance,
      engine: this.name,
      binary: this.binary,
      audioDir,
      args: mergeArgs(['-hmm', this.model, ...SHARED_ARGS, ...args], this.options.decoderArgs, own),
      timeoutMs: this.options.timeoutMs,
    });
  }

  /** Decodes a moment of faint noise so models load now and load errors surface here. */
  private async warmUp(decoder: SphinxBatch, signal?: AbortSignal): Promise<void> {
    // Written once: rewriting it would truncate it under a decoder still reading it.
    this.warmupFile ??= this.dir().then((dir) => {
      const samples = new Int16Array(8000).map((_, i) => ((i * 7919) % 61) - 30);
      return writeFile(join(dir, 'warmup.raw'), new Uint8Array(samples.buffer));
    });
    await this.warmupFile.catch((error: unknown) => {
      this.warmupFile = undefined;
      throw error;
    });
    await Promise.all([decoder.decode('warmup', signal), this.loops.warmUp('warmup', signal)]);
  }

  private dir(): Promise<string> {
    this.workDir ??= this.options.workDir
      ? mkdir(this.options.workDir, { recursive: true }).then(() => this.options.workDir!)
      : mkdir(this.tempParent, { recursive: true }).then(() =>
          mkdtemp(join(this.tempParent, 'jarvis-phrase-')),
        );
    return this.workDir;
  }
}
