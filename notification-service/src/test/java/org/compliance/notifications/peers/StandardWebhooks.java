package org.compliance.notifications.peers;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A receiver's check of a delivery with the Standard Webhooks reference library (npm {@code standardwebhooks},
 * pinned in {@code src/test/js/package-lock.json} and installed by the build), run by Node.js: what a company
 * verifying our webhooks with that specification's libraries would do.
 */
public final class StandardWebhooks {

    private static final Path VERIFIER = Path.of("src/test/js/verify.mjs");

    private StandardWebhooks() {
    }

    /** True when the reference library accepts the call as signed with this secret (and not too old). */
    public static boolean verifies(String secret, WebhookReceiver.Call call) throws IOException, InterruptedException {
        if (!Files.isDirectory(VERIFIER.resolveSibling("node_modules/standardwebhooks"))) {
            throw new IllegalStateException("The Standard Webhooks library is not installed: run src/test/js/install");
        }
        Process node = new ProcessBuilder("node", VERIFIER.getFileName().toString())
                .directory(VERIFIER.getParent().toFile()).redirectErrorStream(true).start();
        try (var input = node.getOutputStream()) {
            input.write(new ObjectMapper().writeValueAsBytes(Map.of("secret", secret, "id", call.deliveryId(),
                    "timestamp", call.timestamp(), "signature", call.signature(), "body", call.body())));
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(30, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new IllegalStateException("The verifier did not finish");
        }
        System.out.println("standardwebhooks: " + output.strip());
        return node.exitValue() == 0;
    }
}
