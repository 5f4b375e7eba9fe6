package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.diag.Code;
import java.util.Set;

/**
 * A lint check: the one home of the codes it declares. It reports no other code, and no other check
 * reports these ({@code CodeHomesTest} holds both).
 */
public interface Check {

    /** The codes this check reports. */
    Set<Code> codes();
}
