// @jarvis/satellite: the Raspberry Pi daemon. Its modules arrive with the satellite issue.

/** Where a satellite serves Wyoming for Home Assistant to adopt it. */
export const DEFAULT_SATELLITE_URI = 'tcp://0.0.0.0:10700';

/** The openWakeWord model a satellite listens for when none is configured. */
export const DEFAULT_WAKE_WORD = 'hey_jarvis';
