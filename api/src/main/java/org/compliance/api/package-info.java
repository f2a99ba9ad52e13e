/**
 * The published language of the suite: commands, events and queries as records. Every service compiles
 * against these classes; an event class exists here once and is never copied into a service.
 */
package org.compliance.api;
