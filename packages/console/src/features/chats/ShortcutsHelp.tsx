import { useEffect, useRef } from 'react';
import { chatShortcuts } from './chat-shortcuts.ts';
import { useChatsTexts } from './texts.ts';

/**
 * The list of the chats page's keyboard shortcuts, in a modal dialog (the browser keeps focus in
 * it and closes it with Escape); focus goes back to where it was when it closes.
 */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const texts = useChatsTexts();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  function handleClose() {
    onClose();
    returnTo.current?.focus();
    returnTo.current = null;
  }

  return (
    <dialog ref={dialog} className="ward-dialog" aria-labelledby="shortcuts-heading" onClose={handleClose}>
      <h2 id="shortcuts-heading" className="govuk-heading-m">
        {texts.keyboardShortcuts}
      </h2>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">{texts.shortcutsCaption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {texts.keys}
            </th>
            <th scope="col" className="govuk-table__header">
              {texts.whatTheyDo}
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {chatShortcuts.map((item) => (
            <tr className="govuk-table__row" key={item.shortcut}>
              <td className="govuk-table__cell">
                <kbd className="ward-kbd">{item.keys}</kbd>
              </td>
              <td className="govuk-table__cell">{texts.shortcuts[item.shortcut]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        data-module="govuk-button"
        onClick={() => dialog.current?.close()}
      >
        {texts.close}
      </button>
    </dialog>
  );
}
