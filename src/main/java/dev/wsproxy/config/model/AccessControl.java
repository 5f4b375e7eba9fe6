package dev.wsproxy.config.model;

import java.util.List;

/** An accessControl block: who may connect. An empty one allows everybody. */
public record AccessControl(List<AclEntry> allow, List<AclEntry> deny) {

    public static final AccessControl ALLOW_ALL = new AccessControl(List.of(), List.of());

    public AccessControl {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    public boolean isEmpty() {
        return allow.isEmpty() && deny.isEmpty();
    }
}
