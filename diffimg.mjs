import sharp from 'sharp';
const [a, b, out] = process.argv.slice(2);
const A = await sharp(a).raw().toBuffer({ resolveWithObject: true });
const B = await sharp(b).raw().toBuffer({ resolveWithObject: true });
const { width, height, channels } = A.info;
const d = Buffer.alloc(width * height * 3, 255);
let n = 0, minx = 1e9, miny = 1e9, maxx = 0, maxy = 0;
for (let i = 0; i < width * height; i++) {
  let diff = 0;
  for (let c = 0; c < channels; c++) diff += Math.abs(A.data[i * channels + c] - B.data[i * channels + c]);
  if (diff > 30) { n++; d[i * 3] = 255; d[i * 3 + 1] = 0; d[i * 3 + 2] = 0; const x = i % width, y = Math.floor(i / width); minx = Math.min(minx, x); maxx = Math.max(maxx, x); miny = Math.min(miny, y); maxy = Math.max(maxy, y); }
  else { const g = A.data[i * channels]; d[i * 3] = d[i * 3 + 1] = d[i * 3 + 2] = 128 + g / 2; }
}
console.log(n, 'pixels differ in', minx, miny, maxx, maxy);
await sharp(d, { raw: { width, height, channels: 3 } }).png().toFile(out);
