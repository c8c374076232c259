// Chooses the renderer from the player's setting or the URL: `canvas`, `webgl`, or `auto`, which picks
// WebGL only where it is hardware-accelerated (software WebGL is slower than Canvas for this game).
import type { RendererChoice } from '../app/urlParams';

/** Which Phaser renderer to create; createGame maps it to Phaser.CANVAS or Phaser.WEBGL. */
export type RendererKind = 'canvas' | 'webgl';

export function chooseRenderer(choice: RendererChoice, isWebglHardwareAccelerated: () => boolean): RendererKind {
  switch (choice) {
    case 'canvas':
      return 'canvas';
    case 'webgl':
      return 'webgl';
    case 'auto':
      try {
        return isWebglHardwareAccelerated() ? 'webgl' : 'canvas';
      } catch {
        return 'canvas';
      }
  }
}

// Names that graphics drivers report for software rasterizers.
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen/i;

/**
 * A first, cheap detection (a later task refines it): WebGL must be creatable without a "major
 * performance caveat", and the unmasked renderer name, where the browser shares it, must not be a
 * software rasterizer. Any error means no.
 */
export function probeWebglHardwareAcceleration(doc: Document): boolean {
  try {
    const canvas = doc.createElement('canvas');
    const attributes: WebGLContextAttributes = { failIfMajorPerformanceCaveat: true };
    const gl = (canvas.getContext('webgl2', attributes) ?? canvas.getContext('webgl', attributes)) as WebGLRenderingContext | null;
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !SOFTWARE_RENDERERS.test(name);
  } catch {
    return false;
  }
}
