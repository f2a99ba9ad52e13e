package org.compliance.notifications.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.compliance.notifications.application.PreferenceStore;
import org.compliance.notifications.domain.Channel;
import org.compliance.notifications.domain.NoticeKind;
import org.compliance.notifications.domain.Preferences;
import org.compliance.platform.domain.RuleViolation;
import org.compliance.platform.identity.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own notification preferences. */
@Path("/me/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Preferences", description = "The caller's own notification preferences")
@RolesAllowed({"investigator", "supervisor", "company", "auditor", "operator"})
public class PreferencesResource {

    /** A channel switched off for a kind of notice. */
    public record SwitchedOff(@NotNull NoticeKind kind, @NotNull Channel channel) {
    }

    /**
     * @param notifyOfOwnActions whether the caller is told of their own actions too (a case they opened, a
     *                           decision they issued); off when left out
     */
    public record Settings(@NotNull List<@Valid SwitchedOff> switchedOff, boolean dailyDigest,
                           Boolean notifyOfOwnActions, List<NoticeKind> legalNotices) {
    }

    private final PreferenceStore store;
    private final CurrentCaller caller;

    public PreferencesResource(PreferenceStore store, CurrentCaller caller) {
        this.store = store;
        this.caller = caller;
    }

    @GET
    @Blocking
    @Operation(operationId = "getPreferences",
            summary = "The caller's channel choices and digest setting, and the legal notices no choice affects")
    public Settings get() throws SQLException {
        return settings(store.of(caller.get().subject()));
    }

    @PUT
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replacePreferences",
            summary = "Replace the caller's choices", description = "Switch a channel (INBOX, EMAIL) off for a "
            + "kind of notice; legal notices (request issued, overdue, decision) cannot be switched off (422). With "
            + "dailyDigest, other e-mail waits for one summary a day. With notifyOfOwnActions, the caller is also "
            + "told of what they did themselves (off by default).")
    public Settings put(@Valid @NotNull Settings settings) throws SQLException {
        Set<String> off = new LinkedHashSet<>();
        for (SwitchedOff choice : settings.switchedOff()) {
            if (choice.kind().isLegalNotice()) {
                throw RuleViolation.unprocessable(choice.kind() + " is a legal notice: it always goes by e-mail "
                        + "and to the inbox");
            }
            off.add(choice.kind().name() + "/" + choice.channel().name());
        }
        String me = caller.get().subject();
        store.save(me, off, settings.dailyDigest(), Boolean.TRUE.equals(settings.notifyOfOwnActions()));
        return settings(store.of(me));
    }

    private static Settings settings(Preferences preferences) {
        List<SwitchedOff> off = preferences.switchedOff().stream().sorted().map(pair -> pair.split("/"))
                .map(parts -> new SwitchedOff(NoticeKind.valueOf(parts[0]), Channel.valueOf(parts[1]))).toList();
        return new Settings(off, preferences.dailyDigest(), preferences.ownActions(),
                Arrays.stream(NoticeKind.values()).filter(NoticeKind::isLegalNotice).toList());
    }
}
