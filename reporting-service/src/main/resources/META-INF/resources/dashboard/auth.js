// Login at Keycloak with the authorization code flow and PKCE (S256), in plain JavaScript: the page is a public
// client, so it holds no secret. Tokens live in sessionStorage (this tab only) and are refreshed before they expire.

const TOKENS = 'pipeline.dashboard.tokens';
const PENDING = 'pipeline.dashboard.pending';
const ATTEMPTS = 'pipeline.dashboard.loginAttempts';
const REFRESH_MARGIN_MS = 30_000;

export class LoginRedirect extends Error {
  constructor() {
    super('redirecting to the login page');
  }
}

function base64url(bytes) {
  let s = '';
  for (const b of bytes) {
    s += String.fromCharCode(b);
  }
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(byteCount) {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

async function s256(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The claims of a JWT (not verified: the service verifies every token it receives). */
export function decodeJwt(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const padded = part + '='.repeat((4 - part.length % 4) % 4);
  const bytes = Uint8Array.from(atob(padded), c => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

export class Auth {
  /** @param config {authServerUrl, clientId} from /dashboard/config.json */
  constructor(config) {
    this.realm = config.authServerUrl.replace(/\/+$/, '');
    this.clientId = config.clientId;
    this.redirectUri = location.origin + location.pathname;
    this.refreshTimer = null;
    this.refreshing = null;
  }

  get endpoint() {
    return this.realm + '/protocol/openid-connect';
  }

  /**
   * Makes sure the page holds a valid token: finishes a login that comes back with a code, reuses or refreshes
   * stored tokens, or sends the browser to the login page (then throws LoginRedirect).
   */
  async start() {
    if (!window.crypto || !crypto.subtle) {
      throw new Error('浏览器不支持安全登录所需的 Web Crypto（请通过 HTTPS 或 localhost 访问）');
    }
    const params = new URLSearchParams(location.search);
    if (params.has('error') && params.has('state')) {
      const pending = this.takePending();
      const text = params.get('error_description') || params.get('error');
      history.replaceState(null, '', pending ? pending.returnTo : location.pathname);
      throw new Error('登录失败：' + text);
    }
    if (params.has('code') && params.has('state')) {
      await this.finishLogin(params.get('code'), params.get('state'));
    }
    const tokens = this.stored();
    if (tokens && tokens.accessExpiresAt > Date.now() + REFRESH_MARGIN_MS) {
      this.schedule(tokens);
      return;
    }
    if (tokens && tokens.refreshToken && tokens.refreshExpiresAt > Date.now() + 5_000) {
      if (await this.refresh()) {
        return;
      }
    }
    await this.login();
  }

  /** Sends the browser to Keycloak's login page; comes back to the current URL. Never resolves normally. */
  async login() {
    this.clear();
    // A service that refuses every token would bounce the browser between it and Keycloak: stop after three
    // logins within a minute.
    const now = Date.now();
    const recent = JSON.parse(sessionStorage.getItem(ATTEMPTS) || '[]').filter(t => now - t < 60_000);
    if (recent.length >= 3) {
      sessionStorage.removeItem(ATTEMPTS);
      throw new Error('登录后仍无法访问报表服务（令牌被拒绝），请联系管理员');
    }
    recent.push(now);
    sessionStorage.setItem(ATTEMPTS, JSON.stringify(recent));

    const verifier = randomString(48);
    const state = randomString(16);
    const nonce = randomString(16);
    sessionStorage.setItem(PENDING, JSON.stringify({
      verifier, state, nonce, returnTo: location.pathname + location.search
    }));
    const q = new URLSearchParams({
      client_id: this.clientId,
      redirect_uri: this.redirectUri,
      response_type: 'code',
      response_mode: 'query',
      scope: 'openid',
      state,
      nonce,
      code_challenge: await s256(verifier),
      code_challenge_method: 'S256',
      ui_locales: 'zh-CN'
    });
    location.assign(this.endpoint + '/auth?' + q);
    throw new LoginRedirect();
  }

  takePending() {
    const raw = sessionStorage.getItem(PENDING);
    sessionStorage.removeItem(PENDING);
    return raw ? JSON.parse(raw) : null;
  }

  async finishLogin(code, state) {
    const pending = this.takePending();
    // Whatever happens, the code must not stay in the address bar (or in a bookmark).
    history.replaceState(null, '', pending ? pending.returnTo : location.pathname);
    if (!pending || pending.state !== state) {
      return; // a stale or foreign callback: start() logs in afresh
    }
    const tokens = await this.post({
      grant_type: 'authorization_code',
      client_id: this.clientId,
      code,
      redirect_uri: this.redirectUri,
      code_verifier: pending.verifier
    });
    if (!tokens) {
      throw new Error('登录失败：无法用授权码换取令牌');
    }
    if (tokens.idToken && decodeJwt(tokens.idToken).nonce !== pending.nonce) {
      this.clear();
      throw new Error('登录失败：nonce 不匹配');
    }
    this.save(tokens);
  }

  /** Trades the refresh token for new tokens; false (and tokens cleared) when the session has ended. */
  refresh() {
    if (!this.refreshing) {
      this.refreshing = (async () => {
        const old = this.stored();
        if (!old || !old.refreshToken) {
          return false;
        }
        const tokens = await this.post({
          grant_type: 'refresh_token',
          client_id: this.clientId,
          refresh_token: old.refreshToken
        });
        if (!tokens) {
          this.clear();
          return false;
        }
        this.save({...tokens, idToken: tokens.idToken || old.idToken});
        return true;
      })().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  async post(form) {
    let r;
    try {
      r = await fetch(this.endpoint + '/token', {
        method: 'POST',
        headers: {'Content-Type': 'application/x-www-form-urlencoded'},
        body: new URLSearchParams(form)
      });
    } catch (e) {
      return null;
    }
    if (!r.ok) {
      return null;
    }
    const t = await r.json();
    const now = Date.now();
    return {
      accessToken: t.access_token,
      accessExpiresAt: now + t.expires_in * 1000,
      refreshToken: t.refresh_token,
      // Keycloak sends refresh_expires_in 0 for offline tokens: treat as "as long as the access token"
      refreshExpiresAt: now + (t.refresh_expires_in || t.expires_in) * 1000,
      idToken: t.id_token
    };
  }

  save(tokens) {
    sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
    sessionStorage.removeItem(ATTEMPTS);
    this.schedule(tokens);
  }

  stored() {
    const raw = sessionStorage.getItem(TOKENS);
    return raw ? JSON.parse(raw) : null;
  }

  clear() {
    sessionStorage.removeItem(TOKENS);
    clearTimeout(this.refreshTimer);
  }

  /** Refreshes shortly before the access token expires, so a wall screen stays logged in. */
  schedule(tokens) {
    clearTimeout(this.refreshTimer);
    const wait = Math.max(5_000, tokens.accessExpiresAt - Date.now() - REFRESH_MARGIN_MS);
    this.refreshTimer = setTimeout(async () => {
      if (!(await this.refresh())) {
        await this.login().catch(() => {});
      }
    }, wait);
  }

  /** A valid access token for an API call. */
  async token() {
    const t = this.stored();
    if (t && t.accessExpiresAt > Date.now() + 5_000) {
      return t.accessToken;
    }
    if (await this.refresh()) {
      return this.stored().accessToken;
    }
    return this.login();
  }

  claims() {
    const t = this.stored();
    return t ? decodeJwt(t.accessToken) : {};
  }

  /** Ends the Keycloak session and comes back to the dashboard (which then asks for a login again). */
  logout() {
    const t = this.stored();
    this.clear();
    sessionStorage.removeItem(ATTEMPTS);
    const q = new URLSearchParams({client_id: this.clientId, post_logout_redirect_uri: this.redirectUri});
    if (t && t.idToken) {
      q.set('id_token_hint', t.idToken);
    }
    location.assign(this.endpoint + '/logout?' + q);
  }
}
