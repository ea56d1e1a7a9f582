/**
 * Microphone gain on 16-bit samples, in place: a fixed volume multiplier, then an optional
 * automatic gain that slowly steers the speech level towards a target (in dBFS below full
 * scale, like webrtc's auto gain: 0 = off, 31 = quietest). Gain rises slowly and falls fast,
 * and never exceeds +30 dB, so silence is not pumped up into noise.
 */
export class MicGain {
  private gain = 1;
  private readonly targetRms: number;

  constructor(
    private readonly volumeMultiplier = 1,
    autoGainDbfs = 0,
  ) {
    this.targetRms = autoGainDbfs > 0 ? 32768 * 10 ** (-autoGainDbfs / 20) : 0;
  }

  get currentGain(): number {
    return this.gain * this.volumeMultiplier;
  }

  apply(samples: Int16Array): void {
    if (this.targetRms > 0) this.adapt(samples);
    const gain = this.gain * this.volumeMultiplier;
    if (gain === 1) return;
    for (let i = 0; i < samples.length; i++) {
      const value = samples[i]! * gain;
      samples[i] = value > 32767 ? 32767 : value < -32768 ? -32768 : value;
    }
  }

  private adapt(samples: Int16Array): void {
    let sum = 0;
    for (let i = 0; i < samples.length; i++) sum += samples[i]! * samples[i]!;
    const rms = Math.sqrt(sum / Math.max(1, samples.length)) * this.volumeMultiplier;
    if (rms < 100) return; // silence or background hum: hold the gain
    const wanted = Math.min(31.6, this.targetRms / rms);
    const rate = wanted < this.gain ? 0.5 : 0.05;
    this.gain += (wanted - this.gain) * rate;
  }
}
