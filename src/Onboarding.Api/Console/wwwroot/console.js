// Staff console over the driver records API. No framework, no build step; every API call sends X-Api-Key.
'use strict';

(() => {
  const KEY_STORAGE = 'onboarding.staffKey';

  const STATUS = {
    submitted: 'Submetido',
    under_review: 'Em análise',
    approved: 'Aprovado',
    rejected: 'Rejeitado',
    withdrawn: 'Desistiu',
    erased: 'Apagado',
  };

  // The button for moving a driver to each status, in display order.
  const ACTIONS = [
    ['under_review', 'Colocar em análise', ''],
    ['approved', 'Aprovar', 'primary'],
    ['rejected', 'Rejeitar', 'danger'],
    ['submitted', 'Reabrir', ''],
    ['withdrawn', 'Marcar desistência', ''],
  ];

  const VEHICLES = {
    bicycle: 'Bicicleta',
    moped: 'Ciclomotor até 50 cc',
    motorcycle_125: 'Mota até 125 cc',
    motorcycle: 'Mota acima de 125 cc',
    car: 'Carro',
    van: 'Carrinha até 3,5 t',
  };

  const DISTRICTS = [
    ['PT-01', 'Aveiro'], ['PT-02', 'Beja'], ['PT-03', 'Braga'], ['PT-04', 'Bragança'], ['PT-05', 'Castelo Branco'],
    ['PT-06', 'Coimbra'], ['PT-07', 'Évora'], ['PT-08', 'Faro'], ['PT-09', 'Guarda'], ['PT-10', 'Leiria'],
    ['PT-11', 'Lisboa'], ['PT-12', 'Portalegre'], ['PT-13', 'Porto'], ['PT-14', 'Santarém'], ['PT-15', 'Setúbal'],
    ['PT-16', 'Viana do Castelo'], ['PT-17', 'Vila Real'], ['PT-18', 'Viseu'], ['PT-20', 'Região Autónoma dos Açores'],
    ['PT-30', 'Região Autónoma da Madeira'],
  ];

  const FIELD_NAMES = { reason: 'Motivo', status: 'Estado', version: 'Versão' };

  const DAY = { day: '2-digit', month: '2-digit', year: 'numeric' };
  const dateTime = new Intl.DateTimeFormat('pt-PT', { ...DAY, hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Lisbon' });
  const dateOnly = new Intl.DateTimeFormat('pt-PT', { ...DAY, timeZone: 'UTC' });

  const $ = (id) => document.getElementById(id);

  /** Builds an element; children are nodes or strings (always inserted as text, never as HTML). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  const show = (node, visible) => { node.hidden = !visible; };
  const formatAt = (iso) => (iso ? dateTime.format(new Date(iso)) : '—');
  const statusBadge = (status) => el('span', { class: `badge s-${status}` }, STATUS[status] || status);
  // Issue #20: shown beside the status until a new document is approved.
  const expiredBadge = () => el('span', { class: 'badge s-expired', title: 'Um documento aprovado passou a data de validade' }, 'documentos caducados');

  // ---- API ----------------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, messages) {
      super(messages.join(' '));
      this.status = status;
      this.messages = messages;
    }
  }

  const apiKey = () => sessionStorage.getItem(KEY_STORAGE);

  /** Calls the API with the staff key; throws ApiError with readable messages from a problem+json body. */
  async function api(path, options = {}) {
    const headers = { 'X-Api-Key': apiKey() || '', Accept: 'application/json, text/csv', ...(options.headers || {}) };
    let body;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    let response;
    try {
      response = await fetch(path, { method: options.method || 'GET', headers, body, credentials: 'omit', cache: 'no-store' });
    } catch {
      throw new ApiError(0, ['Sem ligação ao servidor.']);
    }
    if (response.status === 401) {
      logout('A chave de API foi recusada. Introduza-a de novo.');
      throw new ApiError(401, ['Chave de API em falta ou inválida.']);
    }
    if (!response.ok) throw new ApiError(response.status, await problemMessages(response));
    return response;
  }

  async function problemMessages(response) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON */ }
    const messages = [];
    if (problem && Array.isArray(problem.errors)) {
      for (const e of problem.errors) {
        const text = e.reason || e.message;
        if (!text) continue;
        const field = FIELD_NAMES[e.name] || FIELD_NAMES[e.field];
        messages.push(field ? `${field}: ${text}` : text);
      }
    } else if (problem && problem.errors && typeof problem.errors === 'object') {
      for (const [name, list] of Object.entries(problem.errors)) {
        for (const text of [].concat(list)) messages.push(`${FIELD_NAMES[name] || name}: ${text}`);
      }
    }
    if (messages.length === 0 && problem && (problem.detail || problem.title)) messages.push(problem.detail || problem.title);
    if (messages.length === 0) messages.push(`Erro ${response.status}.`);
    return messages;
  }

  /** Saves a response body as a file (the API needs the key header, so a plain link cannot be used). */
  async function download(response, fallbackName) {
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: match ? decodeURIComponent(match[1]) : fallbackName, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // ---- Session ------------------------------------------------------------------------------------------------

  function logout(message) {
    sessionStorage.removeItem(KEY_STORAGE);
    showLogin(message);
  }

  function showLogin(message) {
    leavePage();
    for (const id of ['list-view', 'driver-view', 'logout', 'nav', ...pages.map((p) => p.view)]) show($(id), false);
    show($('login-view'), true);
    $('login-error').textContent = message || '';
    show($('login-error'), Boolean(message));
    $('api-key').focus();
  }

  async function login(event) {
    event.preventDefault();
    const key = $('api-key').value.trim();
    sessionStorage.setItem(KEY_STORAGE, key);
    try {
      await api('/api/drivers?limit=1');
    } catch (error) {
      if (error.status !== 401) {
        sessionStorage.removeItem(KEY_STORAGE);
        showLogin(error.status === 403 ? 'Esta chave não é uma chave de staff.' : error.message);
      }
      return;
    }
    $('api-key').value = '';
    show($('login-view'), false);
    route();
  }

  // ---- Drivers list -------------------------------------------------------------------------------------------

  // seq discards the answer to a superseded request (filters changed while a page was loading).
  const list = { cursor: null, seq: 0 };

  function pageSize() {
    const limit = Number.parseInt(new URLSearchParams(location.search).get('limit') || '', 10);
    return Number.isInteger(limit) && limit >= 1 && limit <= 500 ? limit : 50;
  }

  function filterQuery() {
    const query = new URLSearchParams();
    for (const [name, value] of new FormData($('filters'))) {
      if (String(value).trim() !== '') query.set(name, String(value).trim());
    }
    return query;
  }

  async function loadDrivers(reset) {
    const seq = ++list.seq;
    const table = $('drivers');
    const tbody = table.tBodies[0];
    if (reset) {
      list.cursor = null;
      tbody.replaceChildren();
    }
    table.dataset.state = 'loading';
    show($('list-empty'), false);
    show($('list-error'), false);
    show($('list-loading'), true);
    show($('load-more'), false);
    const query = filterQuery();
    query.set('limit', String(pageSize()));
    if (list.cursor) query.set('cursor', list.cursor);
    try {
      const page = await (await api(`/api/drivers?${query}`)).json();
      if (seq !== list.seq) return;
      for (const d of page.items) tbody.append(driverRow(d));
      list.cursor = page.next_cursor || null;
      show($('list-empty'), tbody.rows.length === 0);
      show($('load-more'), Boolean(list.cursor));
    } catch (error) {
      if (seq !== list.seq) return;
      $('list-error').textContent = error.message;
      show($('list-error'), true);
    }
    show($('list-loading'), false);
    table.dataset.state = 'ready';
  }

  function driverRow(d) {
    const href = `#/drivers/${encodeURIComponent(d.id)}`;
    return el('tr', { 'data-id': d.id, onclick: (e) => { if (e.target.tagName !== 'A') location.hash = href; } },
      el('td', {}, el('a', { href }, d.full_name || '(sem nome)')),
      el('td', { class: 'mono' }, d.phone_e164),
      el('td', { class: 'mono' }, d.nif_masked || '—'),
      el('td', {}, d.district_name || '—'),
      el('td', {}, VEHICLES[d.vehicle_type] || d.vehicle_type || '—'),
      el('td', {}, statusBadge(d.status), d.documents_expired ? expiredBadge() : null),
      el('td', {}, formatAt(d.created_at)));
  }

  async function exportCsv() {
    const button = $('export-csv');
    button.disabled = true;
    show($('list-error'), false);
    try {
      await download(await api(`/api/drivers/export.csv?${filterQuery()}`), 'drivers.csv');
    } catch (error) {
      $('list-error').textContent = `Exportação falhou: ${error.message}`;
      show($('list-error'), true);
    } finally {
      button.disabled = false;
    }
  }

  // ---- One driver ---------------------------------------------------------------------------------------------

  let current = null;

  async function loadDriver(id) {
    show($('driver-error'), false);
    show($('driver-body'), false);
    show($('action-message'), false);
    $('reason').value = '';
    try {
      renderDriver(await (await api(`/api/drivers/${encodeURIComponent(id)}`)).json());
    } catch (error) {
      current = null;
      $('driver-error').textContent = error.status === 404 ? 'Motorista não encontrado.' : error.message;
      show($('driver-error'), true);
    }
  }

  function renderDriver(d) {
    current = d;
    $('d-name').textContent = d.full_name || '(sem nome)';
    $('d-status').replaceWith(el('span', { id: 'd-status' }, statusBadge(d.status), d.documents_expired ? expiredBadge() : null));
    $('d-version').textContent = `versão ${d.version}`;

    const fields = [
      ['Telefone', d.phone_e164], ['WhatsApp', d.wa_chat_id], ['NIF', d.nif], ['Email', d.email],
      ['Data de nascimento', d.birth_date ? dateOnly.format(new Date(d.birth_date)) : null],
      ['Distrito', d.district_name], ['Concelho', d.municipality], ['Código postal', d.postal_code],
      ['Veículo', VEHICLES[d.vehicle_type] || d.vehicle_type], ['Matrícula', d.licence_plate],
      ['Carta de condução', d.driving_licence_number], ['Categorias', (d.licence_categories || []).join(', ')],
      ['IBAN', d.iban], ['Disponibilidade', d.availability],
      ['Aviso de privacidade', d.privacy_notice_version
        ? `versão ${d.privacy_notice_version}, aceite ${formatAt(d.privacy_accepted_at)}` : null],
      ['Origem', d.source], ['Conversa Chatwoot', d.chatwoot_conversation_id],
      ['Registado em', formatAt(d.created_at)], ['Atualizado em', formatAt(d.updated_at)], ['ID', d.id],
    ];
    $('d-fields').replaceChildren(...fields.flatMap(([label, value]) => [
      el('dt', {}, label),
      el('dd', {}, value === null || value === undefined || value === '' ? '—' : String(value)),
    ]));

    const next = new Set(d.next_statuses || []);
    const buttons = ACTIONS.filter(([status]) => next.has(status)).map(([status, label, style]) =>
      el('button', { type: 'button', class: style, 'data-status': status, onclick: () => changeStatus(status) }, label));
    $('status-actions').replaceChildren(...(buttons.length ? buttons : [el('span', { class: 'muted' }, 'Sem ações disponíveis neste estado.')]));

    $('history').tBodies[0].replaceChildren(...(d.history || []).map((h) => el('tr', { 'data-at': h.at },
      el('td', {}, formatAt(h.at)),
      el('td', {}, h.from_status ? statusBadge(h.from_status) : '—'),
      el('td', {}, statusBadge(h.to_status)),
      el('td', {}, h.reason || '—'),
      el('td', {}, h.actor))));

    const erased = d.status === 'erased';
    $('gdpr-erase').disabled = erased;
    show($('driver-body'), true);
  }

  function actionMessage(kind, ...lines) {
    const box = $('action-message');
    box.className = `alert ${kind}`;
    box.replaceChildren(...lines.map((line, i) => (i === 0 ? el('strong', {}, line) : el('div', {}, line))));
    show(box, true);
  }

  async function changeStatus(status) {
    if (!current) return;
    const buttons = [...$('status-actions').querySelectorAll('button')];
    buttons.forEach((b) => { b.disabled = true; });
    show($('action-message'), false);
    const reason = $('reason').value.trim();
    try {
      const response = await api(`/api/drivers/${encodeURIComponent(current.id)}/status`, {
        method: 'POST',
        json: { status, reason: reason || null, version: current.version },
      });
      renderDriver(await response.json());
      $('reason').value = '';
      actionMessage('success', `Estado alterado para «${STATUS[status] || status}».`);
    } catch (error) {
      buttons.forEach((b) => { b.disabled = false; });
      if (error.status === 409) {
        actionMessage('error', 'Conflito: o registo foi alterado por outra pessoa ou a transição não é permitida.',
          ...error.messages, 'Recarregue o motorista para ver o estado atual antes de decidir.');
        if (!$('reload-driver')) {
          $('status-actions').append(el('button', { type: 'button', id: 'reload-driver', onclick: () => loadDriver(current.id) }, 'Recarregar'));
        }
      } else if (error.status === 400) {
        actionMessage('error', 'Pedido inválido.', ...error.messages);
        $('reason').focus();
      } else if (error.status !== 401) {
        actionMessage('error', 'Não foi possível alterar o estado.', error.message);
      }
    }
  }

  async function gdprExport() {
    if (!current) return;
    try {
      await download(await api(`/api/drivers/${encodeURIComponent(current.id)}/gdpr-export`), `driver-${current.id}.json`);
    } catch (error) {
      actionMessage('error', 'Exportação RGPD falhou.', error.message);
    }
  }

  async function gdprErase() {
    if (!current) return;
    const name = current.full_name || current.phone_e164;
    if (!window.confirm(`Apagar todos os dados pessoais de ${name}? Esta ação não pode ser desfeita.`)) return;
    try {
      renderDriver(await (await api(`/api/drivers/${encodeURIComponent(current.id)}/erase`, { method: 'POST' })).json());
      actionMessage('success', 'Dados pessoais apagados. O registo anónimo e o histórico foram mantidos.');
    } catch (error) {
      actionMessage('error', 'Não foi possível apagar os dados.', error.message);
    }
  }

  // ---- Routing ------------------------------------------------------------------------------------------------

  // Pages the other scripts add (sandbox.js, bridge.js): { hash, view, enter(), leave() }; leave() stops their polling.
  const pages = [];
  let activePage = null;

  function leavePage() {
    if (activePage) activePage.leave();
    activePage = null;
  }

  function route() {
    leavePage();
    if (!apiKey()) {
      showLogin();
      return;
    }
    show($('login-view'), false);
    show($('logout'), true);
    show($('nav'), true);
    const page = pages.find((p) => p.hash === location.hash) || null;
    for (const p of pages) show($(p.view), p === page);
    for (const link of $('nav').querySelectorAll('a')) {
      if (link.getAttribute('href') === (page ? page.hash : '#/')) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    const match = !page && /^#\/drivers\/([^/]+)$/.exec(location.hash);
    show($('driver-view'), Boolean(match));
    show($('list-view'), !page && !match);
    if (page) {
      activePage = page;
      page.enter();
    } else if (match) {
      loadDriver(decodeURIComponent(match[1]));
    } else {
      // Coming back from a driver refreshes the list so status changes show.
      loadDrivers(true);
    }
  }

  function fillSelect(select, entries) {
    select.append(...entries.map(([value, label]) => el('option', { value }, label)));
  }

  function start() {
    fillSelect($('f-status'), Object.entries(STATUS));
    fillSelect($('f-district'), DISTRICTS);
    fillSelect($('f-vehicle'), Object.entries(VEHICLES));
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', () => logout());
    $('filters').addEventListener('submit', (e) => { e.preventDefault(); loadDrivers(true); });
    $('filters').addEventListener('reset', () => setTimeout(() => loadDrivers(true)));
    $('load-more').addEventListener('click', () => loadDrivers(false));
    $('export-csv').addEventListener('click', exportCsv);
    $('gdpr-export').addEventListener('click', gdprExport);
    $('gdpr-erase').addEventListener('click', gdprErase);
    window.addEventListener('hashchange', route);
    route();
  }

  // What the page scripts share; they load after this one and add their pages before start() routes.
  window.OnboardingConsole = Object.freeze({
    el, show, api, formatAt, statusBadge,
    download, DISTRICTS, VEHICLES,
    addPage: (page) => { pages.push(page); },
  });

  document.addEventListener('DOMContentLoaded', start);
})();
