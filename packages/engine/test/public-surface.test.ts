/**
 * The engine's public surface, as the TypeScript checker sees `src/index.ts`: every exported name, value or type.
 * The snapshot makes growth deliberate: adding an export fails this test until the snapshot is updated on
 * purpose, with `pnpm --filter @switchboard/engine exec vitest run test/public-surface.test.ts -u`, and the diff
 * of `test/__snapshots__/public-surface.txt` shows the change in review.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, it } from 'vitest';

const INDEX = fileURLToPath(new URL('../src/index.ts', import.meta.url));

function publicSurface(): string[] {
  const program = ts.createProgram([INDEX], {
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(INDEX);
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (module === undefined) throw new Error('cannot read src/index.ts');
  return checker
    .getExportsOfModule(module)
    .map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return `${symbol.name} (${target.flags & ts.SymbolFlags.Value ? 'value' : 'type'})`;
    })
    .sort();
}

it('exports exactly the names in the snapshot (update it with -u when an export is added on purpose)', async () => {
  await expect(`${publicSurface().join('\n')}\n`).toMatchFileSnapshot('./__snapshots__/public-surface.txt');
}, 120_000);
