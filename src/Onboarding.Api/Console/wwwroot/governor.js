// The bridge page's number-safety card: the sending governor's budgets (used / limit per class and window), the ramp
// after a reconnection, whether service notices are paused and why, and the notices not sent in the last day.
'use strict';

(() => {
  const { el, show, formatAt } = window.OnboardingConsole;
  const $ = (id) => document.getElementById(id);

  const CLASSES = { reply: 'Respostas', service_notice: 'Avisos de serviço', new_chat: 'Avisos a conversas novas' };
  const WINDOWS = ['minute', 'hour', 'day'];

  function pauseText(g) {
    if (!g.enabled) return ['', 'Governador desligado (Governor:Enabled): os envios não têm orçamento nem pausa.'];
    if (g.paused_because === 'restricted') {
      return ['bad', `Avisos em pausa até ${formatAt(g.paused_until)}: o WhatsApp recusou um envio com uma restrição. As respostas continuam.`];
    }
    if (g.paused_because === 'session') {
      return ['warn', `Envios à espera da sessão (${g.session}): nada sai até o WhatsApp voltar a estar ligado.`];
    }
    return ['ok', 'Avisos e respostas a sair dentro dos orçamentos.'];
  }

  function cell(window) {
    const text = window.limit === null ? `${window.used} / —` : `${window.used} / ${window.limit}`;
    return el('td', { 'data-window': window.window, class: window.limit !== null && window.used >= window.limit ? 'spent' : null }, text);
  }

  function render(g) {
    const [tone, text] = pauseText(g);
    const badge = $('gov-state');
    badge.className = `badge session-${tone}`;
    badge.textContent = g.notices_paused ? 'EM PAUSA' : g.enabled ? 'A ENVIAR' : 'DESLIGADO';
    badge.dataset.paused = String(g.notices_paused);
    badge.dataset.because = g.paused_because || '';
    $('gov-detail').textContent = text;
    const reason = $('gov-reason');
    reason.textContent = g.paused_reason ? `Motivo: ${g.paused_reason}` : '';
    show(reason, Boolean(g.paused_reason));
    $('gov-ramp').textContent = g.ramp >= 1 ? 'Limites completos (sem rampa).'
      : `Rampa após a ligação: ${Math.round(g.ramp * 100)}% dos limites.`;
    $('gov-budgets').tBodies[0].replaceChildren(...g.budgets.map((b) => el('tr', { 'data-class': b['class'] },
      el('td', {}, CLASSES[b['class']] || b.name),
      ...WINDOWS.map((w) => cell(b.windows.find((x) => x.window === w) || { window: w, used: 0, limit: null })))));
    $('gov-cold').textContent = String(g.skipped_last_day.cold);
    $('gov-expired').textContent = String(g.skipped_last_day.expired);
  }

  window.OnboardingGovernor = Object.freeze({ render });
})();
