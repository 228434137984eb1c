/**
 * The one bounded memory the program keeps in several places (answers asked again, views,
 * conversations, button keys): `key` becomes the newest entry, and the oldest beyond `capacity`
 * are forgotten. A Map iterates in insertion order, so its first key is the oldest; setting a key
 * again moves it to the end, so what is used stays and what is not goes first.
 */
export function keepNewest<K, V>(map: Map<K, V>, key: K, value: V, capacity: number): void {
  map.delete(key)
  map.set(key, value)
  while (map.size > capacity) map.delete(map.keys().next().value as K)
}
