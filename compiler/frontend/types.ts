// The types of the ts386 language, as the front end sees them. The TypeScript
// checker calls every integer `number`; these are read from the annotations.

export type IntName = "i8" | "i16" | "i32" | "u8" | "u16" | "u32" | "isize" | "usize";

export interface IntType {
  kind: "int";
  name: IntName;
  width: 1 | 2 | 4;
  signed: boolean;
}

/** An integer constant that has not met a type yet (a literal, an enum member): exact, adapts to the type it meets. */
export interface UntypedType {
  kind: "untyped";
}

export interface Field {
  name: string;
  type: Type;
  offset: number;
}

/** An @unmanaged class: C layout, no header. References to instances are 32-bit addresses. */
export interface ClassInfo {
  name: string;
  fields: Map<string, Field>;
  size: number;
  align: number;
}

export interface Signature {
  params: Type[];
  ret: Type;
}

export type Type =
  | IntType
  | UntypedType
  | { kind: "bool" }
  | { kind: "void" }
  | { kind: "never" }
  | { kind: "string" } // address of the bytes; the i32 length sits 4 bytes before
  | { kind: "class"; cls: ClassInfo }
  | { kind: "func"; sig: Signature }
  | { kind: "array"; elem: Type }; // StaticArray<T>: only module-level arrays, by name

const intTypes: Record<IntName, IntType> = {
  i8: { kind: "int", name: "i8", width: 1, signed: true },
  i16: { kind: "int", name: "i16", width: 2, signed: true },
  i32: { kind: "int", name: "i32", width: 4, signed: true },
  u8: { kind: "int", name: "u8", width: 1, signed: false },
  u16: { kind: "int", name: "u16", width: 2, signed: false },
  u32: { kind: "int", name: "u32", width: 4, signed: false },
  isize: { kind: "int", name: "isize", width: 4, signed: true },
  usize: { kind: "int", name: "usize", width: 4, signed: false },
};

export function intType(name: IntName): IntType {
  return intTypes[name];
}

export function isIntName(name: string): name is IntName {
  return Object.prototype.hasOwnProperty.call(intTypes, name);
}

export const I32 = intTypes.i32;
export const U32 = intTypes.u32;
export const U8 = intTypes.u8;
export const USIZE = intTypes.usize;
export const BOOL: Type = { kind: "bool" };
export const VOID: Type = { kind: "void" };
export const NEVER: Type = { kind: "never" };
export const STRING: Type = { kind: "string" };
export const UNTYPED: UntypedType = { kind: "untyped" };

export function typeName(t: Type): string {
  switch (t.kind) {
    case "int":
      return t.name;
    case "untyped":
      return "integer literal";
    case "bool":
      return "bool";
    case "void":
      return "void";
    case "never":
      return "never";
    case "string":
      return "string";
    case "class":
      return t.cls.name;
    case "func":
      return `(${t.sig.params.map(typeName).join(", ")}) => ${typeName(t.sig.ret)}`;
    case "array":
      return `StaticArray<${typeName(t.elem)}>`;
  }
}

/** How a value of this type sits in memory (fields, array elements, globals, load/store). */
export interface Storage {
  width: 1 | 2 | 4;
  signed: boolean;
}

export function storageOf(t: Type): Storage | undefined {
  switch (t.kind) {
    case "int":
      return { width: t.width, signed: t.signed };
    case "bool":
      return { width: 1, signed: false };
    case "string":
    case "class":
    case "func":
      return { width: 4, signed: false };
    default:
      return undefined;
  }
}

export function sameType(a: Type, b: Type): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "int":
      return storageKey(a) === storageKey(b as IntType);
    case "class":
      return a.cls === (b as typeof a).cls;
    case "func": {
      const s = (b as typeof a).sig;
      return a.sig.params.length === s.params.length && a.sig.params.every((p, i) => sameType(p, s.params[i]!)) && sameType(a.sig.ret, s.ret);
    }
    case "array":
      return sameType(a.elem, (b as typeof a).elem);
    default:
      return true;
  }
}

/** isize is i32 and usize is u32 in every respect but their names. */
function storageKey(t: IntType): string {
  return `${t.signed ? "i" : "u"}${t.width}`;
}
