package org.compliance.evidence.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.compliance.evidence.domain.BankHolidays;
import org.compliance.evidence.domain.Periods;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How this installation counts periods, read once: the shipped period rules or the operator's, and the bank holidays. */
@ApplicationScoped
public class PeriodsSource {

    @Produces
    @Singleton
    Periods periods(@ConfigProperty(name = "compliance.evidence.period-rules") Optional<Path> operatorFile,
                    BankHolidays holidays) {
        return new Periods(PeriodRulesTable.load(operatorFile), holidays);
    }
}
