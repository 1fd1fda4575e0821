// The projector is laid out once, on a 1920-pixel-wide canvas (type and key numbers sized for a
// 1080p screen read from the back of the hall), and scaled to the screen it is shown on: 1024 × 768
// up to 3840 × 2160, any aspect ratio. The canvas is as tall as the screen's aspect ratio makes it,
// so a 4:3 screen gets more rows, never a letterbox.
import { useEffect, useState } from 'react';

export const CANVAS_WIDTH = 1920;

export interface CanvasFit {
  readonly scale: number;
  readonly height: number;
}

function measure(): CanvasFit {
  const width = Math.max(1, window.innerWidth);
  const scale = width / CANVAS_WIDTH;
  return { scale, height: Math.floor(Math.max(1, window.innerHeight) / scale) };
}

export function useCanvasFit(): CanvasFit {
  const [fit, setFit] = useState(measure);
  useEffect(() => {
    const onResize = () => setFit(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return fit;
}
