import { describe, expect, it } from 'vitest';
import { renderTable } from './table.js';

describe('renderTable', () => {
  it('pads columns to their widest cell and right-aligns numbers', () => {
    const text = renderTable({
      title: 'Proxy',
      columns: [{ header: 'target' }, { header: 'req/s', align: 'right' }],
      rows: [
        ['bare forwarder', '26,000'],
        ['switchboard', '900'],
      ],
      notes: ['ratio 3.5%'],
    });
    expect(text.split('\n')).toEqual([
      'Proxy',
      'target         │  req/s',
      '───────────────┼───────',
      'bare forwarder │ 26,000',
      'switchboard    │    900',
      '  ratio 3.5%',
    ]);
  });

  it('counts ✓, ✗ and × as one character each', () => {
    const text = renderTable({
      title: 'Targets',
      columns: [{ header: 'measured', align: 'right' }, { header: 'ok' }],
      rows: [
        ['1.20×', '✓'],
        ['15.8×', '✗'],
      ],
    });
    expect(text.split('\n').slice(3)).toEqual(['   1.20× │ ✓', '   15.8× │ ✗']);
  });
});
