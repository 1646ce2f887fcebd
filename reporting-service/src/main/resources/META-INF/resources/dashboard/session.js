// The login is the service's own (quarkus-oidc, authorization code flow with PKCE): the page is served only after
// it, and its same-origin fetches carry the encrypted, HttpOnly session cookie. The page never sees a token.

const ATTEMPTS = 'pipeline.dashboard.loginAttempts';

export class LoginRedirect extends Error {
  constructor() {
    super('redirecting to the login page');
  }
}

export class Session {
  constructor() {
    /** {username, district, roles} of the logged-in user, from session.json. */
    this.user = null;
    /** Set once the page is on its way to the login: the other fetches under way wait for the same one. */
    this.redirecting = false;
  }

  /** Reads who is logged in; a page whose session has already ended goes to the login. */
  async start() {
    const r = await this.get('session.json');
    if (!r.ok) {
      throw new Error(r.status === 403 ? '您的账号没有访问看板的角色，请联系管理员'
          : `登录信息加载失败（HTTP ${r.status}）`);
    }
    this.user = await r.json();
    sessionStorage.removeItem(ATTEMPTS);
  }

  /**
   * A GET of this origin with the session cookie. When the session has ended (401, or the service answers with a
   * redirect to Keycloak, which a fetch must not follow), the browser loads the page again, which logs in afresh.
   */
  async get(url) {
    const r = await fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin', redirect: 'manual'});
    if (r.status === 401 || r.type === 'opaqueredirect') {
      this.login();
    }
    return r;
  }

  /** Loads the page again: the service sends the browser to Keycloak's login. Never returns normally. */
  login() {
    if (this.redirecting) {
      throw new LoginRedirect();
    }
    // A service that refuses every session would bounce the browser between it and Keycloak: stop after three
    // logins within a minute.
    const now = Date.now();
    const recent = JSON.parse(sessionStorage.getItem(ATTEMPTS) || '[]').filter(t => now - t < 60_000);
    if (recent.length >= 3) {
      sessionStorage.removeItem(ATTEMPTS);
      throw new Error('登录后仍无法访问报表服务（会话被拒绝），请联系管理员');
    }
    recent.push(now);
    sessionStorage.setItem(ATTEMPTS, JSON.stringify(recent));
    this.redirecting = true;
    location.reload();
    throw new LoginRedirect();
  }

  /** Ends the session here and at Keycloak (RP-initiated logout); the service then shows the logged-out page. */
  logout() {
    sessionStorage.removeItem(ATTEMPTS);
    location.assign('logout');
  }
}
