// @jarvis/satellite: the Raspberry Pi daemon. The engines are in `@jarvis/satellite/engines`.

/** Where a satellite serves Wyoming for Home Assistant to adopt it. */
export const DEFAULT_SATELLITE_URI = 'tcp://0.0.0.0:10700';

export { DEFAULT_WAKE_WORD } from './engines/wake/builtin-models.js';

export { advertise } from './runtime/zeroconf.js';

export { SATELLITE_BUSY } from './runtime/controllers.js';
