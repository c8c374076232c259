// Scanning result-code QRs with the camera: asked for only when the teacher presses Scan, decoded on the
// device with jsQR (loaded on demand), a few frames a second, every code found handed on (the class book
// skips codes it already has, so a QR held up twice counts once). Stop releases the camera.
type Decode = (data: Uint8ClampedArray, width: number, height: number, options?: { inversionAttempts?: 'dontInvert' | 'onlyInvert' | 'attemptBoth' | 'invertFirst' }) => { data: string } | null;

/** The longest side a frame is decoded at: enough for a code's QR held up to a laptop camera. */
const MAX_SIDE = 720;
const FRAME_MS = 150;

export interface Scanner {
  stop(): void;
}

export function cameraAvailable(win: Window): boolean {
  return typeof win.navigator.mediaDevices?.getUserMedia === 'function';
}

/** Starts the camera in `video` and calls `found` with the text of every QR it decodes; rejects when the
 * browser gives no camera (or the teacher refuses it). */
export async function startScanner(win: Window, video: HTMLVideoElement, found: (text: string) => void): Promise<Scanner> {
  const [stream, decoder] = await Promise.all([
    win.navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
    import('jsqr'),
  ]);
  const decode = (decoder.default ?? decoder) as unknown as Decode;
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  await video.play();
  const canvas = win.document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  let stopped = false;
  let last = '';
  const tick = () => {
    if (stopped) return;
    if (context !== null && video.videoWidth > 0) {
      const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const result = decode(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
      if (result !== null && result.data !== '' && result.data !== last) {
        last = result.data;
        found(result.data);
      }
    }
    win.setTimeout(tick, FRAME_MS);
  };
  tick();
  return {
    stop() {
      stopped = true;
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    },
  };
}
