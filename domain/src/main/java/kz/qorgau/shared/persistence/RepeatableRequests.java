package kz.qorgau.shared.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Writes a client may send again without writing twice. The key is claimed in the transaction of the write and its
 * answer recorded there too, so both commit or neither: a repeat after a lost answer finds the recorded answer when
 * the write committed, and writes afresh when it did not. Two requests with one key at once queue on the key's row.
 */
@ApplicationScoped
public class RepeatableRequests implements Retention {

    /** How long a key is remembered: longer than any client's retries, short enough to keep the table small. */
    static final String RETENTION = "1 day";

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    /** What the first request with a key was answered. */
    public record Answer(int status, Optional<String> location, Optional<String> body) {
    }

    /** What a key's claim found: the key is new, or was answered, or was used for another request. */
    public sealed interface Claim {
        record Fresh() implements Claim {
        }

        record Answered(Answer answer) implements Claim {
        }

        record ReusedForAnotherRequest() implements Claim {
        }
    }

    /**
     * Claims a key for a request with this fingerprint (a hash of method, path and body), inside the write's own
     * transaction. Waits while another transaction holds the same key, and then sees what it committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Claim claim(String username, String key, byte[] fingerprint) {
        em.createNativeQuery("delete from api_request where username = ?1 and idempotency_key = ?2 and received_at < now() - cast(?3 as interval)")
                .setParameter(1, username).setParameter(2, key).setParameter(3, RETENTION).executeUpdate();
        int inserted = em.createNativeQuery("""
                        insert into api_request (username, idempotency_key, fingerprint) values (?1, ?2, ?3)
                        on conflict (username, idempotency_key) do nothing""")
                .setParameter(1, username).setParameter(2, key).setParameter(3, fingerprint).executeUpdate();
        if (inserted == 1) {
            return new Claim.Fresh();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select fingerprint, status, location, answer from api_request
                        where username = ?1 and idempotency_key = ?2""")
                .setParameter(1, username).setParameter(2, key).getResultList();
        Object[] row = rows.get(0);
        if (!Arrays.equals((byte[]) row[0], fingerprint) || row[1] == null) {
            return new Claim.ReusedForAnotherRequest();
        }
        return new Claim.Answered(new Answer(((Number) row[1]).intValue(),
                Optional.ofNullable((String) row[2]), Optional.ofNullable((String) row[3])));
    }

    /** Records the answer of a claimed key; commits with the write. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void answered(String username, String key, Answer answer) {
        em.createNativeQuery("update api_request set status = ?3, location = ?4, answer = ?5 where username = ?1 and idempotency_key = ?2")
                .setParameter(1, username).setParameter(2, key).setParameter(3, answer.status())
                .setParameter(4, answer.location().orElse(null)).setParameter(5, answer.body().orElse(null))
                .executeUpdate();
    }

    @Override
    public ScheduledJob job() {
        return ScheduledJob.FORGET_OLD_REQUESTS;
    }

    /** Forgets keys past their retention; run now and then, never in a user's request. */
    @Override
    @Transactional
    public int forgetOld() {
        return em.createNativeQuery("delete from api_request where received_at < now() - cast(?1 as interval)")
                .setParameter(1, RETENTION).executeUpdate();
    }
}
