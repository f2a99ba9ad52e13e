/**
 * What notification-service answers (the inbox, the caller's preferences, a company's webhook endpoints and
 * deliveries), so that the portal reads the records the service writes.
 */
package org.compliance.api.notifications.views;
