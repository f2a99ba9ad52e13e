package org.compliance.platform.personaldata;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.compliance.platform.axon.AxonSettings;

/** The service's data subject keys: in the event store's schema, beside the events they seal (decision 29). */
@ApplicationScoped
public class PersonalDataKeys {

    @Produces
    @ApplicationScoped
    SubjectKeys subjectKeys(AgroalDataSource dataSource, AxonSettings settings) {
        return new JdbcSubjectKeys(dataSource, settings.eventStoreSchema());
    }
}
