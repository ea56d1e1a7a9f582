import { emptyEvent } from './define.js';
import { type Event, type Eventable, type JsonObject, makeEvent } from './event.js';
import { FieldReader } from './fields.js';
import {
  type AsrProgram,
  type HandleProgram,
  type IntentProgram,
  type MicProgram,
  readAsrProgram,
  readHandleProgram,
  readIntentProgram,
  readMicProgram,
  readSatellite,
  readSndProgram,
  readTtsProgram,
  readWakeProgram,
  type Satellite,
  type SndProgram,
  type TtsProgram,
  type WakeProgram,
} from './info-types.js';

/** What services do you offer? Answered by `info`. */
export class Describe extends emptyEvent('describe') {}

export interface InfoInit {
  asr?: AsrProgram[];
  tts?: TtsProgram[];
  handle?: HandleProgram[];
  intent?: IntentProgram[];
  wake?: WakeProgram[];
  mic?: MicProgram[];
  snd?: SndProgram[];
  satellite?: Satellite;
}

/** The services a Wyoming peer offers, and its satellite description if it is one. */
export class Info implements Eventable {
  static readonly type = 'info';
  readonly asr: AsrProgram[];
  readonly tts: TtsProgram[];
  readonly handle: HandleProgram[];
  readonly intent: IntentProgram[];
  readonly wake: WakeProgram[];
  readonly mic: MicProgram[];
  readonly snd: SndProgram[];
  readonly satellite?: Satellite;

  constructor(init: InfoInit = {}) {
    this.asr = init.asr ?? [];
    this.tts = init.tts ?? [];
    this.handle = init.handle ?? [];
    this.intent = init.intent ?? [];
    this.wake = init.wake ?? [];
    this.mic = init.mic ?? [];
    this.snd = init.snd ?? [];
    this.satellite = init.satellite;
  }

  toEvent(): Event {
    // Every section is written, empty or not, as the reference does.
    const { asr, tts, handle, intent, wake, mic, snd, satellite } = this;
    const data: JsonObject = { asr, tts, handle, intent, wake, mic, snd, satellite };
    return makeEvent(Info.type, JSON.parse(JSON.stringify(data)) as JsonObject);
  }

  static fromEvent(event: Event): Info {
    const f = FieldReader.of(event, Info.type);
    return new Info({
      asr: f.optArray('asr', readAsrProgram),
      tts: f.optArray('tts', readTtsProgram),
      handle: f.optArray('handle', readHandleProgram),
      intent: f.optArray('intent', readIntentProgram),
      wake: f.optArray('wake', readWakeProgram),
      mic: f.optArray('mic', readMicProgram),
      snd: f.optArray('snd', readSndProgram),
      satellite: f.has('satellite')
        ? readSatellite(f.raw('satellite'), 'info.satellite')
        : undefined,
    });
  }

  static isType(type: string): boolean {
    return type === Info.type;
  }
}
