// Renders the installable app's icons (public/icons) from the logo mark: `npm run icons`.
import { mkdir } from "node:fs/promises";
import sharp from "sharp";

const BRAND = "#2552eb";
// The speech bubble of public/icon.svg, on a 32×32 grid.
const BUBBLE = "M9 10.5A2.5 2.5 0 0 1 11.5 8h9A2.5 2.5 0 0 1 23 10.5v7a2.5 2.5 0 0 1-2.5 2.5H15l-4.2 3.4c-.5.4-1.3 0-1.3-.6V20h0A2.5 2.5 0 0 1 9 17.5z";

/** `rounded`: the mark as a browser shows it; else full bleed, the bubble scaled into the maskable safe zone. */
const mark = ({ rounded, scale }) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" ${rounded ? 'rx="7"' : ""} fill="${BRAND}"/>` +
  `<g transform="translate(16 15.7) scale(${scale}) translate(-16 -15.7)"><path d="${BUBBLE}" fill="#fff"/></g></svg>`;

const ICONS = [
  { file: "icon-192.png", size: 192, svg: mark({ rounded: true, scale: 1 }) },
  { file: "icon-512.png", size: 512, svg: mark({ rounded: true, scale: 1 }) },
  { file: "maskable-192.png", size: 192, svg: mark({ rounded: false, scale: 0.8 }) },
  { file: "maskable-512.png", size: 512, svg: mark({ rounded: false, scale: 0.8 }) },
  // iOS rounds the corners itself and shows transparency as black.
  { file: "apple-touch-icon.png", size: 180, svg: mark({ rounded: false, scale: 0.95 }) },
  // The small monochrome icon Android shows in the status bar (only the alpha counts).
  { file: "badge-96.png", size: 96, svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="6 5 20 20"><path d="${BUBBLE}" fill="#fff"/></svg>` },
];

await mkdir("public/icons", { recursive: true });
for (const { file, size, svg } of ICONS) {
  await sharp(Buffer.from(svg), { density: (72 * size) / 32 }).resize(size, size).png({ compressionLevel: 9 }).toFile(`public/icons/${file}`);
  console.log(`public/icons/${file} ${size}×${size}`);
}
