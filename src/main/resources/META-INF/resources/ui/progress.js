// The tier-progress page: evaluates a partner's facts (or opens a recorded decision) and shows the ladder,
// each criterion's progress, the gaps, the forecast, the entitlements and a what-if beside the answer.
// It calls the public API only: POST /programs/{id}/evaluations with "record": false unless asked,
// GET /programs, GET /evaluations/{id}.

import { ApiError, callApi, describeError, fill, h, listPrograms, showProblem, storeToken, storedToken } from './api.js';
import { renderAnswer } from './answer.js';
import { MAX_ADDED, combine, generatedWhatIf } from './whatif.js';

/** How long typing pauses before the answer is asked again. */
const DEBOUNCE_MS = 350;

const $ = id => document.getElementById(id);

const ui = {
  program: $('program'),
  facts: $('facts'),
  factsFile: $('facts-file'),
  factsError: $('facts-error'),
  asOf: $('as-of'),
  horizon: $('forecast-horizon'),
  record: $('record'),
  evaluateForm: $('evaluate-form'),
  decisionForm: $('decision-form'),
  evaluationId: $('evaluation-id'),
  token: $('token'),
  tokenBox: $('token-box'),
  whatIfForm: $('whatif-form'),
  whatIfJson: $('whatif-json'),
  whatIfError: $('whatif-error'),
  results: $('results'),
  status: $('status'),
  problem: $('problem'),
  ladderLink: $('ladder-link'),
};

/** The answer shown was asked for by this call; older answers arriving late are dropped. */
let latestCall = 0;
let inFlight = null;
let debounceTimer = null;
let lastRecordedId = null;

// --- reading the form ----------------------------------------------------------------------------

/** The pasted facts: a partner object, or a whole request body with asOf, partner and perhaps a whatIf. */
function readFacts() {
  const text = ui.facts.value.trim();
  if (!text) {
    throw new InputError(ui.facts, ui.factsError, 'Paste or upload a partner\'s facts first.');
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new InputError(ui.facts, ui.factsError, `Not valid JSON: ${e.message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError(ui.facts, ui.factsError, 'The facts must be a JSON object.');
  }
  if (parsed.partner && typeof parsed.partner === 'object' && !Array.isArray(parsed.partner)) {
    return { partner: parsed.partner, asOf: parsed.asOf, whatIf: parsed.whatIf };
  }
  return { partner: parsed };
}

/** A field the page could not read; shown beside the field, which is marked invalid. */
class InputError extends Error {
  constructor(field, errorElement, message) {
    super(message);
    this.field = field;
    this.errorElement = errorElement;
  }
}

function count(id) {
  const input = $(id);
  const text = input.value.trim();
  if (!text) {
    return 0;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > MAX_ADDED) {
    throw new InputError(input, ui.whatIfError,
      `${labelOf(input)}: a whole number from 0 to ${MAX_ADDED} (got "${text}").`);
  }
  return value;
}

function amount(id, min, max) {
  const input = $(id);
  const text = input.value.trim();
  if (!text) {
    return null;
  }
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || (max !== undefined && value > max)) {
    throw new InputError(input, ui.whatIfError, `${labelOf(input)}: a number from ${min}${max === undefined ? ''
      : ` to ${max}`} (got "${text}").`);
  }
  return value;
}

function labelOf(input) {
  return input.labels && input.labels[0] ? input.labels[0].textContent.trim() : input.name;
}

/** The what-if of the form, or undefined when it adds nothing. */
function readWhatIf(partner, asOf, fromBody) {
  const counts = {
    people: count('add-people'),
    role: $('add-people-role').value.trim(),
    references: count('add-references'),
    csat: count('add-csat'),
    csatScore: amount('add-csat-score', 1, 5) ?? 5,
    implementations: count('add-implementations'),
    revenue: amount('add-revenue', 0) ?? 0,
  };
  let typed = {};
  const text = ui.whatIfJson.value.trim();
  if (text) {
    try {
      typed = JSON.parse(text);
    } catch (e) {
      throw new InputError(ui.whatIfJson, ui.whatIfError, `What-if JSON: not valid JSON: ${e.message}`);
    }
    if (typed === null || typeof typed !== 'object' || Array.isArray(typed)) {
      throw new InputError(ui.whatIfJson, ui.whatIfError, 'What-if JSON: must be an object of partner fields.');
    }
  }
  const whatIf = combine(combine(fromBody || {}, generatedWhatIf(counts, partner, asOf)), typed);
  return Object.keys(whatIf).length ? whatIf : undefined;
}

function todayUtc() {
  return new Date().toISOString().slice(0, 10);
}

function clearInputErrors() {
  for (const element of [ui.factsError, ui.whatIfError]) {
    element.hidden = true;
    element.textContent = '';
  }
  for (const field of document.querySelectorAll('[aria-invalid="true"]')) {
    field.removeAttribute('aria-invalid');
  }
}

function showInputError(error) {
  error.field.setAttribute('aria-invalid', 'true');
  error.errorElement.textContent = error.message;
  error.errorElement.hidden = false;
}

// --- evaluating ----------------------------------------------------------------------------------

/**
 * Asks for the answer to the form as it stands.
 * @param {boolean} asked pressed Evaluate (may record; input errors are announced) rather than typed
 */
async function evaluate(asked) {
  clearTimeout(debounceTimer);
  clearInputErrors();
  const program = ui.program.value;
  let body;
  try {
    if (!program) {
      throw new InputError(ui.program, ui.factsError, 'Choose a program first.');
    }
    const facts = readFacts();
    const asOf = ui.asOf.value || facts.asOf || undefined;
    const record = asked && ui.record.checked;
    body = { asOf, record, partner: facts.partner };
    const whatIf = readWhatIf(facts.partner, asOf || todayUtc(), facts.whatIf);
    if (whatIf) {
      body.whatIf = whatIf;
    }
  } catch (error) {
    if (!(error instanceof InputError)) {
      throw error;
    }
    showInputError(error);
    if (asked) {
      setState('error', 'Nothing evaluated: see the field marked invalid.');
      error.field.focus();
    }
    return;
  }

  const call = ++latestCall;
  if (inFlight) {
    inFlight.abort();
  }
  inFlight = new AbortController();
  setState('loading', 'Evaluating…');
  try {
    const answer = await callApi(`programs/${encodeURIComponent(program)}/evaluations`, {
      method: 'POST',
      query: { forecast: ui.horizon.value },
      body,
      signal: inFlight.signal,
    });
    if (call !== latestCall) {
      return;
    }
    if (answer.evaluationId) {
      lastRecordedId = answer.evaluationId;
    }
    renderAnswer(answer, { recorded: Boolean(answer.evaluationId), horizon: ui.horizon.value, lastRecordedId });
    showProblem(ui.problem, null);
    setState('done', `Evaluated ${answer.partnerId} against ${answer.program} as of ${answer.asOf}`
      + (body.whatIf ? ', with the what-if beside it.' : '.'));
  } catch (error) {
    if (error.name === 'AbortError' || call !== latestCall) {
      return;
    }
    showProblem(ui.problem, describeError(error));
    setState('error', 'The evaluation failed.');
    if (error instanceof ApiError && error.status === 401) {
      ui.tokenBox.open = true;
    }
  }
}

function scheduleEvaluation() {
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(() => {
    // while the facts are being typed and do not parse yet there is nothing to ask
    if (!ui.program.value || !ui.facts.value.trim()) {
      return;
    }
    evaluate(false);
  }, DEBOUNCE_MS);
}

/** Opens a recorded decision: its facts go into the form, its answer as recorded is shown. */
async function openDecision() {
  const id = ui.evaluationId.value.trim();
  clearInputErrors();
  if (!id) {
    ui.evaluationId.setAttribute('aria-invalid', 'true');
    setState('error', 'Enter an evaluation id.');
    ui.evaluationId.focus();
    return;
  }
  const call = ++latestCall;
  setState('loading', 'Opening the decision…');
  try {
    const decision = await callApi(`evaluations/${encodeURIComponent(id)}`);
    if (call !== latestCall) {
      return;
    }
    ensureProgramOption(decision.program);
    ui.program.value = decision.program;
    ui.asOf.value = decision.asOf || '';
    ui.facts.value = JSON.stringify(decision.partner, null, 2);
    programChanged();
    renderAnswer(decision.answer, { decision });
    showProblem(ui.problem, null);
    setState('done', `Decision ${decision.evaluationId} for ${decision.partnerId}, recorded ${decision.recordedAt}.`);
  } catch (error) {
    if (call !== latestCall) {
      return;
    }
    showProblem(ui.problem, describeError(error));
    setState('error', 'The decision could not be opened.');
  }
}

function setState(state, message) {
  ui.results.dataset.state = state;
  ui.results.setAttribute('aria-busy', String(state === 'loading'));
  ui.status.textContent = message;
}

// --- programs, token and start-up ----------------------------------------------------------------

function ensureProgramOption(id) {
  if (![...ui.program.options].some(o => o.value === id)) {
    ui.program.appendChild(h('option', { value: id }, `${id} (not loaded now)`));
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
    programChanged();
    if (ui.program.value && ui.facts.value.trim()) {
      scheduleEvaluation();
    }
  } catch (error) {
    fill(ui.program, h('option', { value: '' }, 'No programs: see the message below'));
    showProblem(ui.problem, describeError(error));
    if (error instanceof ApiError && error.status === 401) {
      ui.tokenBox.open = true;
    }
  }
}

function programChanged() {
  const id = ui.program.value;
  ui.ladderLink.href = id ? `ladder.html?program=${encodeURIComponent(id)}` : 'ladder.html';
  const url = new URL(location.href);
  if (id) {
    url.searchParams.set('program', id);
  } else {
    url.searchParams.delete('program');
  }
  history.replaceState(null, '', url);
}

/** A JSON file of facts goes into the text area, as if pasted. */
async function loadFile() {
  const file = ui.factsFile.files && ui.factsFile.files[0];
  if (!file) {
    return;
  }
  ui.facts.value = await file.text();
  factsChanged();
}

/** A pasted request's asOf fills the date: the facts are about that day. */
function factsChanged() {
  try {
    const facts = JSON.parse(ui.facts.value);
    if (facts && typeof facts.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(facts.asOf)) {
      ui.asOf.value = facts.asOf;
    }
  } catch (e) {
    // still being typed: the debounced evaluation says what is wrong
  }
  scheduleEvaluation();
}

function start() {
  ui.token.value = storedToken();
  ui.token.addEventListener('change', () => {
    storeToken(ui.token.value.trim());
    loadPrograms();
  });
  ui.evaluateForm.addEventListener('submit', event => {
    event.preventDefault();
    evaluate(true);
  });
  ui.decisionForm.addEventListener('submit', event => {
    event.preventDefault();
    openDecision();
  });
  ui.program.addEventListener('change', () => {
    programChanged();
    scheduleEvaluation();
  });
  ui.facts.addEventListener('input', factsChanged);
  ui.factsFile.addEventListener('change', loadFile);
  ui.asOf.addEventListener('input', scheduleEvaluation);
  ui.horizon.addEventListener('change', scheduleEvaluation);
  ui.whatIfForm.addEventListener('input', scheduleEvaluation);
  ui.whatIfForm.addEventListener('submit', event => event.preventDefault());
  // the reset event comes before the fields are emptied
  ui.whatIfForm.addEventListener('reset', () => setTimeout(scheduleEvaluation, 0));
  factsFromLink();
  loadPrograms();
}

/** index.html#facts=<URL-encoded JSON>: facts handed over in a link, evaluated once the programs are known. */
function factsFromLink() {
  const match = /^#facts=(.*)$/s.exec(location.hash);
  if (!match) {
    return;
  }
  try {
    ui.facts.value = decodeURIComponent(match[1]);
  } catch (e) {
    ui.facts.value = match[1];
  }
  factsChanged();
}

start();
