// French puts a space before : ; ! ? and inside « »; a line must never break there. The messages are written with
// plain spaces (easy to edit); the panel turns them into narrow no-break spaces when it shows French.

export function frenchSpacing(text: string): string {
  return text.replace(/ ([:;!?»])/g, '\u202f$1').replace(/« /g, '«\u202f');
}
