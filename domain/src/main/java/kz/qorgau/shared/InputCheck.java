package kz.qorgau.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.List;

/** Validates a command against its Bean Validation rules and refuses it with message keys, in a stable order. */
@ApplicationScoped
public class InputCheck {

    @Inject
    Validator validator;

    public void require(Object command) {
        List<String> keys = validator.validate(command).stream()
                .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(InputCheck::key)
                .distinct()
                .toList();
        if (!keys.isEmpty()) {
            throw new InvalidInputException(keys);
        }
    }

    /** The refusal keys of some properties only, in the order given: one step of a longer form. */
    public List<String> refusals(Object command, List<String> properties) {
        return properties.stream()
                .flatMap(property -> validator.validateProperty(command, property).stream().map(InputCheck::key))
                .distinct()
                .toList();
    }

    /** Our constraints name their message as {@code {key}}; the key is what the web layer translates. */
    static String key(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        return template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1) : template;
    }
}
