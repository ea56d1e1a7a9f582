// One metrics registry (prom-client) for every way a command comes in: a satellite's voice, the
// HTTP API, Home Assistant's Wyoming conversation path and automations. `/metrics` serves it and
// the bridge's sensors (commands handled, average and p95 latency, errors) read from it.
import { Counter, Gauge, Histogram, Registry, Summary } from 'prom-client';
import type { TurnTimings } from './pipeline/timings.js';

/** How a command reached the server. */
export type Way = 'voice' | 'http' | 'wyoming' | 'automation';

const BUCKETS_MS = [25, 50, 100, 200, 300, 500, 750, 1000, 2000, 5000, 10000];

export interface TurnRecord {
  readonly failed: boolean;
  readonly intent?: string;
}

export interface Stats {
  readonly turns: number;
  readonly errors: number;
  /** Average and 95th percentile latency of the turns, in ms (null before any). */
  readonly average: number | null;
  readonly p95: number | null;
}

/** Read when `/metrics` is scraped. */
export interface MetricsGauges {
  satellites(): number;
  homeConnected(): boolean;
}

/** What a person waits for: end of speech to the answer (for text, the answer itself). */
export function waitedMs(timings: TurnTimings): number | undefined {
  return (
    timings.speech_end_to_first_audio_ms ?? timings.transcript_to_response_ms ?? timings.total_ms
  );
}

export class Metrics {
  readonly registry = new Registry();
  private readonly turns: Counter<'way'>;
  private readonly errors: Counter<'way'>;
  private readonly intents: Counter<'intent'>;
  private readonly agentErrors: Counter<'code'>;
  private readonly stages: Histogram<'stage'>;
  private readonly latency: Summary;
  private gauges: MetricsGauges | undefined;

  constructor() {
    const registers = [this.registry];
    const counter = <L extends string>(name: string, help: string, label: L) =>
      new Counter<L>({ name, help, labelNames: [label], registers });
    this.turns = counter(
      'jarvis_turns_total',
      'Commands handled, by the way they came in (voice, http, wyoming, automation).',
      'way',
    );
    this.errors = counter('jarvis_errors_total', 'Commands that failed, by way in.', 'way');
    this.intents = counter('jarvis_intent_turns_total', 'Commands by local intent.', 'intent');
    this.agentErrors = counter(
      'jarvis_agent_errors_total',
      'Conversation agent failures by code (answered with an apology).',
      'code',
    );
    this.stages = new Histogram({
      name: 'jarvis_stage_latency_ms',
      help: 'Per-stage latency of voice turns, in milliseconds.',
      labelNames: ['stage'],
      buckets: BUCKETS_MS,
      registers,
    });
    this.latency = new Summary({
      name: 'jarvis_latency_ms',
      help: 'What a person waits for, in milliseconds: end of speech to the answer (text: the answer).',
      percentiles: [0.5, 0.95],
      registers,
    });
    const gauge = (name: string, help: string, read: (g: MetricsGauges) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect: () => {
          if (this.gauges) this.gauge(name).set(read(this.gauges));
        },
      });
    gauge('jarvis_satellites', 'Satellites connected.', (g) => g.satellites());
    gauge(
      'jarvis_home_connected',
      '1 when the home (Home Assistant or demo) can be controlled.',
      (g) => (g.homeConnected() ? 1 : 0),
    );
  }

  /** What the gauges read when scraped (the registry and the home come after the metrics). */
  useGauges(gauges: MetricsGauges): void {
    this.gauges = gauges;
  }

  recordTurn(way: Way, timings: TurnTimings, outcome: TurnRecord): void {
    this.turns.inc({ way });
    if (outcome.failed) this.errors.inc({ way });
    if (outcome.intent) this.intents.inc({ intent: outcome.intent });
    for (const [stage, ms] of Object.entries(timings) as Array<[string, number | undefined]>) {
      if (ms !== undefined) this.stages.observe({ stage }, ms);
    }
    const waited = waitedMs(timings);
    if (waited !== undefined) this.latency.observe(waited);
  }

  /** The agent failed (`ollama-timeout`, `bad-tool-call`, ...): the answer was an apology. */
  recordAgentError(code: string): void {
    this.agentErrors.inc({ code });
  }

  /** Totals over every way in, for the bridge's sensors. */
  async stats(): Promise<Stats> {
    const sum = async (counter: Counter<'way'>) =>
      (await counter.get()).values.reduce((total, v) => total + v.value, 0);
    const latency = (await this.latency.get()).values;
    const count = latency.find((v) => v.metricName === 'jarvis_latency_ms_count')?.value ?? 0;
    const total = latency.find((v) => v.metricName === 'jarvis_latency_ms_sum')?.value ?? 0;
    const p95 = latency.find((v) => v.labels.quantile === 0.95)?.value;
    return {
      turns: await sum(this.turns),
      errors: await sum(this.errors),
      average: count > 0 ? Math.round(total / count) : null,
      p95: count > 0 && p95 !== undefined ? Math.round(p95) : null,
    };
  }

  /** The Prometheus text exposition. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private gauge(name: string): Gauge {
    return this.registry.getSingleMetric(name) as Gauge;
  }
}
