/**
 * A build-time table (scripts/tables/) whose entries are grouped by the first two letters of their
 * key. A group is parsed the first time a key in it is looked up, so a one-question command pays
 * for a few groups instead of splitting the whole table, and a serving bot ends up with all it uses.
 */
export function groupedTable<T>(
  groups: Readonly<Record<string, string>>,
  separator: string,
  parse: (entry: string) => [string, T],
): (key: string) => T | undefined {
  const parsed = new Map<string, Map<string, T>>()
  return (key) => {
    const prefix = key.slice(0, 2)
    let group = parsed.get(prefix)
    if (!group) {
      group = new Map()
      const text = Object.hasOwn(groups, prefix) ? groups[prefix] : ''
      // The first entry for a key wins, as the generators list them.
      for (const entry of text ? text.split(separator) : []) {
        const [k, value] = parse(entry)
        if (!group.has(k)) group.set(k, value)
      }
      parsed.set(prefix, group)
    }
    return group.get(key)
  }
}
