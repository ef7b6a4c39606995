// WhatsApp's text markup as a phone shows it: *bold*, _italic_, ~strike~, ```monospace``` and the bot's numbered
// choices ("1. Continuar"). Builds DOM nodes only: the text is never parsed as HTML.
'use strict';

(() => {
  const { el } = window.OnboardingConsole;

  const TAGS = { '*': 'strong', _: 'em', '~': 's' };

  // A marker opens after a non-letter and before a non-space, and closes after a non-space before a non-letter,
  // so "snake_case_name" or "2 * 3 * 4" stay as they are.
  const INLINE = /```([^`]+?)```|(?<![\p{L}\p{N}*_~])([*_~])(?!\s)(.+?)(?<!\s)\2(?![\p{L}\p{N}])/u;
  const CHOICE = /^(\d{1,2})\. (.+)$/;

  function inline(text) {
    const nodes = [];
    let rest = text;
    while (rest) {
      const match = INLINE.exec(rest);
      if (!match) {
        nodes.push(rest);
        break;
      }
      if (match.index > 0) nodes.push(rest.slice(0, match.index));
      nodes.push(match[1] !== undefined ? el('code', {}, match[1]) : el(TAGS[match[2]], {}, ...inline(match[3])));
      rest = rest.slice(match.index + match[0].length);
    }
    return nodes;
  }

  /** The message's lines as nodes; a numbered choice becomes a line of its own with its number set apart. */
  function render(text) {
    return String(text || '').split('\n').map((line) => {
      const choice = CHOICE.exec(line);
      if (choice) return el('span', { class: 'line choice' }, el('b', { class: 'choice-number' }, `${choice[1]}.`), ' ', ...inline(choice[2]));
      return el('span', { class: 'line' }, ...(line ? inline(line) : ['\u00a0']));
    });
  }

  window.WhatsAppText = Object.freeze({ render });
})();
