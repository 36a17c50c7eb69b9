package kz.qorgau.web.security;

import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Principal AIGERIM = () -> "aigerim";

    private final VerifiedTokens tokens = new VerifiedTokens();

    @Test
    void theSameTokenAgainNamesTheSameCallerWithHerGroups() {
        tokens.remember("header.payload.signature", AIGERIM, Set.of("social-worker"), Optional.of(NOW.plusSeconds(300)), NOW);

        VerifiedTokens.Verified known = tokens.find("header.payload.signature", NOW.plusSeconds(10)).orElseThrow();

        assertEquals("aigerim", known.caller().getName());
        assertEquals(Set.of("social-worker"), known.groups());
    }

    @Test
    void aTokenChangedInOneCharacterIsNotKnown() {
        tokens.remember("header.payload.signature", AIGERIM, Set.of("social-worker"), Optional.of(NOW.plusSeconds(300)), NOW);

        assertFalse(tokens.find("header.payload.signaturf", NOW).isPresent());
        assertFalse(tokens.find("header.payloaD.signature", NOW).isPresent());
    }

    @Test
    void anEntryEndsWhenTheTokenExpires() {
        tokens.remember("t", AIGERIM, Set.of(), Optional.of(NOW.plusSeconds(20)), NOW);

        assertTrue(tokens.find("t", NOW.plusSeconds(19)).isPresent());
        assertFalse(tokens.find("t", NOW.plusSeconds(20)).isPresent());
        assertEquals(0, tokens.size(), "an ended entry is forgotten when met");
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterAMinute() {
        tokens.remember("t", AIGERIM, Set.of(), Optional.of(NOW.plusSeconds(3600)), NOW);

        assertTrue(tokens.find("t", NOW.plus(VerifiedTokens.KEPT).minusSeconds(1)).isPresent());
        assertFalse(tokens.find("t", NOW.plus(VerifiedTokens.KEPT)).isPresent());
    }

    @Test
    void aTokenWithoutExpiryOrAlreadyExpiredOrWithoutCallerIsNotRemembered() {
        tokens.remember("no-expiry", AIGERIM, Set.of(), Optional.empty(), NOW);
        tokens.remember("expired", AIGERIM, Set.of(), Optional.of(NOW), NOW);
        tokens.remember("nobody", null, Set.of(), Optional.of(NOW.plusSeconds(60)), NOW);

        assertEquals(0, tokens.size());
    }

    @Test
    void memoryIsBoundedByForgettingEverythingAtTheLimit() {
        for (int i = 0; i < VerifiedTokens.MAX; i++) {
            tokens.remember("t" + i, AIGERIM, Set.of(), Optional.of(NOW.plusSeconds(60)), NOW);
        }
        assertEquals(VerifiedTokens.MAX, tokens.size());

        tokens.remember("one more", AIGERIM, Set.of(), Optional.of(NOW.plusSeconds(60)), NOW);

        assertEquals(1, tokens.size());
        assertTrue(tokens.find("one more", NOW).isPresent());
        assertFalse(tokens.find("t0", NOW).isPresent());
    }
}
