// The driver page's documents card (docs/0033): the checklist with thumbnails, a viewer, approve and ask again.
// Files are fetched with the API key and shown from blob URLs: the file route is never linked directly.
'use strict';

(() => {
  const { el, api, formatAt } = window.OnboardingConsole;
  const $ = (id) => document.getElementById(id);
  const STATES = { submitted: 'por rever', approved: 'aprovado', rejected: 'pedido de novo' };
  let urls = [];

  function driverId() {
    const match = /^#\/drivers\/([0-9a-f-]{36})$/i.exec(window.location.hash);
    return match ? match[1] : null;
  }

  async function fileUrl(id, file) {
    const blob = await (await api(`/api/drivers/${id}/documents/${file.id}/file`)).blob();
    const url = URL.createObjectURL(blob);
    urls.push(url);
    return url;
  }

  function viewer(url, file) {
    const box = $('doc-viewer');
    box.replaceChildren(file.content_type === 'application/pdf'
      ? el('iframe', { src: url, title: 'Documento', class: 'doc-pdf' })
      : el('img', { src: url, alt: 'Documento', class: 'doc-full' }));
    box.hidden = false;
  }

  async function review(id, file, action) {
    const body = action === 'ask_again'
      ? { reason: window.prompt('Motivo (o motorista lê no WhatsApp):') || '' }
      : { expires_on: $('doc-expiry').value || null };
    if (action === 'ask_again' && !body.reason.trim()) return;
    await api(`/api/drivers/${id}/documents/${file.id}/${action}`, { method: 'POST', json: body });
    await load();
  }

  async function item(id, entry) {
    const file = entry.file;
    const row = el('div', { class: 'doc-item', 'data-document': entry.document },
      el('strong', {}, entry.title),
      el('span', { class: 'badge' }, file ? STATES[file.state] || file.state : 'em falta'));
    if (!file) return row;
    const url = await fileUrl(id, file);
    const thumb = file.content_type === 'application/pdf'
      ? el('button', { type: 'button', class: 'doc-thumb' }, 'PDF')
      : el('img', { src: url, alt: entry.title, class: 'doc-thumb', tabindex: '0' });
    thumb.addEventListener('click', () => viewer(url, file));
    row.append(thumb,
      el('span', { class: 'muted' }, `${formatAt(file.created_at)}${file.expires_on ? ` · validade ${file.expires_on}` : ''}${file.reason ? ` · ${file.reason}` : ''}`));
    const approve = el('button', { type: 'button', 'data-action': 'approve' }, 'Aprovar');
    const again = el('button', { type: 'button', class: 'danger', 'data-action': 'ask_again' }, 'Pedir de novo');
    approve.addEventListener('click', () => review(id, file, 'approve'));
    again.addEventListener('click', () => review(id, file, 'ask_again'));
    row.append(el('div', { class: 'actions' }, approve, again));
    return row;
  }

  // Each view of a file is a line of the driver's history (who opened which file, when), merged in by time.
  function historyViews(views) {
    const body = $('history').tBodies[0];
    body.querySelectorAll('tr.view').forEach((row) => row.remove());
    const rows = [...body.rows, ...views.map((v) => el('tr', { class: 'view', 'data-at': v.at },
      el('td', {}, formatAt(v.at)),
      el('td', {}, '—'),
      el('td', {}, 'documento consultado'),
      el('td', {}, `${v.kind} (${v.side})`),
      el('td', {}, v.viewer)))];
    rows.sort((a, b) => Date.parse(a.dataset.at) - Date.parse(b.dataset.at));
    body.replaceChildren(...rows);
  }

  async function load() {
    const card = $('documents-card');
    const id = driverId();
    urls.forEach(URL.revokeObjectURL);
    urls = [];
    if (!card || !id || $('driver-body').hidden) return;
    try {
      const d = await (await api(`/api/drivers/${id}/documents`)).json();
      $('doc-summary').textContent = d.items.length === 0 ? 'Sem documentos pedidos.'
        : `${d.complete ? 'Completos' : 'Incompletos'}${d.documents_expired ? ' · documentos caducados' : ''}`;
      $('doc-summary').className = d.documents_expired ? 'alert error' : 'muted';
      $('doc-items').replaceChildren(...await Promise.all(d.items.map((entry) => item(id, entry))));
      // Showing the thumbnails opened the files: the views are read after them, so they include this visit.
      const { views } = await (await api(`/api/drivers/${id}/documents`)).json();
      historyViews(views);
      card.hidden = false;
    } catch (error) {
      $('doc-summary').textContent = error.message;
    }
  }

  // The card follows the driver page: it loads each time the page shows a driver (after login, after a decision).
  document.addEventListener('DOMContentLoaded', () => {
    const body = $('driver-body');
    new MutationObserver(() => { if (!body.hidden) load(); }).observe(body, { attributes: true, attributeFilter: ['hidden'] });
  });
})();
