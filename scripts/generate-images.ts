/**
 * Draws the demo catalog's product and collection images (generated art; nothing downloaded)
 * from content/catalog and writes them as WebP under public/images. Deterministic: the same
 * content gives the same pictures.   npm run images
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { readCatalogContent, productImagePath, collectionImagePath, PRODUCT_IMAGE_SIZE } from '../lib/catalog/content';
import { CATALOG_CONTENT_DIR } from '../lib/catalog/seed-catalog';
import { articleCoverPath, readArticleContent } from '../lib/blog/content';
import { ARTICLES_CONTENT_DIR } from '../lib/blog/seed-articles';

const PALETTE: Record<string, string> = {
  oat: '#d8c4a0',
  charcoal: '#4b4c52',
  forest: '#3f5b47',
  rust: '#a9552f',
  indigo: '#36456f',
  brown: '#6d4b36',
  camel: '#c39c6a',
  red: '#a33b32',
  tan: '#b98559',
  cream: '#eadfc6',
  mixed: '#a9552f',
};
const BACKDROPS = ['#efe7da', '#e9e2d6', '#ece4d4', '#e6e0d8', '#efe9df'];

function hash(s: string): number {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}
function shade(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const f = (v: number) => Math.max(0, Math.min(255, Math.round(v + amount * 255)));
  return `#${[(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => f(v).toString(16).padStart(2, '0')).join('')}`;
}

function patterns(c: string, scale = 1): string {
  const d = shade(c, -0.08);
  const l = shade(c, 0.06);
  return `<defs>
  <pattern id="knit" width="${24 * scale}" height="${20 * scale}" patternUnits="userSpaceOnUse">
    <rect width="100%" height="100%" fill="${c}"/>
    <path d="M0 0 L${12 * scale} ${18 * scale} L${24 * scale} 0" fill="none" stroke="${d}" stroke-width="${3 * scale}"/>
    <path d="M0 ${4 * scale} L${12 * scale} ${20 * scale} L${24 * scale} ${4 * scale}" fill="none" stroke="${l}" stroke-width="${1.5 * scale}" opacity=".7"/>
  </pattern>
  <pattern id="felt" width="${18 * scale}" height="${18 * scale}" patternUnits="userSpaceOnUse">
    <rect width="100%" height="100%" fill="${c}"/>
    <circle cx="${4 * scale}" cy="${5 * scale}" r="${1.6 * scale}" fill="${d}"/><circle cx="${13 * scale}" cy="${12 * scale}" r="${1.3 * scale}" fill="${l}"/>
    <circle cx="${9 * scale}" cy="${15 * scale}" r="${1 * scale}" fill="${d}" opacity=".6"/>
  </pattern>
  <pattern id="weave" width="${16 * scale}" height="${16 * scale}" patternUnits="userSpaceOnUse">
    <rect width="100%" height="100%" fill="${c}"/>
    <rect width="${8 * scale}" height="${8 * scale}" fill="${d}" opacity=".5"/><rect x="${8 * scale}" y="${8 * scale}" width="${8 * scale}" height="${8 * scale}" fill="${d}" opacity=".5"/>
  </pattern>
  <pattern id="grain" width="${40 * scale}" height="${12 * scale}" patternUnits="userSpaceOnUse">
    <rect width="100%" height="100%" fill="${c}"/>
    <path d="M0 ${6 * scale} q${10 * scale} -${4 * scale} ${20 * scale} 0 t${20 * scale} 0" fill="none" stroke="${d}" stroke-width="${1.2 * scale}" opacity=".6"/>
  </pattern>
  <linearGradient id="sheen" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fff" stop-opacity=".18"/><stop offset="1" stop-color="#000" stop-opacity=".12"/></linearGradient>
</defs>`;
}

function fillFor(kind: string): string {
  if (['slippers', 'rug', 'toy', 'coasters', 'basket'].includes(kind)) return 'url(#felt)';
  if (['scarf', 'shawl', 'blanket'].includes(kind)) return 'url(#weave)';
  if (['pouch', 'belt', 'book', 'tea', 'bowl'].includes(kind)) return 'url(#grain)';
  return 'url(#knit)';
}

/** The object itself, drawn in a 960 x 1200 frame. */
function objectShape(kind: string, c: string): string {
  const f = fillFor(kind);
  const dark = shade(c, -0.18);
  const stroke = `stroke="${dark}" stroke-width="6" stroke-linejoin="round"`;
  const accent = kind === 'rug' ? '#efe3c8' : shade(c, 0.22);
  switch (kind) {
    case 'sweater':
    case 'cardigan':
    case 'vest': {
      const sleeves = kind === 'vest' ? '' : `<path d="M300 330 L140 700 L220 740 L320 520 Z M660 330 L820 700 L740 740 L640 520 Z" fill="${f}" ${stroke}/>`;
      const front =
        kind === 'cardigan'
          ? `<line x1="480" y1="330" x2="480" y2="880" stroke="${dark}" stroke-width="6"/>${[420, 520, 620, 720, 820].map((y) => `<circle cx="505" cy="${y}" r="11" fill="${shade(c, -0.3)}"/>`).join('')}`
          : '';
      return `${sleeves}<path d="M300 330 Q380 290 420 300 Q480 360 540 300 Q580 290 660 330 L650 880 L310 880 Z" fill="${f}" ${stroke}/>
        <path d="M420 300 Q480 370 540 300" fill="none" stroke="${dark}" stroke-width="14"/><rect x="310" y="850" width="340" height="30" fill="${dark}" opacity=".35"/>${front}
        <path d="M300 330 Q380 290 420 300 Q480 360 540 300 Q580 290 660 330 L650 880 L310 880 Z" fill="url(#sheen)"/>`;
    }
    case 'hat':
      return `<path d="M290 760 Q290 360 480 350 Q670 360 670 760 Z" fill="${f}" ${stroke}/><rect x="270" y="700" width="420" height="120" rx="20" fill="${f}" ${stroke}/>
        ${Array.from({ length: 12 }, (_, i) => `<line x1="${300 + i * 33}" y1="705" x2="${300 + i * 33}" y2="815" stroke="${dark}" stroke-width="5" opacity=".6"/>`).join('')}`;
    case 'scarf':
    case 'shawl': {
      // A loop around an unseen neck with two tails hanging, the front one crossing over.
      const w = kind === 'shawl' ? 150 : 110;
      const fringe = (x: number, y: number) =>
        Array.from(
          { length: 12 },
          (_, i) => `<line x1="${x + i * (w / 11)}" y1="${y}" x2="${x + i * (w / 11)}" y2="${y + 50}" stroke="${dark}" stroke-width="4"/>`,
        ).join('');
      return `<ellipse cx="480" cy="360" rx="${170 + w / 2}" ry="120" fill="none" stroke="${dark}" stroke-width="${w + 12}"/>
        <ellipse cx="480" cy="360" rx="${170 + w / 2}" ry="120" fill="none" stroke="${f}" stroke-width="${w}"/>
        <path d="M${300} 420 L${300 + w} 420 L${330 + w} 900 L330 900 Z" fill="${f}" ${stroke}/>
        <path d="M${560} 400 L${560 + w} 400 L${520 + w} 940 L520 940 Z" fill="${f}" ${stroke}/>
        ${[0, 1, 2].map((i) => `<line x1="${522 - i}" y1="${860 - i * 28}" x2="${518 + w}" y2="${860 - i * 28}" stroke="${accent}" stroke-width="9"/>`).join('')}
        ${[0, 1, 2].map((i) => `<line x1="332" y1="${820 - i * 28}" x2="${328 + w}" y2="${820 - i * 28}" stroke="${accent}" stroke-width="9"/>`).join('')}
        ${fringe(330, 900)}${fringe(520, 940)}`;
    }
    case 'blanket':
      return [0, 1, 2]
        .map(
          (i) =>
            `<rect x="${200 + i * 10}" y="${700 - i * 150}" width="560" height="140" rx="14" fill="${i === 1 ? 'url(#weave)' : f}" ${stroke}/><rect x="${200 + i * 10}" y="${700 - i * 150}" width="560" height="24" fill="${shade(c, -0.25)}"/>`,
        )
        .join('');
    case 'socks':
    case 'mittens': {
      const one = (x: number) =>
        kind === 'socks'
          ? `<path d="M${x} 300 L${x + 150} 300 L${x + 150} 700 Q${x + 150} 820 ${x + 40} 840 L${x - 90} 840 Q${x - 150} 760 ${x - 60} 720 L${x} 700 Z" fill="${f}" ${stroke}/><rect x="${x}" y="300" width="150" height="70" fill="${accent}" opacity=".7"/>`
          : `<path d="M${x} 360 Q${x} 260 ${x + 90} 260 Q${x + 180} 260 ${x + 180} 360 L${x + 180} 760 L${x} 760 Z M${x} 470 Q${x - 80} 440 ${x - 70} 560 L${x} 600" fill="${f}" ${stroke}/><rect x="${x - 10}" y="740" width="200" height="110" rx="14" fill="${accent}" opacity=".8" ${stroke}/>`;
      return one(310) + one(540);
    }
    case 'slippers':
      return [300, 560]
        .map(
          (x, i) =>
            `<ellipse cx="${x}" cy="${620 + i * 40}" rx="120" ry="300" fill="${f}" ${stroke}/><ellipse cx="${x}" cy="${720 + i * 40}" rx="80" ry="150" fill="${shade(c, -0.22)}"/><path d="M${x - 100} ${520 + i * 40} q100 -90 200 0" stroke="${PALETTE.red}" stroke-width="8" fill="none" stroke-dasharray="14 10"/>`,
        )
        .join('');
    case 'rug':
      return `<rect x="170" y="260" width="620" height="700" rx="10" fill="${f}" ${stroke}/><rect x="210" y="300" width="540" height="620" fill="none" stroke="${accent}" stroke-width="14"/>
        ${[
          [380, 480],
          [580, 480],
          [380, 740],
          [580, 740],
        ]
          .map(
            ([x, y]) =>
              `<path d="M${x} ${y! + 70} q-90 -10 -80 -90 q10 -60 70 -50 q40 10 30 50 q-10 30 -40 20 M${x} ${y! + 70} q90 -10 80 -90 q-10 -60 -70 -50 q-40 10 -30 50 q10 30 40 20" fill="none" stroke="${accent}" stroke-width="16" stroke-linecap="round"/>`,
          )
          .join('')}`;
    case 'toy':
      return `<ellipse cx="470" cy="640" rx="230" ry="130" fill="${f}" ${stroke}/><circle cx="400" cy="500" r="90" fill="${f}" ${stroke}/><circle cx="560" cy="500" r="90" fill="${f}" ${stroke}/>
        <path d="M680 600 Q760 520 740 380 L800 360 Q830 520 730 660 Z" fill="${f}" ${stroke}/><circle cx="785" cy="390" r="9" fill="#222"/>
        ${[320, 410, 530, 620].map((x) => `<rect x="${x}" y="720" width="44" height="210" rx="16" fill="${f}" ${stroke}/>`).join('')}`;
    case 'coasters':
      return ['#a33b32', '#36456f', '#c39c6a', '#3f5b47', '#4b4c52', '#d8c4a0']
        .map((col, i) => `<ellipse cx="480" cy="${860 - i * 70}" rx="250" ry="80" fill="${col}" stroke="${shade(col, -0.2)}" stroke-width="6"/>`)
        .join('');
    case 'basket':
      return `<path d="M250 420 L710 420 L660 900 L300 900 Z" fill="${f}" ${stroke}/><ellipse cx="480" cy="420" rx="230" ry="60" fill="${shade(c, -0.25)}" ${stroke}/><path d="M330 560 Q480 600 630 560" stroke="${accent}" stroke-width="10" fill="none"/>`;
    case 'pouch':
      return `<rect x="250" y="380" width="460" height="520" rx="60" fill="${f}" ${stroke}/><path d="M250 440 Q480 640 710 440 L710 420 Q710 380 670 380 L290 380 Q250 380 250 420 Z" fill="${shade(c, -0.12)}" ${stroke}/><circle cx="480" cy="560" r="18" fill="#c9a25a"/><path d="M270 880 L690 880" stroke="${shade(c, 0.2)}" stroke-width="4" stroke-dasharray="12 10"/>`;
    case 'belt':
      return `<circle cx="480" cy="620" r="260" fill="none" stroke="${c}" stroke-width="90"/><circle cx="480" cy="620" r="260" fill="none" stroke="${dark}" stroke-width="4" stroke-dasharray="10 10"/><rect x="610" y="520" width="120" height="180" rx="18" fill="none" stroke="#c9a25a" stroke-width="22"/>`;
    case 'bowl':
      return [330, 630]
        .map(
          (x) =>
            `<path d="M${x - 170} 620 Q${x - 160} 860 ${x} 870 Q${x + 160} 860 ${x + 170} 620 Z" fill="${f}" ${stroke}/><ellipse cx="${x}" cy="620" rx="170" ry="46" fill="${shade(c, -0.3)}" ${stroke}/><rect x="${x - 60}" y="862" width="120" height="26" rx="8" fill="#cdb892"/>`,
        )
        .join('');
    case 'book':
      return `<rect x="280" y="260" width="420" height="640" rx="8" fill="${f}" ${stroke}/><rect x="280" y="260" width="48" height="640" fill="${shade(c, -0.2)}"/><rect x="380" y="380" width="240" height="16" fill="#e9d9a8"/><rect x="380" y="420" width="180" height="10" fill="#e9d9a8"/><path d="M410 640 L470 560 L520 610 L560 570 L620 640 Z" fill="#e9d9a8" opacity=".85"/>`;
    case 'tea':
      return `<rect x="230" y="440" width="500" height="360" rx="14" fill="${f}" ${stroke}/>${[0, 1, 2, 3].map((i) => `<line x1="${230 + (i + 1) * 100}" y1="440" x2="${230 + (i + 1) * 100}" y2="800" stroke="${dark}" stroke-width="5"/>`).join('')}<circle cx="480" cy="620" r="90" fill="none" stroke="${accent}" stroke-width="10"/><path d="M440 620 h80 M480 580 v80" stroke="${accent}" stroke-width="10"/>`;
    default:
      return `<rect x="260" y="300" width="440" height="600" rx="40" fill="${f}" ${stroke}/>`;
  }
}

function frame(w: number, h: number, bg: string, body: string, c: string, scale = 1): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${patterns(c, scale)}
  <rect width="100%" height="100%" fill="${bg}"/>
  <circle cx="${w * 0.78}" cy="${h * 0.16}" r="${w * 0.09}" fill="${shade(bg, -0.06)}"/>
  <path d="M0 ${h * 0.86} Q${w * 0.3} ${h * 0.8} ${w * 0.55} ${h * 0.85} T${w} ${h * 0.83} V${h} H0 Z" fill="${shade(bg, -0.04)}"/>
  ${body}</svg>`;
}

function productSvg(kind: string, colourName: string, seed: string): string {
  const c = PALETTE[colourName.toLowerCase()] ?? '#8a7a66';
  const bg = BACKDROPS[hash(seed) % BACKDROPS.length]!;
  return frame(960, 1200, bg, `<ellipse cx="480" cy="1010" rx="320" ry="34" fill="#000" opacity=".08"/>${objectShape(kind, c)}`, c);
}

function detailSvg(kind: string, colourName: string): string {
  const c = PALETTE[colourName.toLowerCase()] ?? '#8a7a66';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="1200">${patterns(c, 4)}<rect width="100%" height="100%" fill="${fillFor(kind)}"/><rect width="100%" height="100%" fill="url(#sheen)"/></svg>`;
}

async function write(svg: string, publicPath: string, w: number, h: number) {
  const out = path.join('public', publicPath);
  await fs.mkdir(path.dirname(out), { recursive: true });
  await sharp(Buffer.from(svg)).resize(w, h).webp({ quality: 78 }).toFile(out);
}

const content = await readCatalogContent(CATALOG_CONTENT_DIR);
for (const p of content.products) {
  const colour = p.variants[0]!.colour;
  await write(productSvg(p.art.kind, colour, p.slug), productImagePath(p.slug, 1), PRODUCT_IMAGE_SIZE.width, PRODUCT_IMAGE_SIZE.height);
  for (let n = 2; n <= p.images.length; n++)
    await write(
      detailSvg(p.art.kind, p.variants[(n - 1) % p.variants.length]!.colour),
      productImagePath(p.slug, n),
      PRODUCT_IMAGE_SIZE.width,
      PRODUCT_IMAGE_SIZE.height,
    );
}
for (const c of content.collections) {
  const col = PALETTE[c.art.colour] ?? '#8a7a66';
  const body = `<g transform="translate(360 -60) scale(0.75)">${objectShape(c.art.kind, col)}</g>`;
  await write(frame(1200, 900, BACKDROPS[hash(c.slug) % BACKDROPS.length]!, body, col), collectionImagePath(c.slug), 1200, 900);
}
// The home page's hero.
const hero = frame(
  1600,
  900,
  '#e8dfcf',
  `<g transform="translate(120 40) scale(0.7)">${objectShape('blanket', PALETTE.camel!)}</g><g transform="translate(560 -20) scale(0.75)">${objectShape('sweater', PALETTE.oat!)}</g><g transform="translate(1000 60) scale(0.62)">${objectShape('scarf', PALETTE.rust!)}</g>`,
  PALETTE.oat!,
);
await write(hero, '/images/hero.webp', 1600, 900);

/** Article covers: a layered steppe landscape in the mood of the piece, with one motif. */
function articleCover(slug: string): string {
  const w = 1600;
  const h = 900;
  const night = /invitation/.test(slug);
  const sky = night ? ['#1d2540', '#3a4466'] : /demid/.test(slug) ? ['#c9c4b8', '#e8e2d4'] : ['#e9d9b8', '#f4ecdc'];
  const hills = night ? ['#2a3350', '#232b45', '#1a2038'] : ['#b9a27c', '#9c8360', '#7d6748'];
  const seed = hash(slug);
  const ridge = (y: number, amp: number, k: number) => {
    let d = `M0 ${h} L0 ${y}`;
    for (let x = 0; x <= w; x += 100) d += ` L${x} ${y - Math.round(amp * Math.abs(Math.sin((x + (seed % 500)) / (120 + k * 40))))}`;
    return `${d} L${w} ${h} Z`;
  };
  let motif = '';
  if (/protocol-of/.test(slug))
    motif = `<rect x="620" y="300" width="360" height="440" rx="6" fill="#f7f1e4" stroke="#8d7753" stroke-width="4"/>${[0, 1, 2, 3, 4, 5].map((i) => `<rect x="660" y="${350 + i * 40}" width="${i % 2 ? 220 : 280}" height="10" fill="#c9b58f"/>`).join('')}<circle cx="900" cy="660" r="46" fill="#9b3d23" opacity=".85"/>`;
  if (night)
    motif = `<rect x="520" y="320" width="560" height="300" fill="#2e3654"/>${[0, 1, 2, 3, 4, 5].map((i) => `<rect x="${560 + i * 85}" y="370" width="50" height="80" fill="${i === 2 ? '#f3d27a' : '#424c70'}"/><rect x="${560 + i * 85}" y="490" width="50" height="80" fill="${i === 4 ? '#f3d27a' : '#424c70'}"/>`).join('')}<circle cx="1320" cy="150" r="40" fill="#efe6c8"/>`;
  if (/council/.test(slug))
    motif = `<rect x="560" y="380" width="480" height="320" rx="4" fill="#a33b32"/><rect x="640" y="300" width="320" height="400" fill="#fbf6ea" stroke="#8d7753" stroke-width="3" transform="rotate(-4 800 500)"/><circle cx="880" cy="620" r="38" fill="none" stroke="#36456f" stroke-width="8"/>`;
  if (/army/.test(slug))
    motif = `<path d="M0 820 C400 700 700 640 1600 600 L1600 650 C800 690 500 760 200 900 L0 900 Z" fill="#d9c7a2"/>${[0, 1, 2, 3].map((i) => `<ellipse cx="${900 + i * 120}" cy="${610 - i * 6}" rx="${140 - i * 20}" ry="${40 - i * 6}" fill="#efe3c8" opacity=".7"/>`).join('')}`;
  if (/demid/.test(slug))
    motif = `${Array.from({ length: 14 }, (_, i) => `<path d="M${60 + i * 110} 640 l40 -200 l40 200 Z" fill="#4f5b4a"/>`).join('')}<rect x="0" y="700" width="1600" height="30" fill="#6b6257"/><line x1="0" y1="760" x2="1600" y2="760" stroke="#3d3833" stroke-width="8"/><line x1="0" y1="800" x2="1600" y2="800" stroke="#3d3833" stroke-width="8"/><rect x="1100" y="420" width="10" height="280" fill="#3d3833"/><circle cx="1105" cy="420" r="22" fill="#f3d27a"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky[0]}"/><stop offset="1" stop-color="${sky[1]}"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#sky)"/>
    <path d="${ridge(560, 120, 1)}" fill="${hills[0]}" opacity=".55"/>
    <path d="${ridge(660, 80, 2)}" fill="${hills[1]}" opacity=".75"/>
    ${motif}
    <path d="${ridge(820, 40, 3)}" fill="${hills[2]}"/></svg>`;
}
const articles = await readArticleContent(ARTICLES_CONTENT_DIR);
for (const a of articles.articles) await write(articleCover(a.slug), articleCoverPath(a.slug), 1600, 900);
console.log(`drew ${content.products.length} products, ${content.collections.length} collections and ${articles.articles.length} article covers`);
