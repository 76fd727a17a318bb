/**
 * The relay dialogs' shell (Publish, Connections): backdrop (a click on it closes), the modal box with its
 * title bar and close button, and the keyboard of `useModalKeys`. `name` makes the ids and test ids
 * (`<name>-title`, `<name>-dialog`, `<name>-close`).
 */
import { useRef, type ReactNode, type RefObject } from 'react';
import { backdrop, box, useModalKeys } from './modal.js';
import { s } from './styles.js';

export function ModalDialog(props: {
  name: string;
  title: string;
  /** The control focused when the dialog opens. */
  first: RefObject<HTMLElement | null>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { name, onClose } = props;
  const dialog = useRef<HTMLDivElement>(null);
  useModalKeys(dialog, props.first, onClose);
  return (
    <div style={backdrop} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${name}-title`}
        style={box}
        data-testid={`${name}-dialog`}
      >
        <div style={{ ...s.bar, justifyContent: 'space-between' }}>
          <h2 id={`${name}-title`} style={{ margin: 0, fontSize: 16 }}>
            {props.title}
          </h2>
          <button type="button" onClick={onClose} aria-label="Close (Esc)" data-testid={`${name}-close`}>
            ✕
          </button>
        </div>
        {props.children}
      </div>
    </div>
  );
}
