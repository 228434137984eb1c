/**
 * Shortens text to at most `max` characters, cutting at a word boundary and ending with "…", so
 * a platform limit never cuts a word (or a markup escape) in half. Text within the limit is
 * returned unchanged.
 */
export function trimTo(text: string, max: number): string {
  if (text.length <= max) return text
  if (max <= 1) return '…'.slice(0, max)
  const cut = text.slice(0, max - 1)
  const space = cut.search(/\s\S*$/)
  const body = space > max * 0.6 ? cut.slice(0, space) : cut
  return `${body.replace(/[\s,;:]+$/, '')}…`
}
