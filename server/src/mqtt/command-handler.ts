// What a message on one of the bridge's command topics does: validated for its entity (a volume
// of "loud", an unknown mode, an empty ask are refused with a `CommandError`), then carried out
// through the satellite controls or the automation actions (announcements through the speech
// schedule, so modes apply; `{"message", "urgent"}` JSON for an urgent one).
import type { JarvisActions } from '../automation/actions.js';
import { CommandError } from '../automation/commands.js';
import {
  SATELLITE_MODES,
  type SatelliteControls,
  type SatelliteMode,
} from '../satellites/controls.js';

export interface CommandTargets {
  controls: SatelliteControls;
  actions: JarvisActions;
  /** The wake words the select offers for satellite `id`. */
  wakeWords(id: string): readonly string[];
}

/** A command for satellite `id` (its role names the entity). */
export async function satelliteCommand(
  targets: CommandTargets,
  id: string,
  role: string,
  payload: string,
): Promise<void> {
  const { controls, actions } = targets;
  switch (role) {
    case 'mute':
      return controls.setMuted(id, onOff(payload));
    case 'volume':
      return controls.setVolume(id, volume(payload));
    case 'wake_word': {
      const options = targets.wakeWords(id);
      if (!options.includes(payload))
        throw new CommandError(`expected one of ${options.join(', ')}`);
      return controls.setWakeWord(id, payload);
    }
    case 'mode':
      return controls.setMode(id, modeOf(payload));
    case 'listen':
      await actions.run({ action: 'listen', target: { satellite: id } });
      return;
    case 'ask':
      await actions.run({ action: 'process', target: { satellite: id }, text: text(payload) });
      return;
    case 'announce':
      await actions.run({
        action: 'announce',
        target: { satellite: id },
        ...announcement(payload),
      });
      return;
    default:
      throw new CommandError(`no command ${JSON.stringify(role)}`);
  }
}

/** What the bridge's commands act on: the automation actions and the house's mode. */
export interface BridgeTargets {
  actions: JarvisActions;
  /** Sets the house's mode (every room follows it); none: modes are not kept here. */
  setHouseMode?: (mode: SatelliteMode) => void;
}

/** A command for the bridge: announce everywhere, ask the house, or set the house's mode. */
export async function bridgeCommand(
  targets: BridgeTargets,
  role: string,
  payload: string,
): Promise<void> {
  const { actions } = targets;
  if (role === 'announce')
    await actions.run({ action: 'announce', target: {}, ...announcement(payload) });
  else if (role === 'ask')
    await actions.run({ action: 'process', target: {}, text: text(payload) });
  else if (role === 'house_mode' && targets.setHouseMode) targets.setHouseMode(modeOf(payload));
  else throw new CommandError(`no command ${JSON.stringify(role)}`);
}

function modeOf(payload: string): SatelliteMode {
  if (!(SATELLITE_MODES as readonly string[]).includes(payload))
    throw new CommandError(`expected one of ${SATELLITE_MODES.join(', ')}`);
  return payload as SatelliteMode;
}

/**
 * An announcement's payload: the text as the notify entity sends it, or a JSON object
 * `{"message": "...", "urgent": true}` (`text` also read) for one said whatever the mode.
 */
export function announcement(payload: string): { text: string; urgent?: true } {
  const trimmed = payload.trim();
  if (!trimmed.startsWith('{')) return { text: text(payload) };
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    return { text: text(payload) };
  }
  const body = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const said = body.message ?? body.text;
  if (typeof said !== 'string') throw new CommandError('message: expected some text');
  if (body.urgent !== undefined && typeof body.urgent !== 'boolean')
    throw new CommandError('urgent: expected true or false');
  return { text: text(said), ...(body.urgent === true && { urgent: true as const }) };
}

function onOff(payload: string): boolean {
  if (payload === 'ON') return true;
  if (payload === 'OFF') return false;
  throw new CommandError('expected ON or OFF');
}

function volume(payload: string): number {
  const value = Number(payload.trim());
  if (payload.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100)
    throw new CommandError('expected a number from 0 to 100');
  return value;
}

function text(payload: string): string {
  const value = payload.trim();
  if (!value) throw new CommandError('expected some text');
  if (value.length > 2000) throw new CommandError('at most 2000 characters');
  return value;
}
