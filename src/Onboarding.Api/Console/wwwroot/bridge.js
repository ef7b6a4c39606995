// The bridge page: WhatsApp session (and its QR code while it waits for a scan), queues, the number's sending governor
// (governor.js), recent latencies and dead letters with a retry button, polled every two seconds.
'use strict';

(() => {
  const { el, show, api, formatAt, addPage } = window.OnboardingConsole;
  const $ = (id) => document.getElementById(id);

  const POLL_MS = 2000;
  const SESSION = {
    CONNECTED: ['ok', 'Ligada ao WhatsApp.'],
    QRCODE: ['warn', 'À espera da leitura do código QR no telemóvel da empresa.'],
    INITIALIZING: ['warn', 'A sessão está a iniciar.'],
    CLOSED: ['bad', 'Sessão fechada: o bridge tenta reabri-la com o login guardado.'],
    UNREACHABLE: ['bad', 'O servidor WPPConnect não responde.'],
  };
  const LANES = { whatsapp: 'WhatsApp', chatwoot: 'Chatwoot' };
  // Only an image WPPConnect encoded itself is shown (the page's policy allows data: for images only).
  const QR_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/;

  const state = { active: false, timer: null, generation: 0 };

  function enter() {
    state.active = true;
    state.generation += 1;
    show($('dead-message'), false);
    tick(state.generation);
  }

  function leave() {
    state.active = false;
    clearTimeout(state.timer);
  }

  async function tick(generation) {
    clearTimeout(state.timer);
    try {
      const [status, governor, dead] = await Promise.all([
        api('/api/bridge/status').then((r) => r.json()),
        api('/api/bridge/governor').then((r) => r.json()),
        api('/api/bridge/dead-letters').then((r) => r.json()),
      ]);
      if (!state.active || generation !== state.generation) return;
      renderStatus(status);
      window.OnboardingGovernor.render(governor);
      renderDeadLetters(dead);
      $('br-updated').textContent = `Atualizado às ${new Date().toLocaleTimeString('pt-PT')}`;
      show($('bridge-error'), false);
    } catch (error) {
      if (!state.active || generation !== state.generation || error.status === 401) return;
      $('bridge-error').textContent = error.message;
      show($('bridge-error'), true);
    }
    if (state.active && generation === state.generation) {
      clearTimeout(state.timer);
      state.timer = setTimeout(() => tick(generation), POLL_MS);
    }
  }

  function renderStatus({ session, queues, latencies }) {
    const status = session.status || 'UNKNOWN';
    const [tone, text] = SESSION[status] || ['', 'Sem informação da sessão ainda.'];
    const badge = $('br-session');
    badge.className = `badge session-${tone}`;
    badge.textContent = status;
    badge.dataset.status = status;
    $('br-session-detail').textContent = [text, session.last_event ? `Último evento: ${session.last_event}.` : '',
      session.checked_at ? `Verificada em ${formatAt(session.checked_at)}.` : ''].filter(Boolean).join(' ');
    const qr = $('br-qr');
    const showQr = typeof session.qr_code === 'string' && QR_IMAGE.test(session.qr_code);
    if (showQr && qr.getAttribute('src') !== session.qr_code) qr.setAttribute('src', session.qr_code);
    if (!showQr) qr.removeAttribute('src');
    show(qr, showQr);

    $('br-backlog').textContent = String(queues.inbound_backlog);
    $('br-failed').textContent = String(queues.inbound_failed);
    $('br-outbox').textContent = String(queues.outbox);
    $('br-dead').textContent = String(queues.dead_letters);

    const ms = (v) => (v === null || v === undefined ? '—' : `${Math.round(v)} ms`);
    const rows = [['Entrada (recebida → processada)', latencies.inbound], ['Saída (em fila → enviada)', latencies.outbox]];
    $('br-latencies').tBodies[0].replaceChildren(...rows.map(([label, s]) => el('tr', {},
      el('td', {}, label), el('td', {}, String(s.samples)), el('td', {}, ms(s.p50_ms)), el('td', {}, ms(s.p95_ms)))));
  }

  function renderDeadLetters({ total, items }) {
    const tbody = $('dead-letters').tBodies[0];
    tbody.replaceChildren(...items.map((d) => el('tr', { 'data-id': d.id },
      el('td', { class: 'mono' }, String(d.id)),
      el('td', { class: 'mono' }, d.chat),
      el('td', {}, `${LANES[d.lane] || d.lane} · ${d.kind}`),
      el('td', {}, String(d.attempts)),
      el('td', { class: 'error-text' }, d.last_error || '—'),
      el('td', {}, formatAt(d.created_at)),
      el('td', {}, el('button', { type: 'button', class: 'retry', onclick: (e) => retry(d.id, e.currentTarget) }, 'Repetir')))));
    $('dead-letters').dataset.total = String(total);
    show($('dead-empty'), items.length === 0);
  }

  async function retry(id, button) {
    button.disabled = true;
    const message = $('dead-message');
    try {
      await api(`/api/bridge/dead-letters/${encodeURIComponent(id)}/retry`, { method: 'POST' });
      message.className = 'alert success';
      message.textContent = `O envio ${id} voltou à fila.`;
    } catch (error) {
      message.className = 'alert error';
      message.textContent = error.status === 409 || error.status === 404
        ? `O envio ${id} já não é uma dead letter: ${error.message}` : `Não foi possível repetir o envio ${id}: ${error.message}`;
      button.disabled = false;
    }
    show(message, true);
    if (state.active) tick(state.generation);
  }

  addPage({ hash: '#/bridge', view: 'bridge-view', enter, leave });
})();
