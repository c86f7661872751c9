// The minimal core library of the ts386 language. ts386 programs are compiled with
// `noLib`: only this file, ts386.d.ts (and linux.d.ts for --target linux) are ambient.
// TypeScript itself needs these global interfaces to exist; they are empty on purpose
// except for what the language supports on strings (`.length`, `.charCodeAt(i)`).

interface Array<T> { readonly length: number; [n: number]: T; }
interface Boolean {}
interface CallableFunction {}
interface ClassDecoratorContext<Class = unknown> {}
interface Function {}
interface IArguments {}
interface NewableFunction {}
interface Number {}
interface Object {}
interface RegExp {}
interface String {
  /** Byte length of the string (literals are Latin-1 bytes in .rodata). */
  readonly length: number;
  /** The byte at `index`, bounds-checked. */
  charCodeAt(index: number): number;
}
interface TemplateStringsArray {}
