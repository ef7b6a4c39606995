// The funnel page: stages as bars (count, conversion, median time), the questions of the flow with how many reached
// each and how many stopped there, and the weekly trend; all drawn as inline SVG, nothing loaded from elsewhere.
'use strict';

(() => {
  const { el, show, api, download, DISTRICTS, VEHICLES, addPage } = window.OnboardingConsole;
  const $ = (id) => document.getElementById(id);
  const SVG = 'http://www.w3.org/2000/svg';

  const STAGES = {
    first_contact: 'Primeiro contacto',
    bot_started: 'Bot iniciado',
    submitted: 'Registo submetido',
    documents_complete: 'Documentos completos',
    under_review: 'Em análise',
    approved: 'Aprovado',
    rejected: 'Rejeitado',
  };

  const state = { seq: 0 };

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
    for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    return node;
  }

  const pct = (v) => (v === null || v === undefined ? '' : `${(v * 100).toFixed(1).replace('.', ',')}%`);

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '';
    if (seconds < 90) return `${Math.round(seconds)} s`;
    if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
    if (seconds < 172800) return `${(seconds / 3600).toFixed(1).replace('.', ',')} h`;
    return `${(seconds / 86400).toFixed(1).replace('.', ',')} dias`;
  }

  const short = (text) => (text.length > 48 ? `${text.slice(0, 47)}…` : text);

  // Horizontal bars: one row per item, a label column, the bar scaled to the largest value, text after the bar.
  function bars(items, { label, value, second, note, tone }) {
    const row = 30;
    const labelWidth = 380;
    const barWidth = 520;
    const max = Math.max(1, ...items.map(value));
    const chart = svg('svg', { viewBox: `0 0 1100 ${Math.max(row, items.length * row)}`, role: 'img', class: 'bars' });
    items.forEach((item, i) => {
      const y = i * row;
      const w = Math.max(value(item) > 0 ? 2 : 0, Math.round((value(item) / max) * barWidth));
      const g = svg('g', { 'data-key': item.key || item.block_id || '', class: 'bar-row' },
        svg('text', { x: labelWidth - 8, y: y + 19, 'text-anchor': 'end', class: 'bar-label' }, short(label(item)), svg('title', {}, label(item))),
        svg('rect', { x: labelWidth, y: y + 5, width: w, height: row - 10, rx: 3, class: `bar ${tone ? tone(item) : ''}` }));
      if (second) {
        const s = Math.round((second(item) / max) * barWidth);
        if (s > 0) g.append(svg('rect', { x: labelWidth, y: y + 5, width: s, height: row - 10, rx: 3, class: 'bar stopped' }));
      }
      g.append(svg('text', { x: labelWidth + w + 8, y: y + 19, class: 'bar-value' }, note(item)));
      chart.append(g);
    });
    return chart;
  }

  function renderStages(stages) {
    $('fn-stages').replaceChildren(bars(stages, {
      label: (s) => STAGES[s.key] || s.key,
      value: (s) => s.count,
      note: (s) => [String(s.count), pct(s.conversion), s.median_seconds === null ? '' : `mediana ${duration(s.median_seconds)}`]
        .filter(Boolean).join(' · '),
      tone: (s) => (s.key === 'rejected' ? 'bad' : s.key === 'approved' ? 'good' : ''),
    }));
  }

  function renderQuestions(questions) {
    const box = $('fn-questions');
    if (questions.length === 0) {
      box.replaceChildren(el('p', { class: 'empty' }, 'Nenhuma pergunta registada neste período.'));
      return;
    }
    box.replaceChildren(
      el('p', { class: 'legend' }, el('span', { class: 'swatch reached' }), 'chegaram ', el('span', { class: 'swatch stopped' }), 'pararam aqui (sem registo)'),
      bars(questions, {
        label: (q) => (q.group ? `${q.group} · ${q.name}` : q.name),
        value: (q) => q.reached,
        second: (q) => q.stopped_here,
        note: (q) => `${q.reached} · pararam ${q.stopped_here}`,
        tone: () => 'reached',
      }));
  }

  // Grouped columns per week: first contacts, submitted, approved.
  function renderWeeks(weeks) {
    const box = $('fn-weeks');
    if (weeks.length === 0) {
      box.replaceChildren(el('p', { class: 'empty' }, 'Sem candidaturas neste período.'));
      return;
    }
    const series = [['first_contact', 'Primeiro contacto'], ['submitted', 'Submetidos'], ['approved', 'Aprovados']];
    const height = 200;
    // A fixed width, so the text keeps its size whatever the number of weeks.
    const slot = Math.max(8, Math.min(130, Math.floor(1040 / weeks.length)));
    const max = Math.max(1, ...weeks.map((w) => w.first_contact));
    const chart = svg('svg', { viewBox: `0 0 1100 ${height + 40}`, role: 'img', class: 'weeks' });
    chart.append(svg('text', { x: 0, y: 12, class: 'axis' }, String(max)), svg('line', { x1: 40, y1: height, x2: 1100, y2: height, class: 'axis-line' }));
    weeks.forEach((w, i) => {
      const x = 50 + i * slot;
      const g = svg('g', { 'data-week': w.week, class: 'week' });
      series.forEach(([key], k) => {
        const h = Math.round((w[key] / max) * (height - 10));
        const width = Math.max(2, Math.floor((Math.min(slot, 90) - 8) / series.length));
        g.append(svg('rect', { x: x + k * width, y: height - h, width: width - 1, height: h, class: `col ${key}` },
          svg('title', {}, `${w.week} · ${series[k][1]}: ${w[key]}`)));
      });
      if (weeks.length <= 13 || i % Math.ceil(weeks.length / 13) === 0) {
        g.append(svg('text', { x, y: height + 16, class: 'axis' }, w.week.slice(5)));
      }
      chart.append(g);
    });
    box.replaceChildren(
      el('p', { class: 'legend' }, ...series.flatMap(([key, label]) => [el('span', { class: `swatch ${key}` }), `${label} `])),
      chart);
  }

  function query() {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData($('fn-filters'))) if (String(value).trim()) params.set(name, String(value).trim());
    return params;
  }

  async function load() {
    const seq = ++state.seq;
    show($('fn-error'), false);
    try {
      const funnel = await (await api(`/api/analytics/funnel?${query()}`)).json();
      if (seq !== state.seq) return;
      renderStages(funnel.stages);
      renderQuestions(funnel.questions);
      renderWeeks(funnel.weeks);
      const r = funnel.reminders;
      $('fn-reminders').textContent = `Lembretes: ${r.nudged} candidaturas lembradas, ${r.recovered} recuperadas (responderam depois de um lembrete), ${r.recovered_submitted} submetidas depois.`;
      $('funnel-view').dataset.loaded = String(seq);
    } catch (error) {
      if (seq !== state.seq || error.status === 401) return;
      $('fn-error').textContent = error.message;
      show($('fn-error'), true);
    }
  }

  function fillSelect(select, pairs) {
    for (const [value, label] of pairs) select.append(el('option', { value }, label));
  }

  let ready = false;
  function enter() {
    if (!ready) {
      ready = true;
      fillSelect($('fn-district'), DISTRICTS);
      fillSelect($('fn-vehicle'), Object.entries(VEHICLES));
      $('fn-filters').addEventListener('submit', (e) => { e.preventDefault(); load(); });
      $('fn-csv').addEventListener('click', async () => {
        const params = query();
        params.set('format', 'csv');
        try {
          await download(await api(`/api/analytics/funnel?${params}`), 'funnel.csv');
        } catch (error) {
          $('fn-error').textContent = error.message;
          show($('fn-error'), true);
        }
      });
    }
    load();
  }

  addPage({ hash: '#/funnel', view: 'funnel-view', enter, leave: () => { state.seq += 1; } });
})();
