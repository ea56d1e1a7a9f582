import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics.js';

describe('metrics: one registry for every way in', () => {
  it('counts turns and errors by way, and gives the totals, average and p95 the bridge shows', async () => {
    const metrics = new Metrics();
    expect(await metrics.stats()).toEqual({ turns: 0, errors: 0, average: null, p95: null });
    for (let ms = 1; ms <= 100; ms++)
      metrics.recordTurn('voice', { speech_end_to_first_audio_ms: ms }, { failed: false });
    metrics.recordTurn('http', { transcript_to_response_ms: 50 }, { failed: false, intent: 'X' });
    metrics.recordTurn('wyoming', { transcript_to_response_ms: 50 }, { failed: true });
    metrics.recordTurn('automation', {}, { failed: true });
    const stats = await metrics.stats();
    expect(stats).toMatchObject({ turns: 103, errors: 2, average: 50 });
    expect(stats.p95).toBeGreaterThanOrEqual(94);
    expect(stats.p95).toBeLessThanOrEqual(96);

    metrics.useGauges({ satellites: () => 3, homeConnected: () => true });
    const text = await metrics.render();
    expect(text).toMatch(/^jarvis_turns_total\{way="voice"\} 100$/m);
    expect(text).toMatch(/^jarvis_turns_total\{way="http"\} 1$/m);
    expect(text).toMatch(/^jarvis_turns_total\{way="wyoming"\} 1$/m);
    expect(text).toMatch(/^jarvis_errors_total\{way="automation"\} 1$/m);
    expect(text).toMatch(/^jarvis_intent_turns_total\{intent="X"\} 1$/m);
    expect(text).toMatch(/^jarvis_latency_ms_count 102$/m);
    expect(text).toMatch(
      /^jarvis_stage_latency_ms_count\{stage="speech_end_to_first_audio_ms"\} 100$/m,
    );
    expect(text).toMatch(/^jarvis_satellites 3$/m);
    expect(text).toMatch(/^jarvis_home_connected 1$/m);
  });

  it('keeps each instance apart (no global registry)', async () => {
    const one = new Metrics();
    const two = new Metrics();
    one.recordTurn('voice', {}, { failed: false });
    expect((await two.stats()).turns).toBe(0);
    expect((await one.stats()).turns).toBe(1);
  });
});
