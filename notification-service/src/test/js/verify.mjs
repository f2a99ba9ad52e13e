// Verifies one webhook delivery with the Standard Webhooks reference library, as a receiver would.
// Input on stdin, as JSON: {"secret": "whsec_...", "id": "...", "timestamp": "...", "signature": "v1,...",
// "body": "<the raw request body>"}. Exits 0 when the delivery verifies, 1 when it does not.
import { readFileSync } from "node:fs";
import { Webhook } from "standardwebhooks";

const delivery = JSON.parse(readFileSync(0, "utf8"));
try {
  new Webhook(delivery.secret).verify(delivery.body, {
    "webhook-id": delivery.id,
    "webhook-timestamp": delivery.timestamp,
    "webhook-signature": delivery.signature,
  });
  console.log("verified");
} catch (e) {
  console.error(`not verified: ${e.message}`);
  process.exit(1);
}
