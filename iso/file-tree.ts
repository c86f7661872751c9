// The directory tree of an image, built from a flat list of file paths. Children are
// kept in ISO 9660 order (by identifier), which is also the order of the path table.

import { fail } from "../common/diagnostics.js";
import { checkName, isoIdentifiers } from "./iso-names.js";
import type { IsoFile } from "./types.js";

/** ECMA-119 6.8.2.1: at most 8 levels of directories, counting the root. */
export const MAX_DIRECTORY_DEPTH = 8;

export interface DirNode {
  kind: "dir";
  /** Real (Rock Ridge) name; "" for the root. */
  name: string;
  /** Level-1 identifier; "" for the root. */
  id: string;
  parent: DirNode | null;
  children: TreeNode[];
  /** Where its extent is and how long (whole sectors), set by the layout. */
  lba: number;
  size: number;
}

export interface FileNode {
  kind: "file";
  name: string;
  id: string;
  data: Uint8Array;
  lba: number;
  /** The El Torito boot image shown in the tree: its extent is the boot image's. */
  isBootImage: boolean;
}

export type TreeNode = DirNode | FileNode;

function newDir(name: string, parent: DirNode | null): DirNode {
  return { kind: "dir", name, id: "", parent, children: [], lba: 0, size: 0 };
}

/** The tree of `files`, plus the boot image as a file if it has a path. */
export function buildTree(files: IsoFile[], bootImage?: IsoFile): DirNode {
  const root = newDir("", null);
  for (const file of bootImage ? [...files, bootImage] : files) {
    const parts = file.path.split("/").filter((p) => p !== "");
    if (parts.length === 0) fail(`bad path '${file.path}' for a file in the image`, undefined, { origin: "iso" });
    for (const p of parts) checkName(p, file.path);
    // The file's directories are the root and parts.length - 1 more.
    if (parts.length > MAX_DIRECTORY_DEPTH) {
      fail(`'${file.path}' is nested deeper than ISO 9660 allows (${MAX_DIRECTORY_DEPTH} levels of directories with the root)`, undefined, { origin: "iso" });
    }
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      let next = dir.children.find((c) => c.name === part);
      if (next === undefined) {
        next = newDir(part, dir);
        dir.children.push(next);
      } else if (next.kind !== "dir") {
        fail(`'${file.path}' needs '${part}' to be a directory, but it is a file`, undefined, { origin: "iso" });
      }
      dir = next;
    }
    const name = parts[parts.length - 1]!;
    if (dir.children.some((c) => c.name === name)) fail(`'${file.path}' is in the image twice`, undefined, { origin: "iso" });
    dir.children.push({ kind: "file", name, id: "", data: file.data, lba: 0, isBootImage: file === bootImage });
  }
  assignIdentifiers(root);
  return root;
}

function assignIdentifiers(dir: DirNode): void {
  // Identifiers are chosen in name order so that the result does not depend on input order.
  dir.children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const ids = isoIdentifiers(dir.children.map((c) => ({ name: c.name, isDir: c.kind === "dir" })));
  dir.children.forEach((c, i) => (c.id = ids[i]!));
  dir.children.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const c of dir.children) if (c.kind === "dir") assignIdentifiers(c);
}

/** Directories in breadth-first order: the path table order (root is number 1). */
export function directoriesInOrder(root: DirNode): DirNode[] {
  const out: DirNode[] = [root];
  for (let i = 0; i < out.length; i++) {
    for (const c of out[i]!.children) if (c.kind === "dir") out.push(c);
  }
  return out;
}

/** Files in directory order, then name order: the order their extents are laid out. */
export function filesInOrder(root: DirNode): FileNode[] {
  return directoriesInOrder(root).flatMap((d) => d.children.filter((c): c is FileNode => c.kind === "file"));
}
