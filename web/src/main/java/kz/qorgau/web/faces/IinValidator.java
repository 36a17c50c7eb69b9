package kz.qorgau.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import kz.qorgau.casefile.Iin;
import kz.qorgau.shared.InvalidInputException;


/**
 * The IIN's own rules (twelve digits, check digit) at the field, in the same round as the form's other checks: a
 * mistyped number is told at once, not only after everything else on the form has been put right.
 */
@FacesValidator("qorgau.iin")
public class IinValidator implements Validator<Object> {

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        try {
            Iin.ofNullable(value == null ? null : value.toString().strip());
        } catch (InvalidInputException refused) {
            String text = Messages.refusal(refused.messageKeys().get(0), context.getViewRoot().getLocale());
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
    }
}
