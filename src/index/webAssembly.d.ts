/**
 * The part of the WebAssembly JavaScript API the vector scan uses. Node has it all, but @types/node 20
 * does not declare it and the DOM library would bring browser globals into every file.
 */
declare namespace WebAssembly {
  class Memory {
    /** Shared (a worker thread reads it too), the buffer is a SharedArrayBuffer; a maximum is then required. */
    constructor(descriptor: { initial: number; maximum?: number; shared?: boolean });
    readonly buffer: ArrayBuffer | SharedArrayBuffer;
  }
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports: Record<string, Record<string, Memory>>);
    readonly exports: Record<string, unknown>;
  }
}
