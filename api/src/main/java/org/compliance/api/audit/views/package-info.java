/**
 * What audit-service answers: the case as it stood at a moment, the verdict on its hash chains, who looked,
 * the checkpoint key. A case's history is not here: its entries carry the stored event as a JSON tree, and this
 * module has no JSON library (decision 10).
 */
package org.compliance.api.audit.views;
