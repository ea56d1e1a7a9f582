// What the brain is built from, against an Ollama test server speaking Ollama's HTTP API.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OllamaTestServer } from '../../tests/helpers/ollama-test-server.js';
import { CLOSED_PORT } from '../../tests/helpers/ports.js';
import { type Brain, buildBrain } from './brain.js';
import { loadConfig } from './config/load.js';
import { ConfigError } from './errors.js';
import { DemoHome } from './home/demo-home.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'jarvis-brain-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function brainWith(
  yaml: Record<string, unknown>,
  ollama?: OllamaTestServer,
  dir = tempDir(),
) {
  const url = ollama?.url ?? `http://127.0.0.1:${CLOSED_PORT}`;
  const config = loadConfig({ env: { JARVIS_DATA_DIR: dir, JARVIS_OLLAMA_URL: url } });
  const merged = { ...config, ...yaml } as typeof config;
  const brain: Brain = await buildBrain({ config: merged, home: new DemoHome() });
  cleanups.push(() => brain.close());
  return brain;
}

async function ollamaWith(models?: ConstructorParameters<typeof OllamaTestServer>[0]) {
  const ollama = await new OllamaTestServer(models).start();
  cleanups.push(() => ollama.stop());
  return ollama;
}

describe('buildBrain', () => {
  it('with Ollama: the agent, Ollama embeddings for memory, context in process', async () => {
    const brain = await brainWith({}, await ollamaWith());
    expect(brain.agent).toBeDefined();
    expect(brain.summary.agent).toMatch(/^Ollama llama3\.1:8b at http/);
    expect(brain.summary.memory).toMatch(
      /LanceDB in .*memory: 0 memories, embedder ollama:nomic-embed-text/,
    );
    expect(brain.summary.context).toMatch(/^in process \(no redis\.url\)/);
    expect(brain.status()).toEqual({
      agent: { model: 'llama3.1:8b' },
      conversation_context: 'memory',
      memory: 'lancedb',
    });
  });

  it('without Ollama: the agent still answers (with apologies) and memory uses the sentence encoder', async () => {
    const brain = await brainWith({});
    expect(brain.agent).toBeDefined();
    expect(brain.summary.agent).toMatch(/unreachable/);
    expect(brain.summary.memory).toMatch(/embedder blend\(hashed-ngram-v1-\S+\*0\.25,use-lite-en/);
  });

  it('memory.embedder hashed: the built-in hashed embedder alone', async () => {
    const memory = { ...loadConfig({}).memory, embedder: 'hashed' as const };
    const brain = await brainWith({ memory });
    expect(brain.summary.memory).toMatch(
      /embedder hashed-ngram-v1-household-v\d+\+wordnet-3\.0:\d+:\d+(:[\w.]+)*\+freedict-fra-eng-v\d+\+cognates-v\d+:\d+:512, household lexicon, WordNet 3\.0 \(\/usr\/share\/wordnet\), French-English dictionary$/,
    );
  });

  it('memory.embedder sentence: the encoder blended with the hashed embedder, French rewritten', async () => {
    const memory = { ...loadConfig({}).memory, embedder: 'sentence' as const };
    const brain = await brainWith({ memory });
    expect(brain.summary.memory).toMatch(
      /embedder blend\(hashed-ngram-v1-\S+\*0\.25,use-lite-en\+rewrite-v\d+\+freedict-fra-eng-v\d+\+cognates-v\d+\+counts:512\*0\.75\)/,
    );
    for (const text of ['Quentin is a mechanic', 'The wifi password is on the fridge']) {
      await brain.memory!.remember({ text });
    }
    const [first] = await brain.memory!.recall('who could repair a broken engine?');
    expect(first?.memory.text).toBe('Quentin is a mechanic');
  });

  it('re-embeds an older store in the background; a write waits for it, nothing is lost', async () => {
    const dir = tempDir();
    const hashed = { ...loadConfig({}).memory, embedder: 'hashed' as const };
    const before = await brainWith({ memory: hashed }, undefined, dir);
    await before.memory!.remember({ text: 'Quentin is a mechanic' });
    await before.close();

    const memory = { ...loadConfig({}).memory, embedder: 'sentence' as const };
    const brain = await brainWith({ memory }, undefined, dir);
    expect(brain.summary.memory).toMatch(/re-embedding for blend\(.*\) in the background/);
    // A write waits for the re-embed, then lands in the new table.
    await brain.memory!.remember({ text: 'The wifi password is on the fridge' });
    expect(await brain.memory!.count()).toBe(2);
    const [first] = await brain.memory!.recall('who could repair a broken engine?');
    expect(first?.memory.text).toBe('Quentin is a mechanic');
  });

  it('a model that is missing or cannot call tools is a config error naming ollama.model', async () => {
    const ollama = await ollamaWith({
      models: [{ name: 'gemma:2b', capabilities: ['completion'] }],
    });
    const noTools = brainWith(
      { ollama: { ...loadConfig({}).ollama, url: ollama.url, model: 'gemma:2b' } },
      ollama,
    );
    await expect(noTools).rejects.toThrow(ConfigError);
    await expect(noTools).rejects.toThrow(/^ollama\.model: .*cannot call tools/);
    const missing = brainWith(
      { ollama: { ...loadConfig({}).ollama, url: ollama.url, model: 'qwen2.5:7b' } },
      ollama,
    );
    await expect(missing).rejects.toThrow(/ollama pull qwen2\.5:7b/);
  });

  it('memory.embedder ollama without the embedding model is a config error', async () => {
    const ollama = await ollamaWith({ models: [{ name: 'llama3.1:8b' }] });
    const memory = { ...loadConfig({}).memory, embedder: 'ollama' as const };
    await expect(brainWith({ memory }, ollama)).rejects.toThrow(/^memory\.embed_model: /);
  });

  it('turned off: no agent, no memory, and says so', async () => {
    const defaults = loadConfig({});
    const brain = await brainWith({
      ollama: { ...defaults.ollama, enabled: false },
      memory: { ...defaults.memory, enabled: false },
    });
    expect(brain.agent).toBeUndefined();
    expect(brain.memory).toBeUndefined();
    expect(brain.summary).toMatchObject({
      agent: 'off (ollama.enabled is false)',
      memory: 'off (memory.enabled is false)',
    });
  });
});
