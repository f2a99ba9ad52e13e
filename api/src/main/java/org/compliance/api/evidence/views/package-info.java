/** What evidence-service answers about evidence requests, so that the portal reads the records the service writes. */
package org.compliance.api.evidence.views;
