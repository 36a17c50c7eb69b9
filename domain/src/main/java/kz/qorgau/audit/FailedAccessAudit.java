package kz.qorgau.audit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.NotFoundException;

import java.util.Arrays;

/**
 * Every refused access — a permission the caller lacks, or a record outside the caller's partition — is written to
 * the audit trail in one place, whichever service refused it. It runs outside the service's transaction, which the
 * refusal rolls back.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class FailedAccessAudit {

    @Inject
    AuditTrail trail;

    @AroundInvoke
    Object audit(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (AccessDeniedException | NotFoundException refused) {
            Arrays.stream(invocation.getParameters()).filter(Caller.class::isInstance).map(Caller.class::cast).findFirst()
                    .ifPresent(caller -> trail.recordRefusal(caller, invocation.getMethod().getDeclaringClass().getSimpleName(),
                            invocation.getMethod().getName() + ":" + refused.messageKeys().get(0)));
            throw refused;
        }
    }
}
