package org.compliance.cases.application;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.compliance.api.cases.DataSubjectErased;
import org.compliance.platform.personaldata.SubjectKeys;
import org.jboss.logging.Logger;

/**
 * Destroys an erased data subject's key once the erasure is recorded (decision 29): from then on every text sealed
 * under it reads erased, in every service. Its own processing group, not a projection: a rebuild never re-runs it,
 * and destroying a key twice changes nothing, so an event seen again after a crash is harmless. Until it has run,
 * the erasure endpoint waits (bounded) for it.
 */
@ApplicationScoped
@Unremovable
@ProcessingGroup(KeyShredding.GROUP)
public class KeyShredding {

    public static final String GROUP = "data-subject-keys";
    private static final Logger LOG = Logger.getLogger(KeyShredding.class);

    private final SubjectKeys keys;

    public KeyShredding(SubjectKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(DataSubjectErased event) {
        if (keys.destroy(event.dataSubject())) {
            LOG.infof("Data subject %s of case %s erased: key destroyed (%s)", event.dataSubject(), event.caseId(),
                    event.reason());
        }
    }
}
