/** The bodies notification-service accepts from the portal: a webhook endpoint to register. */
package org.compliance.api.notifications.requests;
