// Types of @jitsi/rnnoise-wasm's emscripten module (the package ships none).
declare module '@jitsi/rnnoise-wasm/dist/rnnoise.js' {
  export interface RnnoiseModule {
    HEAPF32: Float32Array;
    _malloc(bytes: number): number;
    _free(pointer: number): void;
    _rnnoise_create(model?: number): number;
    _rnnoise_destroy(state: number): void;
    _rnnoise_process_frame(state: number, out: number, input: number): number;
  }
  export default function createRNNWasmModule(options?: {
    wasmBinary?: Uint8Array;
  }): Promise<RnnoiseModule>;
}
