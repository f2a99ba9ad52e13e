/**
 * What case-service answers (its views per audience, its pages, next steps, the version a change led to), so
 * that the portal reads the same records the service writes.
 */
package org.compliance.api.cases.views;
