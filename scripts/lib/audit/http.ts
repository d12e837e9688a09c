import type { NotInspected } from './messages';

// An error page or a login screen is not the resource: evaluating it would report a clean page that nobody saw.

const LOGIN_PATH = /(^|[/._-])(login|log-in|logon|signin|sign-in|sign_in|connexion|se-connecter|identification|authenticate|authentication|auth|sso|cas|oauth2?|saml2?|adfs)([/._?-]|$)/i;
const LOGIN_HOST = /^(login|logon|signin|auth|sso|cas|connexion|accounts?|idp|identity|adfs)[.-]/i;

function isLoginAddress(u: URL): boolean {
  return LOGIN_HOST.test(u.hostname) || LOGIN_PATH.test(u.pathname);
}

/**
 * Why the page a browser ended on is not the one asked for: an HTTP error status (4xx, 5xx), or a redirection to a
 * login screen (401, or an address that looks like one when the requested address did not).
 */
export function pageProblem(requested: string, status: number | null, finalUrl: string): NotInspected | null {
  if (status === 401 || status === 407) return { text: 'loginWall', params: [`HTTP ${status}`] };
  if (status !== null && status >= 400) return { text: 'httpError', params: [String(status)] };
  let from: URL, to: URL;
  try {
    from = new URL(requested);
    to = new URL(finalUrl);
  } catch {
    return null;
  }
  if (from.href !== to.href && isLoginAddress(to) && !isLoginAddress(from)) return { text: 'loginWall', params: [`${to.origin}${to.pathname}`] };
  return null;
}

/** A navigation that did not reach any page: names the network's reason, in the browser's own code. */
export function navigationProblem(message: string, timeoutMs: number): NotInspected {
  if (/timeout|timed out/i.test(message) && !/ERR_TIMED_OUT|NS_ERROR_NET_TIMEOUT/.test(message)) {
    return { text: 'timeout', params: [String(Math.round(timeoutMs / 1000))] };
  }
  // Chromium says net::ERR_…, Firefox NS_ERROR_… or, over WebDriver BiDi, its error page's name (dnsNotFound…).
  const code =
    /\b(net::ERR_[A-Z_]+|NS_ERROR_[A-Z_]+|NS_BINDING_[A-Z_]+|SSL_ERROR_[A-Z_]+|SEC_ERROR_[A-Z_]+)/.exec(message)?.[1] ??
    /browsingContext\.navigate\): unknown error Error: ([a-zA-Z0-9]+)/.exec(message)?.[1];
  if (code) return { text: 'unreachable', params: [code] };
  return { locale: 'reason_failed', params: [message.split('\n')[0]!] };
}
