package org.compliance.api.shared;

/** A command addressed to one aggregate instance; the platform routes and version-checks it by this id. */
public interface Addressed {

    String aggregateId();
}
