import { emptyEvent } from './define.js';

/** Start (or resume) the satellite: it may run pipelines now. */
export class RunSatellite extends emptyEvent('run-satellite') {}

/** Pause the satellite: it must stop streaming and listening (muted). */
export class PauseSatellite extends emptyEvent('pause-satellite') {}

/** The satellite began streaming microphone audio. */
export class StreamingStarted extends emptyEvent('streaming-started') {}

/** The satellite stopped streaming microphone audio. */
export class StreamingStopped extends emptyEvent('streaming-stopped') {}

/** Sent to a satellite's event service: the satellite has a server connection. */
export class SatelliteConnected extends emptyEvent('satellite-connected') {}

/** Sent to a satellite's event service: the server connection was lost. */
export class SatelliteDisconnected extends emptyEvent('satellite-disconnected') {}
