// Automations in and out over the Home Assistant websocket connection, without MQTT: Jarvis
// fires `jarvis_turn` (each turn, as the event entity's `turn_finished`) and `jarvis_wake`, and
// carries out `jarvis_command` events, answering an `ask` with `jarvis_answer`.
import { type Logger, silentLogger } from 'wyoming-ts';
import type { EventBus, ServerEvent } from '../event-bus.js';
import type { HomeEvents } from '../home/home.js';
import { turnEventData } from '../mqtt/states.js';
import type { JarvisActions } from './actions.js';
import { CommandError, parseCommand } from './commands.js';

export const COMMAND_EVENT = 'jarvis_command';
export const ANSWER_EVENT = 'jarvis_answer';
export const TURN_EVENT = 'jarvis_turn';
export const WAKE_EVENT = 'jarvis_wake';

export interface HaAutomationOptions {
  events: HomeEvents;
  bus: EventBus;
  actions: JarvisActions;
  /** What was said goes into events only when `mqtt.publish_text` allows it. */
  publishText: boolean;
  logger?: Logger;
}

export class HaAutomation {
  private readonly logger: Logger;
  private readonly unsubscribes: Array<() => void> = [];

  constructor(private readonly options: HaAutomationOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  start(): void {
    const { events, bus } = this.options;
    this.unsubscribes.push(events.on(COMMAND_EVENT, (data) => void this.command(data)));
    this.unsubscribes.push(bus.on((event) => this.forward(event)));
  }

  stop(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  private async command(data: Record<string, unknown>): Promise<void> {
    try {
      const result = await this.options.actions.run(parseCommand(data));
      // A question the mode held is answered later, through the bus.
      if (result.action !== 'ask' || result.held) return;
      await this.fire(ANSWER_EVENT, this.answer(result));
    } catch (error) {
      const why = error instanceof CommandError ? error.message : (error as Error).message;
      this.logger.warn(`Home Assistant ${COMMAND_EVENT}: ${why}; ignored`);
    }
  }

  /** `jarvis_answer`'s data; `held`: the mode held the question, asked later. */
  private answer(result: Omit<Extract<ServerEvent, { type: 'answer' }>, 'type'>, held = false) {
    return {
      satellite: result.satellite,
      id: result.id,
      sentence: result.sentence,
      slots: result.slots,
      ...(this.options.publishText ? { text: result.text } : {}),
      ...(held && { held: true }),
    };
  }

  private forward(event: ServerEvent): void {
    if (event.type === 'answer') void this.fire(ANSWER_EVENT, this.answer(event, true));
    else if (event.type === 'turn')
      void this.fire(TURN_EVENT, turnEventData(event.satellite, event, this.options.publishText));
    else if (event.type === 'wake')
      void this.fire(WAKE_EVENT, { satellite: event.satellite, wake_word: event.wake_word });
  }

  private async fire(eventType: string, data: Record<string, unknown>): Promise<void> {
    await this.options.events.fire(eventType, data).catch((error: Error) => {
      this.logger.debug(`Home Assistant: ${eventType} not fired: ${error.message}`);
    });
  }
}
