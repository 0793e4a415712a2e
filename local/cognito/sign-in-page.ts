/**
 * The HTML of the local issuer: the sign-in page (French or English, like Cognito's managed
 * login with `lang=`) and its error page. Plain HTML with a little inline CSS and script, so the
 * page works without a build step; every interpolated value is escaped.
 */
import { en } from '#web/src/locales/en.ts';
import { fr } from '#web/src/locales/fr.ts';
import type { StaffMember } from '../seed/staff.ts';

export type PageLang = 'fr' | 'en';

/** The OAuth parameters the sign-in form carries from `/oauth2/authorize` to `/login`. */
export type AuthorizeParams = {
  client_id: string;
  redirect_uri: string;
  state: string;
  scope: string;
  code_challenge: string;
  code_challenge_method: string;
  nonce: string;
};

const text = {
  fr: {
    title: 'Connexion à Relais',
    intro: 'Identifiez-vous avec votre compte collaborateur.',
    username: "Nom d'utilisateur",
    password: 'Mot de passe',
    submit: 'Se connecter',
    wrong: "Nom d'utilisateur ou mot de passe incorrect.",
    demo: 'Comptes de démonstration',
    demoHint: 'Environnement local : cliquez sur un compte pour vous connecter avec lui.',
    user: 'Compte',
    role: 'Rôle',
    branch: 'Agence',
    other: 'English',
    errorTitle: 'Demande de connexion refusée',
    rootTitle: 'Service de connexion de Relais',
    rootBody:
      "Ce service identifie les collaborateurs pour l'application Relais. On n'y vient pas directement : ouvrez l'application, elle vous y envoie pour vous connecter.",
  },
  en: {
    title: 'Sign in to Relais',
    intro: 'Sign in with your staff account.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    wrong: 'Incorrect username or password.',
    demo: 'Demo accounts',
    demoHint: 'Local environment: click an account to sign in as that user.',
    user: 'Account',
    role: 'Role',
    branch: 'Branch',
    other: 'Français',
    errorTitle: 'Sign-in request refused',
    rootTitle: 'Relais sign-in service',
    rootBody:
      'This service signs staff in for the Relais application. You do not come here directly: open the application, and it sends you here to sign in.',
  },
} as const;

/** The roles' names, as the web front end says them. */
const roleNames = { fr: fr.roles, en: en.roles } as const;

/** Escapes a value for HTML text and double-quoted attributes. */
export const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const styles = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  body { margin: 0; background: #eef1f5; color: #1b2430; }
  header { background: #12263f; color: #fff; padding: 0.9rem 1.25rem; display: flex; justify-content: space-between; align-items: center; }
  header strong { font-size: 1.2rem; letter-spacing: 0.02em; }
  header a { color: #fff; }
  main { max-width: 44rem; margin: 2rem auto; padding: 0 1rem; }
  section { background: #fff; border: 1px solid #d5dbe3; border-radius: 6px; padding: 1.5rem; margin-bottom: 1.5rem; }
  h1 { font-size: 1.4rem; margin: 0 0 0.5rem; } h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
  label { display: block; font-weight: 600; margin: 1rem 0 0.3rem; }
  input { width: 100%; box-sizing: border-box; font: inherit; padding: 0.55rem 0.6rem; border: 1px solid #8a96a8; border-radius: 4px; }
  button { font: inherit; cursor: pointer; }
  .primary { margin-top: 1.25rem; background: #1d4f91; color: #fff; border: 0; border-radius: 4px; padding: 0.6rem 1.2rem; font-weight: 600; }
  .primary:hover { background: #163d70; }
  :focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
  .error { background: #fdecea; border: 1px solid #b3261e; color: #8c1d18; padding: 0.75rem; border-radius: 4px; margin: 1rem 0 0; }
  table { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
  th, td { text-align: left; padding: 0.45rem 0.5rem; border-bottom: 1px solid #e3e7ed; }
  th { color: #4a5668; font-weight: 600; }
  .demo { background: none; border: 0; padding: 0; color: #1d4f91; text-decoration: underline; text-align: left; }
  .muted { color: #4a5668; margin: 0 0 0.75rem; }
  /* A phone (360 px): each demo account on its own lines rather than a table wider than the screen. */
  @media (max-width: 30rem) {
    main { margin: 1rem auto; } section { padding: 1rem; }
    thead { display: none; } table, tbody, tr, td { display: block; }
    tr { border-bottom: 1px solid #e3e7ed; padding: 0.4rem 0; } td { border: 0; padding: 0.1rem 0; }
  }
`;

const shell = (
  lang: PageLang,
  title: string,
  otherLangHref: string | undefined,
  body: string,
): string => `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
<header><strong>Relais</strong>${
  otherLangHref
    ? `<a href="${escapeHtml(otherLangHref)}" lang="${lang === 'fr' ? 'en' : 'fr'}">${text[lang].other}</a>`
    : ''
}</header>
<main>${body}</main>
</body>
</html>`;

/** The sign-in page, optionally with the "wrong password" error. */
export const signInPage = (options: {
  lang: PageLang;
  params: AuthorizeParams;
  users: readonly StaffMember[];
  /** Branch names by id, to show where each demo account works. */
  branchNames: ReadonlyMap<string, string>;
  error?: boolean;
  username?: string;
  otherLangHref: string;
}): string => {
  const t = text[options.lang];
  const hidden = Object.entries(options.params)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
  const rows = options.users
    .map(
      (user) => `<tr>
  <td><button type="button" class="demo" data-username="${escapeHtml(user.username)}" data-password="${escapeHtml(user.password)}">${escapeHtml(user.name)}</button><br><small>${escapeHtml(user.username)}</small></td>
  <td>${user.roles.map((role) => escapeHtml(roleNames[options.lang][role])).join(', ')}</td>
  <td>${user.branchId ? escapeHtml(options.branchNames.get(user.branchId) ?? user.branchId) : '—'}</td>
</tr>`,
    )
    .join('');
  return shell(
    options.lang,
    t.title,
    options.otherLangHref,
    `<section aria-labelledby="title">
  <h1 id="title">${t.title}</h1>
  <p class="muted">${t.intro}</p>
  ${options.error ? `<p class="error" role="alert">${t.wrong}</p>` : ''}
  <form method="post" action="/login" id="sign-in">
    <input type="hidden" name="lang" value="${options.lang}">${hidden}
    <label for="username">${t.username}</label>
    <input id="username" name="username" autocomplete="username" required value="${escapeHtml(options.username ?? '')}"${options.error ? ' aria-invalid="true"' : ''}>
    <label for="password">${t.password}</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required${options.error ? ' aria-invalid="true" autofocus' : ''}>
    <button class="primary" type="submit">${t.submit}</button>
  </form>
</section>
<section aria-labelledby="demo">
  <h2 id="demo">${t.demo}</h2>
  <p class="muted">${t.demoHint}</p>
  <table><thead><tr><th scope="col">${t.user}</th><th scope="col">${t.role}</th><th scope="col">${t.branch}</th></tr></thead>
  <tbody>${rows}</tbody></table>
</section>
<script>
  for (const button of document.querySelectorAll('button.demo')) {
    button.addEventListener('click', () => {
      const form = document.getElementById('sign-in');
      form.elements.username.value = button.dataset.username;
      form.elements.password.value = button.dataset.password;
      form.submit();
    });
  }
</script>`,
  );
};

/** The service's root: what it is, for a person who opens it (the application sends people to `/oauth2/authorize`). */
export const rootPage = (lang: PageLang, otherLangHref: string): string => {
  const t = text[lang];
  return shell(
    lang,
    t.rootTitle,
    otherLangHref,
    `<section><h1>${t.rootTitle}</h1><p>${t.rootBody}</p></section>`,
  );
};

/** The page shown when the request cannot be sent back to the client (unknown client or redirect). */
export const errorPage = (lang: PageLang, message: string): string => {
  const t = text[lang];
  return shell(
    lang,
    t.errorTitle,
    undefined,
    `<section><h1>${t.errorTitle}</h1><p class="error" role="alert">${escapeHtml(message)}</p></section>`,
  );
};
