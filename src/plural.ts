/** Counts in the words people read them in: the report, `sources`, the bench's headline. */

/** 60,000 rather than 60000: a month of a busy server reads at a glance. */
export const num = (n: number): string => n.toLocaleString('en-US')

/** "1 question", "3 questions"; `many` for a word that does not just take an s. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${num(n)} ${n === 1 ? one : many}`
