import { useEffect, useRef } from 'react';
import { ModeBanner } from './components/mode-banner';
import { ModeSwitch } from './components/mode-switch';
import { Nav } from './components/nav';
import { CapabilitiesProvider } from './hooks/use-capabilities';
import { Routes } from './routes';
import { usePath } from './router/router';
import { SessionProvider, useSession } from './session/session-context';
import { SignIn } from './pages/sign-in';

function Shell() {
  const path = usePath();
  const first = useRef(true);
  // After a client-side navigation, move focus to the new page, as a full
  // page load would, so keyboard and screen-reader users start at its top.
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    document.getElementById('main')?.focus();
  }, [path]);
  const { mode, api, signOut } = useSession();
  return (
    <div className={`shell ${mode}`}>
      <ModeBanner mode={mode} />
      <header className="top">
        <a className="skip" href="#main">Skip to content</a>
        <strong className="brand">Tally</strong>
        <ModeSwitch />
        {api && <button type="button" className="link" onClick={() => signOut(mode)}>Sign out</button>}
      </header>
      {api && <Nav path={path} />}
      <main id="main" tabIndex={-1}>
        {api ? <Routes path={path} key={mode} /> : <SignIn />}
      </main>
    </div>
  );
}

export function App() {
  return (
    <SessionProvider>
      <CapabilitiesProvider>
        <Shell />
      </CapabilitiesProvider>
    </SessionProvider>
  );
}
