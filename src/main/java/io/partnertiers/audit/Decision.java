package io.partnertiers.audit;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A recorded evaluation: the submitted facts (by reference: {@link StoredFacts}) and the full answer. */
@Entity
@Table(name = "decision")
public class Decision extends PanacheEntityBase {

    @Id
    public String id;

    public String program;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "as_of")
    public LocalDate asOf;

    @Column(name = "ruleset_version")
    public String rulesetVersion;

    public String segment;

    /** Set when the segment was kept under the program's policy although the facts fell short of it. */
    @Column(name = "at_risk_since")
    public LocalDate atRiskSince;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "facts_hash")
    public String factsHash;

    /** The answer's JSON (rows that earlier versions wrote on H2 hold it gzipped: {@link StoredJson#decode}). */
    public byte[] answer;
}
