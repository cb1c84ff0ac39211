/**
 * Test helpers (not a test file): independent readers of the files the animation export writes — the GIF's
 * logical screen, image descriptors and delays, and the WebM's EBML tree (pixel size, blocks, timestamps).
 */

/** What a GIF holds. */
export interface GifSummary {
  width: number;
  height: number;
  frames: number;
  /** Delay of each frame in milliseconds (from the graphic control extensions). */
  delaysMs: number[];
  loops: boolean;
}

/** Walks a GIF89a block by block. */
export function parseGif(bytes: Uint8Array): GifSummary {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (ascii(0, 6) !== 'GIF89a') throw new Error('not a GIF89a');
  const u16 = (at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
  const width = u16(6);
  const height = u16(8);
  const packed = bytes[10] ?? 0;
  let at = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  const skipSubBlocks = () => {
    while ((bytes[at] ?? 0) !== 0) at += (bytes[at] ?? 0) + 1;
    at += 1;
  };
  let frames = 0;
  let loops = false;
  const delaysMs: number[] = [];
  for (;;) {
    const introducer = bytes[at];
    if (introducer === 0x3b) break; // trailer
    if (introducer === 0x21) {
      const label = bytes[at + 1];
      if (label === 0xf9) delaysMs.push(u16(at + 4) * 10);
      if (label === 0xff && ascii(at + 3, at + 14) === 'NETSCAPE2.0') loops = true;
      at += 2;
      skipSubBlocks();
    } else if (introducer === 0x2c) {
      frames++;
      const local = bytes[at + 9] ?? 0;
      at += 10 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0);
      at += 1; // LZW minimum code size
      skipSubBlocks();
    } else {
      throw new Error(`unexpected GIF block 0x${(introducer ?? 0).toString(16)} at ${at}`);
    }
  }
  return { width, height, frames, delaysMs, loops };
}

/** What a WebM holds. */
export interface WebmSummary {
  docType: string;
  codec: string;
  width: number;
  height: number;
  blocks: number;
  keyframes: number;
  /** Absolute block times in milliseconds. */
  timesMs: number[];
  durationMs: number;
}

const masters = new Set([0x1a45dfa3, 0x18538067, 0x1549a966, 0x1654ae6b, 0xae, 0xe0, 0x1f43b675]);

/** Reads the EBML tree of a WebM and collects what the tests check. */
export function parseWebm(bytes: Uint8Array): WebmSummary {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const summary: WebmSummary = {
    docType: '',
    codec: '',
    width: 0,
    height: 0,
    blocks: 0,
    keyframes: 0,
    timesMs: [],
    durationMs: 0,
  };
  const vint = (at: number, keepMarker: boolean) => {
    const first = bytes[at] ?? 0;
    let length = 1;
    while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
    let value = keepMarker ? first : first & (0xff >> length);
    for (let i = 1; i < length; i++) value = value * 256 + (bytes[at + i] ?? 0);
    return { value, length };
  };
  const uint = (from: number, to: number) => {
    let value = 0;
    for (let i = from; i < to; i++) value = value * 256 + (bytes[i] ?? 0);
    return value;
  };
  let clusterTime = 0;
  const walk = (from: number, to: number) => {
    for (let at = from; at < to;) {
      const id = vint(at, true);
      const size = vint(at + id.length, false);
      const body = at + id.length + size.length;
      const end = body + size.value;
      if (masters.has(id.value)) walk(body, end);
      else if (id.value === 0x4282) summary.docType = String.fromCharCode(...bytes.subarray(body, end));
      else if (id.value === 0x86) summary.codec = String.fromCharCode(...bytes.subarray(body, end));
      else if (id.value === 0xb0) summary.width = uint(body, end);
      else if (id.value === 0xba) summary.height = uint(body, end);
      else if (id.value === 0x4489)
        summary.durationMs = size.value === 8 ? view.getFloat64(body) : view.getFloat32(body);
      else if (id.value === 0xe7) clusterTime = uint(body, end);
      else if (id.value === 0xa3) {
        const track = vint(body, false);
        summary.blocks++;
        summary.timesMs.push(clusterTime + view.getInt16(body + track.length));
        if ((bytes[body + track.length + 2] ?? 0) & 0x80) summary.keyframes++;
      }
      at = end;
    }
  };
  walk(0, bytes.length);
  return summary;
}
