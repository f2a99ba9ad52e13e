package org.compliance.platform.input;

import jakarta.ws.rs.BadRequestException;

/** A query, path or header parameter that cannot be read: answered 400, naming the parameter. */
public class InvalidParameter extends BadRequestException {

    private final String parameter;

    public InvalidParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
