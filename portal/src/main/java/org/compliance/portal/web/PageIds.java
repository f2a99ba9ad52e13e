package org.compliance.portal.web;

import io.quarkus.qute.TemplateGlobal;
import java.util.UUID;

/**
 * Every page the portal renders says which rendering it is ({@code <body data-page-id>}): a new id per
 * response, so a browser (and the browser tests) can tell that the next page has arrived, even at the same
 * address, from what the page states rather than from the old page going away.
 */
@TemplateGlobal
public final class PageIds {

    private PageIds() {
    }

    static String pageId() {
        return UUID.randomUUID().toString();
    }
}
