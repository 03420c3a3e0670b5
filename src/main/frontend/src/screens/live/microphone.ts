import { csrfToken } from '../../session/csrf';
import type { LiveSession, Reach } from './session';

/** What the browser records and how often it hands a piece over (the controller feeds it to the stream). */
export const MIME = 'audio/webm;codecs=opus';
// a piece is what the controller (and so every loudspeaker) waits for: 100 ms keeps that wait short
const TIMESLICE_MS = 100;

export interface MicEvents {
  status(session: LiveSession): void;
  endpoint(reach: Reach): void;
  /** the microphone or the connection failed, or the server closed the session */
  closed(code: number, reason: string): void;
  /** 0..1, a few times a second, so the speaker sees the microphone hears them */
  level(value: number): void;
}

/** Whether this browser can speak live at all (a page over plain HTTP off localhost has no microphone). */
export function microphoneSupported(): boolean {
  return !!navigator.mediaDevices?.getUserMedia && typeof MediaRecorder !== 'undefined'
    && MediaRecorder.isTypeSupported(MIME);
}

/**
 * One live session's microphone: captured with getUserMedia, cut by MediaRecorder into WebM/Opus pieces every
 * 100 ms and sent in order over the session's WebSocket; the server answers with the session's and each
 * endpoint's state. {@link stop} sends the last piece, then {"type":"end"}.
 */
export class LiveMicrophone {
  private stream: MediaStream | null = null;
  private recorder: MediaRecorder | null = null;
  private socket: WebSocket | null = null;
  private audio: AudioContext | null = null;
  private frame = 0;

  constructor(private readonly sessionId: number, private readonly on: MicEvents) {}

  /** Asks for the microphone (the browser may ask the person), then connects and starts sending. */
  async start(): Promise<void> {
    this.stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 } });
    this.meter(this.stream);
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}/api/v1/live-sessions/${this.sessionId}/audio?csrf=`
      + encodeURIComponent(csrfToken() ?? ''));
    this.socket = socket;
    socket.binaryType = 'arraybuffer';
    socket.onmessage = (m) => this.message(m.data);
    socket.onclose = (e) => {
      this.release();
      this.on.closed(e.code, e.reason);
    };
    await new Promise<void>((resolve, reject) => {
      socket.onopen = () => resolve();
      socket.onerror = () => reject(new Error('socket'));
    });
    const recorder = new MediaRecorder(this.stream, { mimeType: MIME, audioBitsPerSecond: 48_000 });
    this.recorder = recorder;
    recorder.ondataavailable = (e) => {
      if (e.data.size > 0 && socket.readyState === WebSocket.OPEN) socket.send(e.data);
    };
    recorder.onstop = () => {
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'end' }));
      this.release();
    };
    recorder.start(TIMESLICE_MS);
  }

  /** Ends the session: the last piece goes out, then the end; the socket stays open for the final states. */
  stop(): void {
    if (this.recorder && this.recorder.state !== 'inactive') {
      this.recorder.stop();
    } else if (this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify({ type: 'end' }));
      this.release();
    }
  }

  /** Leaves at once (the page is going away): the server ends a session whose speaker is gone. */
  close(): void {
    this.release();
    this.socket?.close();
  }

  private message(data: unknown): void {
    if (typeof data !== 'string') return;
    const m = JSON.parse(data) as { type: string };
    if (m.type === 'status') this.on.status(m as unknown as LiveSession);
    else if (m.type === 'endpoint') this.on.endpoint(m as unknown as Reach);
  }

  private meter(stream: MediaStream): void {
    this.audio = new AudioContext();
    const analyser = this.audio.createAnalyser();
    analyser.fftSize = 1024;
    this.audio.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let last = 0;
    const tick = (now: number) => {
      if (now - last > 100) {
        analyser.getFloatTimeDomainData(samples);
        let peak = 0;
        for (const s of samples) peak = Math.max(peak, Math.abs(s));
        this.on.level(Math.min(1, peak));
        last = now;
      }
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  private release(): void {
    cancelAnimationFrame(this.frame);
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
    this.audio?.close().catch(() => {});
    this.audio = null;
    this.on.level(0);
  }
}
