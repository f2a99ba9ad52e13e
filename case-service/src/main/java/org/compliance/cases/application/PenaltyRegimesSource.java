package org.compliance.cases.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.compliance.cases.domain.PenaltyRegimes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The penalty regimes of this installation, read once: the shipped table or the operator's file. */
@ApplicationScoped
public class PenaltyRegimesSource {

    @Produces
    @Singleton
    PenaltyRegimes penaltyRegimes(@ConfigProperty(name = "compliance.cases.penalty-regimes")
                                  Optional<Path> operatorFile) {
        return PenaltyRegimeTable.load(operatorFile);
    }
}
