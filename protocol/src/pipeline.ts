import { ProtocolError } from './errors.js';
import { type Event, type Eventable, makeEvent } from './event.js';
import { FieldReader } from './fields.js';

/** Pipeline stages, in the order a pipeline runs them. */
export const PIPELINE_STAGES = ['wake', 'asr', 'intent', 'handle', 'tts'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export interface RunPipelineInit {
  start_stage: PipelineStage;
  end_stage: PipelineStage;
  wake_word_name?: string;
  restart_on_end?: boolean;
  wake_word_names?: string[];
  announce_text?: string;
}

/** Asks the server to run a pipeline from `start_stage` to `end_stage`. */
export class RunPipeline implements Eventable {
  static readonly type = 'run-pipeline';
  readonly start_stage: PipelineStage;
  readonly end_stage: PipelineStage;
  /** The wake word that was detected (when starting after wake). */
  readonly wake_word_name?: string;
  readonly restart_on_end: boolean;
  /** Wake words the server should listen for (when starting at wake). */
  readonly wake_word_names?: string[];
  /** Text to speak instead of running the earlier stages (announcements). */
  readonly announce_text?: string;

  constructor(init: RunPipelineInit) {
    const start = PIPELINE_STAGES.indexOf(init.start_stage);
    const end = PIPELINE_STAGES.indexOf(init.end_stage);
    if (start < 0)
      throw new ProtocolError(`run-pipeline: invalid start stage '${init.start_stage}'`);
    if (end < start) throw new ProtocolError(`run-pipeline: invalid end stage '${init.end_stage}'`);
    this.start_stage = init.start_stage;
    this.end_stage = init.end_stage;
    this.wake_word_name = init.wake_word_name;
    this.restart_on_end = init.restart_on_end ?? false;
    this.wake_word_names = init.wake_word_names;
    this.announce_text = init.announce_text;
  }

  toEvent(): Event {
    return makeEvent(RunPipeline.type, {
      start_stage: this.start_stage,
      end_stage: this.end_stage,
      restart_on_end: this.restart_on_end,
      wake_word_name: this.wake_word_name,
      wake_word_names:
        this.wake_word_names && this.wake_word_names.length > 0 ? this.wake_word_names : undefined,
      announce_text: this.announce_text,
    });
  }

  static fromEvent(event: Event): RunPipeline {
    const f = FieldReader.of(event, RunPipeline.type);
    return new RunPipeline({
      start_stage: f.oneOf('start_stage', PIPELINE_STAGES),
      end_stage: f.oneOf('end_stage', PIPELINE_STAGES),
      wake_word_name: f.optString('wake_word_name'),
      restart_on_end: f.optBool('restart_on_end') ?? false,
      wake_word_names: f.optStringArray('wake_word_names'),
      announce_text: f.optString('announce_text'),
    });
  }

  static isType(type: string): boolean {
    return type === RunPipeline.type;
  }
}
