// The answer drawn on the tier-progress page: the segment and the what-if's beside it, the gaps in words,
// the ladder with a progress bar per criterion (actual against required), the forecast as a timeline and
// the entitlements. Every value goes in as text or an attribute (see api.js), and the elements tests and
// tools read carry data-testid and data-* attributes with the answer's own ids and values.

import { fill, formatRequirement, formatValue, h } from './api.js';

const $ = id => document.getElementById(id);

/**
 * Shows an answer of POST /programs/{id}/evaluations, or the answer of a recorded decision.
 * @param {Object} answer the EvaluationResult
 * @param {{recorded?: boolean, decision?: Object, horizon?: string, lastRecordedId?: string}} context
 */
export function renderAnswer(answer, { recorded = false, decision = null, horizon = '', lastRecordedId = null } = {}) {
  const tierNames = new Map((answer.tiers || []).map(t => [t.tier, t.name || t.tier]));
  const whatIf = answer.whatIf || null;

  const segment = $('segment');
  segment.textContent = answer.segment || 'none';
  segment.dataset.segment = answer.segment || '';
  $('segment-name').textContent = answer.segment ? `(${tierNames.get(answer.segment)})` : '(no tier reached)';
  const next = $('next-segment');
  next.textContent = answer.nextSegment ? `${answer.nextSegment} (${tierNames.get(answer.nextSegment)})`
    : 'none: the top tier is reached';
  next.dataset.segment = answer.nextSegment || '';

  renderWhatIfSummary(whatIf);
  renderAtRisk(answer.atRisk);
  renderRecorded(answer, recorded, decision, lastRecordedId);
  renderGaps($('gaps'), answer.gaps || [], answer.nextSegment, 'The next tier has no gap: nothing is missing.');
  $('whatif-gaps-box').hidden = !whatIf;
  if (whatIf) {
    renderGaps($('whatif-gaps'), whatIf.gaps || [], whatIf.nextSegment, 'With the what-if nothing is missing for the next tier.');
  }
  renderLadder(answer, whatIf);
  renderForecast(answer.forecast, decision, horizon);
  renderEntitlements(answer.entitlements || [], whatIf);
  $('answer').hidden = false;
}

function renderWhatIfSummary(whatIf) {
  $('whatif-summary').hidden = !whatIf;
  if (!whatIf) {
    return;
  }
  const segment = $('whatif-segment');
  segment.textContent = whatIf.segment || 'none';
  segment.dataset.segment = whatIf.segment || '';
  const change = $('whatif-change');
  const gained = whatIf.tiersGained || [];
  const lost = whatIf.tiersLost || [];
  fill(change,
    gained.length ? ['gains ', h('span', { 'data-testid': 'tiers-gained' }, gained.join(', '))] : null,
    lost.length ? [gained.length ? '; ' : '', 'loses ', h('span', { 'data-testid': 'tiers-lost' }, lost.join(', '))]
      : null,
    !gained.length && !lost.length ? 'no tier gained or lost' : null,
    whatIf.nextSegment ? ` · next: ${whatIf.nextSegment}` : '');
}

function renderAtRisk(atRisk) {
  const element = $('at-risk');
  element.hidden = !atRisk;
  if (atRisk) {
    element.textContent = `${atRisk.summary} (${atRisk.policy}; the facts alone reach ${atRisk.rulesSegment || 'no tier'}).`;
  }
}

function renderRecorded(answer, recorded, decision, lastRecordedId) {
  const element = $('recorded');
  if (decision) {
    element.textContent = `Recorded decision ${decision.evaluationId}, ${decision.recordedAt}, ruleset ${decision.rulesetVersion}: `
      + 'the answer as given then. Changing the what-if evaluates these facts with the rules loaded now.';
  } else if (recorded) {
    element.textContent = `Recorded in the decision log as ${answer.evaluationId}.`;
  } else {
    element.textContent = `Not recorded (ruleset ${answer.rulesetVersion}).`
      + (lastRecordedId ? ` Last decision recorded from this page: ${lastRecordedId}.` : '');
  }
  element.dataset.evaluationId = recorded || decision ? answer.evaluationId || '' : '';
  element.hidden = false;
}

function renderGaps(list, gaps, nextSegment, noneText) {
  if (!gaps.length) {
    fill(list, h('li', { class: 'none' }, nextSegment ? noneText : 'The top tier is reached: no next tier.'));
    return;
  }
  fill(list, gaps.map(gap => h('li', {
    class: 'gap',
    'data-testid': 'gap',
    dataset: { tier: gap.tier, criterion: gap.criterion },
  },
  h('strong', {}, gap.criterion), ` (${gap.tier}): `,
  h('span', { class: 'gap-summary', 'data-testid': 'gap-summary' }, gap.summary || shortfallText(gap)),
  isQuantity(gap.comparison) ? ` — has ${formatValue(gap.actual)}, needs ${formatRequirement(gap.comparison, gap.required)}.`
    : '.',
  gap.description ? h('span', { class: 'description' }, ` ${gap.description}`) : null,
  (gap.toAdd || []).length ? h('span', { class: 'description' }, ' Cheapest points: ',
    gap.toAdd.map(p => `+${formatValue(p.units)} ${p.component} earns ${p.points}`).join('; '), '.') : null)));
}

function isQuantity(comparison) {
  return comparison === 'at-least' || comparison === 'at-most' || comparison === 'score';
}

/** For answers recorded before gaps had a summary. */
function shortfallText(gap) {
  if (gap.actual === null || gap.actual === undefined) {
    return 'nothing measured yet';
  }
  if (gap.shortfall === null || gap.shortfall === undefined) {
    return 'does not hold';
  }
  return gap.comparison === 'at-most' ? `${formatValue(gap.shortfall)} too many` : `${formatValue(gap.shortfall)} missing`;
}

function renderLadder(answer, whatIf) {
  const whatIfCriteria = new Map();
  for (const tier of (whatIf && whatIf.tiers) || []) {
    for (const c of tier.criteria) {
      whatIfCriteria.set(`${tier.tier}/${c.criterion}`, c);
    }
  }
  const whatIfReached = new Set(((whatIf && whatIf.tiers) || []).filter(t => t.reached).map(t => t.tier));
  fill($('ladder'), (answer.tiers || []).map((tier, t) => {
    const current = tier.tier === answer.segment;
    const next = tier.tier === answer.nextSegment;
    const status = current ? 'reached: the partner\'s tier' : tier.reached ? 'reached' : next ? 'next tier'
      : 'not reached';
    return h('li', {
      class: `tier${tier.reached ? ' reached' : ''}${current ? ' current' : ''}${next ? ' next' : ''}`,
      'data-testid': 'tier',
      'aria-current': current ? 'step' : null,
      dataset: { tier: tier.tier, reached: tier.reached, current, criteriaMet: tier.criteriaMet },
    },
    h('h4', { id: `tier-${t}` }, `${tier.name || tier.tier} `, h('code', {}, tier.tier), ' ',
      h('span', { class: `badge ${tier.reached ? 'met' : next ? 'next' : 'unmet'}` }, status),
      whatIf && whatIfReached.has(tier.tier) !== tier.reached
        ? h('span', { class: 'badge whatif' }, whatIfReached.has(tier.tier) ? 'reached with the what-if'
          : 'lost with the what-if') : null),
    h('ul', { class: 'criteria', 'aria-labelledby': `tier-${t}` },
      tier.criteria.map((c, i) => criterionItem(tier, c, `${t}-${i}`,
        whatIf ? whatIfCriteria.get(`${tier.tier}/${c.criterion}`) : undefined))));
  }));
}

function criterionItem(tier, c, key, withWhatIf) {
  const { value, max } = progressOf(c);
  const requirement = formatRequirement(c.comparison, c.required);
  const words = `${formatValue(c.actual)}, ${requirement}, ${c.met ? 'met' : 'not met'}`;
  const labelId = `criterion-${key}`;
  const changed = withWhatIf && (withWhatIf.met !== c.met || JSON.stringify(withWhatIf.actual) !== JSON.stringify(c.actual));
  return h('li', {
    class: `criterion ${c.met ? 'met' : 'unmet'}`,
    'data-testid': 'criterion',
    dataset: {
      tier: tier.tier,
      criterion: c.criterion,
      comparison: c.comparison,
      required: JSON.stringify(c.required),
      actual: JSON.stringify(c.actual ?? null),
      met: c.met,
      whatifActual: withWhatIf ? JSON.stringify(withWhatIf.actual ?? null) : undefined,
      whatifMet: withWhatIf ? withWhatIf.met : undefined,
    },
  },
  h('div', { class: 'criterion-head' },
    h('span', { class: 'criterion-id', id: labelId }, c.criterion),
    h('span', { class: `badge ${c.met ? 'met' : 'unmet'}`, 'data-testid': 'criterion-met' }, c.met ? 'met' : 'not met')),
  c.description ? h('p', { class: 'description' }, c.description) : null,
  h('progress', {
    role: 'progressbar',
    max,
    value,
    'aria-valuemin': 0,
    'aria-valuemax': max,
    'aria-valuenow': value,
    'aria-valuetext': words,
    'aria-labelledby': labelId,
  }),
  h('p', { class: 'values' },
    'Actual: ', h('span', { 'data-testid': 'actual' }, formatValue(c.actual)), ' · Required: ',
    h('span', { 'data-testid': 'required' }, requirement),
    changed ? h('span', { class: 'whatif-value', 'data-testid': 'whatif-actual' },
      ` · with the what-if: ${formatValue(withWhatIf.actual)} (${withWhatIf.met ? 'met' : 'not met'})`) : null),
  details(c));
}

/**
 * The bar of a criterion: actual against required (a yes/no counts 0 or 1 of 1). Not clamped, so that the
 * aria values are the answer's own; the browser draws a full bar past the maximum.
 */
function progressOf(c) {
  if (typeof c.required === 'boolean' || c.comparison === 'must-hold' || c.comparison === 'any-of') {
    return { max: 1, value: c.actual === true || (c.comparison === 'any-of' && c.met) ? 1 : 0 };
  }
  const required = Number(c.required);
  const actual = c.actual === null || c.actual === undefined ? 0 : Number(c.actual);
  if (!(required > 0)) {
    // "at least 0" always holds; "at most 0" is used up by the first one
    return { max: 1, value: c.comparison === 'at-most' ? Math.min(actual, 1) : 1 };
  }
  return { max: required, value: actual };
}

/** The alternatives of an any-of criterion and the paths of a score, when the answer has them. */
function details(c) {
  if (c.tracks) {
    return h('ul', { class: 'parts' }, c.tracks.map(track => h('li', {},
      `${track.track}: ${track.met ? 'met' : 'not met'} — `,
      track.parts.map(p => `${p.rule} ${formatValue(p.actual)} (${formatRequirement(p.comparison, p.required)})`)
        .join('; '))));
  }
  if (c.paths) {
    return h('ul', { class: 'parts' }, c.paths.map(path => h('li', {},
      `${path.path}: ${path.score} points${path.counts ? ' (counts)' : ''} — `,
      path.components.map(p => `${p.component} ${p.points}/${p.maxPoints}`).join(', '))));
  }
  return null;
}

function renderForecast(forecast, decision, horizon) {
  const list = $('forecast');
  const summary = $('forecast-summary');
  list.replaceChildren();
  if (!forecast) {
    summary.textContent = decision
      ? 'A recorded answer holds no forecast: press Evaluate to forecast these facts with the rules loaded now.'
      : horizon ? 'No forecast in the answer.' : 'No forecast asked for (choose a horizon above).';
    return;
  }
  const changes = forecast.changes || [];
  summary.textContent = changes.length
    ? `If nothing new happens, the segment changes ${changes.length === 1 ? 'once' : `${changes.length} times`} up to ${forecast.until} (${forecast.horizon}).`
    : `If nothing new happens, the segment holds through ${forecast.until} (${forecast.horizon}).`;
  for (const change of changes) {
    list.appendChild(h('li', {
      class: `change ${change.direction}`,
      'data-testid': 'forecast-change',
      dataset: {
        date: change.date,
        segmentBefore: change.segmentBefore || '',
        segmentAfter: change.segmentAfter || '',
        direction: change.direction,
      },
    },
    h('p', { class: 'change-head' },
      h('time', { datetime: change.date }, change.date), ' ',
      h('span', { class: `badge ${change.direction === 'promotion' ? 'met' : 'unmet'}` }, change.direction), ' ',
      `${change.segmentBefore || 'no tier'} → ${change.segmentAfter || 'no tier'}`),
    h('ul', { class: 'moving' }, (change.criteria || []).map(m => h('li', {
      'data-testid': 'forecast-criterion',
      dataset: { tier: m.tier, criterion: m.criterion },
    },
    `${m.criterion} (${m.tier}): ${formatValue(m.actualBefore)} → ${formatValue(m.actualAfter)}, needs `
      + `${formatRequirement(m.comparison, m.required)}${m.met ? ' (met from then on)' : ''}`,
    (m.causes || []).length ? h('ul', { class: 'causes' }, m.causes.map(cause => h('li', {
      'data-testid': 'forecast-cause',
      dataset: { kind: cause.kind, date: cause.date },
    }, cause.summary || `${cause.kind} on ${cause.date}`))) : null)))));
  }
}

function renderEntitlements(entitlements, whatIf) {
  const list = $('entitlements');
  fill(list, entitlements.length ? entitlements.map(e => h('li', { 'data-testid': 'entitlement' }, e))
    : h('li', { class: 'none' }, 'None: the reached tier grants nothing listed.'));
  if (whatIf) {
    const added = (whatIf.entitlements || []).filter(e => !entitlements.includes(e));
    if (added.length) {
      list.appendChild(h('li', { class: 'whatif-value', 'data-testid': 'whatif-entitlements' },
        `With the what-if, also: ${added.join(', ')}`));
    }
  }
}
