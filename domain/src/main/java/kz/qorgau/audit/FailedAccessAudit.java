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
 * refusal rolls back. When one service calls another, only the outermost call records the refusal, so that one
 * attempt leaves one line.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class FailedAccessAudit {

    @Inject
    AuditTrail trail;

    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    @AroundInvoke
    Object audit(InvocationContext invocation) throws Exception {
        int depth = DEPTH.get();
        DEPTH.set(depth + 1);
        try {
            return invocation.proceed();
        } catch (AccessDeniedException | NotFoundException refused) {
            if (depth > 0) {
                throw refused;
            }
            Arrays.stream(invocation.getParameters()).filter(Caller.class::isInstance).map(Caller.class::cast).findFirst()
                    .ifPresent(caller -> trail.recordRefusal(caller, invocation.getMethod().getDeclaringClass().getSimpleName(),
                            invocation.getMethod().getName() + ":" + refused.messageKeys().get(0)));
            throw refused;
        } finally {
            if (depth == 0) {
                DEPTH.remove();
            } else {
                DEPTH.set(depth);
            }
        }
    }
}
