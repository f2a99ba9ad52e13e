/**
 * The bodies evidence-service accepts, with the shapes it checks (422 naming the fields); its rules are in its
 * domain. The portal sends these same records. Uploads are bytes, not records.
 */
package org.compliance.api.evidence.requests;
