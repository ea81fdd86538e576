/**
 * The part of the WebAssembly JavaScript API the vector scan uses. Node has it all, but @types/node 20
 * does not declare it and the DOM library would bring browser globals into every file.
 */
declare namespace WebAssembly {
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number });
    readonly buffer: ArrayBuffer;
  }
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports: Record<string, Record<string, Memory>>);
    readonly exports: Record<string, unknown>;
  }
}
