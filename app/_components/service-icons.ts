import type { Map as MapLibreMap } from 'maplibre-gl';
import { SERVICE_COLORS, serviceIconId } from '@/lib/map/overlay-layers';
import { SERVICE_TYPES, type ServiceTypeCode } from '@/lib/services/service-types';

/**
 * Service icons: a disc in the type's colour with a white pictogram, drawn on a canvas at
 * start-up (the offline style has no sprite sheet). The pictogram tells the types apart where
 * colours alone would not, for colour-blind readers and in print.
 */

const SIZE = 22;
const RATIO = 2;

type Pen = CanvasRenderingContext2D;

/** Pictograms on a 22 × 22 grid, centred on (11, 11). */
const PICTOGRAMS: Record<ServiceTypeCode, (pen: Pen) => void> = {
  // A house: local service centre and social house (with a door) differ by the door.
  local_service_centre: (pen) => house(pen, false),
  social_house: (pen) => house(pen, true),
  gp: (pen) => {
    pen.fillRect(9.5, 5.5, 3, 11);
    pen.fillRect(5.5, 9.5, 11, 3);
  },
  pharmacy: (pen) => {
    // a capsule
    pen.save();
    pen.translate(11, 11);
    pen.rotate(-Math.PI / 4);
    roundRect(pen, -6, -2.75, 12, 5.5, 2.75);
    pen.fill();
    pen.fillStyle = 'rgba(0,0,0,0.35)';
    pen.fillRect(0, -2.75, 0.9, 5.5);
    pen.restore();
  },
  home_nursing: (pen) => {
    // a cross in a ring
    pen.beginPath();
    pen.arc(11, 11, 6.2, 0, Math.PI * 2);
    pen.lineWidth = 1.6;
    pen.stroke();
    pen.fillRect(10, 7.5, 2, 7);
    pen.fillRect(7.5, 10, 7, 2);
  },
  residential_care: (pen) => {
    // a bed
    pen.fillRect(5, 8, 2, 8);
    pen.fillRect(5, 12, 12, 2.5);
    pen.fillRect(15.5, 12, 1.5, 4);
    pen.beginPath();
    pen.arc(9.5, 10.3, 1.6, 0, Math.PI * 2);
    pen.fill();
    pen.fillRect(11.5, 9.5, 5.5, 2.3);
  },
  caw: (pen) => {
    // a speech bubble
    roundRect(pen, 5, 6, 12, 8, 2.5);
    pen.fill();
    pen.beginPath();
    pen.moveTo(8, 13.5);
    pen.lineTo(7.5, 17);
    pen.lineTo(11, 13.5);
    pen.fill();
  },
  neighbourhood_house: (pen) => {
    // two people
    for (const [x, r] of [
      [8.2, 2],
      [13.8, 2],
    ] as const) {
      pen.beginPath();
      pen.arc(x, 8.3, r, 0, Math.PI * 2);
      pen.fill();
    }
    for (const x of [8.2, 13.8]) {
      pen.beginPath();
      pen.arc(x, 16, 3.3, Math.PI, 0);
      pen.fill();
    }
  },
  social_grocery: (pen) => {
    // a basket
    pen.beginPath();
    pen.moveTo(5, 10);
    pen.lineTo(17, 10);
    pen.lineTo(15.3, 16.5);
    pen.lineTo(6.7, 16.5);
    pen.closePath();
    pen.fill();
    pen.beginPath();
    pen.arc(11, 10, 3.6, Math.PI, 0);
    pen.lineWidth = 1.5;
    pen.stroke();
  },
  mobile_stop: (pen) => {
    // a van
    roundRect(pen, 4.5, 7, 10, 7, 1.2);
    pen.fill();
    pen.beginPath();
    pen.moveTo(14.5, 9);
    pen.lineTo(16.5, 9);
    pen.lineTo(17.5, 11.5);
    pen.lineTo(17.5, 14);
    pen.lineTo(14.5, 14);
    pen.fill();
    for (const x of [7.5, 14.5]) {
      pen.beginPath();
      pen.arc(x, 15, 1.7, 0, Math.PI * 2);
      pen.fill();
    }
  },
};

function house(pen: Pen, door: boolean) {
  pen.beginPath();
  pen.moveTo(11, 4.8);
  pen.lineTo(17.2, 10.4);
  pen.lineTo(4.8, 10.4);
  pen.closePath();
  pen.fill();
  pen.fillRect(6.5, 10, 9, 6.5);
  if (door) {
    pen.save();
    pen.globalCompositeOperation = 'destination-out';
    pen.fillRect(10, 12.3, 2.2, 4.2);
    pen.restore();
  }
}

function roundRect(pen: Pen, x: number, y: number, w: number, h: number, r: number) {
  pen.beginPath();
  pen.roundRect(x, y, w, h, r);
}

/** Draws one icon (disc, white edge, pictogram) on a canvas of SIZE × RATIO pixels. */
export function drawServiceIcon(canvas: HTMLCanvasElement, type: ServiceTypeCode) {
  canvas.width = SIZE * RATIO;
  canvas.height = SIZE * RATIO;
  const pen = canvas.getContext('2d');
  if (!pen) return;
  pen.scale(RATIO, RATIO);
  pen.beginPath();
  pen.arc(11, 11, 10, 0, Math.PI * 2);
  pen.fillStyle = '#ffffff';
  pen.fill();
  pen.beginPath();
  pen.arc(11, 11, 8.6, 0, Math.PI * 2);
  pen.fillStyle = SERVICE_COLORS[type];
  pen.fill();
  // Light discs (yellow, light blue) get a dark pictogram, so it stays readable.
  const ink = ['neighbourhood_house', 'pharmacy', 'local_service_centre'].includes(type) ? '#14202e' : '#ffffff';
  pen.fillStyle = ink;
  pen.strokeStyle = ink;
  pen.save();
  pen.translate(11, 11);
  pen.scale(0.8, 0.8);
  pen.translate(-11, -11);
  PICTOGRAMS[type](pen);
  pen.restore();
}

/** Registers every service icon with the map (idempotent). */
export function addServiceIcons(map: MapLibreMap) {
  for (const { code } of SERVICE_TYPES) {
    const id = serviceIconId(code);
    if (map.hasImage(id)) continue;
    const canvas = document.createElement('canvas');
    drawServiceIcon(canvas, code);
    const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height);
    if (pixels) map.addImage(id, pixels, { pixelRatio: RATIO });
  }
}
