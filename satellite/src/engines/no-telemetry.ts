// onnxruntime-node 1.30 sends usage telemetry to Microsoft by default: a few seconds after a model
// loads it looks up mobile.events.data.microsoft.com, and it keeps a device id and an event queue
// under ~/.cache/Microsoft. Its Node binding has no option for it (the C API's
// DisableTelemetryEvents is not bound), only `ORT_DISABLE_TELEMETRY`, which the native library
// reads when its environment starts, at the first session. Every import of onnxruntime goes
// through `onnx-runtime.ts`, which imports this module first.
//
// In a worker thread `process.env` is a copy that the native library never sees: the main thread
// must call `turnOffOnnxTelemetry()` before it starts a worker that loads a model.

/** Turns onnxruntime's telemetry off for this process (idempotent; call on the main thread). */
export function turnOffOnnxTelemetry(): void {
  process.env.ORT_DISABLE_TELEMETRY = '1';
}

turnOffOnnxTelemetry();
