import { emptyEvent } from './define.js';

/** The audio sent for playback has finished playing. */
export class Played extends emptyEvent('played') {}
