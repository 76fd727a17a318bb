/**
 * "Sign in with": for a target whose CRM takes secrets or a relay connection (`target.auth`), reloads the
 * starter in the other form for the current provider — one undoable edit, as picking a target. The checked
 * form is the one the doc reads (see auth-form.ts).
 */
import { authNeeds } from '../catalog.js';
import { useStore } from '../store.js';
import { AUTH_FORM_LABELS, authFormOf, authFormsOf } from './auth-form.js';
import { loadStarter } from './load-starter.js';

const FORMS = ['secrets', 'connection'] as const;

export function AuthFormSetting() {
  const targetId = useStore((s) => s.doc.targetId);
  const form = useStore((s) => authFormOf(s.doc));
  const auth = authFormsOf(targetId);
  if (targetId === null || auth === null || form === null) return null;
  return (
    <div
      className="row auth-form"
      role="radiogroup"
      aria-labelledby="auth-form-label"
      data-testid="auth-form"
    >
      <span className="label" id="auth-form-label">
        Sign in with
      </span>
      {FORMS.map((which) => (
        <label
          key={which}
          className="radio"
          title={`Reloads the starter reading ${authNeeds(auth, which)}${which === auth.default ? ' (the default)' : ''}`}
        >
          <input
            type="radio"
            name="auth-form"
            value={which}
            checked={form === which}
            onChange={() => loadStarter(targetId, which)}
            data-testid={`auth-form-${which}`}
          />
          {AUTH_FORM_LABELS[which]}
        </label>
      ))}
    </div>
  );
}
