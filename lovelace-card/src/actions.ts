// The service calls behind every control: Home Assistant's own services on the entity with the
// matching role, nothing else. Pure: returns the call, the element makes it.

export interface ServiceCall {
  readonly domain: string;
  readonly service: string;
  readonly data: Record<string, unknown>;
  readonly target: { readonly entity_id: string };
}

const call = (
  domain: string,
  service: string,
  entityId: string,
  data: Record<string, unknown> = {},
): ServiceCall => ({ domain, service, data, target: { entity_id: entityId } });

/** Mute or unmute: the `mute` switch. */
export const setMute = (entityId: string, muted: boolean) =>
  call('switch', muted ? 'turn_on' : 'turn_off', entityId);

/** Start listening without the wake word: the `listen` button. */
export const listen = (entityId: string) => call('button', 'press', entityId);

/** Ask a room (its `ask` text) or the house (the bridge's). */
export const ask = (entityId: string, text: string) =>
  call('text', 'set_value', entityId, { value: text });

/** Say a message: a room's `announce` or the bridge's `announce_all` notify entity. */
export const announce = (entityId: string, message: string) =>
  call('notify', 'send_message', entityId, { message });

/** Change a room's mode (its `mode` select) or the house's (the bridge's `house_mode`). */
export const setMode = (entityId: string, option: string) =>
  call('select', 'select_option', entityId, { option });

export interface ServiceCaller {
  callService(
    domain: string,
    service: string,
    data?: Record<string, unknown>,
    target?: { entity_id: string },
  ): Promise<unknown>;
}

/** Makes the call; a failure is reported on the console (HA also shows it as a toast). */
export function perform(hass: ServiceCaller | undefined, action: ServiceCall): void {
  if (!hass) return;
  hass.callService(action.domain, action.service, action.data, action.target).catch((error) => {
    console.warn(`jarvis-card: ${action.domain}.${action.service} failed`, error);
  });
}
