import type { Mode } from '../api/types';
import { useSession } from '../session/session-context';
import { MODE_LABEL } from '../session/session-store';

const MODES: Mode[] = ['test_mode', 'live_mode'];

/** Test/live toggle; a mode with no key yet leads to its sign-in form. */
export function ModeSwitch() {
  const { mode, keys, switchMode } = useSession();
  return (
    <div className="mode-switch" role="group" aria-label="Mode">
      {MODES.map((m) => (
        <button
          key={m}
          type="button"
          aria-pressed={m === mode}
          className={m === mode ? `active ${m}` : m}
          onClick={() => switchMode(m)}
          title={keys[m] ? `Switch to ${MODE_LABEL[m].toLowerCase()}` : `Sign in to ${MODE_LABEL[m].toLowerCase()}`}
        >
          {MODE_LABEL[m]}
        </button>
      ))}
    </div>
  );
}
