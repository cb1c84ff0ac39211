/** A canvas sized for the screen it is on: CSS size from the layout, backing store × devicePixelRatio. */

/** Sizes `canvas` to `width` × `height` CSS pixels at `dpr` and returns its context, scaled to CSS pixels. */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
  dpr: number,
): CanvasRenderingContext2D {
  const deviceWidth = Math.round(width * dpr);
  const deviceHeight = Math.round(height * dpr);
  if (canvas.width !== deviceWidth) canvas.width = deviceWidth;
  if (canvas.height !== deviceHeight) canvas.height = deviceHeight;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const context = canvas.getContext('2d', { alpha: false });
  if (!context) throw new Error('This browser cannot draw on a canvas.');
  context.setTransform(dpr, 0, 0, dpr, 0, 0);
  return context;
}

/** The device pixel ratio, at least 1 (browsers report fractional ratios when zoomed). */
export function devicePixelRatioOf(view: Window = window): number {
  return Math.max(1, view.devicePixelRatio || 1);
}
