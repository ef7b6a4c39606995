// A Cloud API interactive message as the phone shows it: up to three reply buttons under the bubble, or a list behind
// a button that opens its rows. Tapping one calls choose(choiceId); building DOM nodes only, never HTML.
'use strict';

(() => {
  const { el } = window.OnboardingConsole;

  /** The choices of a phone message (null when it has none); choose(id) is called with the tapped button's or row's id. */
  function render(message, choose) {
    if (!message.choices || message.choices.length === 0) return null;
    const option = (c, extra) => el('button', { type: 'button', class: `wa-choice ${extra}`, 'data-choice': c.id, onclick: () => choose(c.id) },
      el('span', { class: 'wa-choice-title' }, c.title),
      c.description ? el('span', { class: 'wa-choice-description' }, c.description) : null);
    if (message.choice_kind === 'list') {
      return el('details', { class: 'wa-list' },
        el('summary', { class: 'wa-list-button' }, message.choices_label || '☰'),
        el('div', { class: 'wa-list-rows' }, ...message.choices.map((c) => option(c, 'wa-row'))));
    }
    return el('div', { class: 'wa-buttons' }, ...message.choices.map((c) => option(c, 'wa-button')));
  }

  window.WhatsAppChoices = Object.freeze({ render });
})();
