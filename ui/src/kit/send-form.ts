// A one-line text field with its send button, and reading a submitted form's field: the card's
// ask and announce forms and the web UI's "try a sentence" use them.
import { html } from 'lit';
import { sendIcon } from './icons.js';

/** Reads a form's field and clears it; nothing when it is blank. */
export function take(form: HTMLFormElement, name: string): string | undefined {
  const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  const value = field?.value.trim();
  if (field instanceof HTMLInputElement) field.value = '';
  return value ? value : undefined;
}

/** `send`: the button's text; `what`: what is sent, for the button's accessible name. */
export function textAndSend(
  labels: { readonly send: string; readonly what: string; readonly placeholder: string },
  id: string,
  name: string,
  kind = '',
) {
  return html`<input
      id=${id}
      name=${name}
      type="text"
      maxlength="255"
      autocomplete="off"
      placeholder=${labels.placeholder}
    />
    <button class=${kind} type="submit" aria-label=${`${labels.what}: ${labels.send}`}>
      ${sendIcon}<span>${labels.send}</span>
    </button>`;
}
