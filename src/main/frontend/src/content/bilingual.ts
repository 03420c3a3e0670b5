/**
 * The server writes its refusals and explanations Vietnamese first, then English: "Trong giờ yên lặng … / Inside
 * quiet hours …". This picks the half of the person's language. Names are quoted «…» in the Vietnamese half, so a
 * " / " inside a quoted name is not taken for the divider.
 */
export function inLanguage(message: string, locale: string): string {
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === '«') depth++;
    else if (c === '»') depth = Math.max(0, depth - 1);
    else if (depth === 0 && message.startsWith(' / ', i)) {
      return (locale === 'en' ? message.slice(i + 3) : message.slice(0, i)).trim();
    }
  }
  return message;
}
