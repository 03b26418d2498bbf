/**
 * @module Plain-text tables for the terminal. Widths count code points, so ✓/✗ and × line up like any
 * other character.
 */

export interface Column {
  header: string;
  /** Numbers read best right-aligned. Default `left`. */
  align?: 'left' | 'right';
}

export interface Table {
  title: string;
  columns: readonly Column[];
  rows: readonly (readonly string[])[];
  /** Printed under the table, one line each. */
  notes?: readonly string[];
}

const widthOf = (text: string): number => [...text].length;

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(width - widthOf(text), 0));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * Renders a table; missing cells print empty.
 *
 * @example
 * renderTable({ title: 'Cold start', columns: [{ header: 'run' }, { header: 'ms', align: 'right' }], rows: [['1', '812']] });
 */
export function renderTable(table: Table): string {
  const { columns, rows } = table;
  const widths = columns.map((column, index) =>
    Math.max(widthOf(column.header), ...rows.map((row) => widthOf(row[index] ?? ''))),
  );
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, index) => pad(cells[index] ?? '', widths[index] as number, column.align ?? 'left'))
      .join(' │ ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('─┼─');
  const out = [table.title, line(columns.map((column) => column.header)), rule, ...rows.map(line)];
  for (const note of table.notes ?? []) out.push(`  ${note}`);
  return out.join('\n');
}
