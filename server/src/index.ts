// @jarvis/server: the central server. Its modules arrive with the server issue.

/** The server's Wyoming endpoint (asr, tts, wake, handle; satellites may connect in). */
export const DEFAULT_WYOMING_URI = 'tcp://0.0.0.0:10600';

/** The HTTP API, web UI and add-on ingress port. */
export const DEFAULT_HTTP_PORT = 8099;
