// The Sandbox page: a simulated driver's phone beside the fake Chatwoot's agent view, polled about once a second.
// Only in Sandbox mode: /api/sandbox/info answers 404 elsewhere, and the page's link stays hidden.
'use strict';

(() => {
  const { el, show, api, addPage } = window.OnboardingConsole;
  const { render } = window.WhatsAppText;
  const choices = window.WhatsAppChoices;
  const $ = (id) => document.getElementById(id);

  const POLL_MS = 1000;
  // Right after the driver or the agent writes, the answer is usually a moment away: look more often for a while.
  const EAGER_POLL_MS = 250;
  const EAGER_FOR_MS = 4000;
  const PHONE_STORAGE = 'onboarding.sandbox.phone';
  const PHONE_SENDERS = { bot: 'Bot', agent: 'Agente', notice: 'Aviso', company: 'Empresa' };
  const AGENT_SENDERS = { driver: 'Motorista', bot: 'Bot', agent: 'Agente', notice: 'Aviso', company: 'Empresa', note: 'Nota privada' };
  const STATUSES = { open: 'Aberta', pending: 'Pendente', resolved: 'Resolvida', snoozed: 'Adiada' };
  const MODES = { bot: 'Bot', human: 'Agentes', closed: 'Fechada' };
  const DRIVER_LINK = /(https?:\/\/\S+?\/console#\/drivers\/([0-9a-f-]{36}))/;
  const clock = new Intl.DateTimeFormat('pt-PT', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Lisbon' });

  const state = {
    active: false,
    timer: null,
    generation: 0,
    eagerUntil: 0,
    phone: loadPhone(), // { digits, name }
    phones: [],
    conversationId: null,
    followPhone: true, // the agent view shows the phone's conversation until the agent picks another
    shown: { phones: '', chat: '', conversations: '', messages: '' },
  };

  function loadPhone() {
    try { return JSON.parse(sessionStorage.getItem(PHONE_STORAGE) || 'null'); } catch { return null; }
  }

  function selectPhone(phone) {
    state.phone = phone;
    sessionStorage.setItem(PHONE_STORAGE, JSON.stringify(phone));
    state.followPhone = true;
    state.shown.chat = '';
    state.shown.phones = '';
    // Number and chat change together: the previous phone's bubbles never show under the new number.
    $('sb-chat').replaceChildren();
    $('sb-chat').dataset.count = '0';
    $('sb-phone-name').textContent = phone.name || 'Sem nome';
    $('sb-phone-number').textContent = `+${phone.digits}`;
  }

  const digitsOf = (text) => String(text || '').replace(/\D/g, '');
  const time = (iso) => clock.format(new Date(iso));

  function randomMobile() {
    const prefix = ['91', '92', '93', '96'][Math.floor(Math.random() * 4)];
    return `+351 ${prefix}${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  }

  // ---- Polling ------------------------------------------------------------------------------------------------

  function enter() {
    state.active = true;
    state.generation += 1;
    state.shown = { phones: '', chat: '', conversations: '', messages: '' };
    if (!$('sb-new-number').value) $('sb-new-number').value = randomMobile();
    tick(state.generation);
  }

  function leave() {
    state.active = false;
    clearTimeout(state.timer);
  }

  async function tick(generation) {
    clearTimeout(state.timer);
    try {
      await refresh(generation);
      show($('sandbox-error'), false);
    } catch (error) {
      if (generation !== state.generation || !state.active) return;
      if (error.status === 404) {
        fail('O Sandbox não está ativo neste servidor (Onboarding:Mode=Sandbox).');
        return;
      }
      if (error.status !== 401) fail(error.message);
    }
    if (state.active && generation === state.generation) {
      clearTimeout(state.timer);
      state.timer = setTimeout(() => tick(generation), Date.now() < state.eagerUntil ? EAGER_POLL_MS : POLL_MS);
    }
  }

  function fail(message) {
    $('sandbox-error').textContent = message;
    show($('sandbox-error'), true);
  }

  const getJson = async (path) => (await api(path)).json();

  async function refresh(generation) {
    const current = () => state.active && generation === state.generation;
    const phones = await getJson('/api/sandbox/phones');
    if (!current()) return;
    renderPhones(phones.phones);
    if (state.phone) {
      // The phone may change while its chat is fetched: an answer for another phone is dropped, never drawn under
      // this phone's number.
      const digits = state.phone.digits;
      const chat = await getJson(`/api/sandbox/phones/${encodeURIComponent(digits)}/messages`);
      if (!current()) return;
      if (state.phone && state.phone.digits === digits) renderChat(chat);
    }
    const list = await getJson('/api/sandbox/conversations');
    if (!current()) return;
    renderConversations(list.conversations);
    if (state.conversationId !== null) {
      const conversation = await getJson(`/api/sandbox/conversations/${state.conversationId}/messages`);
      if (!current()) return;
      renderConversation(conversation);
    }
  }

  function refreshSoon() {
    state.eagerUntil = Date.now() + EAGER_FOR_MS;
    if (state.active) tick(state.generation);
  }

  // ---- The phone ----------------------------------------------------------------------------------------------

  function renderPhones(phones) {
    state.phones = phones;
    if (!state.phone && phones.length > 0) selectPhone({ digits: digitsOf(phones[0].phone || phones[0].chat_id), name: phones[0].name });
    const options = phones.map((p) => ({ digits: digitsOf(p.phone || p.chat_id), label: `${p.name || 'Sem nome'} · ${p.phone || p.chat_id}` }));
    if (state.phone && !options.some((o) => o.digits === state.phone.digits)) {
      options.unshift({ digits: state.phone.digits, label: `${state.phone.name || 'Sem nome'} · +${state.phone.digits} (novo)` });
    }
    const signature = JSON.stringify([options, state.phone && state.phone.digits]);
    if (signature === state.shown.phones) return;
    state.shown.phones = signature;
    const select = $('sb-phones');
    select.replaceChildren(...(options.length ? options : [{ digits: '', label: 'Crie um telemóvel →' }])
      .map((o) => el('option', { value: o.digits, selected: state.phone && o.digits === state.phone.digits }, o.label)));
    $('sb-phone-name').textContent = state.phone ? state.phone.name || 'Sem nome' : 'Nenhum telemóvel';
    $('sb-phone-number').textContent = state.phone ? `+${state.phone.digits}` : '';
    $('sb-text').disabled = !state.phone;
    $('sb-send').disabled = !state.phone;
  }

  function renderChat(chat) {
    // The sender is part of it: a label may be settled after the message is first shown.
    const signature = JSON.stringify(chat.messages.map((m) => [m.id, m.ack, m.sender]));
    if (signature === state.shown.chat) return;
    state.shown.chat = signature;
    if (chat.name && state.phone && !state.phone.name) {
      state.phone.name = chat.name;
      $('sb-phone-name').textContent = chat.name;
    }
    const list = $('sb-chat');
    list.replaceChildren(...chat.messages.map(phoneBubble));
    list.dataset.count = String(chat.messages.length);
    list.scrollTop = list.scrollHeight;
  }

  function phoneBubble(m) {
    const mine = m.sender === 'driver';
    return el('li', { class: `bubble ${mine ? 'mine' : 'theirs'}`, 'data-sender': m.sender },
      mine ? null : el('span', { class: 'sender' }, PHONE_SENDERS[m.sender] || m.sender),
      el('div', { class: 'text' }, m.type === 'chat' ? render(m.text) : mediaText(m)),
      mine ? null : choices.render(m, (choiceId) => chooseAsDriver(m.id, choiceId)),
      m.error ? el('span', { class: 'wa-error' }, `Não entregue (${m.error})`) : null,
      el('span', { class: 'meta' }, time(m.at)));
  }

  const mediaText = (m) => el('span', { class: 'line media' }, `[${m.type}${m.file_name ? `: ${m.file_name}` : ''}]${m.text ? ` ${m.text}` : ''}`);

  async function createPhone(event) {
    event.preventDefault();
    const raw = $('sb-new-number').value.trim();
    const name = $('sb-new-name').value.trim();
    if (!raw) return;
    try {
      // The server normalises the number (national, E.164 or digits) and says whether it is valid.
      const chat = await getJson(`/api/sandbox/phones/${encodeURIComponent(raw)}/messages`);
      selectPhone({ digits: digitsOf(chat.phone), name: name || chat.name || null });
      $('sb-new-number').value = '';
      $('sb-new-name').value = '';
      show($('sandbox-error'), false);
      refreshSoon();
      $('sb-text').focus();
    } catch (error) {
      fail(error.status === 400 ? `Número inválido: ${raw}` : error.message);
    }
  }

  function pickPhone() {
    const digits = $('sb-phones').value;
    if (!digits) return;
    const known = state.phones.find((p) => digitsOf(p.phone || p.chat_id) === digits);
    selectPhone({ digits, name: known ? known.name : null });
    refreshSoon();
  }

  async function sendAsDriver(event) {
    event.preventDefault();
    const input = $('sb-text');
    const text = input.value.trim();
    if (!text || !state.phone) return;
    $('sb-send').disabled = true;
    try {
      await api(`/api/sandbox/phones/${encodeURIComponent(state.phone.digits)}/messages`, {
        method: 'POST',
        json: { name: state.phone.name || null, text },
      });
      input.value = '';
      refreshSoon();
    } catch (error) {
      fail(`Não foi possível enviar: ${error.message}`);
    } finally {
      $('sb-send').disabled = false;
      input.focus();
    }
  }

  /** Over the Cloud API: the driver taps a reply button or a list row of the company's message. */
  async function chooseAsDriver(messageId, choiceId) {
    if (!state.phone) return;
    try {
      await api(`/api/sandbox/phones/${encodeURIComponent(state.phone.digits)}/choices`, {
        method: 'POST',
        json: { message_id: messageId, choice_id: choiceId },
      });
      refreshSoon();
    } catch (error) {
      fail(`Não foi possível escolher: ${error.message}`);
    }
  }

  // ---- The agent view -----------------------------------------------------------------------------------------

  const tag = (kind, value, label) => el('span', { class: `tag ${kind}-${value}`, 'data-kind': kind }, label);

  function conversationTags(c) {
    return [
      tag('status', c.status, STATUSES[c.status] || c.status),
      c.mode ? tag('mode', c.mode, `modo: ${MODES[c.mode] || c.mode}`) : null,
      c.team ? tag('team', 'set', `equipa: ${c.team}`) : null,
      ...c.labels.map((l) => tag('label', 'set', l)),
    ].filter(Boolean);
  }

  function renderConversations(conversations) {
    if (state.followPhone && state.phone) {
      const mine = conversations.find((c) => digitsOf(c.contact_phone) === state.phone.digits);
      if (mine && mine.id !== state.conversationId) {
        state.conversationId = mine.id;
        state.shown.messages = '';
      }
    }
    const signature = JSON.stringify([conversations, state.conversationId]);
    if (signature === state.shown.conversations) return;
    state.shown.conversations = signature;
    show($('sb-no-conversations'), conversations.length === 0);
    $('sb-conversations').replaceChildren(...conversations.map((c) => el('li', {},
      el('button', {
        type: 'button',
        class: c.id === state.conversationId ? 'conversation selected' : 'conversation',
        'data-id': c.id,
        'data-status': c.status,
        onclick: () => pickConversation(c.id),
      },
      el('span', { class: 'who' }, c.contact_name || c.contact_phone || `#${c.id}`, ' ', el('span', { class: 'muted' }, c.contact_phone || '')),
      el('span', { class: 'tags' }, ...conversationTags(c)),
      el('span', { class: 'last' }, c.last_text || '')))));
    forgetMissingConversation(conversations);
  }

  function forgetMissingConversation(conversations) {
    if (state.conversationId !== null && !conversations.some((c) => c.id === state.conversationId)) {
      state.conversationId = null;
      show($('sb-conversation'), false);
    }
  }

  function pickConversation(id) {
    state.followPhone = false;
    state.conversationId = id;
    state.shown.messages = '';
    state.shown.conversations = '';
    refreshSoon();
  }

  function renderConversation({ conversation: c, messages }) {
    const signature = JSON.stringify([c, messages.map((m) => [m.id, m.status, m.sender])]);
    if (signature === state.shown.messages) return;
    state.shown.messages = signature;
    $('sb-conversation-title').textContent = `#${c.id} · ${c.contact_name || c.contact_phone || ''}`;
    $('sb-conversation-tags').replaceChildren(...conversationTags(c));
    $('sb-resolve').disabled = c.status === 'resolved';
    const list = $('sb-messages');
    list.dataset.status = c.status;
    list.replaceChildren(...messages.map(agentBubble));
    list.scrollTop = list.scrollHeight;
    show($('sb-conversation'), true);
  }

  function agentBubble(m) {
    const side = m.private ? 'note' : m.message_type === 'incoming' ? 'theirs' : 'mine';
    return el('li', { class: `bubble ${side}`, 'data-sender': m.sender, 'data-private': String(m.private) },
      el('span', { class: 'sender' }, AGENT_SENDERS[m.sender] || m.sender),
      el('div', { class: 'text' }, ...linkDrivers(m.content || '')),
      m.attachments.length ? el('div', { class: 'attachments' }, `Anexos: ${m.attachments.join(', ')}`) : null,
      el('span', { class: 'meta' }, time(m.at)));
  }

  /** The summary note's console link opens the driver here; everything else stays text. */
  function linkDrivers(text) {
    return text.split(DRIVER_LINK).flatMap((part, i, parts) => {
      if (i % 3 === 1) return [el('a', { href: `#/drivers/${parts[i + 1]}`, class: 'driver-link' }, part)];
      return i % 3 === 2 ? [] : [part];
    });
  }

  async function replyAsAgent(event) {
    event.preventDefault();
    const input = $('sb-reply-text');
    const text = input.value.trim();
    if (!text || state.conversationId === null) return;
    $('sb-reply-send').disabled = true;
    try {
      await api(`/api/sandbox/conversations/${state.conversationId}/replies`, { method: 'POST', json: { text } });
      input.value = '';
      refreshSoon();
    } catch (error) {
      fail(`Não foi possível responder: ${error.message}`);
    } finally {
      $('sb-reply-send').disabled = false;
    }
  }

  async function resolveConversation() {
    if (state.conversationId === null) return;
    try {
      await api(`/api/sandbox/conversations/${state.conversationId}/resolve`, { method: 'POST' });
      refreshSoon();
    } catch (error) {
      fail(`Não foi possível resolver: ${error.message}`);
    }
  }

  // ---- Start --------------------------------------------------------------------------------------------------

  /** In Sandbox mode: show the page's link and fill the login with the development staff key. */
  async function detectSandbox() {
    let info;
    try {
      const response = await fetch('/api/sandbox/info', { credentials: 'omit', cache: 'no-store' });
      if (!response.ok) return;
      info = await response.json();
    } catch {
      return;
    }
    show($('nav-sandbox'), true);
    if (info.staff_key && !$('api-key').value) $('api-key').value = info.staff_key;
  }

  addPage({ hash: '#/sandbox', view: 'sandbox-view', enter, leave });

  document.addEventListener('DOMContentLoaded', () => {
    $('sb-new-phone').addEventListener('submit', createPhone);
    $('sb-phones').addEventListener('change', pickPhone);
    $('sb-compose').addEventListener('submit', sendAsDriver);
    $('sb-reply').addEventListener('submit', replyAsAgent);
    $('sb-resolve').addEventListener('click', resolveConversation);
    detectSandbox();
  });
})();
