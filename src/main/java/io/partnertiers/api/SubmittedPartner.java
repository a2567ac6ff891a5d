package io.partnertiers.api;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import io.partnertiers.facts.PartnerFacts;

/**
 * Binds a request's {@code partner} as any facts are bound, and notes where its JSON lies in the
 * body when the read asks for it ({@link Span} as a per-call attribute): the decision log keeps the
 * facts exactly as submitted and hashes those bytes, instead of writing the bound facts out again
 * (a third of what recording cost).
 */
final class SubmittedPartner extends StdDeserializer<PartnerFacts> {

    /** Where the partner's JSON starts and ends, in bytes of the body; -1 while there is none. */
    static final class Span {
        long start = -1;
        long end = -1;
    }

    SubmittedPartner() {
        super(PartnerFacts.class);
    }

    @Override
    public PartnerFacts deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        PartnerFacts facts = context.readValue(parser, PartnerFacts.class);
        if (context.getAttribute(Span.class) instanceof Span span && start >= 0) {
            span.start = start;
            span.end = parser.currentLocation().getByteOffset(); // just past the closing brace
        }
        return facts;
    }
}
