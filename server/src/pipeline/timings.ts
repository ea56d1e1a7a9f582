/** The moments of one turn (ms on the clock), and the stage durations derived from them. */
export interface TurnMoments {
  wake?: number;
  streamStart?: number;
  speechEnd?: number;
  transcript?: number;
  responseStart?: number;
  firstAudio?: number;
  end?: number;
}

export interface TurnTimings {
  /** Wake word to the first audio of the command. */
  wake_to_stream_ms?: number;
  /** End of speech to the transcript. */
  speech_end_to_transcript_ms?: number;
  /** Transcript to the response text. */
  transcript_to_response_ms?: number;
  /** Response text to the first TTS audio sent to the satellite. */
  response_to_first_audio_ms?: number;
  /** End of speech to the first TTS audio: what a person waits for. */
  speech_end_to_first_audio_ms?: number;
  total_ms?: number;
}

const between = (from?: number, to?: number) =>
  from === undefined || to === undefined ? undefined : Math.round(to - from);

export function timingsOf(m: TurnMoments): TurnTimings {
  return {
    wake_to_stream_ms: between(m.wake, m.streamStart),
    speech_end_to_transcript_ms: between(m.speechEnd, m.transcript),
    transcript_to_response_ms: between(m.transcript, m.responseStart),
    response_to_first_audio_ms: between(m.responseStart, m.firstAudio),
    speech_end_to_first_audio_ms: between(m.speechEnd, m.firstAudio),
    total_ms: between(m.wake ?? m.streamStart, m.end),
  };
}
