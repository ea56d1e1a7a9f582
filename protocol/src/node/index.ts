// wyoming-ts/node: the Wyoming transport for Node (TCP and unix sockets).

export { WyomingClient, type WyomingClientOptions } from './client.js';
export { type ConnectionOptions, WyomingConnection } from './connection.js';
export { createDemoServer } from './demo-server.js';
export { type ConnectionHandler, WyomingServer, type WyomingServerOptions } from './server.js';
export { createStderrLogger, type LogLevel } from './stderr-logger.js';
export { formatUri, parseUri, type WyomingAddress } from './uri.js';
