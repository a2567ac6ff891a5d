package io.partnertiers.facts;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Someone working for the partner, with the roles they hold and their certifications. */
public record Person(
        String id,
        @Size(max = Limits.MAX_ROLES_PER_PERSON) List<@NotBlank String> roles,
        @Size(max = Limits.MAX_CERTIFICATIONS_PER_PERSON) List<@NotNull Certification> certifications) {

    public Person {
        roles = Lists.orEmpty(roles);
        certifications = Lists.orEmpty(certifications);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public List<Certification> certificationsValidOn(LocalDate asOf) {
        return certifications.stream().filter(c -> c.isValidOn(asOf)).toList();
    }

    public boolean isCertifiedOn(LocalDate asOf) {
        for (Certification certification : certifications) {
            if (certification.isValidOn(asOf)) {
                return true;
            }
        }
        return false;
    }
}
