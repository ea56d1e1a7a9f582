// Settings that would silently do nothing. A key written with another value than its default,
// whose effect depends on another setting that turns it off, is refused at start-up naming
// both, rather than ignored. One table, checked against what was written.
import { isDeepStrictEqual } from 'node:util';
import type { JarvisConfig } from './schema.js';

export interface DependentSetting {
  /** The settings (paths) that only act when `when` holds. */
  readonly keys: readonly string[];
  readonly when: (config: JarvisConfig) => boolean;
  /** What must hold, as the user would write it ("tts.engine is espeak-ng"). */
  readonly needs: string;
}

const ollamaEmbeds = (c: JarvisConfig): boolean =>
  c.memory.enabled &&
  (c.memory.embedder === 'ollama' || (c.memory.embedder === 'auto' && c.ollama.enabled));

/**
 * A general engine (Moonshine, a Wyoming ASR) hears what the phrase grammar rejects. Moonshine
 * hears English only: in a French home it changes nothing.
 */
export const hasGeneralStt = (c: JarvisConfig): boolean =>
  (c.stt.moonshine.enabled && c.language === 'en') || c.stt.wyoming_uri !== undefined;

export const DEPENDENT_SETTINGS: readonly DependentSetting[] = [
  {
    keys: ['tts.wyoming_voice'],
    when: (c) => c.tts.engine === 'wyoming',
    needs: 'tts.engine is wyoming (set tts.wyoming_uri)',
  },
  {
    keys: ['tts.espeak_voice_en', 'tts.espeak_voice_fr', 'tts.espeak_rate'],
    when: (c) => c.tts.engine === 'espeak-ng',
    needs: 'tts.engine is espeak-ng',
  },
  {
    keys: [
      'stt.phrase.min_confidence',
      'stt.phrase.sensitive_confidence',
      'stt.phrase.ask_confidence',
      'stt.phrase.name_languages',
      'stt.phrase.second_opinion',
    ],
    when: (c) => c.stt.phrase.enabled,
    needs: 'stt.phrase.enabled is true',
  },
  {
    keys: ['stt.moonshine.min_confidence'],
    when: (c) => c.stt.moonshine.enabled,
    needs: 'stt.moonshine.enabled is true',
  },
  {
    keys: ['stt.moonshine.model'],
    when: (c) =>
      c.stt.moonshine.enabled || (c.stt.phrase.enabled && c.stt.phrase.second_opinion !== 'off'),
    needs: 'stt.moonshine.enabled is true or the phrase engine has a second opinion',
  },
  {
    keys: ['stt.phrase.agreement.contrast'],
    when: (c) => c.stt.phrase.agreement.runs === 'worst',
    needs: 'stt.phrase.agreement.runs is worst',
  },
  {
    keys: ['stt.phrase.agreement'],
    when: (c) => c.stt.phrase.enabled && c.stt.phrase.second_opinion !== 'off',
    needs: 'stt.phrase.enabled is true and stt.phrase.second_opinion is not off',
  },
  {
    keys: ['pipeline.early_endpoint_ms'],
    when: (c) => c.stt.phrase.enabled,
    needs: 'stt.phrase.enabled is true (early endpointing needs the phrase engine)',
  },
  {
    keys: ['pipeline.speculate_after_ms'],
    when: (c) => c.stt.phrase.enabled && c.pipeline.early_endpoint_ms > 0,
    needs: 'stt.phrase.enabled is true and pipeline.early_endpoint_ms is above 0',
  },
  {
    keys: ['pipeline.rejected_endpoint_ms'],
    when: (c) => c.stt.phrase.enabled && c.pipeline.early_endpoint_ms > 0 && !hasGeneralStt(c),
    needs:
      'stt.phrase.enabled is true, pipeline.early_endpoint_ms is above 0, no stt.wyoming_uri and ' +
      'stt.moonshine.enabled false in an English home (a general engine hears what the grammar rejects)',
  },
  {
    keys: ['wyoming.zeroconf_name'],
    when: (c) => c.wyoming.zeroconf,
    needs: 'wyoming.zeroconf is true',
  },
  {
    keys: [
      'mqtt.username',
      'mqtt.password',
      'mqtt.ca_file',
      'mqtt.configuration_url',
      'mqtt.discovery_prefix',
      'mqtt.base_topic',
      'mqtt.publish_text',
      'mqtt.rediscover_delay_ms',
    ],
    when: (c) => c.mqtt.url !== undefined,
    needs: 'mqtt.url is set',
  },
  {
    keys: ['mqtt.ca_file'],
    when: (c) => c.mqtt.url?.startsWith('mqtts://') ?? false,
    needs: 'mqtt.url is mqtts://',
  },
  {
    keys: ['ollama.model', 'ollama.timeout_ms', 'ollama.keep_alive'],
    when: (c) => c.ollama.enabled,
    needs: 'ollama.enabled is true',
  },
  {
    keys: ['ollama.url'],
    when: (c) => c.ollama.enabled || ollamaEmbeds(c),
    needs: 'ollama.enabled is true or memory.embedder is ollama',
  },
  {
    keys: ['agent.max_tool_rounds', 'agent.sensitive_domains', 'agent.extract_facts'],
    when: (c) => c.ollama.enabled,
    needs: 'ollama.enabled is true (the agent is Ollama)',
  },
  {
    keys: ['agent.extract_facts'],
    when: (c) => c.memory.enabled,
    needs: 'memory.enabled is true',
  },
  {
    keys: ['memory.embedder', 'memory.recall_limit'],
    when: (c) => c.memory.enabled,
    needs: 'memory.enabled is true',
  },
  {
    keys: ['memory.embed_model'],
    when: ollamaEmbeds,
    needs: 'memory.embedder is ollama, or auto with ollama.enabled true',
  },
];

/** The value written at `path` (`tts.espeak_rate`) in `raw`, or undefined. */
export function writtenValue(raw: unknown, path: string): unknown {
  let node = raw;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * One line per setting written with another value than its default (in `defaults`) that
 * would do nothing in `config`. A file that spells out every default is never refused.
 */
export function unusedSettings(
  raw: unknown,
  config: JarvisConfig,
  defaults: JarvisConfig,
  rules: readonly DependentSetting[] = DEPENDENT_SETTINGS,
): string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    if (rule.when(config)) continue;
    for (const key of rule.keys) {
      const value = writtenValue(raw, key);
      if (value === undefined || writesDefaults(value, writtenValue(defaults, key))) continue;
      problems.push(`${key}: does nothing unless ${rule.needs}; remove it or change that`);
    }
  }
  return problems;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether what is written is the default: of a section, every key it writes. */
function writesDefaults(written: unknown, defaults: unknown): boolean {
  if (isRecord(written) && isRecord(defaults)) {
    return Object.entries(written).every(([key, value]) => writesDefaults(value, defaults[key]));
  }
  return isDeepStrictEqual(written, defaults);
}
