// The what-if form turned into the request's whatIf: facts added on top of the partner's, dated on the
// evaluation day, chosen so that each one counts for the programs of PROGRAMS.md (a certification in a
// specialization nobody covers yet, a reference in a certified specialization, an implementation in a new area).

/** ServiceNow's implementation areas (PROGRAMS.md, servicenow-partner): new areas first, then any. */
const IMPLEMENTATION_AREAS = ['ITSM', 'ITOM', 'ITBM', 'SECURITY', 'GRC', 'HRSD', 'CSM', 'APP_ENGINE'];

/** The most items one field of the form adds; the service bounds lists at 10,000 anyway. */
export const MAX_ADDED = 1000;

/**
 * @param {Object} counts {people, role, references, csat, csatScore, implementations, revenue} as typed
 * @param {Object} partner the partner's facts as submitted
 * @param {string} asOf yyyy-MM-dd, the day the added facts are dated
 * @returns {Object} the generated part of the what-if (empty when nothing is added)
 */
export function generatedWhatIf(counts, partner, asOf) {
  const whatIf = {};
  const people = addedPeople(counts.people, counts.role, partner, asOf);
  if (people.length) {
    whatIf.people = people;
  }
  const references = addedReferences(counts.references, partner, people, asOf);
  if (references.length) {
    whatIf.references = references;
  }
  if (counts.csat > 0) {
    whatIf.csatResponses = Array.from({ length: counts.csat }, (_, i) => ({
      project: `what-if-project-${i + 1}`, score: counts.csatScore, date: asOf,
    }));
  }
  if (counts.implementations > 0) {
    const areas = preferNew(IMPLEMENTATION_AREAS, list(partner.implementations).map(i => i.area));
    whatIf.implementations = Array.from({ length: counts.implementations }, (_, i) => ({
      customer: `What-if customer ${i + 1}`, area: areas[i % areas.length], completedOn: asOf,
    }));
  }
  if (counts.revenue > 0) {
    whatIf.revenueTrailing12Months = counts.revenue;
  }
  return whatIf;
}

/** The generated what-if and the one typed as JSON, together: lists joined, other fields from the typed one. */
export function combine(generated, typed) {
  const combined = { ...generated };
  for (const [field, value] of Object.entries(typed || {})) {
    if (Array.isArray(value) && Array.isArray(combined[field])) {
      combined[field] = combined[field].concat(value);
    } else if (field === 'revenueTrailing12Months' && typeof combined[field] === 'number' && typeof value === 'number') {
      combined[field] += value;
    } else {
      combined[field] = value;
    }
  }
  return combined;
}

function addedPeople(count, role, partner, asOf) {
  if (!(count > 0)) {
    return [];
  }
  const taken = new Set(list(partner.people).map(p => p.id));
  const covered = certifiedSpecializations(list(partner.people), asOf);
  // a referenced competency nobody is certified in yet makes the reference count too (microsoft-mpn)
  const wanted = unique([
    ...list(partner.references).map(r => r.competency),
    ...list(partner.toolkits),
  ]).filter(s => s && !covered.has(s));
  const people = [];
  let generated = 0;
  for (let i = 0; i < count; i++) {
    let id;
    let n = i + 1;
    do {
      id = `what-if-person-${n}`;
      n += count;
    } while (taken.has(id));
    let specialization = wanted[i];
    while (!specialization || covered.has(specialization)) {
      generated += 1;
      specialization = `WHAT-IF-SPECIALIZATION-${generated}`;
    }
    people.push({
      id,
      roles: role ? [role] : [],
      certifications: [{
        name: `What-if certification (${specialization})`, specialization, kind: 'PROCTORED_EXAM', earnedOn: asOf,
      }],
    });
  }
  return people;
}

function addedReferences(count, partner, addedPeopleList, asOf) {
  if (!(count > 0)) {
    return [];
  }
  const certified = [
    ...certifiedSpecializations(list(partner.people), asOf),
    ...certifiedSpecializations(addedPeopleList, asOf),
  ];
  const competencies = certified.length ? certified : unique(list(partner.references).map(r => r.competency))
    .filter(Boolean);
  return Array.from({ length: count }, (_, i) => ({
    customer: `What-if customer ${i + 1}`,
    competency: competencies.length ? competencies[i % competencies.length] : 'WHAT-IF-SPECIALIZATION',
    signedByCustomer: true,
    date: asOf,
  }));
}

/** The specializations in which someone holds a certification valid on asOf (PROGRAMS.md, "Valid certification"). */
function certifiedSpecializations(people, asOf) {
  const specializations = new Set();
  for (const person of people) {
    for (const c of list(person && person.certifications)) {
      const earned = !c.earnedOn || c.earnedOn <= asOf;
      const unexpired = !c.expiresOn || asOf <= c.expiresOn;
      if (c.specialization && earned && unexpired) {
        specializations.add(c.specialization);
      }
    }
  }
  return specializations;
}

function preferNew(all, used) {
  const seen = new Set(used);
  return [...all.filter(a => !seen.has(a)), ...all.filter(a => seen.has(a))];
}

function unique(values) {
  return [...new Set(values)];
}

function list(value) {
  return Array.isArray(value) ? value : [];
}
