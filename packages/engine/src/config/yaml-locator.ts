/**
 * @module Maps JSON pointers to places in the YAML source (and offsets back to pointers). Walks the YAML AST
 * lazily along one pointer at a time, so aliases are followed to their anchor without ever being expanded.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { SourceLocation } from './compiled-integration.js';
import { childPointer, fromPointer } from './json-pointer.js';

interface Found {
  /** The deepest node reached; `null` for a key written without a value. */
  node: Node | null;
  /** The key of the pair that holds `node`, when it sits in a map. */
  key: Node | null;
  /** The pointer of the deepest node reached. */
  pointer: string;
}

function start(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

/** A key as the document's JS form spells it (`toJS` stringifies scalar keys). */
function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value ?? '') : undefined;
}

export class YamlLocator {
  constructor(
    readonly file: string,
    private readonly doc: Document | undefined,
    private readonly lineCounter: LineCounter | undefined,
  ) {}

  /** Line and column (1-based) of a character offset in the file. */
  at(offset: number, pointer: string): SourceLocation {
    const pos = this.lineCounter?.linePos(Math.max(0, offset)) ?? { line: 1, col: 1 };
    return { file: this.file, line: Math.max(1, pos.line), column: Math.max(1, pos.col), pointer };
  }

  /** Where a pointer sits; when it does not exist, where its nearest existing ancestor sits. */
  locate(pointer: string, at: 'key' | 'value' = 'value'): SourceLocation {
    const found = this.find(pointer);
    const valueStart = isEmptyValue(found.node) ? undefined : start(found.node);
    const keyStart = start(found.key);
    const offset = at === 'key' ? (keyStart ?? valueStart) : (valueStart ?? keyStart);
    return this.at(offset ?? 0, found.pointer);
  }

  /** The node at a pointer, following aliases to their anchors; `undefined` when the pointer does not exist. */
  node(pointer: string): Node | undefined {
    const found = this.find(pointer);
    return found.pointer === pointer && found.node ? this.resolve(found.node) : undefined;
  }

  /** The pointer of the deepest node whose source contains the offset (for YAML syntax errors). */
  pointerAt(offset: number): string {
    let pointer = '';
    let node: unknown = this.doc?.contents;
    for (;;) {
      let next: { segment: string | number; node: unknown } | undefined;
      if (isMap(node)) {
        for (const pair of node.items) {
          const k = keyText(pair.key);
          const range = (pair.value as Node | null)?.range ?? (pair.key as Node | null)?.range;
          const from = start(pair.key as Node | null) ?? range?.[0];
          if (k !== undefined && from !== undefined && range && offset >= from && offset < range[2]) {
            next = { segment: k, node: pair.value };
            break;
          }
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, index) => {
          const range = (item as Node | null)?.range;
          if (!next && range && offset >= range[0] && offset < range[2])
            next = { segment: index, node: item };
        });
      }
      if (!next) return pointer;
      pointer = childPointer(pointer, next.segment);
      node = next.node;
    }
  }

  private resolve(node: Node): Node {
    if (isAlias(node) && this.doc) return (node.resolve(this.doc) as Node | undefined) ?? node;
    return node;
  }

  private find(pointer: string): Found {
    let found: Found = { node: (this.doc?.contents as Node | null) ?? null, key: null, pointer: '' };
    for (const segment of fromPointer(pointer)) {
      const node = found.node ? this.resolve(found.node) : null;
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === segment);
        if (!pair) break;
        found = {
          node: (pair.value as Node | null) ?? null,
          key: pair.key as Node,
          pointer: childPointer(found.pointer, segment),
        };
      } else if (isSeq(node) && /^(0|[1-9][0-9]*)$/.test(segment)) {
        const item = node.items[Number(segment)] as Node | undefined;
        if (item === undefined) break;
        found = { node: item, key: null, pointer: childPointer(found.pointer, segment) };
      } else {
        break;
      }
    }
    return found;
  }
}

// `key:` with nothing after it parses as an empty null scalar positioned after the colon; the key is the better
// place to point at.
function isEmptyValue(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null && node.source === '');
}
