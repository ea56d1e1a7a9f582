import { timestampEvent } from './define.js';

/** Speech began (milliseconds since the start of the audio stream). */
export class VoiceStarted extends timestampEvent('voice-started') {}

/** Speech ended (milliseconds since the start of the audio stream). */
export class VoiceStopped extends timestampEvent('voice-stopped') {}
