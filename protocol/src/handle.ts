import { contextEvent, emptyEvent, optionalTextEvent, textChunkEvent } from './define.js';

/** The request was handled; `text` is the response. */
export class Handled extends optionalTextEvent('handled') {}

/** The request could not be handled; `text` says why. */
export class NotHandled extends optionalTextEvent('not-handled') {}

/** A streamed response begins: handled-chunk+ and handled-stop follow. */
export class HandledStart extends contextEvent('handled-start') {}

/** A piece of a streamed response. */
export class HandledChunk extends textChunkEvent('handled-chunk') {}

/** A streamed response ends; a full `handled` is sent as well. */
export class HandledStop extends emptyEvent('handled-stop') {}
