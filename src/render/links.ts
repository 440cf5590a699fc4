/**
 * Characters that end or bend a link in some platform's syntax (Slack's `<url|label>`, Markdown's
 * `[label](url)`, angle brackets, quotes, spaces): percent-encoded in every address shown.
 */
const BENDS_A_LINK = /[\s<>|()[\]{}"'`\\^]/g;

/**
 * The one rule for links to documents: an absolute http(s) address without a user name or password
 * (which would let `https://trusted.example@elsewhere.example` pass for another site), returned in
 * its parsed form with every character that could end or bend a link percent-encoded. Anything else
 * (`javascript:`, relative paths, text that is no address) is shown as no link at all.
 */
export function safeLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password)
    return undefined;
  // The host is left as parsed (an IPv6 host keeps its brackets); only what follows it is encoded.
  const rest = `${parsed.pathname}${parsed.search}${parsed.hash}`.replace(
    BENDS_A_LINK,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `${parsed.origin}${rest}`;
}
