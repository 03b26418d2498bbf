/**
 * @module A generated section of a Markdown file: the text between a start and an end marker comment is
 * replaced, everything else is kept byte for byte.
 */

export interface SectionMarkers {
  start: string;
  end: string;
}

/** `text` with the lines between the markers replaced by `content`; throws naming a missing or misplaced marker. */
export function replaceSection(text: string, markers: SectionMarkers, content: string, file: string): string {
  const start = text.indexOf(markers.start);
  const end = text.indexOf(markers.end);
  if (start === -1) throw new Error(`${file}: marker ${markers.start} not found`);
  if (end === -1) throw new Error(`${file}: marker ${markers.end} not found`);
  if (end < start) throw new Error(`${file}: ${markers.end} comes before ${markers.start}`);
  if (text.indexOf(markers.start, start + 1) !== -1) {
    throw new Error(`${file}: marker ${markers.start} appears more than once`);
  }
  const before = text.slice(0, start + markers.start.length);
  return `${before}\n\n${content.trim()}\n\n${text.slice(end)}`;
}
