package kz.qorgau.protection;

import kz.qorgau.access.OrderAccess;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A protective order as a case page shows it, with the policy's answer of what the reader may do with it now. */
public record OrderView(Long id, long version, String orderNumber, LocalDate issueDate, String issuingUnitCode,
                        LocalDate validUntil, OrderStatus status, String perpetratorName, Set<Prohibition> prohibitions,
                        List<ViolationView> violations, LocalDate revokedOn, OrderAccess access) implements Serializable {

    public record ViolationView(LocalDate occurredOn, ViolationConsequence consequence, Integer arrestDays)
            implements Serializable {
    }

    public boolean inForce() {
        return status == OrderStatus.ACTIVE;
    }

    static OrderView of(ProtectiveOrder order, LocalDate today, OrderAccess access) {
        Set<Prohibition> prohibitions = order.prohibitions().isEmpty() ? EnumSet.noneOf(Prohibition.class)
                : EnumSet.copyOf(order.prohibitions());
        List<ViolationView> violations = order.violations().stream()
                .sorted(java.util.Comparator.comparing(Violation::occurredOn).thenComparing(Violation::id))
                .map(v -> new ViolationView(v.occurredOn(), v.consequence(),
                        v.arrestDays().isPresent() ? v.arrestDays().getAsInt() : null))
                .toList();
        Perpetrator p = order.perpetrator();
        return new OrderView(order.id(), order.version(), order.orderNumber(), order.issueDate(), order.issuingUnitCode(),
                order.validUntil(), order.status(today), p.familyName() + " " + p.givenName(), prohibitions, violations,
                order.revokedOn().orElse(null), access);
    }
}
