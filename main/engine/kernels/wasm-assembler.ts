/**
 * A tiny WebAssembly assembler: just enough of the binary format (types, an imported memory, functions,
 * exports) and of the instruction set (i32 arithmetic, loops, f32 and 128-bit SIMD loads, stores and
 * arithmetic) to build the hand-written kernels of this folder at run time, without a compiler toolchain.
 * Reference: the WebAssembly core specification, "Binary Format" and the SIMD proposal's opcode table.
 */

/** Bytes of code, nested freely; flattened when the module is built. */
export type Code = number | Code[];

/** Unsigned LEB128, the encoding of every index, size and count. */
export function uleb(value: number): number[] {
  const out: number[] = [];
  let rest = value >>> 0;
  do {
    const byte = rest & 0x7f;
    rest >>>= 7;
    out.push(rest !== 0 ? byte | 0x80 : byte);
  } while (rest !== 0);
  return out;
}

/** Signed LEB128 (i32.const immediates). */
export function sleb(value: number): number[] {
  const out: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const isDone = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    out.push(isDone ? byte : byte | 0x80);
    if (isDone) return out;
  }
}

function flatten(code: Code): number[] {
  return typeof code === 'number' ? [code] : code.flatMap(flatten);
}

/** Value types. */
export const i32 = 0x7f;
export const v128 = 0x7b;

const simd = (opcode: number): number[] => [0xfd, ...uleb(opcode)];
const memarg = (alignLog2: number, offset: number): number[] => [...uleb(alignLog2), ...uleb(offset)];

/** The instructions the kernels use. Locals are referred to by index. */
export const op = {
  get: (local: number): Code => [0x20, ...uleb(local)],
  set: (local: number): Code => [0x21, ...uleb(local)],
  tee: (local: number): Code => [0x22, ...uleb(local)],
  const: (value: number): Code => [0x41, ...sleb(value)],
  add: 0x6a,
  sub: 0x6b,
  mul: 0x6c,
  ltU: 0x49,
  geU: 0x4f,
  and: 0x71,
  or: 0x72,
  shl: 0x74,
  /** cond ? first : second, popping (first, second, cond). */
  select: 0x1b,
  brIf: (depth: number): Code => [0x0d, ...uleb(depth)],
  /** f32 load/store at the address on the stack plus a constant byte offset. */
  f32Load: (offset = 0): Code => [0x2a, ...memarg(2, offset)],
  f32Store: (offset = 0): Code => [0x38, ...memarg(2, offset)],
  f32Zero: [0x43, 0, 0, 0, 0] as Code,
  v128Load: (offset = 0): Code => [...simd(0x00), ...memarg(4, offset)],
  v128Store: (offset = 0): Code => [...simd(0x0b), ...memarg(4, offset)],
  /** Loads one f32 and copies it into all four lanes. */
  v128Load32Splat: (offset = 0): Code => [...simd(0x09), ...memarg(2, offset)],
  /** Four copies of a float constant. */
  f32x4Const: (value: number): Code => [
    0x43,
    ...new Uint8Array(new Float32Array([value]).buffer),
    ...simd(0x13),
  ],
  /** Four copies of an int constant. */
  i32x4Const: (value: number): Code => [0x41, ...sleb(value), ...simd(0x11)],
  f32x4Add: simd(0xe4) as Code,
  f32x4Sub: simd(0xe5) as Code,
  f32x4Mul: simd(0xe6) as Code,
  f32x4Div: simd(0xe7) as Code,
  f32x4Min: simd(0xe8) as Code,
  f32x4Max: simd(0xe9) as Code,
  f32x4Abs: simd(0xe0) as Code,
  f32x4Nearest: simd(0x6a) as Code,
  /** Lane masks (all ones where true). */
  f32x4Lt: simd(0x43) as Code,
  f32x4Gt: simd(0x44) as Code,
  v128And: simd(0x4e) as Code,
  /** a & ~b */
  v128AndNot: simd(0x4f) as Code,
  v128Or: simd(0x50) as Code,
  /** (a & mask) | (b & ~mask), popping a, b, mask. */
  v128Bitselect: simd(0x52) as Code,
  i32x4TruncSatF32x4: simd(0xf8) as Code,
  i32x4Add: simd(0xae) as Code,
  i32x4Sub: simd(0xb1) as Code,
  i32x4Shl: simd(0xab) as Code,
  i32x4ShrS: simd(0xac) as Code,
  /** if (condition on the stack) { then } else { otherwise } with no result. */
  ifElse: (then: Code, otherwise?: Code): Code => [
    0x04,
    0x40,
    then,
    otherwise === undefined ? [] : [0x05, otherwise],
    0x0b,
  ],
};

/** local += delta (a constant or another local's value). */
export function increment(local: number, delta: number | { local: number }): Code {
  const amount = typeof delta === 'number' ? op.const(delta) : op.get(delta.local);
  return [op.get(local), amount, op.add, op.set(local)];
}

/**
 * for (local = start; local < limit; local += step) body — unsigned compare; `limit` is a local index and
 * `step` a constant or a local.
 * The body runs zero times when start ≥ limit.
 */
export function forLoop(
  local: number,
  start: Code,
  limit: number,
  step: number | { local: number },
  body: Code,
): Code {
  return [
    start,
    op.set(local),
    [0x02, 0x40], // block
    [op.get(local), op.get(limit), op.geU, op.brIf(0)],
    [0x03, 0x40], // loop
    body,
    increment(local, step),
    [op.get(local), op.get(limit), op.ltU, op.brIf(0)],
    0x0b, // end loop
    0x0b, // end block
  ];
}

/** One exported function: its i32 parameters, its extra locals by type, and its body. */
export interface FunctionSpec {
  name: string;
  params: number;
  locals: { type: number; count: number }[];
  body: Code;
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function vector(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...uleb(bytes.length), ...bytes];
}

/** The parts of the WebAssembly JS API used here (Node's type definitions do not declare them all). */
interface WebAssemblyApi {
  Memory: abstract new (...args: never[]) => object;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

/** Is `value` a WebAssembly.Memory (e.g. the one an Emscripten module exports)? */
export function isMemory(value: unknown): value is object {
  return value instanceof webAssembly.Memory;
}

/** Compiles `bytes` and instantiates it with `memory` as `env.memory`; returns its exports. */
export function instantiate(bytes: Uint8Array, memory: object): Record<string, unknown> {
  return new webAssembly.Instance(new webAssembly.Module(bytes), { env: { memory } }).exports;
}

/** A module importing `env.memory` and exporting `functions` (each `(i32 × params) → ()`). */
export function buildModule(functions: FunctionSpec[]): Uint8Array {
  const types = functions.map((f) => [0x60, ...uleb(f.params), ...new Array<number>(f.params).fill(i32), 0]);
  const memoryImport = [...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(1)]; // memory, min 1 page
  const exports = functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const bodies = functions.map((f) => {
    const locals = vector(f.locals.map((l) => [...uleb(l.count), l.type]));
    const body = [...locals, ...flatten(f.body), 0x0b];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, vector(types)),
    ...section(2, vector([memoryImport])),
    ...section(3, vector(functions.map((_, i) => uleb(i)))),
    ...section(7, vector(exports)),
    ...section(10, vector(bodies)),
  ]);
}
