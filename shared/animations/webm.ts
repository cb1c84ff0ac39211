/**
 * A WebM video from VP8 keyframes, with no video encoder: a lossy WebP image is one VP8 keyframe in a RIFF
 * wrapper, so WebP frames (from a canvas in the browser, from libwebp in Node) become a WebM by taking out each
 * `VP8 ` chunk and writing the Matroska/EBML boxes around it — one cluster per frame, every frame a keyframe,
 * timestamps in milliseconds.
 */

/** The VP8 keyframe inside a lossy WebP file; throws for lossless or malformed WebP. */
export function vp8FromWebp(webp: Uint8Array): Uint8Array {
  const view = new DataView(webp.buffer, webp.byteOffset, webp.byteLength);
  const tag = (at: number) => String.fromCharCode(...webp.subarray(at, at + 4));
  if (webp.length < 20 || tag(0) !== 'RIFF' || tag(8) !== 'WEBP') throw new RangeError('Not a WebP file');
  for (let at = 12; at + 8 <= webp.length;) {
    const size = view.getUint32(at + 4, true);
    if (tag(at) === 'VP8 ') return webp.subarray(at + 8, at + 8 + size);
    at += 8 + size + (size % 2); // chunks are padded to an even size
  }
  throw new RangeError('The WebP has no lossy VP8 image (lossless WebP cannot go into a VP8 video)');
}

/** Width and height written in a VP8 keyframe's header. */
export function vp8Size(frame: Uint8Array): { width: number; height: number } {
  const isKeyframe = ((frame[0] ?? 1) & 1) === 0;
  if (!isKeyframe || frame[3] !== 0x9d || frame[4] !== 0x01 || frame[5] !== 0x2a) {
    throw new RangeError('Not a VP8 keyframe');
  }
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  return { width: view.getUint16(6, true) & 0x3fff, height: view.getUint16(8, true) & 0x3fff };
}

/** An EBML variable-length size (the shortest form). */
function size(value: number): number[] {
  for (let length = 1; length <= 8; length++) {
    if (value < 2 ** (7 * length) - 1) {
      const bytes: number[] = [];
      let rest = value;
      for (let i = 0; i < length; i++) {
        bytes.unshift(rest % 256);
        rest = Math.floor(rest / 256);
      }
      bytes[0] = (bytes[0] ?? 0) | (0x80 >> (length - 1));
      return bytes;
    }
  }
  throw new RangeError(`EBML size ${value} is too large`);
}

type Part = Uint8Array | number[];

function concat(parts: readonly Part[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** An element: its id bytes, the size of its body, the body. */
function ebml(id: number[], ...body: Part[]): Uint8Array {
  const content = concat(body);
  return concat([id, size(content.length), content]);
}

function uint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    bytes.unshift(rest % 256);
    rest = Math.floor(rest / 256);
  } while (rest > 0);
  return bytes;
}

function float64(value: number): number[] {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, value);
  return [...bytes];
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Muxes VP8 keyframes into a WebM; frame i starts at the sum of the earlier durations. */
export function muxWebm(frames: readonly Uint8Array[], durationsMs: readonly number[]): Uint8Array {
  const first = frames[0];
  if (!first) throw new RangeError('A video needs at least one frame');
  const { width, height } = vp8Size(first);
  const header = ebml(
    [0x1a, 0x45, 0xdf, 0xa3],
    ebml([0x42, 0x86], [1]), // EBMLVersion
    ebml([0x42, 0xf7], [1]), // EBMLReadVersion
    ebml([0x42, 0xf2], [4]), // EBMLMaxIDLength
    ebml([0x42, 0xf3], [8]), // EBMLMaxSizeLength
    ebml([0x42, 0x82], ascii('webm')), // DocType
    ebml([0x42, 0x87], [2]), // DocTypeVersion
    ebml([0x42, 0x85], [2]), // DocTypeReadVersion
  );
  const total = frames.reduce((sum, _, i) => sum + (durationsMs[i] ?? 1000), 0);
  const info = ebml(
    [0x15, 0x49, 0xa9, 0x66],
    ebml([0x2a, 0xd7, 0xb1], uint(1_000_000)), // TimecodeScale: 1 ms
    ebml([0x4d, 0x80], ascii('attention-lab')), // MuxingApp
    ebml([0x57, 0x41], ascii('attention-lab')), // WritingApp
    ebml([0x44, 0x89], float64(total)), // Duration in ms
  );
  const tracks = ebml(
    [0x16, 0x54, 0xae, 0x6b],
    ebml(
      [0xae], // TrackEntry
      ebml([0xd7], [1]), // TrackNumber
      ebml([0x73, 0xc5], [1]), // TrackUID
      ebml([0x83], [1]), // TrackType: video
      ebml([0x9c], [0]), // FlagLacing
      ebml([0x86], ascii('V_VP8')), // CodecID
      ebml([0xe0], ebml([0xb0], uint(width)), ebml([0xba], uint(height))), // Video: PixelWidth, PixelHeight
    ),
  );
  let start = 0;
  const clusters = frames.map((frame, i) => {
    if (i > 0) vp8Size(frame); // every frame must be a keyframe
    // SimpleBlock: track 1, timecode 0 relative to the cluster, flags 0x80 = keyframe.
    const cluster = ebml(
      [0x1f, 0x43, 0xb6, 0x75],
      ebml([0xe7], uint(start)),
      ebml([0xa3], [0x81, 0, 0, 0x80], frame),
    );
    start += durationsMs[i] ?? 1000;
    return cluster;
  });
  return concat([header, ebml([0x18, 0x53, 0x80, 0x67], info, tracks, ...clusters)]);
}
