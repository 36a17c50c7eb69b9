package kz.qorgau.web.security;

import org.junit.jupiter.api.Test;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RealmKeysTest {

    @Test
    void theRealmsOneSigningKeyBecomesThePemOfTheSameKey() throws Exception {
        RSAPublicKey signing = rsaKey();
        String jwks = "{\"keys\":[" + jwk("sig-1", "sig", "RS256", signing) + "," + jwk("enc-1", "enc", "RSA-OAEP", rsaKey()) + "]}";

        String pem = RealmKeys.verificationKeys(jwks);

        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"), pem);
        assertTrue(pem.endsWith("\n-----END PUBLIC KEY-----\n"), pem);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        RSAPublicKey read = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        assertEquals(signing.getModulus(), read.getModulus());
        assertEquals(signing.getPublicExponent(), read.getPublicExponent());
    }

    @Test
    void twoSigningKeysAfterARotationStayAKeySetSoThatEachTokensKidFindsItsOwn() throws Exception {
        String jwks = "{\"keys\":[" + jwk("old", "sig", "RS256", rsaKey()) + "," + jwk("new", "sig", "RS256", rsaKey()) + "]}";
        assertEquals(jwks, RealmKeys.verificationKeys(jwks));
    }

    @Test
    void somethingThatIsNoKeySetIsPassedOnForPayaraToRefuse() {
        assertEquals("{\"keys\":[]}", RealmKeys.verificationKeys("{\"keys\":[]}"));
        assertEquals("not json", RealmKeys.verificationKeys("not json"));
    }

    private static RSAPublicKey rsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return (RSAPublicKey) generator.generateKeyPair().getPublic();
    }

    private static String jwk(String kid, String use, String alg, RSAPublicKey key) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return "{\"kid\":\"%s\",\"kty\":\"RSA\",\"alg\":\"%s\",\"use\":\"%s\",\"n\":\"%s\",\"e\":\"%s\"}".formatted(kid, alg, use,
                url.encodeToString(unsigned(key.getModulus().toByteArray())), url.encodeToString(unsigned(key.getPublicExponent().toByteArray())));
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement[0] == 0 ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }
}
