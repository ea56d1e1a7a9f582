// The only import of onnxruntime-node: its telemetry is off before anything can load a model.
import './no-telemetry.js';

export * from 'onnxruntime-node';
