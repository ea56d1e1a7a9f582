import {
  DEFAULT_ASK_CONFIDENCE,
  DEFAULT_SENSITIVE_CONFIDENCE,
  DEFAULT_MOONSHINE_CONFIDENCE,
  MAX_PHRASE_CONFIDENCE,
} from '../engines/stt/stt.js';
import { RULE_OF_RUNS, ruleWith, type RuleSettings } from '../engines/stt/second-opinion.js';
import { z } from 'zod';
import { RoutinesSchema } from '../routines/schema.js';
import { PRIVATE_NETWORKS, parseCidr } from '../wyoming/peers.js';

// The phrase engine never gives more (its default rule caps the score): a higher threshold,
// such as the 0.975 of older configurations, would refuse every sentence without a word.
const reachableConfidence = z
  .number()
  .min(0)
  .max(MAX_PHRASE_CONFIDENCE, {
    message: `the phrase engine's confidence is at most ${MAX_PHRASE_CONFIDENCE}; a higher threshold is never met (default sensitive_confidence ${DEFAULT_SENSITIVE_CONFIDENCE})`,
  });

// A second recogniser's agreement with the phrase engine's sentence: 1 is the same phones.
const agreementNeed = z.number().min(0).max(1);

// The server's configuration: one schema for defaults, types, validation and the key docs
// (`jarvis.yaml` at the repository root mirrors it, and a test keeps the two in step).

const uri = (what: string) =>
  z
    .string()
    .regex(
      /^(tcp:\/\/[^\s:]+:\d+|unix:\/\/\S+)$/,
      `expected tcp://host:port or unix://path for ${what}`,
    );

function validCidr(value: string, context: z.RefinementCtx): void {
  try {
    parseCidr(value);
  } catch (error) {
    context.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
  }
}

/** `tts.engine: wyoming` needs a URI; `espeak-ng` with a URI would leave it unused. */
function ttsEngineAndUri(
  tts: { engine?: 'espeak-ng' | 'wyoming'; wyoming_uri?: string },
  context: z.RefinementCtx,
): void {
  if (tts.engine === 'wyoming' && !tts.wyoming_uri) {
    context.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['wyoming_uri'],
      message:
        'required when tts.engine is wyoming (tcp://host:port of a Wyoming TTS such as piper)',
    });
  }
  if (tts.engine === 'espeak-ng' && tts.wyoming_uri) {
    context.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['wyoming_uri'],
      message: 'does nothing while tts.engine is espeak-ng; remove one of the two',
    });
  }
}

const httpUrl = z.string().regex(/^https?:\/\/\S+$/, 'expected an http:// or https:// URL');

/** One MQTT topic level: no wildcards, no slash (HA's discovery ids use `[a-zA-Z0-9_-]`). */
const topicLevel = z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, _ or -');
const topicPrefix = z
  .string()
  .regex(/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/, 'expected topic levels such as homeassistant');

export const SatelliteEntrySchema = z
  .object({
    uri: uri('a satellite'),
    name: z.string().min(1).optional(),
    area: z.string().min(1).optional(),
  })
  .strict();

/** The second opinion's needs, each one left out taken from the rule measured for `runs`. */
function withRunsRule<T extends RuleSettings & { runs: keyof typeof RULE_OF_RUNS }>(written: T) {
  const rule = ruleWith(RULE_OF_RUNS[written.runs], written);
  return {
    runs: written.runs,
    sentence: rule.strict.sentence,
    run: rule.strict.run,
    loose_band: rule.looseBand,
    loose_sentence: rule.loose.sentence,
    loose_run: rule.loose.run,
    ask_sentence: rule.ask.sentence,
    ask_run: rule.ask.run,
    // -1: not checked (the rule's "none"), so a file that writes it is not refused.
    contrast: rule.contrast ?? -1,
  };
}

export const ConfigSchema = z
  .object({
    data_dir: z.string().min(1).default('./data'),
    language: z.enum(['en', 'fr']).default('en'),
    log_level: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    wyoming: z
      .object({
        uri: uri('the Wyoming endpoint').default('tcp://0.0.0.0:10600'),
        zeroconf: z.boolean().default(true),
        zeroconf_name: z.string().min(1).default('jarvis'),
        allowed_peers: z.array(z.string().superRefine(validCidr)).default([...PRIVATE_NETWORKS]),
        idle_timeout_ms: z.number().int().min(1000).max(3_600_000).default(60_000),
        max_connections: z.number().int().min(1).max(10_000).default(64),
        max_audio_seconds: z.number().int().min(1).max(600).default(30),
      })
      .strict()
      .default({}),
    http: z
      .object({
        host: z.string().min(1).default('0.0.0.0'),
        port: z.number().int().min(0).max(65535).default(8099),
        token: z.string().min(16, 'use at least 16 characters').optional(),
      })
      .strict()
      .default({}),
    satellites: z.array(SatelliteEntrySchema).default([]),
    discovery: z
      .object({ zeroconf: z.boolean().default(true) })
      .strict()
      .default({}),
    satellite_driver: z
      .object({
        ping_interval_ms: z.number().int().min(500).max(60_000).default(5000),
        ping_timeout_ms: z.number().int().min(500).max(60_000).default(10_000),
        reconnect_min_ms: z.number().int().min(100).default(500),
        reconnect_max_ms: z.number().int().min(1000).default(30_000),
      })
      .strict()
      .default({}),
    arbitration: z
      .object({ window_ms: z.number().int().min(0).max(5000).default(300) })
      .strict()
      .default({}),
    pipeline: z
      .object({
        max_command_seconds: z.number().min(1).max(120).default(15),
        early_endpoint_ms: z.number().int().min(0).max(600).default(300),
        speculate_after_ms: z.number().int().min(0).max(600).default(0),
        rejected_endpoint_ms: z.number().int().min(0).max(2000).default(450),
      })
      .strict()
      .default({}),
    stt: z
      .object({
        phrase: z
          .object({
            enabled: z.boolean().default(true),
            min_confidence: reachableConfidence.default(0.5),
            sensitive_confidence: reachableConfidence.default(DEFAULT_SENSITIVE_CONFIDENCE),
            ask_confidence: z.number().min(0).max(1).default(DEFAULT_ASK_CONFIDENCE),
            second_opinion: z.enum(['moonshine', 'off']).default('moonshine'),
            agreement: z
              .object({
                sentence: agreementNeed.optional(),
                run: agreementNeed.optional(),
                loose_band: z.number().min(0).max(100).optional(),
                loose_sentence: agreementNeed.optional(),
                loose_run: agreementNeed.optional(),
                ask_sentence: agreementNeed.optional(),
                ask_run: agreementNeed.optional(),
                runs: z.enum(['neighbours', 'worst', 'values']).default('neighbours'),
                contrast: z.number().min(-1).max(1).optional(),
              })
              .strict()
              .transform(withRunsRule)
              .default({}),
            name_languages: z.record(z.string().min(1), z.enum(['en', 'fr', 'any'])).default({}),
          })
          .strict()
          .default({}),
        moonshine: z
          .object({
            enabled: z.boolean().default(true),
            min_confidence: z.number().min(0).max(1).default(DEFAULT_MOONSHINE_CONFIDENCE),
            // base hears espeak-ng's voices better at 1.4 times tiny's CPU (README, "Moonshine,
            // the general engine, measured"); the second opinion's rule was chosen with tiny.
            model: z.enum(['tiny', 'base']).default('tiny'),
          })
          .strict()
          .default({}),
        wyoming_uri: uri('a Wyoming ASR service').optional(),
        timeout_ms: z.number().int().min(100).default(10_000),
      })
      .strict()
      .default({}),
    tts: z
      .object({
        // Absent: wyoming when wyoming_uri is set, else espeak-ng (a URI is never ignored).
        engine: z.enum(['espeak-ng', 'wyoming']).optional(),
        espeak_voice_en: z.string().default('en-us'),
        espeak_voice_fr: z.string().default('fr-fr'),
        espeak_rate: z.number().int().min(80).max(450).default(175),
        wyoming_uri: uri('a Wyoming TTS service').optional(),
        wyoming_voice: z.string().optional(),
      })
      .strict()
      .superRefine(ttsEngineAndUri)
      .transform((tts) => ({
        ...tts,
        engine: tts.engine ?? (tts.wyoming_uri ? ('wyoming' as const) : ('espeak-ng' as const)),
      }))
      .default({}),
    wake: z
      .object({
        models: z.array(z.string().min(1)).default(['hey_jarvis']),
        threshold: z.number().gt(0).max(1).default(0.5),
        workers: z.number().int().min(0).max(64).default(0),
        speed_variants: z.number().min(0).max(1).default(0),
      })
      .strict()
      .default({}),
    home_assistant: z
      .object({
        url: httpUrl.optional(),
        token: z.string().min(1).optional(),
      })
      .strict()
      .default({}),
    ollama: z
      .object({
        enabled: z.boolean().default(true),
        url: httpUrl.default('http://127.0.0.1:11434'),
        model: z.string().min(1).default('llama3.1:8b'),
        timeout_ms: z.number().int().min(500).max(600_000).default(10_000),
        keep_alive: z.string().min(1).default('30m'),
      })
      .strict()
      .default({}),
    agent: z
      .object({
        max_tool_rounds: z.number().int().min(1).max(20).default(4),
        sensitive_domains: z
          .array(z.string().regex(/^[a-z_]+$/, 'expected a domain such as cover'))
          .default([]),
        extract_facts: z.boolean().default(true),
      })
      .strict()
      .default({}),
    conversation: z
      .object({
        ttl_seconds: z
          .number()
          .int()
          .min(10)
          .max(30 * 86_400)
          .default(300),
        max_messages: z.number().int().min(2).max(500).default(20),
      })
      .strict()
      .default({}),
    redis: z
      .object({
        url: z
          .string()
          .regex(/^rediss?:\/\/\S+$/)
          .optional(),
      })
      .strict()
      .default({}),
    memory: z
      .object({
        enabled: z.boolean().default(true),
        embedder: z.enum(['auto', 'hashed', 'sentence', 'ollama']).default('auto'),
        embed_model: z.string().min(1).default('nomic-embed-text'),
        recall_limit: z.number().int().min(1).max(20).default(3),
      })
      .strict()
      .default({}),
    reminders: z
      .object({
        enabled: z.boolean().default(true),
        heads_up_minutes: z.number().min(0).max(240).default(5),
        repeat_after_minutes: z.number().gt(0).max(120).default(3),
        late_limit_minutes: z.number().min(0).max(1440).default(60),
        last_heard_minutes: z.number().min(0).max(1440).default(10),
      })
      .strict()
      .default({}),
    routines: RoutinesSchema,
    modes: z
      .object({ night_volume: z.number().int().min(0).max(100).default(50) })
      .strict()
      .default({}),
    mqtt: z
      .object({
        url: z
          .string()
          .regex(
            /^(mqtts?:\/\/\S+|mqtt\+unix:\/\/\/\S+)$/,
            'expected mqtt://host:port, mqtts://host:port or mqtt+unix:///path',
          )
          .optional(),
        username: z.string().min(1).optional(),
        password: z.string().min(1).optional(),
        ca_file: z.string().min(1).optional(),
        discovery_prefix: topicPrefix.default('homeassistant'),
        base_topic: topicLevel.default('jarvis'),
        publish_text: z.boolean().default(true),
        configuration_url: httpUrl.optional(),
        rediscover_delay_ms: z.number().int().min(0).max(60_000).default(2000),
      })
      .strict()
      .default({}),
  })
  .strict();

export type JarvisConfig = z.infer<typeof ConfigSchema>;
