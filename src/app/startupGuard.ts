// When the game cannot start, say so in plain HTML, readable without the canvas (a role="alert" region,
// so screen readers announce it). Two signals, both direct: the page's Content-Security-Policy blocking
// something the game needs before it is ready (a `securitypolicyviolation` event: Phaser makes its
// built-in textures from data: images, so a policy without `img-src data:` leaves a blank page), and
// Phaser's built-in textures failing to load for any other reason.

export type StartupProblem =
  | { kind: 'csp'; directive: string; blocked: string }
  | { kind: 'textures'; texture: string };

export interface StartupGuard {
  /** The first interactive screen is shown: later problems are the notices' business, not this. */
  markReady(): void;
  /** Phaser could not make one of its textures. */
  textureFailed(texture: string): void;
  /** The problem shown, if any (tests). */
  readonly problem: StartupProblem | null;
}

type Translate = (key: string, values?: Record<string, string>) => string;

/** Directives whose violation before the first screen means the game cannot start. */
const FATAL_DIRECTIVES = ['img-src', 'script-src', 'script-src-elem', 'style-src', 'style-src-elem', 'default-src'];

export function installStartupGuard(doc: Document, translate: Translate): StartupGuard {
  let ready = false;
  let shown: StartupProblem | null = null;
  const show = (problem: StartupProblem) => {
    if (ready || shown) return;
    shown = problem;
    showStartupError(doc, translate, problem);
  };
  const onViolation = (event: SecurityPolicyViolationEvent) => {
    const directive = event.effectiveDirective || event.violatedDirective || '';
    if (!FATAL_DIRECTIVES.includes(directive)) return;
    show({ kind: 'csp', directive, blocked: schemeOf(event.blockedURI) });
  };
  doc.addEventListener('securitypolicyviolation', onViolation);
  return {
    markReady: () => {
      ready = true;
      doc.removeEventListener('securitypolicyviolation', onViolation);
    },
    textureFailed: (texture) => show({ kind: 'textures', texture }),
    get problem() {
      return shown;
    },
  };
}

/** `data`, `blob`, `inline`, or the origin of a URL: never a whole URL (it could be long or private). */
function schemeOf(blocked: string): string {
  if (blocked === 'inline' || blocked === 'eval') return blocked;
  try {
    const url = new URL(blocked);
    return url.protocol === 'data:' || url.protocol === 'blob:' ? url.protocol.slice(0, -1) : url.origin;
  } catch {
    return blocked.slice(0, 40);
  }
}

function showStartupError(doc: Document, translate: Translate, problem: StartupProblem): void {
  const region = doc.getElementById('kc-startup-error') ?? doc.body.appendChild(doc.createElement('div'));
  region.id = 'kc-startup-error';
  region.setAttribute('role', 'alert');
  region.replaceChildren();
  const box = region.appendChild(doc.createElement('div'));
  const title = box.appendChild(doc.createElement('h1'));
  title.textContent = translate('startup.title');
  const what = box.appendChild(doc.createElement('p'));
  if (problem.kind === 'csp') {
    what.textContent = translate(problem.directive === 'img-src' ? 'startup.cspImages' : 'startup.cspOther', {
      directive: problem.directive,
      blocked: problem.blocked,
    });
    const fix = box.appendChild(doc.createElement('p'));
    fix.textContent = translate('startup.cspFix');
    const policy = box.appendChild(doc.createElement('p')).appendChild(doc.createElement('code'));
    policy.textContent = RECOMMENDED_CSP;
  } else {
    what.textContent = translate('startup.texturesFailed');
  }
  region.hidden = false;
  // The canvas shows nothing useful; keep the message the only thing in view and in focus order.
  doc.getElementById('game')?.setAttribute('hidden', '');
}

/** The policy README.md documents and tests/e2e/csp.test.ts checks. */
export const RECOMMENDED_CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'none'";
