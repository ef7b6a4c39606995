// The Sandbox page's flow upload: an operator tries an edited Typebot export as a driver before publishing it.
// The export is checked (same rules as `flows check`) and the Sandbox's bot runs it from the next new session.
'use strict';

(() => {
  const { el, show, api } = window.OnboardingConsole;
  const $ = (id) => document.getElementById(id);
  const SEVERITY = { error: 'Erro', warning: 'Aviso', info: 'Nota' };
  const VERDICT = { ok: 'sem problemas', warning: 'com avisos', error: 'com erros' };

  async function upload(event) {
    event.preventDefault();
    const file = $('sb-flow-file').files[0];
    const result = $('sb-flow-result');
    result.replaceChildren();
    if (!file) return;
    let flow;
    try {
      flow = JSON.parse(await file.text());
    } catch {
      result.append(el('p', { class: 'alert error', role: 'alert' }, `${file.name} não é um ficheiro JSON.`));
      show(result, true);
      return;
    }
    try {
      const answer = await (await api('/api/sandbox/flow', { method: 'POST', json: flow })).json();
      const report = answer.report;
      result.append(el('p', { class: report.verdict === 'error' ? 'alert error' : 'alert' },
        `${file.name}: a correr no Sandbox, ${VERDICT[report.verdict] || report.verdict} (${report.errors} erro(s), ${report.warnings} aviso(s)). `
        + 'As conversas já começadas continuam com o fluxo anterior: use um telemóvel novo ou escreva «reiniciar».'));
      if (report.findings.length > 0) {
        result.append(el('ul', { class: 'findings' }, report.findings.map((f) =>
          el('li', { class: `finding ${f.severity}` }, `${SEVERITY[f.severity] || f.severity} [${f.rule}] `,
            f.group ? `grupo «${f.group}»${f.block ? `, bloco ${f.block}` : ''}: ` : '', f.message))));
      }
    } catch (error) {
      result.append(el('p', { class: 'alert error', role: 'alert' }, error.message));
    }
    show(result, true);
  }

  document.addEventListener('DOMContentLoaded', () => {
    const form = $('sb-flow-form');
    if (form) form.addEventListener('submit', upload);
  });
})();
