/** Month and weekday names, written once for every reader of dates (folded, lower case). */
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/** In the order of Date#getUTCDay: Sunday is 0. */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']

/** The months' short forms as regular-expression pieces ("sept?" for "Sep" and "Sept"); "may" has none. */
export const MONTH_SHORT_FORMS = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sept?', 'oct', 'nov', 'dec']

/** "january" -> "January". */
export const capitalised = (word: string): string => word[0].toUpperCase() + word.slice(1)
