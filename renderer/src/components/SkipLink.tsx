/**
 * The first Tab stop of every screen: straight to the screen's content, past the sidebar's stops.
 * Hidden until it has focus. Focus moves without changing the address (the harness keeps its token there).
 */
import './SkipLink.css';

export function SkipLink({ target }: { target: string }) {
  return (
    <a
      className="skip-link"
      href={`#${target}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(target)?.focus();
      }}
    >
      Skip to the screen
    </a>
  );
}
