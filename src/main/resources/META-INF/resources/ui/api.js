// What both pages share: calls to the service's public API (as any client makes them), the optional
// bearer token, and building DOM nodes. Answer data only ever reaches the page as text nodes and
// attribute values (never as HTML), so nothing a partner's facts contain can run as markup.

const TOKEN_KEY = 'partner-tiers.token';

/** The API lives beside /ui/: relative, so that the page also works behind a path prefix. */
const API_ROOT = new URL('../', document.baseURI);

export function storedToken() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function storeToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

/** An answer that is not a 2xx, with the problem document the service sent (RFC 9457), if any. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : `The service answered ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/**
 * Calls the API and returns the parsed JSON answer.
 * @param {string} path relative to the service root, e.g. "programs"
 * @param {{method?: string, query?: Object, body?: *, signal?: AbortSignal}} options
 */
export async function callApi(path, { method = 'GET', query = {}, body, signal } = {}) {
  const url = new URL(path, API_ROOT);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, value);
    }
  }
  const headers = { Accept: 'application/json, application/problem+json' };
  const token = storedToken();
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
    credentials: 'omit',
    cache: 'no-store',
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text, keepDecimals) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

/**
 * A decimal as the service wrote it: a CSAT threshold of 4.0 stays "4.0" where a JavaScript number would
 * print 4. Arithmetic sees the number (valueOf); JSON.stringify writes the original digits where the
 * browser can (JSON.rawJSON), else the number.
 */
export class Decimal {
  constructor(value, text) {
    this.value = value;
    this.text = text;
  }

  valueOf() {
    return this.value;
  }

  toString() {
    return this.text;
  }

  toJSON() {
    return typeof JSON.rawJSON === 'function' ? JSON.rawJSON(this.text) : this.value;
  }
}

/** JSON.parse's reviver: plain decimals whose digits a number would lose, kept with them (where the browser gives the source). */
function keepDecimals(key, value, context) {
  if (typeof value === 'number' && context && typeof context.source === 'string'
      && /^-?\d+\.\d+$/.test(context.source) && context.source !== String(value)) {
    return new Decimal(value, context.source);
  }
  return value;
}

/** The loaded programs, each with id, name, rulesetVersion and tiers. */
export function listPrograms() {
  return callApi('programs');
}

export function getProgram(id) {
  return callApi(`programs/${encodeURIComponent(id)}`);
}

/**
 * Builds an element: h('li', {class: 'gap', dataset: {tier: 'SILVER'}}, 'text', child…).
 * Attributes are set with setAttribute and children appended as text nodes or elements, never parsed as HTML.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'dataset') {
      for (const [key, data] of Object.entries(value)) {
        if (data !== undefined && data !== null) {
          element.dataset[key] = String(data);
        }
      }
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else if (child instanceof Node) {
      element.appendChild(child);
    } else {
      element.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Empties an element and fills it with the given children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/** A value of the answer for a person: numbers as sent (up to 4 decimals), yes/no for booleans. */
export function formatValue(value) {
  if (value === null || value === undefined) {
    return 'nothing measured';
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (value instanceof Decimal) {
    return value.text.split('.')[1].length <= 4 ? value.text : String(Number(value.value.toFixed(4)));
  }
  if (typeof value === 'number' && !Number.isInteger(value)) {
    return String(Number(value.toFixed(4)));
  }
  return String(value);
}

/** What a criterion asks for, in words: "at least 5", "at most 2", "must hold", "a score of 70". */
export function formatRequirement(comparison, required) {
  switch (comparison) {
    case 'at-least':
      return `at least ${formatValue(required)}`;
    case 'at-most':
      return `at most ${formatValue(required)}`;
    case 'score':
      return `a score of ${formatValue(required)}`;
    case 'any-of':
      return 'one of the alternatives';
    case 'must-hold':
      return 'must hold';
    default:
      return formatValue(required);
  }
}

/** The message of a failed call, with the fields the service named. */
export function describeError(error) {
  if (error instanceof ApiError) {
    const lines = [];
    if (error.status === 401) {
      lines.push('The service needs a bearer token: enter one under "Access token".');
    } else if (error.status === 403) {
      lines.push('The token does not grant the role this needs (evaluator to evaluate and read programs, auditor to open a decision).');
    }
    lines.push(error.message);
    for (const field of (error.problem && error.problem.errors) || []) {
      lines.push(`${field.field}: ${field.message}`);
    }
    return lines;
  }
  return [`The service could not be reached: ${error.message}`];
}

/** Shows an error in a role="alert" element, one line per paragraph. */
export function showProblem(element, lines) {
  if (!lines || lines.length === 0) {
    element.hidden = true;
    element.replaceChildren();
    return;
  }
  fill(element, lines.map(line => h('p', {}, line)));
  element.hidden = false;
}
