package kz.qorgau.web.security;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the sign-in established travels with the session: it serialises, and answers the claims CurrentUser reads. */
class SignedInCallerTest {

    private final SignedInCaller caller = new SignedInCaller("worker-1", List.of("social-worker"), "ORG-1", "REG", "Worker One");

    @Test
    void itSerialisesAsTheDataGridCopiesIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(caller);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(caller);
        }
    }

    @Test
    void itAnswersTheIdentityTokensClaimsAndNoOther() {
        assertThat(caller.claim("organisation")).contains("ORG-1");
        assertThat(caller.claim("region")).contains("REG");
        assertThat(caller.claim("name")).contains("Worker One");
        assertThat(caller.claim("email")).isEmpty();
        assertThat(new SignedInCaller("w", List.of(), null, null, "w").claim("organisation")).isEmpty();
    }
}
