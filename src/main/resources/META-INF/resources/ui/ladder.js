// The program manager's view: one program's ladder as a table, a column per tier (lowest first) and a
// row per criterion, each cell the value the tier requires (GET /programs/{id}).

import { ApiError, describeError, fill, formatValue, getProgram, h, listPrograms, showProblem, storeToken,
  storedToken } from './api.js';

const $ = id => document.getElementById(id);
const ui = {
  program: $('program'),
  token: $('token'),
  tokenBox: $('token-box'),
  results: $('ladder-section'),
  status: $('status'),
  problem: $('problem'),
  table: $('ladder-table'),
  caption: $('ladder-caption'),
  progressLink: $('progress-link'),
};

let latestCall = 0;

function setState(state, message) {
  ui.results.dataset.state = state;
  ui.results.setAttribute('aria-busy', String(state === 'loading'));
  ui.status.textContent = message;
}

/** What a tier requires of a criterion, in a table cell's few words. */
function requirementText(c) {
  switch (c.comparison) {
    case 'at-least':
      return `≥ ${formatValue(c.required)}`;
    case 'at-most':
      return `≤ ${formatValue(c.required)}`;
    case 'must-hold':
      return 'required';
    case 'score':
      return `score ≥ ${formatValue(c.required)}`
        + (c.minimumPoints ? `, each component ≥ ${c.minimumPoints} point${c.minimumPoints === 1 ? '' : 's'}` : '');
    case 'any-of':
      return 'any one of:';
    default:
      return formatValue(c.required);
  }
}

function cellDetails(c) {
  if (c.tracks) {
    return h('ul', { class: 'parts' }, c.tracks.map(track => h('li', {}, `${track.track}: `,
      track.parts.map(p => `${p.rule} ${p.comparison === 'at-most' ? '≤' : p.comparison === 'must-hold' ? '' : '≥'} `
        + `${p.comparison === 'must-hold' ? 'required' : formatValue(p.required)}`).join(', '))));
  }
  if (c.paths) {
    return h('ul', { class: 'parts' }, c.paths.map(path => h('li', {}, `${path.path}: `,
      path.components.map(k => `${k.component} ${k.maxPoints} pts at ${formatValue(k.target)}`).join(', '))));
  }
  return null;
}

function renderTable(program) {
  const criteria = [];
  const descriptions = new Map();
  for (const tier of program.tiers) {
    for (const c of tier.criteria) {
      if (!descriptions.has(c.criterion)) {
        criteria.push(c.criterion);
        descriptions.set(c.criterion, c.description);
      }
    }
  }
  ui.caption.textContent = `${program.name} (${program.id}), ruleset ${program.rulesetVersion}`;
  fill(ui.table.tHead, h('tr', {},
    h('th', { scope: 'col' }, 'Criterion'),
    program.tiers.map(tier => h('th', { scope: 'col', dataset: { tier: tier.id } }, tier.name || tier.id,
      h('br'), h('code', {}, tier.id)))));
  const rows = criteria.map(id => h('tr', { 'data-testid': 'ladder-row', dataset: { criterion: id } },
    h('th', { scope: 'row' }, h('code', {}, id),
      descriptions.get(id) ? h('span', { class: 'description' }, descriptions.get(id)) : null),
    program.tiers.map(tier => {
      const c = tier.criteria.find(x => x.criterion === id);
      if (!c) {
        return h('td', { class: 'empty', dataset: { tier: tier.id, criterion: id } },
          h('span', { 'aria-hidden': 'true' }, '—'), h('span', { class: 'visually-hidden' }, 'not asked'));
      }
      return h('td', {
        'data-testid': 'ladder-cell',
        dataset: { tier: tier.id, criterion: id, comparison: c.comparison, required: JSON.stringify(c.required) },
      }, requirementText(c), cellDetails(c));
    })));
  rows.push(h('tr', { class: 'entitlements-row', dataset: { criterion: '' } },
    h('th', { scope: 'row' }, 'Entitlements'),
    program.tiers.map(tier => h('td', { dataset: { tier: tier.id } },
      tier.entitlements && tier.entitlements.length ? tier.entitlements.join(', ') : '—'))));
  fill(ui.table.tBodies[0], rows);
  ui.table.hidden = false;
}

async function showProgram() {
  const id = ui.program.value;
  const url = new URL(location.href);
  id ? url.searchParams.set('program', id) : url.searchParams.delete('program');
  history.replaceState(null, '', url);
  ui.progressLink.href = id ? `index.html?program=${encodeURIComponent(id)}` : 'index.html';
  if (!id) {
    ui.table.hidden = true;
    setState('empty', 'Choose a program to see its ladder.');
    return;
  }
  const call = ++latestCall;
  setState('loading', 'Loading the ladder…');
  try {
    const program = await getProgram(id);
    if (call !== latestCall) {
      return;
    }
    renderTable(program);
    showProblem(ui.problem, null);
    setState('done', `${program.name}: ${program.tiers.length} tiers.`);
  } catch (error) {
    if (call !== latestCall) {
      return;
    }
    ui.table.hidden = true;
    showProblem(ui.problem, describeError(error));
    setState('error', 'The ladder could not be loaded.');
  }
}

async function loadPrograms() {
  const wanted = new URLSearchParams(location.search).get('program') || ui.program.value;
  try {
    const programs = await listPrograms();
    fill(ui.program, h('option', { value: '' }, 'Choose a program'),
      programs.map(p => h('option', { value: p.id }, `${p.name} (${p.id})`)));
    if (wanted && programs.some(p => p.id === wanted)) {
      ui.program.value = wanted;
    }
    ui.program.dataset.loaded = 'true';
    showProblem(ui.problem, null);
    showProgram();
  } catch (error) {
    fill(ui.program, h('option', { value: '' }, 'No programs: see the message below'));
    showProblem(ui.problem, describeError(error));
    if (error instanceof ApiError && error.status === 401) {
      ui.tokenBox.open = true;
    }
  }
}

ui.token.value = storedToken();
ui.token.addEventListener('change', () => {
  storeToken(ui.token.value.trim());
  loadPrograms();
});
ui.program.addEventListener('change', showProgram);
loadPrograms();
