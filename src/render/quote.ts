/**
 * A quotation as every surface shows it: between “ and ”, or between ‘ and ’ when it opens or closes with a double
 * quotation mark of its own (a paragraph that quotes someone: “We will sail,” the captain said.), where the outer mark
 * beside its own would show doubled (““We will sail,”). The text itself is shown as written.
 *
 * `text`: the plain text, whose first and last marks decide; `shown`: the same text as the platform writes it
 * (escaped, with its figures marked).
 */
export function quoted(text: string, shown: string = text): string {
  return /^\s*["“]|["”]\s*$/.test(text) ? `‘${shown}’` : `“${shown}”`;
}
