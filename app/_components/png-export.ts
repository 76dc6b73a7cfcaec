/**
 * Saves the first SVG inside `container` (a Recharts chart) as a PNG: the SVG is serialised,
 * drawn on a canvas at twice its size on a white background, and offered as a download.
 * Everything stays in the browser; no image leaves it but the file the person saves.
 */
export async function downloadSvgAsPng(container: HTMLElement | null, fileName: string): Promise<void> {
  const svg = container?.querySelector('svg');
  if (!svg) return;
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('SVG could not be drawn'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * 2);
    canvas.height = Math.round(height * 2);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    downloadDataUrl(canvas.toDataURL('image/png'), fileName);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a canvas (a MapLibre map made with preserveDrawingBuffer) as a PNG. */
export function downloadCanvasAsPng(canvas: HTMLCanvasElement | null | undefined, fileName: string): void {
  if (!canvas) return;
  downloadDataUrl(canvas.toDataURL('image/png'), fileName);
}

function downloadDataUrl(url: string, fileName: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}
