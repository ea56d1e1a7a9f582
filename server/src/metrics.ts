import type { TurnTimings } from './pipeline/timings.js';

/** Turns kept for the average and p95 latency the bridge shows. */
const RECENT_TURNS = 1000;

const BUCKETS_MS = [25, 50, 100, 200, 300, 500, 750, 1000, 2000, 5000, 10000];

class Histogram {
  private readonly counts = new Array<number>(BUCKETS_MS.length).fill(0);
  private sum = 0;
  private count = 0;

  observe(ms: number): void {
    this.sum += ms;
    this.count++;
    for (let i = 0; i < BUCKETS_MS.length; i++) if (ms <= BUCKETS_MS[i]!) this.counts[i]!++;
  }

  render(name: string, labels: string): string[] {
    const lines = BUCKETS_MS.map(
      (le, i) => `${name}_bucket{${labels},le="${le}"} ${this.counts[i]}`,
    );
    lines.push(`${name}_bucket{${labels},le="+Inf"} ${this.count}`);
    lines.push(`${name}_sum{${labels}} ${this.sum}`, `${name}_count{${labels}} ${this.count}`);
    return lines;
  }
}

/** What the server counts: turns, errors, stage latencies, satellites. Prometheus text out. */
export class Metrics {
  private readonly stages = new Map<keyof TurnTimings, Histogram>();
  private turns = 0;
  private errors = 0;
  private readonly intents = new Map<string, number>();
  private readonly agentErrors = new Map<string, number>();
  private readonly recent: number[] = [];

  recordTurn(timings: TurnTimings, outcome: { failed: boolean; intent?: string }): void {
    this.turns++;
    if (outcome.failed) this.errors++;
    if (outcome.intent)
      this.intents.set(outcome.intent, (this.intents.get(outcome.intent) ?? 0) + 1);
    for (const [stage, ms] of Object.entries(timings) as Array<
      [keyof TurnTimings, number | undefined]
    >) {
      if (ms === undefined) continue;
      if (!this.stages.has(stage)) this.stages.set(stage, new Histogram());
      this.stages.get(stage)!.observe(ms);
    }
    // What a person waits for: end of speech to the answer (for text turns, the answer itself).
    const latency =
      timings.speech_end_to_first_audio_ms ?? timings.transcript_to_response_ms ?? timings.total_ms;
    if (latency !== undefined) {
      this.recent.push(latency);
      if (this.recent.length > RECENT_TURNS) this.recent.shift();
    }
  }

  /** Average and 95th percentile latency of the last turns, in ms (null before any). */
  latency(): { average: number | null; p95: number | null } {
    if (this.recent.length === 0) return { average: null, p95: null };
    const sorted = [...this.recent].sort((a, b) => a - b);
    const average = sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length;
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
    return { average: Math.round(average), p95 };
  }

  recordError(): void {
    this.errors++;
  }

  /** The agent failed (`ollama-timeout`, `bad-tool-call`, ...): the answer was an apology. */
  recordAgentError(code: string): void {
    this.agentErrors.set(code, (this.agentErrors.get(code) ?? 0) + 1);
  }

  summary(): { turns: number; errors: number } {
    return { turns: this.turns, errors: this.errors };
  }

  render(gauges: { satellites: number; homeConnected: boolean }): string {
    const lines = [
      '# HELP jarvis_turns_total Voice and text turns handled.',
      '# TYPE jarvis_turns_total counter',
      `jarvis_turns_total ${this.turns}`,
      '# HELP jarvis_errors_total Turns that failed.',
      '# TYPE jarvis_errors_total counter',
      `jarvis_errors_total ${this.errors}`,
      '# HELP jarvis_intent_turns_total Turns by local intent.',
      '# TYPE jarvis_intent_turns_total counter',
      ...[...this.intents].map(
        ([intent, n]) => `jarvis_intent_turns_total{intent="${intent}"} ${n}`,
      ),
      '# HELP jarvis_agent_errors_total Conversation agent failures by code (answered with an apology).',
      '# TYPE jarvis_agent_errors_total counter',
      ...[...this.agentErrors].map(([code, n]) => `jarvis_agent_errors_total{code="${code}"} ${n}`),
      '# HELP jarvis_satellites Satellites connected.',
      '# TYPE jarvis_satellites gauge',
      `jarvis_satellites ${gauges.satellites}`,
      '# HELP jarvis_home_connected 1 when the home (Home Assistant or demo) can be controlled.',
      '# TYPE jarvis_home_connected gauge',
      `jarvis_home_connected ${gauges.homeConnected ? 1 : 0}`,
      '# HELP jarvis_stage_latency_ms Per-stage latency of turns, in milliseconds.',
      '# TYPE jarvis_stage_latency_ms histogram',
    ];
    for (const [stage, histogram] of this.stages) {
      lines.push(...histogram.render('jarvis_stage_latency_ms', `stage="${stage}"`));
    }
    return `${lines.join('\n')}\n`;
  }
}
