/**
 * The bodies case-service accepts, with the shapes it checks (422 naming the fields); its rules are in its
 * domain. The portal sends these same records.
 */
package org.compliance.api.cases.requests;
