import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/** Half-width of the shield at height y (both in 0..1 of the icon), or -1 outside it. */
function shieldHalfWidth(y: number): number {
  if (y < 0.12 || y > 0.9) return -1;
  if (y <= 0.55) return 0.32;
  return 0.32 * (1 - (y - 0.55) / 0.35);
}

const insideShield = (x: number, y: number): boolean => Math.abs(x - 0.5) <= shieldHalfWidth(y);

function onCheckMark(x: number, y: number, thickness: number): boolean {
  const near = (ax: number, ay: number, bx: number, by: number): boolean => {
    const t = Math.max(
      0,
      Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
    );
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= thickness;
  };
  return near(0.36, 0.48, 0.47, 0.6) || near(0.47, 0.6, 0.66, 0.36);
}

function draw(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const [r, g, b, a] = pixel((px + 0.5) / size, (py + 0.5) / size);
      const i = (py * size + px) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png);
}

const BLUE: [number, number, number, number] = [38, 92, 170, 255];
const WHITE: [number, number, number, number] = [255, 255, 255, 255];
const CLEAR: [number, number, number, number] = [0, 0, 0, 0];

/** Teams icons: a full-colour 192×192 and a white-on-transparent 32×32 outline. */
export function colorIcon(): Buffer {
  return draw(192, (x, y) => (onCheckMark(x, y, 0.035) ? BLUE : insideShield(x, y) ? WHITE : BLUE));
}

export function outlineIcon(): Buffer {
  const edge = 1.2 / 32;
  return draw(32, (x, y) => {
    const border = insideShield(x, y) && [-edge, edge].some((d) => !insideShield(x + d, y) || !insideShield(x, y + d));
    return border || (insideShield(x, y) && onCheckMark(x, y, 0.05)) ? WHITE : CLEAR;
  });
}

if (require.main === module) {
  const dir = join(__dirname, '../../manifest');
  writeFileSync(join(dir, 'color.png'), colorIcon());
  writeFileSync(join(dir, 'outline.png'), outlineIcon());
  console.log(`icons written to ${dir}`);
}
