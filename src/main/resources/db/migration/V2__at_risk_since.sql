-- A decision that kept a partner's tier under the program's policy, although its facts fell short,
-- says since when: the next evaluation continues the same grace period rather than starting anew.
ALTER TABLE decision ADD COLUMN at_risk_since DATE;
