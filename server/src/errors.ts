// The server throws the same error classes as the satellite (STYLE.md): one definition.
export { ConfigError, EngineError } from '@jarvis/satellite/engines';
export { ProtocolError, TimeoutError } from 'wyoming-ts';
