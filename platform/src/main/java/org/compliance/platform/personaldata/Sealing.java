package org.compliance.platform.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.compliance.api.shared.PersonalData;

/**
 * Seals a text under the keys of its data subjects and opens it again (AES-256-GCM). A text about several subjects
 * is sealed under a key derived from all of theirs (HMAC-SHA256 over each subject's key in turn), so erasing any one
 * of them makes it unreadable. The subjects are the cipher's associated data: a sealed text moved to other subjects
 * does not open. The keys come from the service's {@link SubjectKeys}, installed once at start.
 */
public final class Sealing {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CONTEXT = "compliance personal data v1".getBytes(StandardCharsets.UTF_8);
    private static volatile SubjectKeys keys;

    private Sealing() {
    }

    /** A text in its stored form: the subjects, the nonce and the ciphertext with its tag, Base64. */
    public record Sealed(List<String> subjects, String nonce, String ciphertext) {
    }

    public static void install(SubjectKeys subjectKeys) {
        keys = subjectKeys;
    }

    public static Sealed seal(String text, List<String> subjects) {
        List<String> ordered = List.copyOf(new TreeSet<>(subjects));
        List<byte[]> subjectKeys = new ArrayList<>();
        for (String subject : ordered) {
            subjectKeys.add(keys().keyToSeal(subject));
        }
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, textKey(subjectKeys), nonce, ordered);
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return new Sealed(ordered, base64(nonce), base64(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The text, or {@link PersonalData#ERASED} once any of its subjects is erased. */
    public static String open(Sealed sealed) {
        List<byte[]> subjectKeys = new ArrayList<>();
        for (String subject : sealed.subjects()) {
            Optional<byte[]> key = keys().keyToUnseal(subject);
            if (key.isEmpty()) {
                return PersonalData.ERASED;
            }
            subjectKeys.add(key.get());
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, textKey(subjectKeys),
                    Base64.getDecoder().decode(sealed.nonce()), sealed.subjects());
            return new String(cipher.doFinal(Base64.getDecoder().decode(sealed.ciphertext())), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A sealed text of " + sealed.subjects() + " does not open with their keys: "
                    + "it was altered or moved", e);
        }
    }

    private static SubjectKeys keys() {
        SubjectKeys installed = keys;
        if (installed == null) {
            throw new IllegalStateException("No key store for personal data is installed (Sealing.install)");
        }
        return installed;
    }

    private static byte[] textKey(List<byte[]> subjectKeys) throws GeneralSecurityException {
        byte[] derived = CONTEXT;
        for (byte[] key : subjectKeys) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            derived = mac.doFinal(derived);
        }
        return derived;
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, List<String> subjects)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(String.join("\n", subjects).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
